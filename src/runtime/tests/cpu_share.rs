//! The CPU sharing as a pure function: the kubelet's shares and quotas
//! (upstream's own test tables) and the cores handed out by weight.

use crate::runtime::cpu_share::{
    milli_cpu_to_quota, milli_cpu_to_shares, share_cpu, slice_interval_millis, CpuCgroup, Demand,
    NODE_CPUS, QUOTA_PERIOD_MICROS,
};

#[test]
fn shares_and_quotas_follow_the_kubelets_formulas() {
    // kubernetes pkg/kubelet/cm/helpers_linux_test.go, TestMilliCPUToQuota:
    // (input millicores, quota) at the default 100 ms period.
    for (milli_cpu, quota) in [
        (0, 0),
        (5, 1000),
        (9, 1000),
        (10, 1000),
        (200, 20_000),
        (500, 50_000),
        (1000, 100_000),
        (1500, 150_000),
    ] {
        assert_eq!(
            milli_cpu_to_quota(milli_cpu, QUOTA_PERIOD_MICROS),
            quota,
            "{milli_cpu}m"
        );
    }
    // MilliCPUToShares: 0 is the kernel's minimum 2, not the default 1024;
    // (m × 1024) / 1000 rounded down, clamped to [2, 262144].
    for (milli_cpu, shares) in [
        (0, 2),
        (1, 2),
        (2, 2),
        (3, 3),
        (100, 102),
        (250, 256),
        (500, 512),
        (1000, 1024),
        (1500, 1536),
        (256_000, 262_144),
        (300_000, 262_144),
    ] {
        assert_eq!(milli_cpu_to_shares(milli_cpu), shares, "{milli_cpu}m");
    }
}

#[test]
fn a_container_gets_a_quota_only_with_a_limit() {
    assert_eq!(
        CpuCgroup::of_container(0, 0),
        CpuCgroup {
            shares: 2,
            quota_micros: None
        }
    );
    assert_eq!(
        CpuCgroup::of_container(250, 500),
        CpuCgroup {
            shares: 256,
            quota_micros: Some(50_000)
        }
    );
}

fn demand(request: u64, limit: u64, busy: u64) -> Demand {
    Demand {
        cgroup: CpuCgroup::of_container(request, limit),
        busy,
    }
}

#[test]
fn the_nodes_cores_are_shared_by_weight_up_to_what_each_can_use() {
    let cases: &[(&str, Vec<Demand>, Vec<u64>)] = &[
        (
            "one busy process has a core of its own",
            vec![demand(0, 0, 1)],
            vec![1000],
        ),
        (
            "three processes on two cores get two thirds each",
            vec![demand(0, 0, 3)],
            vec![2000],
        ),
        (
            "two equal containers with two busy processes each split the node",
            vec![demand(0, 0, 2), demand(0, 0, 2)],
            vec![1000, 1000],
        ),
        (
            "a limit caps a container at its quota, whatever the idle cores",
            vec![demand(0, 500, 1)],
            vec![500],
        ),
        (
            "a 100m limit is 10 ms of every 100 ms period",
            vec![demand(100, 100, 4)],
            vec![100],
        ),
        (
            "requests weigh: 1 CPU against 250m on one contended core each",
            vec![demand(1000, 0, 2), demand(250, 0, 2)],
            vec![1600, 400],
        ),
        (
            "what a capped container leaves goes to the others",
            vec![demand(1000, 200, 4), demand(100, 0, 4)],
            vec![200, 1800],
        ),
        (
            "a container with nothing busy takes nothing",
            vec![demand(0, 0, 0), demand(0, 0, 1)],
            vec![0, 1000],
        ),
        (
            "a best-effort container gets 2 shares against a request's 1024",
            vec![demand(0, 0, 2), demand(1000, 0, 2)],
            vec![3, 1996],
        ),
    ];
    for (what, demands, expected) in cases {
        assert_eq!(&share_cpu(NODE_CPUS, demands), expected, "{what}");
    }
}

#[test]
fn a_busy_process_runs_a_slice_as_often_as_its_share_allows() {
    for (millicores, every) in [
        (1000, 10),
        (667, 15),
        (500, 20),
        (333, 30),
        (250, 40),
        (100, 100),
        (0, 10_000),
        (2000, 10),
    ] {
        assert_eq!(slice_interval_millis(millicores), every, "{millicores}m");
    }
}
