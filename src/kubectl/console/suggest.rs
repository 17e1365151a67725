//! What kubectl suggests for a command it does not have: cobra's
//! `SuggestionsFor` (`spf13/cobra` command.go) over kubectl's subcommands,
//! each one whose name is within two edits of the typed word or starts with
//! it, both read case-blind, in the order kubectl's root command holds them.

/// kubectl v1.35's subcommands in the order its root command holds them
/// (`pkg/cmd/cmd.go`: the help's groups, then alpha, config, plugin,
/// version, api-versions, api-resources, options), which is the order its
/// suggestions come in (recorded from kubectl v1.35.2: `kubectl ap`
/// suggests top, cp, apply, api-versions, api-resources). `help` is a
/// command too but never suggested.
pub(super) const KUBECTL_V135_COMMANDS: [&str; 44] = [
    "create",
    "expose",
    "run",
    "set",
    "explain",
    "get",
    "edit",
    "delete",
    "rollout",
    "scale",
    "autoscale",
    "certificate",
    "cluster-info",
    "top",
    "cordon",
    "uncordon",
    "drain",
    "taint",
    "describe",
    "logs",
    "attach",
    "exec",
    "port-forward",
    "proxy",
    "cp",
    "auth",
    "debug",
    "events",
    "diff",
    "apply",
    "patch",
    "replace",
    "wait",
    "kustomize",
    "label",
    "annotate",
    "completion",
    "alpha",
    "config",
    "plugin",
    "version",
    "api-versions",
    "api-resources",
    "options",
];

/// The most edits apart a suggestion may be (cobra's
/// `SuggestionsMinimumDistance` default).
const MOST_EDITS: usize = 2;

/// The subcommands kubectl suggests for `typed`, in its order.
pub(super) fn suggestions(typed: &str) -> Vec<&'static str> {
    let typed = typed.to_lowercase();
    KUBECTL_V135_COMMANDS
        .into_iter()
        .filter(|name| name.starts_with(&typed) || edits(&typed, name) <= MOST_EDITS)
        .collect()
}

/// The Levenshtein distance between `a` and `b`, by characters.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::suggestions;

    #[test]
    fn kubectl_suggests_the_commands_within_two_edits_or_starting_with_the_word() {
        // Recorded from kubectl v1.35.2 (`kubectl WORD`, "Did you mean this?").
        let cases: [(&str, &[&str]); 9] = [
            ("gte", &["get"]),
            ("delet", &["delete"]),
            ("Get", &["set", "get"]),
            ("hel", &["set", "get"]),
            (
                "e",
                &[
                    "expose", "set", "explain", "get", "edit", "exec", "cp", "events",
                ],
            ),
            (
                "ap",
                &["top", "cp", "apply", "api-versions", "api-resources"],
            ),
            ("co", &["top", "cordon", "cp", "completion", "config"]),
            ("optins", &["options"]),
            ("frobnicate", &[]),
        ];
        for (typed, expected) in cases {
            assert_eq!(suggestions(typed), expected, "{typed}");
        }
    }
}
