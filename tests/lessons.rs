//! `podplay check`: golden reports of a passing and a failing learner's
//! script (in English and Chinese), and exit code 2 with file and line for a
//! lesson or script that cannot be read. Regenerate the `.report` files
//! deliberately with `UPDATE_EXPECT=1 cargo test`.

mod common;

use common::{golden_mismatch, podplay, root};
use std::path::PathBuf;

/// (lesson, script, language, expected exit code, golden report).
const CASES: &[(&str, &str, &str, i32, &str)] = &[
    (
        "lessons/03-shared-storage.yaml",
        "tests/lessons/shared-storage-pass.podplay",
        "en",
        0,
        "tests/lessons/shared-storage-pass.report",
    ),
    (
        "lessons/03-shared-storage.yaml",
        "tests/lessons/shared-storage-fail.podplay",
        "en",
        1,
        "tests/lessons/shared-storage-fail.report",
    ),
    (
        "lessons/03-shared-storage.yaml",
        "tests/lessons/shared-storage-fail.podplay",
        "zh",
        1,
        "tests/lessons/shared-storage-fail.zh.report",
    ),
];

#[test]
fn check_reports_match_their_golden_files() {
    let mut mismatches = Vec::new();
    for (lesson, script, lang, code, golden) in CASES {
        let (stdout, stderr, exit) = podplay(&["check", lesson, script, "--lang", lang]);
        assert_eq!(exit, *code, "{script} ({lang}): {stderr}\n{stdout}");
        mismatches.extend(golden_mismatch(&root().join(golden), &stdout));
    }
    assert!(
        mismatches.is_empty(),
        "reports differ (UPDATE_EXPECT=1 to accept):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn every_shipped_lesson_passes_its_own_solution_through_the_cli() {
    for entry in std::fs::read_dir(root().join("lessons")).expect("lessons/") {
        let path: PathBuf = entry.expect("entry").path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            let (stdout, stderr, exit) = podplay(&["check", path.to_str().unwrap()]);
            assert_eq!(exit, 0, "{}: {stderr}\n{stdout}", path.display());
        }
    }
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("podplay-check-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_bad_lesson_file_exits_2_with_its_line() {
    let lesson = scratch(
        "bad.yaml",
        "id: bad\ntitle: {zh: 坏, en: Bad}\nsummary: {zh: 坏, en: Bad}\nsteps:\n  - text: {zh: 坏, en: Bad}\n    checks:\n      - pod_state: {is: Running}\n",
    );
    let script = scratch("ok.podplay", "sleep 1\n");
    let (stdout, stderr, exit) =
        podplay(&["check", lesson.to_str().unwrap(), script.to_str().unwrap()]);
    assert_eq!(exit, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.ends_with("bad.yaml:7: unknown check `pod_state` (known: pod_status, container_state, restarts_at_least, log_lines_at_least, log_contains, event, no_port_clash, service_exists, command_ran, output_contains)\n"),
        "{stderr}"
    );
}

#[test]
fn a_bad_script_exits_2_with_its_line() {
    let script = scratch("bad.podplay", "sleep 1\necho 'unclosed\n");
    let (stdout, stderr, exit) = podplay(&[
        "check",
        "lessons/03-shared-storage.yaml",
        script.to_str().unwrap(),
    ]);
    assert_eq!(exit, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("bad.podplay:2: "), "{stderr}");
}

#[test]
fn wrong_arguments_print_the_usage_and_exit_2() {
    let (_, stderr, exit) = podplay(&["check"]);
    assert_eq!(exit, 2);
    assert!(stderr.contains("podplay check LESSON [SCRIPT] [--lang zh|en]"));
    let (_, _, exit) = podplay(&["check", "lessons/03-shared-storage.yaml", "--lang", "fr"]);
    assert_eq!(exit, 2);
}
