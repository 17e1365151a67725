//! `apt-get`/`apt` `update` and `install` in Debian's words.

use super::catalog::{present_in, Package, DEBIAN};
use super::plan::Plan;
use crate::runtime::program::Sys;

/// Where apt keeps the lists `apt-get update` fetched (the images ship
/// without them, so nothing can be installed before an update).
pub const APT_LISTS: &str = "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease";

/// `apt-get update` / `apt update`: fetches the lists.
pub fn update(plan: &mut Plan, tool: &str) {
    plan.say(
        300,
        "Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n\
         Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\n\
         Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\n",
    );
    plan.say(
        900,
        "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]\n\
         Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]\n\
         Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [241 kB]\n\
         Fetched 9301 kB in 1s (7751 kB/s)\n",
    );
    let done = if tool == "apt" {
        "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nAll packages are up to date.\n"
    } else {
        "Reading package lists... Done\n"
    };
    plan.say(400, done);
    plan.files.push(APT_LISTS.to_string());
}

/// `apt-get install [-y] NAME…`.
pub fn install(plan: &mut Plan, sys: &Sys, names: &[&str], yes: bool) {
    plan.say(
        200,
        "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n",
    );
    let updated = sys.io.fs.lookup(sys.view, "/", APT_LISTS).is_ok();
    let mut wanted: Vec<&Package> = Vec::new();
    let mut present = Vec::new();
    for name in names {
        let found = DEBIAN.iter().find(|p| p.name == *name).filter(|_| updated);
        let Some(package) = found else {
            plan.fail(100, &format!("E: Unable to locate package {name}\n"));
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
        plan.say(0, &line);
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
        plan.say(
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
    plan.say(0, &text);
    fetch_unpack_and_set_up(plan, &all);
}

/// The downloads, the unpacking and the setting up of `all`, and their programs to write.
fn fetch_unpack_and_set_up(plan: &mut Plan, all: &[&Package]) {
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
    fetching
        .push_str("debconf: delaying package configuration, since apt-utils is not installed\n");
    plan.say(600, &fetching);
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
    plan.say(800, &unpacking);
    let mut setting = String::new();
    for package in all {
        setting.push_str(&format!(
            "Setting up {} ({}) ...\n",
            package.name, package.version
        ));
        for program in package.programs {
            plan.files.push(format!("/usr/bin/{program}"));
        }
    }
    setting.push_str("Processing triggers for libc-bin (2.36-9+deb12u9) ...\n");
    plan.say(500, &setting);
}
