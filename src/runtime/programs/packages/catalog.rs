//! What the mirrors offer: Debian bookworm's and CentOS 7's packages (a
//! few), and which programs a container has from them.

use crate::runtime::fs::{FileSystem, Inode, View};
use crate::runtime::images::program_name;
use crate::runtime::program::Sys;

/// A package a mirror offers.
pub struct Package {
    /// Its name.
    pub name: &'static str,
    /// Its version (with the epoch, if it has one).
    pub version: &'static str,
    /// Download size, as the tool prints it (`709 kB`, `306 k`).
    pub size: &'static str,
    /// Packages it pulls in (apt) — already-present libraries left out.
    pub depends: &'static [&'static str],
    /// The programs it installs that podplay runs.
    pub programs: &'static [&'static str],
}

impl Package {
    /// The version without its epoch (`1:4.0.2-3` → `4.0.2-3`), as package
    /// file names and yum's lines show it.
    pub fn version_without_epoch(&self) -> &'static str {
        self.version.split(':').next_back().unwrap_or(self.version)
    }
}

/// Debian bookworm's packages (amd64).
pub const DEBIAN: &[Package] = &[
    Package {
        name: "procps",
        version: "2:4.0.2-3",
        size: "709 kB",
        depends: &["libncursesw6", "libproc2-0"],
        programs: &["ps", "top", "free", "uptime"],
    },
    Package {
        name: "libncursesw6",
        version: "6.4-4",
        size: "134 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "libproc2-0",
        version: "2:4.0.2-3",
        size: "62.8 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "net-tools",
        version: "2.10-0.1",
        size: "243 kB",
        depends: &[],
        programs: &["netstat", "ifconfig"],
    },
    Package {
        name: "iproute2",
        version: "6.1.0-3",
        size: "1046 kB",
        depends: &["libbpf1", "libelf1", "libmnl0"],
        programs: &["ip"],
    },
    Package {
        name: "libbpf1",
        version: "1:1.1.0-1",
        size: "145 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "libelf1",
        version: "0.188-2.1",
        size: "174 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "libmnl0",
        version: "1.0.4-3",
        size: "12.7 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "curl",
        version: "7.88.1-10+deb12u8",
        size: "315 kB",
        depends: &["libcurl4"],
        programs: &["curl"],
    },
    Package {
        name: "libcurl4",
        version: "7.88.1-10+deb12u8",
        size: "391 kB",
        depends: &[],
        programs: &[],
    },
    Package {
        name: "wget",
        version: "1.21.3-1+b2",
        size: "984 kB",
        depends: &[],
        programs: &["wget"],
    },
    Package {
        name: "dnsutils",
        version: "1:9.18.28-1~deb12u2",
        size: "4604 B",
        depends: &["bind9-dnsutils"],
        programs: &[],
    },
    Package {
        name: "bind9-dnsutils",
        version: "1:9.18.28-1~deb12u2",
        size: "403 kB",
        depends: &[],
        programs: &["nslookup"],
    },
    Package {
        name: "redis-tools",
        version: "5:7.0.15-1~deb12u1",
        size: "989 kB",
        depends: &[],
        programs: &["redis-cli"],
    },
];

/// CentOS 7's packages (x86_64), with the repository each comes from.
pub const CENTOS: &[Package] = &[
    Package {
        name: "net-tools",
        version: "2.0-0.25.20131004git.el7",
        size: "306 k",
        depends: &[],
        programs: &["netstat", "ifconfig"],
    },
    Package {
        name: "wget",
        version: "1.14-18.el7_6.1",
        size: "547 k",
        depends: &[],
        programs: &["wget"],
    },
    Package {
        name: "bind-utils",
        version: "32:9.11.4-26.P2.el7",
        size: "261 k",
        depends: &[],
        programs: &["nslookup"],
    },
    Package {
        name: "procps-ng",
        version: "3.3.10-28.el7",
        size: "292 k",
        depends: &[],
        programs: &["ps", "top", "free", "uptime"],
    },
    Package {
        name: "iproute",
        version: "4.11.0-30.el7",
        size: "805 k",
        depends: &[],
        programs: &["ip"],
    },
    Package {
        name: "curl",
        version: "7.29.0-59.el7_9.2",
        size: "271 k",
        depends: &[],
        programs: &["curl"],
    },
];

/// Every program some package installs.
fn packaged(program: &str) -> bool {
    DEBIAN
        .iter()
        .chain(CENTOS)
        .any(|package| package.programs.contains(&program))
}

/// Whether a package installed `program` into the container seen as `view`.
pub fn installed(fs: &FileSystem, view: &View, program: &str) -> bool {
    let base = program_name(program);
    packaged(base)
        && fs
            .lookup(view, "/", &format!("/usr/bin/{base}"))
            .is_ok_and(|id| matches!(fs.inode(id), Inode::File(_)))
}

/// Whether the container has `package` already: its main program is there.
pub fn present_in(sys: &Sys, package: &Package) -> bool {
    package
        .programs
        .first()
        .is_some_and(|program| sys.tools.has(program) || installed(&sys.io.fs, sys.view, program))
}
