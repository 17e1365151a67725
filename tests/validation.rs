//! Validation as the API server does it, one rule per case: each case is a
//! manifest, named by a sentence, with the exact diagnostics expected: where
//! (line:column-line:column, 1-based) and kubectl's own words.

use podplay::spec::{explain, parse_manifests};

/// Renders every diagnostic of `yaml` as `L:C-L:C text`, one per line.
fn diagnostics(yaml: &str) -> String {
    parse_manifests(yaml)
        .diagnostics()
        .map(|d| {
            format!(
                "{}:{}-{}:{} {}",
                d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.kind
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A pod whose spec is `spec` (indented by two spaces under `spec:`).
fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n{spec}")
}

struct Case {
    name: &'static str,
    yaml: String,
    expected: &'static str,
}

fn check(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for case in cases {
        let actual = diagnostics(&case.yaml);
        if actual != case.expected {
            failures.push(format!(
                "{}\n  expected: {}\n  actual:   {}",
                case.name, case.expected, actual
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "a table of cases, one per rule, reads best whole"
)]
fn pod_rules_report_the_api_servers_words_at_the_offending_field() {
    check(vec![
        Case {
            name: "a valid pod has no diagnostics",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n"),
            expected: "",
        },
        Case {
            name: "a pod without a name is refused on metadata",
            yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\nspec:\n  containers:\n  - name: app\n    image: nginx\n".into(),
            expected: "3:1-3:9 metadata.name: Required value: name or generateName is required",
        },
        Case {
            name: "a capitalised pod name is not a DNS subdomain",
            yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n  - name: app\n    image: nginx\n".into(),
            expected: "4:9-4:15 metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        },
        Case {
            name: "a pod needs at least one container",
            yaml: pod("  containers: []\n"),
            expected: "6:3-6:13 spec.containers: Required value",
        },
        Case {
            name: "a container without an image is refused at the container",
            yaml: pod("  containers:\n  - name: app\n"),
            expected: "7:5-7:9 spec.containers[0].image: Required value",
        },
        Case {
            name: "a container name with capitals is not a DNS label",
            yaml: pod("  containers:\n  - name: Foo\n    image: nginx\n"),
            expected: "7:11-7:14 spec.containers[0].name: Invalid value: \"Foo\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        },
        Case {
            name: "two app containers may not share a name",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n  - name: app\n    image: busybox\n"),
            expected: "9:11-9:14 spec.containers[1].name: Duplicate value: \"app\"",
        },
        Case {
            name: "an init container sharing an app container's name is reported on the init container",
            yaml: pod("  initContainers:\n  - name: app\n    image: busybox\n  containers:\n  - name: app\n    image: nginx\n"),
            expected: "7:11-7:14 spec.initContainers[0].name: Duplicate value: \"app\"",
        },
        Case {
            name: "a mount of an undefined volume is not found",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /data\n"),
            expected: "10:13-10:17 spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
        },
        Case {
            name: "two mounts at one path must be unique",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: a\n      mountPath: /data\n    - name: b\n      mountPath: /data\n  volumes:\n  - name: a\n    emptyDir: {}\n  - name: b\n    emptyDir: {}\n"),
            expected: "13:18-13:23 spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique",
        },
        Case {
            name: "a sub path may not climb out of the volume",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: a\n      mountPath: /data\n      subPath: ../etc\n  volumes:\n  - name: a\n    emptyDir: {}\n"),
            expected: "9:5-9:17 spec.containers[0].volumeMounts.subPath: Invalid value: \"../etc\": must not contain '..'",
        },
        Case {
            name: "a port out of range is refused with the range",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 70000\n"),
            expected: "10:22-10:27 spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        },
        Case {
            name: "a port name must contain a letter",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    ports:\n    - name: \"8080\"\n      containerPort: 8080\n"),
            expected: "10:13-10:19 spec.containers[0].ports[0].name: Invalid value: \"8080\": must contain at least one letter (a-z)",
        },
        Case {
            name: "an unknown protocol lists the supported ones sorted",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: 80\n      protocol: HTTP\n"),
            expected: "11:17-11:21 spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
        },
        Case {
            name: "an unknown restart policy lists the three policies in declared order",
            yaml: pod("  restartPolicy: Sometimes\n  containers:\n  - name: app\n    image: nginx\n"),
            expected: "6:18-6:27 spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
        },
        Case {
            name: "an unknown image pull policy lists the three policies",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    imagePullPolicy: Sometimes\n"),
            expected: "9:22-9:31 spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
        },
        Case {
            name: "an unknown hostPath type lists the types sorted, the empty one first",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: h\n    hostPath:\n      path: /data\n      type: Dir\n"),
            expected: "13:13-13:16 spec.volumes[0].hostPath.type: Unsupported value: \"Dir\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"",
        },
        Case {
            name: "a volume with two sources is refused on the later source",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: v\n    emptyDir: {}\n    hostPath:\n      path: /data\n"),
            expected: "12:5-12:13 spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type",
        },
        Case {
            name: "a volume without a source becomes an emptyDir",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: v\n"),
            expected: "",
        },
        Case {
            name: "a negative emptyDir size limit is forbidden",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: v\n    emptyDir:\n      sizeLimit: -1Gi\n"),
            expected: "12:7-12:16 spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity",
        },
        Case {
            name: "a plain init container may not have a probe",
            yaml: pod("  initContainers:\n  - name: init\n    image: busybox\n    livenessProbe:\n      exec:\n        command: [\"true\"]\n  containers:\n  - name: app\n    image: nginx\n"),
            expected: "9:5-9:18 spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
        },
        Case {
            name: "a sidecar may have a probe",
            yaml: pod("  initContainers:\n  - name: proxy\n    image: busybox\n    restartPolicy: Always\n    livenessProbe:\n      exec:\n        command: [\"true\"]\n  containers:\n  - name: app\n    image: nginx\n"),
            expected: "",
        },
        Case {
            name: "an init container's restart policy can only be Always",
            yaml: pod("  initContainers:\n  - name: init\n    image: busybox\n    restartPolicy: Never\n  containers:\n  - name: app\n    image: nginx\n"),
            expected: "9:20-9:25 spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
        },
        Case {
            name: "an app container may not set a restart policy",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    restartPolicy: Always\n"),
            expected: "9:5-9:18 spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
        },
        Case {
            name: "a probe needs a handler",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    readinessProbe:\n      periodSeconds: 5\n"),
            expected: "9:5-9:19 spec.containers[0].readinessProbe: Required value: must specify a handler type",
        },
        Case {
            name: "a liveness probe must succeed once to count",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    livenessProbe:\n      tcpSocket:\n        port: 80\n      successThreshold: 2\n"),
            expected: "12:25-12:26 spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
        },
        Case {
            name: "several problems are all reported in the API server's order",
            yaml: pod("  restartPolicy: Sometimes\n  containers:\n  - name: Web\n"),
            expected: "8:11-8:14 spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n8:5-8:9 spec.containers[0].image: Required value\n6:18-6:27 spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
        },
    ]);
}

#[test]
fn decoding_is_strict_and_duplicates_keep_the_last_value() {
    check(vec![
        Case {
            name: "a misspelt field is an unknown field at its key",
            yaml: pod("  containers:\n  - name: app\n    imagee: nginx\n"),
            expected: "8:5-8:11 unknown field \"spec.containers[0].imagee\"",
        },
        Case {
            name: "several unknown fields are sorted as the API server reports them",
            yaml: pod("  foo: 1\n  containers:\n  - name: app\n    image: nginx\n    Image: x\n"),
            expected: "10:5-10:10 unknown field \"spec.containers[0].Image\"\n6:3-6:6 unknown field \"spec.foo\"",
        },
        Case {
            name: "a key given twice is a warning and the last value wins",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    image: busybox\n"),
            expected: "9:5-9:10 duplicate key \"spec.containers[0].image\": kubectl keeps only the last value",
        },
        Case {
            name: "a value of the wrong shape is Go's type error at the value",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    command: echo hi\n"),
            expected: "9:14-9:21 json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string",
        },
        Case {
            name: "a YAML syntax error names its line",
            yaml: pod("  containers:\n  - name: app\n   image: nginx\n"),
            expected: "8:4-8:5 yaml: did not find expected key",
        },
        Case {
            name: "an unknown kind says no matches",
            yaml: "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n".into(),
            expected: "2:1-2:5 no matches for kind \"Deployment\" in version \"v1\"",
        },
    ]);
    let parsed = parse_manifests(&pod(
        "  containers:\n  - name: app\n    image: nginx\n    image: busybox\n",
    ));
    assert_eq!(
        parsed.first_pod().unwrap().spec.containers[0].image,
        "busybox"
    );
}

#[test]
fn services_config_maps_and_secrets_are_validated_too() {
    check(vec![
        Case {
            name: "a service without ports is refused",
            yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n".into(),
            expected: "5:1-5:5 spec.ports: Required value",
        },
        Case {
            name: "a service with two unnamed ports needs names",
            yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  - port: 443\n".into(),
            expected: "7:5-7:9 spec.ports[0].name: Required value\n8:5-8:9 spec.ports[1].name: Required value",
        },
        Case {
            name: "a service type must be one of the four",
            yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Public\n  ports:\n  - port: 80\n".into(),
            expected: "6:9-6:15 spec.type: Unsupported value: \"Public\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"",
        },
        Case {
            name: "a ClusterIP service may not set a node port",
            yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    nodePort: 30080\n".into(),
            expected: "8:5-8:13 spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
        },
        Case {
            name: "the seed's services are valid",
            yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  name: myservice\nspec:\n  ports:\n  - protocol: TCP\n    port: 80\n    targetPort: 9376\n".into(),
            expected: "",
        },
        Case {
            name: "a config map key with a slash is refused",
            yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a/b: x\n".into(),
            expected: "6:3-6:6 data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        },
    ]);
}

#[test]
fn duplicate_ports_are_a_warning_that_still_creates_the_pod() {
    check(vec![Case {
        name: "two containers declaring port 80 get kubectl's warning",
        yaml: pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n  - name: b\n    image: nginx\n    ports:\n    - containerPort: 80\n"),
        expected: "14:7-14:20 Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]",
    }]);
}

#[test]
fn every_diagnostic_has_an_explanation_in_both_languages() {
    let yaml = pod("  restartPolicy: Sometimes\n  foo: 1\n  containers:\n  - name: Web\n    image: nginx\n    image: busybox\n");
    for diagnostic in parse_manifests(&yaml).diagnostics() {
        let explanation = explain(&diagnostic.kind);
        assert!(!explanation.zh.is_empty() && !explanation.en.is_empty());
        assert!(explanation
            .zh
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }
}

#[test]
fn values_of_the_wrong_type_get_gos_unmarshal_error_at_the_value() {
    check(vec![
        Case {
            name: "a quoted port number is a string where an int32 belongs",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    ports:\n    - containerPort: \"80\"\n"),
            expected: "10:22-10:26 json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
        },
        Case {
            name: "a bare yes is a boolean in kubectl's YAML, not a string",
            yaml: pod("  containers:\n  - name: app\n    image: nginx\n    env:\n    - name: DEBUG\n      value: yes\n"),
            expected: "11:14-11:17 json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string",
        },
        Case {
            name: "a single container where a list belongs is an object into an array",
            yaml: pod("  containers:\n    name: app\n    image: nginx\n"),
            expected: "7:5-9:1 json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container",
        },
        Case {
            name: "a number label value is refused",
            yaml: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    tier: 1\nspec:\n  containers:\n  - name: app\n    image: nginx\n".into(),
            expected: "6:11-6:12 json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string",
        },
    ]);
}

#[test]
fn volumes_that_need_outside_storage_are_accepted_and_explained() {
    check(vec![Case {
        name: "an nfs volume gets a note on its source",
        yaml: pod("  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: share\n    nfs:\n      server: 10.254.100.101\n      path: /mnt/data\n"),
        expected: "11:5-11:8 volume \"share\" (nfs) needs storage outside the node",
    }]);
}
