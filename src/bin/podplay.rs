//! `podplay`: the playground's console without the browser.
//!
//! `podplay run SCRIPT` replays a podplay script (see `podplay::script`) on a
//! fresh simulated cluster and prints the transcript. Files named with `-f`
//! are looked up in the script's virtual working directory, then in the
//! script's own folder (read-only, nothing outside it).

use podplay::kubectl::{Console, ReadOnlyFiles};
use podplay::script::{parse_script, run_script};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: podplay run SCRIPT\n\nReplays a podplay script on a simulated cluster and prints the transcript.";

/// The largest file `podplay` reads, script or manifest.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.as_slice() {
        [command, script] if command == "run" => run(Path::new(script)),
        [flag] if flag == "--version" || flag == "-V" => {
            println!("podplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(script_path: &Path) -> ExitCode {
    let text = match read_limited(script_path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("podplay: cannot read {}: {error}", script_path.display());
            return ExitCode::from(2);
        }
    };
    let steps = match parse_script(&text) {
        Ok(steps) => steps,
        Err(error) => {
            eprintln!("{}:{error}", script_path.display());
            return ExitCode::FAILURE;
        }
    };
    let folder = script_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut console = Console::with_fallback_files(Box::new(ScriptFolder { root: folder }));
    let transcript = run_script(&steps, &mut console);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = stdout.write_all(transcript.as_bytes());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}

/// Reads a file of at most [`MAX_FILE_BYTES`]; bytes that are not UTF-8 become
/// U+FFFD, so a broken file reaches the YAML reader (and its error) intact.
fn read_limited(path: &Path) -> std::io::Result<String> {
    let metadata = std::fs::metadata(path)?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "file is larger than {MAX_FILE_BYTES} bytes"
        )));
    }
    Ok(String::from_utf8_lossy(&std::fs::read(path)?).into_owned())
}

/// The folder a script lives in, readable by relative paths that stay inside it.
struct ScriptFolder {
    root: PathBuf,
}

impl ReadOnlyFiles for ScriptFolder {
    fn read(&self, relative_path: &str) -> Option<String> {
        let relative = Path::new(relative_path);
        if !relative
            .components()
            .all(|component| matches!(component, Component::Normal(_) | Component::CurDir))
        {
            return None;
        }
        let root = self.root.canonicalize().ok()?;
        let path = root.join(relative).canonicalize().ok()?;
        if !path.starts_with(&root) || !path.is_file() {
            return None;
        }
        read_limited(&path).ok()
    }
}
