//! `redis-server`: the dataset, its snapshot in `/data/dump.rdb` (saved on
//! SIGTERM, loaded at start), and the commands it answers on port 6379.

use super::commands::is_redis_command;
use super::resp::decode_command;
use crate::runtime::pipes::{Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};
use crate::runtime::programs::time::{format_time, EPOCH_SECONDS};
use std::collections::BTreeMap;

/// Where the server keeps its snapshot.
const DUMP: &str = "/data/dump.rdb";

/// The version the server reports.
const VERSION: &str = "7.2.4";

/// The time stamp of a log line of the server (`M`, master) or its child (`C`).
fn stamp(sys: &Sys, role: char) -> String {
    let seconds = EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64;
    format!(
        "1:{role} {}.{:03}",
        format_time(seconds, "%d %b %Y %H:%M:%S"),
        sys.io.now.as_millis() % 1000
    )
}

/// The server.
pub struct RedisServer {
    /// The dataset.
    data: BTreeMap<String, String>,
    /// Whether it loaded its snapshot and listens.
    started: bool,
    /// Whether SIGTERM or SIGINT came (it saves, then exits).
    shutting_down: bool,
    /// The client being served, with what it sent so far.
    connection: Option<(Connection, Vec<u8>)>,
}

impl RedisServer {
    /// The server before it loads its snapshot.
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
            _ if is_redis_command(&command) => {
                format!("-ERR podplay: '{command}' is not simulated yet\r\n")
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
