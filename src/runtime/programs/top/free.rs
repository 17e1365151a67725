//! `uptime`'s line and `free`'s table.

use super::memory::Memory;
use super::variant::Variant;
use crate::clock::SimTime;
use crate::runtime::programs::time::{format_time, EPOCH_SECONDS};

/// `uptime`'s line (and `top`'s first line after `top -`): the time of day
/// on the virtual clock, the node's uptime, no users, no load.
pub fn uptime_line(variant: Variant, now: SimTime) -> String {
    let seconds = now.as_millis() / 1000;
    let clock = format_time(EPOCH_SECONDS + seconds as i64, "%H:%M:%S");
    let days = seconds / 86_400;
    let hours = seconds / 3_600 % 24;
    let minutes = seconds / 60 % 60;
    let mut line = format!(" {clock} up ");
    if days > 0 {
        let plural = match variant {
            Variant::Procps4 => days > 1,
            _ => days != 1,
        };
        line.push_str(&format!("{days} day{}, ", if plural { "s" } else { "" }));
    }
    let time = if hours > 0 {
        format!("{hours:2}:{minutes:02}")
    } else {
        format!("{minutes} min")
    };
    line.push_str(&match variant {
        Variant::Busybox => format!("{time},  load average: 0.00, 0.00, 0.00"),
        Variant::Procps3 => format!("{time},  0 users,  load average: 0.00, 0.00, 0.00"),
        Variant::Procps4 => format!("{time},  0 user,  load average: 0.00, 0.00, 0.00"),
    });
    line
}

/// `free`: busybox's table or procps's, in kB unless `unit` says otherwise.
pub fn free(variant: Variant, memory: &Memory, unit: Option<char>) -> String {
    let show = |kb: u64| -> String {
        match unit {
            Some('b') => (kb * 1024).to_string(),
            Some('m') => (kb / 1024).to_string(),
            Some('g') => (kb / 1024 / 1024).to_string(),
            Some('h') => human(kb, variant == Variant::Procps4),
            _ => kb.to_string(),
        }
    };
    let mem = [
        memory.total,
        memory.used,
        memory.free,
        memory.shared,
        memory.buff_cache(),
        memory.available,
    ]
    .map(show);
    let swap = [0, 0, 0].map(show);
    match variant {
        Variant::Busybox => format!(
            "       {:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\nMem:   {:>12}{:>12}{:>12}{:>12}{:>12}{:>12}\nSwap:  {:>12}{:>12}{:>12}\n",
            "total", "used", "free", "shared", "buff/cache", "available",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
        Variant::Procps3 => format!(
            "              total        used        free      shared  buff/cache   available\nMem:    {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}\nSwap:   {:>11} {:>11} {:>11}\n",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
        Variant::Procps4 => format!(
            "               total        used        free      shared  buff/cache   available\nMem:     {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}\nSwap:    {:>11} {:>11} {:>11}\n",
            mem[0], mem[1], mem[2], mem[3], mem[4], mem[5], swap[0], swap[1], swap[2]
        ),
    }
}

/// `free -h`'s figures: at most three digits and a unit (`7.8Gi`; procps
/// 3.3 and busybox write `7.8G`).
fn human(kb: u64, binary_suffix: bool) -> String {
    if kb == 0 {
        return "0B".to_string();
    }
    let suffix = if binary_suffix { "i" } else { "" };
    let mut value = kb as f64;
    for unit in ["K", "M", "G", "T"] {
        if value < 10.0 {
            return format!("{value:.1}{unit}{suffix}");
        }
        if value < 1000.0 {
            return format!("{}{unit}{suffix}", value.round());
        }
        value /= 1024.0;
    }
    format!("{}P{suffix}", value.round())
}
