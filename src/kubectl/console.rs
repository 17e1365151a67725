//! The console: one command line in, what a terminal would show out.
//!
//! It understands the shell-level commands a tutorial transcript uses around
//! kubectl (`sleep`, `echo`, `cat`, here-documents into files) and hands
//! `kubectl …` to the kubectl commands. Before each command the cluster runs
//! every event due at the current virtual time, so what is printed is the
//! state "now".

use super::errors::ConsoleError;
use super::exec::ExecTarget;
use super::logs::LogFollow;
use super::watch::PodWatch;
use super::words::{split_words, Token};
use super::{
    annotate, api_resources, apply, delete, describe, exec, explain, get, info, label, logs, node,
    run,
};
use crate::clock::SimTime;
use crate::sim::Cluster;
use crate::spec::{parse_manifests, Parsed};
use std::collections::BTreeMap;

/// Which stream a piece of output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a command printed, in the order a terminal shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// Pieces of text, each ending in a newline, with their stream.
    pub chunks: Vec<(Stream, String)>,
}

impl Output {
    /// Appends a line (a newline is added when missing) to stdout.
    pub fn stdout(&mut self, text: impl Into<String>) {
        self.push(Stream::Stdout, text.into());
    }

    /// Appends text to stdout exactly as given (a log whose last line has
    /// no newline ends without one).
    pub fn stdout_raw(&mut self, text: String) {
        self.chunks.push((Stream::Stdout, text));
    }

    /// Appends text to stderr exactly as given.
    pub fn stderr_raw(&mut self, text: String) {
        if !text.is_empty() {
            self.chunks.push((Stream::Stderr, text));
        }
    }

    /// Appends everything `other` holds, in order.
    pub fn extend(&mut self, other: Output) {
        self.chunks.extend(other.chunks);
    }

    /// What went to stdout, in order.
    pub fn stdout_text(&self) -> String {
        self.chunks
            .iter()
            .filter(|(stream, _)| *stream == Stream::Stdout)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// What went to stderr, in order.
    pub fn stderr_text(&self) -> String {
        self.chunks
            .iter()
            .filter(|(stream, _)| *stream == Stream::Stderr)
            .map(|(_, text)| text.as_str())
            .collect()
    }

    /// Appends a line (a newline is added when missing) to stderr.
    pub fn stderr(&mut self, text: impl Into<String>) {
        self.push(Stream::Stderr, text.into());
    }

    /// Appends an error as kubectl prints it.
    pub fn error(&mut self, error: ConsoleError) {
        self.stderr(error.to_string());
    }

    fn push(&mut self, stream: Stream, mut text: String) {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        self.chunks.push((stream, text));
    }

    /// Everything printed, stdout and stderr interleaved.
    pub fn text(&self) -> String {
        self.chunks.iter().map(|(_, text)| text.as_str()).collect()
    }
}

/// Files the console may read but never write, e.g. the folder a script lives in.
pub trait ReadOnlyFiles {
    /// The contents of `relative_path`, or `None` when it does not exist or is
    /// outside the folder.
    fn read(&self, relative_path: &str) -> Option<String>;

    /// The names of the files in folder `relative_path`, or `None` when it is
    /// not a folder inside the folder.
    fn list(&self, _relative_path: &str) -> Option<Vec<String>> {
        None
    }
}

/// The prompt of the node's own shell, where kubectl is typed.
pub const NODE_PROMPT: &str = "$ ";

/// The console and the cluster it talks to.
pub struct Console {
    /// The simulated cluster.
    cluster: Cluster,
    /// The virtual working directory: files written by `cat > FILE <<EOF`.
    files: BTreeMap<String, String>,
    /// A file already read by whoever wrote it (name, text, what it reads
    /// as), so its first `kubectl apply` does not read it again.
    read_ahead: Option<(String, String, Parsed)>,
    /// Read-only files looked up after the working directory.
    fallback_files: Option<Box<dyn ReadOnlyFiles>>,
    /// The shell `kubectl exec -it` opened, while it is open.
    session: Option<Session>,
    /// An interactive `redis-cli`, while it is open (over the exec'd shell
    /// it was typed in, if any).
    redis: Option<RedisSession>,
    /// `kubectl get pods -w` or `kubectl logs -f`, until the next command
    /// other than `sleep`.
    follow: Option<Follow>,
}

/// Output that goes on as the clock advances.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Follow {
    /// `kubectl get pods -w`.
    Pods(PodWatch),
    /// `kubectl logs -f`.
    Logs(LogFollow),
}

/// An interactive shell in a container (`kubectl exec -it POD -- sh`): each
/// line runs in the container, from the shell's working directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Where the shell runs.
    pub target: ExecTarget,
    /// `sh` or `bash`, as typed.
    pub shell: String,
    /// How the shell's prompt looks.
    pub prompt: PromptStyle,
    /// The working directory.
    pub cwd: String,
}

/// An interactive `redis-cli` (typed on the node, in an exec'd shell, or
/// as `kubectl exec -it POD -- redis-cli`): each line is sent to the server
/// as a command and the reply printed as on a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisSession {
    /// The server's host, as given with `-h` (`127.0.0.1` without).
    pub host: String,
    /// The server's port (`-p`, 6379 without).
    pub port: u16,
    /// Whether the last attempt reached the server (else the prompt is
    /// `not connected> `).
    pub connected: bool,
    /// The container redis-cli runs in, or `None` on the node.
    pub place: Option<ExecTarget>,
}

impl RedisSession {
    /// `redis-cli [-h HOST] [-p PORT]` with no command: the session it opens,
    /// or `None` when the words name a command (a one-shot run).
    pub fn parse(words: &[String], place: Option<ExecTarget>) -> Option<RedisSession> {
        let (program, arguments) = words.split_first()?;
        if program.rsplit('/').next() != Some("redis-cli") {
            return None;
        }
        let mut session = RedisSession {
            host: "127.0.0.1".to_string(),
            port: 6379,
            connected: true,
            place,
        };
        let mut iter = arguments.iter();
        while let Some(argument) = iter.next() {
            match (argument.as_str(), iter.next()) {
                ("-h", Some(host)) => session.host = host.clone(),
                ("-p", Some(port)) => session.port = port.parse().ok()?,
                _ => return None,
            }
        }
        Some(session)
    }

    /// redis-cli's prompt: `HOST:PORT> `, or `not connected> `.
    fn prompt(&self) -> String {
        if self.connected {
            format!("{}:{}> ", self.host, self.port)
        } else {
            "not connected> ".to_string()
        }
    }
}

/// The prompt an image's interactive shell shows root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptStyle {
    /// busybox `sh`: `/tmp # `.
    Busybox,
    /// Debian's bash: `root@POD:/tmp# `.
    Debian,
    /// CentOS's bash: `[root@POD tmp]# ` (the directory's last part).
    Centos,
    /// CentOS's `sh` (bash 4.2 as sh): `sh-4.2# `.
    CentosSh,
    /// Debian's `sh` (dash): `# `.
    Dash,
}

impl Default for Console {
    fn default() -> Self {
        Console::new()
    }
}

impl Console {
    /// A console on a fresh cluster with an empty working directory.
    pub fn new() -> Console {
        Console {
            cluster: Cluster::new(),
            files: BTreeMap::new(),
            read_ahead: None,
            fallback_files: None,
            session: None,
            redis: None,
            follow: None,
        }
    }

    /// A console that also reads files from `fallback` (after its own).
    pub fn with_fallback_files(fallback: Box<dyn ReadOnlyFiles>) -> Console {
        Console {
            fallback_files: Some(fallback),
            ..Console::new()
        }
    }

    /// The simulated cluster.
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// The simulated cluster, for commands that change it.
    pub(super) fn cluster_mut(&mut self) -> &mut Cluster {
        &mut self.cluster
    }

    /// Reads a file from the working directory, then from the fallback folder.
    pub(super) fn read_file(&self, path: &str) -> Option<String> {
        let path = path.strip_prefix("./").unwrap_or(path);
        self.files.get(path).cloned().or_else(|| {
            self.fallback_files
                .as_ref()
                .and_then(|files| files.read(path))
        })
    }

    /// The files of a folder of the working directory (files written there
    /// by `cat > DIR/FILE`) and of the fallback folder, sorted; `None` when
    /// neither has it.
    pub(super) fn list_dir(&self, path: &str) -> Option<Vec<String>> {
        let path = path
            .strip_prefix("./")
            .unwrap_or(path)
            .trim_end_matches('/');
        let prefix = if path.is_empty() || path == "." {
            String::new()
        } else {
            format!("{path}/")
        };
        let mut names: Vec<String> = self
            .files
            .keys()
            .filter_map(|key| key.strip_prefix(prefix.as_str()))
            .filter(|rest| !rest.contains('/'))
            .map(str::to_string)
            .collect();
        let fallback = self
            .fallback_files
            .as_ref()
            .and_then(|files| files.list(if path.is_empty() { "." } else { path }));
        if names.is_empty() && fallback.is_none() {
            return None;
        }
        names.extend(fallback.unwrap_or_default());
        names.sort();
        names.dedup();
        Some(names)
    }

    /// The prompt a terminal shows before the next command: `$ `, or the
    /// shell's inside a `kubectl exec -it` session (`/ # `, `root@pod:/# `).
    pub fn prompt(&self) -> String {
        if let Some(redis) = &self.redis {
            return redis.prompt();
        }
        match &self.session {
            None => NODE_PROMPT.to_string(),
            Some(session) => match session.prompt {
                PromptStyle::Busybox => format!("{} # ", session.cwd),
                PromptStyle::CentosSh => "sh-4.2# ".to_string(),
                PromptStyle::Dash => "# ".to_string(),
                PromptStyle::Debian => format!("root@{}:{}# ", session.target.pod, session.cwd),
                PromptStyle::Centos => {
                    let last = match session.cwd.rsplit('/').next() {
                        Some("") | None => "/",
                        Some(last) => last,
                    };
                    format!("[root@{} {last}]# ", session.target.pod)
                }
            },
        }
    }

    /// Opens an interactive shell session in a container.
    pub(super) fn open_session(&mut self, session: Session) {
        self.session = Some(session);
    }

    /// Runs one command line; `stdin` is the body of its here-document, if any.
    pub fn execute(&mut self, line: &str, stdin: Option<&str>) -> Output {
        let mut output = Output::default();
        let now = self.cluster.now();
        self.cluster.run_until(now);
        // A watch or a followed log goes on through `sleep`s only.
        if !line.trim_start().starts_with("sleep") {
            self.follow = None;
        }
        let result = match (self.redis.clone(), self.session.clone()) {
            (Some(redis), _) => self.redis_line(redis, line, &mut output),
            (None, Some(session)) => self.session_line(session, line, &mut output),
            (None, None) => self.dispatch(line, stdin, &mut output),
        };
        if let Err(error) = result {
            output.error(error);
        }
        output
    }

    /// One line typed into an exec'd shell.
    fn session_line(
        &mut self,
        mut session: Session,
        line: &str,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let trimmed = line.trim();
        if trimmed == "exit" || trimmed.starts_with("exit ") {
            self.session = None;
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
        let (text, _) =
            super::exec::run_to_end(&mut self.cluster, &session.target, argv, Some(shown))?;
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
            self.session = None;
            output.stderr("command terminated with exit code 137");
            return Ok(());
        }
        if self.session.is_some() && !cwd.is_empty() {
            session.cwd = cwd;
            self.session = Some(session);
        }
        Ok(())
    }

    fn dispatch(
        &mut self,
        line: &str,
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
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
                let mut piped = Output::default();
                if let Err(error) = self.dispatch(left, stdin, &mut piped) {
                    piped.error(error);
                }
                let file = "/tmp/.console-pipe";
                self.cluster
                    .write_node_file(file, &piped.stdout_text())
                    .map_err(|message| ConsoleError::Words { message })?;
                output.stderr_raw(piped.stderr_text());
                return self.on_node(&format!("{{ {right}\n}} < {file}"), output);
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
        let Some((program, arguments)) = words.split_first() else {
            return Ok(());
        };
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
                self.files.insert(
                    path.trim_start_matches("./").to_string(),
                    stdin.unwrap_or("").to_string(),
                );
                Ok(())
            }
            (program, Some(_)) if self.cluster.node_has(program) => self.on_node(line, output),
            (_, Some(_)) => Err(ConsoleError::NotSimulatedSyntax {
                operator: ">".to_string(),
            }),
            // The node's files are read by the node's own `cat`.
            ("cat", None) if arguments.iter().any(|a| a.starts_with('/')) => {
                self.on_node(line, output)
            }
            ("cat", None) => self.cat(arguments, stdin, output),
            ("echo", None) => {
                output.stdout(arguments.join(" "));
                Ok(())
            }
            ("sleep", None) => self.sleep(arguments, output),
            ("docker", None) => node::docker(self, arguments, output),
            ("crictl", None) => node::crictl(self, arguments, output),
            ("kubectl", None) => self.kubectl(arguments, stdin, output),
            ("redis-cli", None) if RedisSession::parse(&words, None).is_some() => {
                let redis = RedisSession::parse(&words, None).expect("checked above");
                self.open_redis(redis, output)
            }
            (program, None) if self.cluster.node_has(program) => self.on_node(line, output),
            (program, None) => Err(ConsoleError::CommandNotFound {
                program: program.to_string(),
            }),
        }
    }

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
        self.redis = Some(redis);
        Ok(())
    }

    /// One line typed at redis-cli's prompt.
    fn redis_line(
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
            self.redis = None;
            return Ok(());
        }
        let (text, refused) = self.redis_command(&redis, &words)?;
        redis.connected = !refused;
        if refused {
            output.stderr_raw(text);
        } else if !text.is_empty() {
            output.stdout_raw(text);
        }
        self.redis = Some(redis);
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
            Some(target) => super::exec::run_to_end(&mut self.cluster, target, argv, None)?.0,
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
            match self.read_file(path) {
                Some(contents) => output.stdout(contents),
                None => output.error(ConsoleError::CatNoSuchFile { path: path.clone() }),
            }
        }
        Ok(())
    }

    /// Runs `line` in a shell on the node and prints what it wrote, waiting
    /// on the virtual clock until it ends (a minute at most, as for exec).
    fn on_node(&mut self, line: &str, output: &mut Output) -> Result<(), ConsoleError> {
        let handle = self.cluster.run_on_node(line);
        let deadline = self.cluster.now() + super::exec::EXEC_WAIT_MILLIS;
        self.cluster
            .run_until_done(deadline, |c| c.exit_code(handle.process).is_some());
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
            output.stderr(
                "podplay: the command still runs after a minute of virtual time; stopped waiting",
            );
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

    /// Runs the cluster until `end`, printing what is followed (`get -w`,
    /// `logs -f`) as it comes, as a `sleep` in the terminal does.
    pub fn advance_to(&mut self, end: SimTime) -> Output {
        let mut output = Output::default();
        while self.cluster.now() < end {
            if self.follow.is_none() {
                self.cluster.run_until(end);
                break;
            }
            output.extend(self.step_once(end));
        }
        output
    }

    /// Runs the cluster to its next instant (at most `limit`), printing what
    /// is followed.
    pub fn step_once(&mut self, limit: SimTime) -> Output {
        let mut output = Output::default();
        self.cluster.step_until(limit);
        let more = match self.follow.as_mut() {
            None => return output,
            Some(Follow::Pods(watch)) => Some(watch.changes(&self.cluster)),
            Some(Follow::Logs(log)) => log.more(&self.cluster),
        };
        match more {
            Some(text) if !text.is_empty() => output.stdout_raw(text),
            Some(_) => {}
            None => self.follow = None,
        }
        output
    }

    /// Puts a file in the console's working directory (what `cat > FILE` does).
    pub fn write_file(&mut self, name: &str, contents: &str) {
        self.files.insert(name.to_string(), contents.to_string());
    }

    /// Puts a file in the working directory together with what it reads as
    /// (`parse_manifests` of `contents`), used by the next apply of it.
    pub fn write_read_file(&mut self, name: &str, contents: &str, parsed: Parsed) {
        self.write_file(name, contents);
        self.read_ahead = Some((name.to_string(), contents.to_string(), parsed));
    }

    /// What file `path` with text `text` reads as: the reading its writer
    /// left (once), else a fresh one.
    pub(super) fn read_manifests(&mut self, path: &str, text: &str) -> Parsed {
        let path = path.strip_prefix("./").unwrap_or(path);
        match self.read_ahead.take() {
            Some((name, contents, parsed)) if name == path && contents == text => parsed,
            _ => parse_manifests(text),
        }
    }

    fn kubectl(
        &mut self,
        arguments: &[String],
        stdin: Option<&str>,
        output: &mut Output,
    ) -> Result<(), ConsoleError> {
        let Some((command, rest)) = arguments.split_first() else {
            return Err(ConsoleError::UnknownKubectlCommand {
                command: String::new(),
            });
        };
        match command.as_str() {
            "apply" => apply::apply(self, rest, stdin, output, apply::Mode::Apply),
            "create" => apply::apply(self, rest, stdin, output, apply::Mode::Create),
            "get" => {
                self.follow = get::get(self, rest, output)?.map(Follow::Pods);
                Ok(())
            }
            "logs" => {
                self.follow = logs::logs(self, rest, output)?.map(Follow::Logs);
                Ok(())
            }
            "exec" => exec::exec(self, rest, output),
            "delete" => delete::delete(self, rest, stdin, output),
            "run" => run::run(self, rest, output),
            "version" => info::version(rest, output),
            "label" => label::label(self, rest, output),
            "cluster-info" => info::cluster_info(self, rest, output),
            "describe" => describe::describe(self, rest, output),
            "annotate" => annotate::annotate(self, rest, output),
            "api-resources" => api_resources::api_resources(rest, output),
            "explain" => explain::explain(rest, output),
            "edit" | "top" | "wait" => Err(ConsoleError::NotSimulatedCommand {
                command: command.clone(),
            }),
            _ => Err(ConsoleError::UnknownKubectlCommand {
                command: command.clone(),
            }),
        }
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
fn parse_sleep_millis(argument: &str) -> Option<u64> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleep_reads_seconds_minutes_hours_and_fractions() {
        assert_eq!(parse_sleep_millis("20"), Some(20_000));
        assert_eq!(parse_sleep_millis("20s"), Some(20_000));
        assert_eq!(parse_sleep_millis("1.5"), Some(1_500));
        assert_eq!(parse_sleep_millis("2m"), Some(120_000));
        assert_eq!(parse_sleep_millis("1h"), Some(3_600_000));
        assert_eq!(parse_sleep_millis("x"), None);
        assert_eq!(parse_sleep_millis("-1"), None);
        assert_eq!(parse_sleep_millis("s"), None);
    }

    #[test]
    fn unknown_programs_are_not_found_as_bash_says() {
        let mut console = Console::new();
        assert_eq!(
            console.execute("dockr ps", None).text(),
            "bash: dockr: command not found\n"
        );
    }

    #[test]
    fn files_written_with_a_here_document_can_be_read_back() {
        let mut console = Console::new();
        console.execute("cat > a.txt <<EOF", Some("hello\n"));
        assert_eq!(console.execute("cat ./a.txt", None).text(), "hello\n");
        assert_eq!(
            console.execute("cat b.txt", None).text(),
            "cat: b.txt: No such file or directory\n"
        );
    }

    #[test]
    fn a_reading_left_with_a_file_serves_only_its_own_text_and_only_once() {
        let pod = |name: &str| {
            format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n")
        };
        let mut console = Console::new();
        console.write_read_file("pod.yaml", &pod("a"), parse_manifests(&pod("a")));
        // The file changed after its writer read it: the new text is read.
        console.write_file("pod.yaml", &pod("b"));
        assert_eq!(
            console.execute("kubectl apply -f pod.yaml", None).text(),
            "pod/b created\n"
        );
        console.write_read_file("pod.yaml", &pod("c"), parse_manifests(&pod("c")));
        let first = console.execute("kubectl apply -f ./pod.yaml", None).text();
        let again = console.execute("kubectl apply -f pod.yaml", None).text();
        assert_eq!(
            (first.as_str(), again.as_str()),
            ("pod/c created\n", "pod/c unchanged\n")
        );
    }
}
