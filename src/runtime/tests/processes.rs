//! Processes as the node runs them: determinism, limits, logs, a full disk,
//! signals and traps, `kill`, `ps`, PID namespaces and nginx's processes.

use super::*;

#[test]
fn the_same_scripts_give_the_same_logs() {
    let script = "for i in $(seq 1 20); do echo $((i * i)) | tee_missing 2>/dev/null; echo $i >> /tmp/x; done; cat /tmp/x | wc -l";
    assert_eq!(run(script, 10_000), run(script, 10_000));
}

#[test]
fn a_fork_bomb_hits_the_process_limit() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "bomb() { bomb | bomb & }; bomb; sleep 0.02; echo survived",
    );
    run_until(&mut runtime, 20);
    let text = runtime.log(log).unwrap().text();
    assert!(
        text.contains("sh: can't fork: Resource temporarily unavailable"),
        "{text:.200}"
    );
    assert!(text.contains("survived\n"));
    assert_eq!(runtime.exit_code(id), Some(0));
}

#[test]
fn endless_output_fills_the_log_file_to_its_ceiling_and_no_further() {
    // No kubelet rotates this log, so the file stops at the ceiling.
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let line = "x".repeat(1000);
    let (_, log) = launch(&mut runtime, view, Flavor::Busybox, &format!("yes {line}"));
    run_until(&mut runtime, 600);
    let log = runtime.log(log).unwrap();
    let bytes = log.stored_bytes();
    let ceiling = crate::runtime::log::FILE_CEILING;
    assert!(bytes <= ceiling && bytes > ceiling - 1_100, "{bytes}");
    assert!(
        log.heap_bytes() < ceiling + ceiling / 50,
        "{}",
        log.heap_bytes()
    );
}

#[test]
fn a_huge_file_fills_the_disk_and_writes_then_fail() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let line = "x".repeat(1000);
    let (id, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        &format!("yes {line} > /tmp/big"),
    );
    run_until(&mut runtime, 1_500);
    // BusyBox 1.35's yes gives up at the first failed write: its words
    // once, exit 1 (`busybox yes > /dev/full; echo $?`).
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "yes: (null): No space left on device\n"
    );
    assert_eq!(runtime.exit_code(id), Some(1));
}

#[test]
fn a_program_the_image_lacks_is_not_found_in_dash_words() {
    let mut runtime = Runtime::new();
    let (id, log) = spawn_image(
        &mut runtime,
        "debian",
        &["sh", "-c", "ps -ef"],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, 0);
    assert_eq!(runtime.log(log).unwrap().text(), "sh: 1: ps: not found\n");
    assert_eq!(runtime.exit_code(id), Some(127));
}

#[test]
fn pid_1_ignores_sigterm_without_a_trap_and_dies_of_sigkill() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, _) = launch(&mut runtime, view, Flavor::Busybox, "sleep 3600");
    run_until(&mut runtime, 1_000);
    runtime.signal(id, crate::runtime::SignalTarget::Process, 15);
    run_until(&mut runtime, 2_000);
    assert_eq!(runtime.exit_code(id), None);
    runtime.signal(id, crate::runtime::SignalTarget::Process, 9);
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(id), Some(137));
}

#[test]
fn a_trap_runs_after_the_foreground_sleep_and_at_once_in_wait() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(
        &mut runtime,
        view.clone(),
        Flavor::Busybox,
        "trap 'echo bye; exit 0' TERM; echo ready; sleep 10; echo after",
    );
    run_until(&mut runtime, 1_000);
    runtime.signal(id, crate::runtime::SignalTarget::Process, 15);
    run_until(&mut runtime, 5_000);
    assert_eq!(
        runtime.exit_code(id),
        None,
        "the trap waits for sleep to finish"
    );
    run_until(&mut runtime, 11_000);
    assert_eq!(runtime.log(log).unwrap().text(), "ready\nbye\n");
    assert_eq!(runtime.exit_code(id), Some(0));

    let (id, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "trap 'echo bye; exit 0' TERM; sleep 3600 & wait",
    );
    run_until(&mut runtime, 12_000);
    runtime.signal(id, crate::runtime::SignalTarget::Process, 15);
    run_until(&mut runtime, 12_001);
    assert_eq!(runtime.log(log).unwrap().text(), "bye\n");
    assert_eq!(runtime.exit_code(id), Some(0));
}

#[test]
fn kill_signals_processes_of_the_same_container() {
    let (log, code) = run(
        "sleep 100 & kill $!; wait; echo \"status $?\"; kill 99",
        1_000,
    );
    assert_eq!(log, "status 143\nsh: can't kill pid 99: No such process\n");
    assert_eq!(code, Some(1));
}

#[test]
fn ps_lists_the_containers_processes_in_each_tools_format() {
    let (log, _) = run("sleep 100 & sleep 1; ps", 2_000);
    assert_eq!(
        log,
        "PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 100 & sleep 1; ps\n    2 root      0:00 sleep 100\n    4 root      0:00 ps\n"
    );
    let mut runtime = Runtime::new();
    let root = runtime.fs.new_directory();
    let log = runtime.new_log();
    runtime.spawn(Launch {
        argv: vec!["bash".into(), "-c".into(), "ps -ef".into()],
        env: vec![],
        cwd: "/".into(),
        view: View {
            root,
            mounts: Vec::new(),
        },
        hostname: "my-podz".into(),
        flavor: Flavor::Bash,
        log,
        tools: Tools::base(Toolset::Centos),
        started: SimTime::from_secs(5_460),
        network: None,
        pid_namespace: None,
    });
    runtime.run(SimTime::from_secs(5_460));
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "UID         PID   PPID  C STIME TTY          TIME CMD\nroot          1      0  0 01:31 ?        00:00:00 bash -c ps -ef\nroot          2      1  0 01:31 ?        00:00:00 ps -ef\n"
    );
}

#[test]
fn proc_cmdline_holds_pid_1s_arguments() {
    let (log, _) = run(
        "cat /proc/1/cmdline | tr '\\000' ' '; echo; cat /proc/99/cmdline",
        0,
    );
    assert_eq!(log, "sh -c cat /proc/1/cmdline | tr '\\000' ' '; echo; cat /proc/99/cmdline \ncat: /proc/99/cmdline: No such file or directory\n");
}

#[test]
fn a_shared_pid_namespace_shows_pause_as_pid_1_to_every_container() {
    let mut runtime = Runtime::new();
    let shared = crate::runtime::SharedPidNamespace::new(1_000);
    let start = |runtime: &mut Runtime, image: &str, argv: &[&str]| {
        spawn_image(runtime, image, argv, Vec::new(), None, Some(shared.clone()))
    };
    let (pause, pause_log) = start(&mut runtime, "registry.k8s.io/pause:3.10", &["/pause"]);
    let (_, shell_log) = start(
        &mut runtime,
        "busybox",
        &["sh", "-c", "sleep 1; ps; kill 1"],
    );
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(shell_log).unwrap().text(),
        "PID   USER     TIME  COMMAND\n    1 root      0:00 /pause\n    2 root      0:00 sh -c sleep 1; ps; kill 1\n    4 root      0:00 ps\n"
    );
    assert_eq!(runtime.exit_code(pause), Some(0));
    assert_eq!(
        runtime.log(pause_log).unwrap().text(),
        "Shutting down, got signal\n"
    );
}

#[test]
fn the_nginx_image_runs_its_entrypoint_then_execs_nginx() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let image = crate::runtime::images::resolve("nginx").unwrap();
    let argv = crate::runtime::images::container_argv(&image, &[], &[]);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let (id, log) = start_in_pod(&mut runtime, &web, "nginx", &argv);
    let (sleeper, sleeper_log) =
        start_in_pod(&mut runtime, &web, "busybox", &["sleep", "infinity"]);
    run_until(&mut runtime, 1_000);
    let text = runtime.log(log).unwrap().text();
    assert!(text.starts_with("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n"));
    assert!(
        text.contains("ready for start up\n2026/01/01 00:00:00 [notice] 1#1: using the \"epoll\" event method\n"),
        "{text}"
    );
    assert_eq!(runtime.exit_code(id), None);
    assert_eq!(
        runtime.exit_code(sleeper),
        None,
        "{}",
        runtime.log(sleeper_log).unwrap().text()
    );
    assert_eq!(runtime.log(sleeper_log).unwrap().text(), "");
}

#[test]
fn nginx_shows_as_a_master_and_one_worker_in_ps_and_logs_their_pids() {
    let mut runtime = Runtime::new();
    let shared = crate::runtime::SharedPidNamespace::new(1_000);
    let web = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let start = |runtime: &mut Runtime, image: &str, argv: &[&str]| {
        spawn_image(
            runtime,
            image,
            argv,
            Vec::new(),
            Some(&web),
            Some(shared.clone()),
        )
    };
    start(&mut runtime, "registry.k8s.io/pause:3.10", &["/pause"]);
    let nginx = crate::runtime::images::resolve("nginx").unwrap();
    let argv = crate::runtime::images::container_argv(&nginx, &[], &[]);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let (master, nginx_log) = start(&mut runtime, "nginx", &argv);
    let (_, shell_log) = start(&mut runtime, "busybox", &["sh", "-c", "sleep 1; ps"]);
    run_until(&mut runtime, 1_000);
    assert_eq!(
        runtime.log(shell_log).unwrap().text(),
        "PID   USER     TIME  COMMAND
    1 root      0:00 /pause
    2 root      0:00 nginx: master process nginx -g daemon off;
    3 root      0:00 sh -c sleep 1; ps
   31 101       0:00 nginx: worker process
   33 root      0:00 ps
",
        "busybox has no user 101 in its /etc/passwd"
    );
    assert!(runtime
        .log(nginx_log)
        .unwrap()
        .text()
        .ends_with("[notice] 2#2: start worker processes\n2026/01/01 00:00:00 [notice] 2#2: start worker process 31\n"));
    runtime.signal(master, crate::runtime::SignalTarget::Process, 3);
    runtime.run(SimTime::from_millis(1_000));
    let text = runtime.log(nginx_log).unwrap().text();
    assert!(
        text.ends_with("[notice] 2#2: worker process 31 exited with code 0\n2026/01/01 00:00:01 [notice] 2#2: exit\n"),
        "{text}"
    );

    let own = run_in_image_with_network(
        "nginx:1.8",
        &[
            "sh",
            "-c",
            "nginx -g 'daemon off;' 2>/dev/null & sleep 1; ps -ef",
        ],
    );
    assert_eq!(
        own,
        "UID         PID   PPID  C STIME TTY          TIME CMD
root          1      0  0 00:00 ?        00:00:00 sh -c nginx -g 'daemon off;' 2>/dev/null & sleep 1; ps -ef
root          2      1  0 00:00 ?        00:00:00 nginx: master process nginx -g daemon off;
nginx         4      2  0 00:00 ?        00:00:00 nginx: worker process
root          5      1  0 00:00 ?        00:00:00 ps -ef
",
        "Debian's /etc/passwd names uid 101 nginx"
    );
}
