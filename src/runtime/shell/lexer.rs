//! Text → tokens. Words come out already split into parts (literal, quoted,
//! `$name`, `$(…)`, `$((…))`), so the parser never re-reads quotes; command
//! substitutions are parsed recursively, through the [`ParseNested`] function
//! the parser hands in (the lexer never names the parser). Here-document bodies are read at the
//! newline after their operator, once the parser has registered the delimiter.

use super::ast::{HereDoc, Parameter, ParameterOperation, Program, Word, WordPart};
use super::syntax_error::{SyntaxError, SyntaxErrorKind};

/// Operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    AndIf,
    OrIf,
    Semicolon,
    DoubleSemicolon,
    Ampersand,
    Pipe,
    LeftParen,
    RightParen,
    /// A redirection operator with its explicit descriptor, if any (`2>`).
    Redirect {
        fd: Option<u32>,
        op: RedirectOperator,
    },
}

/// The redirection operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirectOperator {
    Less,
    Great,
    DoubleGreat,
    DoubleLess,
    DoubleLessDash,
    GreatAnd,
    LessAnd,
    AndGreat,
}

impl Operator {
    /// The operator as written, for error messages.
    pub fn text(self) -> &'static str {
        match self {
            Operator::AndIf => "&&",
            Operator::OrIf => "||",
            Operator::Semicolon => ";",
            Operator::DoubleSemicolon => ";;",
            Operator::Ampersand => "&",
            Operator::Pipe => "|",
            Operator::LeftParen => "(",
            Operator::RightParen => ")",
            Operator::Redirect { op, .. } => match op {
                RedirectOperator::Less => "<",
                RedirectOperator::Great => ">",
                RedirectOperator::DoubleGreat => ">>",
                RedirectOperator::DoubleLess => "<<",
                RedirectOperator::DoubleLessDash => "<<-",
                RedirectOperator::GreatAnd => ">&",
                RedirectOperator::LessAnd => "<&",
                RedirectOperator::AndGreat => "&>",
            },
        }
    }
}

/// A token and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Word(Word),
    Operator(Operator),
    Newline,
    End,
}

/// How the lexer parses the inside of `$(…)` and `` `…` ``: the text, the line
/// it starts on and how deep it is nested. The parser passes its own entry, so
/// the lexer needs not import the parser that imports it.
pub type ParseNested = fn(&str, usize, usize) -> Result<Program, SyntaxError>;

/// A here-document waiting for its body.
struct PendingHereDoc {
    index: usize,
    delimiter: String,
    strip_tabs: bool,
}

/// The lexer's state over one script.
pub struct Lexer {
    chars: Vec<char>,
    position: usize,
    /// The current line (1-based), for errors.
    pub line: usize,
    /// Here-documents registered but not yet read.
    pending: Vec<PendingHereDoc>,
    /// Here-document bodies, by index.
    pub heredocs: Vec<HereDoc>,
    /// How deeply nested the parser is, counted across substitutions.
    pub depth: usize,
    /// Parses the text of a command substitution.
    parse_nested: ParseNested,
}

fn is_metacharacter(ch: char) -> bool {
    matches!(
        ch,
        ' ' | '\t' | '\n' | ';' | '&' | '|' | '(' | ')' | '<' | '>'
    )
}

fn is_name_start(ch: char) -> bool {
    ch.is_ascii_alphabetic() || ch == '_'
}

fn is_name_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '_'
}

impl Lexer {
    /// A lexer over `text` whose first line is `line`, `depth` levels deep;
    /// `parse_nested` parses its command substitutions.
    pub fn new(text: &str, line: usize, depth: usize, parse_nested: ParseNested) -> Lexer {
        Lexer {
            chars: text.chars().collect(),
            position: 0,
            line,
            pending: Vec::new(),
            heredocs: Vec::new(),
            depth,
            parse_nested,
        }
    }

    fn peek_char(&self) -> Option<char> {
        self.chars.get(self.position).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.position + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let ch = self.chars.get(self.position).copied()?;
        self.position += 1;
        if ch == '\n' {
            self.line += 1;
        }
        Some(ch)
    }

    fn error(&self, kind: SyntaxErrorKind) -> SyntaxError {
        SyntaxError {
            line: self.line,
            kind,
        }
    }

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
    fn read_heredoc_bodies(&mut self) -> Result<(), SyntaxError> {
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

    /// The next token.
    pub fn next_token(&mut self) -> Result<Token, SyntaxError> {
        loop {
            match self.peek_char() {
                Some(' ' | '\t') => {
                    self.bump();
                }
                Some('\\') if self.peek_at(1) == Some('\n') => {
                    self.bump();
                    self.bump();
                }
                Some('#') => {
                    while let Some(ch) = self.peek_char() {
                        if ch == '\n' {
                            break;
                        }
                        self.bump();
                    }
                }
                _ => break,
            }
        }
        let Some(ch) = self.peek_char() else {
            return Ok(Token::End);
        };
        if ch == '\n' {
            self.bump();
            self.read_heredoc_bodies()?;
            return Ok(Token::Newline);
        }
        if let Some(operator) = self.operator() {
            return Ok(Token::Operator(operator));
        }
        Ok(Token::Word(self.word()?))
    }

    /// Reads an operator at the current position, if there is one.
    fn operator(&mut self) -> Option<Operator> {
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

    /// Reads one word (up to an unquoted metacharacter).
    fn word(&mut self) -> Result<Word, SyntaxError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        while let Some(ch) = self.peek_char() {
            if is_metacharacter(ch) {
                break;
            }
            match ch {
                '\\' => {
                    self.bump();
                    match self.bump() {
                        Some('\n') => {}
                        Some(escaped) => {
                            flush(&mut literal, &mut parts);
                            parts.push(WordPart::SingleQuoted(escaped.to_string()));
                        }
                        None => literal.push('\\'),
                    }
                }
                '\'' => {
                    flush(&mut literal, &mut parts);
                    self.bump();
                    let mut text = String::new();
                    loop {
                        match self.bump() {
                            Some('\'') => break,
                            Some(c) => text.push(c),
                            None => {
                                return Err(self.error(SyntaxErrorKind::UnterminatedQuote('\'')))
                            }
                        }
                    }
                    parts.push(WordPart::SingleQuoted(text));
                }
                '"' => {
                    flush(&mut literal, &mut parts);
                    self.bump();
                    parts.push(WordPart::DoubleQuoted(self.double_quoted()?));
                }
                '$' | '`' => match self.dollar_or_backtick()? {
                    Some(part) => {
                        flush(&mut literal, &mut parts);
                        parts.push(part);
                    }
                    None => literal.push('$'),
                },
                _ => {
                    self.bump();
                    literal.push(ch);
                }
            }
        }
        flush(&mut literal, &mut parts);
        Ok(Word { parts })
    }

    /// Reads the inside of `"…"` after the opening quote.
    fn double_quoted(&mut self) -> Result<Vec<WordPart>, SyntaxError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        loop {
            match self.peek_char() {
                None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('"'))),
                Some('"') => {
                    self.bump();
                    break;
                }
                Some('\\') => {
                    self.bump();
                    match self.bump() {
                        Some(c @ ('$' | '`' | '"' | '\\')) => literal.push(c),
                        Some('\n') => {}
                        Some(c) => {
                            literal.push('\\');
                            literal.push(c);
                        }
                        None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('"'))),
                    }
                }
                Some('$' | '`') => match self.dollar_or_backtick()? {
                    Some(part) => {
                        flush(&mut literal, &mut parts);
                        parts.push(part);
                    }
                    None => literal.push('$'),
                },
                Some(c) => {
                    self.bump();
                    literal.push(c);
                }
            }
        }
        flush(&mut literal, &mut parts);
        Ok(parts)
    }

    /// Reads `$…` or `` `…` `` at the current position; `None` for a lone `$`
    /// (which the caller keeps as a literal, already consumed).
    fn dollar_or_backtick(&mut self) -> Result<Option<WordPart>, SyntaxError> {
        let line = self.line;
        if self.bump() == Some('`') {
            let mut text = String::new();
            loop {
                match self.bump() {
                    Some('`') => break,
                    Some('\\') => match self.bump() {
                        Some(c @ ('`' | '\\' | '$')) => text.push(c),
                        Some(c) => {
                            text.push('\\');
                            text.push(c);
                        }
                        None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('`'))),
                    },
                    Some(c) => text.push(c),
                    None => return Err(self.error(SyntaxErrorKind::UnterminatedQuote('`'))),
                }
            }
            return Ok(Some(WordPart::CommandSubstitution(Box::new((self
                .parse_nested)(
                &text,
                line,
                self.depth + 1,
            )?))));
        }
        match self.peek_char() {
            Some('(') if self.peek_at(1) == Some('(') => {
                self.bump();
                self.bump();
                let text = self.balanced(')', 2, true)?;
                Ok(Some(WordPart::Arithmetic(text.trim().to_string())))
            }
            Some('(') => {
                self.bump();
                let text = self.balanced(')', 1, false)?;
                Ok(Some(WordPart::CommandSubstitution(Box::new((self
                    .parse_nested)(
                    &text,
                    line,
                    self.depth + 1,
                )?))))
            }
            Some('{') => {
                self.bump();
                let text = self.balanced('}', 1, false)?;
                Ok(Some(WordPart::Parameter(self.braced_parameter(&text)?)))
            }
            Some(c) if is_name_start(c) => {
                let mut name = String::new();
                while let Some(c) = self.peek_char().filter(|c| is_name_char(*c)) {
                    self.bump();
                    name.push(c);
                }
                Ok(Some(WordPart::Parameter(Parameter {
                    name,
                    operation: ParameterOperation::Value,
                })))
            }
            Some(c) if c.is_ascii_digit() || "?$!#@*-".contains(c) => {
                self.bump();
                Ok(Some(WordPart::Parameter(Parameter {
                    name: c.to_string(),
                    operation: ParameterOperation::Value,
                })))
            }
            _ => Ok(None),
        }
    }

    /// Reads up to the `close` that balances `depth` open ones (the opening
    /// ones already consumed), skipping quoted text; returns the inside. For
    /// `$((…))` (`arithmetic`) the last two parens close it.
    fn balanced(
        &mut self,
        close: char,
        depth: usize,
        arithmetic: bool,
    ) -> Result<String, SyntaxError> {
        let open = if close == ')' { '(' } else { '{' };
        let mut depth = depth;
        let mut text = String::new();
        let mut quote: Option<char> = None;
        loop {
            let Some(ch) = self.bump() else {
                return Err(self.error(SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(close.to_string()),
                }));
            };
            match (quote, ch) {
                (Some(q), c) if c == q => quote = None,
                (Some('"'), '\\') | (None, '\\') => {
                    text.push(ch);
                    if let Some(next) = self.bump() {
                        text.push(next);
                    }
                    continue;
                }
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(ch),
                (None, c) if c == open => depth += 1,
                (None, c) if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        // `$((…))` closes with two parens; the first is in `text`.
                        if arithmetic {
                            text.pop();
                        }
                        return Ok(text);
                    }
                }
                _ => {}
            }
            text.push(ch);
        }
    }

    /// Parses the inside of `${…}`.
    fn braced_parameter(&self, text: &str) -> Result<Parameter, SyntaxError> {
        let bad = || self.error(SyntaxErrorKind::BadSubstitution(format!("${{{text}}}")));
        if let Some(name) = text.strip_prefix('#') {
            if !name.is_empty() && (name.chars().all(is_name_char) || name.len() == 1) {
                return Ok(Parameter {
                    name: name.to_string(),
                    operation: ParameterOperation::Length,
                });
            }
        }
        let name_length = match text.chars().next() {
            Some(c) if is_name_start(c) => text.chars().take_while(|c| is_name_char(*c)).count(),
            Some(c) if c.is_ascii_digit() => {
                text.chars().take_while(|c| c.is_ascii_digit()).count()
            }
            Some(c) if "?$!#@*-".contains(c) => 1,
            _ => return Err(bad()),
        };
        let name = text[..name_length].to_string();
        let rest = &text[name_length..];
        if rest.is_empty() {
            return Ok(Parameter {
                name,
                operation: ParameterOperation::Value,
            });
        }
        let (colon, after_colon) = match rest.strip_prefix(':') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let operand = |text: &str| -> Result<Word, SyntaxError> {
            let mut lexer = Lexer::new(text, self.line, self.depth + 1, self.parse_nested);
            let mut parts = Vec::new();
            while lexer.peek_char().is_some() {
                if let Some(ch @ (' ' | '\t')) = lexer.peek_char() {
                    lexer.bump();
                    parts.push(WordPart::Literal(ch.to_string()));
                    continue;
                }
                parts.extend(lexer.word()?.parts);
                if let Some(ch) = lexer
                    .peek_char()
                    .filter(|c| is_metacharacter(*c) && !matches!(c, ' ' | '\t'))
                {
                    lexer.bump();
                    parts.push(WordPart::Literal(ch.to_string()));
                }
            }
            Ok(Word { parts })
        };
        let operation = match (colon, after_colon.chars().next()) {
            (_, Some('-')) => ParameterOperation::Default {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('=')) => ParameterOperation::Assign {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('+')) => ParameterOperation::Alternative {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (_, Some('?')) => ParameterOperation::Error {
                colon,
                word: operand(&after_colon[1..])?,
            },
            (false, Some('#')) => match rest.strip_prefix("##") {
                Some(pattern) => ParameterOperation::RemovePrefix {
                    longest: true,
                    pattern: operand(pattern)?,
                },
                None => ParameterOperation::RemovePrefix {
                    longest: false,
                    pattern: operand(&rest[1..])?,
                },
            },
            (false, Some('%')) => match rest.strip_prefix("%%") {
                Some(pattern) => ParameterOperation::RemoveSuffix {
                    longest: true,
                    pattern: operand(pattern)?,
                },
                None => ParameterOperation::RemoveSuffix {
                    longest: false,
                    pattern: operand(&rest[1..])?,
                },
            },
            _ => return Err(bad()),
        };
        Ok(Parameter { name, operation })
    }
}

fn flush(literal: &mut String, parts: &mut Vec<WordPart>) {
    if !literal.is_empty() {
        parts.push(WordPart::Literal(std::mem::take(literal)));
    }
}
