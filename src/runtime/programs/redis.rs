//! Redis: `redis-server` answering SET/GET/DEL/EXISTS/KEYS/PING/SAVE over RESP
//! on port 6379, saving its data to `/data/dump.rdb` on SIGTERM and loading it
//! at start (so data in an emptyDir survives a container restart, as seed 004
//! shows), and a non-interactive `redis-cli` (`--no-raw` prints replies as
//! on a terminal; the console's interactive `redis-cli` sends each line so).

use super::time::{format_time, EPOCH_SECONDS};
use crate::runtime::pipes::{ConnectError, Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};
use std::collections::BTreeMap;

/// Where the server keeps its snapshot.
const DUMP: &str = "/data/dump.rdb";

/// The version the server reports.
const VERSION: &str = "7.2.4";

fn stamp(sys: &Sys, role: char) -> String {
    let seconds = EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64;
    format!(
        "1:{role} {}.{:03}",
        format_time(seconds, "%d %b %Y %H:%M:%S"),
        sys.io.now.as_millis() % 1000
    )
}

/// Encodes a command as RESP (an array of bulk strings).
fn encode_command(words: &[String]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", words.len()).into_bytes();
    for word in words {
        out.extend(format!("${}\r\n{word}\r\n", word.len()).bytes());
    }
    out
}

/// Decodes one RESP array of bulk strings from the front of `buffer`;
/// returns the words and how many bytes they took.
fn decode_command(buffer: &[u8]) -> Option<(Vec<String>, usize)> {
    let text = std::str::from_utf8(buffer).ok()?;
    let mut lines = text.split_inclusive("\r\n");
    let header = lines.next()?;
    let count: usize = header.strip_prefix('*')?.trim_end().parse().ok()?;
    let mut used = header.len();
    let mut words = Vec::new();
    for _ in 0..count {
        let length_line = lines.next()?;
        used += length_line.len();
        let length: usize = length_line.strip_prefix('$')?.trim_end().parse().ok()?;
        let value = lines.next()?;
        if value.len() < length + 2 {
            return None;
        }
        used += value.len();
        words.push(value[..length].to_string());
    }
    Some((words, used))
}

/// The server.
pub struct RedisServer {
    data: BTreeMap<String, String>,
    started: bool,
    shutting_down: bool,
    connection: Option<(Connection, Vec<u8>)>,
}

impl RedisServer {
    pub fn new() -> RedisServer {
        RedisServer {
            data: BTreeMap::new(),
            started: false,
            shutting_down: false,
            connection: None,
        }
    }

    fn save(&self, sys: &mut Sys) -> bool {
        let mut dump = String::from("REDIS0011\n");
        for (key, value) in &self.data {
            dump.push_str(&format!("{key}\t{value}\n"));
        }
        sys.io
            .fs
            .write(sys.view, "/", DUMP, dump.as_bytes(), false)
            .is_ok()
    }

    fn load(&mut self, sys: &mut Sys) -> bool {
        let Ok(dump) = sys.io.fs.read(sys.view, "/", DUMP) else {
            return false;
        };
        let text = String::from_utf8_lossy(dump).into_owned();
        for line in text.lines().skip(1) {
            if let Some((key, value)) = line.split_once('\t') {
                self.data.insert(key.to_string(), value.to_string());
            }
        }
        true
    }

    fn execute(&mut self, words: &[String]) -> String {
        let command = words.first().map(|w| w.to_uppercase()).unwrap_or_default();
        let bulk = |value: Option<&String>| match value {
            Some(value) => format!("${}\r\n{value}\r\n", value.len()),
            None => "$-1\r\n".to_string(),
        };
        match (command.as_str(), &words[1.min(words.len())..]) {
            ("PING", []) => "+PONG\r\n".to_string(),
            ("SET", [key, value, ..]) => {
                self.data.insert(key.clone(), value.clone());
                "+OK\r\n".to_string()
            }
            ("GET", [key]) => bulk(self.data.get(key)),
            ("DEL", keys) if !keys.is_empty() => {
                let removed = keys
                    .iter()
                    .filter(|k| self.data.remove(*k).is_some())
                    .count();
                format!(":{removed}\r\n")
            }
            ("EXISTS", keys) if !keys.is_empty() => {
                format!(
                    ":{}\r\n",
                    keys.iter().filter(|k| self.data.contains_key(*k)).count()
                )
            }
            ("KEYS", [pattern]) => {
                let keys: Vec<&String> = self
                    .data
                    .keys()
                    .filter(|k| crate::runtime::shell::expand::glob_match(pattern, k))
                    .collect();
                let mut reply = format!("*{}\r\n", keys.len());
                for key in keys {
                    reply.push_str(&bulk(Some(key)));
                }
                reply
            }
            ("SAVE", []) => "+OK\r\n".to_string(),
            // DEBUG POPULATE count [prefix] [size]: test data, as redis makes it.
            ("DEBUG", [sub, count, rest @ ..]) if sub.eq_ignore_ascii_case("populate") => {
                let Ok(count) = count.parse::<u64>() else {
                    return "-ERR value is not an integer or out of range\r\n".to_string();
                };
                let prefix = rest.first().map_or("key", String::as_str);
                let size = rest.get(1).and_then(|s| s.parse::<usize>().ok());
                for index in 0..count.min(10_000_000) {
                    let key = format!("{prefix}:{index}");
                    if self.data.contains_key(&key) {
                        continue;
                    }
                    let mut value = format!("value:{index}");
                    if let Some(size) = size {
                        value = format!("{value:\0<size$}");
                        value.truncate(size);
                    }
                    self.data.insert(key, value);
                }
                "+OK\r\n".to_string()
            }
            (_, _)
                if ["PING", "SET", "GET", "DEL", "EXISTS", "KEYS", "SAVE"]
                    .contains(&command.as_str()) =>
            {
                format!(
                    "-ERR wrong number of arguments for '{}' command\r\n",
                    command.to_lowercase()
                )
            }
            _ => {
                // Each argument quoted and followed by a space, as redis words it.
                let arguments: String = words.iter().skip(1).map(|w| format!("'{w}' ")).collect();
                format!(
                    "-ERR unknown command '{}', with args beginning with: {arguments}\r\n",
                    words.first().cloned().unwrap_or_default(),
                )
            }
        }
    }
}

impl Program for RedisServer {
    /// The dataset: each key and value with redis's per-entry overhead
    /// (dictEntry, robj and sds headers, about 64 bytes).
    fn memory_bytes(&self) -> u64 {
        self.data
            .iter()
            .map(|(k, v)| (k.len() + v.len() + 64) as u64)
            .sum()
    }

    fn signal(&mut self, signal: i32) -> bool {
        if matches!(signal, 2 | 15) {
            self.shutting_down = true;
            return true;
        }
        false
    }

    fn step(&mut self, sys: &mut Sys) -> Step {
        let namespace = sys
            .network
            .map(|n| n.ip_text())
            .unwrap_or_else(|| "127.0.0.1".into());
        if self.shutting_down {
            let seconds = EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64;
            sys.out.extend(
                format!("1:signal-handler ({seconds}) Received SIGTERM scheduling shutdown...\n")
                    .bytes(),
            );
            let m = stamp(sys, 'M');
            sys.out.extend(format!("{m} * User requested shutdown...\n{m} * Saving the final RDB snapshot before exiting.\n").bytes());
            if self.save(sys) {
                sys.out.extend(format!("{m} * DB saved on disk\n").bytes());
            }
            sys.out
                .extend(format!("{m} # Redis is now ready to exit, bye bye...\n").bytes());
            sys.io.unlisten(&namespace, 6379);
            return Step::Exit(0);
        }
        if !self.started {
            self.started = true;
            let c = stamp(sys, 'C');
            let m = stamp(sys, 'M');
            sys.out.extend(format!("{c} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n{c} * Redis version={VERSION}, bits=64, commit=00000000, modified=0, pid=1, just started\n{c} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n{m} * monotonic clock: POSIX clock_gettime\n{m} * Running mode=standalone, port=6379.\n{m} * Server initialized\n").bytes());
            if !sys.io.listen(&namespace, 6379) {
                sys.out.extend(format!("{m} # Warning: Could not create server TCP listening socket *:6379: bind: Address already in use\n{m} # Failed listening on port 6379 (tcp), aborting.\n").bytes());
                return Step::Exit(1);
            }
            if self.load(sys) {
                sys.out
                    .extend(format!("{m} * DB loaded from disk: 0.000 seconds\n").bytes());
            }
            sys.out
                .extend(format!("{m} * Ready to accept connections tcp\n").bytes());
            return Step::Continue;
        }
        let Some((connection, mut buffer)) = self.connection.take() else {
            return match sys.io.accept(&namespace, 6379) {
                Some(connection) => {
                    self.connection = Some((connection, Vec::new()));
                    Step::Continue
                }
                None => Step::Block(Wait::Accept((namespace, 6379))),
            };
        };
        match sys
            .io
            .read(&Endpoint::PipeRead(connection.upstream), 65_536)
        {
            ReadResult::Data(data) => {
                buffer.extend(data);
                while let Some((words, used)) = decode_command(&buffer) {
                    buffer.drain(..used);
                    let reply = self.execute(&words);
                    sys.io.send(connection.downstream, reply.as_bytes());
                }
                self.connection = Some((connection, buffer));
                Step::Continue
            }
            ReadResult::WouldBlock(pipe) => {
                self.connection = Some((connection, buffer));
                Step::Block(Wait::ReadPipe(pipe))
            }
            ReadResult::End => {
                sys.io.shutdown(connection.downstream);
                Step::Continue
            }
        }
    }
}

/// `redis-cli [-h HOST] [-p PORT] [--no-raw] COMMAND ARGS…`, printed as
/// without a terminal unless `--no-raw` asks for the terminal's format.
pub struct RedisCli {
    host: String,
    port: u16,
    /// `--no-raw`: `"value"`, `(nil)`, `(integer) 1`, `(error) ERR …`.
    formatted: bool,
    command: Vec<String>,
    connection: Option<Connection>,
    reply: Vec<u8>,
}

impl RedisCli {
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
