//! The checks a lesson can ask for: a small closed vocabulary over the
//! simulated cluster (pods, containers, logs, events, Services) and over what
//! the learner did in the terminal. Each check words itself in both
//! languages from its parameters (`describe.rs`), is read from the lesson
//! file (`read.rs`), and grading one (`grade.rs`) gives pass or fail with the
//! reason, also in both languages.

mod describe;
mod grade;
mod read;
mod words;

use super::Bilingual;
use crate::scene::StateKind;
use crate::studio::Studio;

/// The namespace checks look in (the lessons' pods live in `default`).
pub const DEFAULT_NAMESPACE: &str = "default";

/// One thing that must hold. `pod: None` means the pod the editor holds
/// (the diagram's pod).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `kubectl get pods`' STATUS of the pod is `is` (`Running`,
    /// `Init:0/2`, `CrashLoopBackOff`, `Completed`, …).
    PodStatus { pod: Option<String>, is: String },
    /// A container's state, its kubectl reason, or both.
    ContainerState {
        pod: Option<String>,
        container: String,
        state: Option<StateKind>,
        reason: Option<String>,
    },
    /// The container's restart count is at least `count`.
    RestartsAtLeast {
        pod: Option<String>,
        container: String,
        count: u32,
    },
    /// The container's current log has at least `count` lines.
    LogLinesAtLeast {
        pod: Option<String>,
        container: String,
        count: u32,
    },
    /// The container's current or previous log contains `text`.
    LogContains {
        pod: Option<String>,
        container: String,
        text: String,
    },
    /// An Event with this reason was recorded (about the pod, if named).
    Event { pod: Option<String>, reason: String },
    /// No container of the pod was refused a port another one holds.
    NoPortClash { pod: Option<String> },
    /// The Service exists.
    ServiceExists { name: String },
    /// The learner typed a command starting with these words.
    CommandRan(String),
    /// The terminal printed this text.
    OutputContains(String),
}

/// The grade of one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    /// The step it belongs to (0-based).
    pub step: usize,
    /// Its place among the step's checks (0-based).
    pub index: usize,
    /// Whether it holds.
    pub passed: bool,
    /// What it asks for.
    pub description: Bilingual,
    /// Why it holds or not, from what the simulation shows.
    pub reason: Bilingual,
}

impl Check {
    /// Grades the check against `studio` as it is now; `step` and `index`
    /// place it in its lesson.
    pub fn evaluate(&self, studio: &Studio, step: usize, index: usize) -> CheckResult {
        let (passed, reason) = match self.grade(studio) {
            Ok(reason) => (true, reason),
            Err(reason) => (false, reason),
        };
        CheckResult {
            step,
            index,
            passed,
            description: self.describe(),
            reason,
        }
    }
}
