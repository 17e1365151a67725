//! Tests of kubectl's JSONPath: printing, ranges, filters and client-go's errors.

use super::*;

fn run(template: &str, yaml: &str) -> String {
    let data: Value = serde_yaml::from_str(yaml).unwrap();
    match JsonPath::parse(template) {
        Ok(path) => path
            .execute(&data)
            .unwrap_or_else(|e| format!("exec error: {e}")),
        Err(error) => format!("parse error: {error}"),
    }
}

const LIST: &str = "items:\n- metadata: {name: a, labels: {app: web}}\n  spec: {containers: [{name: c1, image: nginx, ports: [{containerPort: 80}]}, {name: c2, image: redis}]}\n  status: {podIP: 10.0.0.1}\n- metadata: {name: b}\n  spec: {containers: [{name: c3, image: busybox}]}\n";

#[test]
fn fields_wildcards_and_indexes_print_as_kubectl_does() {
    assert_eq!(run("{.items[0].metadata.name}", LIST), "a");
    assert_eq!(run("{.items[*].metadata.name}", LIST), "a b");
    assert_eq!(run("{.items[0].status.podIP}", LIST), "10.0.0.1");
    assert_eq!(run("{.items[1].status.podIP}", LIST), "");
    assert_eq!(run("{.items[-1].metadata.name}", LIST), "b");
    assert_eq!(
        run("{.items[0].spec.containers[*].image}", LIST),
        "nginx redis"
    );
    assert_eq!(run("{.items[0].metadata.labels}", LIST), r#"{"app":"web"}"#);
    assert_eq!(
        run("names: {.items[*].metadata.name}!", LIST),
        "names: a b!"
    );
    assert_eq!(run("{..image}", LIST), "nginx redis busybox");
    assert_eq!(run("{.items[0,1].metadata.name}", LIST), "a b");
    assert_eq!(run("{.items[0]['metadata']['name']}", LIST), "a");
}

#[test]
fn range_repeats_the_nodes_up_to_end_for_each_item() {
    assert_eq!(
        run(
            r#"{range .items[*]}{.metadata.name}{"\t"}{.spec.containers[0].image}{"\n"}{end}"#,
            LIST
        ),
        "a\tnginx\nb\tbusybox\n"
    );
    assert_eq!(
        run(
            r#"{range .items[*].spec.containers[*]}[{.name}]{end}"#,
            LIST
        ),
        "[c1][c2][c3]"
    );
}

#[test]
fn filters_compare_strings_and_skip_int_against_literal() {
    assert_eq!(
        run(
            r#"{.items[0].spec.containers[?(@.name=="c2")].image}"#,
            LIST
        ),
        "redis"
    );
    assert_eq!(run("{.items[?(@.status)].metadata.name}", LIST), "a");
    assert_eq!(
        run(
            "{.items[0].spec.containers[0].ports[?(@.containerPort==80)]}",
            LIST
        ),
        ""
    );
}

#[test]
fn bad_templates_fail_with_client_go_words() {
    assert_eq!(run("{.metadata.name", LIST), "parse error: unclosed action");
    assert_eq!(run("{.items[0}", LIST), "parse error: unterminated array");
    assert_eq!(
        run("{.items[x]}", LIST),
        "parse error: invalid array index x"
    );
    assert_eq!(
        run("{#}", LIST),
        "parse error: unrecognized character in action: U+0023 '#'"
    );
    assert_eq!(
        run("{.items[5]}", LIST),
        "exec error: array index out of bounds: index 5, length 2"
    );
    assert_eq!(
        run("{.items[0].metadata[0]}", LIST),
        "exec error: map[string]interface {} is not array or slice"
    );
    assert_eq!(
        run("{end}", LIST),
        "exec error: not in range, nothing to end"
    );
    assert_eq!(
        run("{foo}", LIST),
        "exec error: unrecognized identifier foo"
    );
}
