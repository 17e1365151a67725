//! A line typed into the shell `kubectl exec -it POD -- sh` opened: run in
//! the container from the shell's working directory (`cd` carries over),
//! `exit` leaves, and the session ends with its container.

use super::mode::Mode;
use super::Console;
use crate::kubectl::errors::ConsoleError;
use crate::kubectl::exec::run_to_end;
use crate::kubectl::session::{PromptStyle, RedisSession, Session};
use crate::kubectl::sink::Output;
use crate::kubectl::words::{split_words, Token};

impl Console {
    /// One line typed into an exec'd shell.
    pub(super) fn session_line(
        &mut self,
        mut session: Session,
        line: &str,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let trimmed = line.trim();
        if trimmed == "exit" || trimmed.starts_with("exit ") {
            self.mode = Mode::Node;
            if matches!(
                session.prompt,
                PromptStyle::Debian | PromptStyle::Centos | PromptStyle::CentosSh
            ) {
                // bash says goodbye; busybox sh and dash leave quietly.
                output.stderr("exit");
            }
            let code: i32 = trimmed[4..].trim().parse().unwrap_or(0);
            if code != 0 {
                output.stderr(format!("command terminated with exit code {code}"));
            }
            return Ok(());
        }
        if trimmed.is_empty() {
            return Ok(());
        }
        if let Ok(tokens) = split_words(trimmed) {
            let words: Vec<String> = tokens.iter().map(Token::text).collect();
            if let Some(redis) = RedisSession::parse(&words, Some(session.target.clone())) {
                // Without redis-cli in the image, the shell says it has none.
                if self.open_redis(redis, output).is_ok() {
                    return Ok(());
                }
            }
        }
        // `cd` changes the shell's directory; the next lines start there.
        let script = format!(
            "cd {} && {{ {trimmed}\n}} ; printf '\u{1f}'; pwd",
            session.cwd
        );
        let argv = vec![session.shell.clone(), "-c".to_string(), script];
        let shown = vec![session.shell.clone()];
        let (text, _) = run_to_end(&mut self.cluster, &session.target, argv, Some(shown))?;
        let (shown, cwd) = match text.rsplit_once('\x1f') {
            Some((shown, cwd)) => (shown.to_string(), cwd.trim_end().to_string()),
            None => (text, session.cwd.clone()),
        };
        if !shown.is_empty() {
            output.stdout_raw(shown);
        }
        // The container stopped under the shell (`kill 1`): the session ends
        // as the runtime kills the shell with it.
        let key = (session.target.namespace.clone(), session.target.pod.clone());
        if self
            .cluster
            .kubelet()
            .running_instance(&key, &session.target.container)
            .is_none()
        {
            self.mode = Mode::Node;
            output.stderr("command terminated with exit code 137");
            return Ok(());
        }
        if matches!(self.mode, Mode::Shell(_)) && !cwd.is_empty() {
            session.cwd = cwd;
            self.mode = Mode::Shell(session);
        }
        Ok(())
    }
}
