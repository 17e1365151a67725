//! Golden tests of the grammar: each script's syntax tree in the compact
//! S-expression form of `ast`'s `Display`, and syntax errors in each shell's words.

use super::{parse, Flavor};
use expect_test::{expect, Expect};

fn check(script: &str, expected: Expect) {
    let shown = match parse(script) {
        Ok(program) => {
            let mut text = program.body.to_string();
            for (index, heredoc) in program.heredocs.iter().enumerate() {
                text.push_str(&format!(
                    "\n#{index} expand={} {:?}",
                    heredoc.expand, heredoc.body
                ));
            }
            text
        }
        Err(error) => format!(
            "error line {}: {} | {}",
            error.line,
            error.message(Flavor::Busybox),
            error.message(Flavor::Bash)
        ),
    };
    expected.assert_eq(&shown);
}

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
fn and_or_lists_and_pipelines() {
    check(
        "echo The app is running! && sleep 3600 || ! false | cat",
        expect![[
            r#"(and-or (cmd [echo] [The] [app] [is] [running!]) && (cmd [sleep] [3600]) || (! (cmd [false]) | (cmd [cat])))"#
        ]],
    );
}

#[test]
fn quoting_parameters_and_substitutions() {
    check(
        r#"echo "pod $HOSTNAME: ${NAME:-none} $(date +%s) `hostname`" '$lit' \$x $((1 + $n * 2)) ${#PATH}"#,
        expect![[
            r#"(cmd [echo] ["pod ${HOSTNAME}: ${NAME:-none} $((cmd [date] [+%s])) $((cmd [hostname]))"] ['$lit'] ['$'x] [$((1 + $n * 2))] [${#PATH}])"#
        ]],
    );
}

#[test]
fn assignments_redirections_and_background_jobs() {
    check(
        "A=1 B=\"x y\" env > /tmp/out 2>&1 </dev/null & wait $!; exec nginx -g 'daemon off;' 2>/dev/null",
        expect![[r#"(cmd A=[1] B=["x y"] [env] 1>/tmp/out 2>&1 0</dev/null) & (cmd [wait] [${!}]) (cmd [exec] [nginx] [-g] ['daemon off;'] 2>/dev/null)"#]],
    );
}

#[test]
fn if_case_while_functions_and_groups() {
    check(
        "if [ -f /data/x ]; then cat /data/x; elif true; then :; else exit 3; fi\ncase $1 in start|run) serve ;; *) echo usage;; esac\nwhile true; do :; done\nlog() { echo \"$(date) $*\" >&2; }\nfunction stop { kill -TERM $pid; }\n( cd /tmp && ls )",
        expect![[r#"(if ((cmd [[] [-f] [/data/x] []])) then ((cmd [cat] [/data/x])) ((cmd [true])) then ((cmd [:])) else ((cmd [exit] [3]))) (case [${1}] (start|run) ((cmd [serve]))) (*) ((cmd [echo] [usage])))) (while ((cmd [true])) do ((cmd [:]))) (function log (group (cmd [echo] ["$((cmd [date])) ${*}"] 1>&2))) (function stop (group (cmd [kill] [-TERM] [${pid}]))) (subshell (and-or (cmd [cd] [/tmp]) && (cmd [ls])))"#]],
    );
}

#[test]
fn here_documents_with_and_without_expansion() {
    check(
        "cat <<EOF > /etc/app.conf\nname=$NAME\nEOF\ncat <<-'END'\n\tliteral $x\n\tEND\necho done",
        expect![[r#"
            (cmd [cat] 0<<#0 1>/etc/app.conf) (cmd [cat] 0<<#1) (cmd [echo] [done])
            #0 expand=true "name=$NAME\n"
            #1 expand=false "literal $x\n""#]],
    );
}

#[test]
fn trap_and_set_e() {
    check(
        "set -e; trap 'echo bye; exit 0' TERM INT; sleep 3600 & wait",
        expect![[
            r#"(cmd [set] [-e]) (cmd [trap] ['echo bye; exit 0'] [TERM] [INT]) (cmd [sleep] [3600]) & (cmd [wait])"#
        ]],
    );
}

#[test]
fn a_stray_done_is_an_unexpected_token() {
    check(
        "echo hi; done",
        expect![[
            r#"error line 1: sh: syntax error: unexpected "done" | bash: -c: line 1: syntax error near unexpected token `done'"#
        ]],
    );
}

#[test]
fn a_loop_without_done_ends_unexpectedly() {
    check(
        "for i in 1 2; do echo $i",
        expect![[
            r#"error line 1: sh: syntax error: unexpected end of file (expecting "done") | bash: -c: line 1: syntax error: unexpected end of file"#
        ]],
    );
}

#[test]
fn an_unclosed_quote_is_reported() {
    check(
        "echo 'oops",
        expect![[
            r#"error line 1: sh: syntax error: unterminated quoted string | bash: -c: line 1: unexpected EOF while looking for matching `''"#
        ]],
    );
}

#[test]
fn a_lone_operator_is_unexpected() {
    check(
        "echo a && ; echo b",
        expect![[
            r#"error line 1: sh: syntax error: unexpected ";" | bash: -c: line 1: syntax error near unexpected token `;'"#
        ]],
    );
}

#[test]
fn dash_words_errors_with_the_line_number() {
    let error = parse("echo hi; done").unwrap_err();
    assert_eq!(
        error.message(Flavor::Dash),
        "sh: 1: Syntax error: \"done\" unexpected"
    );
    let error = parse("while true; do :").unwrap_err();
    assert_eq!(
        error.message(Flavor::Dash),
        "sh: 1: Syntax error: end of file unexpected (expecting \"done\")"
    );
}

mod expansion;
