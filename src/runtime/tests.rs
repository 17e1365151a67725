//! The runtime running real commands: scripts in containers on the virtual
//! clock, checked by what they write to their logs and files.

use super::fs::{Mount, MountKind, View};
use super::images::{Tools, Toolset};
use super::shell::Flavor;
use super::{Launch, Runtime};
use crate::clock::SimTime;

/// A container's view with a fresh root (holding `/tmp`) and the given mounts.
fn container(runtime: &mut Runtime, mounts: Vec<Mount>) -> View {
    let root = runtime.fs.new_directory();
    let view = View { root, mounts };
    runtime
        .fs
        .make_directory(&view, "/", "/tmp", false)
        .unwrap();
    view
}

fn launch(
    runtime: &mut Runtime,
    view: View,
    flavor: Flavor,
    script: &str,
) -> (super::ProcessId, usize) {
    let log = runtime.new_log();
    let shell = match flavor {
        Flavor::Busybox | Flavor::Dash => "sh",
        Flavor::Bash => "bash",
    };
    let id = runtime.spawn(Launch {
        argv: vec![shell.into(), "-c".into(), script.into()],
        env: vec![],
        cwd: "/".into(),
        view,
        hostname: "my-pod".into(),
        flavor,
        log,
        tools: Tools::base(Toolset::Busybox),
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    (id, log)
}

/// Runs the runtime from 0 to `end` milliseconds, waking at every timer.
fn run_until(runtime: &mut Runtime, end: u64) {
    runtime.run(SimTime::ZERO);
    while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= end) {
        runtime.run(next);
    }
}

/// Runs `script` in one busybox container for `millis` and returns (log, exit code).
fn run(script: &str, millis: u64) -> (String, Option<i32>) {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(&mut runtime, view, Flavor::Busybox, script);
    run_until(&mut runtime, millis);
    (runtime.log(log).unwrap().text(), runtime.exit_code(id))
}

#[test]
fn echo_writes_a_line_to_the_log_and_exits_zero() {
    assert_eq!(
        run("echo hello world", 0),
        ("hello world\n".into(), Some(0))
    );
}

#[test]
fn loops_arithmetic_and_substitutions_run() {
    let (log, code) = run("n=0; for i in {1..5}; do n=$((n + i)); done; echo \"sum=$n host=$(hostname)\"; i=3; while [ $i -gt 0 ]; do echo $i; i=$((i-1)); done", 0);
    assert_eq!(log, "sum=15 host=my-pod\n3\n2\n1\n");
    assert_eq!(code, Some(0));
}

#[test]
fn functions_case_and_and_or_lists() {
    let (log, _) = run("greet() { echo \"hi $1\"; return 3; }; greet pod; echo $?; case web-1 in db*) echo db;; web-*) echo web;; esac; false || echo recovered && echo chained", 0);
    assert_eq!(log, "hi pod\n3\nweb\nrecovered\nchained\n");
}

#[test]
fn sleep_waits_on_the_virtual_clock() {
    let (log, code) = run("echo start; sleep 2; echo two; sleep 3; echo five", 4_000);
    assert_eq!(log, "start\ntwo\n");
    assert_eq!(code, None);
    let (log, code) = run("echo start; sleep 2; echo two; sleep 3; echo five", 5_000);
    assert_eq!(log, "start\ntwo\nfive\n");
    assert_eq!(code, Some(0));
}

#[test]
fn pipelines_connect_stages_and_take_the_last_status() {
    let (log, code) = run(
        "seq 5 | grep 3; echo a b c | wc -w; seq 3 | sort -r | head -n 2; ! true | false; echo $?",
        0,
    );
    assert_eq!(log, "3\n3\n3\n2\n0\n");
    assert_eq!(code, Some(0));
}

#[test]
fn an_endless_producer_stops_when_its_reader_goes_away() {
    let (log, code) = run("yes | head -n 3; echo after", 100);
    assert_eq!(log, "y\ny\ny\nafter\n");
    assert_eq!(code, Some(0));
}

#[test]
fn an_endless_loop_uses_virtual_time_but_never_hangs() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, _) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "while true; do :; done",
    );
    runtime.run(SimTime::ZERO);
    assert_eq!(runtime.exit_code(id), None);
    assert_eq!(
        runtime.next_wake(),
        Some(SimTime::from_millis(super::TIME_SLICE_MILLIS))
    );
}

#[test]
fn unknown_commands_and_syntax_errors_are_worded_as_each_shell_words_them() {
    assert_eq!(
        run("nosuch arg", 0),
        ("sh: nosuch: not found\n".into(), Some(127))
    );
    assert_eq!(
        run("for i in 1; do echo $i", 0),
        (
            "sh: syntax error: unexpected end of file (expecting \"done\")\n".into(),
            Some(2)
        )
    );
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(&mut runtime, view, Flavor::Bash, "nosuch");
    run_until(&mut runtime, 0);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "bash: nosuch: command not found\n"
    );
    assert_eq!(runtime.exit_code(id), Some(127));
}

#[test]
fn background_jobs_run_concurrently_and_wait_collects_them() {
    let (log, code) = run("(sleep 2; echo late) & echo now; wait; echo done", 3_000);
    assert_eq!(log, "now\nlate\ndone\n");
    assert_eq!(code, Some(0));
}

#[test]
fn redirections_write_append_read_and_here_documents() {
    let (log, _) = run("echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; cat <<EOF\nhost $HOSTNAME\nEOF\ncat /tmp/missing 2>/dev/null || echo missing; echo err >&2", 0);
    assert_eq!(log, "one\ntwo\nhost my-pod\nmissing\nerr\n");
}

#[test]
fn a_redirection_in_a_loop_finds_its_file_anew_after_rm_and_cd() {
    let (log, code) = run(
        "for i in 1 2 3; do echo $i >> /tmp/f; done; rm /tmp/f; echo new >> /tmp/f; mkdir /tmp/d; cd /tmp/d; echo here >> f; cd /; echo root >> f; cat /tmp/f /tmp/d/f /f",
        0,
    );
    assert_eq!(log, "new\nhere\nroot\n");
    assert_eq!(code, Some(0));
}

#[test]
fn the_seed_producer_and_consumer_share_an_empty_dir() {
    let mut runtime = Runtime::new();
    let volume = runtime.fs.new_directory();
    let producer_view = container(
        &mut runtime,
        vec![Mount {
            path: "/producer_dir".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
    );
    let consumer_view = container(
        &mut runtime,
        vec![Mount {
            path: "/consumer_dir".into(),
            root: volume,
            read_only: false,
            kind: MountKind::Disk,
        }],
    );
    let (producer, _) = launch(
        &mut runtime,
        producer_view,
        Flavor::Bash,
        "for i in {1..100};do echo $i >> /producer_dir/hello;sleep 1;done",
    );
    runtime.run(SimTime::ZERO);
    let (consumer, consumer_log) = launch(
        &mut runtime,
        consumer_view,
        Flavor::Bash,
        "tail -f /consumer_dir/hello",
    );
    run_until(&mut runtime, 4_500);
    assert_eq!(runtime.log(consumer_log).unwrap().text(), "1\n2\n3\n4\n5\n");
    run_until(&mut runtime, 200_000);
    let text = runtime.log(consumer_log).unwrap().text();
    assert_eq!(text.lines().count(), 100);
    assert_eq!(text.lines().last(), Some("100"));
    assert_eq!(runtime.exit_code(producer), Some(0));
    assert_eq!(runtime.exit_code(consumer), None, "tail -f keeps following");
}

#[test]
fn a_read_only_mount_refuses_a_redirection() {
    let mut runtime = Runtime::new();
    let volume = runtime.fs.new_directory();
    let view = container(
        &mut runtime,
        vec![Mount {
            path: "/config".into(),
            root: volume,
            read_only: true,
            kind: MountKind::Disk,
        }],
    );
    let (id, log) = launch(
        &mut runtime,
        view,
        Flavor::Busybox,
        "echo x > /config/app.conf",
    );
    run_until(&mut runtime, 0);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "sh: can't create /config/app.conf: Read-only file system\n"
    );
    assert_eq!(runtime.exit_code(id), Some(1));
}

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
fn endless_output_keeps_only_the_newest_ten_mebibytes_of_log() {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let line = "x".repeat(1000);
    let (_, log) = launch(&mut runtime, view, Flavor::Busybox, &format!("yes {line}"));
    run_until(&mut runtime, 300);
    let log = runtime.log(log).unwrap();
    let bytes: usize = log.lines.iter().map(|l| l.text.len() + 1).sum();
    assert!(
        bytes <= super::log::LOG_LIMIT && bytes > super::log::LOG_LIMIT - 2_000,
        "{bytes}"
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
    assert!(runtime
        .log(log)
        .unwrap()
        .text()
        .starts_with("sh: write error: No space left on device\n"));
    assert_eq!(
        runtime.exit_code(id),
        None,
        "yes keeps trying, as the real one would until killed"
    );
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
    runtime.signal(id, super::SignalTarget::Process, 15);
    run_until(&mut runtime, 2_000);
    assert_eq!(runtime.exit_code(id), None);
    runtime.signal(id, super::SignalTarget::Process, 9);
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
    runtime.signal(id, super::SignalTarget::Process, 15);
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
    runtime.signal(id, super::SignalTarget::Process, 15);
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
fn break_and_continue_leave_loops_at_the_right_level() {
    let (log, code) = run("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; n=0; while true; do n=$((n+1)); for j in a b; do [ $n = 3 ] && break 2; echo $n$j; done; done; echo end $n", 0);
    assert_eq!(log, "1\n3\n1a\n1b\n2a\n2b\nend 3\n");
    assert_eq!(code, Some(0));
}

#[test]
fn set_e_exits_on_an_unguarded_failure_only() {
    let (log, code) = run("set -e; if false; then :; fi; false || echo guarded; false && echo no; echo before; cat /nope; echo after", 0);
    assert_eq!(
        log,
        "guarded\nbefore\ncat: /nope: No such file or directory\n"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn text_tools_transform_their_input() {
    let (log, _) = run("echo 'a,b,c' | cut -d , -f 2,3; echo Hello | tr a-z A-Z; printf 'x\\nx\\ny\\n' | uniq -c; echo 'pod one' | sed 's/one/two/'; echo 'k8s pod web' | awk '{print $3}'; expr 6 '*' 7; echo tee | tee /tmp/t > /dev/null; cat /tmp/t; basename /var/log/app.log .log; dirname /var/log/app.log", 0);
    assert_eq!(
        log,
        "b,c\nHELLO\n      2 x\n      1 y\npod two\nweb\n42\ntee\napp\n/var/log\n"
    );
}

#[test]
fn nested_shells_and_exec_run_as_shells_do() {
    let (log, code) = run("X=local; export Y=exported; sh -c 'echo \"$0 $1 [$X] [$Y]\"; exit 3' name arg; echo \"status $?\"; echo 'echo from file $1' > /tmp/s.sh; sh /tmp/s.sh one; exec sh -c 'echo replaced; exit 4'; echo never", 0);
    assert_eq!(
        log,
        "name arg [] [exported]\nstatus 3\nfrom file one\nreplaced\n"
    );
    assert_eq!(code, Some(4));
}

#[test]
fn every_container_of_a_pod_sees_the_same_ip_and_mac() {
    let mut runtime = Runtime::new();
    let network = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 15], 3, 22));
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
    let network = super::net::PodNetwork::new([10, 244, 1, 7], 1, 9);
    super::net::write_pod_files(&mut runtime.fs, &view, &network, "myapp-pod", "default").unwrap();
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

/// Starts `argv` from `image` in a new container: its own root with the
/// image's files and `mounts`, the pod's network and /etc files when given,
/// a shared PID namespace when given. Returns the process and its log.
fn spawn_image(
    runtime: &mut Runtime,
    image: &str,
    argv: &[&str],
    mounts: Vec<Mount>,
    network: Option<&std::rc::Rc<super::net::PodNetwork>>,
    pid_namespace: Option<super::SharedPidNamespace>,
) -> (super::ProcessId, usize) {
    let image = super::images::resolve(image).unwrap();
    let root = runtime.fs.new_directory();
    let view = View { root, mounts };
    super::images::install_files(&mut runtime.fs, &view, &image).unwrap();
    if let Some(network) = network {
        super::net::write_pod_files(&mut runtime.fs, &view, network, "web", "default").unwrap();
    }
    let log = runtime.new_log();
    let id = runtime.spawn(Launch {
        argv: argv.iter().map(|a| a.to_string()).collect(),
        env: vec![],
        cwd: image.working_dir.into(),
        view,
        hostname: "web".into(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: SimTime::ZERO,
        network: network.cloned(),
        pid_namespace,
    });
    (id, log)
}

/// Starts `argv` from `image` in a new container of the pod with `network`.
fn start_in_pod(
    runtime: &mut Runtime,
    network: &std::rc::Rc<super::net::PodNetwork>,
    image: &str,
    argv: &[&str],
) -> (super::ProcessId, usize) {
    spawn_image(runtime, image, argv, Vec::new(), Some(network), None)
}

#[test]
fn nginx_serves_its_welcome_page_over_localhost_and_the_pod_ip() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let client = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 6], 2, 10));
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
    assert_eq!(
        runtime.log(other).unwrap().text(),
        "HTTP/1.1 200 OK\r\ncurl: (7) Failed to connect to 10.244.1.6 port 8080 after 0 ms: Couldn't connect to server\nstatus 7\n"
    );
    let access: Vec<String> = runtime
        .log(nginx_log)
        .unwrap()
        .lines
        .iter()
        .filter(|l| l.stream == super::Stream::Stdout)
        .map(|l| l.text.clone())
        .collect();
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
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
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
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let client = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 6], 2, 10));
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
    let pod = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 8], 4, 12));
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
fn proc_cmdline_holds_pid_1s_arguments() {
    let (log, _) = run(
        "cat /proc/1/cmdline | tr '\\000' ' '; echo; cat /proc/99/cmdline",
        0,
    );
    assert_eq!(log, "sh -c cat /proc/1/cmdline | tr '\\000' ' '; echo; cat /proc/99/cmdline \ncat: /proc/99/cmdline: No such file or directory\n");
}

#[test]
fn redis_keeps_its_data_in_the_volume_across_a_restart() {
    let mut runtime = Runtime::new();
    let pod = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 9], 5, 13));
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
    runtime.signal(server, super::SignalTarget::Process, 15);
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
fn a_shared_pid_namespace_shows_pause_as_pid_1_to_every_container() {
    let mut runtime = Runtime::new();
    let shared = super::SharedPidNamespace::new(1_000);
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
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
    let image = super::images::resolve("nginx").unwrap();
    let argv = super::images::container_argv(&image, &[], &[]);
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
    let shared = super::SharedPidNamespace::new(1_000);
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
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
    let nginx = super::images::resolve("nginx").unwrap();
    let argv = super::images::container_argv(&nginx, &[], &[]);
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
    runtime.signal(master, super::SignalTarget::Process, 3);
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

/// Runs `argv` from `image` in a pod of its own for a second and returns its log.
fn run_in_image_with_network(image: &str, argv: &[&str]) -> String {
    let mut runtime = Runtime::new();
    let pod = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 7], 3, 11));
    let (_, log) = start_in_pod(&mut runtime, &pod, image, argv);
    run_until(&mut runtime, 1_000);
    runtime.log(log).unwrap().text()
}

#[test]
fn processes_report_what_they_do_for_the_animation() {
    let mut runtime = Runtime::new();
    let volume = runtime.fs.new_directory();
    let pod = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
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
    assert!(events.iter().any(|e| matches!(e, super::RuntimeEvent::Listened { process, address } if *process == web && address.1 == 80)));
    assert!(events.iter().any(|e| matches!(e, super::RuntimeEvent::FileWritten { process, bytes: 6, .. } if *process == writer)));
    assert!(events.iter().any(|e| matches!(e, super::RuntimeEvent::FileRead { process, bytes: 6, .. } if *process == writer)));
    assert!(events.iter().any(
        |e| matches!(e, super::RuntimeEvent::Exited { process, code: 0 } if *process == writer)
    ));
    assert_eq!(runtime.fs.bytes_under(volume), 6);
}

#[test]
fn wget_saves_to_a_file_and_getent_reads_etc_hosts() {
    let mut runtime = Runtime::new();
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
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
    let web = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 5], 1, 9));
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
    let app = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 15], 1, 22));
    let client = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 16], 2, 23));
    let image = super::images::resolve("www.myharbor.com/wangqihan/java-demo:v1").unwrap();
    let mut argv = super::images::container_argv(&image, &[], &[]);
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

/// Runs `script` with bash in a fresh `image` container for `millis` and
/// returns its log.
fn run_in_image(image: &str, script: &str, millis: u64) -> String {
    let mut runtime = Runtime::new();
    let (_, log) = spawn_image(
        &mut runtime,
        image,
        &["sh", "-c", script],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, millis);
    runtime.log(log).unwrap().text()
}

#[test]
fn ps_aux_in_a_centos_image_prints_procps_columns() {
    assert_eq!(
        run_in_image("centos:7", "sleep 100 & sleep 61; ps aux", 61_000),
        "USER        PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n\
         root          1  0.0  0.0  11828  2996 ?        Ss   00:00   0:00 sh -c sleep 100 & sleep 61; ps aux\n\
         root          2  0.0  0.0   4364   356 ?        S    00:00   0:00 sleep 100\n\
         root          4  0.0  0.0  51748  1736 ?        R    00:01   0:00 ps aux\n"
    );
}

#[test]
fn ps_ax_in_a_centos_image_prints_the_bsd_table() {
    assert_eq!(
        run_in_image("centos:7", "sleep 100 & sleep 1; ps ax", 1_000),
        "   PID TTY      STAT   TIME COMMAND\n\
         \x20    1 ?        Ss     0:00 sh -c sleep 100 & sleep 1; ps ax\n\
         \x20    2 ?        S      0:00 sleep 100\n\
         \x20    4 ?        R      0:00 ps ax\n"
    );
    let mut runtime = Runtime::new();
    let (_, log) = spawn_image(
        &mut runtime,
        "centos:7",
        &["ps", "ax"],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, 0);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "   PID TTY      STAT   TIME COMMAND\n     1 ?        Rs     0:00 ps ax\n",
        "ps as the container's command is PID 1, running"
    );
}

#[test]
fn busybox_ps_prints_its_one_table_whatever_the_options() {
    assert_eq!(
        run_in_image("busybox", "ps aux", 0),
        "PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c ps aux\n    2 root      0:00 ps aux\n"
    );
}

/// Starts `script` in a container of `image` in a pod, with a disk-backed
/// emptyDir at `/data` and a 1 MiB memory-backed one at `/cache`, and
/// returns its log after a virtual second.
fn run_with_empty_dirs(image: &str, script: &str) -> String {
    let mut runtime = Runtime::new();
    let mounts = vec![
        Mount {
            path: "/data".into(),
            root: runtime.fs.new_directory(),
            read_only: false,
            kind: MountKind::Disk,
        },
        Mount {
            path: "/cache".into(),
            root: runtime.fs.new_directory(),
            read_only: false,
            kind: MountKind::Memory {
                size_limit: Some(1024 * 1024),
            },
        },
    ];
    let pod = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 27], 1, 9));
    let (_, log) = spawn_image(
        &mut runtime,
        image,
        &["sh", "-c", script],
        mounts,
        Some(&pod),
        None,
    );
    run_until(&mut runtime, 1_000);
    runtime.log(log).unwrap().text()
}

#[test]
fn busybox_df_lists_every_mount_with_blocks_as_a_pod_has_them() {
    assert_eq!(
        run_with_empty_dirs("busybox", "df"),
        "Filesystem           1K-blocks      Used Available Use% Mounted on
overlay              101430960  23987413  72371999  25% /
tmpfs                    65536         0     65536   0% /dev
/dev/vda1            101430960  23987413  72371999  25% /data
tmpfs                     1024         0      1024   0% /cache
/dev/vda1            101430960  23987413  72371999  25% /etc/hostname
/dev/vda1            101430960  23987413  72371999  25% /etc/resolv.conf
shm                      65536         0     65536   0% /dev/shm
/dev/vda1            101430960  23987413  72371999  25% /etc/hosts
/dev/vda1            101430960  23987413  72371999  25% /dev/termination-log
tmpfs                  4076048         0   4076048   0% /proc/acpi
tmpfs                    65536         0     65536   0% /proc/kcore
tmpfs                    65536         0     65536   0% /proc/keys
tmpfs                    65536         0     65536   0% /proc/timer_list
tmpfs                  4076048         0   4076048   0% /proc/scsi
tmpfs                  4076048         0   4076048   0% /sys/firmware
"
    );
}

#[test]
fn coreutils_df_h_shows_each_device_once_in_human_sizes() {
    assert_eq!(
        run_with_empty_dirs("centos:7", "df -h"),
        "Filesystem      Size  Used Avail Use% Mounted on
overlay          97G   23G   70G  25% /
tmpfs            64M     0   64M   0% /dev
/dev/vda1        97G   23G   70G  25% /data
tmpfs           1.0M     0  1.0M   0% /cache
shm              64M     0   64M   0% /dev/shm
tmpfs           3.9G     0  3.9G   0% /proc/acpi
tmpfs           3.9G     0  3.9G   0% /proc/scsi
tmpfs           3.9G     0  3.9G   0% /sys/firmware
"
    );
}

#[test]
fn mount_prints_the_proc_mounts_lines_of_the_volumes() {
    let text = run_with_empty_dirs("busybox", "mount");
    assert!(text.starts_with("overlay on / type overlay (rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/39/fs,upperdir="), "{text}");
    assert!(
        text.contains(
            "/dev/vda1 on /data type ext4 (rw,relatime)\ntmpfs on /cache type tmpfs (rw,relatime,size=1024k)\n/dev/vda1 on /etc/hostname type ext4 (rw,relatime)\n"
        ),
        "{text}"
    );
}

#[test]
fn a_sized_memory_empty_dir_refuses_writes_beyond_its_size_and_a_disk_one_does_not() {
    let script = "s=$(seq 1 100000); echo \"$s\" > /cache/a; echo \"$s\" >> /cache/a; echo \"status $?\"; wc -c < /cache/a; df /cache; echo \"$s\" > /data/a; echo \"$s\" >> /data/a; wc -c < /data/a";
    assert_eq!(
        run_with_empty_dirs("busybox", script),
        "sh: write error: No space left on device
status 1
1048576
Filesystem           1K-blocks      Used Available Use% Mounted on
tmpfs                     1024      1024         0 100% /cache
1177790
"
    );
}

#[test]
fn tomcat_starts_listens_on_8080_and_answers_404_with_no_web_application() {
    let mut runtime = Runtime::new();
    let app = std::rc::Rc::new(super::net::PodNetwork::new([10, 244, 1, 15], 1, 22));
    let image = super::images::resolve("tomcat").unwrap();
    let argv = super::images::container_argv(&image, &[], &[]);
    let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
    let (server, server_log) = start_in_pod(&mut runtime, &app, "tomcat", &argv);
    let (_, client) = start_in_pod(
        &mut runtime,
        &app,
        "centos:7",
        &[
            "bash",
            "-c",
            "curl -s localhost:8080; echo early $?; sleep 1; curl -sI localhost:8080/ | head -n 1; curl -s localhost:8080/ | grep -c 'HTTP Status 404'",
        ],
    );
    run_until(&mut runtime, 2_000);
    assert_eq!(
        runtime.log(client).unwrap().text(),
        "early 7\nHTTP/1.1 404 \r\n1\n"
    );
    let text = runtime.log(server_log).unwrap().text();
    assert!(
        text.starts_with(
            "NOTE: Picked up JDK_JAVA_OPTIONS:  --add-opens=java.base/java.lang=ALL-UNNAMED"
        ),
        "{text}"
    );
    assert!(text.contains("01-Jan-2026 00:00:00.000 INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/10.1.34\n"), "{text}");
    assert!(text.ends_with("01-Jan-2026 00:00:00.812 INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [812] milliseconds\n01-Jan-2026 00:00:00.812 INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]\n01-Jan-2026 00:00:00.812 INFO [main] org.apache.catalina.core.StandardEngine.startInternal Starting Servlet engine: [Apache Tomcat/10.1.34]\n01-Jan-2026 00:00:00.876 INFO [main] org.apache.coyote.AbstractProtocol.start Starting ProtocolHandler [\"http-nio-8080\"]\n01-Jan-2026 00:00:00.876 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [64] milliseconds\n"), "{text}");
    runtime.signal(server, super::SignalTarget::Process, 15);
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(server), Some(143));
    assert!(runtime
        .log(server_log)
        .unwrap()
        .text()
        .ends_with("INFO [Thread-1] org.apache.coyote.AbstractProtocol.destroy Destroying ProtocolHandler [\"http-nio-8080\"]\n"));
}

#[test]
fn ls_l_ln_and_head_c_print_as_busybox_and_coreutils_print_them() {
    let script = "mkdir /tmp/d; echo hello > /tmp/d/a; sleep 61; echo more >> /tmp/d/a; ln /tmp/d/a /tmp/d/b; mkdir /tmp/d/sub; ls -l /tmp/d; ls -l /tmp/d/a; ln -s a /tmp/d/c; cat /tmp/d/c; head -c 3 /tmp/d/c; echo; ln /tmp/d/a /tmp/d/b";
    assert_eq!(
        run_in_image("busybox", script, 61_000),
        "total 12
-rw-r--r--    2 root     root            11 Jan  1 00:01 a
-rw-r--r--    2 root     root            11 Jan  1 00:01 b
drwxr-xr-x    2 root     root          4096 Jan  1 00:01 sub
-rw-r--r--    2 root     root            11 Jan  1 00:01 /tmp/d/a
hello
more
hel
ln: /tmp/d/b: File exists
"
    );
    assert_eq!(
        run_in_image("centos:7", script, 61_000),
        "total 12
-rw-r--r-- 2 root root   11 Jan  1 00:01 a
-rw-r--r-- 2 root root   11 Jan  1 00:01 b
drwxr-xr-x 2 root root 4096 Jan  1 00:01 sub
-rw-r--r-- 2 root root 11 Jan  1 00:01 /tmp/d/a
hello
more
hel
ln: failed to create hard link '/tmp/d/b': File exists
"
    );
}

#[test]
fn cd_to_a_missing_directory_fails_in_each_shells_words() {
    let script = "cd /nowhere; echo \"status $?\"; cd /tmp && pwd";
    assert_eq!(
        run_in_image("busybox", script, 0),
        "sh: cd: can't cd to /nowhere: No such file or directory\nstatus 1\n/tmp\n"
    );
    assert_eq!(
        run_in_image("debian", script, 0),
        "sh: 1: cd: can't cd to /nowhere\nstatus 2\n/tmp\n"
    );
    assert_eq!(
        run_in_image("centos:7", script, 0),
        "bash: cd: /nowhere: No such file or directory\nstatus 1\n/tmp\n"
    );
}

#[test]
fn a_write_to_a_full_tmpfs_fails_in_the_words_of_the_shell_or_program() {
    let script = "s=$(seq 1 200000); echo \"$s\" > /cache/a; printf '%s\\n' \"$s\" >> /cache/a; rm /cache/a; seq 1 200000 > /cache/b";
    assert_eq!(
        run_with_empty_dirs("centos:7", script),
        "bash: echo: write error: No space left on device\nbash: printf: write error: No space left on device\nseq: write error: No space left on device\n"
    );
    assert_eq!(
        run_with_empty_dirs("debian", script),
        "sh: 1: echo: echo: I/O error\nsh: 1: printf: printf: I/O error\nseq: write error: No space left on device\n"
    );
}

#[test]
fn a_wildcard_in_a_middle_component_matches_across_directories() {
    let mut runtime = Runtime::new();
    let (_, log) = spawn_image(
        &mut runtime,
        "busybox",
        &[
            "sh",
            "-c",
            "mkdir -p /pods/a/vol /pods/b/vol /pods/c; touch /pods/a/vol/x /pods/b/vol/x; echo /pods/*/vol/x; echo /pods/*/none",
        ],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, 1_000);
    assert_eq!(
        runtime.log(log).unwrap().text(),
        "/pods/a/vol/x /pods/b/vol/x\n/pods/*/none\n"
    );
}

#[test]
fn symbolic_links_are_followed_listed_read_and_removed_as_links() {
    let script = "mkdir -p /tmp/d/sub; echo hello > /tmp/d/a; cd /tmp/d; ln -s a rel; ln -s /tmp/d/sub abs; ln -s missing dangling; ln -s loop1 loop2; ln -s loop2 loop1; ls -l; cat rel; echo in > abs/f; ls sub; readlink rel; readlink -f abs/f; readlink a || echo not-a-link; echo made > dangling; cat missing; cat loop1; [ -L rel ] && [ ! -L a ] && echo test-L; rm rel abs; ls; cat a";
    assert_eq!(
        run_in_image("busybox", script, 0),
        "total 8
-rw-r--r--    1 root     root             6 Jan  1 00:00 a
lrwxrwxrwx    1 root     root            10 Jan  1 00:00 abs -> /tmp/d/sub
lrwxrwxrwx    1 root     root             7 Jan  1 00:00 dangling -> missing
lrwxrwxrwx    1 root     root             5 Jan  1 00:00 loop1 -> loop2
lrwxrwxrwx    1 root     root             5 Jan  1 00:00 loop2 -> loop1
lrwxrwxrwx    1 root     root             1 Jan  1 00:00 rel -> a
drwxr-xr-x    2 root     root          4096 Jan  1 00:00 sub
hello
f
a
/tmp/d/sub/f
not-a-link
made
cat: loop1: Symbolic link loop
test-L
a
dangling
loop1
loop2
missing
sub
hello
"
    );
    let coreutils = run_in_image(
        "centos:7",
        "cd /tmp; ln -s b a; ln -s a b; cat a; ln -s x a; ls -l a",
        0,
    );
    assert_eq!(
        coreutils,
        "cat: a: Too many levels of symbolic links
ln: failed to create symbolic link 'a': File exists
lrwxrwxrwx 1 root root 1 Jan  1 00:00 a -> b
"
    );
}

#[test]
fn apt_get_installs_procps_after_an_update_and_the_container_keeps_it() {
    let mut runtime = Runtime::new();
    let (redis, _) = spawn_image(
        &mut runtime,
        "redis",
        &["redis-server"],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, 0);
    let exec = |runtime: &mut Runtime, argv: &[&str]| {
        runtime.exec(
            redis,
            argv.iter().map(|a| a.to_string()).collect(),
            SimTime::ZERO,
        )
    };
    assert_eq!(
        exec(&mut runtime, &["ps"]).unwrap_err(),
        super::ExecError::NotFound {
            program: "ps".into()
        }
    );
    let (before, before_log) = exec(&mut runtime, &["apt-get", "install", "-y", "procps"]).unwrap();
    let (update, _) = exec(
        &mut runtime,
        &[
            "sh",
            "-c",
            "sleep 1; apt-get update >/dev/null; apt-get install -y procps >/dev/null; ps -p 1",
        ],
    )
    .unwrap();
    run_until(&mut runtime, 10_000);
    assert_eq!(runtime.exit_code(before), Some(100));
    assert_eq!(
        runtime.log(before_log).unwrap().text(),
        "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nE: Unable to locate package procps\n"
    );
    assert_eq!(runtime.exit_code(update), Some(0));
    let (ps, ps_log) = exec(&mut runtime, &["ps", "-ef"]).unwrap();
    runtime.run(SimTime::from_millis(10_000));
    assert_eq!(runtime.exit_code(ps), Some(0));
    assert!(runtime.log(ps_log).unwrap().text().starts_with("UID         PID   PPID  C STIME TTY          TIME CMD\nroot          1      0  0 00:00 ?        00:00:00 redis-server\n"));
}

#[test]
fn yum_installs_net_tools_and_reports_what_centos_already_has() {
    let log = run_in_image(
        "centos:7",
        "netstat -tln; yum install -y procps-ng nosuch; echo status=$?; yum install -y net-tools | tail -4; netstat -tln >/dev/null && echo has-netstat",
        10_000,
    );
    assert_eq!(
        log,
        "bash: netstat: command not found
Loaded plugins: fastestmirror, ovl
Determining fastest mirrors
 * base: mirrors.aliyun.com
 * extras: mirrors.aliyun.com
 * updates: mirrors.aliyun.com
Package procps-ng-3.3.10-28.el7.x86_64 already installed and latest version
No package nosuch available.
Error: Nothing to do
status=1
Installed:
  net-tools.x86_64 0:2.0-0.25.20131004git.el7

Complete!
has-netstat
"
    );
}

#[test]
fn busybox_top_in_batch_mode_prints_one_screen_and_an_empty_line() {
    assert_eq!(
        run_in_image("busybox", "sleep 100 & sleep 61; top -bn1", 61_000),
        "Mem: 2396324K used, 5755772K free, 2516K shrd, 60416K buff, 1283840K cached\nCPU:  0.0% usr  0.0% sys  0.0% nic  100% idle  0.0% io  0.0% irq  0.0% sirq\nLoad average: 0.00 0.00 0.00 1/190 4\n  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n    1     0 root     S     1332  0.0   1  0.0 sh -c sleep 100 & sleep 61; top -bn1\n    2     1 root     S     1332  0.0   0  0.0 sleep 100\n    4     1 root     R     1332  0.0   0  0.0 top -bn1\n\n"
    );
}

#[test]
fn procps_top_in_batch_mode_prints_the_summary_and_the_tasks() {
    assert_eq!(
        run_in_image("centos:7", "sleep 100 & sleep 61; top -b -n 1", 61_000),
        "top - 00:01:01 up 1 min,  0 users,  load average: 0.00, 0.00, 0.00\nTasks:   3 total,   1 running,   2 sleeping,   0 stopped,   0 zombie\n%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st\nKiB Mem :  8152096 total,  5755772 free,  1052068 used,  1344256 buff/cache\nKiB Swap:        0 total,        0 free,        0 used.  6831176 avail Mem \n\n   PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND\n     1 root      20   0   11828   2996   2396 S   0.0  0.0   0:00.00 sh\n     2 root      20   0    4364    356    284 S   0.0  0.0   0:00.00 sleep\n     4 root      20   0  162012   2188   1750 R   0.0  0.0   0:00.00 top\n"
    );
}

#[test]
fn procps_4_top_shows_mebibytes_and_a_wider_memory_column() {
    assert_eq!(
        run_in_image("python", "sleep 3700; top -bn1", 3_700_000),
        "top - 01:01:40 up  1:01,  0 user,  load average: 0.00, 0.00, 0.00\nTasks:   2 total,   1 running,   1 sleeping,   0 stopped,   0 zombie\n%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st \nMiB Mem :   7961.0 total,   5621.2 free,   1027.1 used,   1312.8 buff/cache     \nMiB Swap:      0.0 total,      0.0 free,      0.0 used.   6671.4 avail Mem \n\n   PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n     1 root      20   0   11828   2996   2396 S   0.0   0.0   0:00.00 sh\n     3 root      20   0  162012   2188   1750 R   0.0   0.0   0:00.00 top\n"
    );
}

#[test]
fn busybox_free_and_uptime_print_the_nodes_memory_and_clock() {
    assert_eq!(
        run_in_image("busybox", "sleep 90061; uptime; free; free -m", 90_061_000),
        " 01:01:01 up 1 day,  1:01,  load average: 0.00, 0.00, 0.00\n              total        used        free      shared  buff/cache   available\nMem:        8152096     1050228     5757612        2516     1344256     6833016\nSwap:             0           0           0\n              total        used        free      shared  buff/cache   available\nMem:           7961        1025        5622           2        1312        6672\nSwap:             0           0           0\n"
    );
}

#[test]
fn procps_3_free_and_uptime_print_the_nodes_memory_and_clock() {
    assert_eq!(
        run_in_image("centos:7", "sleep 90061; uptime; free -h", 90_061_000),
        " 01:01:01 up 1 day,  1:01,  0 users,  load average: 0.00, 0.00, 0.00\n              total        used        free      shared  buff/cache   available\nMem:           7.8G        1.0G        5.5G        2.5M        1.3G        6.5G\nSwap:            0B          0B          0B\n"
    );
}

#[test]
fn procps_4_free_and_uptime_print_the_nodes_memory_and_clock() {
    assert_eq!(
        run_in_image("python", "sleep 90061; uptime; free; free -h", 90_061_000),
        " 01:01:01 up 1 day,  1:01,  0 user,  load average: 0.00, 0.00, 0.00\n               total        used        free      shared  buff/cache   available\nMem:         8152096     1050228     5757612        2516     1344256     6833016\nSwap:              0           0           0\n               total        used        free      shared  buff/cache   available\nMem:           7.8Gi       1.0Gi       5.5Gi       2.5Mi       1.3Gi       6.5Gi\nSwap:             0B          0B          0B\n"
    );
}

#[test]
fn busybox_top_without_batch_mode_draws_an_80_column_screen_with_escapes() {
    assert_eq!(run_in_image("busybox", "top -n 1 | cat", 0), "\u{1b}[H\u{1b}[JMem: 2398964K used, 5753132K free, 2516K shrd, 60416K buff, 1283840K cached\nCPU:  0.0% usr  0.0% sys  0.0% nic  100% idle  0.0% io  0.0% irq  0.0% sirq\nLoad average: 0.00 0.00 0.00 1/190 3\n\u{1b}[7m  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\u{1b}[m\n    1     0 root     S     1332  0.0   1  0.0 sh -c top -n 1 | cat\n    2     1 root     R     1332  0.0   0  0.0 top -n 1\n    3     1 root     S     1332  0.0   1  0.0 sh -c top -n 1 | cat\r\n");
}

#[test]
fn procps_top_without_batch_mode_needs_a_terminal() {
    assert_eq!(
        run_in_image("centos:7", "top; echo status=$?; TERM=xterm top", 0),
        "TERM environment variable not set.\nstatus=1\ntop: failed tty get\n"
    );
}
