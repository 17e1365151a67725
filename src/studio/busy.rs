//! Which container of the focused pod is busiest: at each advance of the
//! clock the studio reads each running container's CPU (its cgroup's
//! usage, [`crate::sim::Cluster::container_cpu_micros`]) and keeps the one
//! that used the most over the advance, if it used at least half a virtual
//! core, so the page can say which container never sleeps.

use super::Studio;
use std::collections::BTreeMap;

impl Studio {
    /// The focused pod's container that used the most CPU over the last
    /// advance of the clock, when it used at least half a virtual core
    /// (a container that never sleeps uses a whole one).
    pub fn busiest_container(&self) -> Option<&str> {
        self.cpu.busiest.as_deref()
    }

    /// Reads the focused pod's containers' CPU after an advance.
    pub(super) fn read_cpu(&mut self) {
        let now = self.now();
        let cluster = self.console.cluster();
        let mut used = BTreeMap::new();
        if let Some((namespace, pod)) = &self.focus {
            if let Some(record) = cluster.pod(namespace, pod) {
                for container in &record.pod.spec.containers {
                    let name = &container.name;
                    if let Some(micros) = cluster.container_cpu_micros(namespace, pod, name) {
                        used.insert(name.clone(), micros);
                    }
                }
            }
        }
        if now == self.cpu.at {
            return;
        }
        let interval = (now.as_millis() - self.cpu.at.as_millis()) * 1000;
        let mut busiest: Option<(&String, u64)> = None;
        for (name, micros) in &used {
            let before = self.cpu.used.get(name).copied().unwrap_or(0);
            let delta = micros.saturating_sub(before);
            if busiest.is_none_or(|(_, most)| delta > most) {
                busiest = Some((name, delta));
            }
        }
        self.cpu.busiest = busiest
            .filter(|(_, delta)| delta * 2 >= interval)
            .map(|(name, _)| name.clone());
        self.cpu.at = now;
        self.cpu.used = used;
    }
}
