//! How the filters read their command lines: the letters of their flags,
//! a flag's value, the first operand, and which operands are files. One
//! set of rules for all, so `grep`, `sed`, `awk`, `cut`, `sort`, `uniq`
//! and `wc` split their arguments alike.

/// The letters of every flag, run together (`-rn -k` → `rnk`).
pub fn flag_letters(args: &[String]) -> String {
    args.iter()
        .filter(|a| a.starts_with('-') && a.len() > 1)
        .map(|a| &a[1..])
        .collect()
}

/// The value of flag `flag` (`-d ,` or `-d,`).
pub fn flag_value(args: &[String], flag: &str) -> Option<String> {
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == flag {
            return args.next().cloned();
        }
        if let Some(value) = arg.strip_prefix(flag) {
            return Some(value.to_string());
        }
    }
    None
}

/// The first operand that is not a flag or the value of one of `valued_flags`.
pub fn first_operand(args: &[String], valued_flags: &[&str]) -> String {
    let mut skip_value = false;
    for arg in args {
        if skip_value {
            skip_value = false;
            continue;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            skip_value = valued_flags.contains(&arg.as_str());
            continue;
        }
        return arg.clone();
    }
    String::new()
}

/// How a filter's operands are laid out.
pub struct Syntax {
    /// Flags whose value is the next argument (`cut -d ,`).
    pub valued_flags: &'static [&'static str],
    /// Whether a pattern or script comes before the files (`grep`, `sed`, `awk`).
    pub script_first: bool,
    /// A flag whose value is the script, so no operand is (`sed -e`).
    pub script_flag: Option<&'static str>,
}

impl Syntax {
    /// The operands that are files: not flags, not flag values, not the
    /// pattern or script the filter takes first.
    pub fn files(&self, args: &[String]) -> Vec<String> {
        let mut files = Vec::new();
        let mut first_operand = self.script_first;
        let mut skip_value = false;
        for arg in args {
            if skip_value {
                skip_value = false;
                continue;
            }
            if arg.starts_with('-') && arg.len() > 1 {
                skip_value = self.valued_flags.contains(&arg.as_str());
                if skip_value && self.script_flag == Some(arg.as_str()) {
                    first_operand = false;
                }
                continue;
            }
            if first_operand {
                first_operand = false;
                continue;
            }
            files.push(arg.clone());
        }
        files
    }
}

/// The syntax of a filter that takes only flags and files.
pub const FILES_ONLY: Syntax = Syntax {
    valued_flags: &[],
    script_first: false,
    script_flag: None,
};
