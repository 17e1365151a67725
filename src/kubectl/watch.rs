//! `kubectl get pods -w`: after the table, a line for every change of a
//! pod, printed as the clock advances (in a script: during the `sleep`s that
//! follow, until the next other command). Like kubectl's watch printer, the
//! columns remember their widths across lines (liggitt/tabwriter's
//! `RememberWidths`).

use super::printers::pod_row;
use crate::sim::{Cluster, PodKey};
use std::collections::BTreeMap;

/// A watch on the pods of a namespace (or all of them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodWatch {
    /// The namespace watched, or `None` for `-A`.
    namespace: Option<String>,
    /// Only these pods, when names were given.
    names: Vec<String>,
    /// The width of each column so far.
    widths: Vec<usize>,
    /// What each pod looked like when last printed: READY, STATUS, RESTARTS.
    shown: BTreeMap<PodKey, (String, String, String)>,
}

/// Columns pad by 3 and are at least 6 wide, as in `kubectl get`.
const PADDING: usize = 3;
const MIN_WIDTH: usize = 6;

impl PodWatch {
    /// A watch that starts from what `kubectl get pods` just printed: its
    /// header and rows (cells, `NAMESPACE` first with `-A`).
    pub fn new(
        cluster: &Cluster,
        namespace: Option<String>,
        names: Vec<String>,
        printed: &[Vec<String>],
    ) -> PodWatch {
        let mut widths = Vec::new();
        for row in printed {
            for (index, cell) in row.iter().enumerate() {
                let width = (cell.chars().count() + PADDING).max(MIN_WIDTH);
                match widths.get_mut(index) {
                    Some(known) => *known = width.max(*known),
                    None => widths.push(width),
                }
            }
        }
        let mut watch = PodWatch {
            namespace,
            names,
            widths,
            shown: BTreeMap::new(),
        };
        watch.changes(cluster);
        watch
    }

    /// The lines for pods that changed since they were last printed.
    pub fn changes(&mut self, cluster: &Cluster) -> String {
        let now = cluster.now();
        let mut text = String::new();
        for record in cluster.pods() {
            let namespace = record.pod.namespace();
            let name = &record.pod.metadata.name;
            if self.namespace.as_deref().is_some_and(|ns| ns != namespace)
                || (!self.names.is_empty() && !self.names.contains(name))
            {
                continue;
            }
            let row = pod_row(record, now);
            let count = row.restarts.split(' ').next().unwrap_or("").to_string();
            let state = (row.ready.clone(), row.status.clone(), count);
            let key = (namespace.to_string(), name.clone());
            if self.shown.get(&key) == Some(&state) {
                continue;
            }
            self.shown.insert(key, state);
            let mut cells = Vec::new();
            if self.namespace.is_none() {
                cells.push(namespace.to_string());
            }
            cells.extend([row.name, row.ready, row.status, row.restarts, row.age]);
            text.push_str(&self.line(&cells));
        }
        text
    }

    /// One row padded to the remembered widths, which it may widen.
    fn line(&mut self, cells: &[String]) -> String {
        let mut line = String::new();
        for (index, cell) in cells.iter().enumerate() {
            line.push_str(cell);
            if index + 1 == cells.len() {
                break;
            }
            let needed = (cell.chars().count() + PADDING).max(MIN_WIDTH);
            let width = match self.widths.get_mut(index) {
                Some(width) => {
                    *width = (*width).max(needed);
                    *width
                }
                None => {
                    self.widths.push(needed);
                    needed
                }
            };
            line.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
        }
        line.push('\n');
        line
    }
}
