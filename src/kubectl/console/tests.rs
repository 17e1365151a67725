//! The console's own tests: shell commands, files, `sleep`'s operand.

use super::node_shell::parse_sleep_millis;
use super::Console;
use crate::spec::parse_manifests;

#[test]
fn sleep_reads_seconds_minutes_hours_and_fractions() {
    assert_eq!(parse_sleep_millis("20"), Some(20_000));
    assert_eq!(parse_sleep_millis("20s"), Some(20_000));
    assert_eq!(parse_sleep_millis("1.5"), Some(1_500));
    assert_eq!(parse_sleep_millis("2m"), Some(120_000));
    assert_eq!(parse_sleep_millis("1h"), Some(3_600_000));
    assert_eq!(parse_sleep_millis("x"), None);
    assert_eq!(parse_sleep_millis("-1"), None);
    assert_eq!(parse_sleep_millis("s"), None);
}

#[test]
fn unknown_programs_are_not_found_as_bash_says() {
    let mut console = Console::new();
    assert_eq!(
        console.execute("dockr ps", None).text(),
        "bash: dockr: command not found\n"
    );
}

#[test]
fn only_a_subcommand_kubectl_lacks_is_unknown() {
    let mut console = Console::new();
    assert_eq!(
        console
            .execute("kubectl set image pod/web web=nginx:1.27", None)
            .text(),
        "podplay: `kubectl set` is not simulated yet\n"
    );
    assert_eq!(
        console.execute("kubectl frobnicate", None).text(),
        "Error: unknown command \"frobnicate\" for \"kubectl\"\n"
    );
}

#[test]
fn files_written_with_a_here_document_can_be_read_back() {
    let mut console = Console::new();
    console.execute("cat > a.txt <<EOF", Some("hello\n"));
    assert_eq!(console.execute("cat ./a.txt", None).text(), "hello\n");
    assert_eq!(
        console.execute("cat b.txt", None).text(),
        "cat: b.txt: No such file or directory\n"
    );
}

#[test]
fn a_reading_left_with_a_file_serves_only_its_own_text_and_only_once() {
    let pod = |name: &str| {
        format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  containers:\n  - name: c\n    image: busybox\n")
    };
    let mut console = Console::new();
    console.write_read_file("pod.yaml", &pod("a"), parse_manifests(&pod("a")));
    // The file changed after its writer read it: the new text is read.
    console.write_file("pod.yaml", &pod("b"));
    assert_eq!(
        console.execute("kubectl apply -f pod.yaml", None).text(),
        "pod/b created\n"
    );
    console.write_read_file("pod.yaml", &pod("c"), parse_manifests(&pod("c")));
    let first = console.execute("kubectl apply -f ./pod.yaml", None).text();
    let again = console.execute("kubectl apply -f pod.yaml", None).text();
    assert_eq!(
        (first.as_str(), again.as_str()),
        ("pod/c created\n", "pod/c unchanged\n")
    );
}
