//! Lessons: the file format's errors with their lines, every shipped lesson
//! parsing in both languages, and every lesson's own commands passing its
//! checks in the simulation.

use super::*;
use crate::script::parse_script;

/// The commands of every step, in order, as one script (what a learner
/// clicking each suggested command runs).
fn suggested_commands(lesson: &Lesson) -> Vec<ScriptStep> {
    let text: String = lesson
        .steps
        .iter()
        .flat_map(|step| &step.commands)
        .map(|command| format!("{command}\n"))
        .collect();
    parse_script(&text).expect("commands are checked when parsing")
}

/// The report of running `steps` on `lesson`'s playground, and whether all passed.
fn run(lesson: &Lesson, steps: &[ScriptStep]) -> (bool, String) {
    let results = lesson.grade(&mut lesson.studio(), steps);
    let all = results.iter().all(|result| result.passed);
    (all, report(lesson, &results, Lang::En))
}

#[test]
fn every_shipped_lesson_parses() {
    for (name, text) in LESSON_FILES {
        if let Err(error) = parse_lesson(text) {
            panic!("lessons/{name}:{error}");
        }
    }
    assert_eq!(all().len(), LESSON_FILES.len());
}

#[test]
fn the_lessons_folder_holds_exactly_the_shipped_files() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut on_disk: Vec<String> = std::fs::read_dir(folder)
        .expect("lessons/ exists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    on_disk.sort();
    let shipped: Vec<String> = LESSON_FILES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, shipped, "add a new lesson file to LESSON_FILES");
}

#[test]
fn lesson_ids_are_unique_and_named_after_their_files() {
    let lessons = all();
    for ((name, _), lesson) in LESSON_FILES.iter().zip(&lessons) {
        let topic = name
            .split_once('-')
            .map(|(_, rest)| rest.trim_end_matches(".yaml"))
            .unwrap_or_default();
        assert!(
            topic.starts_with(&lesson.id) || lesson.id.starts_with(topic),
            "{name} holds the lesson {}",
            lesson.id
        );
    }
    for (index, lesson) in lessons.iter().enumerate() {
        assert!(lessons[..index]
            .iter()
            .all(|earlier| earlier.id != lesson.id));
    }
    assert_eq!(lesson("shared-storage").map(|l| l.steps.len()), Some(3));
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_text_of_every_lesson_is_in_both_languages() {
    for lesson in all() {
        let mut texts = vec![("title", &lesson.title), ("summary", &lesson.summary)];
        for step in &lesson.steps {
            texts.push(("step", &step.text));
            texts.extend(step.hints.iter().map(|hint| ("hint", hint)));
        }
        for (what, text) in texts {
            assert!(has_cjk(&text.zh), "{} {what} zh: {:?}", lesson.id, text.zh);
            assert!(!has_cjk(&text.en), "{} {what} en: {:?}", lesson.id, text.en);
            assert!(!text.en.trim().is_empty(), "{} {what} en", lesson.id);
        }
        for result in lesson.evaluate(&lesson.studio()) {
            assert!(has_cjk(&result.description.zh) && has_cjk(&result.reason.zh));
            assert!(!has_cjk(&result.description.en) && !has_cjk(&result.reason.en));
        }
    }
}

#[test]
fn every_step_of_every_lesson_has_commands_and_checks() {
    for lesson in all() {
        for (number, step) in lesson.steps.iter().enumerate() {
            assert!(
                !step.commands.is_empty(),
                "{} step {}",
                lesson.id,
                number + 1
            );
            assert!(!step.checks.is_empty(), "{} step {}", lesson.id, number + 1);
        }
    }
}

#[test]
fn every_lesson_passes_with_its_own_commands_and_its_solution() {
    let mut failures = Vec::new();
    for lesson in all() {
        let (passed, report) = run(&lesson, &suggested_commands(&lesson));
        if !passed {
            failures.push(format!("suggested commands:\n{report}"));
        }
        if !lesson.solution.is_empty() {
            let (passed, report) = run(&lesson, &lesson.solution);
            if !passed {
                failures.push(format!("solution:\n{report}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_lesson_fails_before_anything_is_done() {
    for lesson in all() {
        let results = lesson.evaluate(&lesson.studio());
        assert_eq!(results.len(), lesson.check_count());
        assert!(
            results.iter().any(|result| !result.passed),
            "{}: nothing to do",
            lesson.id
        );
    }
}

#[test]
fn the_example_in_the_teachers_guide_parses_and_its_solution_passes() {
    let guide = include_str!("../../lessons/README.md");
    let start = guide.find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let end = start + guide[start..].find("```").expect("closed");
    let lesson = parse_lesson(&guide[start..end]).expect("the guide's example parses");
    let (passed, report) = run(&lesson, &lesson.solution);
    assert!(passed, "{report}");
}

#[test]
fn progress_latches_checks_that_passed_once() {
    let lesson = lesson("init-containers").expect("shipped");
    let mut progress = Progress::new(&lesson);
    assert_eq!(progress.current_step(), Some(0));
    let mut studio = lesson.studio();
    run_commands(
        &mut studio,
        &parse_script("sleep 10\nkubectl get pods\nkubectl logs myapp-pod -c init-myservice\n")
            .unwrap(),
    );
    assert!(progress.update(&lesson.evaluate(&studio)));
    assert!(progress.step_done(0));
    assert_eq!(progress.current_step(), Some(1));
    assert_eq!(progress.steps_done(), (1, 3));
    // Seeking back to zero fails the checks again; the progress stays.
    studio.seek(crate::clock::SimTime::from_secs(0));
    assert!(!progress.update(&lesson.evaluate(&studio)));
    assert!(progress.check_passed(0, 1));
}

const GOOD: &str = "\
id: tiny
title: {zh: 小课, en: A tiny lesson}
summary: {zh: 一步, en: One step}
pod: {example: pod-test1}
files:
  - name: extra.yaml
    text: |
      kind: Service
steps:
  - text: {zh: 等待, en: Wait}
    commands: [sleep 60]
    hints:
      - {zh: 提示, en: A hint}
    checks:
      - restarts_at_least: {container: nginx, count: 1}
      - container_state: {container: nginx, reason: CrashLoopBackOff}
      - no_port_clash: true
      - service_exists: myservice
      - command_ran: sleep
      - output_contains: x
      - event: {reason: BackOff}
      - log_lines_at_least: {pod: pod-test1, container: nginx, count: 1}
      - log_contains: {container: nginx, text: SUCCESS}
      - pod_status: {is: CrashLoopBackOff}
solution: |
  sleep 60
";

#[test]
fn a_good_file_reads_into_a_lesson() {
    let lesson = parse_lesson(GOOD).expect("parses");
    assert_eq!(lesson.id, "tiny");
    assert_eq!(lesson.title.get(Lang::En), "A tiny lesson");
    assert_eq!(lesson.title.get(Lang::Zh), "小课");
    assert!(matches!(lesson.pod, StartingPod::Example(e) if e.id == "pod-test1"));
    assert_eq!(lesson.files[0].text, "kind: Service\n");
    assert_eq!(lesson.steps[0].commands, ["sleep 60"]);
    assert_eq!(lesson.steps[0].checks.len(), 10);
    assert_eq!(
        lesson.steps[0].checks[1],
        Check::ContainerState {
            pod: None,
            container: "nginx".into(),
            state: None,
            reason: Some("CrashLoopBackOff".into()),
        }
    );
    assert_eq!(lesson.solution.len(), 1);
    let descriptions: Vec<String> = lesson.steps[0]
        .checks
        .iter()
        .map(|check| check.describe().en)
        .collect();
    expect_test::expect![[r#"
        [
            "container nginx has restarted at least 1 time",
            "container nginx's reason is CrashLoopBackOff",
            "no port clash in the pod",
            "Service myservice exists",
            "you ran `sleep`",
            "the terminal showed “x”",
            "an event with reason BackOff was recorded",
            "container nginx has logged at least 1 line",
            "container nginx's log contains “SUCCESS”",
            "the pod is CrashLoopBackOff (STATUS in kubectl get pods)",
        ]
    "#]]
    .assert_debug_eq(&descriptions);
}

/// `GOOD` with the text `from` replaced by `to`; the error it gives.
fn error_after(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "{from:?}");
    match parse_lesson(&GOOD.replacen(from, to, 1)) {
        Ok(_) => "no error".to_string(),
        Err(error) => error.to_string(),
    }
}

#[test]
fn each_kind_of_mistake_is_an_error_at_its_line() {
    let cases = [
        ("id: tiny", "id: Tiny", "1: id `Tiny` should be kebab-case (lower-case letters, digits and `-`)"),
        ("id: tiny\n", "", "1: the lesson is missing the key `id`"),
        ("title: {zh: 小课, en: A tiny lesson}", "title: {zh: 小课}", "2: title is missing the key `en`"),
        ("en: One step}", "en: ''}", "3: summary.en is empty"),
        ("{example: pod-test1}", "{example: pod-test9}", "4: unknown example `pod-test9` (known: my-podzz, my-podz, myapp-pod, pod-test1, static-web, emptydir-redis, hostpath-demo, nfs-demo, reference-pod, port-clash, image-typo, native-sidecar, share-process-namespace)"),
        ("pod: {example: pod-test1}", "pod: {yaml: 'kind: Pod'}", "4: pod.yaml: error validating data: [apiVersion not set]"),
        ("    text: |\n", "    txt: |\n", "7: unknown key `txt` in a file (expected one of: name, text, example)"),
        ("  - text: {zh: 等待, en: Wait}", "  - text: Wait", "10: step 1's text should be a mapping"),
        ("commands: [sleep 60]", "commands: sleep 60", "11: commands should be a list"),
        ("commands: [sleep 60]", "commands: [\"echo 'a\"]", "11: command: unexpected EOF while looking for matching `''"),
        ("      - {zh: 提示, en: A hint}", "      - {zh: 提示, en: A hint, fr: x}", "13: unknown key `fr` in a hint (expected one of: zh, en)"),
        ("restarts_at_least: {container: nginx, count: 1}", "restarts_at_least: {container: nginx, count: many}", "15: count should be a whole number, e.g. 3"),
        ("restarts_at_least: {container: nginx, count: 1}", "restarts_at_least: {count: 1}", "15: restarts_at_least is missing the key `container`"),
        ("{container: nginx, reason: CrashLoopBackOff}", "{container: nginx, state: sleeping}", "16: state `sleeping` should be one of: waiting, running, terminated"),
        ("{container: nginx, reason: CrashLoopBackOff}", "{container: nginx}", "16: container_state needs `state`, `reason` or both"),
        ("no_port_clash: true", "no_port_clash: false", "17: no_port_clash should be `true` or `{pod: NAME}`"),
        ("command_ran: sleep", "commandran: sleep", "19: unknown check `commandran` (known: pod_status, container_state, restarts_at_least, log_lines_at_least, log_contains, event, no_port_clash, service_exists, command_ran, output_contains)"),
        ("output_contains: x", "output_contains: x\n        also: y", "20: a check is a mapping with one key, its kind (one of: pod_status, container_state, restarts_at_least, log_lines_at_least, log_contains, event, no_port_clash, service_exists, command_ran, output_contains)"),
        ("  sleep 60\n", "  sleep 60\n  cat > f <<EOF\n", "27: solution: here-document at line 2 delimited by end-of-file (wanted `EOF')"),
        ("summary:", "summary: [\n", "5: YAML: invalid indentation in flow construct"),
        ("id: tiny", "id: tiny\nid: small", "2: `id` is given twice"),
        ("solution: |\n  sleep 60\n", "---\nid: two\n", "25: a lesson file holds one YAML document (remove the `---`)"),
    ];
    let mut wrong = Vec::new();
    for (from, to, expected) in cases {
        let actual = error_after(from, to);
        if actual != expected {
            wrong.push(format!(
                "{from:?} → {to:?}\n  expected {expected}\n  actual   {actual}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        parse_lesson("").unwrap_err().to_string(),
        "1: the lesson file is empty"
    );
    let no_steps = "id: a\ntitle: {zh: 甲, en: A}\nsummary: {zh: 甲, en: A}\nsteps: []\n";
    assert_eq!(
        parse_lesson(no_steps).unwrap_err().to_string(),
        "4: steps is empty: a lesson has a step at least"
    );
    assert_eq!(
        parse_lesson("- a\n").unwrap_err().to_string(),
        "1: the lesson should be a mapping"
    );
}

#[test]
fn progress_survives_its_stored_marks_and_ignores_marks_that_do_not_fit() {
    let lesson = crate::lessons::all().into_iter().next().expect("a lesson");
    let mut progress = Progress::new(&lesson);
    let results = lesson.evaluate(&lesson.studio());
    let mut first = results[0].clone();
    first.passed = true;
    progress.update(&[first]);
    let marks = progress.marks();
    assert!(marks.starts_with('1'), "{marks}");
    assert_eq!(Progress::from_marks(&lesson, &marks), progress);
    // Marks of another shape (the lesson changed) count as not passed.
    assert!(!Progress::from_marks(&lesson, "1111111111|junk|1").check_passed(0, 0));
}
