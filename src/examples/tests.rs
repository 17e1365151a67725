//! The catalog's tests: every example parses, and a table of what a
//! learner should see when each runs in the simulation.

use super::*;
use crate::kubectl::Console;

#[test]
fn every_example_and_its_files_parse_without_errors() {
    for example in EXAMPLES {
        let texts = std::iter::once(("editor", example.yaml)).chain(example.files.iter().copied());
        for (name, text) in texts {
            let parsed = crate::spec::parse_manifests(text);
            let errors: Vec<String> = parsed.diagnostics().map(|d| d.to_string()).collect();
            assert!(!parsed.has_errors(), "{} ({name}): {errors:?}", example.id);
            assert!(!parsed.documents.is_empty(), "{} ({name})", example.id);
        }
    }
}

#[test]
fn ids_are_unique_and_kebab_case() {
    for (index, example) in EXAMPLES.iter().enumerate() {
        let id = example.id;
        let kebab = !id.is_empty()
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--")
            && id
                .bytes()
                .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
        assert!(kebab, "{id:?} is not kebab-case");
        assert!(
            EXAMPLES[..index].iter().all(|earlier| earlier.id != id),
            "{id} is listed twice"
        );
    }
}

#[test]
fn the_default_example_comes_first() {
    assert_eq!(EXAMPLES[0].id, "my-podzz");
    assert_eq!(EXAMPLES[0].yaml, MY_PODZZ);
}

#[test]
fn example_finds_an_example_by_its_id() {
    assert_eq!(
        example("port-clash").map(|found| found.id),
        Some("port-clash")
    );
    assert_eq!(example("myapp-pod").map(|found| found.files.len()), Some(2));
    assert!(example("no-such-example").is_none());
    assert!(example("").is_none());
}

#[test]
fn every_example_has_a_description_in_both_languages() {
    for example in EXAMPLES {
        assert!(
            !example.zh.is_empty() && !example.zh.contains('\n'),
            "{}",
            example.id
        );
        assert!(
            !example.en.is_empty() && !example.en.contains('\n'),
            "{}",
            example.id
        );
    }
}

/// What a learner does with one example and what the console must print.
struct Case {
    /// The example's id.
    id: &'static str,
    /// Command lines run after the example's files are written (the
    /// manifest as `ID.yaml`), each with texts its output must contain;
    /// a `cat > FILE` line writes the manifest there.
    steps: &'static [(&'static str, &'static [&'static str])],
}

const CASES: &[Case] = &[
    Case {
        id: "my-podzz",
        steps: &[
            ("kubectl apply -f my-podzz.yaml", &["pod/my-podzz created"]),
            ("sleep 60", &[]),
            ("kubectl get pods", &["my-podzz", "2/2", "Running"]),
            (
                "kubectl exec my-podzz -c consumer -- cat /consumer_dir/hello",
                &["1\n2\n3\n"],
            ),
        ],
    },
    Case {
        id: "my-podz",
        steps: &[
            ("kubectl apply -f my-podz.yaml", &["pod/my-podz created"]),
            ("sleep 60", &[]),
            ("kubectl get pods", &["my-podz", "2/2", "Running"]),
        ],
    },
    Case {
        id: "myapp-pod",
        steps: &[
            (
                "kubectl apply -f myapp-pod.yaml",
                &["pod/myapp-pod created"],
            ),
            ("sleep 60", &[]),
            ("kubectl get pods", &["myapp-pod", "0/1", "Init:0/2"]),
            (
                "kubectl apply -f myservice.yaml",
                &["service/myservice created"],
            ),
            ("kubectl apply -f mydb.yaml", &["service/mydb created"]),
            ("sleep 60", &[]),
            ("kubectl get pods", &["myapp-pod", "1/1", "Running"]),
            ("kubectl logs myapp-pod", &["The app is running!"]),
        ],
    },
    Case {
        id: "pod-test1",
        steps: &[
            (
                "kubectl apply -f pod-test1.yaml",
                &["pod/pod-test1 created"],
            ),
            ("sleep 120", &[]),
            (
                "kubectl get pods",
                &["pod-test1", "0/1", "CrashLoopBackOff"],
            ),
            ("kubectl logs pod-test1", &["SUCCESS"]),
        ],
    },
    Case {
        id: "static-web",
        steps: &[
            ("cat > /etc/kubernetes/manifests/static-web.yaml", &[]),
            ("sleep 60", &[]),
            ("kubectl get pods", &["static-web-node-1", "1/1", "Running"]),
        ],
    },
    Case {
        id: "emptydir-redis",
        steps: &[
            (
                "kubectl apply -f emptydir-redis.yaml",
                &["pod/emptydir-redis created"],
            ),
            ("sleep 60", &[]),
            ("kubectl get pods", &["emptydir-redis", "1/1", "Running"]),
            (
                "kubectl exec emptydir-redis -- redis-cli set volume emptydir",
                &["OK"],
            ),
            ("kubectl exec emptydir-redis -- kill 1", &[]),
            ("sleep 60", &[]),
            (
                "kubectl get pods",
                &["emptydir-redis", "1/1", "Running", "1 ("],
            ),
            (
                "kubectl exec emptydir-redis -- redis-cli get volume",
                &["emptydir"],
            ),
        ],
    },
    Case {
        id: "hostpath-demo",
        steps: &[
            (
                "kubectl apply -f hostpath-demo.yaml",
                &["pod/hostpath-demo created"],
            ),
            ("sleep 60", &[]),
            ("kubectl get pods", &["hostpath-demo", "1/1", "Running"]),
        ],
    },
    Case {
        id: "nfs-demo",
        steps: &[
            ("kubectl apply -f nfs-demo.yaml", &["pod/nfs-demo created"]),
            ("sleep 60", &[]),
            // The playground takes seed 004's NFS server to exist; a real
            // cluster that cannot reach 10.254.100.101 would leave the pod
            // in ContainerCreating with FailedMount events.
            ("kubectl get pods", &["nfs-demo", "1/1", "Running"]),
        ],
    },
    Case {
        id: "reference-pod",
        steps: &[
            (
                "kubectl apply -f reference-pod.yaml",
                &["pod/reference-pod created"],
            ),
            ("sleep 120", &[]),
            (
                "kubectl get pods",
                &["reference-pod", "1/1", "Running", "   0   "],
            ),
            (
                "kubectl exec reference-pod -- sh -c 'echo $GREETING; pwd'",
                &["hello\n/usr/share/nginx/html\n"],
            ),
        ],
    },
    Case {
        id: "port-clash",
        steps: &[
            (
                "kubectl apply -f port-clash.yaml",
                &["pod/port-clash created"],
            ),
            ("sleep 120", &[]),
            (
                "kubectl get pods",
                &["port-clash", "1/2", "CrashLoopBackOff"],
            ),
            (
                "kubectl logs port-clash -c web-again",
                &[
                    "[emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)",
                    "still could not bind()",
                ],
            ),
        ],
    },
    Case {
        id: "image-typo",
        steps: &[
            (
                "kubectl apply -f image-typo.yaml",
                &["pod/image-typo created"],
            ),
            ("sleep 60", &[]),
            (
                "kubectl get pods",
                &["image-typo", "0/1", "ImagePullBackOff"],
            ),
            (
                "kubectl describe pod image-typo",
                &["ngnix", "ErrImagePull"],
            ),
        ],
    },
    Case {
        id: "native-sidecar",
        steps: &[
            (
                "kubectl apply -f native-sidecar.yaml",
                &["pod/native-sidecar created"],
            ),
            ("sleep 60", &[]),
            ("kubectl get pods", &["native-sidecar", "2/2", "Running"]),
            (
                "kubectl logs native-sidecar -c log-tailer",
                &["request 1 handled\nrequest 2 handled\n"],
            ),
        ],
    },
    Case {
        id: "share-process-namespace",
        steps: &[
            (
                "kubectl apply -f share-process-namespace.yaml",
                &["pod/share-process-namespace created"],
            ),
            ("sleep 60", &[]),
            (
                "kubectl get pods",
                &["share-process-namespace", "2/2", "Running"],
            ),
            (
                "kubectl exec share-process-namespace -c shell -- ps",
                &[
                    "/pause",
                    "nginx: master process nginx -g daemon off;",
                    "101       0:00 nginx: worker process",
                    "sleep 3600",
                ],
            ),
        ],
    },
];

#[test]
fn every_example_runs_to_the_state_a_learner_should_see() {
    assert_eq!(
        CASES.iter().map(|case| case.id).collect::<Vec<_>>(),
        EXAMPLES
            .iter()
            .map(|example| example.id)
            .collect::<Vec<_>>(),
        "one case per example, in the catalog's order"
    );
    let mut failures = Vec::new();
    for case in CASES {
        let example = example(case.id).expect("a listed example");
        let mut console = Console::new();
        let name = format!("{}.yaml", example.id);
        let files =
            std::iter::once((name.as_str(), example.yaml)).chain(example.files.iter().copied());
        for (file, text) in files {
            let written = console.execute(&format!("cat > {file}"), Some(text)).text();
            assert_eq!(written, "", "{}: writing {file}", case.id);
        }
        for (line, expected) in case.steps {
            let stdin = line.starts_with("cat > ").then_some(example.yaml);
            let text = console.execute(line, stdin).text();
            for wanted in expected.iter() {
                if !text.contains(wanted) {
                    failures.push(format!("{}: `{line}` lacks {wanted:?}:\n{text}", case.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn with_a_shared_process_namespace_ps_shows_pause_as_pid_1() {
    let example = example("share-process-namespace").expect("listed");
    let mut console = Console::new();
    console.execute("kubectl apply -f -", Some(example.yaml));
    console.execute("sleep 60", None);
    let ps = console
        .execute("kubectl exec share-process-namespace -c shell -- ps", None)
        .text();
    let first: Vec<&str> = ps
        .lines()
        .nth(1)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(first.first(), Some(&"1"), "{ps}");
    assert_eq!(first.last(), Some(&"/pause"), "{ps}");
}
