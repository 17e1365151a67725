//! Lesson files: a teacher's YAML is read into a lesson or refused with a
//! line, never a panic. A lesson that reads is started and graded (with its
//! solution when that stays within a few virtual seconds), and its report
//! in both languages is the same twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::i18n::Lang;
use podplay::lessons::{parse_lesson, report, Lesson};

fuzz_target!(|data: &[u8]| {
    let text = podplay_fuzz::text(data);
    let lesson = match parse_lesson(&text) {
        Ok(lesson) => lesson,
        Err(error) => {
            assert!(error.line >= 1, "a lesson error without a line: {error:?}");
            return;
        }
    };
    let first = grade(&lesson, &text);
    podplay_fuzz::assert_deterministic("lesson grading", &first, &grade(&lesson, &text));
});

/// The lesson's reports after its solution (or at the start, when the
/// solution would take too long), in both languages.
fn grade(lesson: &Lesson, text: &str) -> String {
    let mut studio = lesson.studio();
    let commands = lesson.solution.iter().map(|step| step.command.as_str());
    let results = if lesson.solution.len() <= 12
        && podplay_fuzz::within_budget(commands, text)
    {
        lesson.grade(&mut studio, &lesson.solution)
    } else {
        lesson.evaluate(&studio)
    };
    format!(
        "{}{}",
        report(lesson, &results, Lang::En),
        report(lesson, &results, Lang::Zh)
    )
}
