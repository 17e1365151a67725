//! `podplay`: the playground's console without the browser.
//!
//! `podplay run SCRIPT` replays a podplay script (see `podplay::script`) on a
//! fresh simulated cluster and prints the transcript. Files named with `-f`
//! are looked up in the script's virtual working directory, then in the
//! script's own folder (read-only, nothing outside it).
//!
//! `podplay check LESSON [SCRIPT] [--lang zh|en]` grades a learner's script
//! against a lesson file (see `lessons/README.md`): the lesson's starting pod
//! is applied, the script's commands are typed one by one, and every check
//! is reported with ✓ or ✗. Exit code 0 when all pass, 1 when some fail, 2
//! for a lesson or script that cannot be read. Without SCRIPT, the lesson's
//! own `solution` is graded (for teachers).

use podplay::i18n::Lang;
use podplay::kubectl::{Console, ReadOnlyFiles};
use podplay::lessons::{parse_lesson, report};
use podplay::script::{parse_script, run_script};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: podplay run SCRIPT
       podplay check LESSON [SCRIPT] [--lang zh|en]

run    replays a podplay script on a simulated cluster and prints the transcript.
check  runs a lesson's starting pod, then SCRIPT (or the lesson's solution),
       and reports each of the lesson's checks; exit 0 when all pass, 1 when
       some fail, 2 when the lesson or script cannot be read.";

/// The largest file `podplay` reads, script or manifest.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.as_slice() {
        [command, script] if command == "run" => run(Path::new(script)),
        [command, rest @ ..] if command == "check" => match check_arguments(rest) {
            Some((lesson, script, lang)) => check(Path::new(lesson), script.map(Path::new), lang),
            None => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
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
    let text = match read_or_say(script_path) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let steps = match parse_script(&text) {
        Ok(steps) => steps,
        Err(error) => {
            eprintln!("{}:{error}", script_path.display());
            return ExitCode::FAILURE;
        }
    };
    // A bare file name's parent is "", which names no folder: use ".".
    let folder = script_path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut console = Console::with_fallback_files(Box::new(ScriptFolder { root: folder }));
    let transcript = run_script(&steps, &mut console);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = stdout.write_all(transcript.as_bytes());
    let _ = stdout.flush();
    ExitCode::SUCCESS
}

/// `LESSON [SCRIPT] [--lang zh|en]`, the flag anywhere.
fn check_arguments(arguments: &[String]) -> Option<(&str, Option<&str>, Lang)> {
    let mut lang = Lang::En;
    let mut paths = Vec::new();
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        match argument.as_str() {
            "--lang" => {
                lang = match rest.next()?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    _ => return None,
                }
            }
            "--lang=zh" => lang = Lang::Zh,
            "--lang=en" => lang = Lang::En,
            flag if flag.starts_with('-') => return None,
            path => paths.push(path),
        }
    }
    match paths.as_slice() {
        [lesson] => Some((lesson, None, lang)),
        [lesson, script] => Some((lesson, Some(script), lang)),
        _ => None,
    }
}

fn check(lesson_path: &Path, script_path: Option<&Path>, lang: Lang) -> ExitCode {
    let lesson_text = match read_or_say(lesson_path) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let lesson = match parse_lesson(&lesson_text) {
        Ok(lesson) => lesson,
        Err(error) => {
            eprintln!("{}:{error}", lesson_path.display());
            return ExitCode::from(2);
        }
    };
    let commands = match script_path {
        None if lesson.solution.is_empty() => {
            eprintln!(
                "podplay: {} has no solution; give a SCRIPT to grade",
                lesson_path.display()
            );
            return ExitCode::from(2);
        }
        None => lesson.solution.clone(),
        Some(path) => {
            let text = match read_or_say(path) {
                Ok(text) => text,
                Err(code) => return code,
            };
            match parse_script(&text) {
                Ok(steps) => steps,
                Err(error) => {
                    eprintln!("{}:{error}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
    };
    let results = lesson.grade(&mut lesson.studio(), &commands);
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(report(&lesson, &results, lang).as_bytes());
    let _ = stdout.flush();
    if results.iter().all(|result| result.passed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The file at `path`, or exit code 2 after saying why it could not be read.
fn read_or_say(path: &Path) -> Result<String, ExitCode> {
    read_limited(path).map_err(|error| {
        eprintln!("podplay: cannot read {}: {error}", path.display());
        ExitCode::from(2)
    })
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

impl ScriptFolder {
    /// The real path of `relative_path` in the folder: `None` when the path
    /// is not a plain relative one or leads (through a link) out of it.
    fn inside(&self, relative_path: &str) -> Option<PathBuf> {
        let relative = Path::new(relative_path);
        if !relative
            .components()
            .all(|component| matches!(component, Component::Normal(_) | Component::CurDir))
        {
            return None;
        }
        let root = self.root.canonicalize().ok()?;
        let path = root.join(relative).canonicalize().ok()?;
        path.starts_with(&root).then_some(path)
    }
}

impl ReadOnlyFiles for ScriptFolder {
    fn read(&self, relative_path: &str) -> Option<String> {
        let path = self.inside(relative_path).filter(|path| path.is_file())?;
        read_limited(&path).ok()
    }

    fn list(&self, relative_path: &str) -> Option<Vec<String>> {
        let path = self.inside(relative_path).filter(|path| path.is_dir())?;
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .ok()?
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().is_file())
            .filter_map(|entry| entry.file_name().into_string().ok())
            .collect();
        names.sort();
        Some(names)
    }
}
