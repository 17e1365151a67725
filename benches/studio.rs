//! Benchmark: what the playground does per keystroke and per frame, natively
//! (goal in the browser: keystroke → diagram ≤ 2 ms p95; the browser figure
//! comes from `benches/browser/run.mjs`). An edit reruns the simulation from
//! zero back to the same virtual time; a frame builds the scene. Run with
//! `cargo bench --bench studio`.
//!
//! A keystroke in a 1 MB manifest (issue 15; goal: under 16 ms, the whole
//! core's part: parse, validate, rerun, and the engine's update): shapes a
//! learner may paste (a long env list, a big ConfigMap, a long script, a
//! page of comments), each keystroke changing the objects (a label's value)
//! or only a comment.

use podplay::clock::SimTime;
use podplay::engine::{Engine, Request};
use podplay::examples::EXAMPLES;
use podplay::marks::{mark_runs, Problem};
use podplay::outline::declared_pod;
use podplay::spec::parse_manifests;
use podplay::studio::Studio;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `PODPLAY_BENCH_RUNS=N` runs each benchmark's work exactly N times,
/// untimed and without warm-up, so `scripts/bench-instructions.sh` can count
/// its instructions.
fn fixed_runs() -> Option<u32> {
    std::env::var("PODPLAY_BENCH_RUNS").ok()?.parse().ok()
}

fn measure(name: &str, runs: u32, mut work: impl FnMut()) {
    if let Some(fixed) = fixed_runs() {
        for _ in 0..fixed {
            work();
        }
        println!("{name}");
        return;
    }
    work();
    let started = Instant::now();
    for _ in 0..runs {
        work();
    }
    let mean: Duration = started.elapsed() / runs;
    println!("{name:<52} {:>10.3} ms", mean.as_secs_f64() * 1e3);
}

/// A pod whose manifest is about `bytes` long, grown by `line(i)` lines
/// after `tail` (the pod's last field, indented for what follows).
fn megabyte(before: &str, tail: &str, line: impl Fn(usize) -> String, bytes: usize) -> String {
    let mut text = format!(
        "{before}apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  labels:\n    edit: a\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ['sh', '-c', 'sleep 3600']\n{tail}"
    );
    let mut index = 0;
    while text.len() < bytes {
        text.push_str(&line(index));
        index += 1;
    }
    text
}

/// The 1 MB manifests, by shape.
fn large_manifests() -> Vec<(&'static str, String)> {
    const MB: usize = 1_000_000;
    let mut config_map =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: data\ndata:\n".to_string();
    let mut key = 0;
    while config_map.len() < MB - 300 {
        config_map.push_str(&format!(
            "  key{key}: \"the value of key {key} in the map\"\n"
        ));
        key += 1;
    }
    config_map.push_str("---\n");
    vec![
        (
            "env list",
            megabyte(
                "",
                "    env:\n",
                |i| format!("    - name: VAR_{i}\n      value: \"value number {i}\"\n"),
                MB,
            ),
        ),
        ("ConfigMap", megabyte(&config_map, "", |_| String::new(), 0)),
        (
            "script",
            megabyte(
                "",
                "    args:\n    - |\n",
                |i| format!("      echo line {i} of a long script\n"),
                MB,
            ),
        ),
        (
            "comments",
            megabyte(
                "",
                "",
                |i| format!("# comment line {i}, nothing more to say here\n"),
                MB,
            ),
        ),
    ]
}

/// Keystrokes in the large manifests, through the engine as the page sends
/// them, and the core's parts the page runs itself (the editor's marks, the
/// outline before the engine loads).
fn large_edits(wanted: &dyn Fn(&str) -> bool) {
    for (shape, yaml) in large_manifests() {
        let name = format!("parse a 1 MB {shape}");
        if wanted(&name) {
            measure(&name, 5, || {
                black_box(parse_manifests(&yaml));
            });
        }
        let name = format!("marks of a 1 MB {shape} (page side)");
        if wanted(&name) {
            let problems: Vec<Problem> = parse_manifests(&yaml)
                .diagnostics()
                .map(Problem::from)
                .collect();
            measure(&name, 5, || {
                black_box(mark_runs(&yaml, &problems));
            });
        }
        let name = format!("outline of a 1 MB {shape} (page side)");
        if wanted(&name) {
            measure(&name, 5, || {
                black_box(declared_pod(&yaml));
            });
        }
        for (what, from, to) in [
            ("a label", "    edit: a\n", "    edit: b\n"),
            ("a comment", "\nspec:\n", "\nspec: # b\n"),
        ] {
            let name = format!("keystroke in a 1 MB {shape}: {what}");
            if !wanted(&name) {
                continue;
            }
            let mut engine = Engine::default();
            engine.handle(Request::Edit(yaml.clone()));
            engine.handle(Request::Seek(30_000));
            let changed = yaml.replacen(from, to, 1);
            let mut toggle = false;
            measure(&name, 5, || {
                toggle = !toggle;
                let text = if toggle { &changed } else { &yaml };
                black_box(engine.handle(Request::Edit(text.clone())));
            });
        }
    }
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    for example in EXAMPLES {
        for seconds in [30, 300] {
            let name = format!("edit {} at {seconds}s", example.id);
            if !wanted(&name) {
                continue;
            }
            let mut studio = Studio::new(example.yaml.to_string(), Vec::new());
            studio.seek(SimTime::from_secs(seconds));
            // A label's value changes the pod, so each edit reruns from zero
            // (a comment alone would keep the run). It joins the pod's own
            // labels where it has some: a second `labels:` would be dropped
            // as a duplicate key, leaving nothing changed.
            let label = |value: &str| match example.yaml.find("\n  labels:\n") {
                Some(_) => example.yaml.replacen(
                    "\n  labels:\n",
                    &format!("\n  labels:\n    edit: {value}\n"),
                    1,
                ),
                None => example.yaml.replacen(
                    "metadata:\n",
                    &format!("metadata:\n  labels:\n    edit: {value}\n"),
                    1,
                ),
            };
            studio.edit(label("a"));
            assert!(!studio.has_errors(), "{name}: the labelled pod has errors");
            let mut toggle = false;
            measure(&name, 20, || {
                toggle = !toggle;
                let labelled = label(if toggle { "b" } else { "a" });
                studio.edit(labelled);
            });
        }
        let name = format!("scene {} at 30s", example.id);
        if wanted(&name) {
            let mut studio = Studio::new(example.yaml.to_string(), Vec::new());
            studio.seek(SimTime::from_secs(30));
            measure(&name, 200, || {
                black_box(studio.scene());
            });
        }
    }
    large_edits(&wanted);
}
