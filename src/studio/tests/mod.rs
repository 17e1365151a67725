//! The playground model, as a learner drives it: edit, play, seek, step,
//! type commands; each test named by what the learner should see.

use super::*;
use crate::i18n::Lang;
use crate::layout::ContainerKind;
use crate::scene::{PacketKind, StateKind};

mod ahead;

const MY_PODZZ: &str = include_str!("../../../examples/my-podzz.yaml");
const POD_TEST1: &str = include_str!("../../../examples/pod-test1.yaml");
const MYAPP_POD: &str = include_str!("../../../examples/myapp-pod.yaml");
const MYSERVICE: &str = include_str!("../../../examples/myservice.yaml");
const MYDB: &str = include_str!("../../../examples/mydb.yaml");

fn studio(yaml: &str) -> Studio {
    Studio::new(yaml.to_string(), Vec::new())
}

fn at(seconds: u64) -> SimTime {
    SimTime::from_secs(seconds)
}

#[test]
fn the_producer_writes_into_the_volume_and_the_consumer_reads_it() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(30));
    let scene = studio.scene().expect("a scene");
    assert_eq!(scene.status, "Running");
    assert_eq!(scene.ready, "2/2");
    assert!(scene.pause.running);
    assert!(scene.pause.ip.is_some() && scene.pause.mac.is_some());
    let states: Vec<StateKind> = scene.containers.iter().map(|c| c.state).collect();
    assert_eq!(states, [StateKind::Running, StateKind::Running]);
    let volume = &scene.volumes[0];
    assert_eq!(volume.source, "emptyDir");
    assert_eq!(volume.files[0].path, "hello");
    let last: u32 = volume.files[0]
        .last_line
        .as_deref()
        .unwrap()
        .parse()
        .unwrap();
    assert!((25..=30).contains(&last), "last line {last}");
    // The consumer logs what the producer wrote.
    assert_eq!(
        scene.containers[1].last_log.as_deref(),
        volume.files[0].last_line.as_deref()
    );
    let writes = scene.packets.iter().any(|p| {
        p.container == "producer"
            && p.kind
                == PacketKind::Write {
                    volume: "shared-volume".into(),
                }
    });
    let reads = scene.packets.iter().any(|p| {
        p.container == "consumer"
            && p.kind
                == PacketKind::Read {
                    volume: "shared-volume".into(),
                }
    });
    assert!(writes && reads, "{:?}", scene.packets);
    assert_eq!(
        scene.narration.text(Lang::En),
        "producer writes into volume shared-volume; consumer reads the same files from it."
    );
}

#[test]
fn the_first_instants_show_the_sandbox_then_the_pull() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(SimTime::from_millis(300));
    let scene = studio.scene().expect("a scene");
    assert!(!scene.pause.running);
    assert!(scene.pause.creating.is_some());
    assert_eq!(scene.status, "ContainerCreating");
    studio.seek(SimTime::from_millis(1_000));
    let scene = studio.scene().expect("a scene");
    assert!(scene.pause.running);
    let pulling = scene.containers[0].pulling.expect("pulling");
    assert!(pulling.permille < 1000 && pulling.left_millis > 0);
    assert!(scene
        .narration
        .text(Lang::En)
        .starts_with("Pulling image \"centos:7\""));
}

#[test]
fn seeking_back_and_forth_gives_the_same_picture() {
    let mut studio = studio(POD_TEST1);
    studio.seek(at(75));
    let first = studio.scene();
    let first_terminal = studio.terminal().to_vec();
    studio.seek(at(12));
    assert_eq!(studio.now(), at(12));
    assert_ne!(studio.scene(), first);
    studio.seek(at(75));
    assert_eq!(studio.scene(), first);
    assert_eq!(studio.terminal(), first_terminal);
}

#[test]
fn a_crashing_container_counts_down_its_back_off() {
    let mut studio = studio(POD_TEST1);
    studio.seek(at(45));
    let scene = studio.scene().expect("a scene");
    let nginx = &scene.containers[0];
    assert_eq!(nginx.reason, "CrashLoopBackOff");
    assert_eq!(nginx.state, StateKind::Waiting);
    assert!(nginx.restarts >= 2);
    let back_off = nginx.back_off.expect("a back-off under way");
    assert!(back_off.left_millis > 0 && back_off.permille < 1000);
    assert!(scene
        .narration
        .text(Lang::En)
        .starts_with("nginx exited with code 0; the kubelet waits"));
}

#[test]
fn an_edit_reruns_from_the_start_and_returns_to_the_same_time() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(20));
    studio.edit(MY_PODZZ.replace(
        "\n  volumes:",
        "\n  - name: sidecar\n    image: busybox\n    command: [\"sleep\", \"3600\"]\n\n  volumes:",
    ));
    assert_eq!(studio.now(), at(20));
    let scene = studio.scene().expect("a scene");
    assert_eq!(scene.containers.len(), 3);
    assert_eq!(scene.containers[2].state, StateKind::Running);
    assert_eq!(studio.layout().expect("a layout").containers.len(), 3);
}

#[test]
fn a_broken_edit_keeps_the_running_pod_and_reports_the_line() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(20));
    let before = studio.scene();
    studio.edit(MY_PODZZ.replace("  - name: consumer", "  - name: consumer\n bad"));
    assert!(studio.has_errors());
    assert_eq!(studio.diagnostics[0].span.line, 16);
    assert_eq!(studio.scene(), before);
}

#[test]
fn init_containers_wait_until_the_services_are_applied_from_the_terminal() {
    let files = vec![
        ("myservice.yaml".to_string(), MYSERVICE.to_string()),
        ("mydb.yaml".to_string(), MYDB.to_string()),
    ];
    let mut studio = Studio::new(MYAPP_POD.to_string(), files);
    studio.seek(at(30));
    let scene = studio.scene().expect("a scene");
    assert_eq!(scene.status, "Init:0/2");
    assert_eq!(scene.containers[0].kind, ContainerKind::Init);
    assert!(scene.containers[2].locked);
    assert!(scene.narration.text(Lang::En).starts_with(
        "init-myservice waits: `nslookup myservice` fails, no Service of that name exists yet."
    ));
    studio.type_command("kubectl apply -f myservice.yaml".into(), None);
    studio.type_command("kubectl apply -f mydb.yaml".into(), None);
    studio.seek(at(60));
    let scene = studio.scene().expect("a scene");
    assert_eq!(scene.status, "Running");
    assert!(scene.containers[0].done && scene.containers[1].done);
    // Back before the commands: waiting again; forward: they replay.
    studio.seek(at(10));
    assert_eq!(studio.scene().unwrap().status, "Init:0/2");
    studio.seek(at(60));
    assert_eq!(studio.scene().unwrap().status, "Running");
    let typed: Vec<&str> = studio.history().collect();
    assert_eq!(
        typed,
        [
            "kubectl apply -f myservice.yaml",
            "kubectl apply -f mydb.yaml"
        ]
    );
}

#[test]
fn a_command_typed_after_seeking_back_replaces_the_later_ones() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(30));
    studio.type_command("kubectl get pods".into(), None);
    studio.seek(at(10));
    studio.type_command("kubectl delete pod my-podzz --wait=false".into(), None);
    let typed: Vec<&str> = studio.history().collect();
    assert_eq!(typed, ["kubectl delete pod my-podzz --wait=false"]);
}

#[test]
fn the_terminal_starts_with_the_editors_apply() {
    let studio = studio(MY_PODZZ);
    assert_eq!(
        studio.terminal()[..2],
        [
            TerminalEntry::Command {
                prompt: "$ ".into(),
                line: "kubectl apply -f pod.yaml".into()
            },
            TerminalEntry::Output("pod/my-podzz created\n".into()),
        ]
    );
}

#[test]
fn step_stops_at_the_next_thing_that_happens_to_the_pod() {
    let mut studio = studio(MY_PODZZ);
    let mut times = Vec::new();
    for _ in 0..4 {
        studio.step();
        times.push(studio.now());
    }
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    assert!(times[3] < at(10), "{times:?}");
    assert!(!studio.markers().is_empty());
}

#[test]
fn playing_advances_by_ticks_at_the_chosen_speed() {
    let mut studio = studio(MY_PODZZ);
    studio.tick();
    assert_eq!(studio.now(), SimTime::ZERO);
    studio.playing = true;
    studio.speed = SPEEDS.iter().position(|s| *s == 600).unwrap();
    studio.tick();
    assert_eq!(studio.now(), SimTime::from_millis(TICK_MILLIS * 60));
}

#[test]
fn the_same_inputs_give_the_same_picture_twice() {
    let run = || {
        let mut studio = studio(MY_PODZZ);
        studio.seek(at(40));
        studio.type_command(
            "kubectl exec my-podzz -c consumer -- cat /consumer_dir/hello".into(),
            None,
        );
        studio.seek(at(90));
        (
            studio.scene(),
            studio.terminal().to_vec(),
            studio.markers(),
            studio.events(),
        )
    };
    assert_eq!(run(), run());
}

#[test]
fn a_comment_changes_the_file_but_not_the_run() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(30));
    let before = (studio.scene(), studio.terminal().to_vec());
    studio.edit(format!("# my first pod\n{MY_PODZZ}"));
    assert_eq!((studio.scene(), studio.terminal().to_vec()), before);
    studio.type_command("cat pod.yaml".into(), None);
    let TerminalEntry::Output(text) = studio.terminal().last().unwrap() else {
        panic!("cat prints the file");
    };
    assert!(text.starts_with("# my first pod\n"));
}

#[test]
fn the_terminals_apply_of_a_changed_pod_is_refused_as_pods_are_immutable() {
    let mut studio = studio(MY_PODZZ);
    studio.seek(at(5));
    let changed = MY_PODZZ.replace("tail -f /consumer_dir/hello", "cat /consumer_dir/hello");
    studio.type_command("kubectl apply -f -".into(), Some(changed));
    let TerminalEntry::Error(text) = studio.terminal().last().unwrap() else {
        panic!(
            "the apply is refused on stderr: {:?}",
            studio.terminal().last()
        );
    };
    assert!(text.starts_with("The Pod \"my-podzz\" is invalid: spec: Forbidden: pod updates may not change fields other than"), "{text}");
}

#[test]
fn a_volume_of_thousands_of_files_is_counted_up_to_a_bound() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\nspec:\n  containers:\n  - name: maker\n    image: busybox\n    command: [\"sh\", \"-c\", \"for i in $(seq 1 5000); do touch /data/f$i; done; sleep 3600\"]\n    volumeMounts:\n    - name: data\n      mountPath: /data\n  volumes:\n  - name: data\n    emptyDir: {}\n";
    let mut studio = studio(yaml);
    studio.seek(at(120));
    let scene = studio.scene().expect("a scene");
    assert_eq!(scene.volumes[0].file_count, crate::scene::MAX_INDEXED_FILES);
    assert_eq!(scene.volumes[0].files.len(), 6);
}

#[test]
fn a_request_from_the_node_enters_the_pod_through_eth0() {
    let nginx = crate::examples::example("static-web").unwrap().yaml;
    let mut studio = studio(nginx);
    studio.seek(at(30));
    let ip = studio.scene().unwrap().pause.ip.unwrap();
    studio.type_command(format!("curl -s http://{ip}/"), None);
    let scene = studio.scene().unwrap();
    assert!(
        scene
            .packets
            .iter()
            .any(|p| p.kind == PacketKind::Inbound { port: 80 }),
        "{:?}",
        scene.packets
    );
    assert!(scene
        .narration
        .text(Lang::En)
        .starts_with("A connection from outside the pod reaches port 80"));
}
