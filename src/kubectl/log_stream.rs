//! `kubectl logs -f`'s stream that goes on as the clock advances
//! ([`LogFollow`]). A leaf: the console follows the stream without knowing
//! the `logs` command.

use crate::runtime::LogPosition;
use crate::sim::{Cluster, PodKey};

/// `kubectl logs -f`: the rest of a running container's log, printed as the
/// clock advances until the container stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogFollow {
    /// The pod's namespace and name.
    pub(super) key: PodKey,
    /// The container.
    pub(super) container: String,
    /// The log followed.
    pub(super) log: usize,
    /// Where in the log it has read to (across the kubelet's rotations).
    pub(super) position: LogPosition,
    /// `--timestamps`.
    pub(super) timestamps: bool,
}

impl LogFollow {
    /// The records written since the last call; `None` once the container has
    /// stopped (and the stream with it).
    pub fn more(&mut self, cluster: &Cluster) -> Option<String> {
        let log = cluster.log(self.log)?;
        let (text, position) = log.read_from(self.position, self.timestamps);
        self.position = position;
        let running = cluster
            .kubelet()
            .running_instance(&self.key, &self.container)
            .is_some();
        let same = cluster.container_log_index(&self.key.0, &self.key.1, &self.container, false)
            == Some(self.log);
        (running && same).then_some(text)
    }
}
