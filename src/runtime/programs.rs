//! The programs a container can run, each a small state machine: `step` does
//! what it can now and says whether it exited, wants to go on, or waits
//! (for time, for input, for a file to grow). Output goes to `Sys::out` and
//! `Sys::err`; the process delivers it. Messages are worded as busybox or GNU
//! coreutils word them.

use super::fs::{FsError, Inode};
use super::pipes::ReadResult;
use super::program::ProcessInfo;
use super::program::{Program, Step, Sys, Wait};

/// The cluster's virtual clock starts at this Unix time (2026-01-01T00:00:00Z).
pub const EPOCH_SECONDS: i64 = 1_767_225_600;

/// Bytes a streaming program reads per step.
const READ_CHUNK: usize = 16 * 1024;

/// The program called `name` with `arguments`, if the runtime has it.
pub fn create(name: &str, arguments: &[String]) -> Option<Box<dyn Program>> {
    let args = arguments.to_vec();
    let base = super::images::program_name(name);
    Some(match base {
        "echo" => once(move |sys| echo(&args, sys)),
        "printf" => once(move |sys| printf(&args, sys)),
        "sleep" => Box::new(Sleep { args, until: None }),
        "cat" => Box::new(Cat::new(args)),
        "tail" => Box::new(Tail::new(args)),
        "head" => Box::new(Head::new(args)),
        "wc" => Box::new(Collect::new("wc", args)),
        "sort" => Box::new(Collect::new("sort", args)),
        "grep" => Box::new(Collect::new("grep", args)),
        "cut" => Box::new(Collect::new("cut", args)),
        "tr" => Box::new(Collect::new("tr", args)),
        "uniq" => Box::new(Collect::new("uniq", args)),
        "sed" => Box::new(Collect::new("sed", args)),
        "awk" => Box::new(Collect::new("awk", args)),
        "tee" => Box::new(Tee {
            args,
            opened: false,
        }),
        "expr" => once(move |sys| expr(&args, sys)),
        "id" => once(|sys| {
            sys.out.extend(b"uid=0(root) gid=0(root) groups=0(root)\n");
            0
        }),
        "whoami" => once(|sys| {
            sys.out.extend(b"root\n");
            0
        }),
        "uname" => once(move |sys| {
            let line = if args.iter().any(|a| a == "-a") {
                format!(
                    "Linux {} 6.1.0-podplay #1 SMP x86_64 GNU/Linux",
                    sys.hostname
                )
            } else {
                "Linux".to_string()
            };
            sys.out.extend(format!("{line}\n").bytes());
            0
        }),
        "basename" => once(move |sys| {
            let path = args.first().map(String::as_str).unwrap_or("");
            let base = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            let base = args
                .get(1)
                .and_then(|suffix| base.strip_suffix(suffix.as_str()))
                .unwrap_or(base);
            sys.out.extend(format!("{base}\n").bytes());
            0
        }),
        "dirname" => once(move |sys| {
            let path = args
                .first()
                .map(String::as_str)
                .unwrap_or("")
                .trim_end_matches('/');
            let dir = match path.rsplit_once('/') {
                Some(("", _)) => "/",
                Some((dir, _)) => dir,
                None => ".",
            };
            sys.out.extend(format!("{dir}\n").bytes());
            0
        }),
        "cp" => once(move |sys| copy(&args, false, sys)),
        "mv" => once(move |sys| copy(&args, true, sys)),
        "test" => once(move |sys| test(&args, false, sys)),
        "[" => once(move |sys| test(&args, true, sys)),
        "seq" => once(move |sys| seq(&args, sys)),
        "hostname" => once(move |sys| {
            let line = match (args.iter().any(|a| a == "-i"), sys.network) {
                (true, Some(network)) => network.ip_text(),
                _ => sys.hostname.to_string(),
            };
            sys.out.extend(format!("{line}\n").bytes());
            0
        }),
        "ip" => once(move |sys| ip(&args, sys)),
        "nslookup" => once(move |sys| nslookup(&args, sys)),
        "getent" => once(move |sys| getent(&args, sys)),
        "nginx" => Box::new(super::http::Nginx::new()),
        "catalina.sh" if arguments.first().is_some_and(|a| a == "run") => {
            Box::new(super::http::Tomcat::new())
        }
        "generic-server" => Box::new(super::http::GenericServer::new(&args)),
        "netstat" | "ss" => once(move |sys| netstat(&args, sys)),
        "nc" | "netcat" => Box::new(super::http::Netcat::new(&args)),
        "redis-server" => Box::new(super::redis::RedisServer::new()),
        "pause" => Box::new(Pause { stopping: false }),
        "redis-cli" => Box::new(super::redis::RedisCli::new(&args)),
        "wget" => Box::new(super::http::HttpClient::new("wget", &args)),
        "curl" => Box::new(super::http::HttpClient::new("curl", &args)),
        "ifconfig" => once(move |sys| {
            if let Some(network) = sys.network {
                sys.out.extend(network.ifconfig().bytes());
            }
            0
        }),
        "date" => once(move |sys| date(&args, sys)),
        "env" | "printenv" => once(move |sys| {
            for (key, value) in sys
                .variables
                .iter()
                .filter(|(k, _)| sys.exported.contains(*k))
            {
                sys.out.extend(format!("{key}={value}\n").bytes());
            }
            0
        }),
        "mkdir" => once(move |sys| mkdir(&args, sys)),
        "touch" => once(move |sys| touch(&args, sys)),
        "rm" => once(move |sys| rm(&args, sys)),
        "ls" => once(move |sys| ls(&args, sys)),
        "ln" => once(move |sys| ln(&args, sys)),
        "readlink" => once(move |sys| readlink(&args, sys)),
        "apt-get" => Box::new(super::packages::Installer::new("apt-get", &args)),
        "apt" => Box::new(super::packages::Installer::new("apt", &args)),
        "yum" => Box::new(super::packages::Installer::new("yum", &args)),
        "df" => once(move |sys| super::mounts::df(&args, sys)),
        "mount" => once(super::mounts::mount),
        "yes" => Box::new(Yes {
            line: args.first().cloned().unwrap_or_else(|| "y".into()),
        }),
        "true" => once(|_| 0),
        "false" => once(|_| 1),
        _ => return None,
    })
}

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
}

/// The user name `ps` prints for `uid`: the image's `/etc/passwd` names
/// nginx's uid 101 only in the nginx (Debian) image; busybox prints the number.
/// Adds the rows `ps` shows for the process `info`: the process, the
/// program it runs in the foreground (its child) and that program's helpers.
pub(super) fn rows_of(info: &ProcessInfo, rows: &mut Vec<PsRow>) {
    rows.push(PsRow {
        pid: info.pid,
        parent: info.parent,
        command: info.command.clone(),
        started: info.started,
        running: false,
        tty: info.tty,
        uid: 0,
        held_kb: 0,
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
            });
            *pid
        }
        None => info.pid,
    };
    // What the program holds (redis's dataset) is its row's.
    if let Some(row) = rows.iter_mut().rev().find(|row| row.pid == program_pid) {
        row.held_kb = info.held_bytes / 1024;
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
        });
    }
}

pub(super) fn user_name(uid: u32, busybox: bool) -> String {
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

/// Virtual and resident memory (kB) of a program as procps shows them, by
/// the program's name; figures of centos:7's bash, coreutils and procps.
pub fn memory_kb(command: &str) -> (u64, u64) {
    let program = command.split(' ').next().unwrap_or("");
    match program.rsplit('/').next().unwrap_or(program) {
        "bash" | "sh" => (11_828, 2_996),
        "ps" => (51_748, 1_736),
        "top" => (162_012, 2_188),
        "tail" | "cat" | "sleep" => (4_364, 356),
        "nginx:" if command.contains("worker") => (33_104, 2_876),
        "nginx:" | "nginx" => (32_656, 5_152),
        "redis-server" => (52_812, 7_796),
        "java" => (3_461_444, 131_072),
        "/pause" | "pause" => (1_020, 4),
        _ => (4_496, 704),
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
                    let memory_tenths = resident_kb * 1000 / super::mounts::NODE_MEMORY_KB;
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

/// The sandbox's `/pause`: sleeps forever; SIGINT or SIGTERM ends it (exit 0)
/// after `Shutting down, got signal` (pause.c).
struct Pause {
    stopping: bool,
}

impl Program for Pause {
    fn signal(&mut self, signal: i32) -> bool {
        self.stopping = matches!(signal, 2 | 15);
        self.stopping
    }

    fn step(&mut self, sys: &mut Sys) -> Step {
        if self.stopping {
            sys.err.extend(b"Shutting down, got signal\n");
            return Step::Exit(0);
        }
        Step::Block(Wait::Until(crate::clock::SimTime::from_millis(u64::MAX)))
    }
}

/// A program that does all its work in one step.
struct Once<F>(Option<F>);

fn once<F: FnOnce(&mut Sys) -> i32 + 'static>(work: F) -> Box<dyn Program> {
    Box::new(Once(Some(work)))
}

impl<F: FnOnce(&mut Sys) -> i32> Program for Once<F> {
    fn step(&mut self, sys: &mut Sys) -> Step {
        match self.0.take() {
            Some(work) => Step::Exit(work(sys)),
            None => Step::Exit(0),
        }
    }
}

fn error(sys: &mut Sys, message: String) {
    sys.err.extend(message.bytes());
    sys.err.push(b'\n');
}

fn echo(args: &[String], sys: &mut Sys) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut words = args;
    while let Some(flag) = words
        .first()
        .filter(|w| w.len() > 1 && w.starts_with('-') && w[1..].chars().all(|c| "neE".contains(c)))
    {
        newline &= !flag.contains('n');
        escapes |= flag.contains('e');
        words = &words[1..];
    }
    if escapes {
        sys.out
            .extend_from_slice(unescape(&words.join(" ")).as_bytes());
    } else {
        for (index, word) in words.iter().enumerate() {
            if index > 0 {
                sys.out.push(b' ');
            }
            sys.out.extend_from_slice(word.as_bytes());
        }
    }
    if newline {
        sys.out.push(b'\n');
    }
    0
}

/// Backslash escapes of `echo -e` and `printf`.
fn unescape(text: &str) -> String {
    let mut result = String::new();
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            result.push(ch);
            continue;
        }
        match chars.next() {
            Some('n') => result.push('\n'),
            Some('t') => result.push('\t'),
            Some('r') => result.push('\r'),
            Some('\\') => result.push('\\'),
            Some(other) => {
                result.push('\\');
                result.push(other);
            }
            None => result.push('\\'),
        }
    }
    result
}

fn printf(args: &[String], sys: &mut Sys) -> i32 {
    let Some((format, values)) = args.split_first() else {
        error(sys, "printf: usage: printf FORMAT [ARGUMENT...]".into());
        return 1;
    };
    let format = unescape(format);
    let mut values = values.iter();
    loop {
        let mut consumed = false;
        let mut chars = format.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                sys.out.extend(ch.to_string().bytes());
                continue;
            }
            let mut spec = String::new();
            while let Some(c) = chars
                .peek()
                .copied()
                .filter(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
            {
                spec.push(c);
                chars.next();
            }
            match chars.next() {
                Some('%') => sys.out.push(b'%'),
                Some(conversion @ ('s' | 'd' | 'i')) => {
                    consumed = true;
                    let value = values.next().cloned().unwrap_or_default();
                    let value = if conversion == 's' {
                        value
                    } else {
                        value.trim().parse::<i64>().unwrap_or(0).to_string()
                    };
                    let width: usize = spec
                        .trim_start_matches('-')
                        .split('.')
                        .next()
                        .and_then(|w| w.parse().ok())
                        .unwrap_or(0);
                    let padded = if spec.starts_with('-') {
                        format!("{value:<width$}")
                    } else {
                        format!("{value:>width$}")
                    };
                    sys.out.extend(padded.bytes());
                }
                Some(other) => sys.out.extend(format!("%{spec}{other}").bytes()),
                None => sys.out.push(b'%'),
            }
        }
        if !consumed || values.len() == 0 {
            break;
        }
    }
    0
}

/// `sleep N`: waits N seconds (fractions and s/m/h/d suffixes as GNU sleep).
struct Sleep {
    args: Vec<String>,
    until: Option<crate::clock::SimTime>,
}

impl Program for Sleep {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(until) = self.until {
            return if sys.io.now >= until {
                Step::Exit(0)
            } else {
                Step::Block(Wait::Until(until))
            };
        }
        let Some(argument) = self.args.first() else {
            error(sys, "sleep: missing operand".into());
            return Step::Exit(1);
        };
        let (number, unit) = match argument.char_indices().last() {
            Some((index, 's')) => (&argument[..index], 1000.0),
            Some((index, 'm')) => (&argument[..index], 60_000.0),
            Some((index, 'h')) => (&argument[..index], 3_600_000.0),
            Some((index, 'd')) => (&argument[..index], 86_400_000.0),
            _ => (argument.as_str(), 1000.0),
        };
        // `sleep infinity` sleeps for as long as the clock can count.
        let number = if matches!(number, "inf" | "infinity") {
            "1e15"
        } else {
            number
        };
        // Whole seconds (`sleep 1`) are the common case; up to 15 digits
        // they are exact as a float, so reading them as an integer first
        // gives the same time without the float parser.
        let whole = number
            .parse::<u64>()
            .ok()
            .filter(|_| number.len() <= 15)
            .map(|n| n as f64);
        let Some(seconds) = whole.or_else(|| {
            number
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
        }) else {
            error(sys, format!("sleep: invalid number '{argument}'"));
            return Step::Exit(1);
        };
        let millis = (seconds * unit).min(1e15) as u64;
        let until = sys.io.now + millis;
        self.until = Some(until);
        Step::Block(Wait::Until(until))
    }
}

/// Reads one chunk of standard input.
enum Input {
    Data(Vec<u8>),
    End,
    Wait(Wait),
}

fn read_stdin(sys: &mut Sys) -> Input {
    match sys.io.read(&sys.stdin.clone(), READ_CHUNK) {
        ReadResult::Data(data) => Input::Data(data),
        ReadResult::End => Input::End,
        ReadResult::WouldBlock(pipe) => Input::Wait(Wait::ReadPipe(pipe)),
    }
}

/// Reads a file for a program, or reports `prog: path: error` as coreutils does.
fn read_file(sys: &mut Sys, program: &str, path: &str) -> Option<Vec<u8>> {
    if let Some(rest) = path.strip_prefix("/proc/") {
        return match proc_file(sys, rest) {
            Some(data) => Some(data),
            None => {
                error(
                    sys,
                    format!("{program}: {path}: {}", FsError::NotFound.message()),
                );
                None
            }
        };
    }
    match sys.io.fs.lookup(sys.view, sys.cwd, path) {
        Ok(inode) => match sys.io.fs.inode(inode) {
            Inode::File(data) => {
                let data = data.clone();
                sys.io.note_read(inode, data.len());
                Some(data)
            }
            Inode::Directory(_) | Inode::Symlink(_) => {
                error(
                    sys,
                    format!("{program}: {path}: {}", FsError::IsADirectory.message()),
                );
                None
            }
        },
        Err(failure) => {
            error(
                sys,
                format!("{program}: {path}: {}", failure.words(sys.busybox)),
            );
            None
        }
    }
}

/// A file of `/proc` for the processes of this PID namespace: `PID/cmdline`
/// (arguments separated by NUL bytes).
fn proc_file(sys: &Sys, path: &str) -> Option<Vec<u8>> {
    let (pid, file) = path.split_once('/')?;
    if file != "cmdline" {
        return None;
    }
    let pid: u32 = pid.parse().ok()?;
    let table = sys.io.process_table();
    let entry = if pid == sys.own_pid {
        Some(sys.own_argv.to_vec())
    } else {
        None
    };
    let entry = entry.or_else(|| {
        table
            .iter()
            .filter(|p| p.namespace == sys.pid_namespace)
            .find_map(|p| {
                if p.pid == pid {
                    Some(p.argv.clone())
                } else {
                    p.foreground
                        .as_ref()
                        .filter(|(child, _)| *child == pid)
                        .map(|(_, command)| command.split(' ').map(String::from).collect())
                }
            })
    })?;
    let mut data = Vec::new();
    for arg in entry {
        data.extend(arg.bytes());
        data.push(0);
    }
    Some(data)
}

/// `cat [FILE…]`: files in order; standard input (streamed) for none or `-`.
struct Cat {
    files: Vec<String>,
    next: usize,
    status: i32,
}

impl Cat {
    fn new(args: Vec<String>) -> Cat {
        let files: Vec<String> = args
            .into_iter()
            .filter(|a| a == "-" || !a.starts_with('-'))
            .collect();
        Cat {
            files: if files.is_empty() {
                vec!["-".into()]
            } else {
                files
            },
            next: 0,
            status: 0,
        }
    }
}

impl Program for Cat {
    fn step(&mut self, sys: &mut Sys) -> Step {
        while let Some(file) = self.files.get(self.next).cloned() {
            if file == "-" {
                match read_stdin(sys) {
                    Input::Data(data) => {
                        sys.out.extend(data);
                        return Step::Continue;
                    }
                    Input::End => self.next += 1,
                    Input::Wait(wait) => return Step::Block(wait),
                }
                continue;
            }
            self.next += 1;
            match read_file(sys, "cat", &file) {
                Some(data) => sys.out.extend(data),
                None => self.status = 1,
            }
        }
        Step::Exit(self.status)
    }
}

/// `tail [-n N] [-f|-F] [FILE]`.
struct Tail {
    lines: usize,
    follow: bool,
    file: Option<String>,
    /// While following: the file and how much of it was printed.
    following: Option<(super::fs::InodeId, usize)>,
    input: Vec<u8>,
}

impl Tail {
    fn new(args: Vec<String>) -> Tail {
        let mut tail = Tail {
            lines: 10,
            follow: false,
            file: None,
            following: None,
            input: Vec::new(),
        };
        let mut iter = args.into_iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "-f" | "-F" | "--follow" => tail.follow = true,
                "-n" => {
                    tail.lines = iter
                        .next()
                        .and_then(|n| n.trim_start_matches('+').parse().ok())
                        .unwrap_or(10)
                }
                flag if flag.starts_with("-n") => tail.lines = flag[2..].parse().unwrap_or(10),
                flag if flag.starts_with('-')
                    && flag[1..].chars().all(|c| c.is_ascii_digit())
                    && flag.len() > 1 =>
                {
                    tail.lines = flag[1..].parse().unwrap_or(10)
                }
                _ => tail.file = Some(arg),
            }
        }
        tail
    }

    fn last_lines(data: &[u8], count: usize) -> &[u8] {
        let mut newlines = 0;
        let end = if data.ends_with(b"\n") {
            data.len() - 1
        } else {
            data.len()
        };
        for index in (0..end).rev() {
            if data[index] == b'\n' {
                newlines += 1;
                if newlines == count {
                    return &data[index + 1..];
                }
            }
        }
        if count == 0 {
            &data[data.len()..]
        } else {
            data
        }
    }
}

impl Program for Tail {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some((inode, printed)) = self.following {
            // Only the new bytes are copied: following a growing file costs
            // what was added, not the whole file each time.
            let Inode::File(data) = sys.io.fs.inode(inode) else {
                return Step::Exit(1);
            };
            let length = data.len();
            if length > printed {
                sys.out.extend_from_slice(&data[printed..]);
                sys.io.note_read(inode, length - printed);
            }
            // A file cut shorter is read again from its new end.
            self.following = Some((inode, length));
            return Step::Block(Wait::FileGrowth {
                file: inode,
                seen: length,
            });
        }
        let Some(path) = self.file.clone() else {
            match read_stdin(sys) {
                Input::Data(data) => {
                    self.input.extend(data);
                    return Step::Continue;
                }
                Input::Wait(wait) => return Step::Block(wait),
                Input::End => {
                    let input = std::mem::take(&mut self.input);
                    sys.out.extend(Tail::last_lines(&input, self.lines));
                    return Step::Exit(0);
                }
            }
        };
        match sys.io.fs.lookup(sys.view, sys.cwd, &path) {
            Ok(inode) => {
                let Inode::File(data) = sys.io.fs.inode(inode) else {
                    error(sys, format!("tail: error reading '{path}': Is a directory"));
                    return Step::Exit(1);
                };
                let data = data.clone();
                sys.io.note_read(inode, data.len());
                sys.out.extend(Tail::last_lines(&data, self.lines));
                if self.follow {
                    self.following = Some((inode, data.len()));
                    return Step::Block(Wait::FileGrowth {
                        file: inode,
                        seen: data.len(),
                    });
                }
                Step::Exit(0)
            }
            Err(failure) => {
                error(
                    sys,
                    format!(
                        "tail: cannot open '{path}' for reading: {}",
                        failure.words(sys.busybox)
                    ),
                );
                if self.follow {
                    error(sys, "tail: no files remaining".into());
                }
                Step::Exit(1)
            }
        }
    }
}

/// `head [-n N | -c N] [FILE]`: the first lines (or bytes), streamed; it stops reading (and a
/// writer into its pipe gets EPIPE) once it has them.
struct Head {
    /// Lines still to print.
    remaining: usize,
    /// With `-c N`: bytes still to print (lines do not count then).
    bytes: Option<usize>,
    /// The file to read; standard input when none.
    file: Option<String>,
}

impl Head {
    fn new(args: Vec<String>) -> Head {
        let mut head = Head {
            remaining: 10,
            bytes: None,
            file: None,
        };
        let mut iter = args.into_iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "-n" => head.remaining = iter.next().and_then(|n| n.parse().ok()).unwrap_or(10),
                "-c" => head.bytes = iter.next().and_then(|n| n.parse().ok()),
                flag if flag.starts_with("-c") => head.bytes = flag[2..].parse().ok(),
                flag if flag.starts_with("-n") => head.remaining = flag[2..].parse().unwrap_or(10),
                flag if flag.len() > 1 && flag.starts_with('-') => {
                    head.remaining = flag[1..].parse().unwrap_or(10)
                }
                _ => head.file = Some(arg),
            }
        }
        head
    }

    /// Copies whole lines of `data` until enough were printed; true when done.
    fn take(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        if let Some(bytes) = self.bytes.as_mut() {
            let taken = (*bytes).min(data.len());
            out.extend(&data[..taken]);
            *bytes -= taken;
            return *bytes == 0;
        }
        for line in data.split_inclusive(|b| *b == b'\n') {
            if self.remaining == 0 {
                return true;
            }
            out.extend(line);
            if line.ends_with(b"\n") {
                self.remaining -= 1;
            }
        }
        self.remaining == 0
    }
}

impl Program for Head {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(file) = self.file.take() {
            return match read_file(sys, "head", &file) {
                Some(data) => {
                    self.take(&data, sys.out);
                    Step::Exit(0)
                }
                None => Step::Exit(1),
            };
        }
        match read_stdin(sys) {
            Input::Data(data) => {
                if self.take(&data, sys.out) {
                    Step::Exit(0)
                } else {
                    Step::Continue
                }
            }
            Input::End => Step::Exit(0),
            Input::Wait(wait) => Step::Block(wait),
        }
    }
}

/// Programs that read all their input first: `wc`, `sort`, `grep`.
struct Collect {
    name: &'static str,
    args: Vec<String>,
    input: Vec<u8>,
}

impl Collect {
    fn new(name: &'static str, args: Vec<String>) -> Collect {
        Collect {
            name,
            args,
            input: Vec::new(),
        }
    }

    /// The operands that are files: not flags, not flag values (`-d ,`), not
    /// the pattern or script that `grep`, `sed` and `awk` take first.
    fn files(&self) -> Vec<String> {
        if self.name == "tr" {
            return Vec::new();
        }
        let mut files = Vec::new();
        let mut first_operand = matches!(self.name, "grep" | "sed" | "awk");
        let mut skip_value = false;
        for arg in &self.args {
            if skip_value {
                skip_value = false;
                continue;
            }
            if arg.starts_with('-') && arg.len() > 1 {
                skip_value = matches!(
                    (self.name, arg.as_str()),
                    ("cut", "-d" | "-f") | ("awk", "-F") | ("sed", "-e")
                );
                if skip_value && self.name == "sed" {
                    first_operand = false;
                }
                continue;
            }
            if first_operand {
                first_operand = false;
                continue;
            }
            files.push(arg.clone());
        }
        files
    }

    /// The value of flag `flag` (`-d ,` or `-d,`).
    fn flag_value(&self, flag: &str) -> Option<String> {
        let mut args = self.args.iter();
        while let Some(arg) = args.next() {
            if arg == flag {
                return args.next().cloned();
            }
            if let Some(value) = arg.strip_prefix(flag) {
                return Some(value.to_string());
            }
        }
        None
    }

    /// The first operand that is not a flag or a flag's value.
    fn first_operand(&self) -> String {
        let mut skip_value = false;
        for arg in &self.args {
            if skip_value {
                skip_value = false;
                continue;
            }
            if arg.starts_with('-') && arg.len() > 1 {
                skip_value = matches!((self.name, arg.as_str()), ("awk", "-F"));
                continue;
            }
            return arg.clone();
        }
        String::new()
    }
}

impl Program for Collect {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let files = self.files();
        let mut status = 0;
        if files.is_empty() {
            match read_stdin(sys) {
                Input::Data(data) => {
                    self.input.extend(data);
                    return Step::Continue;
                }
                Input::Wait(wait) => return Step::Block(wait),
                Input::End => {}
            }
        } else {
            for file in &files {
                match read_file(sys, self.name, file) {
                    Some(data) => self.input.extend(data),
                    None => status = if self.name == "grep" { 2 } else { 1 },
                }
            }
        }
        let text = String::from_utf8_lossy(&self.input).into_owned();
        let flags: String = self
            .args
            .iter()
            .filter(|a| a.starts_with('-') && a.len() > 1)
            .map(|a| &a[1..])
            .collect();
        let code = match self.name {
            "wc" => {
                let lines = text.matches('\n').count();
                let words = text.split_whitespace().count();
                let bytes = self.input.len();
                let shown = match (
                    flags.contains('l'),
                    flags.contains('w'),
                    flags.contains('c'),
                ) {
                    (true, false, false) => format!("{lines}"),
                    (false, true, false) => format!("{words}"),
                    (false, false, true) => format!("{bytes}"),
                    _ => format!("{lines:>7} {words:>7} {bytes:>7}"),
                };
                let suffix = files.first().map(|f| format!(" {f}")).unwrap_or_default();
                sys.out.extend(format!("{shown}{suffix}\n").bytes());
                status
            }
            "cut" => {
                let delimiter = self
                    .flag_value("-d")
                    .and_then(|d| d.chars().next())
                    .unwrap_or('\t');
                let fields: Vec<usize> = self
                    .flag_value("-f")
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|f| f.parse().ok())
                    .collect();
                for line in text.lines() {
                    let parts: Vec<&str> = line.split(delimiter).collect();
                    let chosen: Vec<&str> = fields
                        .iter()
                        .filter_map(|f| parts.get(f.wrapping_sub(1)).copied())
                        .collect();
                    sys.out
                        .extend(format!("{}\n", chosen.join(&delimiter.to_string())).bytes());
                }
                status
            }
            "tr" => {
                let operands: Vec<&String> =
                    self.args.iter().filter(|a| !a.starts_with('-')).collect();
                let expand = |set: &str| -> Vec<char> {
                    // Escapes first (`\\000` is NUL, `\\n` a newline), then ranges.
                    let mut chars = Vec::new();
                    let mut raw = set.chars().peekable();
                    while let Some(ch) = raw.next() {
                        if ch != '\\' {
                            chars.push(ch);
                            continue;
                        }
                        let octal: String = std::iter::from_fn(|| raw.next_if(|c| c.is_digit(8)))
                            .take(3)
                            .collect();
                        if !octal.is_empty() {
                            chars.push(
                                char::from_u32(u32::from_str_radix(&octal, 8).unwrap_or(0))
                                    .unwrap_or('\0'),
                            );
                            continue;
                        }
                        chars.push(match raw.next() {
                            Some('n') => '\n',
                            Some('t') => '\t',
                            Some(other) => other,
                            None => '\\',
                        });
                    }
                    let mut out = Vec::new();
                    let mut index = 0;
                    while index < chars.len() {
                        if index + 2 < chars.len() && chars[index + 1] == '-' {
                            out.extend(chars[index]..=chars[index + 2]);
                            index += 3;
                        } else {
                            out.push(chars[index]);
                            index += 1;
                        }
                    }
                    out
                };
                let from = expand(operands.first().map(|s| s.as_str()).unwrap_or(""));
                let result: String = if self.args.iter().any(|a| a == "-d") {
                    text.chars().filter(|c| !from.contains(c)).collect()
                } else {
                    let to = expand(operands.get(1).map(|s| s.as_str()).unwrap_or(""));
                    text.chars()
                        .map(|c| match from.iter().position(|f| *f == c) {
                            Some(index) => to.get(index).or(to.last()).copied().unwrap_or(c),
                            None => c,
                        })
                        .collect()
                };
                sys.out.extend(result.bytes());
                status
            }
            "uniq" => {
                let counted = flags.contains('c');
                let mut previous: Option<(&str, usize)> = None;
                let emit = |line: &str, count: usize, out: &mut Vec<u8>| {
                    let text = if counted {
                        format!("{count:>7} {line}\n")
                    } else {
                        format!("{line}\n")
                    };
                    out.extend(text.bytes());
                };
                for line in text.lines() {
                    previous = match previous {
                        Some((last, count)) if last == line => Some((last, count + 1)),
                        Some((last, count)) => {
                            emit(last, count, sys.out);
                            Some((line, 1))
                        }
                        None => Some((line, 1)),
                    };
                }
                if let Some((last, count)) = previous {
                    emit(last, count, sys.out);
                }
                status
            }
            "sed" => {
                let script = self
                    .flag_value("-e")
                    .unwrap_or_else(|| self.first_operand());
                match parse_substitution(&script) {
                    Some((from, to, global)) => {
                        for line in text.split_inclusive('\n') {
                            let replaced = if global {
                                line.replace(&from, &to)
                            } else {
                                line.replacen(&from, &to, 1)
                            };
                            sys.out.extend(replaced.bytes());
                        }
                        status
                    }
                    None => {
                        error(
                            sys,
                            format!(
                                "sed: -e expression #1, char {}: unknown command: `{}'",
                                script.len().min(1),
                                script.chars().next().unwrap_or(' ')
                            ),
                        );
                        1
                    }
                }
            }
            "awk" => {
                let program = self.first_operand();
                let separator = self.flag_value("-F");
                let fields: Vec<usize> = program
                    .split("$")
                    .skip(1)
                    .filter_map(|part| {
                        part.chars()
                            .take_while(|c| c.is_ascii_digit())
                            .collect::<String>()
                            .parse()
                            .ok()
                    })
                    .collect();
                for line in text.lines() {
                    let parts: Vec<&str> = match &separator {
                        Some(separator) => line.split(separator.as_str()).collect(),
                        None => line.split_whitespace().collect(),
                    };
                    let chosen: Vec<&str> = fields
                        .iter()
                        .map(|f| {
                            if *f == 0 {
                                line
                            } else {
                                parts.get(f - 1).copied().unwrap_or("")
                            }
                        })
                        .collect();
                    sys.out.extend(format!("{}\n", chosen.join(" ")).bytes());
                }
                status
            }
            "sort" => {
                let mut lines: Vec<&str> = text.lines().collect();
                if flags.contains('n') {
                    crate::sort::sort_by_key(&mut lines, |l| l.trim().parse::<i64>().unwrap_or(0));
                } else {
                    crate::sort::sort(&mut lines);
                }
                if flags.contains('r') {
                    lines.reverse();
                }
                for line in lines {
                    sys.out.extend(format!("{line}\n").bytes());
                }
                status
            }
            _ => {
                let pattern = self
                    .args
                    .iter()
                    .find(|a| !a.starts_with('-'))
                    .cloned()
                    .unwrap_or_default();
                let (ignore_case, invert, count, quiet) = (
                    flags.contains('i'),
                    flags.contains('v'),
                    flags.contains('c'),
                    flags.contains('q'),
                );
                let matches = |line: &str| {
                    let (line, pattern) = if ignore_case {
                        (line.to_lowercase(), pattern.to_lowercase())
                    } else {
                        (line.to_string(), pattern.clone())
                    };
                    let found = match (pattern.strip_prefix('^'), pattern.strip_suffix('$')) {
                        (Some(rest), _) if rest.ends_with('$') => {
                            line == rest.trim_end_matches('$')
                        }
                        (Some(rest), _) => line.starts_with(rest),
                        (None, Some(rest)) => line.ends_with(rest),
                        (None, None) => line.contains(&pattern),
                    };
                    found != invert
                };
                let selected: Vec<&str> = text.lines().filter(|l| matches(l)).collect();
                if count {
                    sys.out.extend(format!("{}\n", selected.len()).bytes());
                } else if !quiet {
                    for line in &selected {
                        sys.out.extend(format!("{line}\n").bytes());
                    }
                }
                if status != 0 {
                    status
                } else if selected.is_empty() {
                    1
                } else {
                    0
                }
            }
        };
        Step::Exit(code)
    }
}

/// Looks `name` up in the cluster DNS as the container's resolver would:
/// through the search domains of its `/etc/resolv.conf` (ndots:5 puts them
/// first), then as given. Returns the name server and the (FQDN, address) found.
pub(super) fn cluster_lookup(sys: &Sys, name: &str) -> (String, Option<(String, String)>) {
    let resolv = sys
        .io
        .fs
        .read(sys.view, "/", "/etc/resolv.conf")
        .map(|data| String::from_utf8_lossy(data).into_owned())
        .unwrap_or_default();
    let server = resolv
        .lines()
        .find_map(|line| line.strip_prefix("nameserver "))
        .unwrap_or(super::net::CLUSTER_DNS)
        .to_string();
    let name = name.trim_end_matches('.');
    let found = resolv
        .lines()
        .find_map(|line| line.strip_prefix("search "))
        .map(|domains| {
            domains
                .split_whitespace()
                .map(|d| format!("{name}.{d}"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .chain(std::iter::once(name.to_string()))
        .find_map(|candidate| {
            sys.io
                .dns
                .get(&candidate)
                .map(|ip| (candidate.clone(), ip.clone()))
        });
    (server, found)
}

/// `nslookup NAME` as busybox 1.28 prints it: the cluster DNS server, then
/// the name's address, trying the search domains of `/etc/resolv.conf`.
fn nslookup(args: &[String], sys: &mut Sys) -> i32 {
    let Some(name) = args.iter().find(|a| !a.starts_with('-')) else {
        error(sys, "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]".into());
        return 1;
    };
    let (server, found) = cluster_lookup(sys, name);
    let header = format!(
        "Server:    {server}\nAddress 1: {server} kube-dns.kube-system.svc.cluster.local\n\n"
    );
    match found {
        Some((full, ip)) => {
            sys.out.extend(header.bytes());
            sys.out
                .extend(format!("Name:      {name}\nAddress 1: {ip} {full}\n").bytes());
            0
        }
        None => {
            // busybox writes the error at once and its buffered report at exit.
            error(sys, format!("nslookup: can't resolve '{name}'"));
            sys.out.extend(header.bytes());
            1
        }
    }
}

/// `netstat -lnt` / `ss -lnt`: the pod's listening TCP sockets.
fn netstat(_args: &[String], sys: &mut Sys) -> i32 {
    let ports = sys
        .network
        .map(|network| sys.io.listening_ports(&network.ip_text()))
        .unwrap_or_default();
    if sys.busybox {
        sys.out.extend(b"Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n");
        for port in ports {
            let local = format!("0.0.0.0:{port}");
            sys.out.extend(
                format!(
                    "tcp        0      0 {local:<23} {:<23} LISTEN      \n",
                    "0.0.0.0:*"
                )
                .bytes(),
            );
        }
    } else {
        sys.out
            .extend(b"State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
        for port in ports {
            sys.out.extend(
                format!("LISTEN 0      511          0.0.0.0:{port:<5}      0.0.0.0:*          \n")
                    .bytes(),
            );
        }
    }
    0
}

/// `getent hosts NAME`: `/etc/hosts` first, then the cluster DNS with the
/// search path, printed as glibc prints it.
fn getent(args: &[String], sys: &mut Sys) -> i32 {
    let (Some(database), Some(name)) = (args.first(), args.get(1)) else {
        error(sys, "Usage: getent [OPTION...] database [key ...]".into());
        return 1;
    };
    if database != "hosts" {
        error(sys, format!("Unknown database: {database}"));
        return 1;
    }
    let hosts = sys
        .io
        .fs
        .read(sys.view, "/", "/etc/hosts")
        .map(|data| String::from_utf8_lossy(data).into_owned())
        .unwrap_or_default();
    for line in hosts.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split_whitespace();
        if let Some(address) = fields.next() {
            if fields.any(|alias| alias == name) && !address.contains(':') {
                sys.out.extend(format!("{address:<15} {name}\n").bytes());
                return 0;
            }
        }
    }
    let (_, found) = cluster_lookup(sys, name);
    match found {
        Some((full, ip)) => {
            sys.out.extend(format!("{ip:<15} {full}\n").bytes());
            0
        }
        // glibc's getent says nothing and exits 2 when the key is not found.
        None => 2,
    }
}

/// `ip a`, `ip addr [show]`, `ip route`.
fn ip(args: &[String], sys: &mut Sys) -> i32 {
    let Some(network) = sys.network else {
        return 0;
    };
    let flavor = if sys.busybox {
        super::shell::Flavor::Busybox
    } else {
        super::shell::Flavor::Bash
    };
    match args.first().map(String::as_str) {
        Some("a" | "addr" | "address") => sys.out.extend(network.ip_addr(flavor).bytes()),
        Some("r" | "route" | "ro") => sys.out.extend(network.ip_route().bytes()),
        Some(other) => {
            error(
                sys,
                format!("Object \"{other}\" is unknown, try \"ip help\"."),
            );
            return 1;
        }
        None => {
            error(
                sys,
                "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }".into(),
            );
            return 255;
        }
    }
    0
}

/// `s/from/to/[g]` with any delimiter (literal text, no regular expressions yet).
fn parse_substitution(script: &str) -> Option<(String, String, bool)> {
    let mut chars = script.chars();
    if chars.next()? != 's' {
        return None;
    }
    let delimiter = chars.next()?;
    let rest: String = chars.collect();
    let parts: Vec<&str> = rest.split(delimiter).collect();
    match parts.as_slice() {
        [from, to, flags] => Some((from.to_string(), to.to_string(), flags.contains('g'))),
        _ => None,
    }
}

/// `tee [-a] FILE…`: copies standard input to the files and to standard output.
struct Tee {
    args: Vec<String>,
    opened: bool,
}

impl Program for Tee {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let append = self.args.iter().any(|a| a == "-a");
        let files: Vec<String> = self
            .args
            .iter()
            .filter(|a| !a.starts_with('-'))
            .cloned()
            .collect();
        if !self.opened {
            self.opened = true;
            for file in &files {
                if !append {
                    if let Err(failure) = sys.io.fs.write(sys.view, sys.cwd, file, b"", false) {
                        error(sys, format!("tee: {file}: {}", failure.words(sys.busybox)));
                    }
                }
            }
        }
        match read_stdin(sys) {
            Input::Data(data) => {
                for file in &files {
                    let _ = sys.io.fs.write(sys.view, sys.cwd, file, &data, true);
                }
                sys.out.extend(data);
                Step::Continue
            }
            Input::End => Step::Exit(0),
            Input::Wait(wait) => Step::Block(wait),
        }
    }
}

/// `expr`: integer arithmetic and comparisons of two operands, `length`.
fn expr(args: &[String], sys: &mut Sys) -> i32 {
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["length", text] => text.chars().count().to_string(),
        [a, op, b] => {
            let (x, y) = (a.parse::<i64>(), b.parse::<i64>());
            match (op, x, y) {
                (&"+", Ok(x), Ok(y)) => (x + y).to_string(),
                (&"-", Ok(x), Ok(y)) => (x - y).to_string(),
                (&"*", Ok(x), Ok(y)) => (x * y).to_string(),
                (&"/", Ok(_), Ok(0)) | (&"%", Ok(_), Ok(0)) => {
                    error(sys, "expr: division by zero".into());
                    return 2;
                }
                (&"/", Ok(x), Ok(y)) => (x / y).to_string(),
                (&"%", Ok(x), Ok(y)) => (x % y).to_string(),
                (&"=", _, _) => i32::from(a == b).to_string(),
                (&"!=", _, _) => i32::from(a != b).to_string(),
                (&"<", Ok(x), Ok(y)) => i32::from(x < y).to_string(),
                (&">", Ok(x), Ok(y)) => i32::from(x > y).to_string(),
                _ => {
                    error(sys, "expr: non-integer argument".into());
                    return 2;
                }
            }
        }
        [single] => single.to_string(),
        _ => {
            error(sys, "expr: syntax error".into());
            return 2;
        }
    };
    let status = i32::from(result == "0" || result.is_empty());
    sys.out.extend(format!("{result}\n").bytes());
    status
}

/// `cp SRC DST` and `mv SRC DST` for files.
fn copy(args: &[String], remove_source: bool, sys: &mut Sys) -> i32 {
    let name = if remove_source { "mv" } else { "cp" };
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let [source, target] = operands.as_slice() else {
        error(sys, format!("{name}: missing file operand"));
        return 1;
    };
    let data = match sys.io.fs.read(sys.view, sys.cwd, source) {
        Ok(data) => data.to_vec(),
        Err(failure) => {
            error(
                sys,
                format!(
                    "{name}: cannot stat '{source}': {}",
                    failure.words(sys.busybox)
                ),
            );
            return 1;
        }
    };
    let destination = match sys
        .io
        .fs
        .lookup(sys.view, sys.cwd, target)
        .map(|id| sys.io.fs.inode(id).clone())
    {
        Ok(Inode::Directory(_)) => format!(
            "{}/{}",
            target.trim_end_matches('/'),
            source.rsplit('/').next().unwrap_or(source)
        ),
        _ => target.to_string(),
    };
    if let Err(failure) = sys
        .io
        .fs
        .write(sys.view, sys.cwd, &destination, &data, false)
    {
        error(
            sys,
            format!(
                "{name}: cannot create regular file '{destination}': {}",
                failure.words(sys.busybox)
            ),
        );
        return 1;
    }
    if remove_source {
        let _ = sys.io.fs.remove(sys.view, sys.cwd, source, false);
    }
    0
}

/// `yes [TEXT]`: the line forever, a chunk per step, so pipes and logs pace it.
struct Yes {
    line: String,
}

impl Program for Yes {
    fn step(&mut self, sys: &mut Sys) -> Step {
        for _ in 0..256 {
            sys.out.extend(self.line.bytes());
            sys.out.push(b'\n');
        }
        Step::Continue
    }
}

/// `test EXPR` and `[ EXPR ]`.
fn test(args: &[String], bracket: bool, sys: &mut Sys) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let args = if bracket {
        match args.split_last() {
            Some((&"]", rest)) => rest.to_vec(),
            _ => {
                error(sys, "[: missing ]".into());
                return 2;
            }
        }
    } else {
        args
    };
    let file = |sys: &Sys, path: &str| {
        sys.io
            .fs
            .lookup(sys.view, sys.cwd, path)
            .ok()
            .map(|inode| sys.io.fs.inode(inode).clone())
    };
    let truth = |sys: &Sys, args: &[&str]| -> Result<bool, String> {
        Ok(match args {
            [] => false,
            [single] => !single.is_empty(),
            ["-n", value] => !value.is_empty(),
            ["-z", value] => value.is_empty(),
            ["-e", path] => file(sys, path).is_some(),
            ["-f", path] => matches!(file(sys, path), Some(Inode::File(_))),
            ["-d", path] => matches!(file(sys, path), Some(Inode::Directory(_))),
            ["-s", path] => matches!(file(sys, path), Some(Inode::File(data)) if !data.is_empty()),
            ["-L" | "-h", path] => sys
                .io
                .fs
                .lookup_link(sys.view, sys.cwd, path)
                .is_ok_and(|id| matches!(sys.io.fs.inode(id), Inode::Symlink(_))),
            [a, "=" | "==", b] => a == b,
            [a, "!=", b] => a != b,
            [a, op @ ("-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge"), b] => {
                let parse = |v: &str| {
                    v.trim()
                        .parse::<i64>()
                        .map_err(|_| format!("{v}: integer expression expected"))
                };
                let (a, b) = (parse(a)?, parse(b)?);
                match *op {
                    "-eq" => a == b,
                    "-ne" => a != b,
                    "-lt" => a < b,
                    "-le" => a <= b,
                    "-gt" => a > b,
                    _ => a >= b,
                }
            }
            _ => return Err("syntax error".into()),
        })
    };
    let (negate, rest) = match args.split_first() {
        Some((&"!", rest)) if !rest.is_empty() => (true, rest.to_vec()),
        _ => (false, args.clone()),
    };
    match truth(sys, &rest) {
        Ok(value) => i32::from(value == negate),
        Err(message) => {
            error(
                sys,
                format!("{}: {message}", if bracket { "[" } else { "test" }),
            );
            2
        }
    }
}

fn seq(args: &[String], sys: &mut Sys) -> i32 {
    let numbers: Vec<i64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let (first, step, last) = match numbers.as_slice() {
        [last] => (1, 1, *last),
        [first, last] => (*first, 1, *last),
        [first, step, last] => (*first, *step, *last),
        _ => {
            error(sys, "seq: missing operand".into());
            return 1;
        }
    };
    if step == 0 {
        error(sys, "seq: invalid Zero increment value: '0'".into());
        return 1;
    }
    let mut value = first;
    // A million lines is far beyond what a container command prints at once.
    for _ in 0..1_000_000 {
        if (step > 0 && value > last) || (step < 0 && value < last) {
            break;
        }
        sys.out.extend(format!("{value}\n").bytes());
        value += step;
    }
    0
}

/// `date`, `date +FORMAT` on the virtual clock (UTC).
fn date(args: &[String], sys: &mut Sys) -> i32 {
    let seconds = EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64;
    let format = args
        .iter()
        .find_map(|a| a.strip_prefix('+'))
        .unwrap_or("%a %b %e %H:%M:%S UTC %Y");
    sys.out
        .extend(format!("{}\n", format_time(seconds, format)).bytes());
    0
}

/// Formats Unix `seconds` (UTC) with the strftime subset tutorials use.
pub fn format_time(seconds: i64, format: &str) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = (days + 4).rem_euclid(7);
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&year.to_string()),
            Some('m') => out.push_str(&format!("{month:02}")),
            Some('d') => out.push_str(&format!("{day:02}")),
            Some('e') => out.push_str(&format!("{day:>2}")),
            Some('H') => out.push_str(&format!("{:02}", secs / 3600)),
            Some('M') => out.push_str(&format!("{:02}", secs / 60 % 60)),
            Some('S') => out.push_str(&format!("{:02}", secs % 60)),
            Some('s') => out.push_str(&seconds.to_string()),
            Some('a') => out.push_str(DAYS[weekday as usize]),
            Some('b') => out.push_str(MONTHS[(month - 1) as usize]),
            Some('T') => out.push_str(&format!(
                "{:02}:{:02}:{:02}",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            )),
            Some('F') => out.push_str(&format!("{year}-{month:02}-{day:02}")),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

fn mkdir(args: &[String], sys: &mut Sys) -> i32 {
    let parents = args.iter().any(|a| a == "-p");
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        if let Err(failure) = sys.io.fs.make_directory(sys.view, sys.cwd, path, parents) {
            if !(parents && failure == FsError::Exists) {
                error(
                    sys,
                    format!(
                        "mkdir: cannot create directory '{path}': {}",
                        failure.words(sys.busybox)
                    ),
                );
                status = 1;
            }
        }
    }
    status
}

fn touch(args: &[String], sys: &mut Sys) -> i32 {
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        if let Err(failure) = sys.io.fs.write(sys.view, sys.cwd, path, b"", true) {
            error(
                sys,
                format!(
                    "touch: cannot touch '{path}': {}",
                    failure.words(sys.busybox)
                ),
            );
            status = 1;
        }
    }
    status
}

fn rm(args: &[String], sys: &mut Sys) -> i32 {
    let flags: String = args
        .iter()
        .filter(|a| a.starts_with('-'))
        .map(|a| &a[1..])
        .collect();
    let (recursive, force) = (
        flags.contains('r') || flags.contains('R'),
        flags.contains('f'),
    );
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        match sys.io.fs.remove(sys.view, sys.cwd, path, recursive) {
            Ok(()) => {}
            Err(FsError::NotFound) if force => {}
            Err(FsError::IsADirectory) => {
                error(sys, format!("rm: cannot remove '{path}': Is a directory"));
                status = 1;
            }
            Err(failure) => {
                error(
                    sys,
                    format!("rm: cannot remove '{path}': {}", failure.words(sys.busybox)),
                );
                status = 1;
            }
        }
    }
    status
}

fn ls(args: &[String], sys: &mut Sys) -> i32 {
    let long = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('l'));
    let all = args
        .iter()
        .any(|a| a.starts_with('-') && !a.starts_with("--") && a.contains('a'));
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let paths: Vec<String> = if paths.is_empty() {
        vec![".".into()]
    } else {
        paths.into_iter().cloned().collect()
    };
    let mut status = 0;
    for path in &paths {
        // `ls -l LINK` shows the link itself; else (or with a trailing
        // slash) a link is followed.
        let found = match sys.io.fs.lookup_link(sys.view, sys.cwd, path) {
            Ok(link)
                if long
                    && !path.ends_with('/')
                    && matches!(sys.io.fs.inode(link), Inode::Symlink(_)) =>
            {
                Ok(link)
            }
            _ => sys.io.fs.lookup(sys.view, sys.cwd, path),
        };
        match found.map(|inode| (inode, sys.io.fs.inode(inode).clone())) {
            Ok((_, Inode::Directory(entries))) => {
                if paths.len() > 1 {
                    sys.out.extend(format!("{path}:\n").bytes());
                }
                let mut shown: Vec<(String, super::fs::InodeId)> = Vec::new();
                if all {
                    if let Ok(here) = sys.io.fs.lookup(sys.view, sys.cwd, path) {
                        shown.push((".".to_string(), here));
                    }
                    let parent = format!("{}/..", path.trim_end_matches('/'));
                    if let Ok(up) = sys.io.fs.lookup(sys.view, sys.cwd, &parent) {
                        shown.push(("..".to_string(), up));
                    }
                }
                shown.extend(
                    entries
                        .into_iter()
                        .filter(|(name, _)| all || !name.starts_with('.')),
                );
                if long {
                    let blocks: u64 = shown.iter().map(|(_, id)| allocated_kb(sys, *id)).sum();
                    sys.out.extend(format!("total {blocks}\n").bytes());
                    long_listing(sys, &shown);
                } else {
                    for (name, _) in shown {
                        sys.out.extend(format!("{name}\n").bytes());
                    }
                }
            }
            Ok((inode, Inode::File(_) | Inode::Symlink(_))) => {
                if long {
                    long_listing(sys, &[(path.clone(), inode)]);
                } else {
                    sys.out.extend(format!("{path}\n").bytes());
                }
            }
            Err(failure) => {
                error(
                    sys,
                    format!("ls: cannot access '{path}': {}", failure.words(sys.busybox)),
                );
                status = 2;
            }
        }
    }
    status
}

/// The 1K blocks a file or directory takes on the node's ext4 disk (whole
/// 4 KiB blocks), for `ls -l`'s `total`.
fn allocated_kb(sys: &Sys, id: super::fs::InodeId) -> u64 {
    match sys.io.fs.inode(id) {
        Inode::Directory(_) => 4,
        Inode::File(data) => (data.len() as u64).div_ceil(4096) * 4,
        // A short target is kept in the inode itself (a "fast" symlink).
        Inode::Symlink(_) => 0,
    }
}

/// `ls -l` lines: busybox's fixed columns, or coreutils's fitted to the
/// widest cell. Everything belongs to root; files are 644, directories 755.
fn long_listing(sys: &mut Sys, entries: &[(String, super::fs::InodeId)]) {
    let rows: Vec<(&str, u32, u64, String, String)> = entries
        .iter()
        .map(|(name, id)| {
            let shown = match sys.io.fs.inode(*id) {
                Inode::Symlink(target) => format!("{name} -> {target}"),
                _ => name.clone(),
            };
            let (mode, size, links) = match sys.io.fs.inode(*id) {
                Inode::Symlink(target) => ("lrwxrwxrwx", target.len() as u64, 1),
                Inode::Directory(children) => {
                    let subdirectories = children
                        .values()
                        .filter(|child| matches!(sys.io.fs.inode(**child), Inode::Directory(_)))
                        .count() as u32;
                    ("drwxr-xr-x", 4096, 2 + subdirectories)
                }
                Inode::File(data) => ("-rw-r--r--", data.len() as u64, sys.io.fs.links(*id).max(1)),
            };
            let seconds = EPOCH_SECONDS + (sys.io.fs.modified(*id).as_millis() / 1000) as i64;
            (
                mode,
                links,
                size,
                format_time(seconds, "%b %e %H:%M"),
                shown,
            )
        })
        .collect();
    let links_width = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1);
    let size_width = rows
        .iter()
        .map(|r| r.2.to_string().len())
        .max()
        .unwrap_or(1);
    for (mode, links, size, time, name) in rows {
        let line = if sys.busybox {
            format!("{mode} {links:>4} root     root     {size:>9} {time} {name}\n")
        } else {
            format!("{mode} {links:>links_width$} root root {size:>size_width$} {time} {name}\n")
        };
        sys.out.extend(line.bytes());
    }
}

/// `ln [-s] [-f] TARGET LINK`: a second name for TARGET (a hard link), or
/// with `-s` a symbolic link holding TARGET as given (it may dangle); a LINK
/// that is a directory gets TARGET's name inside it.
fn ln(args: &[String], sys: &mut Sys) -> i32 {
    let flags: String = args
        .iter()
        .filter(|a| a.starts_with('-'))
        .map(|a| &a[1..])
        .collect();
    let (symbolic, force) = (flags.contains('s'), flags.contains('f'));
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let base_name = |path: &str| {
        path.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .to_string()
    };
    let (target, link) = match operands.as_slice() {
        [target, link] => ((*target).clone(), (*link).clone()),
        [target] => ((*target).clone(), base_name(target)),
        _ => {
            error(sys, "ln: missing file operand".into());
            return 1;
        }
    };
    let link = match sys.io.fs.lookup(sys.view, sys.cwd, &link) {
        Ok(id) if matches!(sys.io.fs.inode(id), Inode::Directory(_)) => {
            format!("{}/{}", link.trim_end_matches('/'), base_name(&target))
        }
        _ => link,
    };
    if force {
        let _ = sys.io.fs.remove(sys.view, sys.cwd, &link, false);
    }
    let made = if symbolic {
        sys.io
            .fs
            .symlink(sys.view, sys.cwd, &target, &link)
            .map(|_| ())
    } else {
        let target_inode = match sys.io.fs.lookup(sys.view, sys.cwd, &target) {
            Ok(id) => id,
            Err(failure) => {
                let message = if sys.busybox {
                    format!("ln: {target}: {}", failure.words(true))
                } else {
                    format!("ln: failed to access '{target}': {}", failure.message())
                };
                error(sys, message);
                return 1;
            }
        };
        sys.io.fs.link(sys.view, sys.cwd, target_inode, &link)
    };
    match made {
        Ok(()) => 0,
        Err(failure) => {
            let kind = if symbolic { "symbolic" } else { "hard" };
            let message = if sys.busybox {
                format!("ln: {link}: {}", failure.words(true))
            } else {
                format!(
                    "ln: failed to create {kind} link '{link}': {}",
                    failure.message()
                )
            };
            error(sys, message);
            1
        }
    }
}

/// `readlink [-f] PATH`: a symbolic link's target; with `-f` the path with
/// every link resolved. Anything else prints nothing and fails.
fn readlink(args: &[String], sys: &mut Sys) -> i32 {
    let canonical = args.iter().any(|a| a == "-f");
    let Some(path) = args.iter().find(|a| !a.starts_with('-')) else {
        error(sys, "readlink: missing operand".into());
        return 1;
    };
    if canonical {
        return match sys.io.fs.canonical(sys.view, sys.cwd, path) {
            Ok(resolved) => {
                sys.out.extend(format!("{resolved}\n").bytes());
                0
            }
            Err(_) => 1,
        };
    }
    match sys.io.fs.lookup_link(sys.view, sys.cwd, path) {
        Ok(id) => match sys.io.fs.inode(id) {
            Inode::Symlink(target) => {
                let line = format!("{target}\n");
                sys.out.extend(line.bytes());
                0
            }
            _ => 1,
        },
        Err(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::format_time;

    #[test]
    fn the_virtual_clock_starts_on_new_year_2026() {
        assert_eq!(
            format_time(super::EPOCH_SECONDS, "%a %b %e %H:%M:%S UTC %Y"),
            "Thu Jan  1 00:00:00 UTC 2026"
        );
        assert_eq!(
            format_time(super::EPOCH_SECONDS + 86_400 * 59 + 3_725, "%F %T"),
            "2026-03-01 01:02:05"
        );
    }
}
