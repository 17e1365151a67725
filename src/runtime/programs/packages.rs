//! Package managers: `apt-get`/`apt` in Debian-based images and `yum` in
//! CentOS, installing from a mirror the node reaches at once. A package
//! brings programs, written as files into `/usr/bin` of the container's own
//! root, so a later `kubectl exec` finds them and a restarted container (a
//! fresh root) has lost them, as on a real node. Output is what the tools
//! print for a few packages, shortened but in their words; each phase takes
//! virtual time.

use crate::runtime::fs::View;
use crate::runtime::program::{Program, Step, Sys, Wait};

/// A package a mirror offers.
struct Package {
    name: &'static str,
    version: &'static str,
    /// Download size, as the tool prints it (`709 kB`, `306 k`).
    size: &'static str,
    /// Packages it pulls in (apt) — already-present libraries left out.
    depends: &'static [&'static str],
    /// The programs it installs that podplay runs.
    programs: &'static [&'static str],
}

impl Package {
    /// The version without its epoch (`1:4.0.2-3` → `4.0.2-3`), as package
    /// file names and yum's lines show it.
    fn version_without_epoch(&self) -> &'static str {
        self.version.split(':').next_back().unwrap_or(self.version)
    }
}

/// Debian bookworm's packages (amd64).
const DEBIAN: &[Package] = &[
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
const CENTOS: &[Package] = &[
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
pub fn installed(fs: &crate::runtime::fs::FileSystem, view: &View, program: &str) -> bool {
    let base = crate::runtime::images::program_name(program);
    packaged(base)
        && fs
            .lookup(view, "/", &format!("/usr/bin/{base}"))
            .is_ok_and(|id| matches!(fs.inode(id), crate::runtime::fs::Inode::File(_)))
}

/// Whether the container has `package` already: its main program is there.
fn present_in(sys: &Sys, package: &Package) -> bool {
    package
        .programs
        .first()
        .is_some_and(|program| sys.tools.has(program) || installed(sys.io.fs, sys.view, program))
}

/// Where apt keeps the lists `apt-get update` fetched (the images ship
/// without them, so nothing can be installed before an update).
const APT_LISTS: &str = "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease";

/// A package manager run: its output in timed chunks, worked out on the
/// first step, then the files it installs.
pub struct Installer {
    tool: &'static str,
    args: Vec<String>,
    /// Chunks not yet printed: (delay before it in ms, text, to stderr).
    chunks: Vec<(u64, String, bool)>,
    /// Files to write when done, and the exit code.
    files: Vec<String>,
    code: i32,
    started: bool,
    /// When the next chunk is due.
    due: Option<crate::clock::SimTime>,
}

impl Installer {
    /// `apt-get`, `apt` or `yum` with its arguments.
    pub fn new(tool: &'static str, args: &[String]) -> Installer {
        Installer {
            tool,
            args: args.to_vec(),
            chunks: Vec::new(),
            files: Vec::new(),
            code: 0,
            started: false,
            due: None,
        }
    }

    /// Works out what the run prints and installs.
    fn plan(&mut self, sys: &Sys) {
        let args = std::mem::take(&mut self.args);
        let words: Vec<&str> = args
            .iter()
            .map(String::as_str)
            .filter(|a| !a.starts_with('-'))
            .collect();
        let yes = args.iter().any(|a| a == "-y" || a == "--yes");
        match (self.tool, words.split_first()) {
            ("yum", Some((&"install", names))) => self.yum_install(sys, names),
            ("yum", _) => {
                self.say(0, "Loaded plugins: fastestmirror, ovl\n");
                self.fail(1, "No such command. Use yum --help\n");
            }
            (_, Some((&"update", _))) => self.apt_update(),
            (_, Some((&"install", names))) => self.apt_install(sys, names, yes),
            (tool, _) => {
                let line = format!("{tool}: only `update` and `install` are simulated\n");
                self.fail(1, &line);
            }
        }
    }

    fn say(&mut self, delay: u64, text: &str) {
        self.chunks.push((delay, text.to_string(), false));
    }

    fn fail(&mut self, code: i32, text: &str) {
        self.chunks.push((0, text.to_string(), true));
        self.code = code;
    }

    fn apt_update(&mut self) {
        self.say(
            300,
            "Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n\
             Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n\
             Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\n",
        );
        self.say(
            900,
            "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\n\
             Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\n\
             Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [241 kB]\n\
             Fetched 9301 kB in 1s (7751 kB/s)\n",
        );
        let done = if self.tool == "apt" {
            "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n"
        } else {
            "Reading package lists... Done\n"
        };
        self.say(400, done);
        self.files.push(APT_LISTS.to_string());
    }

    fn apt_install(&mut self, sys: &Sys, names: &[&str], yes: bool) {
        self.say(
            200,
            "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n",
        );
        let updated = sys.io.fs.lookup(sys.view, "/", APT_LISTS).is_ok();
        let mut wanted: Vec<&Package> = Vec::new();
        let mut present = Vec::new();
        for name in names {
            let found = DEBIAN.iter().find(|p| p.name == *name).filter(|_| updated);
            let Some(package) = found else {
                self.fail(100, &format!("E: Unable to locate package {name}\n"));
                return;
            };
            let already = present_in(sys, package);
            if already {
                present.push(package);
            } else {
                wanted.push(package);
            }
        }
        for package in &present {
            let line = format!(
                "{} is already the newest version ({}).\n",
                package.name, package.version
            );
            self.say(0, &line);
        }
        let mut extra: Vec<&Package> = Vec::new();
        for package in &wanted {
            for dependency in package.depends {
                if let Some(found) = DEBIAN.iter().find(|p| p.name == *dependency) {
                    if !extra.iter().any(|p| p.name == found.name) {
                        extra.push(found);
                    }
                }
            }
        }
        let mut all: Vec<&Package> = extra.iter().chain(wanted.iter()).copied().collect();
        all.sort_by_key(|p| p.name);
        all.dedup_by_key(|p| p.name);
        if all.is_empty() {
            self.say(
                0,
                "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n",
            );
            return;
        }
        let list = |packages: &[&Package]| {
            let names: Vec<&str> = packages.iter().map(|p| p.name).collect();
            format!("  {}\n", names.join(" "))
        };
        let mut text = String::new();
        if !extra.is_empty() {
            extra.sort_by_key(|p| p.name);
            text.push_str("The following additional packages will be installed:\n");
            text.push_str(&list(&extra));
        }
        text.push_str("The following NEW packages will be installed:\n");
        text.push_str(&list(&all));
        text.push_str(&format!(
            "0 upgraded, {} newly installed, 0 to remove and 0 not upgraded.\n",
            all.len()
        ));
        if !extra.is_empty() && !yes {
            // Without -y apt asks; the playground answers Enter (yes).
            text.push_str("Do you want to continue? [Y/n] \n");
        }
        self.say(0, &text);
        let mut fetching = String::new();
        for (index, package) in all.iter().enumerate() {
            fetching.push_str(&format!(
                "Get:{} http://deb.debian.org/debian bookworm/main amd64 {} amd64 {} [{}]\n",
                index + 1,
                package.name,
                package.version,
                package.size
            ));
        }
        fetching.push_str(
            "debconf: delaying package configuration, since apt-utils is not installed\n",
        );
        self.say(600, &fetching);
        let mut unpacking = String::new();
        for (index, package) in all.iter().enumerate() {
            unpacking.push_str(&format!(
                "Selecting previously unselected package {}.\n",
                package.name
            ));
            if index == 0 {
                unpacking.push_str(
                    "(Reading database ... 6686 files and directories currently installed.)\n",
                );
            }
            unpacking.push_str(&format!(
                "Preparing to unpack .../{}_{}_amd64.deb ...\nUnpacking {} ({}) ...\n",
                package.name,
                package.version_without_epoch(),
                package.name,
                package.version
            ));
        }
        self.say(800, &unpacking);
        let mut setting = String::new();
        for package in &all {
            setting.push_str(&format!(
                "Setting up {} ({}) ...\n",
                package.name, package.version
            ));
            for program in package.programs {
                self.files.push(format!("/usr/bin/{program}"));
            }
        }
        setting.push_str("Processing triggers for libc-bin (2.36-9+deb12u9) ...\n");
        self.say(500, &setting);
    }

    fn yum_install(&mut self, sys: &Sys, names: &[&str]) {
        self.say(
            300,
            "Loaded plugins: fastestmirror, ovl\nDetermining fastest mirrors\n * base: mirrors.aliyun.com\n * extras: mirrors.aliyun.com\n * updates: mirrors.aliyun.com\n",
        );
        let mut wanted: Vec<&Package> = Vec::new();
        for name in names {
            match CENTOS.iter().find(|p| p.name == *name) {
                None => self.say(0, &format!("No package {name} available.\n")),
                Some(package) if present_in(sys, package) => {
                    let line = format!(
                        "Package {}-{}.x86_64 already installed and latest version\n",
                        package.name,
                        package.version_without_epoch()
                    );
                    self.say(0, &line);
                }
                Some(package) => wanted.push(package),
            }
        }
        if wanted.is_empty() {
            let unknown = names.iter().any(|n| !CENTOS.iter().any(|p| p.name == *n));
            if unknown {
                self.fail(1, "Error: Nothing to do\n");
            } else {
                self.say(0, "Nothing to do\n");
            }
            return;
        }
        let rule = "=".repeat(80);
        let mut text = String::from("Resolving Dependencies\n--> Running transaction check\n");
        for package in &wanted {
            text.push_str(&format!(
                "---> Package {}.x86_64 {} will be installed\n",
                package.name,
                with_epoch(package.version)
            ));
        }
        text.push_str("--> Finished Dependency Resolution\n\nDependencies Resolved\n\n");
        text.push_str(&format!(
            "{rule}\n {:<16} {:<8} {:<32} {:<12} {:>5}\n{rule}\nInstalling:\n",
            "Package", "Arch", "Version", "Repository", "Size"
        ));
        for package in &wanted {
            text.push_str(&format!(
                " {:<16} {:<8} {:<32} {:<12} {:>5}\n",
                package.name, "x86_64", package.version, "base", package.size
            ));
        }
        let count = wanted.len();
        let plural = if count == 1 { "Package" } else { "Packages" };
        text.push_str(&format!(
            "\nTransaction Summary\n{rule}\nInstall  {count} {plural}\n\n"
        ));
        self.say(200, &text);
        let mut running = String::from(
            "Downloading packages:\nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n",
        );
        for (verb, _) in [("Installing", 0), ("Verifying ", 1)] {
            for (index, package) in wanted.iter().enumerate() {
                let full = format!(
                    "{}-{}.x86_64",
                    package.name,
                    package.version_without_epoch()
                );
                running.push_str(&format!("  {verb} : {full:<62} {}/{count} \n", index + 1));
            }
        }
        running.push_str("\nInstalled:\n");
        for package in &wanted {
            running.push_str(&format!(
                "  {}.x86_64 {}\n",
                package.name,
                with_epoch(package.version)
            ));
            for program in package.programs {
                self.files.push(format!("/usr/bin/{program}"));
            }
        }
        running.push_str("\nComplete!\n");
        self.say(1_200, &running);
    }
}

impl Program for Installer {
    fn step(&mut self, sys: &mut Sys) -> Step {
        if !self.started {
            self.started = true;
            self.plan(sys);
            self.chunks.reverse();
        }
        let now = sys.io.now;
        if let Some((delay, _, _)) = self.chunks.last() {
            match self.due {
                None => {
                    let due = now + *delay;
                    self.due = Some(due);
                    if due > now {
                        return Step::Block(Wait::Until(due));
                    }
                }
                Some(due) if due > now => return Step::Block(Wait::Until(due)),
                Some(_) => {}
            }
            self.due = None;
            if let Some((_, text, to_error)) = self.chunks.pop() {
                let sink = if to_error {
                    &mut *sys.err
                } else {
                    &mut *sys.out
                };
                sink.extend(text.bytes());
            }
            return Step::Continue;
        }
        for file in std::mem::take(&mut self.files) {
            if let Some((directory, _)) = file.rsplit_once('/') {
                let _ = sys.io.fs.make_directory(sys.view, "/", directory, true);
            }
            let contents = b"\x7fELF (installed by the package manager)\n";
            if let Err(failure) = sys.io.fs.write(sys.view, "/", &file, contents, false) {
                let line = format!("E: {file}: {}\n", failure.message());
                sys.err.extend(line.bytes());
                return Step::Exit(100);
            }
        }
        Step::Exit(self.code)
    }
}

/// A yum version with its epoch, as yum prints it (`0:` when it has none).
fn with_epoch(version: &str) -> String {
    if version.contains(':') {
        version.to_string()
    } else {
        format!("0:{version}")
    }
}
