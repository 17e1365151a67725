//! Benchmark: the seed producer/consumer pod for one hour of virtual time
//! (3,600 writes through a shared emptyDir, each read by `tail -f`), an
//! endless `while true` loop for one virtual second, a busy container
//! (`yes`, `while true; do :; done`, `while true; do echo x; done`) for 24
//! virtual hours, its log read at the end, and a loop that blocks for no
//! time (`sleep 0`) for a virtual minute. Goals: the hour in at most 5 ms
//! natively; a busy day in under 1 s (and 64 MB: `/usr/bin/time -v` on
//! `cargo bench --bench runtime -- day`). Run with `cargo bench --bench runtime`.

use podplay::clock::SimTime;
use podplay::runtime::fs::{Mount, MountKind, View};
use podplay::runtime::images::{Tools, Toolset};
use podplay::runtime::shell::Flavor;
use podplay::runtime::{Launch, Runtime};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn launch(runtime: &mut Runtime, mounts: Vec<Mount>, script: &str) -> usize {
    let root = runtime.fs.new_directory();
    let log = runtime.new_log();
    runtime.spawn(Launch {
        argv: vec!["bash".into(), "-c".into(), script.into()],
        env: vec![],
        cwd: "/".into(),
        view: View { root, mounts },
        hostname: "my-podzz".into(),
        flavor: Flavor::Bash,
        log,
        tools: Tools::base(Toolset::Centos),
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    log
}

fn run_until(runtime: &mut Runtime, end: u64) {
    runtime.run(SimTime::ZERO);
    while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= end) {
        runtime.run(next);
    }
    runtime.settle(SimTime::from_millis(end));
}

fn producer_consumer_hour() -> usize {
    let mut runtime = Runtime::new();
    let volume = runtime.fs.new_directory();
    launch(
        &mut runtime,
        vec![Mount {
            path: "/producer_dir".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
        "for i in {1..3600};do echo $i >> /producer_dir/hello;sleep 1;done",
    );
    let consumer = launch(
        &mut runtime,
        vec![Mount {
            path: "/consumer_dir".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
        "tail -f /consumer_dir/hello",
    );
    run_until(&mut runtime, 3_600_000);
    runtime.log(consumer).map_or(0, |log| log.line_count())
}

fn busy_loop_second() {
    let mut runtime = Runtime::new();
    launch(&mut runtime, Vec::new(), "while true; do :; done");
    run_until(&mut runtime, 1_000);
}

/// A loop whose every iteration runs a program that blocks for no time:
/// each costs a fork and an exec of virtual CPU (about a millisecond), so
/// a virtual minute is about 60,000 iterations, as in a real shell.
fn sleep_zero_minute() {
    let mut runtime = Runtime::new();
    launch(&mut runtime, Vec::new(), "while true; do sleep 0; done");
    run_until(&mut runtime, 60_000);
}

/// A busy container for 24 virtual hours; the runs the runtime did and the
/// log's last line.
fn busy_day(script: &str) -> (u64, String) {
    let mut runtime = Runtime::new();
    let log = launch(&mut runtime, Vec::new(), script);
    run_until(&mut runtime, 86_400_000);
    let last = runtime
        .log(log)
        .and_then(|log| log.last_line())
        .unwrap_or_default();
    (runtime.activations(), last)
}

/// `PODPLAY_BENCH_RUNS=N` runs each benchmark's work exactly N times,
/// untimed and without warm-up, so `scripts/bench-instructions.sh` can count
/// its instructions.
fn fixed_runs() -> Option<u32> {
    std::env::var("PODPLAY_BENCH_RUNS").ok()?.parse().ok()
}

fn measure(name: &str, runs: u32, work: impl Fn()) {
    if let Some(fixed) = fixed_runs() {
        for _ in 0..fixed {
            work();
        }
        println!("{name}");
        return;
    }
    work();
    let started = Instant::now();
    for _ in 0..runs {
        work();
    }
    let mean: Duration = started.elapsed() / runs;
    println!("{name:<48} {:>10.2} ms", mean.as_secs_f64() * 1e3);
}

fn main() {
    // `cargo bench --bench runtime -- producer` runs only the matching lines.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    let hour = "producer/consumer, 1 h virtual (3,600 writes)";
    if wanted(hour) {
        assert_eq!(
            producer_consumer_hour(),
            3_600,
            "the consumer reads every line"
        );
        measure(hour, 5, || {
            black_box(producer_consumer_hour());
        });
    }
    let busy = "while true; do :; done, 1 s virtual";
    if wanted(busy) {
        measure(busy, 3, busy_loop_second);
    }
    let blocking = "while true; do sleep 0; done, 1 min virtual";
    if wanted(blocking) {
        measure(blocking, 1, sleep_zero_minute);
    }
    for (name, script, line) in [
        ("yes, 1 day virtual", "yes", "y"),
        (
            "while true; do :; done, 1 day virtual",
            "while true; do :; done",
            "",
        ),
        (
            "while true; do echo x; done, 1 day virtual",
            "while true; do echo x; done",
            "x",
        ),
    ] {
        if wanted(name) {
            let (activations, last) = busy_day(script);
            assert_eq!(last, line, "the log ends with the day's last line");
            println!("{name:<48} {activations:>10} process runs");
            measure(name, 1, || {
                black_box(busy_day(script));
            });
        }
    }
}
