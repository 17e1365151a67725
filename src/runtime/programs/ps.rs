//! `ps`: the rows it shows of a process (the process, its foreground
//! program, that program's helpers) and busybox's and procps's tables of
//! them. `top` reads the same rows.

use super::memory::{memory_kb, NODE_MEMORY_KB};
use super::once::once;
use super::time::{format_time, EPOCH_SECONDS};
use crate::runtime::program::{CpuTime, ProcessId, ProcessInfo, Program};

/// One line of `ps`: a process or a foreground program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PsRow {
    /// Its PID in the namespace.
    pub pid: u32,
    /// Its parent's PID (0 for a session's first process: PID 1, an exec).
    pub parent: u32,
    /// Its command line.
    pub command: String,
    /// When it started.
    pub started: crate::clock::SimTime,
    /// Whether it is the `ps` printing the table (the one process running).
    pub running: bool,
    /// Its terminal, if it has one (`?` in the table otherwise).
    pub tty: Option<&'static str>,
    /// Its user id: 0 (`root`) or 101 (`nginx`).
    pub uid: u32,
    /// Memory its program holds beyond its binary (redis's dataset), in kB.
    pub held_kb: u64,
    /// On the row that does a process's work (its foreground program, or
    /// the process itself): that process's runtime identity and CPU.
    pub cpu: Option<(ProcessId, CpuTime)>,
}

/// Adds the rows `ps` shows for the process `info`: the process, the
/// program it runs in the foreground (its child) and that program's helpers.
pub fn rows_of(info: &ProcessInfo, rows: &mut Vec<PsRow>) {
    rows.push(PsRow {
        pid: info.pid,
        parent: info.parent,
        command: info.command.clone(),
        started: info.started,
        running: false,
        tty: info.tty,
        uid: 0,
        held_kb: 0,
        cpu: None,
    });
    let program_pid = match &info.foreground {
        Some((pid, command)) => {
            rows.push(PsRow {
                pid: *pid,
                parent: info.pid,
                command: command.clone(),
                started: info.started,
                running: false,
                tty: info.tty,
                uid: 0,
                held_kb: 0,
                cpu: None,
            });
            *pid
        }
        None => info.pid,
    };
    // What the program holds (redis's dataset) and the CPU it uses are its
    // row's; it is running (`R`) while it is busy.
    if let Some(row) = rows.iter_mut().rev().find(|row| row.pid == program_pid) {
        row.held_kb = info.held_bytes / 1024;
        row.cpu = Some((info.id, info.cpu));
        row.running |= info.cpu.busy;
    }
    for forked in &info.forked {
        rows.push(PsRow {
            pid: forked.pid,
            parent: program_pid,
            command: forked.command.clone(),
            started: info.started,
            running: false,
            tty: info.tty,
            uid: forked.uid,
            held_kb: 0,
            cpu: None,
        });
    }
}

/// The user name `ps` prints for `uid`: the image's `/etc/passwd` names
/// nginx's uid 101 only in the nginx (Debian) image; busybox prints the number.
pub fn user_name(uid: u32, busybox: bool) -> String {
    match (uid, busybox) {
        (0, _) => "root".to_string(),
        (101, false) => "nginx".to_string(),
        (other, _) => other.to_string(),
    }
}

/// Which table procps's `ps` prints for its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PsFormat {
    /// `-ef` (and no options): `UID PID PPID C STIME TTY TIME CMD`.
    Full,
    /// BSD `u` (`aux`): `USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND`.
    User,
    /// BSD options without `u` (`ax`): `PID TTY STAT TIME COMMAND`.
    Bsd,
    /// Other options, whose tables podplay does not print.
    Unsupported,
}

impl PsFormat {
    /// The format procps picks: BSD options have no dash, UNIX options do.
    fn of(args: &[String]) -> PsFormat {
        let Some(first) = args.first() else {
            return PsFormat::Full;
        };
        if !first.starts_with('-') {
            return if first.contains('u') {
                PsFormat::User
            } else {
                PsFormat::Bsd
            };
        }
        if args
            .iter()
            .any(|a| a.contains('f') || a.contains('e') || a.contains('a'))
        {
            PsFormat::Full
        } else {
            PsFormat::Unsupported
        }
    }
}

/// The `STAT` column: `R` for the running `ps`, `S` (sleeping) for the
/// rest, with `s` for a session leader.
fn process_state(row: &PsRow) -> String {
    let state = if row.running { "R" } else { "S" };
    let leader = if row.parent == 0 { "s" } else { "" };
    format!("{state}{leader}")
}

/// `ps`, from a snapshot of the container's processes: busybox's format for
/// any options, or procps's (as centos:7 prints it) where the image has
/// procps: `-ef`, `aux` or `ax`. PIDs are 6 wide, as on a node whose
/// `pid_max` has six digits (seed 000's `ps -ef`).
pub fn ps(args: &[String], mut rows: Vec<PsRow>, busybox: bool) -> Box<dyn Program> {
    crate::sort::sort_by_key(&mut rows, |row| row.pid);
    let format = PsFormat::of(args);
    once(move |sys| {
        if busybox {
            sys.out.extend(b"PID   USER     TIME  COMMAND\n");
            for row in &rows {
                sys.out.extend(
                    format!(
                        "{:>5} {:<8} {:>5} {}\n",
                        row.pid,
                        user_name(row.uid, true),
                        "0:00",
                        row.command
                    )
                    .bytes(),
                );
            }
            return 0;
        }
        let start = |row: &PsRow, pattern: &str| {
            format_time(
                EPOCH_SECONDS + (row.started.as_millis() / 1000) as i64,
                pattern,
            )
        };
        match format {
            PsFormat::Full => {
                sys.out
                    .extend(b"UID         PID   PPID  C STIME TTY          TIME CMD\n");
                for row in &rows {
                    sys.out.extend(
                        format!(
                            "{:<8} {:>6} {:>6} {:>2} {} {:<8} {:>8} {}\n",
                            user_name(row.uid, false),
                            row.pid,
                            row.parent,
                            0,
                            start(row, "%H:%M"),
                            row.tty.unwrap_or("?"),
                            "00:00:00",
                            row.command
                        )
                        .bytes(),
                    );
                }
            }
            PsFormat::User => {
                sys.out.extend(
                    b"USER        PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n",
                );
                for row in &rows {
                    let (virtual_kb, resident_kb) = memory_kb(&row.command);
                    let memory_tenths = resident_kb * 1000 / NODE_MEMORY_KB;
                    sys.out.extend(
                        format!(
                            "{:<8} {:>6} {:>4} {:>4} {:>6} {:>5} {:<8} {:<4} {:>5} {:>6} {}\n",
                            user_name(row.uid, false),
                            row.pid,
                            "0.0",
                            format!("{}.{}", memory_tenths / 10, memory_tenths % 10),
                            virtual_kb,
                            resident_kb,
                            row.tty.unwrap_or("?"),
                            process_state(row),
                            start(row, "%H:%M"),
                            "0:00",
                            row.command
                        )
                        .bytes(),
                    );
                }
            }
            PsFormat::Bsd => {
                sys.out.extend(b"   PID TTY      STAT   TIME COMMAND\n");
                for row in &rows {
                    sys.out.extend(
                        format!(
                            "{:>6} {:<8} {:<4} {:>6} {}\n",
                            row.pid,
                            row.tty.unwrap_or("?"),
                            process_state(row),
                            "0:00",
                            row.command
                        )
                        .bytes(),
                    );
                }
            }
            PsFormat::Unsupported => {}
        }
        0
    })
}
