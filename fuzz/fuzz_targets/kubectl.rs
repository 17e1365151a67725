//! kubectl command lines from a small grammar (verbs, resources, names,
//! flags, `--` commands, node commands, shell lines, manifests built from
//! words) typed into a fresh console after an example is applied. The same
//! session gives the same transcript twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay_fuzz::grammar::Session;

fuzz_target!(|session: Session| {
    let lines = session.lines();
    let plain: Vec<&str> = lines.iter().map(|(line, _)| line.as_str()).collect();
    let example = session.example();
    let all_text: String = lines
        .iter()
        .flat_map(|(line, stdin)| [line.as_str(), stdin.as_deref().unwrap_or("")])
        .chain(example.map(|example| example.yaml))
        .collect();
    if !podplay_fuzz::within_budget(plain, &all_text) {
        return;
    }
    let run = || {
        podplay_fuzz::console_transcript(
            example,
            lines.iter().map(|(l, s)| (l.as_str(), s.as_deref())),
        )
    };
    let first = run();
    podplay_fuzz::assert_deterministic("kubectl session", &first, &run());
});
