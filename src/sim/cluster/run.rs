//! The run loop, the one place time passes (runtime processes first, then
//! the queued events due, then the clock jumps), the scheduler's bind, what
//! the kubelet reports taken into the store, and commands run in containers.

use super::records::ExecHandle;
use super::{Cluster, ClusterEvent, STATIC_POD_SCAN_MILLIS};
use crate::clock::SimTime;
use crate::runtime::{Budget, ContainerLog, ProcessId};
use crate::sim::events::{EventType, Report};
use crate::sim::kubelet::PodKey;
use crate::sim::reasons;
use crate::sim::status::PodStatus;

impl Cluster {
    /// The log of container `container` of a pod: its current instance, or
    /// with `previous` the one before.
    pub fn container_log(
        &self,
        namespace: &str,
        pod: &str,
        container: &str,
        previous: bool,
    ) -> Option<&ContainerLog> {
        let key = (namespace.to_string(), pod.to_string());
        let log = self.kubelet.container_log(&key, container, previous)?;
        self.kubelet.runtime.log(log)
    }

    /// The CPU a pod's running container has used since it started, in
    /// microseconds of virtual time (its cgroup's `cpuacct.usage`).
    pub fn container_cpu_micros(&self, namespace: &str, pod: &str, container: &str) -> Option<u64> {
        let key = (namespace.to_string(), pod.to_string());
        let instance = self.kubelet.running_instance(&key, container)?;
        Some(self.kubelet.runtime.container_cpu_micros(instance.root))
    }

    /// Runs `argv` in a running container, as `kubectl exec` does; its
    /// output goes to the log [`ExecHandle::log`] (see [`Cluster::log`]).
    pub fn exec(
        &mut self,
        namespace: &str,
        pod: &str,
        container: &str,
        argv: Vec<String>,
    ) -> Result<ExecHandle, crate::runtime::ExecError> {
        self.exec_shown_as(namespace, pod, container, argv, None)
    }

    /// Like [`Cluster::exec`], but with `shown`, `ps` shows the process as
    /// that command line (the console's interactive shell).
    pub fn exec_shown_as(
        &mut self,
        namespace: &str,
        pod: &str,
        container: &str,
        argv: Vec<String>,
        shown: Option<Vec<String>>,
    ) -> Result<ExecHandle, crate::runtime::ExecError> {
        let key = (namespace.to_string(), pod.to_string());
        let instance = self
            .kubelet
            .running_instance(&key, container)
            .ok_or(crate::runtime::ExecError::ContainerNotRunning)?;
        let runtime = &mut self.kubelet.runtime;
        let (process, log) = match shown {
            Some(shown) => runtime.exec_shown_as(instance.process, argv, shown, self.now)?,
            None => runtime.exec(instance.process, argv, self.now)?,
        };
        Ok(ExecHandle { process, log })
    }

    /// Ends a process the console stopped waiting for, as Ctrl-C in the
    /// terminal would.
    pub fn kill_process(&mut self, process: ProcessId) {
        self.kubelet
            .runtime
            .signal(process, crate::runtime::SignalTarget::Process, 9);
    }

    /// How an exec'd process ended, once it has.
    pub fn exit_code(&self, process: ProcessId) -> Option<i32> {
        self.kubelet.runtime.exit_code(process)
    }

    /// Runs a shell command line on the node itself (`curl` a pod's IP,
    /// `echo … > /mnt/data/index.html`); its output goes to the returned log.
    pub fn run_on_node(&mut self, script: &str) -> ExecHandle {
        let node_root = self.kubelet.node_root();
        let (process, log) = crate::sim::containers::run_on_node(
            &mut self.kubelet.runtime,
            node_root,
            script,
            self.now,
        );
        ExecHandle { process, log }
    }

    /// The environment a shell on the node starts with (`HOME`, `PATH`).
    pub fn node_environment(&self) -> Vec<(String, String)> {
        crate::sim::containers::node_environment()
    }

    /// Whether the node has `program` (so the console can run it there).
    pub fn node_has(&self, program: &str) -> bool {
        crate::sim::containers::NODE_TOOLS.has(program)
    }

    /// Runs until `done` holds or `deadline` comes, instant by instant, as a
    /// waiting kubectl does; what is ready now runs now, so something that
    /// does not wait takes no virtual time. Returns whether `done` holds.
    pub fn run_until_done(
        &mut self,
        deadline: SimTime,
        mut done: impl FnMut(&Cluster) -> bool,
    ) -> bool {
        self.run_until(self.now);
        while !done(self) && self.now < deadline {
            self.step_until(deadline);
        }
        done(self)
    }

    /// Runs up to the next instant anything is due, but not past `limit`.
    pub fn step_until(&mut self, limit: SimTime) {
        self.step_within(limit, &mut Budget::unlimited());
    }

    /// Like [`Cluster::step_until`] within `budget`; an instant left
    /// unfinished is finished first (and is the whole step).
    pub fn step_within(&mut self, limit: SimTime, budget: &mut Budget) {
        if self.mid_instant() {
            self.run_until_within(self.now, budget);
            return;
        }
        let next = [self.queue.next_time(), self.kubelet.runtime.next_wake()]
            .into_iter()
            .flatten()
            .min()
            .map_or(limit, |t| t.min(limit));
        // Always let at least a millisecond pass, so a caller's loop ends.
        self.run_until_within(next.max(self.now + 1), budget);
    }

    /// A log of the runtime by index: a container's or an exec's.
    pub fn log(&self, index: usize) -> Option<&ContainerLog> {
        self.kubelet.runtime.log(index)
    }

    /// The index of the log [`Cluster::container_log`] gives, to follow it.
    pub fn container_log_index(
        &self,
        namespace: &str,
        pod: &str,
        container: &str,
        previous: bool,
    ) -> Option<usize> {
        let key = (namespace.to_string(), pod.to_string());
        self.kubelet.container_log(&key, container, previous)
    }

    /// Runs everything due up to and including `time`, then sets the clock to `time`.
    pub fn run_until(&mut self, time: SimTime) {
        self.run_until_within(time, &mut Budget::unlimited());
    }

    /// Like [`Cluster::run_until`], but stops inside an instant once
    /// `budget` is spent, before anything else happens at it (the clock
    /// stays at that instant, [`Cluster::mid_instant`]); the next call goes
    /// on from there. Whether it got to `time`.
    pub fn run_until_within(&mut self, time: SimTime, budget: &mut Budget) -> bool {
        loop {
            if !self.kubelet.runtime.run_within(self.now, budget) {
                return false;
            }
            let happened = self.kubelet.runtime.take_events();
            self.kubelet.observe(&happened, self.now, &mut self.history);
            self.kubelet.runtime.recycle_events(happened);
            self.absorb_kubelet();
            if let Some((_, event)) = self.queue.pop_until(self.now) {
                // Spinning processes' logs are brought to now first: the
                // kubelet's log rotation, for one, measures the files.
                self.kubelet.runtime.settle(self.now);
                self.handle(event);
                self.absorb_kubelet();
                continue;
            }
            let next = [self.queue.next_time(), self.kubelet.runtime.next_wake()]
                .into_iter()
                .flatten()
                .min();
            match next {
                Some(next) if next <= time => self.now = self.now.max(next),
                _ => break,
            }
        }
        self.now = self.now.max(time);
        // What spinning processes wrote meanwhile, for whoever reads a log.
        self.kubelet.runtime.settle(self.now);
        true
    }

    /// Whether a spent budget left the current instant unfinished: the
    /// next run goes on with it before anything else happens.
    pub fn mid_instant(&self) -> bool {
        self.kubelet.runtime.mid_instant()
    }

    /// Advances the clock by `millis`, running what happens meanwhile.
    pub fn advance(&mut self, millis: u64) {
        self.run_until(self.now + millis);
    }

    pub(super) fn handle(&mut self, event: ClusterEvent) {
        match event {
            ClusterEvent::Bind { key, uid } => self.bind(key, uid),
            ClusterEvent::Kubelet(event) => {
                self.kubelet
                    .handle(event, self.now, &self.objects, &mut self.history)
            }
            ClusterEvent::StaticPodScan => {
                self.queue.schedule(
                    self.now + STATIC_POD_SCAN_MILLIS,
                    ClusterEvent::StaticPodScan,
                );
                self.scan_static_pods();
            }
        }
    }

    pub(super) fn bind(&mut self, key: PodKey, uid: String) {
        let node_name = self.node.name.clone();
        let Some(record) = self.pods.get_mut(&key) else {
            return;
        };
        if record.uid != uid {
            return;
        }
        record.node_name = Some(
            record
                .pod
                .spec
                .node_name
                .clone()
                .unwrap_or(node_name.clone()),
        );
        self.history.report(
            Report {
                namespace: key.0.clone(),
                name: key.1.clone(),
                uid: uid.clone(),
                field_path: String::new(),
                event_type: EventType::Normal,
                reason: reasons::SCHEDULED,
                message: reasons::scheduled(&key.0, &key.1, &node_name),
                source: "default-scheduler",
            },
            self.now,
        );
        self.kubelet.add_pod(key, record.pod.clone(), uid, self.now);
    }

    /// Moves the kubelet's timed work into the queue and its status changes
    /// into the store.
    pub(super) fn absorb_kubelet(&mut self) {
        for (time, event) in self.kubelet.take_scheduled() {
            self.queue.schedule(time, ClusterEvent::Kubelet(event));
        }
        // Service endpoints follow the pods' readiness and IPs only.
        let serving = |status: &PodStatus| {
            let ready = status.condition("Ready").is_some_and(|c| c.status);
            (ready, status.pod_ip.clone())
        };
        let mut endpoints_changed = false;
        for key in self.kubelet.take_dirty() {
            if let Some(record) = self.pods.get_mut(&key) {
                // `None`: the status did not change.
                if let Some(status) = self.kubelet.api_status(&key, &record.status, self.now) {
                    endpoints_changed |= serving(&status) != serving(&record.status);
                    self.revision += 1;
                    record.resource_version = self.revision;
                    record.status = status;
                }
            }
        }
        for key in self.kubelet.take_removed() {
            endpoints_changed |= self.pods.remove(&key).is_some();
        }
        if endpoints_changed {
            self.refresh_network();
        }
    }
}
