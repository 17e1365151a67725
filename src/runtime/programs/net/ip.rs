//! `ip` and `ifconfig`: the pod's interfaces and routes.

use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;
use crate::runtime::shell::Flavor;

/// `ip a`, `ip addr [show]`, `ip route`.
pub fn ip(args: &[String], sys: &mut Sys) -> i32 {
    let Some(network) = sys.network else {
        return 0;
    };
    let flavor = if sys.busybox {
        Flavor::Busybox
    } else {
        Flavor::Bash
    };
    match args.first().map(String::as_str) {
        Some("a" | "addr" | "address") => sys.out.extend(network.ip_addr(flavor).bytes()),
        Some("r" | "route" | "ro") => sys.out.extend(network.ip_route().bytes()),
        Some(other) => {
            error(
                sys,
                format!("Object \"{other}\" is unknown, try \"ip help\"."),
            );
            return 1;
        }
        None => {
            error(
                sys,
                "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }".into(),
            );
            return 255;
        }
    }
    0
}

/// `ifconfig`: the pod's interfaces (nothing outside a pod).
pub fn ifconfig(sys: &mut Sys) -> i32 {
    if let Some(network) = sys.network {
        sys.out.extend(network.ifconfig().bytes());
    }
    0
}
