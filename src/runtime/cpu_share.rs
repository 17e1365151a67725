//! The node's CPUs shared among busy containers as the Linux CFS shares them
//! among the kubelet's cgroups: a container's `cpu.shares` (from its CPU
//! request) is its weight, its `cpu.cfs_quota_us` (from its CPU limit) caps
//! it per 100 ms period, and a process can use at most one core.
//!
//! The kubelet's numbers are upstream's `MilliCPUToShares` and
//! `MilliCPUToQuota` (kubernetes `pkg/kubelet/cm/helpers_linux.go`), which
//! `generateLinuxContainerResources` (`pkg/kubelet/kuberuntime/
//! kuberuntime_container_linux.go`) sets on every container: shares from
//! the request's millicores (a container with no request gets the minimum,
//! 2), a quota only with a limit.
//!
//! The sharing is a pure function ([`share_cpu`]): the node's cores are
//! handed out by weight, none getting more than it can use (its busy
//! processes' cores, its quota), what it cannot use going to the others
//! (weighted max-min fairness, as CFS converges to over a few periods).
//! The hierarchy is flat: the real kubelet nests containers in pod and QoS
//! class cgroups (BestEffort pods sharing one weight of 2 between them),
//! which changes the split only between several best-effort pods and
//! requested ones.
//!
//! [`CpuSharing`] holds what the sharing is computed from (the cgroups,
//! the busy processes) and its result per container.
//!
//! A busy process then runs a time slice of 10 ms of CPU
//! every [`slice_interval_millis`]: at half a core, one slice every 20 ms;
//! throttled to a 100m limit, one slice every 100 ms, as CFS lets a 10 ms
//! quota run once per 100 ms period.

use super::fs::InodeId;
use super::io::processes::{ProcessId, TIME_SLICE_MICROS};
use std::collections::BTreeMap;

/// The node's CPUs (its capacity `cpu`, as `kubectl describe node` shows).
pub const NODE_CPUS: u64 = 2;

/// `cpu.shares` of a cgroup nobody set: the kernel's default, what the
/// node's own processes (the console's shell) get.
pub const DEFAULT_SHARES: u64 = 1024;

/// `QuotaPeriod`: the CFS period the kubelet sets, in microseconds (100 ms).
pub const QUOTA_PERIOD_MICROS: u64 = 100_000;

/// `MinShares`, the kernel's smallest `cpu.shares`.
const MIN_SHARES: u64 = 2;
/// `MaxShares`, the kernel's largest `cpu.shares`.
const MAX_SHARES: u64 = 262_144;
/// `SharesPerCPU`: the shares worth one CPU.
const SHARES_PER_CPU: u64 = 1024;
/// `MilliCPUToCPU`: millicores in a CPU.
const MILLI_CPU_TO_CPU: u64 = 1000;
/// `MinQuotaPeriod`: the smallest quota, 1 ms.
const MIN_QUOTA_PERIOD: u64 = 1000;

/// `MilliCPUToShares`: the `cpu.shares` of a container requesting
/// `milli_cpu` millicores.
pub fn milli_cpu_to_shares(milli_cpu: u64) -> u64 {
    if milli_cpu == 0 {
        // "Return 2 here to really match kernel default for zero milliCPU."
        return MIN_SHARES;
    }
    (milli_cpu.saturating_mul(SHARES_PER_CPU) / MILLI_CPU_TO_CPU).clamp(MIN_SHARES, MAX_SHARES)
}

/// `MilliCPUToQuota`: the `cpu.cfs_quota_us` of a container limited to
/// `milli_cpu` millicores over `period` microseconds; 0 without a limit.
pub fn milli_cpu_to_quota(milli_cpu: u64, period: u64) -> u64 {
    if milli_cpu == 0 {
        return 0;
    }
    (milli_cpu.saturating_mul(period) / MILLI_CPU_TO_CPU).max(MIN_QUOTA_PERIOD)
}

/// A container's CPU cgroup, as the kubelet sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CpuCgroup {
    /// `cpu.shares`: its weight against the other busy containers.
    pub shares: u64,
    /// `cpu.cfs_quota_us` per [`QUOTA_PERIOD_MICROS`], if it has a limit.
    pub quota_micros: Option<u64>,
}

impl Default for CpuCgroup {
    /// A cgroup nobody configured: default weight, no quota.
    fn default() -> CpuCgroup {
        CpuCgroup {
            shares: DEFAULT_SHARES,
            quota_micros: None,
        }
    }
}

impl CpuCgroup {
    /// The cgroup of a container whose CPU request and limit are
    /// `request` and `limit` millicores (0: none).
    pub fn of_container(request: u64, limit: u64) -> CpuCgroup {
        CpuCgroup {
            shares: milli_cpu_to_shares(request),
            quota_micros: Some(milli_cpu_to_quota(limit, QUOTA_PERIOD_MICROS)).filter(|&q| q > 0),
        }
    }

    /// The most CPU `busy` processes of this cgroup can use, in millicores:
    /// a core each, at most the quota's share of the period.
    fn ceiling(self, busy: u64) -> u64 {
        let cores = busy.saturating_mul(MILLI_CPU_TO_CPU);
        match self.quota_micros {
            Some(quota) => cores.min(quota * MILLI_CPU_TO_CPU / QUOTA_PERIOD_MICROS),
            None => cores,
        }
    }
}

/// A container with processes that want the CPU.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Demand {
    /// Its cgroup.
    pub cgroup: CpuCgroup,
    /// How many of its processes are busy (never sleep).
    pub busy: u64,
}

/// The CPU each container of `demands` gets on `cpus` cores, in millicores:
/// weighted max-min fairness (each gets cores in proportion to its shares,
/// none more than its ceiling, what one cannot use shared among the rest).
pub fn share_cpu(cpus: u64, demands: &[Demand]) -> Vec<u64> {
    let mut rates = vec![0; demands.len()];
    let mut open: Vec<usize> = (0..demands.len())
        .filter(|&i| demands[i].busy > 0)
        .collect();
    let mut left = cpus * MILLI_CPU_TO_CPU;
    while !open.is_empty() {
        let weight: u64 = open.iter().map(|&i| demands[i].cgroup.shares).sum();
        // Those whose ceiling is below their weighted part take their
        // ceiling; the rest is shared again among the others.
        let capped: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&i| {
                let demand = demands[i];
                u128::from(demand.cgroup.ceiling(demand.busy)) * u128::from(weight)
                    <= u128::from(left) * u128::from(demand.cgroup.shares)
            })
            .collect();
        if capped.is_empty() {
            for &i in &open {
                rates[i] = left * demands[i].cgroup.shares / weight;
            }
            break;
        }
        for &i in &capped {
            rates[i] = demands[i].cgroup.ceiling(demands[i].busy);
            left -= rates[i];
        }
        open.retain(|i| !capped.contains(i));
    }
    rates
}

/// How often a busy process getting `millicores` of CPU runs a time slice:
/// every 10 ms at a whole core, proportionally less often
/// below (to the nearest millisecond, the clock's grain; at least one
/// millicore).
pub fn slice_interval_millis(millicores: u64) -> u64 {
    let millicores = millicores.clamp(1, MILLI_CPU_TO_CPU);
    // A slice's microseconds at a whole core are its milliseconds per
    // thousand millicores.
    (TIME_SLICE_MICROS + millicores / 2) / millicores
}

/// The CPU sharing's state.
#[derive(Default)]
pub struct CpuSharing {
    /// Each container's cgroup, by container root (others get the default).
    pub(super) cgroups: BTreeMap<InodeId, CpuCgroup>,
    /// The busy processes and their container roots.
    pub(super) busy: BTreeMap<ProcessId, InodeId>,
    /// How often a busy process of each container runs a slice, in
    /// milliseconds (containers with no busy process are absent).
    pub(super) intervals: BTreeMap<InodeId, u64>,
}

impl CpuSharing {
    /// How often a busy process of the container whose root is `root` runs
    /// a time slice, in milliseconds.
    pub(super) fn interval(&self, root: InodeId) -> u64 {
        self.intervals
            .get(&root)
            .copied()
            .unwrap_or(TIME_SLICE_MICROS / MILLI_CPU_TO_CPU)
    }

    /// Shares the node's cores among the busy processes' containers.
    pub(super) fn share(&mut self) {
        let mut counts: BTreeMap<InodeId, u64> = BTreeMap::new();
        for root in self.busy.values() {
            *counts.entry(*root).or_default() += 1;
        }
        let demands: Vec<Demand> = counts
            .iter()
            .map(|(root, busy)| Demand {
                cgroup: self.cgroups.get(root).copied().unwrap_or_default(),
                busy: *busy,
            })
            .collect();
        let rates = share_cpu(NODE_CPUS, &demands);
        self.intervals = counts
            .iter()
            .zip(rates)
            .map(|((root, busy), rate)| (*root, slice_interval_millis(rate / busy)))
            .collect();
    }
}
