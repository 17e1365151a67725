//! The console's modes: on the node, in a container's shell, or at
//! redis-cli's prompt (over the shell it was typed in, if any), and the
//! prompt each shows. Knows the console's state only, not the commands.

use crate::kubectl::session::{RedisSession, Session};

/// The prompt of the node's own shell, where kubectl is typed.
pub const NODE_PROMPT: &str = "$ ";

/// Where the next line the learner types runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Mode {
    /// The node's shell: kubectl and the shell commands around it.
    Node,
    /// The shell `kubectl exec -it` opened in a container.
    Shell(Session),
    /// An interactive `redis-cli`, over the exec'd shell it was typed in
    /// (`None` when typed on the node or exec'd directly).
    Redis {
        /// The redis-cli session.
        redis: RedisSession,
        /// The shell that comes back when redis-cli exits.
        over: Option<Session>,
    },
}

impl Mode {
    /// The prompt a terminal shows before the next line: `$ `, the shell's
    /// (`/ # `, `root@pod:/# `), or redis-cli's.
    pub(super) fn prompt(&self) -> String {
        match self {
            Mode::Node => NODE_PROMPT.to_string(),
            Mode::Shell(session) => session.prompt(),
            Mode::Redis { redis, .. } => redis.prompt(),
        }
    }

    /// The shell a redis-cli opened now would return to.
    pub(super) fn shell(&self) -> Option<Session> {
        match self {
            Mode::Node => None,
            Mode::Shell(session) => Some(session.clone()),
            Mode::Redis { over, .. } => over.clone(),
        }
    }
}
