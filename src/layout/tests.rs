//! The layout's tests: the seed pods' diagrams described as text
//! (expect-test snapshots), port chips and packets along their lines.

use super::*;
use crate::spec::parse_manifests;

/// Describes a diagram as text, one part per line, for snapshot tests.
fn describe(diagram: &Diagram) -> String {
    let r = |rect: &Rect| format!("{},{} {}x{}", rect.x, rect.y, rect.width, rect.height);
    let mut out = format!(
        "size {}x{}\nnode {} at {}\npod {} at {}\npause at {}\n",
        diagram.width,
        diagram.height,
        diagram.node_name,
        r(&diagram.node),
        diagram.pod_name,
        r(&diagram.pod),
        r(&diagram.pause)
    );
    for c in &diagram.containers {
        out += &format!("{:?} {} ({}) at {}\n", c.kind, c.name, c.image, r(&c.rect));
    }
    for v in &diagram.volumes {
        out += &format!("volume {} [{}] at {}\n", v.name, v.source, r(&v.rect));
    }
    for m in &diagram.mounts {
        out += &format!(
            "mount {:?} -> {:?} \"{}\" at {:?}\n",
            m.from, m.to, m.label, m.label_at
        );
    }
    out
}

#[test]
fn a_packet_travels_in_a_straight_line_and_stops_at_the_end() {
    assert_eq!(point_along((0, 0), (100, 50), 0), (0, 0));
    assert_eq!(point_along((0, 0), (100, 50), 500), (50, 25));
    assert_eq!(point_along((0, 0), (100, 50), 1500), (100, 50));
}

#[test]
fn port_chips_line_up_from_the_pause_bands_right_edge() {
    let parsed = parse_manifests(crate::examples::MY_PODZZ);
    let diagram = layout_pod(parsed.first_pod().unwrap(), "node-1");
    let (first, second) = (diagram.port_chip(0), diagram.port_chip(1));
    assert_eq!(
        first.x + first.width + 8,
        diagram.pause.x + diagram.pause.width
    );
    assert!(second.x + second.width < first.x);
    assert!(first.bottom() < diagram.pause.bottom());
    assert!(diagram.mount("producer", "shared-volume").is_some());
    let lights: Vec<(i32, i32)> = (0..5).map(|i| diagram.condition_light(i, 5)).collect();
    assert!(lights
        .windows(2)
        .all(|w| w[0].0 + 16 == w[1].0 && w[0].1 == w[1].1));
    assert_eq!(lights[4].0, diagram.pod.x + diagram.pod.width - 16);
    assert_eq!(
        diagram.eth0(),
        (diagram.pod.x + diagram.pod.width, diagram.pause.center().1)
    );
}

fn check(yaml: &str, expected: expect_test::Expect) {
    let parsed = parse_manifests(yaml);
    let pod = parsed.first_pod().expect("a pod");
    expected.assert_eq(&describe(&layout_pod(pod, "node-1")));
}

#[test]
fn the_seed_pod_has_two_containers_mounting_one_shared_volume() {
    check(
        crate::examples::MY_PODZZ,
        expect_test::expect![[r#"
            size 496x448
            node node-1 at 0,0 496x448
            pod my-podzz at 16,46 464x386
            pause at 36,76 424x64
            App producer (centos:7) at 36,162 200x104
            App consumer (centos:7) at 260,162 200x104
            volume shared-volume [emptyDir] at 36,336 200x76
            mount (136, 266) -> (136, 336) "/producer_dir" at (136, 287)
            mount (360, 266) -> (136, 336) "/consumer_dir" at (304, 287)
        "#]],
    );
}

#[test]
fn init_containers_get_their_own_row_and_sidecars_are_marked() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - name: setup\n    image: busybox\n  - name: proxy\n    image: envoy\n    restartPolicy: Always\n  containers:\n  - name: app\n    image: nginx\n",
        expect_test::expect![[r#"
            size 496x428
            node node-1 at 0,0 496x428
            pod p at 16,46 464x366
            pause at 36,76 424x64
            Init setup (busybox) at 36,162 200x104
            Sidecar proxy (envoy) at 260,162 200x104
            App app (nginx) at 36,288 200x104
        "#]],
    );
}

#[test]
fn several_mounts_spread_along_the_container_and_read_only_is_shown() {
    check(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a-very-long-pod-name-that-does-not-fit\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: a\n      mountPath: /a\n    - name: b\n      mountPath: /b\n      readOnly: true\n    - name: missing\n      mountPath: /m\n  volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    configMap:\n      name: cm\n",
        expect_test::expect![[r#"
            size 496x448
            node node-1 at 0,0 496x448
            pod a-very-long-pod-name-th… at 16,46 464x386
            pause at 36,76 424x64
            App app (nginx) at 36,162 200x104
            volume a [emptyDir] at 36,336 200x76
            volume b [configMap] at 260,336 200x76
            mount (69, 266) -> (136, 336) "/a" at (85, 287)
            mount (136, 266) -> (360, 336) "/b (ro)" at (192, 287)
        "#]],
    );
}
