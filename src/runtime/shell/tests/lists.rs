//! Lists parsed: `&&`/`||` chains, pipelines with `!`, `;` and `&`.

use super::check;
use expect_test::expect;

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
fn trap_and_set_e() {
    check(
        "set -e; trap 'echo bye; exit 0' TERM INT; sleep 3600 & wait",
        expect![[
            r#"(cmd [set] [-e]) (cmd [trap] ['echo bye; exit 0'] [TERM] [INT]) (cmd [sleep] [3600]) & (cmd [wait])"#
        ]],
    );
}
