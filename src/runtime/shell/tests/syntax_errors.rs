//! Syntax errors, worded as busybox `sh`, bash and dash word them.

use super::check;
use crate::runtime::shell::{parse, Flavor};
use expect_test::expect;

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
