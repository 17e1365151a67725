//! Manifests through the studio: the editor's text applied at time zero,
//! an edit, a few typed commands and seeks within a few virtual seconds, and
//! every view the page reads. The same inputs give the same terminal twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::clock::SimTime;
use podplay::examples::EXAMPLES;
use podplay::studio::{Studio, SPEEDS};

/// What the page does with a manifest, read from the fuzzer's bytes: the
/// first byte picks the example whose console files come along, the second
/// says how many action bytes follow (at most 8), and the rest is the
/// editor's text.
struct Input {
    /// Whose console files come with it (an example's Services).
    example: usize,
    /// What the learner does, one byte each (see [`act`]).
    actions: Vec<u8>,
    /// The editor's text.
    yaml: String,
}

impl Input {
    fn read(data: &[u8]) -> Option<Input> {
        let (&example, rest) = data.split_first()?;
        let (&count, rest) = rest.split_first()?;
        let count = usize::from(count % 9).min(rest.len());
        let (actions, yaml) = rest.split_at(count);
        Some(Input {
            example: usize::from(example),
            actions: actions.to_vec(),
            yaml: podplay_fuzz::text(yaml),
        })
    }
}

/// The commands an action byte may type.
const COMMANDS: [&str; 8] = [
    "kubectl get pods -o wide",
    "kubectl describe pods",
    "kubectl logs my-podzz",
    "kubectl delete pods --all --now",
    "kubectl exec -it my-podzz -- sh",
    "ps",
    "kubectl apply -f pod.yaml",
    "kubectl get events",
];

fuzz_target!(|data: &[u8]| {
    let Some(input) = Input::read(data) else {
        return;
    };
    if input.yaml.contains("GracePeriod") {
        return;
    }
    let first = run(&input);
    podplay_fuzz::assert_deterministic("studio run", &first, &run(&input));
});

/// Runs the input's actions and returns everything the page would show.
fn run(input: &Input) -> String {
    let example = &EXAMPLES[input.example % EXAMPLES.len()];
    let files = example
        .files
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let mut studio = Studio::new(input.yaml.clone(), files);
    let mut seen = String::new();
    for &action in &input.actions {
        if studio.now() >= SimTime::from_millis(podplay_fuzz::MAX_VIRTUAL_MILLIS) {
            break;
        }
        act(&mut studio, action, &mut seen);
    }
    seen.push_str(&views(&studio));
    seen
}

/// One action: the low 3 bits say which, the high 5 bits its parameter.
fn act(studio: &mut Studio, action: u8, seen: &mut String) {
    let parameter = usize::from(action >> 3);
    match action & 7 {
        0 => studio.seek(SimTime::from_millis(
            (parameter as u64 * 100).min(podplay_fuzz::MAX_VIRTUAL_MILLIS),
        )),
        1 => {
            studio.playing = true;
            studio.speed = parameter % SPEEDS.len();
            studio.tick();
        }
        2 => studio.type_command(COMMANDS[parameter % COMMANDS.len()].to_string(), None),
        3 => studio.interrupt(),
        4 => studio.edit(EXAMPLES[parameter % EXAMPLES.len()].yaml.to_string()),
        5 => {
            let cut = studio.yaml.len().saturating_sub(parameter);
            let cut = (0..=cut)
                .rev()
                .find(|at| studio.yaml.is_char_boundary(*at))
                .unwrap_or(0);
            let yaml = studio.yaml[..cut].to_string();
            studio.edit(yaml);
        }
        6 => {
            let line: String = COMMANDS[parameter % COMMANDS.len()]
                .chars()
                .take(parameter)
                .collect();
            seen.push_str(&format!("{:?}\n", studio.complete(&line)));
        }
        _ => studio.type_command(format!("sleep 0.{}", parameter % 10), None),
    }
}

/// Every view of the studio the page reads, as text.
fn views(studio: &Studio) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{}\n{}",
        studio.terminal(),
        studio.scene(),
        studio.layout(),
        studio.markers(),
        studio.events(),
        studio.pods(),
        studio.logs(),
        studio.horizon(),
        studio.prompt(),
        studio.has_errors(),
    )
}
