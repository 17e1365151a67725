//! The engine as the page drives it: requests in, updates out, and the
//! page's mirror always equal to what a page told everything afresh would see.

use super::*;
use crate::examples::example;
use crate::scene::StateKind;

/// An engine started on example `id` at time zero, and the page's mirror of it.
fn started(id: &str) -> (Engine, View) {
    let mut engine = Engine::default();
    // The page shows the text it starts the engine with.
    let mut view = View {
        yaml: example(id).unwrap().yaml.to_string(),
        ..View::default()
    };
    view.apply(engine.handle(Request::Start {
        example: id.to_string(),
        yaml: example(id).unwrap().yaml.to_string(),
        millis: None,
        playing: false,
        lang: Lang::En,
        panel: Panel::Events,
    }));
    (engine, view)
}

/// A line typed into the terminal.
fn command(line: &str) -> Request {
    Request::Command {
        line: line.to_string(),
        stdin: None,
    }
}

/// Sends `request`, mirrors the update, returns the reply. The page keeps
/// the text it sends in an edit itself (the engine does not send it back).
fn send(engine: &mut Engine, view: &mut View, request: Request) -> Reply {
    if let Request::Edit(text) = &request {
        view.yaml = text.clone();
    }
    view.apply(engine.handle(request)).0
}

/// The whole view as a page that was told nothing yet would see it.
fn told_afresh(engine: &mut Engine) -> View {
    engine.sent = Sent::default();
    let mut view = View::default();
    view.apply(engine.update(Reply::None, None));
    view
}

fn container_state(view: &View, name: &str) -> (StateKind, String) {
    let scene = view.scene.as_ref().expect("a scene");
    let container = scene.containers.iter().find(|c| c.name == name).unwrap();
    (container.state, container.reason.clone())
}

#[test]
fn a_started_engine_sends_the_whole_view_at_once() {
    let (_, view) = started("my-podzz");
    assert_eq!(view.example, "my-podzz");
    assert_eq!(view.yaml, example("my-podzz").unwrap().yaml);
    assert!(view.layout.is_some());
    assert!(view.scene.is_some());
    assert!(view.problems.is_empty());
    assert_eq!(view.terminal.prompt, "$ ");
    assert!(matches!(*view.rows, Rows::Events(_)));
}

#[test]
fn text_typed_before_the_start_is_answered_is_not_undone_by_that_answer() {
    let mut engine = Engine::default();
    let saved = example("my-podzz").unwrap().yaml.to_string();
    let start = engine.handle(Request::Start {
        example: "my-podzz".to_string(),
        yaml: saved.clone(),
        millis: None,
        playing: false,
        lang: Lang::En,
        panel: Panel::Events,
    });
    let typed = format!("{saved}# a note\n");
    let edit = engine.handle(Request::Edit(typed.clone()));
    // The page typed on while the Worker worked: both answers arrive late.
    let mut view = View {
        yaml: typed.clone(),
        ..View::default()
    };
    view.apply(start);
    view.apply(edit);
    assert_eq!(view.yaml, typed);
}

#[test]
fn a_request_that_changes_nothing_sends_only_the_clock() {
    let (mut engine, _) = started("my-podzz");
    let update = engine.handle(Request::SetSpeed(1));
    assert_eq!(update.yaml, None);
    assert_eq!(update.problems, None);
    assert_eq!(update.layout, None);
    assert_eq!(update.scene, None);
    assert_eq!(update.markers, None);
    assert_eq!(update.terminal, None);
    assert_eq!(update.rows, None);
    assert_eq!(update.lesson, None);
}

#[test]
fn the_mirror_built_from_updates_equals_a_view_told_afresh() {
    let (mut engine, mut view) = started("my-podzz");
    send(&mut engine, &mut view, Request::SetPlaying(true));
    send(&mut engine, &mut view, Request::SetSpeed(7));
    for _ in 0..200 {
        send(&mut engine, &mut view, Request::Tick);
    }
    send(&mut engine, &mut view, command("kubectl get pods"));
    send(&mut engine, &mut view, Request::ShowPanel(Panel::Logs));
    send(&mut engine, &mut view, Request::Seek(20_000));
    send(&mut engine, &mut view, Request::Step);
    let edited = view.yaml.replace(
        "  namespace: default\n",
        "  namespace: default\n  labels:\n    edited: \"yes\"\n",
    );
    assert_ne!(edited, view.yaml);
    send(&mut engine, &mut view, Request::Edit(edited));
    assert!(view.clock.now > 0);
    assert_eq!(view, told_afresh(&mut engine));
}

#[test]
fn playing_runs_the_pod_and_the_terminal_answers() {
    let (mut engine, mut view) = started("my-podzz");
    send(&mut engine, &mut view, Request::Seek(30_000));
    assert_eq!(view.clock.now, 30_000);
    assert_eq!(
        container_state(&view, "producer"),
        (StateKind::Running, "Running".to_string())
    );
    send(&mut engine, &mut view, command("kubectl get pods"));
    assert_eq!(view.typed, 1);
    let printed = view
        .terminal
        .entries
        .iter()
        .any(|entry| matches!(entry, TerminalEntry::Output(text) if text.starts_with("NAME ")));
    assert!(printed, "{:?}", view.terminal.entries);
    assert_eq!(view.terminal.history, ["kubectl get pods"]);
}

#[test]
fn bytes_in_and_out_give_what_the_request_itself_gives() {
    let (mut engine, _) = started("pod-test1");
    let (mut twin, _) = started("pod-test1");
    let request = Request::Seek(45_000);
    let packed = engine.handle_bytes(&encode(&request));
    assert_eq!(decode::<Update>(&packed), Some(twin.handle(request)));
}

#[test]
fn bytes_that_are_no_request_change_nothing() {
    let (mut engine, mut view) = started("pod-test1");
    send(&mut engine, &mut view, Request::Seek(10_000));
    let before = view.clone();
    let update = decode::<Update>(&engine.handle_bytes(&[0xff, 0xff, 0xff])).unwrap();
    view.apply(update);
    assert_eq!(view, before);
}

#[test]
fn a_damaged_share_link_is_refused_with_its_reason_and_the_run_stays() {
    let (mut engine, mut view) = started("pod-test1");
    let reply = send(
        &mut engine,
        &mut view,
        Request::Open {
            fragment: "not lz-string at all!".to_string(),
        },
    );
    assert!(matches!(reply, Reply::Refused(reason) if reason.contains("damaged")));
    assert_eq!(view.example, "pod-test1");
}

#[test]
fn a_share_link_made_by_the_engine_opens_the_same_run() {
    let (mut engine, mut view) = started("my-podzz");
    send(&mut engine, &mut view, Request::Seek(12_000));
    let Reply::Fragment(fragment) = send(&mut engine, &mut view, Request::Share) else {
        panic!("no fragment");
    };
    let mut other = Engine::default();
    let mut opened = View::default();
    send(&mut other, &mut opened, Request::Open { fragment });
    assert_eq!(opened.clock.now, 12_000);
    assert_eq!(opened.scene, view.scene);
}

#[test]
fn tab_completes_through_the_engine() {
    let (mut engine, mut view) = started("my-podzz");
    let reply = send(
        &mut engine,
        &mut view,
        Request::Complete("kubectl desc".into()),
    );
    assert!(matches!(reply, Reply::Completion(c) if c.line == "kubectl describe "));
}

#[test]
fn a_lesson_shows_in_the_page_language_and_its_panel_sends_no_rows() {
    let (mut engine, mut view) = started("my-podzz");
    let Reply::Lessons(list) = send(
        &mut engine,
        &mut view,
        Request::Lessons {
            progress: Vec::new(),
        },
    ) else {
        panic!("no lesson list");
    };
    let first = list.first().expect("lessons");
    assert_eq!(first.done.0, 0);
    send(
        &mut engine,
        &mut view,
        Request::StartLesson {
            id: first.id.clone(),
            marks: None,
        },
    );
    let lesson = view.lesson.clone().expect("the lesson followed");
    assert_eq!(lesson.title, first.title);
    assert_eq!(*view.rows, Rows::None);
    send(&mut engine, &mut view, Request::SetLang(Lang::Zh));
    assert_ne!(view.lesson.as_ref().unwrap().title, lesson.title);
    send(&mut engine, &mut view, Request::LeaveLesson);
    assert_eq!(view.lesson, None);
}

#[test]
fn an_edit_with_an_error_keeps_the_last_good_diagram_and_points_at_the_line() {
    let (mut engine, mut view) = started("my-podzz");
    let layout = view.layout.clone();
    let broken = view.yaml.replacen("    image:", "    imagez:", 1);
    let line = 1 + broken.lines().position(|l| l.contains("imagez")).unwrap();
    send(&mut engine, &mut view, Request::Edit(broken.clone()));
    assert_eq!(view.yaml, broken);
    assert!(view.stale);
    assert_eq!(view.layout, layout);
    let problem = view.problems.first().expect("a problem");
    assert_eq!(problem.span.line, line);
    assert!(!problem.explanation.en.is_empty());
}

#[test]
fn edits_in_a_row_wait_as_one_and_other_requests_keep_their_order() {
    let mut waiting = Vec::new();
    for request in [
        Request::Edit("a".into()),
        Request::Edit("ab".into()),
        command("kubectl get pods"),
        Request::Edit("abc".into()),
        Request::Edit("abcd".into()),
        Request::Seek(5_000),
    ] {
        enqueue(&mut waiting, request);
    }
    assert_eq!(
        waiting,
        [
            Request::Edit("ab".into()),
            command("kubectl get pods"),
            Request::Edit("abcd".into()),
            Request::Seek(5_000),
        ]
    );
}

#[test]
fn the_page_is_told_which_container_never_sleeps_and_when_none_does() {
    let (mut engine, mut view) = started("my-podzz");
    let spin = example("my-podzz").unwrap().yaml.replacen(
        "command:",
        "command: ['sh', '-c', 'while true; do :; done']\n    args:",
        1,
    );
    send(&mut engine, &mut view, Request::Edit(spin));
    send(&mut engine, &mut view, Request::Seek(30_000));
    let busy = view.busiest.clone().expect("a container that never sleeps");
    assert_eq!(view, told_afresh(&mut engine));
    send(&mut engine, &mut view, Request::ResetExample);
    send(&mut engine, &mut view, Request::Seek(60_000));
    assert_eq!(view.busiest, None, "{busy} sleeps again");
}
