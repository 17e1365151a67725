//! Tab completion for the browser terminal: the commands, kubectl's
//! subcommands, resources and flags, and the names of pods and their
//! containers in the cluster, completed to the longest common prefix.

use crate::sim::Cluster;

/// Programs the console answers at the start of a line.
const PROGRAMS: [&str; 7] = [
    "kubectl", "docker", "crictl", "sleep", "cat", "curl", "echo",
];

/// kubectl's subcommands the console knows.
const SUBCOMMANDS: [&str; 15] = [
    "annotate",
    "api-resources",
    "apply",
    "cluster-info",
    "create",
    "delete",
    "describe",
    "exec",
    "explain",
    "get",
    "label",
    "logs",
    "run",
    "top",
    "version",
];

/// Resources `get`, `describe` and `delete` take.
const RESOURCES: [&str; 7] = [
    "all",
    "configmaps",
    "events",
    "nodes",
    "pods",
    "secrets",
    "services",
];

/// Flags by subcommand.
fn flags(subcommand: &str) -> &'static [&'static str] {
    match subcommand {
        "get" => &[
            "--all-namespaces",
            "--output",
            "--selector",
            "--show-labels",
            "--watch",
            "-A",
            "-l",
            "-o",
            "-w",
        ],
        "logs" => &[
            "--container",
            "--follow",
            "--previous",
            "--tail",
            "--timestamps",
            "-c",
            "-f",
            "-p",
        ],
        "exec" => &["--container", "--stdin", "--tty", "-c", "-i", "-it", "-t"],
        "delete" => &["--force", "--grace-period", "--now", "--wait", "-f"],
        "apply" | "create" => &["--filename", "-f"],
        "run" => &[
            "--command",
            "--env",
            "--image",
            "--labels",
            "--port",
            "--restart",
        ],
        _ => &[],
    }
}

/// What Tab does to a line: the line completed as far as the candidates
/// agree, and the candidates when more than one remain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Completion {
    /// The line after completion.
    pub line: String,
    /// The words that could follow, when the choice is not yet clear.
    pub candidates: Vec<String>,
}

/// Completes the last word of `line`.
pub fn complete(line: &str, cluster: &Cluster) -> Completion {
    let words: Vec<&str> = line.split_whitespace().collect();
    let ends_in_blank = line.is_empty() || line.ends_with(' ');
    let (before, partial) = if ends_in_blank {
        (&words[..], "")
    } else {
        let (last, rest) = words
            .split_last()
            .expect("a line not ending in a blank has a word");
        (rest, *last)
    };
    let choices = choices(before, partial, cluster);
    let candidates: Vec<String> = choices
        .into_iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let stem = &line[..line.len() - partial.len()];
    match candidates.as_slice() {
        [] => Completion {
            line: line.to_string(),
            candidates: Vec::new(),
        },
        [only] => Completion {
            line: format!("{stem}{only} "),
            candidates: Vec::new(),
        },
        many => {
            let prefix = common_prefix(many);
            Completion {
                line: format!("{stem}{prefix}"),
                candidates: many.to_vec(),
            }
        }
    }
}

/// The words that may come after `before`.
fn choices(before: &[&str], partial: &str, cluster: &Cluster) -> Vec<String> {
    let owned = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let Some((program, rest)) = before.split_first() else {
        return owned(&PROGRAMS);
    };
    if *program != "kubectl" {
        return Vec::new();
    }
    let Some((subcommand, rest)) = rest.split_first() else {
        return owned(&SUBCOMMANDS);
    };
    if partial.starts_with('-') {
        return owned(flags(subcommand));
    }
    let pods = || {
        cluster
            .pods()
            .map(|r| r.pod.metadata.name.clone())
            .collect::<Vec<_>>()
    };
    // After `-c`, the containers of the pod named before it.
    if rest
        .last()
        .is_some_and(|w| matches!(*w, "-c" | "--container"))
    {
        return rest
            .iter()
            .filter_map(|word| cluster.pods().find(|r| r.pod.metadata.name == *word))
            .flat_map(|record| {
                let spec = &record.pod.spec;
                spec.init_containers
                    .iter()
                    .chain(&spec.containers)
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    let arguments: Vec<&&str> = rest.iter().filter(|w| !w.starts_with('-')).collect();
    match *subcommand {
        "get" | "describe" | "delete" | "label" | "annotate" => match arguments.as_slice() {
            [] => owned(&RESOURCES),
            [resource] if matches!(**resource, "pods" | "pod" | "po") => pods(),
            _ => Vec::new(),
        },
        "logs" | "exec" if arguments.is_empty() => pods(),
        "explain" if arguments.is_empty() => owned(&["pod", "pod.spec", "pod.spec.containers"]),
        _ => Vec::new(),
    }
}

/// The longest prefix all `words` share.
fn common_prefix(words: &[String]) -> String {
    let first = &words[0];
    let mut end = first.len();
    for word in &words[1..] {
        end = first
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .map(|((i, a), _)| i + a.len_utf8())
            .last()
            .unwrap_or(0)
            .min(end);
    }
    first[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::Console;

    fn console_with_pod() -> Console {
        let mut console = Console::new();
        console.write_file("pod.yaml", crate::examples::MY_PODZZ);
        console.execute("kubectl apply -f pod.yaml", None);
        console
    }

    fn line(text: &str) -> String {
        complete(text, console_with_pod().cluster()).line
    }

    #[test]
    fn commands_subcommands_resources_and_pod_names_complete() {
        assert_eq!(line("kub"), "kubectl ");
        assert_eq!(line("kubectl des"), "kubectl describe ");
        assert_eq!(line("kubectl get po"), "kubectl get pods ");
        assert_eq!(line("kubectl logs my"), "kubectl logs my-podzz ");
        assert_eq!(
            line("kubectl exec my-podzz -c con"),
            "kubectl exec my-podzz -c consumer "
        );
        assert_eq!(line("kubectl logs --f"), "kubectl logs --follow ");
    }

    #[test]
    fn an_open_choice_completes_the_common_part_and_lists_the_rest() {
        let console = console_with_pod();
        let completion = complete("kubectl exec my-podzz -c ", console.cluster());
        assert_eq!(completion.line, "kubectl exec my-podzz -c ");
        assert_eq!(completion.candidates, ["producer", "consumer"]);
        let completion = complete("kubectl c", console.cluster());
        assert_eq!(completion.line, "kubectl c");
        assert_eq!(completion.candidates, ["cluster-info", "create"]);
    }

    #[test]
    fn nothing_to_complete_leaves_the_line_alone() {
        assert_eq!(
            line("kubectl get pods my-podzz -o yamlx"),
            "kubectl get pods my-podzz -o yamlx"
        );
        assert_eq!(line("ls /"), "ls /");
    }
}
