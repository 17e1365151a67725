//! Running a case with the real program (the oracle), as
//! `scripts/oracles.sh` installs them: `busybox sh` with only BusyBox's
//! applet links on its PATH, `dash` as `sh`, `bash`. Each run is as
//! `env -i` gives it: only `PATH` and `HOME` set, the C locale, standard
//! input `/dev/null`, no terminal, in an empty working directory at a
//! fixed path (cases may print it), held under a lock so two test runs on
//! one machine take turns.

use super::corpus::{Case, Shell};
use super::outcome::{Outcome, Status};
use super::{HOME, WORK_DIR};
use std::fs::File;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Real time a case may take before it is killed (a case that needs more is
/// a bad case; none sleeps over a second).
const TIME_LIMIT: Duration = Duration::from_secs(10);

/// The oracles' cache (`scripts/oracles.sh`).
fn cache() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/oracles")
}

/// The program, `argv[0]` and `PATH` that run `shell` for real.
fn command_for(shell: Shell) -> (PathBuf, &'static str, String) {
    let debian_path = "/usr/local/bin:/usr/bin:/bin".to_string();
    match shell {
        Shell::Busybox => (
            "/usr/bin/busybox".into(),
            "sh",
            cache().join("busybox").display().to_string(),
        ),
        Shell::Dash => ("/usr/bin/dash".into(), "sh", debian_path),
        Shell::Bash => ("/usr/bin/bash".into(), "bash", debian_path),
    }
}

/// Whether every real program is installed (`scripts/oracles.sh` has run).
pub fn available() -> bool {
    Shell::ALL
        .iter()
        .all(|&shell| command_for(shell).0.exists())
        && cache().join("busybox/sh").exists()
}

/// The Debian packages whose programs the goldens record.
const PACKAGES: [&str; 8] = [
    "bash",
    "busybox",
    "coreutils",
    "dash",
    "findutils",
    "grep",
    "mawk",
    "sed",
];

/// The installed versions of [`PACKAGES`], one `package version` a line, as
/// `dpkg-query` tells them (`None` without dpkg).
pub fn installed_versions() -> Option<String> {
    let output = Command::new("dpkg-query")
        .args(["-W", "-f", "${Package} ${Version}\\n"])
        .args(PACKAGES)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort();
    Some(lines.iter().map(|line| format!("{line}\n")).collect())
}

/// Holds the working directory for one test run at a time: the lock is a
/// directory beside it, made (atomically) by the holder and removed when
/// this value is dropped; one left by a run that died is taken over after
/// [`STALE_LOCK`].
pub struct Workshop {
    /// The lock directory.
    lock: PathBuf,
}

/// How old a lock may grow before it is taken to be a dead run's.
const STALE_LOCK: Duration = Duration::from_secs(600);

impl Workshop {
    /// Waits for the working directory's lock.
    pub fn open() -> Workshop {
        let lock = PathBuf::from(format!("{WORK_DIR}.lock"));
        loop {
            match std::fs::create_dir(&lock) {
                Ok(()) => return Workshop { lock },
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                    let age = std::fs::metadata(&lock)
                        .and_then(|meta| meta.modified())
                        .map(|modified| modified.elapsed().unwrap_or_default());
                    if age.is_ok_and(|age| age > STALE_LOCK) {
                        std::fs::remove_dir(&lock).ok();
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(error) => panic!("the oracle's lock {}: {error}", lock.display()),
            }
        }
    }

    /// What `case` does with the real program.
    pub fn run(&self, case: &Case) -> Outcome {
        let work = Path::new(WORK_DIR);
        if work.exists() {
            std::fs::remove_dir_all(work).expect("the last case's files removed");
        }
        std::fs::create_dir_all(work).expect("an empty working directory");
        let out = std::env::temp_dir().join(format!("podplay-oracle-{}.out", std::process::id()));
        let err = out.with_extension("err");
        let (program, argv0, path) = command_for(case.shell);
        let mut child = Command::new(program)
            .arg0(argv0)
            .arg("-c")
            .arg(&case.script)
            .env_clear()
            .env("PATH", path)
            .env("HOME", HOME)
            .current_dir(work)
            .stdin(Stdio::null())
            .stdout(File::create(&out).expect("a file for stdout"))
            .stderr(File::create(&err).expect("a file for stderr"))
            .spawn()
            .expect("the real shell starts");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("the real shell's status") {
                break Status::Exited(
                    status
                        .code()
                        .unwrap_or_else(|| 128 + status.signal().unwrap_or(0)),
                );
            }
            if started.elapsed() > TIME_LIMIT {
                child.kill().ok();
                child.wait().ok();
                break Status::StillRunning;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let outcome = Outcome {
            stdout: std::fs::read(&out).expect("stdout's file"),
            stderr: std::fs::read(&err).expect("stderr's file"),
            status,
        };
        std::fs::remove_file(out).ok();
        std::fs::remove_file(err).ok();
        outcome
    }
}

impl Drop for Workshop {
    fn drop(&mut self) {
        std::fs::remove_dir(&self.lock).ok();
    }
}
