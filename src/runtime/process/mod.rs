//! A process: the machine that runs compiled shell code, one instruction at a
//! time, and stops wherever it must wait. Its whole state (frames with their
//! instruction pointers, variables, descriptors, the program it is running, the
//! child it waits for) is data, so it can resume later at the same place.
//! It is two parts: what the kernel has of it ([`os::OsProcess`]: PID,
//! descriptors, signals, wait state, exit code) and the shell machine it runs
//! ([`shell_vm::ShellVm`]: frames, variables, functions, the code and pc).

mod builtins;
mod cost;
mod expansion;
mod foreground;
mod info;
mod jobs;
mod limits;
mod memory;
mod os;
mod output;
mod redirections;
mod shell_vm;
mod signals;
mod simple;
mod spawn;
mod spin;
mod vm;
mod watch;

use super::fs::View;
use super::images::Tools;
use super::program::ImageTools;
use super::shell::Flavor;
use crate::clock::SimTime;
pub use cost::{TIME_SLICE, TIME_SLICE_MILLIS};
use os::OsProcess;
pub use os::SharedPidNamespace;
use shell_vm::ShellVm;
use std::collections::BTreeMap;
use std::rc::Rc;
use watch::SpinWatch;
pub use watch::{Cycle, SliceOutput};

/// Compiled scripts the runtime keeps; past this many it starts afresh.
pub const MAX_SCRIPTS: usize = 64;

/// Compiled `sh -c` scripts by their text, so a restarted container does not
/// parse and compile its command again (at most [`MAX_SCRIPTS`]).
pub type ScriptCache = BTreeMap<String, std::rc::Rc<super::shell::Code>>;

impl ImageTools for Tools {
    fn has(&self, program: &str) -> bool {
        Tools::has(*self, program)
    }
}

/// What the kubelet hands the runtime to start a container.
#[derive(Debug, Clone)]
pub struct Launch {
    /// The command and arguments (`command` + `args`, or the image's defaults).
    pub argv: Vec<String>,
    /// Environment variables, in order.
    pub env: Vec<(String, String)>,
    /// The working directory.
    pub cwd: String,
    /// The container's filesystem view.
    pub view: View,
    /// The hostname (the pod's name).
    pub hostname: String,
    /// Which shell `sh` is in the image.
    pub flavor: Flavor,
    /// The container's log index in the runtime.
    pub log: usize,
    /// Which programs the image has.
    pub tools: Tools,
    /// When the container starts.
    pub started: SimTime,
    /// The pod's network namespace.
    pub network: Option<Rc<super::net::PodNetwork>>,
    /// The pod's shared PID namespace, when it has one; else the container gets its own.
    pub pid_namespace: Option<SharedPidNamespace>,
}

/// What nginx's `/docker-entrypoint.sh` prints before it execs nginx.
const NGINX_ENTRYPOINT_LOG: &str = "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\n/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf\n10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n/docker-entrypoint.sh: Configuration complete; ready for start up\n";

/// How many processes nginx's `/docker-entrypoint.sh` runs before it execs
/// nginx (so the worker nginx starts next is PID 29, as in the image's logs).
const NGINX_ENTRYPOINT_HELPERS: u32 = 27;

/// The most processes one container may have at once (like a pids cgroup).
pub const MAX_PROCESSES: u32 = 512;

/// A process: what the kernel has of it and the shell machine it runs.
pub struct Process {
    /// What the kernel has: PID, descriptors, signals, wait state, exit code.
    pub os: OsProcess,
    /// What the shell interpreter has: code and frames, variables, functions.
    vm: ShellVm,
    /// Its states at the ends of its last slices, to find it spinning.
    watch: SpinWatch,
}
