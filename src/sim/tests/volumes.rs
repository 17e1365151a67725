//! Volumes and the node's pressure: emptyDir eviction, static pods, a missing
//! ConfigMap, a missing image or env source, the OOM killer.

use super::*;

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
