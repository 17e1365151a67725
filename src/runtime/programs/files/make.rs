//! `mkdir [-p]` and `touch`: directories and empty files.

use crate::runtime::fs::FsError;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `mkdir [-p] DIR…`.
pub fn mkdir(args: &[String], sys: &mut Sys) -> i32 {
    let parents = args.iter().any(|a| a == "-p");
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        if let Err(failure) = sys.io.fs.make_directory(sys.view, sys.cwd, path, parents) {
            if !(parents && failure == FsError::Exists) {
                error(
                    sys,
                    format!(
                        "mkdir: cannot create directory '{path}': {}",
                        failure.words(sys.busybox)
                    ),
                );
                status = 1;
            }
        }
    }
    status
}

/// `touch FILE…`: creates the files that are missing.
pub fn touch(args: &[String], sys: &mut Sys) -> i32 {
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        if let Err(failure) = sys.io.fs.write(sys.view, sys.cwd, path, b"", true) {
            error(
                sys,
                format!(
                    "touch: cannot touch '{path}': {}",
                    failure.words(sys.busybox)
                ),
            );
            status = 1;
        }
    }
    status
}
