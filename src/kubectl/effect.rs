//! What the console must do after a command ([`Effect`]): nothing more,
//! follow output as the clock advances ([`Follow`]), or switch to an
//! interactive shell or redis-cli. A leaf: commands return it without
//! knowing the console.

use super::log_stream::LogFollow;
use super::session::{RedisSession, Session};
use super::watch::PodWatch;
use crate::sim::Cluster;

/// What a command asks of the console once it has printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing: the next line is read on the node as before.
    None,
    /// Output that goes on through the `sleep`s that follow.
    Follow(Follow),
    /// `kubectl exec -it POD -- sh`: the next lines run in the container's shell.
    OpenShell(Session),
    /// `kubectl exec -it POD -- redis-cli`: the next lines go to redis-cli's
    /// prompt (the console connects it first).
    OpenRedis(RedisSession),
}

/// Output that goes on as the clock advances.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Follow {
    /// `kubectl get pods -w`.
    Pods(PodWatch),
    /// `kubectl logs -f`.
    Logs(LogFollow),
}

impl Follow {
    /// What was added since the last call; `None` once the stream has ended.
    pub fn more(&mut self, cluster: &Cluster) -> Option<String> {
        match self {
            Follow::Pods(watch) => Some(watch.changes(cluster)),
            Follow::Logs(log) => log.more(cluster),
        }
    }
}
