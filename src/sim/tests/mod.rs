//! Scenario tests: pods from the seeds and the kubelet's behaviours, run on
//! the virtual clock and told as the rows `kubectl get pods` would print
//! whenever one changes.

use super::events::Happening;
use super::*;
use crate::clock::SimTime;
use crate::kubectl::pod_row;
use crate::spec::{parse_manifests, Manifest};
use expect_test::{expect, Expect};
mod busy;
mod lifecycle;
mod limits;
mod logs;
mod network;
mod probes;
mod restarts;
mod seeds;
mod volumes;

/// Applies every document of `yaml` to `cluster` now.
fn apply_all(cluster: &mut Cluster, yaml: &str) {
    let parsed = parse_manifests(yaml);
    assert!(
        !parsed.has_errors(),
        "{:?}",
        parsed.diagnostics().collect::<Vec<_>>()
    );
    for document in parsed.documents {
        let manifest: Manifest = document.manifest.expect("a valid object");
        cluster.apply(manifest);
    }
}

/// Runs `cluster` to `until_secs`, looking every 100 ms, and tells each
/// change of a pod's READY, STATUS or RESTARTS (without its "ago").
fn story(cluster: &mut Cluster, until_secs: u64) -> String {
    let mut told = std::collections::BTreeMap::new();
    let mut out = String::new();
    let end = cluster.now() + until_secs * 1000;
    while cluster.now() < end {
        cluster.advance(100);
        let now = cluster.now();
        let present: Vec<String> = cluster
            .pods()
            .map(|r| r.pod.metadata.name.clone())
            .collect();
        told.retain(|name: &String, _| {
            let keep = present.contains(name);
            if !keep {
                out.push_str(&format!(
                    "at {:>6.1}s {name} is gone\n",
                    now.as_millis() as f64 / 1000.0
                ));
            }
            keep
        });
        for record in cluster.pods() {
            let row = pod_row(record, now);
            let restarts = row.restarts.split(' ').next().unwrap_or("").to_string();
            let line = format!(
                "{:<12} {:<5} {:<22} {}",
                row.name, row.ready, row.status, restarts
            );
            if told.get(&row.name) != Some(&line) {
                out.push_str(&format!(
                    "at {:>6.1}s {line}\n",
                    now.as_millis() as f64 / 1000.0
                ));
                told.insert(row.name.clone(), line);
            }
        }
    }
    out
}

/// Runs `yaml` for `until_secs` and checks its story; runs it a second time
/// and checks that everything happened the same, to the millisecond.
fn check_story(yaml: &str, until_secs: u64, expected: Expect) -> Cluster {
    let run = || {
        let mut cluster = Cluster::new();
        apply_all(&mut cluster, yaml);
        let told = story(&mut cluster, until_secs);
        (cluster, told)
    };
    let (cluster, told) = run();
    let (again, told_again) = run();
    assert_eq!(told, told_again, "the same story twice");
    assert_eq!(
        cluster.timeline().collect::<Vec<_>>(),
        again.timeline().collect::<Vec<_>>(),
        "the same timeline twice"
    );
    expected.assert_eq(&told);
    cluster
}

/// The text of an example file of the seeds.
fn example(file: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("the example exists")
}

/// Every event of the cluster as `time type reason (xN) field: message`.
fn event_list(cluster: &Cluster) -> String {
    cluster
        .events()
        .iter()
        .map(|e| {
            format!(
                "{} {} {}{} {}{}\n",
                e.first_timestamp,
                e.event_type.as_str(),
                e.reason,
                if e.count > 1 {
                    format!(" (x{} until {})", e.count, e.last_timestamp)
                } else {
                    String::new()
                },
                if e.field_path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", e.field_path)
                },
                e.message
            )
        })
        .collect()
}

const PRODUCER_CONSUMER: &str = "apiVersion: v1
kind: Pod
metadata:
  name: my-podzz
spec:
  containers:
  - name: producer
    image: centos:7
    command: [bash, -c, 'for i in {1..100};do echo $i >> /producer_dir/hello;sleep 1;done']
    volumeMounts:
    - name: shared-volume
      mountPath: /producer_dir
  - name: consumer
    image: centos:7
    command: [bash, -c, 'tail -f /consumer_dir/hello']
    volumeMounts:
    - name: shared-volume
      mountPath: /consumer_dir
  volumes:
  - name: shared-volume
    emptyDir: {}
";

const MYAPP: &str = "apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', 'until nslookup myservice; do echo waiting for myservice; sleep 2; done;']
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', 'until nslookup mydb; do echo waiting for mydb; sleep 2; done;']
";

fn service(name: &str, target: u16) -> String {
    format!("apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\nspec:\n  ports:\n  - protocol: TCP\n    port: 80\n    targetPort: {target}\n")
}

fn one_container(name: &str, policy: &str, command: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  restartPolicy: {policy}\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: ['sh', '-c', '{command}']\n")
}

#[test]
fn every_scenario_runs_the_same_twice() {
    let run = || {
        let mut cluster = Cluster::new();
        apply_all(&mut cluster, PRODUCER_CONSUMER);
        apply_all(&mut cluster, MYAPP);
        apply_all(&mut cluster, &service("myservice", 80));
        let told = story(&mut cluster, 200);
        let timeline: Vec<String> = cluster.timeline().map(|e| format!("{e:?}")).collect();
        (told, event_list(&cluster), timeline)
    };
    assert_eq!(run(), run());
}
