//! The POSIX translator, table-tested: each row's verdict was checked with
//! the real `busybox grep` 1.35 (Debian, glibc), e.g. `echo 'a{b' | busybox
//! grep -E 'a{b'` prints `a{b`.

use super::regex::{compile_translated, translate, Dialect, RegexError};

/// `pattern` in `dialect`, compiled.
fn compile(
    pattern: &str,
    dialect: Dialect,
    ignore_case: bool,
) -> Result<regex_lite::Regex, RegexError> {
    compile_translated(&translate(pattern, dialect)?, ignore_case)
}

/// Whether `pattern` in `dialect` matches `text`.
fn matches(pattern: &str, dialect: Dialect, text: &str) -> bool {
    compile(pattern, dialect, false)
        .unwrap_or_else(|e| panic!("{pattern}: {e:?}"))
        .is_match(text)
}

#[test]
fn basic_expressions_match_as_busybox_grep_matches_them() {
    let rows: &[(&str, &str, bool)] = &[
        ("a.*b", "a x b", true),
        ("^abc$", "xabc", false),
        ("^a\\{2,3\\}$", "aaa", true),
        ("^a\\{2,3\\}$", "a", false),
        ("a\\{,2\\}", "x", true),
        ("a+b", "a+b", true),
        ("a+b", "aab", false),
        ("a\\+b", "aab", true),
        ("a\\?b", "b", true),
        ("cat\\|dog", "dog", true),
        ("*a", "*a", true),
        ("^*a", "*a", true),
        ("a**", "x", true),
        ("a\\.c", "abc", false),
        ("a{2}", "a{2}", true),
        ("\\(ab\\)*c", "ababc", true),
        ("a$b", "a$b", true),
        ("[]]", "a]b", true),
        ("[\\]", "a\\b", true),
        ("a[-]b", "a-b", true),
        ("[^0-9]", "22", false),
        ("[[:digit:]]", "a1", true),
        ("[[:alpha:]_][[:alnum:]_]*=", "key_1=v", true),
        ("a\\wb", "aXb", true),
        ("\\<b", "a b", true),
        ("x^", "x^", true),
    ];
    for &(pattern, text, expected) in rows {
        assert_eq!(
            matches(pattern, Dialect::Basic, text),
            expected,
            "{pattern} on {text}"
        );
    }
}

#[test]
fn extended_expressions_match_as_busybox_grep_e_matches_them() {
    let rows: &[(&str, &str, bool)] = &[
        ("a+b", "aab", true),
        ("a+b", "a+b", false),
        ("cat|dog", "dog", true),
        ("colou?r", "color", true),
        ("^(ab)+$", "abab", true),
        ("^a{2}b", "aab", true),
        ("^[0-9]+(\\.[0-9]+){3}$", "10.0.0.1", true),
        ("^[0-9]+(\\.[0-9]+){3}$", "not.an.ip", false),
        ("a{b", "a{b", true),
        ("a{", "a{", true),
        ("*a", "a", true),
        ("x|*a", "a", true),
        ("a$b", "a$b", false),
        ("a||b", "x", true),
        ("()", "x", true),
        ("a)", "a)", true),
    ];
    for &(pattern, text, expected) in rows {
        assert_eq!(
            matches(pattern, Dialect::Extended, text),
            expected,
            "{pattern} on {text}"
        );
    }
}

#[test]
fn fixed_strings_are_only_themselves() {
    assert!(matches("a.b", Dialect::Fixed, "a.b"));
    assert!(!matches("a.b", Dialect::Fixed, "axb"));
    assert!(matches("[(*", Dialect::Fixed, "x[(*"));
}

#[test]
fn patterns_the_c_library_refuses_are_bad_regexes() {
    for pattern in ["a\\{1", "\\(a", "[a", "[[:foo:]]", "x\\", "a\\)", "[z-a]"] {
        assert_eq!(
            translate(pattern, Dialect::Basic),
            Err(RegexError::Bad),
            "{pattern}"
        );
    }
    assert_eq!(translate("(a", Dialect::Extended), Err(RegexError::Bad));
}

#[test]
fn a_back_reference_is_reported_as_not_simulated() {
    assert_eq!(
        translate("\\(ab\\)\\1", Dialect::Basic),
        Err(RegexError::BackReference)
    );
    assert_eq!(
        translate("(a)\\1", Dialect::Extended),
        Err(RegexError::BackReference)
    );
    assert_eq!(
        RegexError::Bad.message("grep", "a\\{1"),
        "grep: bad regex 'a\\{1'"
    );
}

#[test]
fn ignoring_case_folds_letters_and_classes() {
    let regex = compile("a[B]", Dialect::Basic, true).unwrap();
    assert!(regex.is_match("Ab"));
}
