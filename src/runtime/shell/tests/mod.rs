//! Golden tests of the grammar, one file per topic: each script's syntax tree
//! in the compact S-expression form of `ast`'s `Display`, and syntax errors in
//! each shell's words. `expansion.rs` tests word expansion against a fake context.

mod compound;
mod expansion;
mod heredocs;
mod lists;
mod quoting;
mod redirections;
mod syntax_errors;

use super::{parse, Flavor};
use expect_test::Expect;

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
