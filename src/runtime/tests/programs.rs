//! Programs in their images: `ps` and `top` formats, package managers,
//! `free`, `uptime` and a generic server (tomcat).

use super::*;

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

#[test]
fn tomcat_starts_listens_on_8080_and_answers_404_with_no_web_application() {
    let mut runtime = Runtime::new();
    let app = std::rc::Rc::new(crate::runtime::net::PodNetwork::new(
        [10, 244, 1, 15],
        1,
        22,
    ));
    let image = crate::runtime::images::resolve("tomcat").unwrap();
    let argv = crate::runtime::images::container_argv(&image, &[], &[]);
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
    // The status line ends in `\r\n`; the container log drops the `\r`, as
    // containerd's CRI logger does (`readLine` in internal/cri/io/logger.go).
    assert_eq!(
        runtime.log(client).unwrap().text(),
        "early 7\nHTTP/1.1 404 \n1\n"
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
    runtime.signal(server, crate::runtime::SignalTarget::Process, 15);
    run_until(&mut runtime, 3_000);
    assert_eq!(runtime.exit_code(server), Some(143));
    assert!(runtime
        .log(server_log)
        .unwrap()
        .text()
        .ends_with("INFO [Thread-1] org.apache.coyote.AbstractProtocol.destroy Destroying ProtocolHandler [\"http-nio-8080\"]\n"));
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
        crate::runtime::ExecError::NotFound {
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
        // busybox top samples the CPU twice, 100 ms apart, before its first screen.
        run_in_image("busybox", "sleep 100 & sleep 61; top -bn1", 61_100),
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
    // The screen's last line ends in `\r\n`, of which the container log
    // keeps the newline (containerd's `readLine` drops `\r\n` as a whole).
    assert_eq!(run_in_image("busybox", "top -n 1 | cat", 100), "\u{1b}[H\u{1b}[JMem: 2396324K used, 5755772K free, 2516K shrd, 60416K buff, 1283840K cached\nCPU:  0.0% usr  0.0% sys  0.0% nic  100% idle  0.0% io  0.0% irq  0.0% sirq\nLoad average: 0.00 0.00 0.00 1/190 3\n\u{1b}[7m  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\u{1b}[m\n    1     0 root     S     1332  0.0   1  0.0 sh -c top -n 1 | cat\n    2     1 root     R     1332  0.0   0  0.0 top -n 1\n    3     1 root     S     1332  0.0   1  0.0 cat\n");
}

#[test]
fn procps_top_without_batch_mode_needs_a_terminal() {
    assert_eq!(
        run_in_image("centos:7", "top; echo status=$?; TERM=xterm top", 0),
        "TERM environment variable not set.\nstatus=1\ntop: failed tty get\n"
    );
}

#[test]
fn tail_and_head_take_c_as_busybox_and_coreutils_do() {
    // Recorded from BusyBox 1.35 and GNU coreutils 9.1 over `seq 1 200`
    // (692 bytes): `-c 300`, `-c300`, `-c +N` (from the Nth byte on),
    // `-n +N`, `head -c -N` (all but the last N), the `b` suffix (512).
    let script = "seq 1 200 > /tmp/f; tail -c 300 /tmp/f | wc -c; tail -c10 /tmp/f; \
                  tail -c +690 /tmp/f; printf 'abcdef' | tail -c 3; echo; \
                  printf 'abcdef' | tail -c +3; echo; printf 'a\\nb\\nc\\n' | tail -n +2; \
                  tail -c 1b /tmp/f | wc -c; head -c 5 /tmp/f; echo; printf 'abcdef' | head -c -2; \
                  echo; head -c -690 /tmp/f; echo; printf 'a\\nb\\nc\\n' | head -n -1";
    let expected = "300\n8\n199\n200\n00\ndef\ncdef\nb\nc\n512\n1\n2\n3\nabcd\n1\n\na\nb\n";
    for image in ["busybox", "debian"] {
        assert_eq!(run_in_image(image, script, 0), expected, "{image}");
    }
    // A bad or missing count: BusyBox's words, or GNU's, and exit 1.
    assert_eq!(
        run_in_image("busybox", "tail -c x /tmp; echo $?; head -c", 0),
        "tail: invalid number 'x'\n1\nhead: option requires an argument -- 'c'\n"
    );
    assert_eq!(
        run_in_image("debian", "tail -c x /tmp; echo $?; head -n 3x", 0),
        "tail: invalid number of bytes: ‘x’\n1\nhead: invalid number of lines: ‘3x’\n"
    );
}
