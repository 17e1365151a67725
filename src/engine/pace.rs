//! The speed the run really goes at, as the page measures it: virtual time
//! gained per second of real time while playing. When the engine cannot keep
//! up with the chosen speed (a container that never sleeps, at 60×), the
//! clock goes only as fast as the run does and the page says so ("running
//! at 7×") rather than pretending. Real time is the page's to read; the
//! simulation never sees it.

use super::view::Clock;
use crate::studio::SPEEDS;
use std::collections::VecDeque;

/// The real time the speed is judged over, in milliseconds.
const WINDOW_MILLIS: f64 = 1500.0;

/// The least real time a judgement is made on, in milliseconds.
const MIN_SPAN_MILLIS: f64 = 750.0;

/// The run is behind when it gets less than this share of the chosen speed.
const BEHIND_SHARE: f64 = 0.8;

/// Clock readings while playing: (real milliseconds, virtual milliseconds).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pace {
    /// The readings of the last [`WINDOW_MILLIS`], oldest first.
    readings: VecDeque<(f64, u64)>,
    /// The speed they were taken at (an index into [`SPEEDS`]).
    speed: usize,
}

impl Pace {
    /// Notes the clock an update brought, at real time `wall` (milliseconds).
    /// A pause, a seek or a new speed starts the measure afresh.
    pub fn note(&mut self, wall: f64, clock: &Clock) {
        let went_back = self
            .readings
            .back()
            .is_some_and(|(_, now)| *now > clock.now);
        if !clock.playing || clock.goal.is_some() || clock.speed != self.speed || went_back {
            self.readings.clear();
            self.speed = clock.speed;
        }
        if !clock.playing || clock.goal.is_some() {
            return;
        }
        self.readings.push_back((wall, clock.now));
        while self.readings.len() > 2
            && self
                .readings
                .front()
                .is_some_and(|(first, _)| wall - first > WINDOW_MILLIS)
        {
            self.readings.pop_front();
        }
    }

    /// The speed the run achieves, in tenths (as [`SPEEDS`] are), when it
    /// falls behind the chosen speed; `None` while it keeps up or while
    /// there is too little to judge on.
    pub fn behind(&self) -> Option<u32> {
        let (&(first_wall, first_now), &(last_wall, last_now)) =
            (self.readings.front()?, self.readings.back()?);
        let span = last_wall - first_wall;
        if span < MIN_SPAN_MILLIS {
            return None;
        }
        let tenths = (last_now - first_now) as f64 * 10.0 / span;
        let chosen = f64::from(SPEEDS[self.speed.min(SPEEDS.len() - 1)]);
        if tenths >= chosen * BEHIND_SHARE {
            return None;
        }
        // Whole speeds from 10× up, tenths below ("running at 0.3×").
        let shown = if tenths >= 100.0 {
            (tenths / 10.0).round() * 10.0
        } else {
            tenths.round()
        };
        Some(shown as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playing(now: u64, speed: usize) -> Clock {
        Clock {
            now,
            playing: true,
            speed,
            ..Clock::default()
        }
    }

    /// Notes a reading every `every` real milliseconds for `seconds`, the
    /// run gaining `gained` virtual milliseconds each time; what is said.
    fn run(speed: usize, every: f64, gained: u64, seconds: f64) -> Option<u32> {
        let mut pace = Pace::default();
        let mut wall = 0.0;
        let mut now = 0;
        while wall <= seconds * 1000.0 {
            pace.note(wall, &playing(now, speed));
            wall += every;
            now += gained;
        }
        pace.behind()
    }

    #[test]
    fn a_run_that_keeps_up_is_not_called_behind() {
        // 60× (index 7): 960 virtual ms every 16 real ms.
        assert_eq!(run(7, 16.0, 960, 3.0), None);
        // 1×: 16 every 16, and a little jitter below that.
        assert_eq!(run(1, 17.0, 16, 3.0), None);
    }

    #[test]
    fn a_run_that_falls_behind_says_how_fast_it_really_goes() {
        // 60× asked, 960 virtual ms every 137 real ms: about 7×.
        assert_eq!(run(7, 137.0, 960, 3.0), Some(70));
        // 2× asked (index 2), half of it achieved.
        assert_eq!(run(2, 32.0, 16, 3.0), Some(5));
    }

    #[test]
    fn too_short_a_measure_says_nothing() {
        assert_eq!(run(7, 137.0, 960, 0.5), None);
    }

    #[test]
    fn a_pause_a_seek_or_a_new_speed_starts_afresh() {
        let mut pace = Pace::default();
        for step in 0..20u64 {
            pace.note(step as f64 * 100.0, &playing(step * 100, 7));
        }
        assert!(pace.behind().is_some());
        let mut paused = playing(2000, 7);
        paused.playing = false;
        pace.note(2000.0, &paused);
        assert_eq!(pace.behind(), None);
        for step in 0..20u64 {
            pace.note(step as f64 * 100.0, &playing(step * 100, 7));
        }
        pace.note(2100.0, &playing(2100, 6));
        assert_eq!(pace.behind(), None);
        let mut seeking = playing(9000, 6);
        seeking.goal = Some(60_000);
        pace.note(2200.0, &seeking);
        assert_eq!(pace.behind(), None);
    }
}
