//! Scenario tests: pods from the seeds and the kubelet's behaviours, run on
//! the virtual clock and told as the rows `kubectl get pods` would print
//! whenever one changes.

use super::events::Happening;
use super::*;
use crate::clock::SimTime;
use crate::kubectl::pod_row;
use crate::spec::{parse_manifests, Manifest};
use expect_test::{expect, Expect};

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

#[test]
fn the_seed_producer_and_consumer_share_an_emptydir_and_the_producer_restarts_when_done() {
    let cluster = check_story(
        PRODUCER_CONSUMER,
        130,
        expect![[r#"
            at    0.1s my-podzz     0/2   ContainerCreating      0
            at    4.9s my-podzz     1/2   ContainerCreating      0
            at    5.0s my-podzz     2/2   Running                0
            at  104.9s my-podzz     1/2   NotReady               0
            at  105.1s my-podzz     2/2   Running                1
        "#]],
    );
    let log = cluster
        .container_log("default", "my-podzz", "consumer", false)
        .unwrap();
    // The first run wrote 1 to 100; the restarted producer began again at 105.1 s.
    assert_eq!(log.lines.len(), 100 + 25);
    assert_eq!(log.lines[0].text, "1");
}

#[test]
fn a_container_that_exits_at_once_restarts_after_0_10_30_70_150_310_seconds() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: pod-test1
spec:
  containers:
  - name: c
    image: busybox:1.28
    command: [echo, SUCCESS]
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    cluster.advance(400_000);
    let mut first_exit = None;
    let mut restarts = Vec::new();
    for entry in cluster.timeline() {
        match &entry.happening {
            Happening::ContainerExited { .. } if first_exit.is_none() => {
                first_exit = Some(entry.time)
            }
            Happening::ContainerStarted { attempt, .. } if *attempt > 0 => {
                restarts.push((entry.time - first_exit.unwrap()) / 1000)
            }
            _ => {}
        }
    }
    // Each restart waits out its back-off from the previous exit; the first
    // waits only for the PLEG's next relist (under a second).
    assert_eq!(restarts, [0, 10, 30, 70, 150, 310]);
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/pod-test1 to node-1
        0.500s Normal Pulling spec.containers{c}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{c}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Normal Created (x7 until 311.707s) spec.containers{c}: Container created
        1.107s Normal Started (x7 until 311.707s) spec.containers{c}: Container started
        1.107s Normal Pulled (x6 until 311.607s) spec.containers{c}: Container image "busybox:1.28" already present on machine and can be accessed by the pod
        2.000s Warning BackOff (x10 until 372.000s) spec.containers{c}: Back-off restarting failed container c in pod pod-test1_default(e86c0f28-a44e-4e9c-a1fd-e5e344de8d90)
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn an_image_typo_alternates_between_err_image_pull_and_image_pull_back_off() {
    let cluster = check_story(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: web\n    image: ngnix\n",
        80,
        expect![[r#"
            at    0.1s typo         0/1   ContainerCreating      0
            at    1.3s typo         0/1   ImagePullBackOff       0
            at   12.1s typo         0/1   ErrImagePull           0
            at   22.1s typo         0/1   ImagePullBackOff       0
            at   32.9s typo         0/1   ErrImagePull           0
            at   42.9s typo         0/1   ImagePullBackOff       0
            at   73.7s typo         0/1   ErrImagePull           0
        "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/typo to node-1
        0.500s Normal Pulling (x4 until 72.900s) spec.containers{web}: Pulling image "ngnix"
        1.300s Warning Failed (x4 until 73.700s) spec.containers{web}: Failed to pull image "ngnix": failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed
        1.300s Warning Failed (x4 until 73.700s) spec.containers{web}: Error: ErrImagePull
        1.300s Normal BackOff (x3 until 42.900s) spec.containers{web}: Back-off pulling image "ngnix"
        1.300s Warning Failed (x3 until 42.900s) spec.containers{web}: Error: ImagePullBackOff
    "#]].assert_eq(&event_list(&cluster));
}

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

#[test]
fn init_containers_wait_for_their_services_then_the_app_runs() {
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, MYAPP);
    let mut told = story(&mut cluster, 20);
    apply_all(&mut cluster, &service("myservice", 9376));
    told += &story(&mut cluster, 20);
    apply_all(&mut cluster, &service("mydb", 9377));
    told += &story(&mut cluster, 20);
    expect![[r#"
        at    0.1s myapp-pod    0/1   Init:0/2               0
        at   20.1s myapp-pod    0/1   Init:0/2               0
        at   21.2s myapp-pod    0/1   Init:1/2               0
        at   40.1s myapp-pod    0/1   PodInitializing        0
        at   41.1s myapp-pod    1/1   Running                0
    "#]]
    .assert_eq(&told);
    let log = cluster
        .container_log("default", "myapp-pod", "init-myservice", false)
        .unwrap()
        .text();
    assert!(
        log.contains("Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n"),
        "{log}"
    );
    assert!(
        log.contains("nslookup: can't resolve 'myservice'\n"),
        "{log}"
    );
    assert!(log.contains("waiting for myservice\n"), "{log}");
    assert_eq!(
        cluster
            .container_log("default", "myapp-pod", "myapp-container", false)
            .unwrap()
            .text(),
        "The app is running!\n"
    );
}

fn one_container(name: &str, policy: &str, command: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  restartPolicy: {policy}\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: ['sh', '-c', '{command}']\n")
}

#[test]
fn restart_policies_decide_what_happens_after_an_exit() {
    let yaml = [
        one_container("never-ok", "Never", "sleep 2"),
        one_container("never-fail", "Never", "sleep 2; exit 3"),
        one_container("onfail-ok", "OnFailure", "sleep 2"),
        one_container("onfail-fail", "OnFailure", "sleep 2; exit 3"),
    ]
    .join("---\n");
    let cluster = check_story(
        &yaml,
        30,
        expect![[r#"
        at    0.1s never-fail   0/1   ContainerCreating      0
        at    0.1s never-ok     0/1   ContainerCreating      0
        at    0.1s onfail-fail  0/1   ContainerCreating      0
        at    0.1s onfail-ok    0/1   ContainerCreating      0
        at    1.2s never-fail   1/1   Running                0
        at    1.2s never-ok     1/1   Running                0
        at    1.2s onfail-fail  1/1   Running                0
        at    1.2s onfail-ok    1/1   Running                0
        at    3.2s never-fail   0/1   Error                  0
        at    3.2s never-ok     0/1   Completed              0
        at    3.2s onfail-fail  0/1   Error                  0
        at    3.2s onfail-ok    0/1   Completed              0
        at    4.1s onfail-fail  1/1   Running                1
        at    6.1s onfail-fail  0/1   Error                  1
        at    7.0s onfail-fail  0/1   CrashLoopBackOff       1
        at   16.2s onfail-fail  1/1   Running                2
        at   18.2s onfail-fail  0/1   Error                  2
        at   19.0s onfail-fail  0/1   CrashLoopBackOff       2
    "#]],
    );
    let phases: Vec<String> = cluster
        .pods()
        .map(|p| format!("{} {}", p.pod.metadata.name, p.status.phase.as_str()))
        .collect();
    assert_eq!(
        phases,
        [
            "never-fail Failed",
            "never-ok Succeeded",
            "onfail-fail Running",
            "onfail-ok Succeeded"
        ]
    );
}

#[test]
fn a_sidecar_counts_in_ready_and_starts_before_the_app() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: side
spec:
  initContainers:
  - name: log-shipper
    image: busybox:1.28
    restartPolicy: Always
    command: ['sh', '-c', 'touch /var/log/app/app.log; tail -f /var/log/app/app.log']
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'while true; do date >> /var/log/app/app.log; sleep 5; done']
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
  volumes:
  - name: logs
    emptyDir: {}
";
    let cluster = check_story(
        yaml,
        12,
        expect![[r#"
        at    0.1s side         0/2   Init:0/1               0
        at    1.2s side         1/2   PodInitializing        0
        at    1.3s side         2/2   Running                0
    "#]],
    );
    let shipped = cluster
        .container_log("default", "side", "log-shipper", false)
        .unwrap();
    assert_eq!(shipped.lines.len(), 3);
}

#[test]
fn two_nginx_containers_clash_on_port_80_and_the_second_crash_loops() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: clash
spec:
  containers:
  - name: web1
    image: nginx:1.27
  - name: web2
    image: nginx:1.27
";
    let cluster = check_story(
        yaml,
        60,
        expect![[r#"
        at    0.1s clash        0/2   ContainerCreating      0
        at    4.7s clash        1/2   ContainerCreating      0
        at    4.8s clash        1/2   Error                  0
        at    4.9s clash        1/2   Error                  1
        at    5.0s clash        1/2   CrashLoopBackOff       1
        at   15.0s clash        1/2   CrashLoopBackOff       2
        at   35.1s clash        1/2   Error                  3
        at   36.0s clash        1/2   CrashLoopBackOff       3
    "#]],
    );
    let log = cluster
        .container_log("default", "clash", "web2", true)
        .unwrap()
        .text();
    assert!(
        log.contains("bind() to 0.0.0.0:80 failed (98: Address already in use)"),
        "{log}"
    );
}

#[test]
fn deleting_a_pod_stops_it_within_its_grace_period() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: sleepy
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: trapper
    image: busybox:1.28
    command: ['sh', '-c', 'trap \"echo bye; exit 0\" TERM; while true; do sleep 1; done']
  - name: stubborn
    image: busybox:1.28
    command: ['sleep', '3600']
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    cluster.advance(10_000);
    assert!(cluster.delete_pod("default", "sleepy", None));
    let mut told = story(&mut cluster, 8);
    told += &event_list(&cluster);
    expect![[r#"
        at   10.1s sleepy       2/2   Terminating            0
        at   10.2s sleepy       1/2   Terminating            0
        at   15.0s sleepy is gone
        0.000s Normal Scheduled Successfully assigned default/sleepy to node-1
        0.500s Normal Pulling spec.containers{trapper}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{trapper}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Normal Created spec.containers{trapper}: Container created
        1.107s Normal Started spec.containers{trapper}: Container started
        1.107s Normal Pulled spec.containers{stubborn}: Container image "busybox:1.28" already present on machine and can be accessed by the pod
        1.207s Normal Created spec.containers{stubborn}: Container created
        1.207s Normal Started spec.containers{stubborn}: Container started
        10.000s Normal Killing spec.containers{stubborn}: Stopping container stubborn
        10.000s Normal Killing spec.containers{trapper}: Stopping container trapper
    "#]].assert_eq(&told);
    assert!(cluster.pod("default", "sleepy").is_none());
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

#[test]
fn a_failing_liveness_probe_restarts_the_container() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.28
    args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
";
    let cluster = check_story(
        yaml,
        80,
        expect![[r#"
        at    0.1s liveness-exec 0/1   ContainerCreating      0
        at    1.2s liveness-exec 1/1   Running                0
        at   71.2s liveness-exec 0/1   Error                  0
        at   71.3s liveness-exec 1/1   Running                1
    "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/liveness-exec to node-1
        0.500s Normal Pulling spec.containers{liveness}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{liveness}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Normal Created (x2 until 71.207s) spec.containers{liveness}: Container created
        1.107s Normal Started (x2 until 71.207s) spec.containers{liveness}: Container started
        31.107s Warning Unhealthy (x3 until 41.107s) spec.containers{liveness}: Liveness probe failed: cat: /tmp/healthy: No such file or directory
        41.107s Normal Killing spec.containers{liveness}: Container liveness failed liveness probe, will be restarted
        71.107s Normal Pulled spec.containers{liveness}: Container image "busybox:1.28" already present on machine and can be accessed by the pod
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn a_readiness_probe_over_http_decides_when_the_container_is_ready() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /ready.html
        port: 80
      periodSeconds: 2
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: helper
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 10; echo ok > /html/ready.html; sleep 3600']
    volumeMounts:
    - name: html
      mountPath: /html
  volumes:
  - name: html
    emptyDir: {}
";
    let cluster = check_story(
        yaml,
        20,
        expect![[r#"
        at    0.1s web          0/2   ContainerCreating      0
        at    5.3s web          1/2   Running                0
        at   16.7s web          2/2   Running                0
    "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/web to node-1
        0.500s Normal Pulling spec.containers{nginx}: Pulling image "nginx:1.27"
        4.505s Normal Pulled spec.containers{nginx}: Successfully pulled image "nginx:1.27" in 4.005s (4.005s including waiting). Image size: 72100000 bytes.
        4.605s Normal Created spec.containers{nginx}: Container created
        4.605s Normal Started spec.containers{nginx}: Container started
        4.605s Normal Pulling spec.containers{helper}: Pulling image "busybox:1.28"
        4.605s Warning Unhealthy (x6 until 14.605s) spec.containers{nginx}: Readiness probe failed: HTTP probe failed with statuscode: 404
        5.112s Normal Pulled spec.containers{helper}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        5.212s Normal Created spec.containers{helper}: Container created
        5.212s Normal Started spec.containers{helper}: Container started
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn a_startup_probe_holds_back_liveness_until_it_passes() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 12; while true; do nc -l -p 8080; done']
    startupProbe:
      tcpSocket:
        port: 8080
      periodSeconds: 5
      failureThreshold: 5
    livenessProbe:
      tcpSocket:
        port: 8080
";
    let cluster = check_story(
        yaml,
        30,
        expect![[r#"
        at    0.1s slow         0/1   ContainerCreating      0
        at    1.2s slow         0/1   Running                0
        at   16.2s slow         1/1   Running                0
    "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/slow to node-1
        0.500s Normal Pulling spec.containers{app}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{app}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Normal Created spec.containers{app}: Container created
        1.107s Normal Started spec.containers{app}: Container started
        1.107s Warning Unhealthy (x3 until 11.107s) spec.containers{app}: Startup probe failed: dial tcp 10.244.1.2:8080: connect: connection refused
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn the_node_lists_each_pod_sandbox_and_containers_newest_first() {
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, &one_container("crashy", "Always", "exit 1"));
    cluster.advance(40_000);
    let listed: Vec<String> = cluster
        .kubelet()
        .node_containers()
        .iter()
        .map(|c| {
            format!(
                "{} k8s_{}_{}_{}_{}_{} {} {:?} {}",
                &c.id[..12],
                c.name,
                c.pod,
                c.namespace,
                &c.uid[..8],
                c.attempt,
                c.image,
                c.command,
                match c.exited {
                    Some((code, at)) => format!("Exited ({code}) at {at}"),
                    None => "Up".to_string(),
                }
            )
        })
        .collect();
    expect![[r#"
        6ba977148abf k8s_c_crashy_default_7ea27e35_3 busybox:1.28 ["sh", "-c", "exit 1"] Exited (1) at 31.407s
        9bed81ac822d k8s_POD_crashy_default_7ea27e35_0 registry.k8s.io/pause:3.10 ["/pause"] Up"#]].assert_eq(&listed.join("\n"));
}

#[test]
fn an_emptydir_over_its_size_limit_gets_the_pod_evicted() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: filler
spec:
  containers:
  - name: writer
    image: busybox:1.28
    command: ['sh', '-c', 'seq 1 200000 > /cache/fill; sleep 3600']
    volumeMounts:
    - name: cache
      mountPath: /cache
  volumes:
  - name: cache
    emptyDir:
      sizeLimit: 1Mi
";
    let cluster = check_story(
        yaml,
        25,
        expect![[r#"
        at    0.1s filler       0/1   ContainerCreating      0
        at    1.2s filler       1/1   Running                0
        at   10.0s filler       1/1   Evicted                0
        at   12.0s filler       0/1   Error                  0
    "#]],
    );
    let record = cluster.pod("default", "filler").unwrap();
    assert_eq!(record.status.phase, PodPhase::Failed);
    assert_eq!(record.status.reason.as_deref(), Some("Evicted"));
    assert_eq!(
        record.status.message.as_deref(),
        Some("Usage of EmptyDir volume \"cache\" exceeds the limit \"1Mi\". ")
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/filler to node-1
        0.500s Normal Pulling spec.containers{writer}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{writer}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Normal Created spec.containers{writer}: Container created
        1.107s Normal Started spec.containers{writer}: Container started
        10.000s Warning Evicted Usage of EmptyDir volume "cache" exceeds the limit "1Mi". 
        10.000s Normal Killing spec.containers{writer}: Stopping container writer
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn a_manifest_in_the_static_pod_path_runs_a_pod_that_deleting_through_the_api_cannot_stop() {
    let mut cluster = Cluster::new();
    cluster
        .write_node_file(
            "/etc/kubernetes/manifests/static-web.yaml",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n",
        )
        .unwrap();
    let mut told = story(&mut cluster, 10);
    assert!(cluster.delete_pod("default", "static-web-node-1", None));
    told += &story(&mut cluster, 5);
    cluster
        .remove_node_file("/etc/kubernetes/manifests/static-web.yaml")
        .unwrap();
    told += &story(&mut cluster, 35);
    expect![[r#"
        at    0.1s static-web-node-1 0/1   ContainerCreating      0
        at    4.7s static-web-node-1 1/1   Running                0
        at   10.1s static-web-node-1 1/1   Running                0
    "#]]
    .assert_eq(&told);
    assert!(!cluster.events().iter().any(|e| e.reason == "Scheduled"));
    assert!(
        cluster.pod("default", "static-web-node-1").is_none(),
        "nginx stops at once on its SIGQUIT"
    );
}

#[test]
fn post_start_blocks_the_next_container_and_pre_stop_runs_before_sigterm() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: hooks
spec:
  containers:
  - name: first
    image: busybox:1.28
    command: ['sh', '-c', 'trap \"echo got TERM >> /shared/log; exit 0\" TERM; while true; do sleep 1; done']
    lifecycle:
      postStart:
        exec:
          command: ['sh', '-c', 'sleep 3; echo postStart done >> /shared/log']
      preStop:
        exec:
          command: ['sh', '-c', 'echo preStop >> /shared/log; sleep 2']
    volumeMounts:
    - name: shared
      mountPath: /shared
  - name: second
    image: busybox:1.28
    command: ['sh', '-c', 'echo second starts >> /shared/log; tail -f /shared/log']
    volumeMounts:
    - name: shared
      mountPath: /shared
  volumes:
  - name: shared
    emptyDir: {}
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    cluster.advance(8_000);
    assert!(cluster.delete_pod("default", "hooks", Some(10)));
    cluster.advance(1_000);
    let log = cluster
        .container_log("default", "hooks", "second", false)
        .unwrap()
        .text();
    assert_eq!(log, "postStart done\nsecond starts\npreStop\n");
    cluster.advance(12_000);
    assert!(cluster.pod("default", "hooks").is_none());
    let exits: Vec<String> = cluster
        .timeline()
        .filter_map(|e| match &e.happening {
            Happening::ContainerExited {
                container,
                exit_code,
                ..
            } => Some(format!("{} {container} {exit_code}", e.time)),
            _ => None,
        })
        .collect();
    // first: preStop (2 s), then SIGTERM, whose trap runs once the current
    // `sleep 1` ends; second: PID 1 `sh`
    // ignores SIGTERM, so the 10 s grace period ends it.
    assert_eq!(exits, ["10.107s first 0", "18.000s second 137"]);
}

#[test]
fn seed_my_podz_runs_nginx_and_a_private_registry_image_side_by_side() {
    check_story(
        &example("my-podz.yaml"),
        30,
        expect![[r#"
        at    0.1s my-podz      0/2   ContainerCreating      0
        at    4.7s my-podz      1/2   ContainerCreating      0
        at    7.7s my-podz      2/2   Running                0
    "#]],
    );
}

#[test]
fn seed_my_podzz_runs_for_an_hour_the_producer_crash_looping_between_runs() {
    check_story(
        &example("my-podzz.yaml"),
        3_600,
        expect![[r#"
        at    0.1s my-podzz     0/2   ContainerCreating      0
        at    4.9s my-podzz     1/2   ContainerCreating      0
        at    5.0s my-podzz     2/2   Running                0
        at  104.9s my-podzz     1/2   NotReady               0
        at  105.1s my-podzz     2/2   Running                1
        at  205.1s my-podzz     1/2   NotReady               1
        at  206.0s my-podzz     1/2   CrashLoopBackOff       1
        at  215.2s my-podzz     2/2   Running                2
        at  315.2s my-podzz     1/2   NotReady               2
        at  316.0s my-podzz     1/2   CrashLoopBackOff       2
        at  335.3s my-podzz     2/2   Running                3
        at  435.3s my-podzz     1/2   NotReady               3
        at  436.0s my-podzz     1/2   CrashLoopBackOff       3
        at  475.4s my-podzz     2/2   Running                4
        at  575.4s my-podzz     1/2   NotReady               4
        at  576.0s my-podzz     1/2   CrashLoopBackOff       4
        at  655.5s my-podzz     2/2   Running                5
        at  755.5s my-podzz     1/2   NotReady               5
        at  756.0s my-podzz     1/2   CrashLoopBackOff       5
        at  915.6s my-podzz     2/2   Running                6
        at 1015.6s my-podzz     1/2   NotReady               6
        at 1016.0s my-podzz     1/2   CrashLoopBackOff       6
        at 1315.7s my-podzz     2/2   Running                7
        at 1415.7s my-podzz     1/2   NotReady               7
        at 1416.0s my-podzz     1/2   CrashLoopBackOff       7
        at 1715.8s my-podzz     2/2   Running                8
        at 1815.8s my-podzz     1/2   NotReady               8
        at 1816.0s my-podzz     1/2   CrashLoopBackOff       8
        at 2115.9s my-podzz     2/2   Running                9
        at 2215.9s my-podzz     1/2   NotReady               9
        at 2216.0s my-podzz     1/2   CrashLoopBackOff       9
        at 2516.0s my-podzz     2/2   Running                10
        at 2616.0s my-podzz     1/2   NotReady               10
        at 2617.0s my-podzz     1/2   CrashLoopBackOff       10
        at 2916.1s my-podzz     2/2   Running                11
        at 3016.1s my-podzz     1/2   NotReady               11
        at 3017.0s my-podzz     1/2   CrashLoopBackOff       11
        at 3316.2s my-podzz     2/2   Running                12
        at 3416.2s my-podzz     1/2   NotReady               12
        at 3417.0s my-podzz     1/2   CrashLoopBackOff       12
    "#]],
    );
}

#[test]
fn seed_myapp_pod_waits_until_both_services_exist() {
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, &example("myapp-pod.yaml"));
    let mut told = story(&mut cluster, 30);
    apply_all(&mut cluster, &example("myservice.yaml"));
    told += &story(&mut cluster, 10);
    apply_all(&mut cluster, &example("mydb.yaml"));
    told += &story(&mut cluster, 10);
    expect![[r#"
        at    0.1s myapp-pod    0/1   Init:0/2               0
        at   30.1s myapp-pod    0/1   Init:0/2               0
        at   31.2s myapp-pod    0/1   Init:1/2               0
        at   40.1s myapp-pod    0/1   PodInitializing        0
        at   41.1s myapp-pod    1/1   Running                0
    "#]]
    .assert_eq(&told);
}

#[test]
fn seed_pod_test1_pulls_nginx_every_restart_and_crash_loops() {
    let cluster = check_story(
        &example("pod-test1.yaml"),
        200,
        expect![[r#"
        at    0.1s pod-test1    0/1   ContainerCreating      0
        at    4.7s pod-test1    0/1   Completed              0
        at    5.2s pod-test1    0/1   CrashLoopBackOff       1
        at   15.7s pod-test1    0/1   Completed              2
        at   16.0s pod-test1    0/1   CrashLoopBackOff       2
        at   36.2s pod-test1    0/1   Completed              3
        at   37.0s pod-test1    0/1   CrashLoopBackOff       3
        at   76.7s pod-test1    0/1   Completed              4
        at   77.0s pod-test1    0/1   CrashLoopBackOff       4
        at  157.2s pod-test1    0/1   Completed              5
        at  158.0s pod-test1    0/1   CrashLoopBackOff       5
    "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/pod-test1 to node-1
        0.500s Normal Pulling (x6 until 156.605s) spec.containers{nginx}: Pulling image "nginx"
        4.505s Normal Pulled spec.containers{nginx}: Successfully pulled image "nginx" in 4.005s (4.005s including waiting). Image size: 72100000 bytes.
        4.605s Normal Created (x6 until 157.105s) spec.containers{nginx}: Container created
        4.605s Normal Started (x6 until 157.105s) spec.containers{nginx}: Container started
        5.005s Normal Pulled (x5 until 157.005s) spec.containers{nginx}: Successfully pulled image "nginx" in 400ms (400ms including waiting). Image size: 72100000 bytes.
        5.105s Warning BackOff (x7 until 158.000s) spec.containers{nginx}: Back-off restarting failed container nginx in pod pod-test1_default(e86c0f28-a44e-4e9c-a1fd-e5e344de8d90)
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn seed_emptydir_redis_keeps_its_data_across_kill_1() {
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, &example("emptydir-redis.yaml"));
    cluster.advance(10_000);
    let argv = |line: &str| line.split(' ').map(String::from).collect::<Vec<_>>();
    let set = cluster
        .exec(
            "default",
            "emptydir-redis",
            "emptydir-redis",
            argv("redis-cli set mykey hello"),
        )
        .unwrap();
    cluster.advance(1_000);
    assert_eq!(cluster.log(set.log).unwrap().text(), "OK\n");
    cluster
        .exec(
            "default",
            "emptydir-redis",
            "emptydir-redis",
            argv("kill 1"),
        )
        .unwrap();
    let mut told = story(&mut cluster, 5);
    let get = cluster
        .exec(
            "default",
            "emptydir-redis",
            "emptydir-redis",
            argv("redis-cli get mykey"),
        )
        .unwrap();
    cluster.advance(1_000);
    // Without a terminal, redis-cli prints the bare value.
    assert_eq!(cluster.log(get.log).unwrap().text(), "hello\n");
    told += &format!(
        "{:?}",
        cluster.list_node_dir(&format!(
            "/var/lib/kubelet/pods/{}/volumes/kubernetes.io~empty-dir/emptydir-redis",
            cluster.pod("default", "emptydir-redis").unwrap().uid
        ))
    );
    expect![[r#"
        at   11.1s emptydir-redis 0/1   Completed              0
        at   12.1s emptydir-redis 1/1   Running                1
        Some(["dump.rdb"])"#]]
    .assert_eq(&told);
}

#[test]
fn seed_hostpath_demo_serves_a_page_written_on_the_node() {
    let mut cluster = Cluster::new();
    cluster
        .write_node_file("/mnt/data/index.html", "hello from the node\n")
        .unwrap();
    apply_all(&mut cluster, &example("hostpath-demo.yaml"));
    cluster.advance(10_000);
    apply_all(
        &mut cluster,
        &one_container("client", "Never", "wget -qO- http://10.244.1.2/"),
    );
    cluster.advance(10_000);
    let page = cluster
        .container_log("default", "client", "c", false)
        .unwrap()
        .text();
    assert_eq!(page, "hello from the node\n");
    assert!(cluster.delete_pod("default", "hostpath-demo", None));
    cluster.advance(1_000);
    assert!(
        cluster.pod("default", "hostpath-demo").is_none(),
        "nginx shuts down gracefully on the SIGQUIT its image asks for"
    );
    assert_eq!(
        cluster.read_node_file("/mnt/data/index.html").as_deref(),
        Some("hello from the node\n"),
        "hostPath outlives the pod"
    );
}

#[test]
fn seed_nfs_demo_starts_with_an_empty_export() {
    check_story(
        &example("nfs-demo.yaml"),
        10,
        expect![[r#"
        at    0.1s nfs-demo     0/1   ContainerCreating      0
        at    4.7s nfs-demo     1/1   Running                0
    "#]],
    );
}

#[test]
fn a_missing_config_map_keeps_the_pod_creating_with_failed_mount_events_until_it_exists() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: configured
spec:
  containers:
  - name: app
    image: busybox:1.28
    command: ['sh', '-c', 'cat /config/greeting; sleep 3600']
    volumeMounts:
    - name: config
      mountPath: /config
  volumes:
  - name: config
    configMap:
      name: settings
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    let mut told = story(&mut cluster, 20);
    apply_all(
        &mut cluster,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: hello\n",
    );
    told += &story(&mut cluster, 20);
    told += &event_list(&cluster);
    expect![[r#"
        at    0.1s configured   0/1   ContainerCreating      0
        at   20.1s configured   0/1   ContainerCreating      0
        at   32.7s configured   1/1   Running                0
        0.000s Normal Scheduled Successfully assigned default/configured to node-1
        0.000s Warning FailedMount (x6 until 15.500s) MountVolume.SetUp failed for volume "config" : configmap "settings" not found
        32.000s Normal Pulling spec.containers{app}: Pulling image "busybox:1.28"
        32.507s Normal Pulled spec.containers{app}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        32.607s Normal Created spec.containers{app}: Container created
        32.607s Normal Started spec.containers{app}: Container started
    "#]].assert_eq(&told);
    assert_eq!(
        cluster
            .container_log("default", "configured", "app", false)
            .unwrap()
            .text(),
        "hello"
    );
}

#[test]
fn a_missing_image_under_never_and_a_missing_env_source_wait_with_their_reasons() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: never
spec:
  containers:
  - name: app
    image: busybox:1.36
    imagePullPolicy: Never
---
apiVersion: v1
kind: Pod
metadata:
  name: envless
spec:
  containers:
  - name: app
    image: busybox:1.28
    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef:
          name: settings
          key: greeting
";
    let cluster = check_story(
        yaml,
        15,
        expect![[r#"
        at    0.1s envless      0/1   ContainerCreating      0
        at    0.1s never        0/1   ContainerCreating      0
        at    0.5s never        0/1   ErrImageNeverPull      0
        at    1.2s envless      0/1   CreateContainerConfigError 0
    "#]],
    );
    expect![[r#"
        0.000s Normal Scheduled Successfully assigned default/never to node-1
        0.000s Normal Scheduled Successfully assigned default/envless to node-1
        0.500s Warning ErrImageNeverPull (x3 until 11.000s) spec.containers{app}: Container image "busybox:1.36" is not present with pull policy of Never
        0.500s Warning Failed (x3 until 11.000s) spec.containers{app}: Error: ErrImageNeverPull
        0.500s Normal Pulling spec.containers{app}: Pulling image "busybox:1.28"
        1.007s Normal Pulled spec.containers{app}: Successfully pulled image "busybox:1.28" in 507ms (507ms including waiting). Image size: 2155000 bytes.
        1.107s Warning Failed (x3 until 11.307s) spec.containers{app}: Error: configmap "settings" not found
        1.107s Normal Pulled (x2 until 11.207s) spec.containers{app}: Container image "busybox:1.28" already present on machine and can be accessed by the pod
    "#]].assert_eq(&event_list(&cluster));
}

#[test]
fn redis_filled_past_its_memory_limit_is_oom_killed_and_restarted() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: cache
spec:
  containers:
  - name: redis
    image: redis:7
    resources:
      limits:
        memory: 32Mi
";
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    cluster.advance(10_000);
    let argv = |line: &str| line.split(' ').map(String::from).collect::<Vec<_>>();
    cluster
        .exec(
            "default",
            "cache",
            "redis",
            argv("redis-cli DEBUG POPULATE 400000"),
        )
        .unwrap();
    let told = story(&mut cluster, 5);
    expect![[r#"
        at   10.1s cache        0/1   OOMKilled              0
        at   11.1s cache        1/1   Running                1
    "#]]
    .assert_eq(&told);
    let status = &cluster
        .pod("default", "cache")
        .unwrap()
        .status
        .container_statuses[0];
    assert_eq!(
        status.last_state,
        Some(ContainerState::Terminated {
            exit_code: 137,
            reason: "OOMKilled".to_string(),
            started_at: status
                .last_state
                .as_ref()
                .map_or(SimTime::ZERO, |s| match s {
                    ContainerState::Terminated { started_at, .. } => *started_at,
                    _ => SimTime::ZERO,
                }),
            finished_at: SimTime::from_millis(10_000),
        })
    );
}

#[test]
fn a_failed_init_container_under_never_fails_the_pod() {
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: doomed
spec:
  restartPolicy: Never
  initContainers:
  - name: check
    image: busybox:1.28
    command: ['sh', '-c', 'echo cannot start; exit 1']
  containers:
  - name: app
    image: busybox:1.28
    command: ['sleep', '3600']
";
    let cluster = check_story(
        yaml,
        10,
        expect![[r#"
        at    0.1s doomed       0/1   Init:0/1               0
        at    1.2s doomed       0/1   Init:Error             0
    "#]],
    );
    let record = cluster.pod("default", "doomed").unwrap();
    assert_eq!(record.status.phase, PodPhase::Failed);
}

#[test]
fn a_new_pod_of_the_same_name_is_a_new_pod_with_a_fresh_emptydir() {
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, PRODUCER_CONSUMER);
    cluster.advance(10_000);
    let first_uid = cluster.pod("default", "my-podzz").unwrap().uid.clone();
    assert!(cluster.delete_pod("default", "my-podzz", Some(1)));
    cluster.advance(5_000);
    assert!(cluster.pod("default", "my-podzz").is_none());
    apply_all(&mut cluster, PRODUCER_CONSUMER);
    cluster.advance(7_000);
    let second = cluster.pod("default", "my-podzz").unwrap();
    assert_ne!(second.uid, first_uid);
    let hello = cluster
        .exec(
            "default",
            "my-podzz",
            "consumer",
            vec!["cat".into(), "/consumer_dir/hello".into()],
        )
        .unwrap();
    cluster.advance(100);
    let text = cluster.log(hello.log).unwrap().text();
    assert!(text.starts_with("1\n2\n"), "{text}");
    // The first pod wrote past 9 before it went; its emptyDir went with it.
    assert!(
        !text.contains("\n9\n"),
        "the old pod's lines are gone: {text}"
    );
}
