//! `stress` 1.0.4 (Amos Waterland's, as the `polinux/stress` image builds
//! it), the program the Kubernetes docs' memory examples run: `stress --vm 1
//! --vm-bytes 250M --vm-hang 1`. Its vm hogs hold the memory they touch,
//! which is what a container's memory limit is checked against.
//!
//! From `src/stress.c`: options are parsed without getopt; sizes take a
//! `B`/`K`/`M`/`G` suffix, a power of 1024 (`atoll_b`: `value << 10`…),
//! times an `s`/`m`/`h`/`d`/`y` one (`atoll_s`); the default `--vm-bytes`
//! is 256 MiB; with work to do it prints `stress: info: [PID] dispatching
//! hogs: 0 cpu, 0 io, 1 vm, 0 hdd` on stdout (`out`), else its usage. Each
//! hog is a forked worker that starts after a back-off of 3,000 µs times
//! the workers left to fork; a vm worker mallocs its bytes, touches a byte
//! every 4 KiB, sleeps `--vm-hang` seconds (0: for ever) and frees them, in
//! a loop. podplay's workers hold their bytes from the end of that back-off
//! on (the moment of freeing and allocating again is not modelled), in the
//! process of `stress` itself; with `--timeout` they end then and stress
//! prints `stress: info: [PID] successful run completed in Ns`. The cpu,
//! io and hdd hogs are not simulated and say so.

use crate::clock::SimTime;
use crate::runtime::program::{Program, Step, Sys, Wait};

/// `stress` with its options read, its workers' memory once they hold it.
pub struct Stress {
    /// Its arguments.
    args: Vec<String>,
    /// Where it is: not started, or its hogs dispatched.
    running: Option<Running>,
}

/// What a `stress` whose hogs are dispatched does.
struct Running {
    /// When its workers hold their memory.
    holding_from: SimTime,
    /// Whether they do now.
    holding: bool,
    /// The bytes all its vm workers hold together.
    bytes: u64,
    /// When it started, for its run time.
    started: SimTime,
    /// When `--timeout` ends the run, if given.
    ends: Option<SimTime>,
}

/// The usage `stress` prints for `--help` or nothing to do (`usage`).
const USAGE: &str = "`stress' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n -?, --help         show this help statement\n     --version      show version statement\n -v, --verbose      be verbose\n -q, --quiet        be quiet\n -n, --dry-run      show what would have been done\n -t, --timeout N    timeout after N seconds\n     --backoff N    wait factor of N microseconds before work starts\n -c, --cpu N        spawn N workers spinning on sqrt()\n -i, --io N         spawn N workers spinning on sync()\n -m, --vm N         spawn N workers spinning on malloc()/free()\n     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n     --vm-stride B  touch a byte every B bytes (default is 4096)\n     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n     --vm-keep      redirty memory instead of freeing and reallocating\n -d, --hdd N        spawn N workers spinning on write()/unlink()\n     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\nExample: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\nNote: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n";

/// The options podplay simulates.
#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    /// `--vm N`.
    vm: u64,
    /// `--vm-bytes B` (256 MiB by default).
    vm_bytes: u64,
    /// `--cpu`, `--io` and `--hdd` workers asked for.
    others: (u64, u64, u64),
    /// `--timeout N`, in seconds.
    timeout: Option<u64>,
    /// `--quiet`: no info lines.
    quiet: bool,
}

/// What the arguments ask for.
#[derive(Debug, PartialEq, Eq)]
enum Parsed {
    /// Work to do.
    Run(Options),
    /// Print this on stdout and exit 0 (`--help`, `--version`, no work).
    Print(&'static str),
    /// Print this on stderr and exit 1.
    Fail(String),
}

/// A number with one of `suffixes` (a letter, either case, and its factor)
/// or none, or `None`.
fn suffixed(text: &str, suffixes: &[(u8, u64)]) -> Option<u64> {
    let last = text.as_bytes().last()?.to_ascii_lowercase();
    let (digits, factor) = match suffixes.iter().find(|(letter, _)| *letter == last) {
        Some((_, factor)) => (&text[..text.len() - 1], *factor),
        None => (text, 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(factor)
}

/// A size or count with `stress`'s suffixes (`atoll_b`), or `None`.
fn size(text: &str) -> Option<u64> {
    suffixed(
        text,
        &[(b'b', 1), (b'k', 1 << 10), (b'm', 1 << 20), (b'g', 1 << 30)],
    )
}

/// A time in seconds with `stress`'s suffixes (`atoll_s`), or `None`.
fn seconds(text: &str) -> Option<u64> {
    let suffixes = [
        (b's', 1),
        (b'm', 60),
        (b'h', 3_600),
        (b'd', 86_400),
        (b'y', 31_536_000),
    ];
    suffixed(text, &suffixes)
}

/// Reads `stress`'s arguments as `main` does, the ones podplay simulates.
fn parse(args: &[String]) -> Parsed {
    let mut options = Options {
        vm_bytes: 256 << 20,
        ..Options::default()
    };
    let mut words = args.iter();
    while let Some(option) = words.next() {
        let option = option.as_str();
        match option {
            "--help" | "-?" => return Parsed::Print(USAGE),
            "--version" => return Parsed::Print("stress 1.0.4\n"),
            "--verbose" | "-v" | "--dry-run" | "-n" | "--vm-keep" => {}
            "--quiet" | "-q" => options.quiet = true,
            _ => {
                let value = words.next().map(String::as_str);
                let counted = |value: Option<&str>| value.and_then(size).filter(|n| *n > 0);
                let read = match option {
                    "--vm" | "-m" => counted(value).map(|n| options.vm = n),
                    "--vm-bytes" => counted(value).map(|n| options.vm_bytes = n),
                    "--cpu" | "-c" => counted(value).map(|n| options.others.0 = n),
                    "--io" | "-i" => counted(value).map(|n| options.others.1 = n),
                    "--hdd" | "-d" => counted(value).map(|n| options.others.2 = n),
                    "--timeout" | "-t" => value
                        .and_then(seconds)
                        .filter(|n| *n > 0)
                        .map(|n| options.timeout = Some(n)),
                    "--vm-hang" | "--vm-stride" | "--backoff" | "--hdd-bytes" => {
                        value.and_then(size).map(|_| ())
                    }
                    _ => None,
                };
                if read.is_none() {
                    return Parsed::Fail(format!(
                        "stress: this use of stress is not simulated yet: {}\n",
                        args.join(" ")
                    ));
                }
            }
        }
    }
    match options {
        Options {
            vm: 0,
            others: (0, 0, 0),
            ..
        } => Parsed::Print(USAGE),
        Options {
            others: (0, 0, 0), ..
        } => Parsed::Run(options),
        _ => Parsed::Fail("stress: cpu, io and hdd hogs are not simulated yet\n".into()),
    }
}

impl Stress {
    /// `stress ARGS`, not started.
    pub fn new(args: Vec<String>) -> Stress {
        Stress {
            args,
            running: None,
        }
    }
}

impl Program for Stress {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let now = sys.io.now;
        let Some(running) = &mut self.running else {
            let options = match parse(&self.args) {
                Parsed::Run(options) => options,
                Parsed::Print(text) => {
                    sys.out.extend(text.as_bytes());
                    return Step::Exit(0);
                }
                Parsed::Fail(message) => {
                    sys.err.extend(message.as_bytes());
                    return Step::Exit(1);
                }
            };
            if !options.quiet {
                let line = format!(
                    "stress: info: [{}] dispatching hogs: 0 cpu, 0 io, {} vm, 0 hdd\n",
                    sys.own_pid, options.vm
                );
                sys.out.extend(line.as_bytes());
            }
            // The last worker forked waits 3,000 µs times one worker: the
            // first ones a little longer, all within milliseconds.
            let holding_from = now + options.vm.min(1_000) * 3;
            self.running = Some(Running {
                holding_from,
                holding: false,
                bytes: options.vm.saturating_mul(options.vm_bytes),
                started: now,
                ends: options.timeout.map(|s| now + s.saturating_mul(1000)),
            });
            return Step::Block(Wait::Until(holding_from));
        };
        if let Some(ends) = running.ends.filter(|ends| now >= *ends) {
            let took = (ends.as_millis() - running.started.as_millis()) / 1000;
            let line = format!(
                "stress: info: [{}] successful run completed in {took}s\n",
                sys.own_pid
            );
            sys.out.extend(line.as_bytes());
            return Step::Exit(0);
        }
        if now < running.holding_from {
            return Step::Block(Wait::Until(running.holding_from));
        }
        // The workers hold their memory; wake at the timeout, if any.
        running.holding = true;
        let next = running.ends.unwrap_or(now + 1_024_000);
        Step::Block(Wait::Until(next))
    }

    fn memory_bytes(&self) -> u64 {
        match &self.running {
            Some(running) if running.holding => running.bytes,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(String::from).collect()
    }

    #[test]
    fn sizes_take_powers_of_1024_as_atoll_b_does() {
        assert_eq!(size("250M"), Some(250 << 20));
        assert_eq!(size("1G"), Some(1 << 30));
        assert_eq!(size("512k"), Some(512 << 10));
        assert_eq!(size("100B"), Some(100));
        assert_eq!(size("7"), Some(7));
        assert_eq!(size("10Q"), None);
    }

    #[test]
    fn the_docs_memory_example_runs_one_vm_hog_of_250_mib() {
        let parsed = parse(&words("--vm 1 --vm-bytes 250M --vm-hang 1"));
        assert_eq!(
            parsed,
            Parsed::Run(Options {
                vm: 1,
                vm_bytes: 250 << 20,
                ..Options::default()
            })
        );
    }

    #[test]
    fn no_work_prints_the_usage() {
        assert_eq!(parse(&[]), Parsed::Print(USAGE));
    }

    #[test]
    fn cpu_hogs_say_they_are_not_simulated() {
        assert!(matches!(parse(&words("--cpu 2")), Parsed::Fail(_)));
    }
}
