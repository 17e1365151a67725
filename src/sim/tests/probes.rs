//! Probes (liveness, readiness over HTTP, startup) and the node's list of
//! sandboxes and containers.

use super::*;

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
fn an_exec_probe_every_second_for_hours_keeps_the_node_s_tables_flat() {
    // Issue 15: memory grew ~135 bytes per exec-probe run. The kubelet reads
    // an exec probe's output and exit code and is done with it (the CRI's
    // ExecSync returns them, nothing stays behind), so after the first hour
    // nothing the node keeps may grow: counted in entries, not bytes.
    let yaml = "apiVersion: v1
kind: Pod
metadata:
  name: ticking
spec:
  containers:
  - name: app
    image: busybox:1.28
    args: [/bin/sh, -c, 'touch /tmp/healthy; while true; do date; sleep 1; done']
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      periodSeconds: 1
    readinessProbe:
      exec:
        command: [sh, -c, 'test -f /tmp/healthy']
      periodSeconds: 1
";
    const HOUR: u64 = 3_600_000;
    let mut cluster = Cluster::new();
    apply_all(&mut cluster, yaml);
    let sizes = |cluster: &Cluster| {
        let footprint = cluster.kubelet().runtime.footprint();
        (
            footprint,
            cluster.events().len(),
            cluster.timeline().count(),
        )
    };
    cluster.advance(HOUR);
    let first_hour = sizes(&cluster);
    assert!(first_hour.0.processes <= 4, "{first_hour:?}");
    for hour in 2..=4 {
        cluster.advance(HOUR);
        assert_eq!(sizes(&cluster), first_hour, "after {hour} h");
    }
    let record = cluster.pod("default", "ticking").unwrap();
    assert_eq!(pod_row(record, cluster.now()).restarts, "0");
    let lines = cluster
        .container_log("default", "ticking", "app", false)
        .unwrap()
        .line_count();
    assert!(lines > 4 * 3500, "the log ticked {lines} times");
}
