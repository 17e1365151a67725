//! A pod's life: init containers waiting for Services, deletion within the
//! grace period, lifecycle hooks, a failed init container, a pod re-created.

use super::*;

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
