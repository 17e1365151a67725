//! Busy containers in a pod: a spinning container does not slow its
//! neighbours' virtual time, and is stopped by `kubectl delete` exactly as
//! when it is run every slice.

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
    for spin in ["yes", "while true; do echo x; done"] {
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
        let line = log.lines.back().unwrap();
        assert_eq!(
            (line.time.as_millis(), line.text.as_str()),
            (11_207, "slept")
        );
        assert!(
            cluster.kubelet().runtime.activations() < 2_000,
            "{spin}: {}",
            cluster.kubelet().runtime.activations()
        );
        let spin_log = cluster
            .container_log("default", "busy", "spin", false)
            .unwrap();
        // Its last slice ran at 11.207 s (it slices every 10 ms from 1.107 s).
        assert_eq!(spin_log.lines.back().unwrap().time.as_millis(), 11_207);
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
            let tail: Vec<(u64, String)> = log
                .map(|log| {
                    let lines = log.lines.iter().rev().take(3);
                    lines
                        .map(|l| (l.time.as_millis(), l.text.clone()))
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(tail.len(), 3, "{spin}");
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
