//! sed's `s` command, table-tested: each row was checked with the real
//! `busybox sed` 1.35 (Debian), e.g. `echo 'key=val' | busybox sed -n
//! 's/\([a-z]*\)=\(.*\)/\2 \1 & \&/p'` prints `val key key=val &`.

use super::regex::Dialect;
use super::sed_substitute::parse;

/// What `sed SCRIPT` makes of `line` (`None`: no replacement).
fn run(script: &str, dialect: Dialect, line: &str, busybox: bool) -> Option<String> {
    let substitute = parse(script).unwrap_or_else(|| panic!("{script} does not parse"));
    let regex = substitute.regex(dialect).unwrap();
    substitute.apply(&regex, line, busybox)
}

#[test]
fn substitutions_replace_as_busybox_sed_replaces() {
    let rows: &[(&str, Dialect, &str, &str)] = &[
        ("s/=.*//", Dialect::Basic, "key=val", "key"),
        ("s/x*/-/g", Dialect::Basic, "abc", "-a-b-c-"),
        ("s/a*/x/g", Dialect::Basic, "baaac", "xbxcx"),
        (
            "s/\\([a-z]*\\)=\\(.*\\)/\\2 \\1 & \\&/",
            Dialect::Basic,
            "key=val",
            "val key key=val &",
        ),
        ("s/a/b/2", Dialect::Basic, "aaa", "aba"),
        ("s/a/b/2g", Dialect::Basic, "aaaa", "bbbb"),
        ("s/a/x/Ig", Dialect::Basic, "AbA", "xbx"),
        ("s/(b|c)+/[&]/", Dialect::Extended, "abc", "a[bc]"),
        ("s/\\//|/", Dialect::Basic, "a/b", "a|b"),
        ("s/b/\\n/", Dialect::Basic, "ab", "a\n"),
        ("s|a|b|", Dialect::Basic, "a", "b"),
    ];
    for &(script, dialect, line, expected) in rows {
        assert_eq!(
            run(script, dialect, line, true).as_deref(),
            Some(expected),
            "{script}"
        );
    }
}

#[test]
fn gnu_sed_replaces_from_the_nth_occurrence_on_with_ng() {
    // `echo aaaa | sed 's/a/b/2g'` with GNU sed 4.9 prints `abbb`.
    assert_eq!(
        run("s/a/b/2g", Dialect::Basic, "aaaa", false).as_deref(),
        Some("abbb")
    );
}

#[test]
fn a_line_without_a_match_is_left_alone() {
    assert_eq!(run("s/x/y/", Dialect::Basic, "abc", true), None);
}

#[test]
fn scripts_podplay_does_not_run_yet_are_not_parsed() {
    for script in ["s/a/b", "s/a/b/k", "2d", "s/a/b/;s/c/d/", "s/a/b/w f"] {
        assert!(parse(script).is_none(), "{script}");
    }
}
