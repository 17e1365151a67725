//! What a container of an image starts with: its argv, its stop signal,
//! the files the image ships, and how long its pull takes.

use super::catalog::Image;
use crate::runtime::fs::{FileSystem, FsError, View};

/// nginx's default welcome page (615 bytes), as the image ships it.
pub const NGINX_INDEX: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\nCommercial support is available at\n<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n";

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
pub fn install_files(fs: &mut FileSystem, view: &View, image: &Image) -> Result<(), FsError> {
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
