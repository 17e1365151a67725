//! Restarts: the back-off after exits, image pull errors, restart policies,
//! sidecars and a port clash that crash-loops.

use super::*;

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
    assert_eq!(log.line_count(), 100 + 25);
    assert_eq!(
        log.read(crate::runtime::ReadOptions::default())
            .lines()
            .next(),
        Some("1")
    );
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
    assert_eq!(shipped.line_count(), 3);
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
