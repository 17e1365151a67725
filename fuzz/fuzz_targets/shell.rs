//! Shell text run by each image's shell: the first byte picks the image of
//! the catalog (its `sh`: busybox, dash or bash, and its programs) and
//! whether the text runs as `sh -c` or `bash -c`; the rest is the script.
//! It runs for at most two virtual seconds; the container's log must be
//! the same twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::clock::SimTime;
use podplay::runtime::fs::View;
use podplay::runtime::images::{install_files, Image, CATALOG};
use podplay::runtime::{Launch, Runtime};

/// The most instants (`Runtime::run` calls) one run takes.
const MAX_INSTANTS: usize = 20;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, script)) = data.split_first() else {
        return;
    };
    let image = CATALOG[usize::from(choice & 0x7f) % CATALOG.len()];
    let shell = if choice & 0x80 == 0 { "sh" } else { "bash" };
    let script = podplay_fuzz::text(script);
    let first = run(&image, shell, &script);
    podplay_fuzz::assert_deterministic("shell run", &first, &run(&image, shell, &script));
});

/// Runs `script` with `shell -c` in a container of `image` for a few
/// virtual seconds; returns its log and exit code.
fn run(image: &Image, shell: &str, script: &str) -> String {
    let mut runtime = Runtime::new();
    let root = runtime.fs.new_directory();
    let view = View {
        root,
        mounts: Vec::new(),
    };
    install_files(&mut runtime.fs, &view, image).expect("a fresh root takes the image's files");
    let log = runtime.new_log();
    let process = runtime.spawn(Launch {
        argv: vec![shell.into(), "-c".into(), script.into()],
        env: vec![(
            "PATH".into(),
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".into(),
        )],
        cwd: image.working_dir.into(),
        view,
        hostname: "fuzz".into(),
        flavor: image.shell,
        log,
        tools: image.tools,
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    // Bounded by virtual time and, to keep each input quick, by instants.
    let end = SimTime::from_millis(podplay_fuzz::MAX_VIRTUAL_MILLIS);
    runtime.run(SimTime::ZERO);
    let mut instants = 0;
    while let Some(next) = runtime.next_wake().filter(|time| *time <= end) {
        instants += 1;
        if instants > MAX_INSTANTS {
            break;
        }
        runtime.run(next);
    }
    let text = runtime.log(log).map(|log| log.text()).unwrap_or_default();
    format!("{text}\nexit {:?}", runtime.exit_code(process))
}
