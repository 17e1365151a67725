//! `df [-h] [FILE…]`: busybox's table (every mount with blocks) or
//! coreutils's (one line per device, widths fitted to the cells).

use super::table::{mount_table, Blocks, MountEntry};
use crate::runtime::program::Sys;

/// The node disk's size in 1K blocks (about 97 GiB).
const DISK_KB: u64 = 101_430_960;

/// 1K blocks of the node disk in use before any container writes (the OS
/// and the images).
const DISK_BASE_USED_KB: u64 = 23_987_412;

/// 1K blocks ext4 reserves for root (5 %), in neither `Used` nor `Available`.
const DISK_RESERVED_KB: u64 = DISK_KB / 20;

/// A mount's size, used and available 1K blocks.
fn usage(blocks: Blocks, disk_used_kb: u64) -> Option<(u64, u64, u64)> {
    match blocks {
        Blocks::Disk => Some((
            DISK_KB,
            disk_used_kb,
            DISK_KB - DISK_RESERVED_KB - disk_used_kb,
        )),
        Blocks::Tmpfs { size_kb, used_kb } => {
            Some((size_kb, used_kb, size_kb.saturating_sub(used_kb)))
        }
        Blocks::None => None,
    }
}

/// busybox's human-readable size: one decimal and a unit letter (`64.0M`).
fn busybox_human(kb: u64) -> String {
    if kb == 0 {
        return "0".to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut value = kb;
    let mut unit = 0;
    let mut tenths = 0;
    while value >= 1024 && unit + 1 < units.len() {
        tenths = ((value % 1024) * 10 + 512) / 1024;
        value /= 1024;
        unit += 1;
    }
    if tenths >= 10 {
        value += 1;
        tenths = 0;
    }
    format!("{value}.{tenths}{}", units[unit])
}

/// coreutils's `-h` size: powers of 1024 rounded up, one decimal below 10.
fn coreutils_human(kb: u64) -> String {
    if kb == 0 {
        return "0".to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut unit = 0;
    let mut scale = 1u64;
    while kb.div_ceil(scale) >= 1024 && unit + 1 < units.len() {
        scale *= 1024;
        unit += 1;
    }
    let tenths = (kb * 10).div_ceil(scale);
    if tenths < 100 {
        format!("{}.{}{}", tenths / 10, tenths % 10, units[unit])
    } else {
        format!("{}{}", kb.div_ceil(scale), units[unit])
    }
}

/// `df [-h] [FILE…]`: busybox's or coreutils's table of the mounts with
/// blocks (or of those holding the FILEs).
pub fn df(args: &[String], sys: &mut Sys) -> i32 {
    let human = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('h'))
        || args.iter().any(|a| a == "--human-readable");
    let disk_used_kb = DISK_BASE_USED_KB + (sys.io.fs.used_bytes() as u64).div_ceil(1024);
    let table = mount_table(sys);
    let mut rows: Vec<(&MountEntry, (u64, u64, u64))> = table
        .iter()
        .filter_map(|entry| usage(entry.blocks, disk_used_kb).map(|u| (entry, u)))
        .collect();
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if !operands.is_empty() {
        // Each FILE operand shows the mount holding it (the longest match).
        let holding = |path: &str| {
            let components = crate::runtime::fs::normalize(sys.cwd, path);
            rows.iter()
                .filter(|(entry, _)| {
                    let mount = crate::runtime::fs::normalize("/", &entry.path);
                    mount.len() <= components.len()
                        && mount.iter().zip(&components).all(|(a, b)| a == b)
                })
                .max_by_key(|(entry, _)| entry.path.len())
                .copied()
        };
        rows = operands.iter().filter_map(|path| holding(path)).collect();
    }
    if sys.busybox {
        busybox_table(sys, rows, human);
    } else {
        coreutils_table(sys, rows, human);
    }
    0
}

/// A mount and its size, used and available 1K blocks.
type Row<'a> = (&'a MountEntry, (u64, u64, u64));

/// busybox's table: every mount, fixed columns.
fn busybox_table(sys: &mut Sys, rows: Vec<Row>, human: bool) {
    let header = if human { "     Size" } else { "1K-blocks" };
    sys.out.extend(
        format!("Filesystem           {header:<15}Used Available Use% Mounted on\n").bytes(),
    );
    for (entry, (size, used, available)) in rows {
        let percent = (used * 100 + (used + available) / 2)
            .checked_div(used + available)
            .unwrap_or(0);
        let show = |kb: u64| {
            if human {
                busybox_human(kb)
            } else {
                kb.to_string()
            }
        };
        sys.out.extend(
            format!(
                "{:<20} {:>9} {:>9} {:>9} {percent:>3}% {}\n",
                entry.device,
                show(size),
                show(used),
                show(available),
                entry.path
            )
            .bytes(),
        );
    }
}

/// coreutils's table: a line per device, columns fitted to the widest cell.
fn coreutils_table(sys: &mut Sys, rows: Vec<Row>, human: bool) {
    // coreutils shows one mount per device, the one with the shortest
    // mount point, in the place where the device first appears.
    let mut kept: Vec<(&MountEntry, (u64, u64, u64))> = Vec::new();
    for (entry, numbers) in rows {
        match kept
            .iter_mut()
            .find(|(k, _)| k.device_id == entry.device_id)
        {
            Some(slot) if slot.0.path.len() > entry.path.len() => *slot = (entry, numbers),
            Some(_) => {}
            None => kept.push((entry, numbers)),
        }
    }
    let show = |kb: u64| {
        if human {
            coreutils_human(kb)
        } else {
            kb.to_string()
        }
    };
    let header: [&str; 6] = if human {
        ["Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"]
    } else {
        [
            "Filesystem",
            "1K-blocks",
            "Used",
            "Available",
            "Use%",
            "Mounted on",
        ]
    };
    let mut cells: Vec<[String; 6]> = vec![header.map(String::from)];
    for (entry, (size, used, available)) in kept {
        let percent = if used == 0 {
            0
        } else {
            (used * 100).div_ceil(used + available)
        };
        cells.push([
            entry.device.to_string(),
            show(size),
            show(used),
            show(available),
            format!("{percent}%"),
            entry.path.clone(),
        ]);
    }
    let minimum = [14, 5, 5, 5, 4, 0];
    let widths: Vec<usize> = (0..6)
        .map(|column| {
            cells
                .iter()
                .map(|row| row[column].len())
                .chain([minimum[column]])
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &cells {
        let line = format!(
            "{:<w0$} {:>w1$} {:>w2$} {:>w3$} {:>w4$} {}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
        );
        sys.out.extend(line.bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::{busybox_human, coreutils_human};

    #[test]
    fn sizes_are_made_human_as_busybox_and_coreutils_make_them() {
        let cases = [
            (0, "0", "0"),
            (12, "12.0K", "12K"),
            (65_536, "64.0M", "64M"),
            (4_076_048, "3.9G", "3.9G"),
            (101_430_960, "96.7G", "97G"),
            (23_987_416, "22.9G", "23G"),
        ];
        for (kb, busybox, coreutils) in cases {
            assert_eq!(busybox_human(kb), busybox, "busybox {kb}");
            assert_eq!(coreutils_human(kb), coreutils, "coreutils {kb}");
        }
    }
}
