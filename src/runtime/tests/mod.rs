//! The runtime running real commands: scripts in containers on the virtual
//! clock, checked by what they write to their logs and files.

mod busy;
mod cpu_share;
mod files;
mod limits;
mod memory;
mod network;
mod processes;
mod programs;
mod sharing;
mod shell;

use super::fs::{Mount, MountKind, View};
use super::images::{Tools, Toolset};
use super::shell::Flavor;
use super::{Launch, Runtime};
use crate::clock::SimTime;

/// A container's view with a fresh root (holding `/tmp`) and the given mounts.
fn container(runtime: &mut Runtime, mounts: Vec<Mount>) -> View {
    let root = runtime.fs.new_directory();
    let view = View { root, mounts };
    runtime
        .fs
        .make_directory(&view, "/", "/tmp", false)
        .unwrap();
    view
}

fn launch(
    runtime: &mut Runtime,
    view: View,
    flavor: Flavor,
    script: &str,
) -> (crate::runtime::ProcessId, usize) {
    let log = runtime.new_log();
    let shell = match flavor {
        Flavor::Busybox | Flavor::Dash => "sh",
        Flavor::Bash => "bash",
    };
    let id = runtime.spawn(Launch {
        argv: vec![shell.into(), "-c".into(), script.into()],
        env: vec![],
        cwd: "/".into(),
        view,
        hostname: "my-pod".into(),
        flavor,
        log,
        tools: Tools::base(Toolset::Busybox),
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    (id, log)
}

/// Runs the runtime from 0 to `end` milliseconds, waking at every timer,
/// and writes what spinning processes wrote by then.
fn run_until(runtime: &mut Runtime, end: u64) {
    runtime.run(SimTime::ZERO);
    while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= end) {
        runtime.run(next);
    }
    runtime.settle(SimTime::from_millis(end));
}

/// Runs `script` in one busybox container for `millis` and returns (log, exit code).
fn run(script: &str, millis: u64) -> (String, Option<i32>) {
    let mut runtime = Runtime::new();
    let view = container(&mut runtime, Vec::new());
    let (id, log) = launch(&mut runtime, view, Flavor::Busybox, script);
    run_until(&mut runtime, millis);
    (runtime.log(log).unwrap().text(), runtime.exit_code(id))
}

/// Starts `argv` from `image` in a new container: its own root with the
/// image's files and `mounts`, the pod's network and /etc files when given,
/// a shared PID namespace when given. Returns the process and its log.
fn spawn_image(
    runtime: &mut Runtime,
    image: &str,
    argv: &[&str],
    mounts: Vec<Mount>,
    network: Option<&std::rc::Rc<crate::runtime::net::PodNetwork>>,
    pid_namespace: Option<crate::runtime::SharedPidNamespace>,
) -> (crate::runtime::ProcessId, usize) {
    let image = crate::runtime::images::resolve(image).unwrap();
    let root = runtime.fs.new_directory();
    let view = View { root, mounts };
    crate::runtime::images::install_files(&mut runtime.fs, &view, &image).unwrap();
    if let Some(network) = network {
        crate::runtime::net::write_pod_files(&mut runtime.fs, &view, network, "web", "default")
            .unwrap();
    }
    let log = runtime.new_log();
    let id = runtime.spawn(Launch {
        argv: argv.iter().map(|a| a.to_string()).collect(),
        env: vec![],
        cwd: image.working_dir.into(),
        view,
        hostname: "web".into(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: SimTime::ZERO,
        network: network.cloned(),
        pid_namespace,
    });
    (id, log)
}

/// Starts `argv` from `image` in a new container of the pod with `network`.
fn start_in_pod(
    runtime: &mut Runtime,
    network: &std::rc::Rc<crate::runtime::net::PodNetwork>,
    image: &str,
    argv: &[&str],
) -> (crate::runtime::ProcessId, usize) {
    spawn_image(runtime, image, argv, Vec::new(), Some(network), None)
}

/// Runs `argv` from `image` in a pod of its own for a second and returns its log.
fn run_in_image_with_network(image: &str, argv: &[&str]) -> String {
    let mut runtime = Runtime::new();
    let pod = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 7], 3, 11));
    let (_, log) = start_in_pod(&mut runtime, &pod, image, argv);
    run_until(&mut runtime, 1_000);
    runtime.log(log).unwrap().text()
}

/// Runs `script` with bash in a fresh `image` container for `millis` and
/// returns its log.
fn run_in_image(image: &str, script: &str, millis: u64) -> String {
    let mut runtime = Runtime::new();
    let (_, log) = spawn_image(
        &mut runtime,
        image,
        &["sh", "-c", script],
        Vec::new(),
        None,
        None,
    );
    run_until(&mut runtime, millis);
    runtime.log(log).unwrap().text()
}

/// Starts `script` in a container of `image` in a pod, with a disk-backed
/// emptyDir at `/data` and a 1 MiB memory-backed one at `/cache`, and
/// returns its log after a virtual second.
fn run_with_empty_dirs(image: &str, script: &str) -> String {
    let mut runtime = Runtime::new();
    let mounts = vec![
        Mount {
            path: "/data".into(),
            root: runtime.fs.new_directory(),
            read_only: false,
            kind: MountKind::Disk,
        },
        Mount {
            path: "/cache".into(),
            root: runtime.fs.new_directory(),
            read_only: false,
            kind: MountKind::Memory {
                size_limit: Some(1024 * 1024),
            },
        },
    ];
    let pod = std::rc::Rc::new(crate::runtime::net::PodNetwork::new([10, 244, 1, 27], 1, 9));
    let (_, log) = spawn_image(
        &mut runtime,
        image,
        &["sh", "-c", script],
        mounts,
        Some(&pod),
        None,
    );
    run_until(&mut runtime, 1_000);
    runtime.log(log).unwrap().text()
}
