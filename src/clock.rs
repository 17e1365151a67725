//! Virtual time and the event queue: the ground floor below the runtime and the
//! simulation, so both read one clock and neither imports the other for it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;
use std::ops::{Add, Sub};

/// A point in virtual time, in milliseconds since the cluster started.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct SimTime(pub u64);

impl SimTime {
    /// The cluster's first instant.
    pub const ZERO: SimTime = SimTime(0);

    /// A time `seconds` after the start.
    pub const fn from_secs(seconds: u64) -> SimTime {
        SimTime(seconds * 1000)
    }

    /// A time `millis` after the start.
    pub const fn from_millis(millis: u64) -> SimTime {
        SimTime(millis)
    }

    /// Milliseconds since the start.
    pub const fn as_millis(self) -> u64 {
        self.0
    }

    /// Milliseconds from `earlier` to `self`, negative when `earlier` is later.
    pub fn millis_since(self, earlier: SimTime) -> i64 {
        self.0 as i64 - earlier.0 as i64
    }
}

impl Add<u64> for SimTime {
    type Output = SimTime;
    /// Adds milliseconds, saturating at the end of time.
    fn add(self, millis: u64) -> SimTime {
        SimTime(self.0.saturating_add(millis))
    }
}

impl Sub for SimTime {
    type Output = u64;
    /// Milliseconds between two times, zero when `other` is later.
    fn sub(self, other: SimTime) -> u64 {
        self.0.saturating_sub(other.0)
    }
}

impl fmt::Display for SimTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}s", self.0 / 1000, self.0 % 1000)
    }
}

/// A queue of events ordered by (time, insertion order): two events at the same
/// time come out in the order they were scheduled.
#[derive(Debug, Clone)]
pub struct EventQueue<E> {
    /// Pending events keyed by (time, sequence number).
    heap: BinaryHeap<Reverse<(SimTime, u64, Keyed<E>)>>,
    /// The next sequence number to hand out.
    next_sequence: u64,
}

/// Wraps an event so the heap orders by (time, sequence) alone.
#[derive(Debug, Clone)]
struct Keyed<E>(E);

impl<E> PartialEq for Keyed<E> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<E> Eq for Keyed<E> {}
impl<E> PartialOrd for Keyed<E> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Keyed<E> {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue {
            heap: BinaryHeap::new(),
            next_sequence: 0,
        }
    }
}

impl<E> EventQueue<E> {
    /// Schedules `event` to happen at `time`.
    pub fn schedule(&mut self, time: SimTime, event: E) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        self.heap.push(Reverse((time, sequence, Keyed(event))));
    }

    /// When the next event happens, if any.
    pub fn next_time(&self) -> Option<SimTime> {
        self.heap.peek().map(|Reverse((time, _, _))| *time)
    }

    /// Takes the next event if it happens at or before `limit`.
    pub fn pop_until(&mut self, limit: SimTime) -> Option<(SimTime, E)> {
        if self.next_time()? > limit {
            return None;
        }
        self.heap
            .pop()
            .map(|Reverse((time, _, Keyed(event)))| (time, event))
    }

    /// How many events are pending.
    pub fn len(&self) -> usize {
        self.heap.len()
    }

    /// Whether no event is pending.
    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_come_out_by_time_then_by_scheduling_order() {
        let mut queue = EventQueue::default();
        queue.schedule(SimTime::from_secs(2), "late");
        queue.schedule(SimTime::from_secs(1), "first at one");
        queue.schedule(SimTime::from_secs(1), "second at one");
        let mut order = Vec::new();
        while let Some((time, event)) = queue.pop_until(SimTime::from_secs(10)) {
            order.push(format!("{time} {event}"));
        }
        assert_eq!(
            order,
            ["1.000s first at one", "1.000s second at one", "2.000s late"]
        );
    }

    #[test]
    fn events_after_the_limit_stay_queued() {
        let mut queue = EventQueue::default();
        queue.schedule(SimTime::from_secs(5), ());
        assert!(queue.pop_until(SimTime::from_secs(4)).is_none());
        assert_eq!(queue.len(), 1);
    }
}
