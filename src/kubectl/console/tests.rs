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
        "error: unknown command \"frobnicate\" for \"kubectl\"\n"
    );
}

#[test]
fn kubectl_top_says_the_cluster_has_no_metrics_api() {
    // kubectl pkg/cmd/top: discovery finds no metrics.k8s.io without
    // metrics-server, which kubeadm does not install.
    let mut console = Console::new();
    for line in ["kubectl top pod", "kubectl top nodes"] {
        assert_eq!(
            console.execute(line, None).text(),
            "error: Metrics API not available\n",
            "{line}"
        );
    }
    assert_eq!(
        console.execute("kubectl top", None).text(),
        "podplay: `kubectl top` is not simulated yet\n"
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

#[test]
fn the_console_expands_words_as_the_nodes_bash_does() {
    // bash 5.2 on the node, as root: `echo ${HOME:-x}` prints /root, and
    // kubectl is given its words expanded, `$(…)` included.
    let mut console = Console::new();
    let cases = [
        ("echo ${HOME:-x}", "/root\n"),
        ("echo ${NOPE:-x} \"$((6 * 7))\"", "x 42\n"),
        (
            "kubectl get pod ${POD:-web}",
            "Error from server (NotFound): pods \"web\" not found\n",
        ),
        (
            "kubectl get pod $(echo db)",
            "Error from server (NotFound): pods \"db\" not found\n",
        ),
        ("kubectl get pod ${POD:?no pod}", "bash: POD: no pod\n"),
        (
            "kubectl get pod \"$(kubectl version --client | head -1)\"",
            "Error from server (NotFound): pods \"Client Version: v1.36.0\" not found\n",
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(console.execute(line, None).text(), expected, "{line}");
    }
}

#[test]
fn an_unfinished_compound_command_reads_on_after_the_continuation_prompt() {
    // bash 5.2, interactive: `while true; do` shows PS2 (`> `) and runs
    // the loop once `done` is typed; a function defined on its own lines
    // stays defined for the lines after; Ctrl-C (an empty line) drops an
    // unfinished command.
    let mut console = Console::new();
    let lines = [
        ("while true; do", "", "> "),
        ("echo x; break", "", "> "),
        ("done", "x\n", "$ "),
        ("for i in 1 2; do echo $i; done", "1\n2\n", "$ "),
        ("f() { echo in f; }; f", "in f\n", "$ "),
        ("g() {", "", "> "),
        ("  echo \"g says $1\"", "", "> "),
        ("}", "", "$ "),
        ("g hi", "g says hi\n", "$ "),
        ("echo x | g there", "g says there\n", "$ "),
        ("until false; do", "", "> "),
        ("", "", "$ "),
        ("echo 'two", "", "> "),
        ("lines'", "two\nlines\n", "$ "),
    ];
    for (line, expected, prompt) in lines {
        assert_eq!(console.execute(line, None).text(), expected, "{line}");
        assert_eq!(console.prompt(), prompt, "after {line}");
    }
}

#[test]
fn a_pipe_from_kubectl_works_when_the_nodes_disk_is_full() {
    // The console's own plumbing writes nothing to the node's disk: with
    // /tmp full (`No space left on device`), `kubectl … | cmd` still runs.
    let mut console = Console::new();
    let chunk = "x".repeat(1024 * 1024);
    let mut index = 0;
    while console
        .cluster
        .write_node_file(&format!("/tmp/fill{index}"), &chunk)
        .is_ok()
    {
        index += 1;
    }
    assert_eq!(
        console
            .execute("kubectl version --client | grep -c Client", None)
            .text(),
        "1\n"
    );
    // And a writer on the full disk gives up at once, in its own words
    // (GNU coreutils 9.1 and bash, as on the node).
    assert_eq!(
        console.execute("yes > /tmp/more; echo \"$?\"", None).text(),
        "yes: standard output: No space left on device\n1\n"
    );
}

#[test]
fn the_nodes_devices_read_as_linux_does() {
    // bash and GNU coreutils 9.1 on a Linux node: `/dev/zero` is endless
    // zero bytes, `/dev/full` refuses writes.
    let mut console = Console::new();
    assert_eq!(
        console
            .execute(
                "head -c 10 /dev/zero | wc -c; echo x > /dev/full; echo $?",
                None
            )
            .text(),
        "10\nbash: echo: write error: No space left on device\n1\n"
    );
    // `cat /dev/zero` floods the terminal until stopped: the console stops
    // waiting once it wrote what a log keeps (10 MiB).
    let text = console.execute("cat /dev/zero", None).text();
    assert!(
        text.ends_with(
            "podplay: the command still writes after 10 MiB of output; stopped waiting\n"
        ),
        "{}",
        &text[text.len().saturating_sub(100)..]
    );
}

#[test]
fn kubectl_where_the_nodes_shell_would_run_it_is_not_simulated_yet() {
    // The node's shell has no kubectl of its own: rather than its false
    // "command not found", the console says what it cannot do yet.
    let mut console = Console::new();
    let refused = "podplay: `kubectl` inside a loop, a function or a node command's $(…) is not simulated yet\n";
    for line in [
        "for i in 1 2; do kubectl get pods; done",
        "ls $(kubectl get pods -o name) > /tmp/x",
        "k() { kubectl \"$@\"; }",
    ] {
        assert_eq!(console.execute(line, None).text(), refused, "{line}");
    }
    assert_eq!(console.execute("echo kubectl", None).text(), "kubectl\n");
    // A node command's `$(kubectl …)` the console can run itself.
    assert_eq!(
        console
            .execute("echo \"pods: $(kubectl version --client | head -1)\"", None)
            .text(),
        "pods: Client Version: v1.36.0\n"
    );
}
