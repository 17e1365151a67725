//! What the pods' processes did lately, for the diagram's packets: files
//! written and read, connections made or refused, ports that could not be
//! bound. Kept as raw facts (a log index names the container, an inode the
//! file) in a bounded ring; the scene resolves them to names when drawn.

use crate::clock::SimTime;
use crate::runtime::{InodeId, ListenAddress};
use std::collections::VecDeque;

/// What a process did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityKind {
    /// Wrote bytes to a file.
    Wrote { file: InodeId, bytes: usize },
    /// Read bytes from a file.
    Read { file: InodeId, bytes: usize },
    /// Connected to an address (after Service routing).
    Connected { to: ListenAddress },
    /// Was refused at an address.
    Refused { to: ListenAddress },
    /// Could not listen: the address was in use.
    ListenRefused { address: ListenAddress },
}

/// One thing a process did, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// When.
    pub time: SimTime,
    /// The log of the container (or exec) the process belongs to.
    pub log: usize,
    /// What it did.
    pub kind: ActivityKind,
}

/// How many activities are kept; the oldest go first.
const MAX_ACTIVITIES: usize = 256;

/// The latest activities, oldest first.
#[derive(Debug, Clone, Default)]
pub struct ActivityLog {
    entries: VecDeque<Activity>,
}

impl ActivityLog {
    /// Records an activity, dropping the oldest when full.
    pub fn push(&mut self, activity: Activity) {
        if self.entries.len() == MAX_ACTIVITIES {
            self.entries.pop_front();
        }
        self.entries.push_back(activity);
    }

    /// The activities since `since` (inclusive), oldest first.
    pub fn since(&self, since: SimTime) -> impl Iterator<Item = &Activity> {
        let start = self.entries.partition_point(|a| a.time < since);
        self.entries.range(start..)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(millis: u64) -> Activity {
        Activity {
            time: SimTime::from_millis(millis),
            log: 0,
            kind: ActivityKind::Connected {
                to: ("10.244.1.2".to_string(), 80),
            },
        }
    }

    #[test]
    fn the_ring_keeps_the_newest_and_answers_from_a_time_on() {
        let mut log = ActivityLog::default();
        for millis in 0..(MAX_ACTIVITIES as u64 + 10) {
            log.push(at(millis));
        }
        assert_eq!(log.since(SimTime::from_millis(0)).count(), MAX_ACTIVITIES);
        let recent: Vec<u64> = log
            .since(SimTime::from_millis(MAX_ACTIVITIES as u64 + 8))
            .map(|a| a.time.as_millis())
            .collect();
        assert_eq!(
            recent,
            [MAX_ACTIVITIES as u64 + 8, MAX_ACTIVITIES as u64 + 9]
        );
    }
}
