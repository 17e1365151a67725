//! `ln` and `readlink`: hard and symbolic links.

use crate::runtime::fs::Inode;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `ln [-s] [-f] TARGET LINK`: a second name for TARGET (a hard link), or
/// with `-s` a symbolic link holding TARGET as given (it may dangle); a LINK
/// that is a directory gets TARGET's name inside it.
pub fn ln(args: &[String], sys: &mut Sys) -> i32 {
    let flags: String = args
        .iter()
        .filter(|a| a.starts_with('-'))
        .map(|a| &a[1..])
        .collect();
    let (symbolic, force) = (flags.contains('s'), flags.contains('f'));
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let base_name = |path: &str| {
        path.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .to_string()
    };
    let (target, link) = match operands.as_slice() {
        [target, link] => ((*target).clone(), (*link).clone()),
        [target] => ((*target).clone(), base_name(target)),
        _ => {
            error(sys, "ln: missing file operand".into());
            return 1;
        }
    };
    let link = match sys.io.fs.lookup(sys.view, sys.cwd, &link) {
        Ok(id) if matches!(sys.io.fs.inode(id), Inode::Directory(_)) => {
            format!("{}/{}", link.trim_end_matches('/'), base_name(&target))
        }
        _ => link,
    };
    if force {
        let _ = sys.io.fs.remove(sys.view, sys.cwd, &link, false);
    }
    let made = if symbolic {
        sys.io
            .fs
            .symlink(sys.view, sys.cwd, &target, &link)
            .map(|_| ())
    } else {
        let target_inode = match sys.io.fs.lookup(sys.view, sys.cwd, &target) {
            Ok(id) => id,
            Err(failure) => {
                let message = if sys.busybox {
                    format!("ln: {target}: {}", failure.words(true))
                } else {
                    format!("ln: failed to access '{target}': {}", failure.message())
                };
                error(sys, message);
                return 1;
            }
        };
        sys.io.fs.link(sys.view, sys.cwd, target_inode, &link)
    };
    match made {
        Ok(()) => 0,
        Err(failure) => {
            let kind = if symbolic { "symbolic" } else { "hard" };
            let message = if sys.busybox {
                format!("ln: {link}: {}", failure.words(true))
            } else {
                format!(
                    "ln: failed to create {kind} link '{link}': {}",
                    failure.message()
                )
            };
            error(sys, message);
            1
        }
    }
}

/// `readlink [-f] PATH`: a symbolic link's target; with `-f` the path with
/// every link resolved. Anything else prints nothing and fails.
pub fn readlink(args: &[String], sys: &mut Sys) -> i32 {
    let canonical = args.iter().any(|a| a == "-f");
    let Some(path) = args.iter().find(|a| !a.starts_with('-')) else {
        error(sys, "readlink: missing operand".into());
        return 1;
    };
    if canonical {
        return match sys.io.fs.canonical(sys.view, sys.cwd, path) {
            Ok(resolved) => {
                sys.out.extend(format!("{resolved}\n").bytes());
                0
            }
            Err(_) => 1,
        };
    }
    match sys.io.fs.lookup_link(sys.view, sys.cwd, path) {
        Ok(id) => match sys.io.fs.inode(id) {
            Inode::Symlink(target) => {
                let line = format!("{target}\n");
                sys.out.extend(line.bytes());
                0
            }
            _ => 1,
        },
        Err(_) => 1,
    }
}
