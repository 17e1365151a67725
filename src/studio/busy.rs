//! Which container of the focused pod is busiest: at each advance of the
//! clock the studio reads each running container's CPU (its cgroup's
//! usage, [`crate::sim::Cluster::container_cpu_micros`]) and keeps the one
//! that used the most since the last reading (a virtual second or more
//! ago), if it used at least half a virtual core, so the page can say which
//! container never sleeps ("running at 7×: container `spin` never sleeps").

use super::Studio;
use std::collections::BTreeMap;

/// The least virtual time the busiest container is judged over.
const CPU_WINDOW_MILLIS: u64 = 1000;

impl Studio {
    /// The focused pod's container that used the most CPU over the last
    /// virtual second or more, when it used at least half a virtual core
    /// (a container that never sleeps uses a whole one).
    pub fn busiest_container(&self) -> Option<&str> {
        self.cpu.busiest.as_deref()
    }

    /// Reads the focused pod's containers' CPU after an advance, a virtual
    /// second or more after the last reading.
    pub(super) fn read_cpu(&mut self) {
        let now = self.now();
        // Judged over a virtual second at least: a piece of a sliced run
        // may fall between two of a busy process's time slices.
        if now.as_millis() < self.cpu.at.as_millis() + CPU_WINDOW_MILLIS {
            return;
        }
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
