//! kubectl-style flag parsing: `--name=value`, `--name value`, `-n value`,
//! `-nvalue`, boolean switches, and `--` ending the flags.

use super::errors::ConsoleError;
use std::collections::BTreeMap;

/// A flag a command accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagSpec {
    /// The long name without dashes, e.g. `namespace`.
    pub long: &'static str,
    /// The one-letter form, e.g. `n`.
    pub short: Option<char>,
    /// Whether the flag takes a value (else it is a switch).
    pub takes_value: bool,
}

impl FlagSpec {
    /// A flag with a value.
    pub const fn value(long: &'static str, short: Option<char>) -> FlagSpec {
        FlagSpec {
            long,
            short,
            takes_value: true,
        }
    }

    /// A boolean switch.
    pub const fn switch(long: &'static str, short: Option<char>) -> FlagSpec {
        FlagSpec {
            long,
            short,
            takes_value: false,
        }
    }
}

/// The flags every kubectl command takes.
pub const GLOBAL_FLAGS: [FlagSpec; 1] = [FlagSpec::value("namespace", Some('n'))];

/// Parsed arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    /// Words that are not flags, in order.
    pub positionals: Vec<String>,
    /// Values by long flag name (switches get `"true"`), in the order given.
    pub flags: BTreeMap<&'static str, Vec<String>>,
}

impl Args {
    /// The last value given for `long`.
    pub fn value(&self, long: &str) -> Option<&str> {
        self.flags
            .get(long)
            .and_then(|v| v.last())
            .map(String::as_str)
    }

    /// Every value given for `long`.
    pub fn values(&self, long: &str) -> &[String] {
        self.flags.get(long).map_or(&[], Vec::as_slice)
    }

    /// Whether the switch `long` was given.
    pub fn is_set(&self, long: &str) -> bool {
        self.flags.contains_key(long)
    }
}

/// A boolean flag's value as Go's `strconv.ParseBool` reads it.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Parses the words after `kubectl COMMAND` against `specs` (plus the global flags).
pub fn parse_args(
    command: &str,
    words: &[String],
    specs: &[FlagSpec],
) -> Result<Args, ConsoleError> {
    let all: Vec<FlagSpec> = specs.iter().chain(GLOBAL_FLAGS.iter()).copied().collect();
    let mut args = Args::default();
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        if word == "--" {
            args.positionals.extend(rest.by_ref().cloned());
            break;
        }
        let (spec, inline_value, shown) = if let Some(long) = word.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (long, None),
            };
            let spec =
                all.iter()
                    .find(|s| s.long == name)
                    .ok_or_else(|| ConsoleError::UnknownFlag {
                        command: command.to_string(),
                        flag: format!("--{name}"),
                    })?;
            (spec, value, format!("--{name}"))
        } else if word.len() > 1 && word.starts_with('-') && word != "-" {
            let letter = word[1..].chars().next().unwrap_or('-');
            let spec = all
                .iter()
                .find(|s| s.short == Some(letter))
                .ok_or_else(|| ConsoleError::UnknownShorthandFlag {
                    command: command.to_string(),
                    letter,
                    word: word.clone(),
                })?;
            let mut tail = &word[1 + letter.len_utf8()..];
            let mut spec = spec;
            // Switches combine: `-it` is `-i -t`.
            while !spec.takes_value && !tail.is_empty() && !tail.starts_with('=') {
                args.flags
                    .entry(spec.long)
                    .or_default()
                    .push("true".to_string());
                let next = tail.chars().next().unwrap_or('-');
                spec = all.iter().find(|s| s.short == Some(next)).ok_or_else(|| {
                    ConsoleError::UnknownShorthandFlag {
                        command: command.to_string(),
                        letter: next,
                        word: word.clone(),
                    }
                })?;
                tail = &tail[next.len_utf8()..];
            }
            let value = match tail {
                "" => None,
                _ => Some(tail.trim_start_matches('=').to_string()),
            };
            (spec, value, format!("-{}", spec.short.unwrap_or(letter)))
        } else {
            args.positionals.push(word.clone());
            continue;
        };
        let value = if spec.takes_value {
            match inline_value {
                Some(value) => value,
                None => rest
                    .next()
                    .cloned()
                    .ok_or_else(|| ConsoleError::FlagNeedsArgument {
                        command: command.to_string(),
                        flag: shown,
                    })?,
            }
        } else {
            inline_value.unwrap_or_else(|| "true".to_string())
        };
        args.flags.entry(spec.long).or_default().push(value);
    }
    Ok(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    const SPECS: [FlagSpec; 2] = [
        FlagSpec::value("output", Some('o')),
        FlagSpec::switch("all-namespaces", Some('A')),
    ];

    #[test]
    fn values_come_inline_or_as_the_next_word() {
        let args = parse_args(
            "get",
            &words("pods -owide --namespace=kube-system -A x"),
            &SPECS,
        )
        .unwrap();
        assert_eq!(args.value("output"), Some("wide"));
        assert_eq!(args.value("namespace"), Some("kube-system"));
        assert!(args.is_set("all-namespaces"));
        assert_eq!(args.positionals, ["pods", "x"]);
    }

    #[test]
    fn short_switches_combine() {
        let specs = [
            FlagSpec::switch("stdin", Some('i')),
            FlagSpec::switch("tty", Some('t')),
            FlagSpec::value("container", Some('c')),
        ];
        let args = parse_args("exec", &words("-it p -cweb"), &specs).unwrap();
        assert!(args.is_set("stdin") && args.is_set("tty"));
        assert_eq!(args.value("container"), Some("web"));
        assert_eq!(args.positionals, ["p"]);
    }

    #[test]
    fn a_double_dash_ends_the_flags() {
        let args = parse_args("get", &words("p -- -o x"), &SPECS).unwrap();
        assert_eq!(args.positionals, ["p", "-o", "x"]);
    }

    #[test]
    fn unknown_and_incomplete_flags_are_errors_in_kubectl_words() {
        let error = parse_args("get", &words("--bogus"), &SPECS).unwrap_err();
        assert_eq!(
            error.to_string(),
            "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage."
        );
        let error = parse_args("get", &words("-z"), &SPECS).unwrap_err();
        assert_eq!(
            error.to_string(),
            "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage."
        );
        let error = parse_args("get", &words("-o"), &SPECS).unwrap_err();
        assert_eq!(
            error.to_string(),
            "error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage."
        );
    }
}
