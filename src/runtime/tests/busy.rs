//! Busy processes: a spinning process is parked, writes byte for byte the
//! log it would have written if run every slice, costs work independent of
//! the virtual time it spins for, wakes for a signal in the same state, and
//! its container is charged the CPU it uses.

use super::*;
use crate::runtime::{ContainerLog, ReadOptions, SignalTarget};

/// Runs `script` in a busybox container for `millis`, parking spinning
/// processes unless `never_park`; then, if `signal` is given as (time,
/// signal), sends it at that time and runs 100 ms more. Returns the runtime,
/// the process and its log.
fn spin(
    script: &str,
    millis: u64,
    never_park: bool,
    signal: Option<(u64, i32)>,
) -> (Runtime, crate::runtime::ProcessId, usize) {
    let mut runtime = Runtime::new();
    if never_park {
        runtime.never_park();
    }
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(&mut runtime, view, Flavor::Busybox, script);
    match signal {
        None => run_until(&mut runtime, millis),
        Some((at, signal)) => {
            run_until(&mut runtime, at);
            runtime.signal(id, SignalTarget::Process, signal);
            run_on(&mut runtime, at, at + 100);
        }
    }
    (runtime, id, log)
}

/// Runs the runtime on from `start` to `end` milliseconds.
fn run_on(runtime: &mut Runtime, start: u64, end: u64) {
    let start = SimTime::from_millis(start);
    runtime.run(start);
    while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= end) {
        runtime.run(next.max(start));
    }
    runtime.settle(SimTime::from_millis(end));
}

/// The log as `kubectl logs --timestamps` prints it.
fn lines(log: &ContainerLog) -> String {
    log.read(ReadOptions {
        tail: None,
        timestamps: true,
    })
}

#[test]
fn a_spinning_process_writes_the_log_it_would_have_written_run_every_slice() {
    let long = "y".repeat(200);
    // (script, virtual milliseconds, whether it is found spinning)
    let cases = [
        (&format!("yes {long}") as &str, 1_000, true),
        ("yes", 100, true),
        ("while true; do :; done", 1_000, true),
        ("x=1; while true; do x=1; done", 1_000, true),
        ("f() { :; }; while true; do f; done", 1_000, true),
        // `echo` and `printf` are the shell's builtins: no PID, no lookup.
        ("while true; do echo x; done", 1_000, true),
        ("while :; do echo a; echo b >&2; done", 500, true),
        (
            "while true; do printf 'a %s\\n' b; [ -n x ]; done",
            500,
            true,
        ),
        // Not a cycle: the state changes, or the world is reached (`date`
        // is a program: starting it looks it up in the filesystem and
        // takes a PID).
        ("i=0; while true; do i=$((i+1)); done", 500, false),
        ("while true; do date; done", 500, false),
        ("while true; do echo x >> /tmp/f; done", 500, false),
    ];
    for (script, millis, spins) in cases {
        let (parked, id, log) = spin(script, millis, false, None);
        let (run, _, _) = spin(script, millis, true, None);
        assert_eq!(parked.is_spinning(id), spins, "{script}");
        let (parked_log, run_log) = (parked.log(log).unwrap(), run.log(log).unwrap());
        assert_eq!(lines(parked_log), lines(run_log), "{script}");
        assert_eq!(parked_log.text(), run_log.text(), "{script}");
        assert_eq!(parked_log.written(), run_log.written(), "{script}");
        assert_eq!(
            parked.container_cpu_micros(parked.processes.get(&id).unwrap().container_root()),
            run.container_cpu_micros(run.processes.get(&id).unwrap().container_root()),
            "{script}"
        );
        if spins {
            // Parked once a cycle is seen (at most 64 slices), whatever
            // the duration.
            assert!(parked.activations() <= 66, "{script}");
            assert!(run.activations() >= millis / 10, "{script}");
        }
    }
}

#[test]
fn a_spinning_process_costs_the_same_work_for_a_minute_as_for_a_day() {
    let line = "x".repeat(100);
    for script in [
        format!("yes {line}"),
        "while true; do :; done".to_string(),
        "while true; do echo x; done".to_string(),
    ] {
        let script = script.as_str();
        let (minute, _, minute_log) = spin(script, 60_000, false, None);
        let (day, id, day_log) = spin(script, 86_400_000, false, None);
        assert!(day.is_spinning(id), "{script}");
        assert_eq!(day.activations(), minute.activations(), "{script}");
        assert!(day.activations() < 100, "{script}: {}", day.activations());
        // The file keeps the oldest lines (no kubelet rotates it here) and
        // loses the rest, which still count as written.
        let (day_log, minute_log) = (day.log(day_log).unwrap(), minute.log(minute_log).unwrap());
        assert!(lines(day_log).starts_with(&lines(minute_log)), "{script}");
        assert!(
            day_log.written() >= minute_log.written() * 1_000,
            "{script}"
        );
        // A whole virtual CPU, all day.
        let root = day.processes.get(&id).unwrap().container_root();
        assert_eq!(day.container_cpu_micros(root), 86_400_010_000, "{script}");
    }
}

#[test]
fn a_signal_wakes_a_spinning_process_in_the_state_it_would_have_had() {
    let script = "trap 'echo got TERM; exit 3' TERM; while true; do echo a; echo b; done";
    for at in [1_000, 1_005, 2_347] {
        let (parked, id, log) = spin(script, 0, false, Some((at, 15)));
        let (run, run_id, _) = spin(script, 0, true, Some((at, 15)));
        assert_eq!(parked.exit_code(id), Some(3), "at {at}");
        assert_eq!(run.exit_code(run_id), Some(3), "at {at}");
        let (parked_log, run_log) = (parked.log(log).unwrap(), run.log(log).unwrap());
        assert_eq!(lines(parked_log), lines(run_log), "at {at}");
        assert!(parked_log.text().ends_with("got TERM\n"), "at {at}");
    }
}

#[test]
fn a_sleep_beside_a_spinning_process_takes_its_virtual_time() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    launch(&mut runtime, view, Flavor::Busybox, "yes");
    let view = container(&mut runtime, Vec::new());
    let (sleeper, log) = launch(&mut runtime, view, Flavor::Busybox, "sleep 10; echo done");
    run_until(&mut runtime, 9_999);
    assert_eq!(runtime.exit_code(sleeper), None);
    run_on(&mut runtime, 9_999, 10_000);
    assert_eq!(runtime.exit_code(sleeper), Some(0));
    let done = lines(runtime.log(log).unwrap());
    assert_eq!(done, "2026-01-01T00:00:10.000000000Z done\n");
    assert!(runtime.activations() < 100, "{}", runtime.activations());
}

/// The last number in `script`'s log after `millis` in a busybox container
/// (the runtime's work: its process runs), and the CPU it used.
fn last_line_and_work(script: &str, millis: u64) -> (String, u64, u64) {
    let (runtime, id, log) = spin(script, millis, false, None);
    let text = runtime.log(log).unwrap().text();
    let last = text
        .lines()
        .rev()
        .find(|line| line.parse::<u64>().is_ok())
        .unwrap_or_default()
        .to_string();
    let root = runtime.processes.get(&id).unwrap().container_root();
    (
        last,
        runtime.activations(),
        runtime.container_cpu_micros(root),
    )
}

#[test]
fn a_loop_that_blocks_for_no_time_goes_as_fast_as_a_real_one() {
    // (script, iterations per virtual second at most and at least): real
    // BusyBox ash takes 1.0–1.4 ms of CPU for a `sleep 0` and 0.3 ms for a
    // subshell, 25 µs for a command not found (`process/cost.rs`); each
    // iteration here also writes its count.
    let count = "i=$((i+1)); echo $i";
    let cases = [
        (
            format!("i=0; while true; do sleep 0; {count}; done"),
            1_010,
            900,
        ),
        (
            format!("i=0; while true; do (exit 0); {count}; done"),
            3_400,
            3_000,
        ),
        (
            format!("i=0; until false; do s lpee2; {count}; done"),
            40_000,
            20_000,
        ),
        (
            format!("i=0; while true; do nslookup mydb; {count}; done"),
            1_010,
            900,
        ),
    ];
    for (script, most, least) in cases {
        let (last, activations, cpu) = last_line_and_work(&script, 1_000);
        let count: u64 = last.parse().unwrap_or_else(|_| panic!("{script}: {last}"));
        assert!(
            (least..=most).contains(&count),
            "{script}: {count} iterations"
        );
        // A whole virtual CPU, as a loop that never blocks; a few runs of
        // the process per slice, not thousands per instant.
        assert!(cpu >= 990_000, "{script}: {cpu} µs");
        assert!(activations < 20 * 1_000, "{script}: {activations} runs");
    }
}

#[test]
fn echo_printf_and_test_are_builtins_without_a_pid() {
    // Real dash and bash in a PID namespace of their own:
    // `echo a; printf "b\n"; test 1; [ 1 ]; sleep 5 & ps -o pid,comm`
    // shows the shell as 1 and sleep as 2.
    // (Here `sleep 1` takes PID 3 and lets the background child start.)
    let script = "echo a; printf 'b\\n'; test 1; [ 1 ]; sleep 5 & sleep 1; ps";
    let (log, _) = super::run(script, 2_000);
    assert_eq!(
        log,
        format!("a\nb\nPID   USER     TIME  COMMAND\n    1 root      0:00 sh -c {script}\n    2 root      0:00 sleep 5\n    4 root      0:00 ps\n")
    );
}
