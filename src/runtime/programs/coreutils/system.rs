//! What a process asks about itself and its machine: `id`, `whoami`,
//! `uname`, `hostname`, `env`/`printenv`.

use crate::runtime::program::Sys;

/// `id`: everything runs as root.
pub fn id(sys: &mut Sys) -> i32 {
    sys.out.extend(b"uid=0(root) gid=0(root) groups=0(root)\n");
    0
}

/// `whoami`.
pub fn whoami(sys: &mut Sys) -> i32 {
    sys.out.extend(b"root\n");
    0
}

/// `uname [-a]`.
pub fn uname(args: &[String], sys: &mut Sys) -> i32 {
    let line = if args.iter().any(|a| a == "-a") {
        format!(
            "Linux {} 6.1.0-podplay #1 SMP x86_64 GNU/Linux",
            sys.hostname
        )
    } else {
        "Linux".to_string()
    };
    sys.out.extend(format!("{line}\n").bytes());
    0
}

/// `hostname [-i]`: the pod's name, or with `-i` its IP.
pub fn hostname(args: &[String], sys: &mut Sys) -> i32 {
    let line = match (args.iter().any(|a| a == "-i"), sys.network) {
        (true, Some(network)) => network.ip_text(),
        _ => sys.hostname.to_string(),
    };
    sys.out.extend(format!("{line}\n").bytes());
    0
}

/// `env` and `printenv`: the exported variables.
pub fn env(sys: &mut Sys) -> i32 {
    for (key, value) in sys
        .variables
        .iter()
        .filter(|(k, _)| sys.exported.contains(*k))
    {
        sys.out.extend(format!("{key}={value}\n").bytes());
    }
    0
}
