//! Lessons: short exercises over the playground, one data file each.
//!
//! A lesson (`lessons/NN-topic.yaml`, the format is documented in
//! `lessons/README.md`) names a starting pod, files for the console, and
//! steps: text, commands to try and hints in Chinese and English, and
//! [`Check`]s over the simulated cluster. [`parse_lesson`] reads one file
//! into a [`Lesson`] or a [`LessonError`] with its line, never panicking;
//! [`Lesson::studio`] builds the playground the lesson starts from;
//! [`Lesson::evaluate`] grades a [`Studio`] (after any edits and commands)
//! check by check; [`Progress`] latches what has passed once, for a progress
//! view. `podplay check LESSON SCRIPT` is the same evaluation, headless.
//!
//! **Invariant:** a check reads the studio, never changes it, and every
//! check's description and result are worded in both languages.

mod check;
mod fields;
mod parse;

#[cfg(test)]
mod tests;

pub use check::{Check, CheckResult, DEFAULT_NAMESPACE};
pub use fields::LessonError;
pub use parse::parse_lesson;

use crate::examples::Example;
use crate::i18n::Lang;
use crate::script::Step as ScriptStep;
use crate::studio::Studio;

/// The lessons podplay ships, in teaching order: (file name, text).
pub const LESSON_FILES: &[(&str, &str)] = &[
    (
        "01-why-pods.yaml",
        include_str!("../../lessons/01-why-pods.yaml"),
    ),
    (
        "02-shared-network.yaml",
        include_str!("../../lessons/02-shared-network.yaml"),
    ),
    (
        "03-shared-storage.yaml",
        include_str!("../../lessons/03-shared-storage.yaml"),
    ),
    (
        "04-pause-container.yaml",
        include_str!("../../lessons/04-pause-container.yaml"),
    ),
    (
        "05-init-containers.yaml",
        include_str!("../../lessons/05-init-containers.yaml"),
    ),
    (
        "06-restart-policy.yaml",
        include_str!("../../lessons/06-restart-policy.yaml"),
    ),
    (
        "07-image-pull-policy.yaml",
        include_str!("../../lessons/07-image-pull-policy.yaml"),
    ),
    (
        "08-static-pods.yaml",
        include_str!("../../lessons/08-static-pods.yaml"),
    ),
    (
        "09-volumes.yaml",
        include_str!("../../lessons/09-volumes.yaml"),
    ),
    (
        "10-sidecars.yaml",
        include_str!("../../lessons/10-sidecars.yaml"),
    ),
];

/// Every shipped lesson, in order. A file that does not parse is left out
/// (the tests keep every shipped file parsing).
pub fn all() -> Vec<Lesson> {
    LESSON_FILES
        .iter()
        .filter_map(|(_, text)| parse_lesson(text).ok())
        .collect()
}

/// The shipped lesson whose id is `id`.
pub fn lesson(id: &str) -> Option<Lesson> {
    all().into_iter().find(|lesson| lesson.id == id)
}

/// A text in both of the page's languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Bilingual {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// What the editor holds when a lesson starts.
#[derive(Debug, Clone)]
pub enum StartingPod {
    /// Nothing: the learner creates every object from the terminal.
    Empty,
    /// An example of the catalog, with the files its console starts with.
    Example(&'static Example),
    /// Manifests written in the lesson file.
    Yaml(String),
}

/// A file the console's working directory starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonFile {
    /// Its name, for `kubectl apply -f NAME`.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// One step of a lesson.
#[derive(Debug, Clone)]
pub struct LessonStep {
    /// What to do and why.
    pub text: Bilingual,
    /// Commands to try, as typed into the terminal (a command with a
    /// here-document holds its body and delimiter on the lines after it).
    pub commands: Vec<String>,
    /// Hints, shown one at a time.
    pub hints: Vec<Bilingual>,
    /// What must hold for the step to be done.
    pub checks: Vec<Check>,
}

/// One lesson.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Its id (kebab-case), e.g. `shared-storage`.
    pub id: String,
    /// Its title.
    pub title: Bilingual,
    /// What it teaches, in a sentence or two.
    pub summary: Bilingual,
    /// The editor's text at the start.
    pub pod: StartingPod,
    /// Files for the console besides the starting pod's.
    pub files: Vec<LessonFile>,
    /// The steps, in order.
    pub steps: Vec<LessonStep>,
    /// A podplay script that passes every check (for teachers and tests).
    pub solution: Vec<ScriptStep>,
}

impl Lesson {
    /// The editor's text at the start (empty for no pod).
    pub fn pod_yaml(&self) -> &str {
        match &self.pod {
            StartingPod::Empty => "",
            StartingPod::Example(example) => example.yaml,
            StartingPod::Yaml(text) => text,
        }
    }

    /// The console's files at the start: the example's, then the lesson's.
    pub fn files(&self) -> Vec<(String, String)> {
        let from_example: &[(&str, &str)] = match &self.pod {
            StartingPod::Example(example) => example.files,
            _ => &[],
        };
        from_example
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .chain(
                self.files
                    .iter()
                    .map(|file| (file.name.clone(), file.text.clone())),
            )
            .collect()
    }

    /// The playground the lesson starts from, at time zero.
    pub fn studio(&self) -> Studio {
        Studio::new(self.pod_yaml().to_string(), self.files())
    }

    /// Every check of every step, graded against `studio` as it is now.
    pub fn evaluate(&self, studio: &Studio) -> Vec<CheckResult> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(step, lesson_step)| {
                lesson_step
                    .checks
                    .iter()
                    .enumerate()
                    .map(move |(index, check)| check.evaluate(studio, step, index))
            })
            .collect()
    }

    /// Types `commands` into `studio` one by one, as a learner would, and
    /// grades the lesson as the progress view does: a check passes once it
    /// has held after any command (a mirror pod deleted in a later step
    /// still counted as Running before); a check that never held reports
    /// the state at the end.
    pub fn grade(&self, studio: &mut Studio, commands: &[ScriptStep]) -> Vec<CheckResult> {
        let mut results = self.evaluate(studio);
        for command in commands {
            studio.type_command(command.command.clone(), command.stdin.clone());
            let now = self.evaluate(studio);
            for (kept, new) in results.iter_mut().zip(now) {
                if !kept.passed {
                    *kept = new;
                }
            }
        }
        results
    }

    /// How many checks the lesson has in all.
    pub fn check_count(&self) -> usize {
        self.steps.iter().map(|step| step.checks.len()).sum()
    }
}

/// Types each command of `steps` into `studio` at the time it is reached,
/// as a learner would (`sleep N` lets N virtual seconds pass).
pub fn run_commands(studio: &mut Studio, steps: &[ScriptStep]) {
    for step in steps {
        studio.type_command(step.command.clone(), step.stdin.clone());
    }
}

/// What a learner has done in a lesson: each check, once passed, stays
/// passed (a later seek back or a pod's restart does not undo a step).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// Per step, per check: passed at some evaluation.
    passed: Vec<Vec<bool>>,
}

impl Progress {
    /// Nothing passed yet.
    pub fn new(lesson: &Lesson) -> Progress {
        Progress {
            passed: lesson
                .steps
                .iter()
                .map(|step| vec![false; step.checks.len()])
                .collect(),
        }
    }

    /// Records `results` (from [`Lesson::evaluate`]); whether anything new passed.
    pub fn update(&mut self, results: &[CheckResult]) -> bool {
        let mut changed = false;
        for result in results.iter().filter(|result| result.passed) {
            if let Some(slot) = self
                .passed
                .get_mut(result.step)
                .and_then(|checks| checks.get_mut(result.index))
            {
                changed |= !*slot;
                *slot = true;
            }
        }
        changed
    }

    /// The passed checks as text for storage: a `1` or `0` per check, steps
    /// separated by `|`.
    pub fn marks(&self) -> String {
        self.passed
            .iter()
            .map(|checks| {
                checks
                    .iter()
                    .map(|p| if *p { '1' } else { '0' })
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Progress read back from [`Progress::marks`]; marks that do not fit
    /// the lesson (it changed since) count as not passed.
    pub fn from_marks(lesson: &Lesson, marks: &str) -> Progress {
        let mut progress = Progress::new(lesson);
        for (checks, text) in progress.passed.iter_mut().zip(marks.split('|')) {
            if text.len() == checks.len() {
                for (passed, mark) in checks.iter_mut().zip(text.chars()) {
                    *passed = mark == '1';
                }
            }
        }
        progress
    }

    /// Whether check `index` of step `step` has passed.
    pub fn check_passed(&self, step: usize, index: usize) -> bool {
        self.passed
            .get(step)
            .and_then(|checks| checks.get(index))
            .copied()
            .unwrap_or(false)
    }

    /// Whether every check of step `step` has passed.
    pub fn step_done(&self, step: usize) -> bool {
        self.passed
            .get(step)
            .is_some_and(|checks| checks.iter().all(|passed| *passed))
    }

    /// The first step not done yet, or `None` when the lesson is done.
    pub fn current_step(&self) -> Option<usize> {
        (0..self.passed.len()).find(|step| !self.step_done(*step))
    }

    /// Steps done, of all steps.
    pub fn steps_done(&self) -> (usize, usize) {
        let done = (0..self.passed.len())
            .filter(|step| self.step_done(*step))
            .count();
        (done, self.passed.len())
    }
}

/// The report `podplay check` prints: the lesson's title, each step's
/// checks with ✓ or ✗ and, for a failure, why; then the tally.
pub fn report(lesson: &Lesson, results: &[CheckResult], lang: Lang) -> String {
    let mut text = format!("{} ({})\n", lesson.title.get(lang), lesson.id);
    for (number, step) in lesson.steps.iter().enumerate() {
        let first_line = step.text.get(lang).lines().next().unwrap_or_default();
        let label = match lang {
            Lang::Zh => format!("第 {} 步：", number + 1),
            Lang::En => format!("Step {}:", number + 1),
        };
        text.push_str(&format!("\n{label} {first_line}\n"));
        for result in results.iter().filter(|result| result.step == number) {
            let mark = if result.passed { '✓' } else { '✗' };
            text.push_str(&format!("  {mark} {}\n", result.description.get(lang)));
            if !result.passed {
                text.push_str(&format!("      {}\n", result.reason.get(lang)));
            }
        }
    }
    let passed = results.iter().filter(|result| result.passed).count();
    text.push_str(&match lang {
        Lang::Zh => format!("\n通过 {passed}/{} 项检查。\n", results.len()),
        Lang::En => format!("\n{passed} of {} checks passed.\n", results.len()),
    });
    text
}
