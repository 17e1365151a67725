//! Benchmark: every example pod of the seeds on the simulated node for 24 h
//! of virtual time (goal: at most 50 ms each natively, with flat memory), and
//! replaying a one-hour run to a point in it, as scrubbing does (goal: at most
//! 16 ms). Run with `cargo bench --bench kubelet`.

use podplay::clock::SimTime;
use podplay::sim::Cluster;
use podplay::spec::parse_manifests;
use std::hint::black_box;
use std::time::{Duration, Instant};

const HOUR: u64 = 3_600_000;

/// A cluster with every document of the example files applied at time zero.
fn cluster_with(files: &[&str]) -> Cluster {
    let mut cluster = Cluster::new();
    for file in files {
        let path = format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the example exists");
        for document in parse_manifests(&text).documents {
            if let Some(manifest) = document.manifest {
                cluster.apply(manifest);
            }
        }
    }
    cluster
}

fn run(files: &[&str], millis: u64) -> usize {
    let mut cluster = cluster_with(files);
    cluster.run_until(SimTime::from_millis(millis));
    cluster.timeline().count()
}

/// `PODPLAY_BENCH_RUNS=N` runs each benchmark's work exactly N times,
/// untimed and without warm-up, so `scripts/bench-instructions.sh` can count
/// its instructions.
fn fixed_runs() -> Option<u32> {
    std::env::var("PODPLAY_BENCH_RUNS").ok()?.parse().ok()
}

fn measure(name: &str, runs: u32, work: impl Fn()) {
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
    println!("{name:<52} {:>10.2} ms", mean.as_secs_f64() * 1e3);
}

fn main() {
    // `cargo bench --bench kubelet -- my-podzz` runs only the matching lines.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    let pods: &[(&str, &[&str])] = &[
        ("my-podz (nginx + java demo), 24 h", &["my-podz.yaml"]),
        ("my-podzz (producer/consumer), 24 h", &["my-podzz.yaml"]),
        (
            "myapp-pod + myservice + mydb, 24 h",
            &["myapp-pod.yaml", "myservice.yaml", "mydb.yaml"],
        ),
        ("pod-test1 (CrashLoopBackOff), 24 h", &["pod-test1.yaml"]),
        ("emptydir-redis, 24 h", &["emptydir-redis.yaml"]),
        ("hostpath-demo, 24 h", &["hostpath-demo.yaml"]),
        ("nfs-demo, 24 h", &["nfs-demo.yaml"]),
    ];
    for (name, files) in pods.iter().filter(|(name, _)| wanted(name)) {
        measure(name, 3, || {
            black_box(run(files, 24 * HOUR));
        });
    }
    let replay = "replay my-podzz to 37 min (scrubbing a 1 h run)";
    if wanted(replay) {
        measure(replay, 5, || {
            black_box(run(&["my-podzz.yaml"], 37 * 60_000));
        });
    }
}
