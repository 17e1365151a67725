//! A container's log as kubectl prints it (with `--timestamps` prefixes), and
//! `kubectl logs -f`'s stream that goes on as the clock advances
//! ([`LogFollow`]). A leaf: the console follows the stream without knowing
//! the `logs` command.

use crate::clock::SimTime;
use crate::runtime::{format_time, LogLine, EPOCH_SECONDS};
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
    /// How many of its lines were printed.
    pub(super) printed: usize,
    /// `--timestamps`.
    pub(super) timestamps: bool,
}

impl LogFollow {
    /// The lines written since the last call; `None` once the container has
    /// stopped (and the stream with it).
    pub fn more(&mut self, cluster: &Cluster) -> Option<String> {
        let log = cluster.log(self.log)?;
        let text = render(log.lines.iter().skip(self.printed), self.timestamps);
        self.printed = log.lines.len();
        let running = cluster
            .kubelet()
            .running_instance(&self.key, &self.container)
            .is_some();
        let same = cluster.container_log_index(&self.key.0, &self.key.1, &self.container, false)
            == Some(self.log);
        (running && same).then_some(text)
    }
}

/// Log lines as kubectl prints them, with `--timestamps` prefixes.
pub(super) fn render<'a>(lines: impl Iterator<Item = &'a LogLine>, timestamps: bool) -> String {
    let mut text = String::new();
    for line in lines {
        if timestamps {
            text.push_str(&rfc3339_nano(line.time));
            text.push(' ');
        }
        text.push_str(&line.text);
        text.push('\n');
    }
    text
}

/// A virtual time as the kubelet's log timestamps print it
/// (`2026-01-01T00:00:05.123000000Z`).
pub(super) fn rfc3339_nano(time: SimTime) -> String {
    let millis = time.as_millis();
    let seconds = EPOCH_SECONDS + (millis / 1000) as i64;
    format!(
        "{}.{:03}000000Z",
        format_time(seconds, "%FT%T"),
        millis % 1000
    )
}
