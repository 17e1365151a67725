//! Tokens → syntax tree, by recursive descent over the POSIX shell grammar
//! (with bash's `function` keyword and `&>`). Verbs: `parse_*` builds a node,
//! `expect_*` consumes a required token or reports what was found instead.

use super::ast::{
    AndOr, CaseArm, Command, CompoundCommand, Connector, List, ListItem, Pipeline, Program,
    Redirect, RedirectKind, RedirectTarget, Word,
};
use super::lexer::{Lexer, Operator, RedirectOperator, Token};
use super::syntax_error::{SyntaxError, SyntaxErrorKind, MAX_NESTING};

/// Reserved words that end a compound list.
const LIST_TERMINATORS: [&str; 7] = ["then", "else", "elif", "fi", "do", "done", "esac"];

/// Parses a whole script.
pub fn parse(text: &str) -> Result<Program, SyntaxError> {
    parse_nested(text, 1, 0)
}

/// Parses text that starts on `line`, already `depth` levels deep (command substitutions).
fn parse_nested(text: &str, line: usize, depth: usize) -> Result<Program, SyntaxError> {
    if depth > MAX_NESTING {
        return Err(SyntaxError {
            line,
            kind: SyntaxErrorKind::TooDeep,
        });
    }
    let mut parser = Parser {
        lexer: Lexer::new(text, line, depth, parse_nested),
        peeked: None,
    };
    let body = parser.parse_list(&[])?;
    match parser.next()? {
        Token::End => Ok(Program {
            body,
            heredocs: std::mem::take(&mut parser.lexer.heredocs),
        }),
        other => Err(parser.unexpected(&other)),
    }
}

struct Parser {
    lexer: Lexer,
    peeked: Option<Token>,
}

impl Parser {
    fn peek(&mut self) -> Result<&Token, SyntaxError> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next_token()?);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }

    fn next(&mut self) -> Result<Token, SyntaxError> {
        match self.peeked.take() {
            Some(token) => Ok(token),
            None => self.lexer.next_token(),
        }
    }

    fn unexpected(&self, token: &Token) -> SyntaxError {
        let kind = match token {
            Token::End => SyntaxErrorKind::UnexpectedEnd { expecting: None },
            Token::Newline => SyntaxErrorKind::UnexpectedToken("newline".to_string()),
            Token::Operator(operator) => {
                SyntaxErrorKind::UnexpectedToken(operator.text().to_string())
            }
            Token::Word(word) => SyntaxErrorKind::UnexpectedToken(word.to_string()),
        };
        SyntaxError {
            line: self.lexer.line,
            kind,
        }
    }

    /// Whether the next token is the reserved word `word`.
    fn at_word(&mut self, word: &str) -> Result<bool, SyntaxError> {
        Ok(matches!(self.peek()?, Token::Word(w) if w.as_literal() == Some(word)))
    }

    /// Consumes the reserved word `word`, or reports what was there.
    fn expect_word(&mut self, word: &str) -> Result<(), SyntaxError> {
        match self.next()? {
            Token::Word(w) if w.as_literal() == Some(word) => Ok(()),
            Token::End => Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(word.to_string()),
                },
            }),
            other => Err(self.unexpected(&other)),
        }
    }

    fn skip_newlines(&mut self) -> Result<(), SyntaxError> {
        while matches!(self.peek()?, Token::Newline) {
            self.next()?;
        }
        Ok(())
    }

    /// A list of and-or lists, up to the end, a terminator word, `)` or `;;`,
    /// or one of `closers` (`}`).
    fn parse_list(&mut self, closers: &[&str]) -> Result<List, SyntaxError> {
        let mut list = List::default();
        loop {
            self.skip_newlines()?;
            match self.peek()? {
                Token::End | Token::Operator(Operator::RightParen | Operator::DoubleSemicolon) => {
                    break
                }
                Token::Word(w)
                    if w.as_literal()
                        .is_some_and(|t| LIST_TERMINATORS.contains(&t) || closers.contains(&t)) =>
                {
                    break
                }
                _ => {}
            }
            let and_or = self.parse_and_or()?;
            let background = match self.peek()? {
                Token::Operator(Operator::Ampersand) => {
                    self.next()?;
                    true
                }
                Token::Operator(Operator::Semicolon) | Token::Newline => {
                    self.next()?;
                    false
                }
                _ => false,
            };
            list.items.push(ListItem { and_or, background });
            if !background && !matches!(self.peeked, None | Some(Token::Newline)) {
                // After a command without a separator only a closer may follow.
                if !matches!(
                    self.peek()?,
                    Token::End
                        | Token::Operator(Operator::RightParen | Operator::DoubleSemicolon)
                        | Token::Word(_)
                ) {
                    let token = self.next()?;
                    return Err(self.unexpected(&token));
                }
            }
        }
        Ok(list)
    }

    fn parse_and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.parse_pipeline()?;
        let mut rest = Vec::new();
        loop {
            let connector = match self.peek()? {
                Token::Operator(Operator::AndIf) => Connector::And,
                Token::Operator(Operator::OrIf) => Connector::Or,
                _ => break,
            };
            self.next()?;
            self.skip_newlines()?;
            rest.push((connector, self.parse_pipeline()?));
        }
        Ok(AndOr { first, rest })
    }

    fn parse_pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let negated = if self.at_word("!")? {
            self.next()?;
            true
        } else {
            false
        };
        let mut commands = vec![self.parse_command()?];
        while matches!(self.peek()?, Token::Operator(Operator::Pipe)) {
            self.next()?;
            self.skip_newlines()?;
            commands.push(self.parse_command()?);
        }
        Ok(Pipeline { negated, commands })
    }

    fn parse_command(&mut self) -> Result<Command, SyntaxError> {
        if self.lexer.depth > MAX_NESTING {
            return Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::TooDeep,
            });
        }
        self.lexer.depth += 1;
        let command = self.parse_command_here();
        self.lexer.depth -= 1;
        command
    }

    fn parse_command_here(&mut self) -> Result<Command, SyntaxError> {
        let token = self.peek()?.clone();
        let compound = match &token {
            Token::Operator(Operator::LeftParen) => {
                self.next()?;
                let list = self.parse_list(&[])?;
                self.expect_operator(Operator::RightParen)?;
                Some(CompoundCommand::Subshell(list))
            }
            Token::Word(word) => match word.as_literal() {
                Some("{") => {
                    self.next()?;
                    let list = self.parse_list(&["}"])?;
                    self.expect_word("}")?;
                    Some(CompoundCommand::Group(list))
                }
                Some("if") => Some(self.parse_if()?),
                Some("for") => Some(self.parse_for()?),
                Some("while" | "until") => Some(self.parse_loop()?),
                Some("case") => Some(self.parse_case()?),
                Some("function") => return self.parse_function_keyword(),
                Some(reserved) if LIST_TERMINATORS.contains(&reserved) || reserved == "}" => {
                    self.next()?;
                    return Err(self.unexpected(&token));
                }
                _ => None,
            },
            Token::End => {
                return Err(SyntaxError {
                    line: self.lexer.line,
                    kind: SyntaxErrorKind::UnexpectedEnd { expecting: None },
                })
            }
            _ => None,
        };
        if let Some(body) = compound {
            let redirects = self.parse_redirects()?;
            return Ok(Command::Compound { body, redirects });
        }
        self.parse_simple_command()
    }

    fn expect_operator(&mut self, expected: Operator) -> Result<(), SyntaxError> {
        match self.next()? {
            Token::Operator(operator) if operator == expected => Ok(()),
            Token::End => Err(SyntaxError {
                line: self.lexer.line,
                kind: SyntaxErrorKind::UnexpectedEnd {
                    expecting: Some(expected.text().to_string()),
                },
            }),
            other => Err(self.unexpected(&other)),
        }
    }

    fn parse_if(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("if")?;
        let mut branches = Vec::new();
        let mut otherwise = None;
        loop {
            let condition = self.parse_list(&[])?;
            self.expect_word("then")?;
            let body = self.parse_list(&[])?;
            branches.push((condition, body));
            if self.at_word("elif")? {
                self.next()?;
                continue;
            }
            if self.at_word("else")? {
                self.next()?;
                otherwise = Some(self.parse_list(&[])?);
            }
            self.expect_word("fi")?;
            break;
        }
        Ok(CompoundCommand::If {
            branches,
            otherwise,
        })
    }

    fn parse_for(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("for")?;
        let name = match self.next()? {
            Token::Word(word) if word.as_literal().is_some() => word.to_string(),
            other => return Err(self.unexpected(&other)),
        };
        if matches!(self.peek()?, Token::Operator(Operator::Semicolon)) {
            self.next()?;
        }
        self.skip_newlines()?;
        let words = if self.at_word("in")? {
            self.next()?;
            let mut words = Vec::new();
            while let Token::Word(_) = self.peek()? {
                let Token::Word(word) = self.next()? else {
                    unreachable!()
                };
                words.push(word);
            }
            match self.peek()? {
                Token::Operator(Operator::Semicolon) | Token::Newline => {
                    self.next()?;
                }
                _ => {}
            }
            Some(words)
        } else {
            None
        };
        self.skip_newlines()?;
        let body = self.parse_do_group()?;
        Ok(CompoundCommand::For { name, words, body })
    }

    fn parse_do_group(&mut self) -> Result<List, SyntaxError> {
        self.expect_word("do")?;
        let body = self.parse_list(&[])?;
        self.expect_word("done")?;
        Ok(body)
    }

    fn parse_loop(&mut self) -> Result<CompoundCommand, SyntaxError> {
        let until = self.at_word("until")?;
        self.next()?;
        let condition = self.parse_list(&[])?;
        let body = self.parse_do_group()?;
        Ok(if until {
            CompoundCommand::Until { condition, body }
        } else {
            CompoundCommand::While { condition, body }
        })
    }

    fn parse_case(&mut self) -> Result<CompoundCommand, SyntaxError> {
        self.expect_word("case")?;
        let word = match self.next()? {
            Token::Word(word) => word,
            other => return Err(self.unexpected(&other)),
        };
        self.skip_newlines()?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        loop {
            self.skip_newlines()?;
            if self.at_word("esac")? {
                self.next()?;
                break;
            }
            if matches!(self.peek()?, Token::Operator(Operator::LeftParen)) {
                self.next()?;
            }
            let mut patterns = Vec::new();
            loop {
                match self.next()? {
                    Token::Word(pattern) => patterns.push(pattern),
                    Token::End => {
                        return Err(SyntaxError {
                            line: self.lexer.line,
                            kind: SyntaxErrorKind::UnexpectedEnd {
                                expecting: Some(")".to_string()),
                            },
                        })
                    }
                    other => return Err(self.unexpected(&other)),
                }
                match self.next()? {
                    Token::Operator(Operator::Pipe) => continue,
                    Token::Operator(Operator::RightParen) => break,
                    other => return Err(self.unexpected(&other)),
                }
            }
            let body = self.parse_list(&[])?;
            arms.push(CaseArm { patterns, body });
            match self.peek()? {
                Token::Operator(Operator::DoubleSemicolon) => {
                    self.next()?;
                }
                _ => {
                    self.skip_newlines()?;
                    self.expect_word("esac")?;
                    break;
                }
            }
        }
        Ok(CompoundCommand::Case { word, arms })
    }

    /// `function name [()] compound-command`
    fn parse_function_keyword(&mut self) -> Result<Command, SyntaxError> {
        self.expect_word("function")?;
        let name = match self.next()? {
            Token::Word(word) => word.to_string(),
            other => return Err(self.unexpected(&other)),
        };
        if matches!(self.peek()?, Token::Operator(Operator::LeftParen)) {
            self.next()?;
            self.expect_operator(Operator::RightParen)?;
        }
        self.skip_newlines()?;
        let body = self.parse_command()?;
        Ok(Command::FunctionDefinition {
            name,
            body: Box::new(body),
        })
    }

    fn parse_redirects(&mut self) -> Result<Vec<Redirect>, SyntaxError> {
        let mut redirects = Vec::new();
        while let Token::Operator(Operator::Redirect { .. }) = self.peek()? {
            redirects.push(self.parse_redirect()?);
        }
        Ok(redirects)
    }

    fn parse_redirect(&mut self) -> Result<Redirect, SyntaxError> {
        let Token::Operator(Operator::Redirect { fd, op }) = self.next()? else {
            unreachable!("called on a redirection operator");
        };
        let target = match self.next()? {
            Token::Word(word) => word,
            other => return Err(self.unexpected(&other)),
        };
        let (kind, default_fd) = match op {
            RedirectOperator::Less => (RedirectKind::Input, 0),
            RedirectOperator::Great => (RedirectKind::Output, 1),
            RedirectOperator::DoubleGreat => (RedirectKind::Append, 1),
            RedirectOperator::GreatAnd => (RedirectKind::Duplicate, 1),
            RedirectOperator::LessAnd => (RedirectKind::Duplicate, 0),
            RedirectOperator::AndGreat => (RedirectKind::OutputAndError, 1),
            RedirectOperator::DoubleLess | RedirectOperator::DoubleLessDash => {
                let index = self
                    .lexer
                    .register_heredoc(&target, op == RedirectOperator::DoubleLessDash);
                return Ok(Redirect {
                    fd: fd.unwrap_or(0),
                    kind: RedirectKind::HereDoc,
                    target: RedirectTarget::HereDoc(index),
                });
            }
        };
        Ok(Redirect {
            fd: fd.unwrap_or(default_fd),
            kind,
            target: RedirectTarget::Word(target),
        })
    }

    fn parse_simple_command(&mut self) -> Result<Command, SyntaxError> {
        let mut assignments = Vec::new();
        let mut words: Vec<Word> = Vec::new();
        let mut redirects = Vec::new();
        loop {
            match self.peek()? {
                Token::Operator(Operator::Redirect { .. }) => {
                    redirects.push(self.parse_redirect()?)
                }
                Token::Operator(Operator::LeftParen) if words.len() == 1 => {
                    // `name() { … }`
                    self.next()?;
                    self.expect_operator(Operator::RightParen)?;
                    self.skip_newlines()?;
                    let body = self.parse_command()?;
                    return Ok(Command::FunctionDefinition {
                        name: words.remove(0).to_string(),
                        body: Box::new(body),
                    });
                }
                Token::Word(_) => {
                    let Token::Word(word) = self.next()? else {
                        unreachable!()
                    };
                    match assignment(&word) {
                        Some(pair) if words.is_empty() => assignments.push(pair),
                        _ => words.push(word),
                    }
                }
                _ => break,
            }
        }
        if assignments.is_empty() && words.is_empty() && redirects.is_empty() {
            let token = self.next()?;
            return Err(self.unexpected(&token));
        }
        Ok(Command::Simple {
            assignments,
            words,
            redirects,
        })
    }
}

/// `NAME=value` at the start of a simple command.
fn assignment(word: &Word) -> Option<(String, Word)> {
    use super::ast::WordPart;
    let WordPart::Literal(first) = word.parts.first()? else {
        return None;
    };
    let (name, value_start) = first.split_once('=')?;
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let mut parts = Vec::new();
    if !value_start.is_empty() {
        parts.push(WordPart::Literal(value_start.to_string()));
    }
    parts.extend(word.parts[1..].iter().cloned());
    Some((name.to_string(), Word { parts }))
}
