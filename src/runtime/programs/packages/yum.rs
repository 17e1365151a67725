//! `yum install` in CentOS 7's words.

use super::catalog::{present_in, Package, CENTOS};
use super::plan::Plan;
use crate::runtime::program::Sys;

/// `yum install NAME…`.
pub fn install(plan: &mut Plan, sys: &Sys, names: &[&str]) {
    plan.say(
        300,
        "Loaded plugins: fastestmirror, ovl\nDetermining fastest mirrors\n * base: mirrors.aliyun.com\n * extras: mirrors.aliyun.com\n * updates: mirrors.aliyun.com\n",
    );
    let mut wanted: Vec<&Package> = Vec::new();
    for name in names {
        match CENTOS.iter().find(|p| p.name == *name) {
            None => plan.say(0, &format!("No package {name} available.\n")),
            Some(package) if present_in(sys, package) => {
                let line = format!(
                    "Package {}-{}.x86_64 already installed and latest version\n",
                    package.name,
                    package.version_without_epoch()
                );
                plan.say(0, &line);
            }
            Some(package) => wanted.push(package),
        }
    }
    if wanted.is_empty() {
        let unknown = names.iter().any(|n| !CENTOS.iter().any(|p| p.name == *n));
        if unknown {
            plan.fail(1, "Error: Nothing to do\n");
        } else {
            plan.say(0, "Nothing to do\n");
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
    plan.say(200, &text);
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
            plan.files.push(format!("/usr/bin/{program}"));
        }
    }
    running.push_str("\nComplete!\n");
    plan.say(1_200, &running);
}

/// A yum version with its epoch, as yum prints it (`0:` when it has none).
fn with_epoch(version: &str) -> String {
    if version.contains(':') {
        version.to_string()
    } else {
        format!("0:{version}")
    }
}
