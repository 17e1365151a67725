//! `rm [-r] [-f] PATH…`.

use crate::runtime::fs::FsError;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `rm [-r] [-f] PATH…`.
pub fn rm(args: &[String], sys: &mut Sys) -> i32 {
    let flags: String = args
        .iter()
        .filter(|a| a.starts_with('-'))
        .map(|a| &a[1..])
        .collect();
    let (recursive, force) = (
        flags.contains('r') || flags.contains('R'),
        flags.contains('f'),
    );
    let mut status = 0;
    for path in args.iter().filter(|a| !a.starts_with('-')) {
        match sys.io.fs.remove(sys.view, sys.cwd, path, recursive) {
            Ok(()) => {}
            Err(FsError::NotFound) if force => {}
            Err(FsError::IsADirectory) => {
                error(sys, format!("rm: cannot remove '{path}': Is a directory"));
                status = 1;
            }
            Err(failure) => {
                error(
                    sys,
                    format!("rm: cannot remove '{path}': {}", failure.words(sys.busybox)),
                );
                status = 1;
            }
        }
    }
    status
}
