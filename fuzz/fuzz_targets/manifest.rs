//! YAML manifests: `parse_manifests` (read, decode, default, validate) and
//! the page's outline reader never panic, place every diagnostic inside the
//! text, explain it in both languages, and read the same text the same way
//! twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::outline::{declared_pod, declared_scene};
use podplay::spec::{explain, parse_manifests, to_sorted_yaml, Manifest};

fuzz_target!(|data: &[u8]| {
    let text = podplay_fuzz::text(data);
    let reading = read(&text);
    podplay_fuzz::assert_deterministic("manifest reading", &reading, &read(&text));
});

/// Everything podplay makes of `text` without running it, as one string.
fn read(text: &str) -> String {
    let parsed = parse_manifests(text);
    // YAML's line breaks: `\r\n`, `\r` and `\n`.
    let lines =
        1 + text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
    let mut out = String::new();
    for diagnostic in parsed.diagnostics() {
        let message = diagnostic.kind.to_string();
        assert!(!message.is_empty(), "an empty diagnostic: {diagnostic:?}");
        assert!(
            diagnostic.span.line >= 1 && diagnostic.span.line <= lines,
            "a diagnostic outside the text ({lines} lines): {diagnostic:?}"
        );
        let explanation = explain(&diagnostic.kind);
        out.push_str(&format!("{diagnostic:?} {message} {explanation:?}\n"));
    }
    for document in &parsed.documents {
        if let Some(Manifest::Pod(pod)) = &document.manifest {
            out.push_str(&to_sorted_yaml(pod));
        }
    }
    if let Some(pod) = declared_pod(text) {
        out.push_str(&format!("{:?}", declared_scene(&pod)));
    }
    out
}
