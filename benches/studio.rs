//! Benchmark: what the playground does per keystroke and per frame, natively
//! (goal in the browser: keystroke → diagram ≤ 2 ms p95; the browser figure
//! comes from `benches/browser/run.mjs`). An edit reruns the simulation from
//! zero back to the same virtual time; a frame builds the scene. Run with
//! `cargo bench --bench studio`.

use podplay::clock::SimTime;
use podplay::examples::EXAMPLES;
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
}
