//! The outline's tests: every shipped pod read without the simulation lays
//! out and starts as the parsed and simulated pod does.

use super::*;
use crate::layout::layout_pod;
use crate::sim::NODE_NAME;
use crate::spec::parse_manifests;
use crate::studio::Studio;

/// A shipped starting text (an example's or a lesson's): its id, its YAML
/// and the files beside it.
type Shipped = (String, String, Vec<(String, String)>);

/// Every shipped starting text.
fn shipped_texts() -> Vec<Shipped> {
    let examples = crate::examples::EXAMPLES.iter().map(|example| {
        let files = example
            .files
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        (example.id.to_string(), example.yaml.to_string(), files)
    });
    let lessons = crate::lessons::all().into_iter().map(|lesson| {
        (
            format!("lesson {}", lesson.id),
            lesson.pod_yaml().to_string(),
            lesson.files(),
        )
    });
    examples.chain(lessons).collect()
}

#[test]
fn the_outline_draws_every_shipped_pod_exactly_as_the_simulation_will() {
    let mut drawn = 0;
    for (id, yaml, _) in shipped_texts() {
        let parsed = parse_manifests(&yaml);
        let declared = declared_pod(&yaml);
        match (parsed.first_pod(), &declared) {
            (Some(real), Some(declared)) => {
                assert_eq!(
                    layout_pod(declared, NODE_NAME),
                    layout_pod(real, NODE_NAME),
                    "{id}"
                );
                drawn += 1;
            }
            (None, None) => {}
            (real, declared) => panic!(
                "{id}: the parser finds a pod: {}, the outline: {}",
                real.is_some(),
                declared.is_some()
            ),
        }
    }
    assert!(drawn >= crate::examples::EXAMPLES.len());
}

#[test]
fn the_declared_scene_is_the_simulations_scene_at_time_zero() {
    let mut compared = 0;
    for (id, yaml, files) in shipped_texts() {
        let Some(mut simulated) = Studio::new(yaml.clone(), files).scene() else {
            continue;
        };
        // Which Services a container looks up and the cluster lacks is a
        // fact about the cluster, not the declaration: left to the simulation.
        for container in &mut simulated.containers {
            container.missing_service = None;
        }
        let declared = declared_scene(&declared_pod(&yaml).expect(&id));
        assert_eq!(declared, simulated, "{id}");
        compared += 1;
    }
    assert!(compared >= crate::examples::EXAMPLES.len());
}

#[test]
fn a_pod_with_init_containers_waits_for_them_with_its_app_containers_locked() {
    let pod = declared_pod(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - name: setup\n    image: busybox\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n",
    )
    .unwrap();
    assert_eq!(pod.spec.containers[0].ports[0].container_port, 80);
    let scene = declared_scene(&pod);
    let kinds: Vec<_> = scene
        .containers
        .iter()
        .map(|c| (c.kind, c.locked))
        .collect();
    assert_eq!(
        kinds,
        [
            (ContainerKind::Init, false),
            (ContainerKind::Sidecar, false),
            (ContainerKind::App, true)
        ]
    );
    assert_eq!(
        (scene.status.as_str(), scene.ready.as_str()),
        ("Pending", "0/2")
    );
    assert!(scene.containers.iter().all(|c| c.reason.is_empty()));
}

#[test]
fn volumes_keep_their_source_and_a_volume_without_one_is_an_empty_dir() {
    let pod = declared_pod(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  hostname: box\n  shareProcessNamespace: true\n  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: a\n    hostPath:\n      path: /tmp\n  - name: b\n  - name: c\n    persistentVolumeClaim:\n      claimName: data\n",
    )
    .unwrap();
    let scene = declared_scene(&pod);
    let volumes: Vec<_> = scene
        .volumes
        .iter()
        .map(|v| (v.name.as_str(), v.source.as_str()))
        .collect();
    assert_eq!(
        volumes,
        [
            ("a", "hostPath"),
            ("b", "emptyDir"),
            ("c", "persistentVolumeClaim")
        ]
    );
    assert_eq!(scene.pause.hostname, "box");
    assert!(scene.pause.shared_pid);
}

#[test]
fn the_first_pod_of_several_documents_is_the_one_declared() {
    let pod = declared_pod(
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n  namespace: team\nspec:\n  containers:\n  - name: app\n    image: nginx\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: second\nspec:\n  containers:\n  - name: app\n    image: nginx\n",
    )
    .unwrap();
    assert_eq!(pod.metadata.name, "first");
    assert_eq!(declared_scene(&pod).namespace, "team");
}

#[test]
fn the_outline_names_nothing_the_page_module_leaves_out() {
    let source = include_str!("mod.rs");
    let (code, _) = source.split_once("#[cfg(test)]").unwrap();
    let code: String = code
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect();
    for name in [
        "crate::sim",
        "crate::kubectl",
        "crate::runtime",
        "crate::studio",
        "serde",
        "decode",
        "parse_manifests",
    ] {
        assert!(!code.contains(name), "{name}");
    }
}

#[test]
fn text_the_diagram_could_not_draw_gives_no_pod() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n";
    let mut alias_bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        alias_bomb += &format!(
            "{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
            (b'a' + level) as char,
            (b'a' + level) as char,
            p = (b'a' + level - 1) as char,
        );
    }
    alias_bomb += pod;
    let cases = [
        ("broken YAML", format!("{pod}  - name: [\n")),
        (
            "a Service only",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n"
                .to_string(),
        ),
        ("empty", String::new()),
        ("10 MB", format!("{pod}# {}\n", "x".repeat(10 << 20))),
        ("an alias bomb", alias_bomb),
        ("no name", pod.replace("name: p", "labels: {}")),
        ("no containers", pod.replace("containers:", "volumes:")),
        ("no apiVersion", pod.replace("apiVersion: v1\n", "")),
        ("a list", "- 1\n- 2\n".to_string()),
    ];
    for (what, text) in cases {
        assert_eq!(declared_pod(&text), None, "{what}");
    }
}
