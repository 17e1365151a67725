//! `DescribeEvents`: the events about a pod, by last time seen.

use super::writer::{age, Writer};
use crate::sim::{Cluster, PodRecord};

/// `DescribeEvents`: the pod's events by last time seen.
pub(super) fn write_events(w: &mut Writer, cluster: &Cluster, record: &PodRecord) {
    let mut events: Vec<_> = cluster.pod_events(record).collect();
    if events.is_empty() {
        w.line(0, "Events:\t<none>");
        return;
    }
    crate::sort::sort_by_key(&mut events, |event| event.last_timestamp.as_millis() / 1000);
    let now = cluster.now();
    w.line(0, "Events:");
    w.line(1, "Type\tReason\tAge\tFrom\tMessage");
    w.line(1, "----\t------\t----\t----\t-------");
    for event in events {
        let first = age(now, event.first_timestamp);
        let interval = if event.count > 1 {
            format!(
                "{} (x{} over {first})",
                age(now, event.last_timestamp),
                event.count
            )
        } else {
            first
        };
        let mut message = event.message.trim().to_string();
        if !event.field_path.is_empty() {
            message = format!("{}: {message}", event.field_path);
        }
        w.line(
            1,
            format!(
                "{}\t{}\t{interval}\t{}\t{message}",
                event.event_type.as_str(),
                event.reason,
                event.source
            ),
        );
    }
}
