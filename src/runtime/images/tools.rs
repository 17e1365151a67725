//! Which programs an image has: a base toolset (busybox, CentOS, Debian…)
//! plus the image's own, and a program's name as the lists spell it.

/// Which programs an image has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toolset {
    /// busybox applets: nearly every tool, in busybox's variants.
    Busybox,
    /// A slim Debian/Ubuntu base: coreutils, grep, sed, bash; no ps, ip or network tools.
    DebianSlim,
    /// An older or fuller base with procps and iproute2 (`ps`, `ip`).
    DebianFull,
    /// CentOS: coreutils, bash, procps, iproute.
    Centos,
    /// Nothing but its own binary (`pause`).
    Scratch,
}

/// Whether `base` is a program every toolset with a shell has (busybox
/// applets or coreutils, procps' `kill`, sed, gawk).
fn is_core(base: &str) -> bool {
    matches!(
        base,
        "sh" | "cat"
            | "echo"
            | "printf"
            | "ls"
            | "mkdir"
            | "rm"
            | "touch"
            | "sleep"
            | "tail"
            | "head"
            | "grep"
            | "egrep"
            | "fgrep"
            | "wc"
            | "sort"
            | "seq"
            | "date"
            | "env"
            | "printenv"
            | "hostname"
            | "test"
            | "["
            | "true"
            | "false"
            | "yes"
            | "basename"
            | "dirname"
            | "kill"
            | "id"
            | "whoami"
            | "df"
            | "mount"
            | "uname"
            | "cut"
            | "tr"
            | "uniq"
            | "tee"
            | "sed"
            | "awk"
            | "expr"
            | "ln"
            | "readlink"
            | "cp"
            | "mv"
            | "pwd"
    )
}

/// A program's name without its directory (`/bin/sh` → `sh`).
pub fn program_name(program: &str) -> &str {
    match program.bytes().rposition(|byte| byte == b'/') {
        Some(slash) => &program[slash + 1..],
        None => program,
    }
}

impl Toolset {
    /// Whether `program` is installed.
    pub fn has(self, program: &str) -> bool {
        let base = program_name(program);
        match self {
            Toolset::Scratch => false,
            Toolset::Busybox => {
                is_core(base)
                    || matches!(
                        base,
                        "ps" | "ip"
                            | "ifconfig"
                            | "netstat"
                            | "nslookup"
                            | "wget"
                            | "nc"
                            | "top"
                            | "free"
                            | "uptime"
                    )
            }
            Toolset::DebianSlim => {
                is_core(base) || matches!(base, "bash" | "getent" | "apt-get" | "apt")
            }
            Toolset::DebianFull => {
                Toolset::DebianSlim.has(base)
                    || matches!(base, "ps" | "ip" | "top" | "free" | "uptime" | "curl")
            }
            Toolset::Centos => {
                is_core(base)
                    || matches!(
                        base,
                        "bash"
                            | "getent"
                            | "yum"
                            | "ps"
                            | "ip"
                            | "top"
                            | "free"
                            | "uptime"
                            | "curl"
                    )
            }
        }
    }
}

/// The programs of an image: a base toolset plus the image's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tools {
    /// The base system's tools.
    pub base: Toolset,
    /// The image's own programs (`nginx`, `redis-server`, …).
    pub extras: &'static [&'static str],
}

impl Tools {
    /// A base toolset alone.
    pub const fn base(base: Toolset) -> Tools {
        Tools { base, extras: &[] }
    }

    /// Whether `program` is installed.
    pub fn has(self, program: &str) -> bool {
        let base = program_name(program);
        self.base.has(base) || self.extras.contains(&base)
    }
}
