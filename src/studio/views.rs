//! What the studio shows besides the diagram: the scrubber (its horizon and
//! its markers, cached per generation), the Events, Status and Logs panels'
//! rows. Read-only views of the run.

use super::rows::{EventRow, Marker, StatusRow};
use super::Studio;
use crate::clock::SimTime;
use crate::kubectl::{human_duration, pod_row};
use crate::runtime::ReadOptions;
use crate::sim::{EventType, Happening};
use std::rc::Rc;

/// The shortest scrubber, in milliseconds (5 minutes).
const MIN_HORIZON_MILLIS: u64 = 300_000;

/// The logs panel shows each container's last lines, this many.
const MAX_LOG_LINES: usize = 200;

impl Studio {
    /// The scrubber's end: five minutes, or a quarter more than now.
    pub fn horizon(&self) -> SimTime {
        let now = self.now().as_millis();
        let wanted = (now + now / 4).max(MIN_HORIZON_MILLIS);
        SimTime::from_millis(wanted.div_ceil(60_000) * 60_000)
    }

    /// The scrubber's marks: what happened to the focused pod so far. Read
    /// anew only when the timeline grew or the run was rebuilt (the page asks
    /// every frame).
    pub fn markers(&self) -> Rc<Vec<Marker>> {
        let key = (self.generation, self.console.cluster().timeline_noted());
        let mut cache = self.markers_cache.borrow_mut();
        match cache.as_ref() {
            Some((cached, markers)) if *cached == key => Rc::clone(markers),
            _ => {
                let markers = Rc::new(self.read_markers());
                *cache = Some((key, Rc::clone(&markers)));
                markers
            }
        }
    }

    fn read_markers(&self) -> Vec<Marker> {
        let Some((namespace, name)) = self.focus.as_ref() else {
            return Vec::new();
        };
        let mut markers: Vec<Marker> = Vec::new();
        for entry in self.console.cluster().timeline() {
            if entry.namespace != *namespace || entry.pod != *name {
                continue;
            }
            let (warning, label) = match &entry.happening {
                Happening::Event {
                    event_type,
                    reason,
                    message,
                    ..
                } => (
                    *event_type == EventType::Warning,
                    format!("{reason}: {message}"),
                ),
                _ => continue,
            };
            // One mark per instant; a warning wins.
            if let Some(last) = markers.last_mut() {
                if last.time == entry.time {
                    last.warning |= warning;
                    continue;
                }
            }
            markers.push(Marker {
                time: entry.time,
                warning,
                label,
            });
        }
        markers
    }

    /// The Events panel: every event, newest last, as `kubectl get events`.
    pub fn events(&self) -> Vec<EventRow> {
        let now = self.now();
        self.console
            .cluster()
            .events()
            .iter()
            .map(|event| EventRow {
                last_seen: human_duration(now.millis_since(event.last_timestamp)),
                event_type: event.event_type.as_str().to_string(),
                reason: event.reason.to_string(),
                object: format!("{}/{}", event.kind.to_ascii_lowercase(), event.name),
                message: event.message.clone(),
                count: event.count,
            })
            .collect()
    }

    /// The status panel: every pod, as `kubectl get pods`.
    pub fn pods(&self) -> Vec<StatusRow> {
        let now = self.now();
        self.console
            .cluster()
            .pods()
            .map(|record| {
                let row = pod_row(record, now);
                StatusRow {
                    name: row.name,
                    ready: row.ready,
                    status: row.status,
                    restarts: row.restarts,
                    age: row.age,
                }
            })
            .collect()
    }

    /// Each container of the focused pod with the end of its current log
    /// (the newest instance's, as `kubectl logs` serves it).
    pub fn logs(&self) -> Vec<(String, String)> {
        let Some((namespace, name)) = self.focus.as_ref() else {
            return Vec::new();
        };
        let cluster = self.console.cluster();
        let Some(record) = cluster.pod(namespace, name) else {
            return Vec::new();
        };
        let spec = &record.pod.spec;
        spec.init_containers
            .iter()
            .chain(&spec.containers)
            .map(|container| {
                let text = cluster
                    .container_log(namespace, name, &container.name, false)
                    .map(|log| {
                        log.read(ReadOptions {
                            tail: Some(MAX_LOG_LINES),
                            timestamps: false,
                        })
                    })
                    .unwrap_or_default();
                (container.name.clone(), text)
            })
            .collect()
    }
}
