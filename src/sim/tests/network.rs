//! The pod network's addresses: the node's /24 podCIDR through CNI
//! host-local, used up and freed again.

use super::*;

/// `count` pods named `pod-000`, `pod-001`, … that sleep.
fn sleepers(count: usize) -> String {
    (0..count)
        .map(|n| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-{n:03}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.28\n    command: ['sleep', '3600']\n---\n"
            )
        })
        .collect()
}

#[test]
fn the_254th_pod_waits_for_an_address_and_gets_the_one_a_deleted_pod_freed() {
    // A /24 podCIDR gives host-local the range 10.244.1.1-10.244.1.254 with
    // the gateway .1 skipped: 253 sandboxes at once (containernetworking/
    // plugins, plugins/ipam/host-local/backend/allocator/range.go and
    // allocator.go). On a real node the kubelet's default maxPods (110)
    // stops the scheduler first; podplay does not simulate that limit yet.
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, &sleepers(254));
    cluster.advance(30_000);
    let running: Vec<&str> = cluster
        .pods()
        .filter_map(|r| r.status.pod_ip.as_deref())
        .collect();
    let distinct: std::collections::BTreeSet<&str> = running.iter().copied().collect();
    assert_eq!((running.len(), distinct.len()), (253, 253));
    assert!(distinct.contains("10.244.1.2") && distinct.contains("10.244.1.254"));
    assert!(!distinct.contains("10.244.1.1"), "the gateway's address");
    let stuck = cluster
        .pods()
        .find(|r| r.status.pod_ip.is_none())
        .expect("one pod has no address");
    let stuck_name = stuck.pod.metadata.name.clone();
    assert_eq!(pod_row(stuck, cluster.now()).status, "ContainerCreating");
    // The kubelet's "Failed to create pod sandbox: %v" (kuberuntime_manager.go)
    // of cri-dockerd's error (core/sandbox_run.go, network/plugins.go),
    // libcni's "plugin %s failed (add): %w", flannel's "failed to delegate
    // add: %w" and host-local's (main.go, allocator.go); the sync is retried
    // after the pod worker's 10 s back-off period.
    let failures: Vec<String> = cluster
        .pod_events(stuck)
        .filter(|e| e.reason == "FailedCreatePodSandBox")
        .map(|e| format!("{} x{} {}", e.event_type.as_str(), e.count, e.message))
        .collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    let (head, tail) = failures[0].split_once(" network for pod ").unwrap();
    assert!(
        head.starts_with("Warning x3 Failed to create pod sandbox: rpc error: code = Unknown desc = failed to set up sandbox container \""),
        "{head}"
    );
    assert_eq!(
        tail,
        format!("\"{stuck_name}\": networkPlugin cni failed to set up pod \"{stuck_name}_default\" network: plugin type=\"flannel\" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254")
    );
    // Deleting a pod stops its sandbox, which releases its address; the
    // next retry takes it.
    let freed = cluster
        .pod("default", "pod-100")
        .unwrap()
        .status
        .pod_ip
        .clone();
    assert!(cluster.delete_pod("default", "pod-100", Some(1)));
    cluster.advance(15_000);
    assert!(cluster.pod("default", "pod-100").is_none());
    let record = cluster.pod("default", &stuck_name).unwrap();
    assert_eq!(record.status.pod_ip, freed);
    assert_eq!(pod_row(record, cluster.now()).status, "Running");
}

#[test]
fn pods_created_and_deleted_over_and_over_never_share_an_address() {
    // Before host-local, the 254th sandbox ever created got 10.244.1.254
    // again; now addresses come back when sandboxes stop.
    let mut cluster = Cluster::new();
    for round in 0..3 {
        apply_all(&mut cluster, &sleepers(120));
        cluster.advance(10_000);
        let ips: std::collections::BTreeSet<String> = cluster
            .pods()
            .filter_map(|r| r.status.pod_ip.clone())
            .collect();
        assert_eq!(ips.len(), 120, "round {round}");
        for n in 0..120 {
            assert!(cluster.delete_pod("default", &format!("pod-{n:03}"), Some(0)));
        }
        cluster.advance(10_000);
        assert_eq!(cluster.pods().count(), 0, "round {round}");
    }
}
