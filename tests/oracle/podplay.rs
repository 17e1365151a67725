//! Running a case in podplay: a fresh runtime, a container of the case's
//! image with its files installed, `sh -c SCRIPT` (or `bash -c`) as its
//! first process with the oracle's fixed environment, run on the virtual
//! clock until it exits or its time is up. stdout and stderr are read apart
//! from the container's log.

use super::corpus::{Case, Shell};
use super::outcome::{Outcome, Status};
use super::{HOME, WORK_DIR};
use podplay::clock::SimTime;
use podplay::runtime::fs::View;
use podplay::runtime::images::install_files;
use podplay::runtime::images::resolve;
use podplay::runtime::{Launch, Runtime, Stream};

/// The image's default `PATH` (the same in `busybox` and `debian`).
const PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Virtual time a case may take.
const MAX_VIRTUAL_MILLIS: u64 = 5_000;

/// The most instants (`Runtime::run` calls) a case may take: a loop of
/// commands that exit at once moves the clock only a millisecond per
/// 2,000 process runs.
const MAX_INSTANTS: usize = 2_000;

/// The image and the `-c` shell podplay runs `shell`'s cases with.
fn image_and_shell(shell: Shell) -> (&'static str, &'static str) {
    match shell {
        Shell::Busybox => ("busybox:1.36", "sh"),
        Shell::Dash => ("debian:12", "sh"),
        Shell::Bash => ("debian:12", "bash"),
    }
}

/// What `case` does in podplay; a panic is an outcome, not a failed test.
pub fn run(case: &Case) -> Outcome {
    let script = case.script.clone();
    let shell = case.shell;
    // Unoptimised test builds take several KiB of stack for each level of
    // a nested construct, so each case gets a big stack of its own.
    let outcome = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || run_in_container(shell, &script))
        .expect("a thread for the case")
        .join();
    outcome.unwrap_or_else(|panic| Outcome {
        stdout: Vec::new(),
        stderr: Vec::new(),
        status: Status::Panicked(
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default(),
        ),
    })
}

/// Runs `script` with `shell`'s image and shell until it exits or its time
/// is up.
fn run_in_container(shell: Shell, script: &str) -> Outcome {
    let (reference, program) = image_and_shell(shell);
    let image = resolve(reference).expect("an image of the catalog");
    let mut runtime = Runtime::new();
    let view = View {
        root: runtime.fs.new_directory(),
        mounts: Vec::new(),
    };
    install_files(&mut runtime.fs, &view, &image).expect("the image's files");
    runtime
        .fs
        .make_directory(&view, "/", WORK_DIR, true)
        .expect("the working directory");
    let log = runtime.new_log();
    let process = runtime.spawn(Launch {
        argv: vec![program.into(), "-c".into(), script.into()],
        env: vec![("PATH".into(), PATH.into()), ("HOME".into(), HOME.into())],
        cwd: WORK_DIR.into(),
        view,
        hostname: "oracle".into(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    let end = SimTime::from_millis(MAX_VIRTUAL_MILLIS);
    runtime.run(SimTime::ZERO);
    let mut instants = 0;
    while runtime.exit_code(process).is_none() && instants < MAX_INSTANTS {
        let Some(next) = runtime.next_wake().filter(|time| *time <= end) else {
            break;
        };
        runtime.run(next);
        instants += 1;
    }
    runtime.settle(end);
    let log = runtime.log(log).expect("the container's log");
    Outcome {
        stdout: log.stream_bytes(Stream::Stdout),
        stderr: log.stream_bytes(Stream::Stderr),
        status: runtime
            .exit_code(process)
            .map_or(Status::StillRunning, Status::Exited),
    }
}
