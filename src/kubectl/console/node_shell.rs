//! A line typed on the node: words split as bash splits them, a pipe after
//! the console's own command handed to the node's shell, `cat > FILE`
//! here-documents into the working directory, the console's builtins
//! (`cat`, `sleep`, `docker`, `crictl`, `kubectl`, their words expanded as
//! bash expands them), and everything else (`echo`, compound commands,
//! function definitions) run by a shell on the node.

use super::expand::quoted_line;
use super::grammar::{console_command_inside, defined_functions, starts_compound};
use super::Console;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::exec::EXEC_WAIT_MILLIS;
use crate::kubectl::node;
use crate::kubectl::session::RedisSession;
use crate::kubectl::sink::Output;
use crate::kubectl::words::{split_words, Token};
use crate::runtime::LOG_MAX_SIZE;
use crate::sim::Cluster;

impl Console {
    /// One line typed on the node.
    pub(super) fn dispatch(
        &mut self,
        line: &str,
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        // `f() { …; }`: kept for the lines after, as bash keeps it.
        if let Some(names) = defined_functions(line) {
            if let Some(program) = console_command_inside(line) {
                return Err(ConsoleError::ConsoleCommandInShell { program });
            }
            self.functions.0.extend(names);
            self.functions.1.push_str(line);
            self.functions.1.push('\n');
            return Ok(());
        }
        // `while …; do …; done`: the node's shell runs it.
        if starts_compound(line) {
            return self.on_node(line, output);
        }
        let tokens = split_words(line).map_err(|error| ConsoleError::Words {
            message: error.to_string(),
        })?;
        let first = match tokens.first() {
            Some(Token::Word(word)) => word.clone(),
            _ => return Ok(()),
        };
        // `kubectl … | tail -4`: the console's own command, the rest on the node.
        if let Some((left, right)) = split_pipe(line) {
            if matches!(first.as_str(), "kubectl" | "docker" | "crictl") {
                return self.piped(left, right, stdin, output);
            }
        }
        let (words, redirect) = match split_redirections(&tokens) {
            Ok(split) => split,
            // Pipes, `>>`, `&&` and the like: a shell on the node runs them.
            Err(ConsoleError::NotSimulatedSyntax { .. }) if self.cluster.node_has(&first) => {
                return self.on_node(line, output);
            }
            Err(error) => return Err(error),
        };
        let (words, expanded) = match self.expanded_words(line, output) {
            Some(expanded) => (expanded?, true),
            None => (words, false),
        };
        let Some((program, arguments)) = words.split_first() else {
            return Ok(());
        };
        // A program of the node, or a function defined at this prompt.
        let on_node = self.cluster.node_has(program) || self.functions.0.contains(program);
        match (program.as_str(), redirect) {
            ("cat", Some(path)) if path.starts_with('/') => {
                // An absolute path is the node's (a static pod's manifest).
                self.cluster
                    .write_node_file(&path, stdin.unwrap_or(""))
                    .map_err(|message| ConsoleError::Words {
                        message: format!("{path}: {message}"),
                    })
            }
            ("cat", Some(path)) => {
                self.files
                    .write(path.trim_start_matches("./"), stdin.unwrap_or(""));
                Ok(())
            }
            (_, Some(_)) if on_node => self.on_node(line, output),
            (_, Some(_)) => Err(ConsoleError::NotSimulatedSyntax {
                operator: ">".to_string(),
            }),
            // The node's files are read by the node's own `cat`.
            ("cat", None) if arguments.iter().any(|a| a.starts_with('/')) => {
                self.on_node(line, output)
            }
            ("cat", None) => self.cat(arguments, stdin, output),
            ("sleep", None) => self.sleep(arguments, output),
            ("docker", None) => node::docker(&self.cluster, arguments, output),
            ("crictl", None) => node::crictl(&self.cluster, arguments, output),
            ("kubectl", None) => self.kubectl(arguments, stdin, output),
            ("redis-cli", None) if RedisSession::parse(&words, None).is_some() => {
                let redis = RedisSession::parse(&words, None).expect("checked above");
                self.open_redis(redis, output)
            }
            // `echo $(kubectl …)`: the console ran the substitution; the
            // node's shell gets the words it gave.
            (_, None) if on_node && expanded && console_command_inside(line).is_some() => {
                self.on_node(&quoted_line(&words), output)
            }
            (_, None) if on_node => self.on_node(line, output),
            (program, None) => Err(ConsoleError::CommandNotFound {
                program: program.to_string(),
            }),
        }
    }

    /// `LEFT | RIGHT`: the console's own command, its stdout piped into
    /// RIGHT run by the node's shell; its stderr goes to the terminal.
    fn piped(
        &mut self,
        left: &str,
        right: &str,
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let mut piped = Output::default();
        if let Err(error) = self.dispatch(left, stdin, &mut piped) {
            piped.error(error);
        }
        output.stderr_raw(piped.stderr_text());
        // The output reaches RIGHT as a here-document: a pipe in memory, as
        // kubectl's stdout is, never a file on the node's disk.
        let text = piped.stdout_text();
        let mut delimiter = String::from("PODPLAY_PIPE");
        while text.lines().any(|line| line == delimiter) {
            delimiter.push('_');
        }
        self.on_node(
            &format!("{{ {right}\n}} <<'{delimiter}'\n{text}{delimiter}\n"),
            output,
        )
    }

    fn cat(
        &self,
        paths: &[String],
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        if paths.is_empty() {
            output.stdout(stdin.unwrap_or(""));
            return Ok(());
        }
        for path in paths {
            match self.files.read(path) {
                Some(contents) => output.stdout(contents),
                None => output.error(ConsoleError::CatNoSuchFile { path: path.clone() }),
            }
        }
        Ok(())
    }

    /// Runs `line` in a shell on the node and prints what it wrote, waiting
    /// on the virtual clock until it ends (a minute at most, as for exec).
    pub(super) fn on_node(&mut self, line: &str, output: &mut Output) -> Result<(), ConsoleError> {
        if let Some(program) = console_command_inside(line) {
            return Err(ConsoleError::ConsoleCommandInShell { program });
        }
        let script = format!("{}{line}", self.functions.1);
        let handle = self.cluster.run_on_node(&script);
        let deadline = self.cluster.now() + EXEC_WAIT_MILLIS;
        // A command that floods the terminal (`yes`, `cat /dev/zero`) is
        // stopped once it wrote what the log keeps, not after a minute.
        let flooded = |c: &Cluster| {
            c.log(handle.log)
                .is_some_and(|l| l.written() > LOG_MAX_SIZE as u64)
        };
        self.cluster.run_until_done(deadline, |c| {
            c.exit_code(handle.process).is_some() || flooded(c)
        });
        let text = self
            .cluster
            .log(handle.log)
            .map(|l| l.text())
            .unwrap_or_default();
        if !text.is_empty() {
            output.stdout_raw(text);
        }
        if self.cluster.exit_code(handle.process).is_none() {
            self.cluster.kill_process(handle.process);
            output.stderr(if flooded(&self.cluster) {
                "podplay: the command still writes after 10 MiB of output; stopped waiting"
            } else {
                "podplay: the command still runs after a minute of virtual time; stopped waiting"
            });
        }
        Ok(())
    }

    fn sleep(&mut self, arguments: &[String], output: &mut Output) -> Result<(), ConsoleError> {
        if arguments.is_empty() {
            return Err(ConsoleError::SleepMissingOperand);
        }
        let mut total = 0u64;
        for argument in arguments {
            total = total.saturating_add(parse_sleep_millis(argument).ok_or_else(|| {
                ConsoleError::InvalidSleep {
                    argument: argument.clone(),
                }
            })?);
        }
        let end = self.cluster.now() + total;
        output.extend(self.advance_to(end));
        Ok(())
    }
}

/// Splits a line at its first pipe (`|` outside quotes, not `||`).
fn split_pipe(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        match (quote, byte) {
            (Some(q), b) if b == q => quote = None,
            (Some(b'"'), b'\\') => index += 1,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(byte),
            (None, b'\\') => index += 1,
            (None, b'|') if bytes.get(index + 1) == Some(&b'|') => index += 1,
            (None, b'|') => return Some((&line[..index], &line[index + 1..])),
            _ => {}
        }
        index += 1;
    }
    None
}

/// Separates the words from a `> FILE` redirection; here-document operators and
/// their delimiter are dropped (the body arrives as stdin).
fn split_redirections(tokens: &[Token]) -> Result<(Vec<String>, Option<String>), ConsoleError> {
    let mut words = Vec::new();
    let mut redirect = None;
    let mut iter = tokens.iter();
    while let Some(token) = iter.next() {
        match token {
            Token::Word(word) => words.push(word.clone()),
            Token::Operator("<<" | "<<-") => {
                iter.next();
            }
            Token::Operator(">") => match iter.next() {
                Some(Token::Word(path)) => redirect = Some(path.clone()),
                _ => {
                    return Err(ConsoleError::Words {
                        message: "syntax error near unexpected token `newline'".to_string(),
                    })
                }
            },
            Token::Operator(operator) => {
                return Err(ConsoleError::NotSimulatedSyntax {
                    operator: operator.to_string(),
                })
            }
        }
    }
    Ok((words, redirect))
}

/// Reads `sleep`'s operand: a number of seconds (fractions allowed) with an
/// optional `s`, `m`, `h` or `d` suffix, as GNU sleep does.
pub(super) fn parse_sleep_millis(argument: &str) -> Option<u64> {
    let (number, unit_millis) = match argument.char_indices().last()? {
        (index, 's') => (&argument[..index], 1_000.0),
        (index, 'm') => (&argument[..index], 60_000.0),
        (index, 'h') => (&argument[..index], 3_600_000.0),
        (index, 'd') => (&argument[..index], 86_400_000.0),
        _ => (argument, 1_000.0),
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    let millis = (value * unit_millis).round();
    // Far beyond any lesson; keeps the clock's arithmetic exact.
    (millis <= 1e15).then_some(millis as u64)
}
