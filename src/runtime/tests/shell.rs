//! The shell language as processes run it: commands, pipelines, loops,
//! redirections, background jobs, `set -e`, nested shells and errors.

use super::*;

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
        Some(SimTime::from_millis(crate::runtime::TIME_SLICE_MILLIS))
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
fn break_in_a_loops_condition_ends_the_loop() {
    // dash 0.5.12, bash 5.2 and BusyBox 1.35 ash all print `done`, `done2`
    // and `end`: `break` in a `while` or `until` condition leaves that loop,
    // and `break 2` the loop around it too.
    let script =
        "while break; do echo x; done; echo done; until break; do echo y; done; echo done2; \
                  for i in 1 2; do while break 2; do echo z; done; echo after $i; done; echo end";
    for image in ["busybox", "debian", "centos:7"] {
        assert_eq!(
            run_in_image(image, script, 0),
            "done\ndone2\nend\n",
            "{image}"
        );
    }
}
