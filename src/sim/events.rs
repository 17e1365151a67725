//! What happened, for kubectl and the UI: Kubernetes Events as the cluster
//! records them (who reported what about which object, counted when it
//! repeats: client-go's event correlator bumps `count` and `lastTimestamp` of
//! an identical event instead of adding one), and the timeline of every
//! occurrence and container change, virtual-timestamped.

use crate::clock::SimTime;
use std::collections::{BTreeMap, VecDeque};

/// `Normal` or `Warning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    /// The word the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// One Event object (`core/v1` Event), with its repetitions folded in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The namespace of the object it is about.
    pub namespace: String,
    /// The kind of that object (`Pod`).
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// Its uid: events about an earlier pod of the same name are not this pod's.
    pub uid: String,
    /// The part of the object, e.g. `spec.containers{nginx}`, or empty.
    pub field_path: String,
    /// `Normal` or `Warning`.
    pub event_type: EventType,
    /// Why, in one word: `Pulling`, `BackOff`, …
    pub reason: &'static str,
    /// What happened, in kubelet's words.
    pub message: String,
    /// Who reported it: `kubelet` or `default-scheduler`.
    pub source: &'static str,
    /// When it was first seen.
    pub first_timestamp: SimTime,
    /// When it was last seen.
    pub last_timestamp: SimTime,
    /// How many times it was seen.
    pub count: u32,
}

/// What a component reports; the recorder adds time and counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The pod's namespace.
    pub namespace: String,
    /// The pod's name.
    pub name: String,
    /// The pod's uid.
    pub uid: String,
    /// The container's field path, or empty for the pod itself.
    pub field_path: String,
    /// `Normal` or `Warning`.
    pub event_type: EventType,
    /// The reason.
    pub reason: &'static str,
    /// The message.
    pub message: String,
    /// The reporting component.
    pub source: &'static str,
}

/// All events of the cluster, oldest first.
#[derive(Debug, Clone, Default)]
pub struct EventLog {
    /// Events in the order they were first seen.
    events: VecDeque<Event>,
    /// How many events were dropped from the front so far: the event at
    /// position `p` of `events` was the `dropped + p`-th ever recorded.
    dropped: u64,
    /// Where each kept event is (as a number of events recorded before it),
    /// by what makes two reports the same event, as client-go's correlator
    /// keys its cache: one lookup per report, however many events there are.
    index: BTreeMap<EventKey, u64>,
}

/// What makes two reports the same event: all but the time.
type EventKey = (
    String,
    String,
    EventType,
    &'static str,
    String,
    &'static str,
);

/// The key of the event of `uid` with these fields.
fn event_key(event: &Event) -> EventKey {
    (
        event.uid.clone(),
        event.field_path.clone(),
        event.event_type,
        event.reason,
        event.message.clone(),
        event.source,
    )
}

/// Events kept; the oldest are dropped first (the API server's event TTL
/// does the same over an hour).
const MAX_EVENTS: usize = 5_000;

impl EventLog {
    /// Records `report` at `now`, folding it into an identical earlier event.
    pub fn record(&mut self, report: Report, now: SimTime) {
        let event = Event {
            namespace: report.namespace,
            kind: "Pod",
            name: report.name,
            uid: report.uid,
            field_path: report.field_path,
            event_type: report.event_type,
            reason: report.reason,
            message: report.message,
            source: report.source,
            first_timestamp: now,
            last_timestamp: now,
            count: 1,
        };
        let key = event_key(&event);
        if let Some(&position) = self.index.get(&key) {
            let kept = usize::try_from(position - self.dropped).unwrap_or(usize::MAX);
            if let Some(earlier) = self.events.get_mut(kept) {
                earlier.count += 1;
                earlier.last_timestamp = now;
                return;
            }
        }
        self.index
            .insert(key, self.dropped + self.events.len() as u64);
        self.events.push_back(event);
        if self.events.len() > MAX_EVENTS {
            if let Some(oldest) = self.events.pop_front() {
                self.index.remove(&event_key(&oldest));
            }
            self.dropped += 1;
        }
    }

    /// Every event, in the order first seen.
    pub fn all(&self) -> &VecDeque<Event> {
        &self.events
    }

    /// The events about the pod with `uid`, in the order first seen.
    pub fn for_uid<'a>(&'a self, uid: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        self.events.iter().filter(move |event| event.uid == uid)
    }
}

/// Something that happened to a pod, as the timeline keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Happening {
    /// An Event was reported (once per occurrence, even when counted).
    Event {
        /// `Normal` or `Warning`.
        event_type: EventType,
        /// Its reason.
        reason: &'static str,
        /// The container's field path, or empty.
        field_path: String,
        /// Its message.
        message: String,
    },
    /// The sandbox is up with the pod's IP.
    SandboxReady { ip: String },
    /// The sandbox was stopped.
    SandboxStopped,
    /// A container's process started.
    ContainerStarted { container: String, attempt: u32 },
    /// A container's process exited.
    ContainerExited {
        container: String,
        attempt: u32,
        exit_code: i32,
    },
    /// The kubelet finished with the pod and the API server forgot it.
    PodRemoved,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// When.
    pub time: SimTime,
    /// The pod's namespace.
    pub namespace: String,
    /// The pod's name.
    pub pod: String,
    /// What happened.
    pub happening: Happening,
}

/// Timeline entries kept; a long run drops its oldest first, so memory stays flat.
const MAX_TIMELINE: usize = 20_000;

/// The cluster's history: its Events and its timeline.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Events, counted.
    pub events: EventLog,
    /// Every occurrence, oldest first.
    timeline: VecDeque<TimelineEntry>,
    /// How many occurrences were ever noted (dropped ones included).
    noted: u64,
}

impl History {
    /// Records an Event and its occurrence.
    pub fn report(&mut self, report: Report, now: SimTime) {
        self.note(
            now,
            &report.namespace,
            &report.name,
            Happening::Event {
                event_type: report.event_type,
                reason: report.reason,
                field_path: report.field_path.clone(),
                message: report.message.clone(),
            },
        );
        self.events.record(report, now);
    }

    /// Records something that happened to a pod.
    pub fn note(&mut self, now: SimTime, namespace: &str, pod: &str, happening: Happening) {
        self.timeline.push_back(TimelineEntry {
            time: now,
            namespace: namespace.to_string(),
            pod: pod.to_string(),
            happening,
        });
        self.noted += 1;
        if self.timeline.len() > MAX_TIMELINE {
            self.timeline.pop_front();
        }
    }

    /// The timeline, oldest first.
    pub fn timeline(&self) -> impl Iterator<Item = &TimelineEntry> {
        self.timeline.iter()
    }

    /// How many occurrences were ever noted: a count that grows by one per
    /// entry, so a reader can tell what is new without walking the timeline.
    pub fn noted(&self) -> u64 {
        self.noted
    }

    /// The entries noted after the first `noted` (those still kept), oldest first.
    pub fn noted_after(&self, noted: u64) -> impl Iterator<Item = &TimelineEntry> {
        let new = usize::try_from(self.noted.saturating_sub(noted)).unwrap_or(usize::MAX);
        self.timeline
            .range(self.timeline.len().saturating_sub(new)..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(message: &str) -> Report {
        Report {
            namespace: "default".into(),
            name: "p".into(),
            uid: "u".into(),
            field_path: "spec.containers{c}".into(),
            event_type: EventType::Warning,
            reason: "BackOff",
            message: message.into(),
            source: "kubelet",
        }
    }

    #[test]
    fn a_repeat_folds_into_its_event_until_that_event_is_dropped() {
        // Issue 15: each report searched the kept events one by one (10,000
        // pods took quadratic time); now it looks its event up by key.
        let mut log = EventLog::default();
        for n in 0..MAX_EVENTS {
            log.record(report(&format!("event {n}")), SimTime::from_secs(1));
        }
        log.record(report("event 1"), SimTime::from_secs(2));
        log.record(report("event 5000"), SimTime::from_secs(3));
        let counts = |log: &EventLog, message: &str| {
            let found = log.all().iter().filter(|e| e.message == message);
            found
                .map(|e| (e.count, e.last_timestamp))
                .collect::<Vec<_>>()
        };
        assert_eq!(log.all().len(), MAX_EVENTS);
        assert_eq!(counts(&log, "event 0"), []);
        assert_eq!(counts(&log, "event 1"), [(2, SimTime::from_secs(2))]);
        assert_eq!(counts(&log, "event 5000"), [(1, SimTime::from_secs(3))]);
        // "event 1" is the oldest now: dropped, its repeat starts a new event.
        log.record(report("event 5001"), SimTime::from_secs(4));
        log.record(report("event 1"), SimTime::from_secs(5));
        assert_eq!(counts(&log, "event 1"), [(1, SimTime::from_secs(5))]);
        assert_eq!(log.all().len(), MAX_EVENTS);
    }

    #[test]
    fn the_entries_noted_after_a_count_are_the_new_ones_even_when_old_ones_are_dropped() {
        let mut history = History::default();
        for second in 0..(MAX_TIMELINE as u64 + 5) {
            history.note(
                SimTime::from_secs(second),
                "default",
                "p",
                Happening::SandboxStopped,
            );
        }
        let noted = history.noted();
        assert_eq!(noted, MAX_TIMELINE as u64 + 5);
        assert_eq!(history.noted_after(noted).count(), 0);
        history.note(
            SimTime::from_secs(noted),
            "default",
            "q",
            Happening::PodRemoved,
        );
        let new: Vec<&str> = history.noted_after(noted).map(|e| e.pod.as_str()).collect();
        assert_eq!(new, ["q"]);
        assert_eq!(history.noted_after(0).count(), MAX_TIMELINE);
    }

    #[test]
    fn an_identical_event_is_counted_not_repeated() {
        let mut log = EventLog::default();
        log.record(report("Back-off"), SimTime::from_secs(1));
        log.record(report("Back-off"), SimTime::from_secs(5));
        log.record(report("other"), SimTime::from_secs(6));
        let events = log.all();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].count, 2);
        assert_eq!(events[0].first_timestamp, SimTime::from_secs(1));
        assert_eq!(events[0].last_timestamp, SimTime::from_secs(5));
    }
}
