//! Per-item exponential back-off, as client-go's `flowcontrol.Backoff` does it
//! for the kubelet (container restarts and image pulls), with "now" always
//! passed in: the simulation's clock is the only clock.

use crate::clock::SimTime;
use std::collections::BTreeMap;

/// The back-off state of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    /// The current back-off period, in milliseconds.
    backoff: u64,
    /// When the entry last changed.
    last_update: SimTime,
}

/// Back-off periods per key, starting at `initial` and doubling to `max`.
#[derive(Debug, Clone)]
pub struct Backoff {
    /// The first period (10 s for both container restarts and image pulls).
    initial: u64,
    /// The largest period (300 s).
    max: u64,
    /// The entries by key.
    entries: BTreeMap<String, Entry>,
}

impl Backoff {
    /// A back-off from `initial` to `max` milliseconds, without jitter (the
    /// kubelet creates both of its back-offs without jitter).
    pub fn new(initial: u64, max: u64) -> Backoff {
        Backoff {
            initial,
            max,
            entries: BTreeMap::new(),
        }
    }

    /// The current period of `key`, zero when it has none.
    pub fn get(&self, key: &str) -> u64 {
        self.entries.get(key).map_or(0, |entry| entry.backoff)
    }

    /// Records a failure of `key` that happened at `event_time`: the period
    /// starts at `initial`, or doubles (up to `max`) when the previous one has
    /// not expired.
    pub fn next(&mut self, key: &str, event_time: SimTime, now: SimTime) {
        let backoff = match self.entries.get(key) {
            Some(entry) if !self.has_expired(event_time, entry.last_update) => {
                entry.backoff.saturating_mul(2).min(self.max)
            }
            _ => self.initial,
        };
        self.entries.insert(
            key.to_string(),
            Entry {
                backoff,
                last_update: now,
            },
        );
    }

    /// Whether `key` is still backing off at `now` from something that
    /// happened at `event_time` (`IsInBackOffSince`).
    pub fn is_in_back_off_since(&self, key: &str, event_time: SimTime, now: SimTime) -> bool {
        match self.entries.get(key) {
            Some(entry) if !self.has_expired(event_time, entry.last_update) => {
                now - event_time < entry.backoff
            }
            _ => false,
        }
    }

    /// Whether `key` is still backing off at `now` from its last update
    /// (`IsInBackOffSinceUpdate`).
    pub fn is_in_back_off_since_update(&self, key: &str, now: SimTime) -> bool {
        match self.entries.get(key) {
            Some(entry) if !self.has_expired(now, entry.last_update) => {
                now - entry.last_update < entry.backoff
            }
            _ => false,
        }
    }

    /// When the back-off of `key` ends, counted from its last update.
    pub fn until_from_update(&self, key: &str) -> Option<SimTime> {
        self.entries
            .get(key)
            .map(|entry| entry.last_update + entry.backoff)
    }

    /// An entry is forgotten once nothing happened to it for twice the
    /// maximum period (a container that ran 10 minutes starts over at 10 s).
    fn has_expired(&self, event_time: SimTime, last_update: SimTime) -> bool {
        event_time.millis_since(last_update) > 2 * self.max as i64
    }
}

/// Formats milliseconds as Go's `time.Duration.String` does: `10s`, `2m40s`,
/// `5m0s`, `717ms`, `1.2s`.
pub fn go_duration(millis: u64) -> String {
    if millis == 0 {
        return "0s".to_string();
    }
    if millis < 1000 {
        return format!("{millis}ms");
    }
    let hours = millis / 3_600_000;
    let minutes = millis / 60_000 % 60;
    let seconds = millis / 1000 % 60;
    let fraction = millis % 1000;
    let mut seconds_text = seconds.to_string();
    if fraction > 0 {
        let digits = format!("{fraction:03}");
        seconds_text = format!("{seconds}.{}", digits.trim_end_matches('0'));
    }
    match (hours, minutes) {
        (0, 0) => format!("{seconds_text}s"),
        (0, m) => format!("{m}m{seconds_text}s"),
        (h, m) => format!("{h}h{m}m{seconds_text}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1000;

    #[test]
    fn a_container_that_keeps_exiting_at_once_backs_off_10_20_40_80_160_then_300_seconds() {
        let mut backoff = Backoff::new(10 * S, 300 * S);
        let mut now = SimTime::ZERO;
        let mut periods = Vec::new();
        for _ in 0..8 {
            // It exits at once; the kubelet waits out the back-off, then restarts it.
            assert!(!backoff.is_in_back_off_since("c", now, now + backoff.get("c")));
            backoff.next("c", now, now);
            periods.push(backoff.get("c") / S);
            assert!(backoff.is_in_back_off_since("c", now, now + (backoff.get("c") - 1)));
            now = now + backoff.get("c");
        }
        assert_eq!(periods, [10, 20, 40, 80, 160, 300, 300, 300]);
    }

    #[test]
    fn a_back_off_resets_after_ten_quiet_minutes() {
        let mut backoff = Backoff::new(10 * S, 300 * S);
        backoff.next("c", SimTime::ZERO, SimTime::ZERO);
        backoff.next("c", SimTime::from_secs(10), SimTime::from_secs(10));
        assert_eq!(backoff.get("c"), 20 * S);
        let later = SimTime::from_secs(10 + 601);
        assert!(!backoff.is_in_back_off_since("c", later, later));
        backoff.next("c", later, later);
        assert_eq!(backoff.get("c"), 10 * S);
    }

    #[test]
    fn an_image_pull_backs_off_from_its_last_failure() {
        let mut backoff = Backoff::new(10 * S, 300 * S);
        backoff.next("img", SimTime::from_secs(2), SimTime::from_secs(2));
        assert!(backoff.is_in_back_off_since_update("img", SimTime::from_secs(11)));
        assert!(!backoff.is_in_back_off_since_update("img", SimTime::from_secs(12)));
        assert_eq!(
            backoff.until_from_update("img"),
            Some(SimTime::from_secs(12))
        );
    }

    #[test]
    fn durations_print_as_go_prints_them() {
        assert_eq!(go_duration(10 * S), "10s");
        assert_eq!(go_duration(160 * S), "2m40s");
        assert_eq!(go_duration(300 * S), "5m0s");
        assert_eq!(go_duration(717), "717ms");
        assert_eq!(go_duration(1_200), "1.2s");
        assert_eq!(go_duration(60_809), "1m0.809s");
    }
}
