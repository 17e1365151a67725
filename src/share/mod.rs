//! Share links: the editor's YAML, the commands typed (with their virtual
//! times) and the current virtual time, packed into a URL fragment
//! (`#share=…`) with lz-string's URI-safe compression, so a link for a seed
//! pod stays well under 2,000 characters and any lz-string library can read
//! it. Opening a link checks everything (size, format, times) before anything
//! is used: a corrupt or hostile link is refused with a reason.

mod error;
mod lz;

pub use error::ShareError;
pub use lz::{compress_uri, decompress_uri};

use crate::clock::SimTime;
use crate::examples::files_of;
use crate::studio::{Studio, TypedCommand};

/// The fragment's key: `#share=…`.
pub const FRAGMENT_KEY: &str = "share=";

/// The first line of a packed state, naming the format's version.
const HEADER: &str = "podplay-share 1";

/// At most this many commands in a link.
const MAX_COMMANDS: usize = 200;

/// The longest link read, in characters (browsers keep far less).
const MAX_LINK_CHARS: usize = 1 << 20;

/// The longest virtual time a link may ask for (a day).
const MAX_MILLIS: u64 = 86_400_000;

/// What a share link holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The example the YAML started from.
    pub example: String,
    /// The virtual time, in milliseconds.
    pub millis: u64,
    /// The commands typed: (virtual time in milliseconds, line, here-document).
    pub commands: Vec<(u64, String, Option<String>)>,
    /// The editor's text.
    pub yaml: String,
}

impl Shared {
    /// What a link to `studio` (started from example `example`) holds.
    pub fn of(studio: &Studio, example: &str) -> Shared {
        Shared {
            example: example.to_string(),
            millis: studio.now().as_millis(),
            commands: studio
                .commands()
                .iter()
                .map(|c| (c.at.as_millis(), c.line.clone(), c.stdin.clone()))
                .collect(),
            yaml: studio.yaml.clone(),
        }
    }

    /// The playground the link holds: its YAML (with its example's files),
    /// each command typed at its time, at its time.
    pub fn open(&self) -> Studio {
        let mut studio = self.set_off();
        studio.finish();
        studio.sliced = false;
        studio
    }

    /// The playground the link holds, sliced and only set off toward its
    /// time: [`Studio::run_ahead`] replays the commands on the way there.
    pub fn set_off(&self) -> Studio {
        let commands = self
            .commands
            .iter()
            .map(|(at, line, stdin)| TypedCommand {
                at: SimTime::from_millis(*at),
                line: line.clone(),
                stdin: stdin.clone(),
            })
            .collect();
        Studio::replaying(
            self.yaml.clone(),
            files_of(&self.example),
            commands,
            SimTime::from_millis(self.millis),
        )
    }

    /// The text after `#share=`.
    pub fn to_fragment(&self) -> String {
        let mut text = format!("{HEADER}\nexample {}\nt {}\n", self.example, self.millis);
        for (at, line, stdin) in &self.commands {
            text.push_str(&format!("cmd {at} {}\n", escape(line)));
            if let Some(stdin) = stdin {
                text.push_str(&format!("stdin {}\n", escape(stdin)));
            }
        }
        text.push_str("yaml\n");
        text.push_str(&self.yaml);
        compress_uri(&text)
    }

    /// Reads the text after `#share=`, checking everything.
    pub fn from_fragment(fragment: &str) -> Result<Shared, ShareError> {
        if fragment.len() > MAX_LINK_CHARS {
            return Err(ShareError::TooLarge);
        }
        let text = decompress_uri(fragment)?;
        let (head, yaml) = text
            .split_once("\nyaml\n")
            .ok_or(ShareError::BadFormat("no yaml"))?;
        let mut lines = head.lines();
        if lines.next() != Some(HEADER) {
            return Err(ShareError::BadFormat("unknown version"));
        }
        let mut shared = Shared {
            example: String::new(),
            millis: 0,
            commands: Vec::new(),
            yaml: yaml.to_string(),
        };
        for line in lines {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "example" => shared.example = value.to_string(),
                "t" => shared.millis = parse_millis(value)?,
                "cmd" => {
                    if shared.commands.len() == MAX_COMMANDS {
                        return Err(ShareError::BadFormat("too many commands"));
                    }
                    let (at, command) = value.split_once(' ').unwrap_or((value, ""));
                    let at = parse_millis(at)?;
                    if shared
                        .commands
                        .last()
                        .is_some_and(|(last, _, _)| *last > at)
                    {
                        return Err(ShareError::BadFormat("commands out of order"));
                    }
                    shared.commands.push((at, unescape(command)?, None));
                }
                "stdin" => {
                    let Some(last) = shared.commands.last_mut() else {
                        return Err(ShareError::BadFormat("stdin before a command"));
                    };
                    last.2 = Some(unescape(value)?);
                }
                _ => return Err(ShareError::BadFormat("unknown field")),
            }
        }
        Ok(shared)
    }
}

fn parse_millis(text: &str) -> Result<u64, ShareError> {
    text.parse::<u64>()
        .ok()
        .filter(|millis| *millis <= MAX_MILLIS)
        .ok_or(ShareError::BadFormat("a bad time"))
}

/// Backslash, newline and carriage return escaped, so a value stays on its line.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> Result<String, ShareError> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            _ => return Err(ShareError::BadFormat("a bad escape")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
