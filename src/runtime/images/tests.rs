//! The catalog's tests: references, pulls, tools, argv.

use super::*;

#[test]
fn references_are_qualified_as_containerd_qualifies_them() {
    assert_eq!(
        Reference::parse("nginx").full(),
        "docker.io/library/nginx:latest"
    );
    assert_eq!(
        Reference::parse("centos:7").full(),
        "docker.io/library/centos:7"
    );
    assert_eq!(
        Reference::parse("xiaomotong888/xmtkubia").full(),
        "docker.io/xiaomotong888/xmtkubia:latest"
    );
    assert_eq!(
        Reference::parse("www.myharbor.com/wangqihan/java-demo:v1").full(),
        "www.myharbor.com/wangqihan/java-demo:v1"
    );
    assert_eq!(
        Reference::parse("localhost:5000/app").full(),
        "localhost:5000/app:latest"
    );
}

#[test]
fn a_misspelt_official_image_does_not_exist() {
    let error = resolve("ngnix").unwrap_err();
    assert_eq!(
        error.message,
        "failed to pull and unpack image \"docker.io/library/ngnix:latest\": failed to resolve reference \"docker.io/library/ngnix:latest\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
    );
}

#[test]
fn private_and_namespaced_images_exist() {
    assert_eq!(
        resolve("www.myharbor.com/wangqihan/java-demo:v1")
            .unwrap()
            .name,
        "(generic)"
    );
    assert_eq!(resolve("xiaomotong888/xmtkubia").unwrap().name, "(generic)");
}

#[test]
fn images_know_their_tools() {
    let nginx = resolve("nginx:1.27").unwrap();
    assert!(!nginx.tools.has("ps"));
    assert!(nginx.tools.has("cat"));
    assert!(
        resolve("nginx:1.8").unwrap().tools.has("ps"),
        "seed 000's nginx:1.8 runs ps -ef"
    );
    assert!(resolve("busybox:1.28").unwrap().tools.has("nslookup"));
    assert!(!resolve("registry.k8s.io/pause:3.10")
        .unwrap()
        .tools
        .has("sh"));
}

#[test]
fn command_and_args_replace_entrypoint_and_cmd_as_kubernetes_documents() {
    let nginx = resolve("nginx").unwrap();
    let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        container_argv(&nginx, &[], &[]),
        ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
    );
    assert_eq!(
        container_argv(&nginx, &[], &words(&["nginx-debug"])),
        ["/docker-entrypoint.sh", "nginx-debug"]
    );
    assert_eq!(
        container_argv(&nginx, &words(&["sh", "-c"]), &words(&["echo hi"])),
        ["sh", "-c", "echo hi"]
    );
}

#[test]
fn pulls_take_longer_for_bigger_images() {
    assert_eq!(pull_duration(&resolve("busybox").unwrap(), false), 507);
    assert_eq!(pull_duration(&resolve("centos:7").unwrap(), false), 4204);
    assert_eq!(pull_duration(&resolve("centos:7").unwrap(), true), 400);
}
