//! Expansion tests: braces, field splitting, parameters, command
//! substitution, arithmetic and globbing, against a fake [`Context`].

use crate::runtime::shell::ast::Command;
use crate::runtime::shell::expand::{arithmetic, expand_words, glob_match, Context, ExpandError};
use std::collections::BTreeMap;

#[derive(Default)]
struct Fake {
    variables: BTreeMap<String, String>,
    positional: Vec<String>,
    substitutions: Vec<String>,
    files: Vec<String>,
    warnings: Vec<String>,
    /// How many times a pattern was matched against the files.
    globbed: std::cell::Cell<usize>,
}

impl Context for Fake {
    fn variable(&self, name: &str) -> Option<String> {
        self.variables.get(name).cloned()
    }
    fn positional(&self) -> Vec<String> {
        self.positional.clone()
    }
    fn assign(&mut self, name: &str, value: String) {
        self.variables.insert(name.to_string(), value);
    }
    fn substitution(&mut self) -> String {
        self.substitutions.remove(0)
    }
    fn warn(&mut self, message: &str) {
        self.warnings.push(message.to_string());
    }
    fn glob(&self, pattern: &str) -> Vec<String> {
        self.globbed.set(self.globbed.get() + 1);
        self.files
            .iter()
            .filter(|f| glob_match(pattern, f))
            .cloned()
            .collect()
    }
}

fn fields(script: &str, context: &mut Fake) -> Vec<String> {
    let program = crate::runtime::shell::parse(script).unwrap();
    let Command::Simple { words, .. } = &program.body.items[0].and_or.first.commands[0] else {
        panic!("a simple command");
    };
    expand_words(words, context).unwrap()
}

#[test]
fn brace_ranges_and_lists_expand_in_order() {
    let mut context = Fake::default();
    assert_eq!(
        fields("echo {1..3} x{a,b}y {05..07} {c..a}", &mut context),
        ["echo", "1", "2", "3", "xay", "xby", "05", "06", "07", "c", "b", "a"]
    );
    assert_eq!(fields("echo {1..100}", &mut context).len(), 101);
    assert_eq!(
        fields("echo '{1..3}' {x}", &mut context),
        ["echo", "{1..3}", "{x}"]
    );
}

#[test]
fn brace_ranges_step_pad_and_stop_as_bash_does() {
    // bash 5.2: `echo {1..10..-3} {1..003} {-1..02} {001..-2} {-05..3..4}
    // {9223372036854775806..9223372036854775807}
    // {-9223372036854775808..-9223372036854775807}`.
    let mut context = Fake::default();
    assert_eq!(
        fields(
            "echo {1..10..-3} {1..003} {-1..02} {001..-2} {-05..3..4}",
            &mut context
        )[1..],
        [
            "1", "4", "7", "10", "001", "002", "003", "-1", "00", "01", "02", "001", "000", "-01",
            "-02", "-05", "-01", "003"
        ]
    );
    assert_eq!(
        fields(
            "echo {9223372036854775806..9223372036854775807} {-9223372036854775808..-9223372036854775807} {1..9223372036854775807..4611686018427387904}",
            &mut context
        )[1..],
        ["9223372036854775806", "9223372036854775807", "-9223372036854775808", "-9223372036854775807", "1", "4611686018427387905"]
    );
}

#[test]
fn a_range_whose_length_overflows_is_no_range() {
    // bash 5.2: `echo {-1..9223372036854775807} {0..9223372036854775807}
    // {1..99999999999999999999}` prints the three words as they are.
    let mut context = Fake::default();
    let words = "{-1..9223372036854775807} {0..9223372036854775807} {1..99999999999999999999}";
    assert_eq!(
        fields(
            &format!("echo {words} x{{-1..9223372036854775807}}*"),
            &mut context
        )[1..],
        [
            "{-1..9223372036854775807}",
            "{0..9223372036854775807}",
            "{1..99999999999999999999}",
            "x{-1..9223372036854775807}*"
        ]
    );
    assert!(context.warnings.is_empty());
}

#[test]
fn a_range_too_big_to_hold_stays_as_it_is_with_bashs_message() {
    // bash 5.2 with `ulimit -v 400000`: `echo {1..100000000}` prints
    // `bash: line 1: brace expansion: failed to allocate memory for
    // 100000000 elements`, then `{1..100000000}`, status 0.
    let mut context = Fake::default();
    assert_eq!(
        fields("echo {1..100000000} a{1..100000000}$X", &mut context)[1..],
        ["{1..100000000}", "a{1..100000000}"]
    );
    assert_eq!(
        context.warnings,
        ["brace expansion: failed to allocate memory for 100000000 elements"; 2]
    );
    // Two ranges that multiply past the limit stop at it.
    context.warnings.clear();
    assert_eq!(
        fields("echo {1..1000}{1..1001}", &mut context)[1..],
        ["{1..1000}{1..1001}"]
    );
    assert_eq!(
        context.warnings,
        ["brace expansion: failed to allocate memory for 1000001 elements"]
    );
    // A zero-padded start 65,536 characters wide is two wide words.
    let wide = format!("echo {{{}1..2}}", "0".repeat(65_536));
    let words = fields(&wide, &mut context);
    assert_eq!(words[1].len(), 65_537);
    assert_eq!(words[2], format!("{}2", "0".repeat(65_536)));
}

#[test]
fn parameter_operands_are_read_in_place_up_to_their_brace() {
    // bash 5.2: `U=; F=a/b/c; echo ${U:-'}'} "${U:-a b}" ${U:-{a}} ${F#*/} ${#F}`
    // prints `} a b {a} b/c 5`.
    let mut context = Fake::default();
    context.variables.insert("F".into(), "a/b/c".into());
    assert_eq!(
        fields(
            "echo ${U:-'}'} \"${U:-a b}\" ${U:-{a}} ${F#*/} ${#F}",
            &mut context
        )[1..],
        ["}", "a b", "{a}", "b/c", "5"]
    );
}

#[test]
fn unquoted_expansions_split_and_quoted_ones_do_not() {
    let mut context = Fake::default();
    context.variables.insert("A".into(), "one  two".into());
    context.positional = vec!["p 1".into(), "p2".into()];
    assert_eq!(
        fields("echo $A \"$A\" \"$@\" $UNSET ''", &mut context),
        ["echo", "one", "two", "one  two", "p 1", "p2", ""]
    );
}

#[test]
fn parameter_operations_follow_posix() {
    let mut context = Fake::default();
    context
        .variables
        .insert("FILE".into(), "/var/log/app.log.gz".into());
    context.variables.insert("EMPTY".into(), String::new());
    assert_eq!(
        fields("echo ${FILE##*/} ${FILE%.*} ${FILE%%.*} ${FILE#/var} ${#FILE} ${EMPTY:-d} ${EMPTY-d} ${UNSET:=set} $UNSET ${FILE:+alt}", &mut context),
        ["echo", "app.log.gz", "/var/log/app.log", "/var/log/app", "/log/app.log.gz", "19", "d", "set", "set", "alt"]
    );
}

#[test]
fn command_substitution_output_loses_trailing_newlines_and_splits() {
    let mut context = Fake {
        substitutions: vec!["a b\n\n".into()],
        ..Fake::default()
    };
    assert_eq!(fields("echo x$(date)y", &mut context), ["echo", "xa", "by"]);
}

#[test]
fn arithmetic_uses_c_precedence_and_variables() {
    let mut context = Fake::default();
    context.variables.insert("i".into(), "7".into());
    assert_eq!(fields("echo $((1 + 2 * 3)) $(( (i + 1) % 3 )) $((2 ** 10)) $((i > 5 && i < 10)) $((-i)) $((x = 4))", &mut context), ["echo", "7", "2", "1024", "1", "-7", "4"]);
    assert_eq!(context.variables["x"], "4");
    assert_eq!(
        arithmetic("1 / 0", &mut context),
        Err(ExpandError("divide by zero".into()))
    );
}

#[test]
fn globs_match_files_or_stay_as_written() {
    let mut context = Fake {
        files: vec![
            "/data/a.log".into(),
            "/data/b.log".into(),
            "/data/c.txt".into(),
        ],
        ..Fake::default()
    };
    assert_eq!(
        fields("ls /data/*.log /none/* '/data/*'", &mut context),
        ["ls", "/data/a.log", "/data/b.log", "/none/*", "/data/*"]
    );
}

#[test]
fn patterns_match_like_fnmatch() {
    assert!(glob_match("*.log", "app.log"));
    assert!(glob_match("st[a-z]rt|", "start|"));
    assert!(!glob_match("[!s]*", "start"));
    assert!(glob_match("a?c", "abc"));
    assert!(glob_match("\\*", "*"));
    assert!(!glob_match("\\*", "x"));
    assert!(glob_match("*", ""));
}

#[test]
fn a_missing_required_parameter_is_an_error() {
    let mut context = Fake::default();
    let program = crate::runtime::shell::parse("echo ${NAME:?must be set}").unwrap();
    let Command::Simple { words, .. } = &program.body.items[0].and_or.first.commands[0] else {
        panic!();
    };
    assert_eq!(
        expand_words(words, &mut context),
        Err(ExpandError("NAME: must be set".into()))
    );
}

#[test]
fn a_bracket_no_bracket_closes_is_a_word_and_reads_no_directory() {
    // dash's `expmeta`: `[` starts a pattern only when a `]` closes it (the
    // character after `[` or `[!` belongs to the set), so `[ -n x ]` and
    // `[]` are kept as written without reading a directory.
    let mut context = Fake {
        files: vec!["[".into(), "a".into()],
        ..Fake::default()
    };
    assert_eq!(
        fields("[ -n x ] [] [!] x[", &mut context),
        ["[", "-n", "x", "]", "[]", "[!]", "x["]
    );
    assert_eq!(context.globbed.get(), 0);
    assert_eq!(fields("echo [ab] []a]", &mut context), ["echo", "a", "a"]);
    assert_eq!(context.globbed.get(), 2);
}
