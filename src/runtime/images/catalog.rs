//! The images tutorials use: size, ENTRYPOINT and CMD, shell, tools; and
//! the generic image of registries and namespaces podplay does not know.

use super::tools::{Tools, Toolset};
use crate::runtime::shell::Flavor;

/// One image of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Image {
    /// The repository name in the official library (`nginx`).
    pub name: &'static str,
    /// Compressed size in bytes (linux/amd64), for pull times.
    pub size_bytes: u64,
    /// Default ENTRYPOINT.
    pub entrypoint: &'static [&'static str],
    /// Default CMD.
    pub cmd: &'static [&'static str],
    /// What `/bin/sh` is.
    pub shell: Flavor,
    /// Which programs it has.
    pub tools: Tools,
    /// Ports its default server listens on.
    pub ports: &'static [u16],
    /// The default working directory.
    pub working_dir: &'static str,
}

/// The catalog, by repository name.
pub const CATALOG: &[Image] = &[
    Image {
        name: "alpine",
        size_bytes: 3_650_000,
        entrypoint: &[],
        cmd: &["/bin/sh"],
        shell: Flavor::Busybox,
        tools: Tools {
            base: Toolset::Busybox,
            extras: &[],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "busybox",
        size_bytes: 2_155_000,
        entrypoint: &[],
        cmd: &["sh"],
        shell: Flavor::Busybox,
        tools: Tools {
            base: Toolset::Busybox,
            extras: &[],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "centos",
        size_bytes: 76_097_000,
        entrypoint: &[],
        cmd: &["/bin/bash"],
        shell: Flavor::Bash,
        tools: Tools {
            base: Toolset::Centos,
            extras: &[],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "debian",
        size_bytes: 48_500_000,
        entrypoint: &[],
        cmd: &["bash"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &[],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "httpd",
        size_bytes: 58_400_000,
        entrypoint: &[],
        cmd: &["httpd-foreground"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &["httpd", "httpd-foreground"],
        },
        ports: &[80],
        working_dir: "/usr/local/apache2",
    },
    Image {
        name: "mysql",
        size_bytes: 170_000_000,
        entrypoint: &["docker-entrypoint.sh"],
        cmd: &["mysqld"],
        shell: Flavor::Bash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &["mysqld", "mysql"],
        },
        ports: &[3306],
        working_dir: "/",
    },
    Image {
        name: "nginx",
        size_bytes: 72_100_000,
        entrypoint: &["/docker-entrypoint.sh"],
        cmd: &["nginx", "-g", "daemon off;"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &["nginx", "curl", "docker-entrypoint.sh"],
        },
        ports: &[80],
        working_dir: "/",
    },
    Image {
        name: "node",
        size_bytes: 395_000_000,
        entrypoint: &["docker-entrypoint.sh"],
        cmd: &["node"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianFull,
            extras: &["node", "npm"],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "openjdk",
        size_bytes: 326_000_000,
        entrypoint: &[],
        cmd: &["jshell"],
        shell: Flavor::Bash,
        tools: Tools {
            base: Toolset::DebianFull,
            extras: &["java", "jshell"],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "pause",
        size_bytes: 320_000,
        entrypoint: &["/pause"],
        cmd: &[],
        shell: Flavor::Busybox,
        tools: Tools {
            base: Toolset::Scratch,
            extras: &["pause"],
        },
        ports: &[],
        working_dir: "/",
    },
    // A user's image the Kubernetes docs' memory examples run
    // (`memory-request-limit*.yaml`): stress 1.0.4 built on Alpine
    // (github.com/pozgo/docker-stress: `CMD ["/usr/local/bin/stress"]`,
    // bash added); 4,041,495 bytes as the kubelet's `Pulled` event says.
    Image {
        name: "polinux/stress",
        size_bytes: 4_041_495,
        entrypoint: &[],
        cmd: &["/usr/local/bin/stress"],
        shell: Flavor::Busybox,
        tools: Tools {
            base: Toolset::Busybox,
            extras: &["stress"],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "postgres",
        size_bytes: 155_000_000,
        entrypoint: &["docker-entrypoint.sh"],
        cmd: &["postgres"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &["postgres", "psql"],
        },
        ports: &[5432],
        working_dir: "/",
    },
    Image {
        name: "python",
        size_bytes: 370_000_000,
        entrypoint: &[],
        cmd: &["python3"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianFull,
            extras: &["python3", "python"],
        },
        ports: &[],
        working_dir: "/",
    },
    Image {
        name: "redis",
        size_bytes: 45_300_000,
        entrypoint: &["docker-entrypoint.sh"],
        cmd: &["redis-server"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &["redis-server", "redis-cli", "docker-entrypoint.sh"],
        },
        ports: &[6379],
        working_dir: "/data",
    },
    Image {
        name: "tomcat",
        size_bytes: 160_500_000,
        entrypoint: &[],
        cmd: &["catalina.sh", "run"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianFull,
            extras: &["catalina.sh", "java"],
        },
        ports: &[8080],
        working_dir: "/usr/local/tomcat",
    },
    Image {
        name: "ubuntu",
        size_bytes: 29_700_000,
        entrypoint: &[],
        cmd: &["/bin/bash"],
        shell: Flavor::Dash,
        tools: Tools {
            base: Toolset::DebianSlim,
            extras: &[],
        },
        ports: &[],
        working_dir: "/",
    },
];

/// The image a container of an unknown registry or user namespace runs: it
/// exists, has a Debian-like base, and runs its `command`; without one it runs
/// `generic-server`, to which the kubelet passes the container's declared
/// ports.
pub const GENERIC: Image = Image {
    name: "(generic)",
    size_bytes: 50_000_000,
    entrypoint: &[],
    cmd: &["generic-server"],
    shell: Flavor::Bash,
    tools: Tools {
        base: Toolset::DebianFull,
        extras: &["generic-server"],
    },
    ports: &[],
    working_dir: "/",
};
