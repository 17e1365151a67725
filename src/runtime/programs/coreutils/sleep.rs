//! `sleep N`: the process blocks until the virtual clock reaches its time.

use crate::runtime::program::{Program, Step, Sys, Wait};
use crate::runtime::programs::once::error;

/// `sleep N`: waits N seconds (fractions and s/m/h/d suffixes as GNU sleep).
pub struct Sleep {
    /// Its operands (the first is the time).
    pub args: Vec<String>,
    /// When it wakes, once its operand was read.
    pub until: Option<crate::clock::SimTime>,
}

impl Program for Sleep {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(until) = self.until {
            return if sys.io.now >= until {
                Step::Exit(0)
            } else {
                Step::Block(Wait::Until(until))
            };
        }
        let Some(argument) = self.args.first() else {
            error(sys, "sleep: missing operand".into());
            return Step::Exit(1);
        };
        let (number, unit) = match argument.char_indices().last() {
            Some((index, 's')) => (&argument[..index], 1000.0),
            Some((index, 'm')) => (&argument[..index], 60_000.0),
            Some((index, 'h')) => (&argument[..index], 3_600_000.0),
            Some((index, 'd')) => (&argument[..index], 86_400_000.0),
            _ => (argument.as_str(), 1000.0),
        };
        // `sleep infinity` sleeps for as long as the clock can count.
        let number = if matches!(number, "inf" | "infinity") {
            "1e15"
        } else {
            number
        };
        // Whole seconds (`sleep 1`) are the common case; up to 15 digits
        // they are exact as a float, so reading them as an integer first
        // gives the same time without the float parser.
        let whole = number
            .parse::<u64>()
            .ok()
            .filter(|_| number.len() <= 15)
            .map(|n| n as f64);
        let Some(seconds) = whole.or_else(|| {
            number
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
        }) else {
            error(sys, format!("sleep: invalid number '{argument}'"));
            return Step::Exit(1);
        };
        let millis = (seconds * unit).min(1e15) as u64;
        let until = sys.io.now + millis;
        self.until = Some(until);
        Step::Block(Wait::Until(until))
    }
}
