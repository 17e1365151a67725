//! `cp` and `mv` of a file.

use crate::runtime::fs::Inode;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `cp SRC DST` and `mv SRC DST` for files.
pub fn copy(args: &[String], remove_source: bool, sys: &mut Sys) -> i32 {
    let name = if remove_source { "mv" } else { "cp" };
    let operands: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let [source, target] = operands.as_slice() else {
        error(sys, format!("{name}: missing file operand"));
        return 1;
    };
    let data = match sys.io.fs.read(sys.view, sys.cwd, source) {
        Ok(data) => data.to_vec(),
        Err(failure) => {
            error(
                sys,
                format!(
                    "{name}: cannot stat '{source}': {}",
                    failure.words(sys.busybox)
                ),
            );
            return 1;
        }
    };
    let destination = match sys
        .io
        .fs
        .lookup(sys.view, sys.cwd, target)
        .map(|id| sys.io.fs.inode(id).clone())
    {
        Ok(Inode::Directory(_)) => format!(
            "{}/{}",
            target.trim_end_matches('/'),
            source.rsplit('/').next().unwrap_or(source)
        ),
        _ => target.to_string(),
    };
    if let Err(failure) = sys
        .io
        .fs
        .write(sys.view, sys.cwd, &destination, &data, false)
    {
        error(
            sys,
            format!(
                "{name}: cannot create regular file '{destination}': {}",
                failure.words(sys.busybox)
            ),
        );
        return 1;
    }
    if remove_source {
        let _ = sys.io.fs.remove(sys.view, sys.cwd, source, false);
    }
    0
}
