//! The compound commands parsed: `for`, `until`, `while`, `if`/`elif`/`else`,
//! `case`, functions, `{ … }` groups and `( … )` subshells.

use super::check;
use expect_test::expect;

#[test]
fn the_seed_producer_loop() {
    check(
        "for i in {1..100};do echo $i >> /producer_dir/hello;sleep 1;done",
        expect![[
            r#"(for i in [{1..100}] do ((cmd [echo] [${i}] 1>>/producer_dir/hello) (cmd [sleep] [1])))"#
        ]],
    );
}

#[test]
fn the_seed_init_container_wait() {
    check(
        "until nslookup myservice; do echo waiting for myservice; sleep 2; done;",
        expect![[
            r#"(until ((cmd [nslookup] [myservice])) do ((cmd [echo] [waiting] [for] [myservice]) (cmd [sleep] [2])))"#
        ]],
    );
}

#[test]
fn if_case_while_functions_and_groups() {
    check(
        "if [ -f /data/x ]; then cat /data/x; elif true; then :; else exit 3; fi\ncase $1 in start|run) serve ;; *) echo usage;; esac\nwhile true; do :; done\nlog() { echo \"$(date) $*\" >&2; }\nfunction stop { kill -TERM $pid; }\n( cd /tmp && ls )",
        expect![[r#"(if ((cmd [[] [-f] [/data/x] []])) then ((cmd [cat] [/data/x])) ((cmd [true])) then ((cmd [:])) else ((cmd [exit] [3]))) (case [${1}] (start|run) ((cmd [serve]))) (*) ((cmd [echo] [usage])))) (while ((cmd [true])) do ((cmd [:]))) (function log (group (cmd [echo] ["$((cmd [date])) ${*}"] 1>&2))) (function stop (group (cmd [kill] [-TERM] [${pid}]))) (subshell (and-or (cmd [cd] [/tmp]) && (cmd [ls])))"#]],
    );
}
