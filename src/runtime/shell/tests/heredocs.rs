//! Here-documents: bodies collected after the operator's line, expanded
//! or literal (`<<'EOF'`), tabs stripped by `<<-`.

use super::check;
use expect_test::expect;

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
