//! `redis-cli` with a command: sends it, prints the reply as redis-cli
//! prints it without a terminal, or with `--no-raw` as on one.

use super::resp::encode_command;
use crate::runtime::pipes::{ConnectError, Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// `redis-cli [-h HOST] [-p PORT] [--no-raw] COMMAND ARGS…`, printed as
/// without a terminal unless `--no-raw` asks for the terminal's format.
pub struct RedisCli {
    /// `-h`: the server's host.
    host: String,
    /// `-p`: the server's port.
    port: u16,
    /// `--no-raw`: `"value"`, `(nil)`, `(integer) 1`, `(error) ERR …`.
    formatted: bool,
    /// The command to send.
    command: Vec<String>,
    /// The connection, once made.
    connection: Option<Connection>,
    /// The reply so far.
    reply: Vec<u8>,
}

impl RedisCli {
    /// `redis-cli` with its arguments.
    pub fn new(args: &[String]) -> RedisCli {
        let mut cli = RedisCli {
            host: "127.0.0.1".into(),
            port: 6379,
            formatted: false,
            command: Vec::new(),
            connection: None,
            reply: Vec::new(),
        };
        let mut iter = args.iter();
        while let Some(arg) = iter.next() {
            match arg.as_str() {
                "-h" => cli.host = iter.next().cloned().unwrap_or(cli.host),
                "-p" => cli.port = iter.next().and_then(|p| p.parse().ok()).unwrap_or(6379),
                "--no-raw" if cli.command.is_empty() => cli.formatted = true,
                _ => cli.command.push(arg.clone()),
            }
        }
        cli
    }

    /// A reply as redis-cli prints it when its output is not a terminal.
    fn render(reply: &str) -> String {
        let mut lines = reply.split("\r\n");
        let Some(first) = lines.next() else {
            return String::new();
        };
        match first.chars().next() {
            Some('+') | Some(':') => format!("{}\n", &first[1..]),
            Some('-') => format!("{}\n", &first[1..]),
            Some('$') if first == "$-1" => "\n".to_string(),
            Some('$') => format!("{}\n", lines.next().unwrap_or("")),
            Some('*') => {
                let items: Vec<&str> = lines.skip(1).step_by(2).filter(|l| !l.is_empty()).collect();
                items.iter().map(|item| format!("{item}\n")).collect()
            }
            _ => String::new(),
        }
    }

    /// A reply as redis-cli prints it on a terminal (`cliFormatReplyTTY`).
    fn render_formatted(reply: &str) -> String {
        let mut lines = reply.split("\r\n");
        let Some(first) = lines.next() else {
            return String::new();
        };
        let (kind, rest) = first.split_at(first.len().min(1));
        match kind {
            "+" => format!("{rest}\n"),
            "-" => format!("(error) {rest}\n"),
            ":" => format!("(integer) {rest}\n"),
            "$" if rest == "-1" => "(nil)\n".to_string(),
            "$" => format!("{}\n", quoted(lines.next().unwrap_or(""))),
            "*" => {
                let items: Vec<String> = lines
                    .collect::<Vec<_>>()
                    .chunks(2)
                    .filter(|pair| pair.len() == 2)
                    .map(|pair| match pair[0] {
                        "$-1" => "(nil)".to_string(),
                        _ => quoted(pair[1]),
                    })
                    .collect();
                if items.is_empty() {
                    return "(empty array)\n".to_string();
                }
                let width = items.len().to_string().len();
                items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| format!("{:>width$}) {item}\n", index + 1))
                    .collect()
            }
            _ => String::new(),
        }
    }
}

/// A string as redis-cli shows it (`sdscatrepr`): in double quotes, with
/// `\\`, `\"`, `\n`, `\r`, `\t`, `\a`, `\b` and `\xNN` escapes.
fn quoted(value: &str) -> String {
    let mut out = String::from("\"");
    for byte in value.bytes() {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            7 => out.push_str("\\a"),
            8 => out.push_str("\\b"),
            32..=126 => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push('"');
    out
}

impl Program for RedisCli {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let Some(connection) = self.connection else {
            let namespace = sys
                .network
                .map(|n| n.ip_text())
                .unwrap_or_else(|| "127.0.0.1".into());
            return match sys.io.connect(&namespace, &self.host, self.port) {
                Ok(connection) => {
                    sys.io
                        .send(connection.upstream, &encode_command(&self.command));
                    sys.io.shutdown(connection.upstream);
                    self.connection = Some(connection);
                    Step::Continue
                }
                Err(ConnectError::Refused) => {
                    sys.err.extend(
                        format!(
                            "Could not connect to Redis at {}:{}: Connection refused\n",
                            self.host, self.port
                        )
                        .bytes(),
                    );
                    Step::Exit(1)
                }
            };
        };
        match sys
            .io
            .read(&Endpoint::PipeRead(connection.downstream), 65_536)
        {
            ReadResult::Data(data) => {
                self.reply.extend(data);
                Step::Continue
            }
            ReadResult::WouldBlock(pipe) => Step::Block(Wait::ReadPipe(pipe)),
            ReadResult::End => {
                let reply = String::from_utf8_lossy(&self.reply).into_owned();
                let text = if self.formatted {
                    RedisCli::render_formatted(&reply)
                } else {
                    RedisCli::render(&reply)
                };
                sys.out.extend(text.bytes());
                Step::Exit(0)
            }
        }
    }
}
