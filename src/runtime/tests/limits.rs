//! The shell's limits end as the real shells end: function recursion, deep
//! expansions, huge widths and ranges (measured on Debian 12 with dash
//! 0.5.12, bash 5.2.15 and BusyBox 1.35.0, `ulimit -s 8192`).

use super::{container, launch, run_until};
use crate::runtime::shell::Flavor;
use crate::runtime::Runtime;

/// Runs `script` in `flavor`'s shell for `millis`; returns (log, exit code).
fn run_in(flavor: Flavor, script: &str, millis: u64) -> (String, Option<i32>) {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(&mut runtime, view, flavor, script);
    run_until(&mut runtime, millis);
    (runtime.log(log).unwrap().text(), runtime.exit_code(id))
}

#[test]
fn endless_recursion_ends_as_each_real_shell_ends() {
    // `sh -c 'f(){ echo $n; n=$((n+1)); f; }; n=0; f'`: dash prints 0…999
    // then `sh: 1: Maximum function recursion depth (1000) reached`, exit 2;
    // BusyBox ash prints 0…7270 and is killed by SIGSEGV (139); bash 5.2
    // prints 0…8307 and is killed by SIGSEGV (139).
    let cases = [
        (
            Flavor::Dash,
            "999\nsh: 1: Maximum function recursion depth (1000) reached\n",
            2,
        ),
        (Flavor::Busybox, "7269\n7270\n", 139),
        (Flavor::Bash, "8306\n8307\n", 139),
    ];
    for (flavor, end, code) in cases {
        let (log, exit) = run_in(flavor, "f(){ echo $n; n=$((n+1)); f; }; n=0; f", 60_000);
        assert!(
            log.ends_with(end),
            "{flavor:?}: {:?}",
            log.get(log.len().saturating_sub(200)..)
        );
        assert_eq!(exit, Some(code), "{flavor:?}");
    }
}

#[test]
fn a_subshell_inherits_the_depth_of_its_parent() {
    // dash 0.5.12: a subshell of the 1000th call is refused the next call,
    // and the parent goes on to the same end: the message twice, exit 2.
    let (log, exit) = run_in(
        Flavor::Dash,
        "f(){ [ $n = 999 ] && (f; echo never); echo $n; [ $n = 1001 ] || { n=$((n+1)); f; }; }; n=0; f",
        60_000,
    );
    assert!(log.starts_with("0\n1\n") && !log.contains("never"));
    assert_eq!(
        log.matches("Maximum function recursion depth (1000) reached")
            .count(),
        2,
        "{:?}",
        log.get(log.len().saturating_sub(200)..)
    );
    assert_eq!(exit, Some(2));
}

#[test]
fn a_returning_function_frees_its_level() {
    // Ten thousand calls one after another never nest: every shell runs them.
    for flavor in [Flavor::Dash, Flavor::Busybox, Flavor::Bash] {
        let script = "f(){ :; }; i=0; while [ $i -lt 10000 ]; do f; i=$((i+1)); done; echo $i";
        let (log, exit) = run_in(flavor, script, 60_000);
        assert_eq!((log.as_str(), exit), ("10000\n", Some(0)), "{flavor:?}");
    }
}

#[test]
fn a_wide_printf_field_streams_its_padding() {
    // `printf '%65536s' x | wc -c` prints 65536 in dash, bash and BusyBox
    // ash; two million bytes stream through the pipe the same way.
    for flavor in [Flavor::Dash, Flavor::Busybox, Flavor::Bash] {
        let script = "printf '%65536s' x | wc -c; printf '%-2000000s|' x | wc -c";
        let (log, exit) = run_in(flavor, script, 60_000);
        assert_eq!(
            (log.as_str(), exit),
            ("65536\n2000001\n", Some(0)),
            "{flavor:?}"
        );
    }
}

#[test]
fn a_field_wider_than_c_formats_fails_as_each_shell_fails() {
    // Debian 12, `printf 'a%2147483648sb\n' x y; echo st=$?`: dash 0.5.12
    // prints `a` and `dash: 1: printf: xvsnprintf failed`, status 2; bash 5.2
    // prints `ab` twice, status 0; BusyBox 1.35.0 the same, status 1. A width
    // too long for any integer (`%99999999999999999999d`) fails alike.
    let script = "printf 'a%2147483648sb\\n' x y; echo st=$?; printf '%99999999999999999999d|\\n' 5; echo st=$?";
    let cases = [
        (
            Flavor::Dash,
            "sh: 1: printf: xvsnprintf failed\nast=2\nsh: 1: printf: xvsnprintf failed\nst=2\n",
        ),
        (Flavor::Bash, "ab\nab\nst=0\n|\nst=0\n"),
        (Flavor::Busybox, "ab\nab\nst=1\n|\nst=1\n"),
    ];
    for (flavor, expected) in cases {
        let (log, _) = run_in(flavor, script, 1_000);
        assert_eq!(log, expected, "{flavor:?}");
    }
}

#[test]
fn a_brace_range_too_big_to_hold_is_left_as_it_is_and_the_shell_goes_on() {
    // bash 5.2 with `ulimit -v 400000`: `bash -c 'echo {1..100000000}; echo
    // st=$?'` prints `bash: line 1: brace expansion: failed to allocate memory
    // for 100000000 elements`, `{1..100000000}` and `st=0`. (podplay's bash
    // messages do not name the line yet.)
    let (log, exit) = run_in(Flavor::Bash, "echo {1..100000000}; echo st=$?", 1_000);
    assert_eq!(
        log,
        "bash: brace expansion: failed to allocate memory for 100000000 elements\n{1..100000000}\nst=0\n"
    );
    assert_eq!(exit, Some(0));
}

/// `echo ${x:-${x:-…ok…}}`, `depth` deep.
fn nested_defaults(depth: usize) -> String {
    format!("echo {}ok{}", "${x:-".repeat(depth), "}".repeat(depth))
}

#[test]
fn defaults_nested_a_thousand_deep_expand_and_deeper_ones_crash() {
    // Debian 12, `ulimit -s 8192`, `echo ${x:-${x:-…ok…}}` as a script
    // file: BusyBox 1.35.0 ash prints `ok` up to 20,948 levels and dies of
    // SIGSEGV (139) at 20,949; dash 0.5.12 at 17,458 and 17,459; bash 5.2
    // at 12,183 and 12,184 (quadratic: 12,000 levels took 9.7 s and 858 MB,
    // 10,000 took 8.2 s and 598 MB). podplay runs 1,000 (within the
    // engine's 8 MiB wasm stack, `build.rs`) and ends deeper ones as the
    // crash, printing nothing.
    // The unoptimised test build takes far more stack a level than the
    // release build; 1,000 levels still fit in the real shells' 8 MiB.
    let check = || {
        for flavor in [Flavor::Dash, Flavor::Busybox, Flavor::Bash] {
            let (log, exit) = run_in(flavor, &nested_defaults(1_000), 1_000);
            assert_eq!((log.as_str(), exit), ("ok\n", Some(0)), "{flavor:?}");
            let (log, exit) = run_in(flavor, &nested_defaults(1_001), 1_000);
            assert_eq!((log.as_str(), exit), ("", Some(139)), "{flavor:?}");
        }
    };
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(check)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn a_value_doubled_without_end_runs_the_shell_out_of_memory() {
    // Debian 12 with `ulimit -v 600000`, `x=x; while :; do x=$x$x; done`:
    // dash 0.5.12 dies of SIGSEGV silently; bash 5.2 prints `bash: xrealloc:
    // cannot allocate 268435584 bytes` (a 256 MiB value) and exits 2; BusyBox
    // 1.35.0 prints `sh: out of memory` and exits 1. podplay's values stop
    // at 64 MiB, so bash asks for 128 MiB.
    let script = "x=x; while :; do x=$x$x; done";
    let cases = [
        (Flavor::Dash, "", 139),
        (
            Flavor::Bash,
            "bash: xrealloc: cannot allocate 134217856 bytes\n",
            2,
        ),
        (Flavor::Busybox, "sh: out of memory\n", 1),
    ];
    for (flavor, message, code) in cases {
        let (log, exit) = run_in(flavor, script, 10_000);
        assert_eq!((log.as_str(), exit), (message, Some(code)), "{flavor:?}");
    }
}

#[test]
fn a_command_substitution_keeps_its_whole_output() {
    // dash 0.5.12, bash 5.2, BusyBox 1.35.0: `x=$(printf '%3000000s' x);
    // echo ${#x}` prints 3000000; 100 MiB runs the shell out of memory.
    for flavor in [Flavor::Dash, Flavor::Busybox, Flavor::Bash] {
        let (log, _) = run_in(flavor, "x=$(printf '%3000000s' x); echo ${#x}", 10_000);
        assert_eq!(log, "3000000\n", "{flavor:?}");
    }
    let (log, exit) = run_in(
        Flavor::Busybox,
        "x=$(printf '%104857600s' x); echo ${#x}",
        60_000,
    );
    assert_eq!((log.as_str(), exit), ("sh: out of memory\n", Some(1)));
}
