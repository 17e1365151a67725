//! Here-documents: the parser registers a delimiter, and the lexer reads the
//! body at the next newline.

use super::cursor::{Lexer, PendingHereDoc};
use crate::runtime::shell::ast::{HereDoc, Word, WordPart};
use crate::runtime::shell::syntax_error::SyntaxError;

impl Lexer {
    /// Registers a here-document whose body starts after the next newline;
    /// returns its index. A quoted delimiter makes the body literal.
    pub fn register_heredoc(&mut self, delimiter: &Word, strip_tabs: bool) -> usize {
        let quoted = delimiter
            .parts
            .iter()
            .any(|part| !matches!(part, WordPart::Literal(_)));
        let text: String = delimiter
            .parts
            .iter()
            .map(|part| match part {
                WordPart::Literal(text) | WordPart::SingleQuoted(text) => text.clone(),
                other => Word {
                    parts: vec![other.clone()],
                }
                .to_string()
                .trim_matches('"')
                .to_string(),
            })
            .collect();
        let index = self.heredocs.len();
        self.heredocs.push(HereDoc {
            body: String::new(),
            expand: !quoted,
        });
        self.pending.push(PendingHereDoc {
            index,
            delimiter: text,
            strip_tabs,
        });
        index
    }

    /// Reads the bodies of pending here-documents, starting at the current position.
    pub(super) fn read_heredoc_bodies(&mut self) -> Result<(), SyntaxError> {
        for pending in std::mem::take(&mut self.pending) {
            let mut body = String::new();
            loop {
                if self.peek_char().is_none() {
                    // sh and bash accept a body ended by the end of the text.
                    break;
                }
                let mut line = String::new();
                while let Some(ch) = self.peek_char() {
                    self.bump();
                    if ch == '\n' {
                        break;
                    }
                    line.push(ch);
                }
                let line = if pending.strip_tabs {
                    line.trim_start_matches('\t').to_string()
                } else {
                    line
                };
                if line == pending.delimiter {
                    break;
                }
                body.push_str(&line);
                body.push('\n');
            }
            self.heredocs[pending.index].body = body;
        }
        Ok(())
    }
}
