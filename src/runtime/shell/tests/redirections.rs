//! Simple commands' assignments and redirections (`>`, `2>&1`, `<`), and
//! background jobs between them.

use super::check;
use expect_test::expect;

#[test]
fn assignments_redirections_and_background_jobs() {
    check(
        "A=1 B=\"x y\" env > /tmp/out 2>&1 </dev/null & wait $!; exec nginx -g 'daemon off;' 2>/dev/null",
        expect![[r#"(cmd A=[1] B=["x y"] [env] 1>/tmp/out 2>&1 0</dev/null) & (cmd [wait] [${!}]) (cmd [exec] [nginx] [-g] ['daemon off;'] 2>/dev/null)"#]],
    );
}
