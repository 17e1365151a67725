//! redis-cli's prompt: opening it (a PING probe says whether anything
//! listens), each line sent as `redis-cli --no-raw` where the session runs
//! (on the node or in the container), and leaving it for the shell it was
//! typed in.

use super::mode::Mode;
use super::Console;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::exec::run_to_end;
use crate::kubectl::session::RedisSession;
use crate::kubectl::sink::Output;
use crate::kubectl::words::{split_words, Token};

impl Console {
    /// Opens an interactive `redis-cli`: it connects at once, and says so
    /// when nothing listens there.
    pub(super) fn open_redis(
        &mut self,
        mut redis: RedisSession,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        // The probe sends PING, which changes nothing on the server.
        let (text, _) = self.redis_command(&redis, &["PING".to_string()])?;
        redis.connected = !text.starts_with(REDIS_REFUSED);
        if !redis.connected {
            output.stderr_raw(text);
        }
        self.enter_redis(redis);
        Ok(())
    }

    /// One line typed at redis-cli's prompt.
    pub(super) fn redis_line(
        &mut self,
        mut redis: RedisSession,
        line: &str,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let words: Vec<String> = match split_words(line) {
            Ok(tokens) => tokens.iter().map(Token::text).collect(),
            Err(_) => {
                output.stdout("Invalid argument(s)");
                return Ok(());
            }
        };
        let Some(first) = words.first() else {
            return Ok(());
        };
        if first.eq_ignore_ascii_case("exit") || first.eq_ignore_ascii_case("quit") {
            self.mode = self.mode.shell().map_or(Mode::Node, Mode::Shell);
            return Ok(());
        }
        let (text, refused) = self.redis_command(&redis, &words)?;
        redis.connected = !refused;
        if refused {
            output.stderr_raw(text);
        } else if !text.is_empty() {
            output.stdout_raw(text);
        }
        self.enter_redis(redis);
        Ok(())
    }

    /// Sends one command as `redis-cli --no-raw` where the session runs;
    /// returns what it printed and whether the server could not be reached.
    fn redis_command(
        &mut self,
        redis: &RedisSession,
        words: &[String],
    ) -> Result<(String, bool), ConsoleError> {
        let mut argv = vec![
            "redis-cli".to_string(),
            "-h".to_string(),
            redis.host.clone(),
            "-p".to_string(),
            redis.port.to_string(),
            "--no-raw".to_string(),
        ];
        argv.extend(words.iter().cloned());
        let text = match &redis.place {
            Some(target) => run_to_end(&mut self.cluster, target, argv, None)?.0,
            None => {
                let line: Vec<String> = argv.iter().map(|word| shell_quote(word)).collect();
                let mut printed = Output::default();
                self.on_node(&line.join(" "), &mut printed)?;
                printed.text()
            }
        };
        let refused = text.starts_with(REDIS_REFUSED);
        Ok((text, refused))
    }

    /// Makes redis-cli's prompt the console's mode, over the shell it was
    /// typed in (if any).
    fn enter_redis(&mut self, redis: RedisSession) {
        let over = self.mode.shell();
        self.mode = Mode::Redis { redis, over };
    }
}

/// How redis-cli begins to say that nothing listens where it connects.
const REDIS_REFUSED: &str = "Could not connect to Redis at ";

/// A word quoted for the node's shell, as typed.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}
