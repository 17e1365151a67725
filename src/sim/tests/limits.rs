//! A shell that recurses without end ends its container as the real shell
//! ends it: with exit 2 (dash) or SIGSEGV 139 (BusyBox ash, bash).

use super::*;

/// A pod `name` whose one container runs `sh -c 'f(){ f; }; f'` in `image`
/// (no limits), never restarted.
fn recursing(name: &str, image: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: {image}\n    command: ['sh', '-c', 'f(){{ f; }}; f']\n")
}

#[test]
fn endless_recursion_ends_the_container_with_the_real_shells_exit_code() {
    // Debian 12: `dash -c 'f(){ f; }; f'` exits 2 at once;
    // `busybox sh -c …` is killed by signal 11 after 0.08 s;
    // `bash -c …` (centos's /bin/sh) by signal 11 after 206 s at 35.6 MB.
    let yaml = [
        recursing("dash", "debian:12"),
        recursing("ash", "busybox:1.36"),
        recursing("bash", "centos:7"),
    ]
    .join("---\n");
    let cluster = check_story(
        &yaml,
        5,
        expect![[r#"
        at    0.1s ash          0/1   ContainerCreating      0
        at    0.1s bash         0/1   ContainerCreating      0
        at    0.1s dash         0/1   ContainerCreating      0
        at    1.2s ash          0/1   Error                  0
        at    3.5s dash         0/1   Error                  0
        at    4.9s bash         0/1   Error                  0
    "#]],
    );
    let codes: Vec<String> = cluster
        .pods()
        .map(|p| {
            let state = &p.status.container_statuses[0].state;
            format!("{} {state:?}", p.pod.metadata.name)
        })
        .collect();
    expect![[r#"
        [
            "ash Terminated { exit_code: 139, reason: \"Error\", started_at: SimTime(1107), finished_at: SimTime(1107) }",
            "bash Terminated { exit_code: 139, reason: \"Error\", started_at: SimTime(4804), finished_at: SimTime(4804) }",
            "dash Terminated { exit_code: 2, reason: \"Error\", started_at: SimTime(3425), finished_at: SimTime(3425) }",
        ]
    "#]].assert_debug_eq(&codes);
}
