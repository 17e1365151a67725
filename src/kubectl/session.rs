//! The places a command line can run besides the node: a container's shell
//! (`kubectl exec -it POD -- sh`, [`Session`]) and redis-cli's prompt
//! ([`RedisSession`]), with the container they are in ([`ExecTarget`]) and
//! the prompts they show. A leaf: it knows no command and not the console.

/// The container a command is exec'd in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecTarget {
    /// The pod's namespace.
    pub namespace: String,
    /// The pod.
    pub pod: String,
    /// The container.
    pub container: String,
    /// The pod's uid (exec session ids derive from it).
    pub uid: String,
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

impl Session {
    /// The shell's prompt: `/ # `, `root@pod:/# `, `[root@pod tmp]# `, ….
    pub fn prompt(&self) -> String {
        match self.prompt {
            PromptStyle::Busybox => format!("{} # ", self.cwd),
            PromptStyle::CentosSh => "sh-4.2# ".to_string(),
            PromptStyle::Dash => "# ".to_string(),
            PromptStyle::Debian => format!("root@{}:{}# ", self.target.pod, self.cwd),
            PromptStyle::Centos => {
                let last = match self.cwd.rsplit('/').next() {
                    Some("") | None => "/",
                    Some(last) => last,
                };
                format!("[root@{} {last}]# ", self.target.pod)
            }
        }
    }
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
    pub fn prompt(&self) -> String {
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
