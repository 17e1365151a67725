//! `printf FORMAT [ARGUMENT…]`: `%s`, `%d`, `%i` with widths, the format reused while arguments remain.
//!
//! Padding is counted, not built: a width is a run of spaces written a chunk
//! per step, so `printf '%2000000000s' x | wc -c` streams two gigabytes at the
//! pipe's pace without holding them. A width over 2,147,483,647 (C's
//! `INT_MAX`) fails as each shell's builtin fails (Debian 12, `printf
//! 'a%2147483648sb\n' x y`): dash 0.5.12 prints `a`, then `printf: xvsnprintf
//! failed` and stops with 2; bash 5.2 and BusyBox 1.35.0 print the conversion
//! as nothing and go on (`ab`, twice), bash with 0, BusyBox with 1.

use super::echo::unescape;
use crate::runtime::program::{Program, Step, Sys};
use crate::runtime::programs::once::error;
use crate::runtime::shell::Flavor;
use std::collections::VecDeque;

/// The widest field C's `printf` formats.
const MAX_WIDTH: u64 = i32::MAX as u64;

/// Padding written per step, a pipe's capacity.
const CHUNK: usize = 65_536;

/// A piece of the output: text, or a run of padding spaces.
enum Piece {
    /// Bytes as they are.
    Text(Vec<u8>),
    /// This many spaces.
    Spaces(u64),
}

/// `printf FORMAT [ARGUMENT…]`: formats at its first step, then writes the
/// output a chunk per step.
pub struct Printf {
    /// The arguments, until the first step formats them.
    args: Option<Vec<String>>,
    /// What is left to write.
    pieces: VecDeque<Piece>,
    /// The exit status once everything is written.
    status: i32,
}

impl Printf {
    /// `printf` with its arguments.
    pub fn new(args: Vec<String>) -> Printf {
        Printf {
            args: Some(args),
            pieces: VecDeque::new(),
            status: 0,
        }
    }
}

impl Program for Printf {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if let Some(args) = self.args.take() {
            self.status = format(&args, sys, &mut self.pieces);
        }
        // Text goes out whole (a failed write is reported once, as the
        // builtin's one write fails); padding a chunk of spaces per step.
        let mut room = CHUNK;
        while let Some(piece) = self.pieces.front_mut() {
            match piece {
                Piece::Text(text) => {
                    sys.out.append(text);
                    self.pieces.pop_front();
                }
                Piece::Spaces(_) if room == 0 => return Step::Continue,
                Piece::Spaces(count) => {
                    let now = (*count).min(room as u64);
                    sys.out.resize(sys.out.len() + now as usize, b' ');
                    room -= now as usize;
                    *count -= now;
                    if *count == 0 {
                        self.pieces.pop_front();
                    }
                }
            }
        }
        Step::Exit(self.status)
    }
}

/// Formats `args` (the format, then its arguments) into `pieces`; returns the status.
fn format(args: &[String], sys: &mut Sys, pieces: &mut VecDeque<Piece>) -> i32 {
    let Some((format, values)) = args.split_first() else {
        error(sys, "printf: usage: printf FORMAT [ARGUMENT...]".into());
        return 1;
    };
    let format = unescape(format);
    let mut values = values.iter();
    let mut text = Vec::new();
    let mut status = 0;
    loop {
        let mut consumed = false;
        let mut chars = format.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                let mut buffer = [0; 4];
                text.extend(ch.encode_utf8(&mut buffer).bytes());
                continue;
            }
            let mut spec = String::new();
            while let Some(c) = chars
                .peek()
                .copied()
                .filter(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
            {
                spec.push(c);
                chars.next();
            }
            match chars.next() {
                Some('%') => text.push(b'%'),
                Some(conversion @ ('s' | 'd' | 'i')) => {
                    consumed = true;
                    let value = values.next().cloned().unwrap_or_default();
                    let value = if conversion == 's' {
                        value
                    } else {
                        value.trim().parse::<i64>().unwrap_or(0).to_string()
                    };
                    let Some(width) = width(&spec) else {
                        match sys.shell {
                            Flavor::Dash => {
                                pieces.push_back(Piece::Text(text));
                                // dash words a builtin's error as its own, with the line.
                                error(sys, "sh: 1: printf: xvsnprintf failed".into());
                                return 2;
                            }
                            Flavor::Busybox => status = 1,
                            Flavor::Bash => {}
                        }
                        continue;
                    };
                    let padding = width.saturating_sub(value.chars().count() as u64);
                    let left = spec.starts_with('-');
                    if left {
                        text.extend(value.bytes());
                    }
                    if padding > 0 {
                        pieces.push_back(Piece::Text(std::mem::take(&mut text)));
                        pieces.push_back(Piece::Spaces(padding));
                    }
                    if !left {
                        text.extend(value.bytes());
                    }
                }
                Some(other) => text.extend(format!("%{spec}{other}").bytes()),
                None => text.push(b'%'),
            }
        }
        if !consumed || values.len() == 0 {
            break;
        }
    }
    pieces.push_back(Piece::Text(text));
    status
}

/// The field width of a conversion's `spec` (`-5`, `10.2`); `None` when it
/// is wider than C's `printf` formats.
fn width(spec: &str) -> Option<u64> {
    let digits = spec.trim_start_matches('-').split('.').next().unwrap_or("");
    if digits.is_empty() {
        return Some(0);
    }
    digits.parse::<u64>().ok().filter(|w| *w <= MAX_WIDTH)
}
