//! The lexer's words: quotes, escapes, parameters, command substitutions
//! and arithmetic kept as parts of a word.

use super::check;
use expect_test::expect;

#[test]
fn quoting_parameters_and_substitutions() {
    check(
        r#"echo "pod $HOSTNAME: ${NAME:-none} $(date +%s) `hostname`" '$lit' \$x $((1 + $n * 2)) ${#PATH}"#,
        expect![[
            r#"(cmd [echo] ["pod ${HOSTNAME}: ${NAME:-none} $((cmd [date] [+%s])) $((cmd [hostname]))"] ['$lit'] ['$'x] [$((1 + $n * 2))] [${#PATH}])"#
        ]],
    );
}
