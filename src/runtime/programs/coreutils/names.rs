//! `basename` and `dirname`: the parts of a path.

use crate::runtime::program::Sys;

/// `basename PATH [SUFFIX]`.
pub fn basename(args: &[String], sys: &mut Sys) -> i32 {
    let path = args.first().map(String::as_str).unwrap_or("");
    let base = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let base = args
        .get(1)
        .and_then(|suffix| base.strip_suffix(suffix.as_str()))
        .unwrap_or(base);
    sys.out.extend(format!("{base}\n").bytes());
    0
}

/// `dirname PATH`.
pub fn dirname(args: &[String], sys: &mut Sys) -> i32 {
    let path = args
        .first()
        .map(String::as_str)
        .unwrap_or("")
        .trim_end_matches('/');
    let dir = match path.rsplit_once('/') {
        Some(("", _)) => "/",
        Some((dir, _)) => dir,
        None => ".",
    };
    sys.out.extend(format!("{dir}\n").bytes());
    0
}
