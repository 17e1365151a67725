//! Container logs on the node: the kubelet's log manager rotates a running
//! container's file at its monitor tick (`pkg/kubelet/logs/container_log_manager.go`,
//! `containerLogMonitorInterval` 10 s, `containerLogMaxSize` 10 Mi), a
//! restarted container's previous log stays readable, and removed instances'
//! logs go.

use super::*;
use crate::runtime::ReadOptions;

/// A pod whose container `app` writes 110,000 lines of 100 digits (11.4 MB
/// of records) at once, then `tick N` each second, then runs `then`.
fn chatty(then: &str) -> Cluster {
    let yaml = format!(
        "apiVersion: v1
kind: Pod
metadata:
  name: chatty
spec:
  containers:
  - name: app
    image: busybox
    command: [sh, -c, 'yes {} | head -n 110000; i=0; while [ $i -lt 12 ]; do i=$((i+1)); echo \"tick $i\"; sleep 1; done; {then}']
",
        "0123456789".repeat(10)
    );
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, &yaml);
    cluster
}

fn log(cluster: &Cluster, previous: bool) -> &crate::runtime::ContainerLog {
    cluster
        .container_log("default", "chatty", "app", previous)
        .expect("the container's log")
}

#[test]
fn a_log_over_ten_mebibytes_is_rotated_at_the_monitor_tick_and_not_before() {
    let mut cluster = chatty("sleep 3600");
    cluster.run_until(SimTime::from_millis(9_999));
    // containerLogMaxSize, 10 Mi.
    assert!(log(&cluster, false).stored_bytes() > 10 * 1024 * 1024);
    assert!(log(&cluster, false).rotated_files().is_empty());
    cluster.run_until(SimTime::from_millis(10_000));
    let names: Vec<String> = log(&cluster, false)
        .rotated_files()
        .iter()
        .map(|f| f.suffix.clone())
        .collect();
    assert_eq!(names, ["20260101-000010"]);
    assert_eq!(log(&cluster, false).stored_bytes(), 0);
    cluster.run_until(SimTime::from_millis(30_000));
    assert_eq!(
        log(&cluster, false).rotated_files().len(),
        1,
        "the new file stays small, so it is not rotated again"
    );
    assert_eq!(
        log(&cluster, false).read(ReadOptions::default()),
        "tick 10\ntick 11\ntick 12\n"
    );
}

#[test]
fn a_restarted_container_keeps_its_previous_log_after_rotation() {
    // It exits at about 12 s and restarts at once (the first restart has no
    // back-off); each instance has its own files (`0.log`, `1.log`).
    let mut cluster = chatty("printf bye; exit 1");
    cluster.run_until(SimTime::from_millis(29_000));
    let previous = log(&cluster, true);
    assert_eq!(previous.rotated_files().len(), 1);
    // The line without a newline was written as a P record at exit.
    assert_eq!(
        previous.read(ReadOptions::default()),
        "tick 10\ntick 11\ntick 12\nbye"
    );
    let current: Vec<&str> = log(&cluster, false)
        .rotated_files()
        .iter()
        .map(|f| f.suffix.as_str())
        .collect();
    assert_eq!(current, ["20260101-000020"]);
}
