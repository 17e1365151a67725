//! Hostile input: every case ends in a clear diagnostic or a result, never a
//! panic or a hang. Limits: a text over 3 MiB (the API server's request-body
//! limit) is refused unread; serde_yaml caps nesting at 128 levels and alias
//! expansion; everything else is linear in the input.

use podplay::kubectl::Console;
use podplay::spec::{parse_manifests, DiagnosticKind, MAX_MANIFEST_BYTES};
use proptest::prelude::*;

fn only_diagnostic(text: &str) -> DiagnosticKind {
    let parsed = parse_manifests(text);
    let diagnostics: Vec<_> = parsed.diagnostics().collect();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    diagnostics[0].kind.clone()
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut text = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..12 {
        let references = vec![format!("*l{}", level - 1); 10].join(", ");
        text.push_str(&format!("l{level}: &l{level} [{references}]\n"));
    }
    assert!(matches!(
        only_diagnostic(&text),
        DiagnosticKind::YamlSyntax { .. }
    ));
}

#[test]
fn nesting_ten_thousand_deep_is_refused() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let kind = only_diagnostic(&text);
    assert_eq!(kind.to_string(), "yaml: recursion limit exceeded");
}

#[test]
fn a_ten_megabyte_document_is_refused_without_reading_it() {
    let text = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n    a: \"{}\"\n",
        "x".repeat(10 * 1024 * 1024)
    );
    let kind = only_diagnostic(&text);
    assert!(matches!(kind, DiagnosticKind::TooLarge { limit, .. } if limit == MAX_MANIFEST_BYTES));
}

#[test]
fn nul_bytes_are_a_yaml_error() {
    let kind = only_diagnostic("apiVersion: v1\nkind: Pod\nmetadata:\n  name: \0\n");
    assert_eq!(kind.to_string(), "yaml: control characters are not allowed");
}

#[test]
fn replacement_characters_from_invalid_utf8_are_just_text() {
    let bytes =
        b"apiVersion: v1\nkind: Pod\nmetadata:\n  name: \xff\xfe\nspec:\n  containers: []\n";
    let text = String::from_utf8_lossy(bytes);
    let parsed = parse_manifests(&text);
    assert!(parsed.has_errors());
}

#[test]
fn ten_thousand_containers_are_read_and_validated() {
    let mut text =
        String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: crowd\nspec:\n  containers:\n");
    for index in 0..10_000 {
        text.push_str(&format!("  - name: c{index}\n    image: busybox\n"));
    }
    let parsed = parse_manifests(&text);
    assert!(!parsed.has_errors());
    assert_eq!(parsed.first_pod().unwrap().spec.containers.len(), 10_000);
}

#[test]
fn ten_thousand_containers_with_the_same_name_report_each_duplicate() {
    let mut text =
        String::from("apiVersion: v1\nkind: Pod\nmetadata:\n  name: crowd\nspec:\n  containers:\n");
    for _ in 0..10_000 {
        text.push_str("  - name: same\n    image: busybox\n");
    }
    assert_eq!(parse_manifests(&text).diagnostics().count(), 9_999);
}

#[test]
fn a_config_map_of_twenty_thousand_keys_each_given_twice_is_read_with_every_duplicate() {
    // Issue 15: each key was compared with every earlier key of its
    // mapping, so a 1 MB ConfigMap took 22 s to read.
    let mut text = String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
    for round in ["first", "last"] {
        for index in 0..20_000 {
            text.push_str(&format!("  key{index}: {round}\n"));
        }
    }
    let parsed = parse_manifests(&text);
    assert_eq!(parsed.diagnostics().count(), 20_000);
    let Some(podplay::spec::Manifest::ConfigMap(config_map)) = &parsed.documents[0].manifest else {
        panic!("not a ConfigMap");
    };
    assert_eq!(config_map.data.len(), 20_000);
    assert!(config_map.data.values().all(|value| value == "last"));
}

/// The seed pod with one random edit, for mutation-based property tests.
fn mutated_seed() -> impl Strategy<Value = String> {
    let seed = podplay::examples::MY_PODZZ;
    (0..seed.len(), 0..4u8, any::<char>()).prop_map(move |(at, operation, ch)| {
        let mut chars: Vec<char> = seed.chars().collect();
        let at = at.min(chars.len() - 1);
        match operation {
            0 => {
                chars.remove(at);
            }
            1 => chars.insert(at, ch),
            2 => chars[at] = ch,
            _ => {
                let line_start = chars[..at]
                    .iter()
                    .rposition(|c| *c == '\n')
                    .map_or(0, |i| i + 1);
                chars.insert(line_start, ' ');
            }
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse_manifests(&text);
    }

    #[test]
    fn yaml_shaped_noise_never_panics(text in "([a-zA-Z:{}\\[\\],&*!|>'\"#-]|  |\n| ){0,300}") {
        let _ = parse_manifests(&text);
    }

    #[test]
    fn a_mutated_seed_pod_never_panics_and_applies_or_explains(text in mutated_seed()) {
        let parsed = parse_manifests(&text);
        for diagnostic in parsed.diagnostics() {
            prop_assert!(diagnostic.span.line >= 1);
            prop_assert!(!diagnostic.kind.to_string().is_empty());
        }
        let mut console = Console::new();
        let output = console.execute("kubectl apply -f -", Some(&text)).text();
        prop_assert!(!output.is_empty());
    }
}

#[test]
fn deeply_nested_shell_text_is_refused_not_overflowing() {
    use podplay::runtime::shell::{parse, SyntaxErrorKind};
    for script in [
        format!("{}echo{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}echo{}", "$(".repeat(10_000), ")".repeat(10_000)),
        "if true; then ".repeat(10_000),
    ] {
        let error = parse(&script).unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::TooDeep, "{script:.40}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_shell_text_never_panics(text in "([a-z0-9 ;&|()<>{}$`'\"\\\\#=*?!\n-]|do|done|if|then|fi|case|esac|for|in|while|<<EOF){0,80}") {
        let _ = podplay::runtime::shell::parse(&text);
    }
}

/// Runs `script` in a busybox container for a virtual second; returns the
/// runtime.
fn run_script_briefly(script: &str) -> podplay::runtime::Runtime {
    use podplay::clock::SimTime;
    use podplay::runtime::fs::View;
    use podplay::runtime::images::{Tools, Toolset};
    use podplay::runtime::shell::Flavor;
    use podplay::runtime::{Launch, Runtime};
    let mut runtime = Runtime::new();
    let root = runtime.fs.new_directory();
    let log = runtime.new_log();
    runtime.spawn(Launch {
        argv: vec!["sh".into(), "-c".into(), script.into()],
        env: vec![],
        cwd: "/".into(),
        view: View {
            root,
            mounts: Vec::new(),
        },
        hostname: "fuzz".into(),
        flavor: Flavor::Busybox,
        log,
        tools: Tools::base(Toolset::Busybox),
        started: SimTime::ZERO,
        network: None,
        pid_namespace: None,
    });
    runtime.run(SimTime::ZERO);
    while let Some(next) = runtime.next_wake().filter(|t| t.as_millis() <= 1_000) {
        runtime.run(next);
    }
    runtime
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_commands_run_without_panicking(script in "((echo|cat|seq|sleep|yes|head|tail|grep|wc|sort|tr|cut|sed|awk|test|kill|wait|read|exit|set|trap|cd|ls|mkdir|rm|touch|ps|:|true|false|x) ?([a-z0-9/.$*{}]| |-n|-f|-c|1|2|\\||;|&&|\\|\\||&|>|>>|<|\\(|\\)|\n){0,6}){1,6}") {
        let _ = run_script_briefly(&script);
    }
}

/// Runs `check` on a thread with a 64 MiB stack: unoptimised test builds
/// take several KiB of stack for each level of a nested `${…}`.
fn on_a_big_stack(check: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(check)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn deeply_nested_parameter_defaults_are_linear_and_bounded() {
    // bash, dash and BusyBox (8 MiB stack) die of SIGSEGV past 12,183,
    // 17,458 and 20,948 levels; podplay parses 1,000 (its wasm stack is
    // 8 MiB) and ends deeper ones as that crash, without copying the rest
    // of the text at every level.
    use podplay::runtime::shell::{parse, SyntaxErrorKind};
    on_a_big_stack(|| {
        let nested = |depth: usize, inside: &str| {
            format!(
                "echo {}{inside}{}",
                "${x:-".repeat(depth),
                "}".repeat(depth)
            )
        };
        assert!(parse(&nested(1_000, "ok")).is_ok());
        let error = parse(&nested(1_001, "ok")).unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::StackExhausted);
        let error = parse(&nested(100_000, "ok")).unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::StackExhausted);
        assert_eq!(error.exit_code(), 139);
        // A megabyte inside 1,000 levels is read once, not 1,000 times.
        assert!(parse(&nested(1_000, &"x".repeat(1 << 20))).is_ok());
    });
}

#[test]
fn the_issue_15_inputs_run_without_panicking() {
    on_a_big_stack(|| {
        for script in [
            "printf '%65536s' x",
            "printf '%2147483648s' x",
            &format!("echo {{{}1..2}}", "0".repeat(65_536)),
            "echo {-1..9223372036854775807}",
            "echo {1..100000000}",
            "echo {1..1000}{1..1000}{1..1000}",
            &format!("echo {}x{}", "${x:-".repeat(10_000), "}".repeat(10_000)),
            "f(){ f; }; f",
        ] {
            let _ = run_script_briefly(script);
        }
    });
}

// Findings of the fuzz targets (`fuzz/`, scripts/fuzz.sh), one test each.

/// fuzz target `manifest`: a syntax error at the very end of a text without
/// a final newline was placed on a line after the text (line 3 of 2). YAML
/// breaks lines at `\r` too, so a text with `\r` breaks keeps its lines.
#[test]
fn a_syntax_error_at_the_end_of_a_text_without_a_newline_is_on_its_last_line() {
    for (text, line, column) in [
        ("a: {b: c}\nw", 2, 2),
        ("a: {b: c}\r\nw", 2, 2),
        ("a: {b: c}\rw", 2, 2),
        ("x: 1\na: {b: c}\nww", 3, 3),
    ] {
        let parsed = parse_manifests(text);
        let diagnostic = parsed.diagnostics().next().expect("a syntax error");
        assert!(matches!(diagnostic.kind, DiagnosticKind::YamlSyntax { .. }));
        assert_eq!(
            (diagnostic.span.line, diagnostic.span.column),
            (line, column),
            "{text:?}: {diagnostic:?}"
        );
    }
}

/// fuzz/FINDINGS.md finding 1: `yes` into a container's log took 29 s of
/// CPU and 563 MB for two virtual seconds. It is parked once found
/// spinning (`runtime/busy.rs`), and `while true; do echo x; done` too.
#[test]
fn yes_or_an_echo_loop_into_a_log_costs_a_few_process_runs_per_virtual_second() {
    for script in ["yes", "while true; do echo x; done"] {
        let runtime = run_script_briefly(script);
        assert!(
            runtime.activations() < 2_000,
            "{script}: {}",
            runtime.activations()
        );
    }
}

/// fuzz/FINDINGS.md finding 2: a loop whose every iteration blocks for no
/// time (`sleep 0`, a command not found, a child that exits at once) cost
/// about two million process runs per virtual second. Forks, execs and
/// `PATH` searches now cost virtual CPU, carried across blocks within a
/// slice (`runtime/process/cost.rs`), so it goes as fast as a real one.
#[test]
fn a_loop_that_blocks_for_no_time_costs_what_a_real_one_does() {
    for script in [
        "while true; do echo $tick; sleep 0; done",
        "until nslookup mydb; do echo waiting for mydb; s lpee2; done",
    ] {
        let runtime = run_script_briefly(script);
        assert!(
            runtime.activations() < 20_000,
            "{script}: {}",
            runtime.activations()
        );
    }
}

/// Found by the `manifest` fuzz target (2026-12-06): an explicit key with
/// nothing after it (`?`) at the end of a text without a final newline read
/// as an unknown field `null` on a line after the text (line 5 of 4).
#[test]
fn an_empty_key_at_the_end_of_a_text_without_a_newline_is_inside_the_text() {
    for (text, lines) in [
        ("apiVersion: v1\nkind: Pod\n?\n ", 4),
        ("apiVersion: v1\nkind: Pod\nspec:\n? # x", 4),
    ] {
        let parsed = parse_manifests(text);
        let diagnostic = parsed.diagnostics().next().expect("a diagnostic");
        assert!(
            diagnostic.span.line <= lines && diagnostic.span.end_line <= lines,
            "{text:?}: {diagnostic:?}"
        );
    }
}
