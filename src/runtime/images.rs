//! The image catalog: the images tutorials use, each with its size (so a pull
//! takes a believable time), its default ENTRYPOINT and CMD, which `sh` it has,
//! and which programs are in it. Names are resolved as a container runtime
//! resolves them (`nginx` is `docker.io/library/nginx:latest`). An official
//! name not in the catalog does not exist, so a typo fails its pull as it
//! would on a real node; images from other registries or user namespaces are
//! taken to exist.

use super::shell::Flavor;

/// nginx's default welcome page (615 bytes), as the image ships it.
pub const NGINX_INDEX: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\nCommercial support is available at\n<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n";

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

/// An image reference taken apart as a container runtime does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `docker.io`, `registry.k8s.io`, `www.myharbor.com`, …
    pub registry: String,
    /// `library/nginx`, `wangqihan/java-demo`, …
    pub repository: String,
    /// `latest` when none is given.
    pub tag: String,
}

impl Reference {
    /// Parses `image` (`nginx`, `nginx:1.8`, `www.myharbor.com/x/y:v1`, `a/b@sha256:…`).
    pub fn parse(image: &str) -> Reference {
        let (name, tag) = match image.split_once('@') {
            Some((name, digest)) => (name, digest.to_string()),
            None => {
                let slash = image.rfind('/').map_or(0, |i| i + 1);
                match image[slash..].split_once(':') {
                    Some((_, tag)) => (
                        &image[..slash + image[slash..].find(':').unwrap_or(0)],
                        tag.to_string(),
                    ),
                    None => (image, "latest".to_string()),
                }
            }
        };
        let first = name.split('/').next().unwrap_or(name);
        let has_registry = name.contains('/')
            && (first.contains('.') || first.contains(':') || first == "localhost");
        let (registry, path) = if has_registry {
            (first.to_string(), name[first.len() + 1..].to_string())
        } else {
            ("docker.io".to_string(), name.to_string())
        };
        let repository = if registry == "docker.io" && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        Reference {
            registry,
            repository,
            tag,
        }
    }

    /// The fully qualified reference, as containerd prints it.
    pub fn full(&self) -> String {
        let separator = if self.tag.starts_with("sha256:") {
            '@'
        } else {
            ':'
        };
        format!(
            "{}/{}{separator}{}",
            self.registry, self.repository, self.tag
        )
    }
}

/// Why an image cannot be pulled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullError {
    /// The runtime's message, as the kubelet's `Failed` event shows it.
    pub message: String,
}

/// Finds `image` in the catalog. Official images must be in it; others exist.
pub fn resolve(image: &str) -> Result<Image, PullError> {
    let reference = Reference::parse(image);
    let official = reference.registry == "docker.io"
        && reference.repository.starts_with("library/")
        || reference.registry == "registry.k8s.io";
    let name = reference
        .repository
        .rsplit('/')
        .next()
        .unwrap_or(&reference.repository);
    match CATALOG.iter().find(|candidate| candidate.name == name) {
        Some(found) if official => Ok(legacy_variant(*found, &reference.tag)),
        Some(_) | None if !official => Ok(GENERIC),
        _ => Err(PullError {
            message: format!(
                "failed to pull and unpack image \"{full}\": failed to resolve reference \"{full}\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
                full = reference.full()
            ),
        }),
    }
}

/// Old tags whose base had more tools (nginx:1.8 was built on Debian jessie
/// with procps and iproute2, as seed 000's `ps -ef` and `ip a` show).
fn legacy_variant(image: Image, tag: &str) -> Image {
    let minor = |t: &str| {
        let mut parts = t.split('.');
        Some((
            parts.next()?.parse::<u32>().ok()?,
            parts.next()?.parse::<u32>().ok()?,
        ))
    };
    match (image.name, minor(tag)) {
        ("nginx", Some((1, m))) if m < 10 => Image {
            tools: Tools {
                base: Toolset::DebianFull,
                extras: image.tools.extras,
            },
            entrypoint: &[],
            ..image
        },
        _ => image,
    }
}

/// The signal the runtime stops a container of `image` with (its image's
/// `STOPSIGNAL`): SIGQUIT for nginx, whose image asks for a graceful stop,
/// else SIGTERM.
pub fn stop_signal(image: &Image) -> i32 {
    if image.tools.extras.contains(&"nginx") {
        3
    } else {
        15
    }
}

/// The container's argv as the kubelet and runtime compute it: `command`
/// replaces the image's ENTRYPOINT (and drops its CMD), `args` replace CMD.
pub fn container_argv(image: &Image, command: &[String], args: &[String]) -> Vec<String> {
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match (command.is_empty(), args.is_empty()) {
        (false, _) => command.iter().chain(args).cloned().collect(),
        (true, false) => owned(image.entrypoint)
            .into_iter()
            .chain(args.iter().cloned())
            .collect(),
        (true, true) => owned(image.entrypoint)
            .into_iter()
            .chain(owned(image.cmd))
            .collect(),
    }
}

/// Writes the files an image ships that its programs need (nginx's pages)
/// and its working directory.
pub fn install_files(
    fs: &mut super::fs::FileSystem,
    view: &super::fs::View,
    image: &Image,
) -> Result<(), super::fs::FsError> {
    if image.tools.extras.contains(&"nginx") {
        fs.make_directory(view, "/", "/usr/share/nginx/html", true)?;
        let index = NGINX_INDEX.as_bytes();
        fs.write(view, "/", "/usr/share/nginx/html/index.html", index, false)?;
    }
    fs.make_directory(view, "/", "/tmp", true)?;
    fs.make_directory(view, "/", image.working_dir, true)?;
    Ok(())
}

/// How long pulling `image` takes, in virtual milliseconds (20 MB/s plus a
/// fixed 400 ms); when the node already has it, a pull only checks the manifest.
pub fn pull_duration(image: &Image, already_present: bool) -> u64 {
    const OVERHEAD_MILLIS: u64 = 400;
    if already_present {
        OVERHEAD_MILLIS
    } else {
        OVERHEAD_MILLIS + image.size_bytes * 1000 / 20_000_000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_qualified_as_containerd_qualifies_them() {
        assert_eq!(
            Reference::parse("nginx").full(),
            "docker.io/library/nginx:latest"
        );
        assert_eq!(
            Reference::parse("centos:7").full(),
            "docker.io/library/centos:7"
        );
        assert_eq!(
            Reference::parse("xiaomotong888/xmtkubia").full(),
            "docker.io/xiaomotong888/xmtkubia:latest"
        );
        assert_eq!(
            Reference::parse("www.myharbor.com/wangqihan/java-demo:v1").full(),
            "www.myharbor.com/wangqihan/java-demo:v1"
        );
        assert_eq!(
            Reference::parse("localhost:5000/app").full(),
            "localhost:5000/app:latest"
        );
    }

    #[test]
    fn a_misspelt_official_image_does_not_exist() {
        let error = resolve("ngnix").unwrap_err();
        assert_eq!(
            error.message,
            "failed to pull and unpack image \"docker.io/library/ngnix:latest\": failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        );
    }

    #[test]
    fn private_and_namespaced_images_exist() {
        assert_eq!(
            resolve("www.myharbor.com/wangqihan/java-demo:v1")
                .unwrap()
                .name,
            "(generic)"
        );
        assert_eq!(resolve("xiaomotong888/xmtkubia").unwrap().name, "(generic)");
    }

    #[test]
    fn images_know_their_tools() {
        let nginx = resolve("nginx:1.27").unwrap();
        assert!(!nginx.tools.has("ps"));
        assert!(nginx.tools.has("cat"));
        assert!(
            resolve("nginx:1.8").unwrap().tools.has("ps"),
            "seed 000's nginx:1.8 runs ps -ef"
        );
        assert!(resolve("busybox:1.28").unwrap().tools.has("nslookup"));
        assert!(!resolve("registry.k8s.io/pause:3.10")
            .unwrap()
            .tools
            .has("sh"));
    }

    #[test]
    fn command_and_args_replace_entrypoint_and_cmd_as_kubernetes_documents() {
        let nginx = resolve("nginx").unwrap();
        let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            container_argv(&nginx, &[], &[]),
            ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
        );
        assert_eq!(
            container_argv(&nginx, &[], &words(&["nginx-debug"])),
            ["/docker-entrypoint.sh", "nginx-debug"]
        );
        assert_eq!(
            container_argv(&nginx, &words(&["sh", "-c"]), &words(&["echo hi"])),
            ["sh", "-c", "echo hi"]
        );
    }

    #[test]
    fn pulls_take_longer_for_bigger_images() {
        assert_eq!(pull_duration(&resolve("busybox").unwrap(), false), 507);
        assert_eq!(pull_duration(&resolve("centos:7").unwrap(), false), 4204);
        assert_eq!(pull_duration(&resolve("centos:7").unwrap(), true), 400);
    }
}
