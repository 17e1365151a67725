//! What the integration tests that run the real `podplay` binary share:
//! running it, and comparing what it printed with a golden file (rewritten
//! instead with `UPDATE_EXPECT=1`).

use std::path::Path;
use std::process::Command;

/// The crate's folder, where the tests' files are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `podplay ARGUMENTS` in the crate's folder: (stdout, stderr, exit code).
pub fn podplay(arguments: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .args(arguments)
        .current_dir(root())
        .output()
        .expect("podplay runs");
    (
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
        output.status.code().unwrap_or(-1),
    )
}

/// How `actual` differs from the golden file, if it does; with
/// `UPDATE_EXPECT` set, the golden file becomes `actual` instead.
pub fn golden_mismatch(golden: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(golden, actual).expect("golden written");
        return None;
    }
    let expected = std::fs::read_to_string(golden).unwrap_or_default();
    (expected != actual).then(|| {
        format!(
            "{}\n--- expected\n{expected}\n--- actual\n{actual}",
            golden.display()
        )
    })
}
