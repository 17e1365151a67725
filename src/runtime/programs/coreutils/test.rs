//! `test EXPR` and `[ EXPR ]`: strings, integers and files.

use crate::runtime::fs::Inode;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `test EXPR` and `[ EXPR ]`.
pub fn test(args: &[String], bracket: bool, sys: &mut Sys) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let args = if bracket {
        match args.split_last() {
            Some((&"]", rest)) => rest.to_vec(),
            _ => {
                error(sys, "[: missing ]".into());
                return 2;
            }
        }
    } else {
        args
    };
    let file = |sys: &Sys, path: &str| {
        sys.io
            .fs
            .lookup(sys.view, sys.cwd, path)
            .ok()
            .map(|inode| sys.io.fs.inode(inode).clone())
    };
    let truth = |sys: &Sys, args: &[&str]| -> Result<bool, String> {
        Ok(match args {
            [] => false,
            [single] => !single.is_empty(),
            ["-n", value] => !value.is_empty(),
            ["-z", value] => value.is_empty(),
            ["-e", path] => file(sys, path).is_some(),
            ["-f", path] => matches!(file(sys, path), Some(Inode::File(_))),
            ["-d", path] => matches!(file(sys, path), Some(Inode::Directory(_))),
            ["-s", path] => matches!(file(sys, path), Some(Inode::File(data)) if !data.is_empty()),
            ["-L" | "-h", path] => sys
                .io
                .fs
                .lookup_link(sys.view, sys.cwd, path)
                .is_ok_and(|id| matches!(sys.io.fs.inode(id), Inode::Symlink(_))),
            [a, "=" | "==", b] => a == b,
            [a, "!=", b] => a != b,
            [a, op @ ("-eq" | "-ne" | "-lt" | "-le" | "-gt" | "-ge"), b] => {
                let parse = |v: &str| {
                    v.trim()
                        .parse::<i64>()
                        .map_err(|_| format!("{v}: integer expression expected"))
                };
                let (a, b) = (parse(a)?, parse(b)?);
                match *op {
                    "-eq" => a == b,
                    "-ne" => a != b,
                    "-lt" => a < b,
                    "-le" => a <= b,
                    "-gt" => a > b,
                    _ => a >= b,
                }
            }
            _ => return Err("syntax error".into()),
        })
    };
    let (negate, rest) = match args.split_first() {
        Some((&"!", rest)) if !rest.is_empty() => (true, rest.to_vec()),
        _ => (false, args.clone()),
    };
    match truth(sys, &rest) {
        Ok(value) => i32::from(value == negate),
        Err(message) => {
            error(
                sys,
                format!("{}: {message}", if bracket { "[" } else { "test" }),
            );
            2
        }
    }
}
