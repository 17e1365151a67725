//! CPU shared like a real node's: busy containers split the node's two
//! cores by their shares, a CPU limit throttles its container to its quota,
//! a throttled spinning process parked writes what it would have written
//! run every slice, and busybox `top` shows each process's share.

use super::*;
use crate::runtime::cpu_share::CpuCgroup;
use crate::runtime::ReadOptions;

/// Starts `script` in a new busybox container with `cgroup` (if any).
fn busy_container(
    runtime: &mut Runtime,
    script: &str,
    cgroup: Option<CpuCgroup>,
) -> (crate::runtime::ProcessId, usize, crate::runtime::InodeId) {
    let view = container(runtime, Vec::new());
    let root = view.root;
    if let Some(cgroup) = cgroup {
        runtime.set_cpu_cgroup(root, cgroup);
    }
    let (id, log) = launch(runtime, view, Flavor::Busybox, script);
    (id, log, root)
}

/// Containers as (request, limit) millicores.
type Containers = &'static [(u64, u64)];

#[test]
fn three_busy_containers_share_two_cores_and_a_limit_throttles_its_container() {
    // (containers, each one's CPU after 3 s in milliseconds)
    let spin = "while true; do :; done";
    let cases: &[(Containers, &[u64])] = &[
        (&[(0, 0)], &[3_000]),
        (&[(0, 0), (0, 0)], &[3_000, 3_000]),
        // Two thirds of a core each: a slice every 15 ms (the first two ran
        // their second slice before the third was found busy).
        (&[(0, 0), (0, 0), (0, 0)], &[2_010, 2_010, 2_000]),
        // 100m: 10 ms of every 100 ms, idle cores or not.
        (&[(100, 100)], &[300]),
        // A 500m limit leaves the rest to the others: 750m each, a slice
        // every 13 ms (13.3 on a clock counting milliseconds: 77 %).
        (&[(500, 500), (0, 0), (0, 0)], &[1_500, 2_310, 2_310]),
        // Requests weigh: 1536 shares against 512, 750m against 250m.
        (
            &[(1500, 0), (500, 0), (1500, 0), (500, 0)],
            &[2_310, 760, 2_310, 750],
        ),
    ];
    for (containers, expected) in cases {
        let mut runtime = Runtime::new();
        let roots: Vec<_> = containers
            .iter()
            .map(|&(request, limit)| {
                let cgroup = CpuCgroup::of_container(request, limit);
                busy_container(&mut runtime, spin, Some(cgroup)).2
            })
            .collect();
        run_until(&mut runtime, 2_999);
        let used: Vec<u64> = roots
            .iter()
            .map(|root| runtime.container_cpu_micros(*root) / 1000)
            .collect();
        assert_eq!(&used, expected, "{containers:?}");
    }
}

#[test]
fn a_throttled_spinning_process_parked_writes_what_it_would_have_run_every_slice() {
    let script = "yes";
    let run = |never_park: bool| {
        let mut runtime = Runtime::new();
        if never_park {
            runtime.never_park();
        }
        let (id, log, root) = busy_container(
            &mut runtime,
            script,
            Some(CpuCgroup::of_container(250, 250)),
        );
        // A second busy container comes and goes: the first one's pace
        // does not change (its quota binds), a third's would.
        let (other, _, _) = busy_container(&mut runtime, "while true; do :; done", None);
        run_until(&mut runtime, 1_000);
        runtime.signal(other, crate::runtime::SignalTarget::Process, 9);
        let mut now = 1_000;
        runtime.run(SimTime::from_millis(now));
        while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= 2_000) {
            now = next.as_millis().max(now);
            runtime.run(SimTime::from_millis(now));
        }
        runtime.settle(SimTime::from_millis(2_000));
        let text = runtime.log(log).unwrap().read(ReadOptions {
            tail: None,
            timestamps: true,
        });
        (
            runtime.is_spinning(id),
            text,
            runtime.container_cpu_micros(root),
        )
    };
    let (parked, parked_log, parked_cpu) = run(false);
    let (spinning, run_log, run_cpu) = run(true);
    assert!(parked && !spinning);
    assert_eq!(parked_log, run_log);
    // A quarter of a core: a 10 ms slice every 40 ms, 51 slices in 2 s.
    assert_eq!((parked_cpu, run_cpu), (510_000, 510_000));
}

#[test]
fn busybox_top_shows_the_cpu_each_process_uses() {
    // The figures follow busybox's procps/top.c (`display_cpus`,
    // `display_process_list`, with FEATURE_TOP_DECIMALS and
    // FEATURE_TOP_SMP_PROCESS, the busybox image's configuration): a
    // process's %CPU is its share of all the node's cores, so one busy
    // process on two cores is 50.0; the CPU line counts the whole node.
    // (Debian's busybox 1.35, `busybox top -b -n 1` on this machine, is
    // built without both: `%VSZ %CPU` with whole percents, `  2%  22%`.)
    let mut runtime = Runtime::new();
    let (_, log, _) = busy_container(
        &mut runtime,
        "while true; do :; done & sleep 5; top -bn1",
        None,
    );
    run_until(&mut runtime, 5_100);
    let screen = runtime.log(log).unwrap().text();
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(
        lines[1],
        "CPU: 50.0% usr  0.0% sys  0.0% nic 50.0% idle  0.0% io  0.0% irq  0.0% sirq"
    );
    assert_eq!(
        lines[4..],
        [
            "    1     0 root     S     1332  0.0   1  0.0 sh -c while true; do :; done & sleep 5; top -bn1",
            "    2     1 root     R     1332  0.0   0 50.0 sh -c while true; do :; done & sleep 5; top -bn1",
            "    4     1 root     R     1332  0.0   0  0.0 top -bn1",
            "",
        ]
    );
}
