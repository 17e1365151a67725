//! Operators: control operators and redirections, with a descriptor number
//! glued to a redirection (`2>&1`).

use super::cursor::Lexer;
use super::token::{Operator, RedirectOperator};

impl Lexer {
    /// Reads an operator at the current position, if there is one.
    pub(super) fn operator(&mut self) -> Option<Operator> {
        // A descriptor number glued to a redirection: `2>`, `2>&1`.
        let digits: String = self.chars[self.position..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let after_digits = self.peek_at(digits.len());
        let fd = if !digits.is_empty() && matches!(after_digits, Some('<' | '>')) {
            digits.parse().ok()
        } else {
            None
        };
        let start = self.position + if fd.is_some() { digits.len() } else { 0 };
        let rest: String = self.chars[start..].iter().take(3).collect();
        use RedirectOperator::*;
        let table: [(&str, Operator); 17] = [
            (
                "<<-",
                Operator::Redirect {
                    fd,
                    op: DoubleLessDash,
                },
            ),
            ("<<", Operator::Redirect { fd, op: DoubleLess }),
            (
                ">>",
                Operator::Redirect {
                    fd,
                    op: DoubleGreat,
                },
            ),
            (">&", Operator::Redirect { fd, op: GreatAnd }),
            ("<&", Operator::Redirect { fd, op: LessAnd }),
            ("&>", Operator::Redirect { fd, op: AndGreat }),
            ("&&", Operator::AndIf),
            ("||", Operator::OrIf),
            (";;", Operator::DoubleSemicolon),
            ("<", Operator::Redirect { fd, op: Less }),
            (">", Operator::Redirect { fd, op: Great }),
            (";", Operator::Semicolon),
            ("&", Operator::Ampersand),
            ("|", Operator::Pipe),
            ("(", Operator::LeftParen),
            (")", Operator::RightParen),
            (">|", Operator::Redirect { fd, op: Great }),
        ];
        let (text, operator) = table.iter().find(|(text, operator)| {
            rest.starts_with(text)
                && (fd.is_none() || matches!(operator, Operator::Redirect { .. }))
        })?;
        for _ in 0..(start - self.position) + text.chars().count() {
            self.bump();
        }
        Some(*operator)
    }
}
