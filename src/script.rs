//! The podplay script format, shared by `podplay run` and the browser console.
//!
//! Bash-like: one command per line, `#` comments, blank lines ignored, a
//! trailing `\` continues a line, and here-documents (`<<EOF`, `<<'EOF'`,
//! `<<-EOF`) give the command a body as stdin. Parsing is separate from running:
//! [`parse_script`] checks the whole script first and reports the first problem
//! as `LINE: message`; [`run_script`] then feeds each step to a [`Console`] and
//! builds the transcript (`$ COMMAND` followed by what it printed).

use crate::kubectl::{split_words, Console, Token};
use std::fmt;

/// One command of a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The line the command starts on (1-based).
    pub line: usize,
    /// The command as typed (continuations joined), echoed in the transcript.
    pub command: String,
    /// The here-document body, if the command has one.
    pub stdin: Option<String>,
}

/// Why a script cannot be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    /// The line of the problem (1-based).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// Reads a whole script into steps, or the first reason it cannot be run.
pub fn parse_script(text: &str) -> Result<Vec<Step>, ScriptError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut steps = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let first_line = index + 1;
        let mut command = String::new();
        // Join continuation lines.
        loop {
            let Some(line) = lines.get(index) else {
                return Err(ScriptError {
                    line: first_line,
                    message: "the last line ends in `\\` but no line follows".to_string(),
                });
            };
            index += 1;
            match line.strip_suffix('\\') {
                Some(joined) => command.push_str(joined),
                None => {
                    command.push_str(line);
                    break;
                }
            }
        }
        let trimmed = command.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let tokens = split_words(trimmed).map_err(|error| ScriptError {
            line: first_line,
            message: error.to_string(),
        })?;
        let stdin = match heredoc_delimiter(&tokens) {
            Some((delimiter, strip_tabs)) => {
                let mut body = String::new();
                loop {
                    let Some(line) = lines.get(index) else {
                        return Err(ScriptError {
                            line: first_line,
                            message: format!(
                                "here-document at line {first_line} delimited by end-of-file (wanted `{delimiter}')"
                            ),
                        });
                    };
                    index += 1;
                    let line = if strip_tabs {
                        line.trim_start_matches('\t')
                    } else {
                        line
                    };
                    if line == delimiter {
                        break;
                    }
                    body.push_str(line);
                    body.push('\n');
                }
                Some(body)
            }
            None => None,
        };
        steps.push(Step {
            line: first_line,
            command: trimmed.to_string(),
            stdin,
        });
    }
    Ok(steps)
}

/// The delimiter of a here-document operator in `tokens`, and whether `<<-` strips tabs.
fn heredoc_delimiter(tokens: &[Token]) -> Option<(String, bool)> {
    tokens.windows(2).find_map(|pair| match pair {
        [Token::Operator(op @ ("<<" | "<<-")), Token::Word(delimiter)] => {
            Some((delimiter.clone(), *op == "<<-"))
        }
        _ => None,
    })
}

/// Runs `steps` on `console` and returns the transcript.
pub fn run_script(steps: &[Step], console: &mut Console) -> String {
    let mut transcript = String::new();
    for step in steps {
        transcript.push_str(&console.prompt());
        transcript.push_str(&step.command);
        transcript.push('\n');
        transcript.push_str(&console.execute(&step.command, step.stdin.as_deref()).text());
    }
    transcript
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_continuations_are_handled() {
        let steps =
            parse_script("# title\n\nkubectl get \\\n  pods\necho done # trailing\n").unwrap();
        let commands: Vec<(usize, &str)> =
            steps.iter().map(|s| (s.line, s.command.as_str())).collect();
        assert_eq!(
            commands,
            [(3, "kubectl get   pods"), (5, "echo done # trailing")]
        );
    }

    #[test]
    fn a_here_document_becomes_the_commands_stdin() {
        let steps =
            parse_script("kubectl apply -f - <<'EOF'\nkind: Pod\n  x: $Y\nEOF\nsleep 1\n").unwrap();
        assert_eq!(steps[0].stdin.as_deref(), Some("kind: Pod\n  x: $Y\n"));
        assert_eq!(steps[1].line, 5);
    }

    #[test]
    fn a_dash_here_document_strips_leading_tabs() {
        let steps = parse_script("cat > f <<-END\n\t\tbody\n\tEND\n").unwrap();
        assert_eq!(steps[0].stdin.as_deref(), Some("body\n"));
    }

    #[test]
    fn an_unterminated_here_document_is_a_script_error() {
        let error = parse_script("echo a\ncat > f <<EOF\nbody\n").unwrap_err();
        assert_eq!(
            error.to_string(),
            "2: here-document at line 2 delimited by end-of-file (wanted `EOF')"
        );
    }

    #[test]
    fn an_unclosed_quote_is_a_script_error() {
        let error = parse_script("echo 'a\n").unwrap_err();
        assert_eq!(error.line, 1);
    }

    #[test]
    fn a_final_backslash_is_a_script_error() {
        assert!(parse_script("echo a \\").is_err());
    }
}
