//! The seeds' example pods, run as a learner would run them.

use super::*;

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
