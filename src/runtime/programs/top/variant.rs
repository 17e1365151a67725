//! Which tool's words `top`, `free` and `uptime` print.

use crate::runtime::images::Toolset;

/// Which tool prints: busybox's applets or procps-ng's programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// busybox 1.36.
    Busybox,
    /// procps-ng 3.3.10 (CentOS 7): KiB, `0 users`.
    Procps3,
    /// procps-ng 4.0.2 (Debian 12): MiB, `0 user`.
    Procps4,
}

impl Variant {
    /// The variant an image's base system has (Debian's for a package apt installed).
    pub fn of(base: Toolset) -> Variant {
        match base {
            Toolset::Busybox => Variant::Busybox,
            Toolset::Centos => Variant::Procps3,
            _ => Variant::Procps4,
        }
    }
}
