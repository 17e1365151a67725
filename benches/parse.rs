//! Benchmark: parse + default + validate of each seed manifest and of a
//! 100-container pod. Goal: at most 1 ms per seed pod natively.
//! Run with `cargo bench --bench parse`; figures go to the README.

use podplay::spec::parse_manifests;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// `PODPLAY_BENCH_RUNS=N` runs each benchmark's work exactly N times,
/// untimed and without warm-up, so `scripts/bench-instructions.sh` can count
/// its instructions.
fn fixed_runs() -> Option<u32> {
    std::env::var("PODPLAY_BENCH_RUNS").ok()?.parse().ok()
}

/// Runs `work` repeatedly for about half a second and returns the mean time.
fn measure(work: impl Fn()) -> Duration {
    for _ in 0..10 {
        work();
    }
    let started = Instant::now();
    let mut runs = 0u32;
    while started.elapsed() < Duration::from_millis(500) {
        work();
        runs += 1;
    }
    started.elapsed() / runs
}

fn main() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(&examples)
        .expect("examples/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    let mut inputs: Vec<(String, String)> = names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(examples.join(&name)).expect("readable");
            (name, text)
        })
        .collect();
    let mut crowd =
        String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: crowd\nspec:\n  containers:\n");
    for index in 0..100 {
        crowd.push_str(&format!(
            "  - name: c{index}\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    ports:\n    - containerPort: {}\n    volumeMounts:\n    - name: data\n      mountPath: /data\n",
            8000 + index
        ));
    }
    crowd.push_str("  volumes:\n  - name: data\n    emptyDir: {}\n");
    inputs.push(("100 containers (generated)".to_string(), crowd));

    // `cargo bench --bench parse -- crowd` runs only the matching lines.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    if let Some(fixed) = fixed_runs() {
        for (name, text) in inputs.iter().filter(|(name, _)| wanted(name)) {
            for _ in 0..fixed {
                black_box(parse_manifests(black_box(text)));
            }
            println!("{name}");
        }
        return;
    }
    println!("{:<34} {:>12}", "manifest", "parse+validate");
    for (name, text) in inputs.iter().filter(|(name, _)| wanted(name)) {
        let mean = measure(|| {
            black_box(parse_manifests(black_box(text)));
        });
        println!("{name:<34} {:>9.1} µs", mean.as_secs_f64() * 1e6);
    }
}
