//! Benchmark: what the page module does per keystroke, on a 1 MB pod (one
//! container with 16,000 `env` entries). The editor counts the lines and
//! finds the widest (`LineIndex`) and colours and marks the window of
//! lines it draws (`window_runs`); `mark_runs` over the whole text is what
//! it did before it drew a window. The outline (`declared_pod`) is drawn
//! only until the engine has loaded; packing a run (`Shared::to_fragment`)
//! happens at load when a reload kept commands typed. Goal: a keystroke's
//! share under 2 ms natively (the page's budget is 16 ms in the browser,
//! `benches/browser/run.mjs`).
//! Run with `cargo bench --bench editor`; figures go to the README.

use podplay::marks::{mark_runs, window_runs, LineIndex, Problem, WINDOW_LINES};
use podplay::outline::declared_pod;
use podplay::share::Shared;
use podplay::spec::parse_manifests;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `work` repeatedly for about half a second and returns the mean time.
fn measure(work: impl Fn()) -> Duration {
    for _ in 0..3 {
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

/// A valid pod of about 1 MB: one container with `entries` env variables.
fn big_pod(entries: usize) -> String {
    let mut text = String::from(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    env:\n",
    );
    for index in 0..entries {
        text.push_str(&format!(
            "    - name: SETTING_{index:05}\n      value: \"value number {index:05} of the big pod\"\n"
        ));
    }
    text
}

fn main() {
    let text = big_pod(16_000);
    let problems: Vec<Problem> = parse_manifests(&text)
        .diagnostics()
        .map(Problem::from)
        .collect();
    let index = LineIndex::new(&text);
    let lines = index.lines();
    println!(
        "a pod of {} bytes, {lines} lines, {} problems",
        text.len(),
        problems.len()
    );
    let report = |name: &str, mean: Duration| {
        println!("{name:<44} {:>10.3} ms", mean.as_secs_f64() * 1e3);
    };
    report(
        "LineIndex::new and widest (once per keystroke)",
        measure(|| {
            black_box(LineIndex::new(black_box(&text)).widest());
        }),
    );
    for (name, first) in [("top", 0), ("middle", lines / 2), ("end", lines - 50)] {
        report(
            &format!("window_runs, {WINDOW_LINES} lines at the {name}"),
            measure(|| {
                black_box(window_runs(
                    black_box(&text),
                    &index,
                    &problems,
                    first,
                    WINDOW_LINES,
                ));
            }),
        );
    }
    report(
        "mark_runs over the whole text (before)",
        measure(|| {
            black_box(mark_runs(black_box(&text), &problems));
        }),
    );
    report(
        "declared_pod (the outline, before load)",
        measure(|| {
            black_box(declared_pod(black_box(&text)));
        }),
    );
    let shared = Shared {
        example: "my-podzz".to_string(),
        millis: 30_000,
        commands: vec![(1_000, "kubectl get pods".to_string(), None)],
        yaml: text.clone(),
    };
    report(
        "Shared::to_fragment (a reload's repack)",
        measure(|| {
            black_box(black_box(&shared).to_fragment());
        }),
    );
}
