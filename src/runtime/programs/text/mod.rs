//! Text programs: the streaming ones (`cat`, `head`, `tail`, `tee`) and the
//! filters that read all their input before they write (`grep`, `sed`,
//! `awk`, `sort`, `wc`, `cut`, `tr`, `uniq`), each with its own parsed
//! options, all reading through `input.rs`; `regex.rs` translates POSIX
//! regular expressions for `grep` and `sed`.

pub mod args;
pub mod awk;
pub mod cat;
pub mod count;
pub mod cut;
pub mod grep;
pub mod grep_options;
pub mod head;
pub mod input;
pub mod regex;
#[cfg(test)]
mod regex_tests;
pub mod sed;
pub mod sed_substitute;
#[cfg(test)]
mod sed_substitute_tests;
pub mod sort;
pub mod tail;
pub mod tee;
pub mod tr;
pub mod uniq;
pub mod wc;
