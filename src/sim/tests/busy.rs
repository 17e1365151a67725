//! Busy containers in a pod: a spinning container does not slow its
//! neighbours' virtual time, and is stopped by `kubectl delete` exactly as
//! when it is run every slice, and its log is rotated as if it were.

use super::*;

/// A pod with a container that never sleeps and one that sleeps 10 s;
/// `spin` is its busy command.
fn busy_pod(spin: &str, grace: u64) -> String {
    format!(
        "apiVersion: v1
kind: Pod
metadata:
  name: busy
spec:
  terminationGracePeriodSeconds: {grace}
  containers:
  - name: spin
    image: busybox:1.28
    command: ['sh', '-c', '{spin}']
  - name: sleeper
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 10; echo slept; sleep 3600']
"
    )
}

#[test]
fn a_sleep_beside_a_busy_container_takes_ten_virtual_seconds() {
    // (busy command, the stamp of the spinner's last stored line)
    let cases = [
        // `yes` fills its file to the ceiling in about a second, and again
        // in three slices after the kubelet's rotation at 10 s.
        ("yes", "2026-01-01T00:00:10.027000000Z "),
        // Its last slice ran at 11.207 s (it slices every 10 ms from 1.107 s).
        (
            "while true; do echo x; done",
            "2026-01-01T00:00:11.207000000Z ",
        ),
    ];
    for (spin, last) in cases {
        let mut cluster = Cluster::new();
        apply_all(&mut cluster, &busy_pod(spin, 30));
        cluster.advance(11_206);
        let log = cluster
            .container_log("default", "busy", "sleeper", false)
            .unwrap();
        assert_eq!(log.text(), "", "{spin}: not yet at 11.206 s");
        cluster.advance(2);
        let log = cluster
            .container_log("default", "busy", "sleeper", false)
            .unwrap();
        // The sleeper started at 1.207 s (after the spinner's 1.107 s).
        let read = crate::runtime::ReadOptions {
            tail: Some(1),
            timestamps: true,
        };
        assert_eq!(log.read(read), "2026-01-01T00:00:11.207000000Z slept\n");
        assert!(
            cluster.kubelet().runtime.activations() < 2_000,
            "{spin}: {}",
            cluster.kubelet().runtime.activations()
        );
        let spin_log = cluster
            .container_log("default", "busy", "spin", false)
            .unwrap();
        assert!(spin_log.read(read).starts_with(last), "{spin}");
    }
}

#[test]
fn deleting_a_busy_pod_stops_it_as_when_it_runs_every_slice() {
    // (busy command, grace period): a loop SIGTERM ends, one that traps it
    // until SIGKILL, and `yes`.
    let cases = [
        ("while true; do echo x; done", 2),
        ("trap \"echo no\" TERM; while true; do echo x; done", 2),
        ("yes", 2),
    ];
    for (spin, grace) in cases {
        let run = |never_park: bool| {
            let mut cluster = Cluster::new();
            if never_park {
                cluster.never_park();
            }
            apply_all(&mut cluster, &busy_pod(spin, grace));
            cluster.advance(3_333);
            assert!(cluster.delete_pod("default", "busy", None));
            cluster.advance(1_500);
            let log = cluster.container_log("default", "busy", "spin", false);
            let read = crate::runtime::ReadOptions {
                tail: Some(3),
                timestamps: true,
            };
            let tail = log.map(|log| log.read(read)).unwrap_or_default();
            assert_eq!(tail.lines().count(), 3, "{spin}");
            let told = story(&mut cluster, 3);
            (
                told,
                event_list(&cluster),
                tail,
                cluster.timeline().cloned().collect::<Vec<_>>(),
            )
        };
        assert_eq!(run(false), run(true), "{spin}");
    }
}

#[test]
fn a_busy_log_is_rotated_as_when_its_process_runs_every_slice() {
    // `yes` fills its file to the ceiling before the kubelet's rotation at
    // 10 s and again after it; the rotation comes within an advance.
    let steps = [3_000, 7_001, 599];
    let run = |never_park: bool| {
        let mut cluster = Cluster::new();
        if never_park {
            cluster.never_park();
        }
        apply_all(&mut cluster, &busy_pod("yes", 2));
        for &step in &steps {
            cluster.advance(step);
        }
        let log = cluster
            .container_log("default", "busy", "spin", false)
            .unwrap();
        let read = crate::runtime::ReadOptions {
            tail: Some(5),
            timestamps: true,
        };
        (
            log.read(read),
            log.stored_bytes(),
            log.written(),
            log.rotated_files().to_vec(),
            log.text().len(),
        )
    };
    let parked = run(false);
    assert_eq!(parked.3.len(), 1, "rotated once");
    assert_eq!(parked, run(true));
}

#[test]
fn a_cpu_limit_throttles_a_busy_container_to_its_quota() {
    // The kubelet sets `cpu.cfs_quota_us` from the limit (100m: 10 ms per
    // 100 ms period) and `cpu.shares` from the request; a container without
    // a limit has a core of the node's two.
    let pod = "apiVersion: v1
kind: Pod
metadata:
  name: busy
spec:
  containers:
  - name: limited
    image: busybox:1.28
    command: ['sh', '-c', 'while true; do :; done']
    resources:
      limits:
        cpu: 100m
  - name: free
    image: busybox:1.28
    command: ['sh', '-c', 'while true; do :; done']
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, pod);
    cluster.advance(3_000);
    let before = |name| {
        cluster
            .container_cpu_micros("default", "busy", name)
            .unwrap()
    };
    let (limited, free) = (before("limited"), before("free"));
    cluster.advance(10_000);
    let after = |name| {
        cluster
            .container_cpu_micros("default", "busy", name)
            .unwrap()
    };
    assert_eq!(after("limited") - limited, 1_000_000);
    assert_eq!(after("free") - free, 10_000_000);
}
