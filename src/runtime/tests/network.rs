//! Networking between processes: pod IPs, Services and DNS, listeners and
//! connections (nginx, netcat, redis), exec sessions and the events they cause.

use super::*;

#[test]
fn every_container_of_a_pod_sees_the_same_ip_and_mac() {
    let mut runtime = Runtime::new();
    let network = std::rc::Rc::new(crate::runtime::net::PodNetwork::new(
        [10, 244, 1, 15],
        3,
        22,
    ));
    let logs: Vec<usize> = ["centos:7", "openjdk:8"]
        .into_iter()
        .map(|image| {
            let argv = ["bash", "-c", "ip a; hostname -i"];
            spawn_image(&mut runtime, image, &argv, Vec::new(), Some(&network), None).1
        })
        .collect();
    run_until(&mut runtime, 0);
    let first = runtime.log(logs[0]).unwrap().text();
    assert_eq!(first, runtime.log(logs[1]).unwrap().text());
    assert!(first.contains("3: eth0@if22: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450"));
    assert!(first.ends_with("inet 10.244.1.15/24 brd 10.244.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n10.244.1.15\n"));
}

#[test]
fn the_seed_init_container_waits_until_its_service_resolves() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let network = crate::runtime::net::PodNetwork::new([10, 244, 1, 7], 1, 9);
    crate::runtime::net::write_pod_files(&mut runtime.fs, &view, &network, "myapp-pod", "default")
        .unwrap();
    let (id, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "until nslookup myservice; do echo waiting for myservice; sleep 2; done;",
    );
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(id), None);
    runtime.set_dns(std::collections::BTreeMap::from([(
        "myservice.default.svc.cluster.local".to_string(),
        "10.96.207.73".to_string(),
    )]));
    run_until(&mut runtime, 6_000);
    assert_eq!(runtime.exit_code(id), Some(0));
    let text = runtime.log(log).unwrap().text();
    assert!(text.starts_with("nslookup: can't resolve 'myservice'\nServer:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nwaiting for myservice\n"), "{text}");
    assert!(
        text.ends_with(
            "Name:      myservice\nAddress 1: 10.96.207.73 myservice.default.svc.cluster.local\n"
        ),
        "{text}"
    );
}

#[test]
fn nginx_serves_its_welcome_page_over_localhost_and_the_pod_ip() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let client = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 6], 2, 10));
    let (_, nginx_log) = start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    let (_, sidecar) = start_in_pod(
        &mut runtime,
        &web,
        "busybox",
        &[
            "sh",
            "-c",
            "sleep 1; wget -qO- http://localhost/ | grep title",
        ],
    );
    let (_, other) = start_in_pod(
        &mut runtime,
        &client,
        "centos:7",
        &[
            "bash",
            "-c",
            "sleep 2; curl -sI http://10.244.1.5/ | head -n 1; curl -sS http://10.244.1.6:8080/; curl -s http://10.244.1.6:8080/ || echo \"status $?\"",
        ],
    );
    run_until(&mut runtime, 3_000);
    assert_eq!(
        runtime.log(sidecar).unwrap().text(),
        "<title>Welcome to nginx!</title>\n"
    );
    // The container log drops the status line's `\r` before its newline, as
    // containerd's CRI logger does (`readLine` in internal/cri/io/logger.go).
    assert_eq!(
        runtime.log(other).unwrap().text(),
        "HTTP/1.1 200 OK\ncurl: (7) Failed to connect to 10.244.1.6 port 8080 after 0 ms: Couldn't connect to server\nstatus 7\n"
    );
    let access: Vec<String> = runtime
        .log(nginx_log)
        .unwrap()
        .stream_lines(crate::runtime::Stream::Stdout);
    assert_eq!(
        access,
        [
            "10.244.1.5 - - [01/Jan/2026:00:00:01 +0000] \"GET / HTTP/1.1\" 200 615 \"-\" \"Wget\" \"-\"",
            "10.244.1.6 - - [01/Jan/2026:00:00:02 +0000] \"HEAD / HTTP/1.1\" 200 615 \"-\" \"curl/8.5.0\" \"-\"",
        ]
    );
}

#[test]
fn a_second_nginx_in_the_pod_cannot_bind_port_80() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    let (second, log) = start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(second), Some(1));
    let text = runtime.log(log).unwrap().text();
    assert_eq!(
        text.matches("nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)")
            .count(),
        5
    );
    assert!(
        text.ends_with("nginx: [emerg] still could not bind()\n"),
        "{text}"
    );
}

#[test]
fn a_service_name_reaches_a_selected_pod_and_netstat_shows_the_listener() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let client = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 6], 2, 10));
    start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    let (_, helper) = start_in_pod(
        &mut runtime,
        &web,
        "busybox",
        &["sh", "-c", "sleep 1; netstat -lnt"],
    );
    let (_, other) = start_in_pod(
        &mut runtime,
        &client,
        "busybox",
        &[
            "sh",
            "-c",
            "sleep 1; wget -qO- http://web-svc/ | grep -c nginx; wget -qO- http://10.96.0.101/",
        ],
    );
    runtime.set_dns(std::collections::BTreeMap::from([(
        "web-svc.default.svc.cluster.local".to_string(),
        "10.96.0.100".to_string(),
    )]));
    runtime.set_services(std::collections::BTreeMap::from([
        (
            ("10.96.0.100".to_string(), 80),
            vec![("10.244.1.5".to_string(), 80)],
        ),
        (("10.96.0.101".to_string(), 80), Vec::new()),
    ]));
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(other).unwrap().text(),
        "6\nwget: can't connect to remote host (10.96.0.101): Connection refused\n"
    );
    assert_eq!(
        runtime.log(helper).unwrap().text(),
        "Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \ntcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \n"
    );
}

#[test]
fn netcat_talks_between_containers_of_a_pod_over_localhost() {
    let mut runtime = Runtime::new();
    let pod = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 8], 4, 12));
    let (server, server_log) =
        start_in_pod(&mut runtime, &pod, "busybox", &["nc", "-l", "-p", "9000"]);
    let (_, client_log) = start_in_pod(&mut runtime, &pod, "busybox", &["sh", "-c", "sleep 1; echo hello over localhost | nc 127.0.0.1 9000; nc -zv localhost 9001 || echo closed"]);
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(server_log).unwrap().text(),
        "hello over localhost\n"
    );
    assert_eq!(runtime.exit_code(server), Some(0));
    assert_eq!(
        runtime.log(client_log).unwrap().text(),
        "nc: localhost (127.0.0.1:9001): Connection refused\nclosed\n"
    );
}

#[test]
fn redis_keeps_its_data_in_the_volume_across_a_restart() {
    let mut runtime = Runtime::new();
    let pod = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 9], 5, 13));
    let volume = runtime.fs.new_directory();
    let start = |runtime: &mut Runtime, argv: &[&str]| {
        let mounts = vec![Mount {
            path: "/data".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }];
        spawn_image(runtime, "redis", argv, mounts, Some(&pod), None)
    };
    let (server, server_log) = start(&mut runtime, &["redis-server"]);
    let (_, cli_log) = start(&mut runtime, &["sh", "-c", "sleep 1; redis-cli set hello world; redis-cli get hello; redis-cli get nothing; redis-cli keys '*'"]);
    run_until(&mut runtime, 2_000);
    assert_eq!(runtime.log(cli_log).unwrap().text(), "OK\nworld\n\nhello\n");
    runtime.signal(server, crate::runtime::SignalTarget::Process, 15);
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(server), Some(0));
    assert!(runtime
        .log(server_log)
        .unwrap()
        .text()
        .contains("* DB saved on disk\n"));
    let (_, restarted_log) = start(&mut runtime, &["redis-server"]);
    let (_, cli_log) = start(&mut runtime, &["sh", "-c", "sleep 1; redis-cli get hello"]);
    run_until(&mut runtime, 5_000);
    assert_eq!(runtime.log(cli_log).unwrap().text(), "world\n");
    assert!(runtime
        .log(restarted_log)
        .unwrap()
        .text()
        .contains("* DB loaded from disk: 0.000 seconds\n"));
}

#[test]
fn processes_report_what_they_do_for_the_animation() {
    let mut runtime = Runtime::new();
    let volume = runtime.fs.new_directory();
    let pod = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let (web, _) = start_in_pod(&mut runtime, &pod, "nginx", &["nginx", "-g", "daemon off;"]);
    let view = container(
        &mut runtime,
        vec![Mount {
            path: "/out".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
    );
    let (writer, _) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "echo 12345 > /out/f; cat /out/f > /dev/null",
    );
    run_until(&mut runtime, 0);
    let events = runtime.take_events();
    assert!(events.iter().any(|e| matches!(e, crate::runtime::RuntimeEvent::Listened { process, address } if *process == web && address.1 == 80)));
    assert!(events.iter().any(|e| matches!(e, crate::runtime::RuntimeEvent::FileWritten { process, bytes: 6, .. } if *process == writer)));
    assert!(events.iter().any(|e| matches!(e, crate::runtime::RuntimeEvent::FileRead { process, bytes: 6, .. } if *process == writer)));
    assert!(events.iter().any(
        |e| matches!(e, crate::runtime::RuntimeEvent::Exited { process, code: 0 } if *process == writer)
    ));
    assert_eq!(runtime.fs.bytes_under(volume), 6);
}

#[test]
fn wget_saves_to_a_file_and_getent_reads_etc_hosts() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    let (_, log) = start_in_pod(&mut runtime, &web, "busybox", &["sh", "-c", "sleep 1; wget -q -O /tmp/page http://localhost/ && grep -c nginx /tmp/page; getent hosts web"]);
    let (_, glibc_log) = start_in_pod(&mut runtime, &web, "centos:7", &["getent", "hosts", "web"]);
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "6\nsh: getent: not found\n",
        "busybox has no getent"
    );
    assert_eq!(
        runtime.log(glibc_log).unwrap().text(),
        "10.244.1.5      web\n"
    );
}

#[test]
fn exec_joins_a_running_container_or_fails_as_runc_does() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let (nginx, _) = start_in_pod(&mut runtime, &web, "nginx", &["nginx", "-g", "daemon off;"]);
    run_until(&mut runtime, 1_000);
    let error = runtime
        .exec(
            nginx,
            vec!["ps".into(), "-ef".into()],
            SimTime::from_secs(1),
        )
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"ps\": executable file not found in $PATH: unknown"
    );
    let (id, log) = runtime
        .exec(
            nginx,
            vec![
                "sh".into(),
                "-c".into(),
                "cat /etc/hostname; curl -s localhost | grep -c Welcome".into(),
            ],
            SimTime::from_secs(1),
        )
        .unwrap();
    runtime.run(SimTime::from_secs(1));
    assert_eq!(runtime.log(log).unwrap().text(), "web\n2\n");
    assert_eq!(runtime.exit_code(id), Some(0));
}

#[test]
fn an_unknown_image_runs_the_generic_server_on_its_declared_ports() {
    let mut runtime = Runtime::new();
    let app = std::rc::Rc::new(crate::runtime::net::PodNetwork::new(
        [10, 244, 1, 15],
        1,
        22,
    ));
    let client = std::rc::Rc::new(crate::runtime::net::PodNetwork::new(
        [10, 244, 1, 16],
        2,
        23,
    ));
    let image = crate::runtime::images::resolve("www.myharbor.com/wangqihan/java-demo:v1").unwrap();
    let mut argv = crate::runtime::images::container_argv(&image, &[], &[]);
    argv.push("8080".into());
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let (server, _) = start_in_pod(
        &mut runtime,
        &app,
        "www.myharbor.com/wangqihan/java-demo:v1",
        &argv,
    );
    let (_, log) = start_in_pod(
        &mut runtime,
        &client,
        "centos:7",
        &["bash", "-c", "sleep 1; curl -s http://10.244.1.15:8080/"],
    );
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "web: this image is played by podplay's generic server (port 8080)\n"
    );
    assert_eq!(runtime.exit_code(server), None);
}
