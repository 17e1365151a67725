//! Memory per container: what its processes and tmpfs files hold, and the
//! OOM killer at its limit.

use super::{container, launch, run_until};
use crate::clock::SimTime;
use crate::runtime::cgroup::is_over_limit;
use crate::runtime::fs::{Mount, MountKind};
use crate::runtime::shell::Flavor;
use crate::runtime::Runtime;

const MIB: u64 = 1024 * 1024;

#[test]
fn who_the_oom_killer_kills() {
    // (what the container holds, its limit, killed?)
    let cases: [(&str, u64, Option<u64>, bool); 4] = [
        (
            "a container over its memory limit is killed",
            101 * MIB,
            Some(100 * MIB),
            true,
        ),
        (
            "a container exactly at its limit is not",
            100 * MIB,
            Some(100 * MIB),
            false,
        ),
        (
            "a container under its limit is not",
            50 * MIB,
            Some(100 * MIB),
            false,
        ),
        (
            "a container without a limit never is",
            100_000 * MIB,
            None,
            false,
        ),
    ];
    for (case, usage, limit, killed) in cases {
        assert_eq!(is_over_limit(usage, limit), killed, "{case}");
    }
}

/// A busybox container running `script` under `limit` bytes, with a
/// writable memory-backed emptyDir at `/cache`; returns the runtime, the
/// container's root, its first process and its log.
fn limited(
    limit: Option<u64>,
    script: &str,
) -> (
    Runtime,
    crate::runtime::InodeId,
    crate::runtime::ProcessId,
    usize,
) {
    let mut runtime = Runtime::new();
    let cache = runtime.fs.new_directory();
    let mounts = vec![Mount {
        path: "/cache".into(),
        root: cache,
        read_only: false,
        kind: MountKind::Memory { size_limit: None },
    }];
    let view = container(&mut runtime, mounts);
    let root = view.root;
    runtime.create_memory_cgroup(root, limit, vec![cache]);
    let (id, log) = launch(&mut runtime, view, Flavor::Busybox, script);
    (runtime, root, id, log)
}

#[test]
fn a_doubling_variable_grows_the_containers_memory() {
    let script = "x=a; while :; do x=$x$x; sleep 1; done";
    let (mut runtime, root, _, _) = limited(None, script);
    runtime.run(SimTime::ZERO);
    let at_start = runtime.container_memory(root);
    // The busybox shell's resident size (2,016 kB) and its `sleep`'s
    // (356 kB), and a page for a few bytes of variables.
    let binaries = (2_016 + 356) * 1024;
    assert_eq!(at_start, binaries + 4096);
    run_until(&mut runtime, 20_500);
    let later = runtime.container_memory(root);
    // 20 doublings later x alone is 2^20 bytes.
    assert!(later >= at_start + MIB, "{at_start} → {later}");
}

/// Runs `script` under `limit` for a second; asserts that the OOM killer
/// ended it and returns its log.
fn oom_killed_within_a_second(limit: u64, script: &str) -> String {
    let (mut runtime, root, id, log) = limited(Some(limit), script);
    run_until(&mut runtime, 1_000);
    assert_eq!(runtime.exit_code(id), Some(137), "{script}");
    assert!(runtime.oom_killed(root), "{script}");
    runtime.log(log).unwrap().text()
}

#[test]
fn a_shell_doubling_a_variable_past_its_limit_is_oom_killed() {
    let log = oom_killed_within_a_second(10 * MIB, "x=a; while :; do x=$x$x; done");
    // Killed at the allocation, not after it: no shell's "out of memory".
    assert_eq!(log, "");
}

#[test]
fn without_a_limit_the_shell_runs_out_of_memory_in_its_own_words() {
    let script = "x=a; while :; do x=$x$x; done";
    let (mut runtime, root, id, log) = limited(None, script);
    run_until(&mut runtime, 1_000);
    assert_eq!(runtime.exit_code(id), Some(1));
    assert!(!runtime.oom_killed(root));
    assert!(runtime.log(log).unwrap().text().contains("out of memory"));
}

#[test]
fn files_in_a_memory_backed_empty_dir_count_toward_the_container() {
    let script = "seq 1 300000 > /cache/numbers; sleep 5";
    let (mut runtime, root, id, _) = limited(None, script);
    run_until(&mut runtime, 1_000);
    // 1,988,895 bytes of numbers, in whole 4 KiB pages.
    assert!(runtime.container_memory(root) > 2_016 * 1024 + 1_988_895);
    assert_eq!(runtime.exit_code(id), None);
}

#[test]
fn writing_past_the_limit_into_a_memory_backed_empty_dir_is_oom_killed() {
    oom_killed_within_a_second(3 * MIB, "seq 1 300000 > /cache/numbers; sleep 5");
}

#[test]
fn stress_holding_more_than_its_limit_is_oom_killed() {
    let mut runtime = Runtime::new();
    let argv = [
        "stress",
        "--vm",
        "1",
        "--vm-bytes",
        "250M",
        "--vm-hang",
        "1",
    ];
    let (id, log) = super::spawn_image(
        &mut runtime,
        "polinux/stress",
        &argv,
        Vec::new(),
        None,
        None,
    );
    let root = runtime.processes.get(&id).unwrap().container_root();
    runtime.create_memory_cgroup(root, Some(100 * MIB), Vec::new());
    run_until(&mut runtime, 1_000);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n"
    );
    assert_eq!(runtime.exit_code(id), Some(137));
    assert!(runtime.oom_killed(root));
}
