//! Running ahead in slices (as the page's Worker does) and the busiest
//! container: each test named by what the learner should see.

use super::*;
use crate::runtime::Budget;

#[test]
fn the_busiest_container_is_the_one_that_never_sleeps() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: busy
spec:
  containers:
  - name: spin
    image: busybox:1.28
    command: ['sh', '-c', 'while true; do echo x; done']
  - name: sleeper
    image: busybox:1.28
    command: ['sh', '-c', 'while true; do sleep 1; done']
";
    let mut busy = studio(yaml);
    busy.seek(at(30));
    assert_eq!(busy.busiest_container(), Some("spin"));
    busy.seek(at(31));
    assert_eq!(busy.busiest_container(), Some("spin"));
    let calm = yaml.replace("while true; do echo x; done", "sleep 3600");
    let mut calm = studio(&calm);
    calm.seek(at(30));
    assert_eq!(calm.busiest_container(), None);
}

/// A pod of one busybox container running `script`.
fn busy_pod(script: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: spin\nspec:\n  containers:\n  - name: spin\n    image: busybox\n    command: [\"sh\", \"-c\", {script:?}]\n"
    )
}

/// What a learner sees of a studio.
fn seen(studio: &Studio) -> impl PartialEq + std::fmt::Debug {
    (
        studio.now(),
        studio.scene(),
        studio.terminal().to_vec(),
        studio.events(),
        studio.logs(),
    )
}

#[test]
fn a_run_ahead_in_slices_ends_where_one_seek_ends() {
    // Busy containers start about a second in (the image pull); 1.2 s of
    // virtual time keeps the test quick in a debug build.
    let pods = [
        MY_PODZZ.to_string(),
        busy_pod("while true; do echo x; done"),
        busy_pod("f(){ f & f & }; f"),
    ];
    let end = SimTime::from_millis(1200);
    for yaml in &pods {
        let mut whole = studio(yaml);
        whole.seek(end);
        for slice in [7, 250] {
            let mut sliced = studio(yaml);
            sliced.sliced = true;
            sliced.seek(end);
            assert_eq!(sliced.now(), SimTime::ZERO, "a sliced seek only sets off");
            while sliced.run_ahead(slice, Budget::unlimited()) {}
            assert_eq!(
                seen(&sliced),
                seen(&whole),
                "slices of {slice} ms of {yaml}"
            );
        }
    }
}

#[test]
fn a_sliced_seek_back_restarts_from_zero_and_replays_the_commands_on_the_way() {
    let mut whole = studio(MY_PODZZ);
    whole.seek(at(20));
    whole.type_command("kubectl get pods".into(), None);
    whole.seek(at(40));
    let mut sliced = studio(MY_PODZZ);
    sliced.seek(at(20));
    sliced.type_command("kubectl get pods".into(), None);
    sliced.seek(at(50));
    sliced.sliced = true;
    sliced.seek(at(40));
    assert_eq!(sliced.goal(), Some(at(40)));
    assert!(sliced.now() < at(20));
    while sliced.run_ahead(500, Budget::unlimited()) {}
    assert_eq!(sliced.goal(), None);
    assert_eq!(seen(&sliced), seen(&whole));
}

#[test]
fn a_stopped_run_ahead_stays_where_it_got_to_and_ticks_wait_for_the_last() {
    let mut studio = studio(MY_PODZZ);
    studio.sliced = true;
    studio.playing = true;
    studio.tick();
    let goal = studio.goal().expect("a tick sets off");
    assert_eq!(goal, SimTime::from_millis(TICK_MILLIS));
    studio.tick();
    assert_eq!(
        studio.goal(),
        Some(goal),
        "a tick on its way is not stretched"
    );
    studio.seek(at(60));
    studio.run_ahead(1000, Budget::unlimited());
    studio.stop();
    assert_eq!(studio.now(), at(1));
    assert!(!studio.run_ahead(1000, Budget::unlimited()));
    assert_eq!(studio.now(), at(1));
}

#[test]
fn a_run_cut_by_any_work_budget_ends_where_one_seek_ends() {
    // The hostile pods: a loop that prints, `yes`, and a fork loop, whose
    // instants hold thousands of process runs. A budget of one step stops
    // after every single run; each piece then goes on where the last
    // stopped, inside the instant.
    // Their containers start at about 1.1 s (the image pull); the fork
    // loop runs 2,000 processes a millisecond from 1.105 s on.
    let pods = [
        (busy_pod("while true; do echo x; done"), 1300),
        (busy_pod("yes"), 1300),
        (busy_pod("f(){ f & f & }; f"), 1107),
    ];
    for (yaml, millis) in &pods {
        let end = SimTime::from_millis(*millis);
        let mut whole = studio(yaml);
        whole.seek(end);
        for (slice, steps) in [(250, 1), (7, 1), (1, 50_000), (250, 3_000_000)] {
            let mut sliced = studio(yaml);
            sliced.sliced = true;
            sliced.seek(end);
            let mut pieces = 0;
            while sliced.run_ahead(slice, Budget::steps(steps)) {
                pieces += 1;
            }
            assert_eq!(
                seen(&sliced),
                seen(&whole),
                "pieces of {slice} ms and {steps} steps of {yaml}"
            );
            assert!(pieces > 1, "{yaml} ran in {pieces} pieces");
        }
    }
}
