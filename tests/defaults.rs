//! Golden files of the seed manifests as the API server stores them: parsed,
//! defaulted and (for pods) admitted, printed with sorted keys as
//! `kubectl get -o yaml` orders them. Regenerate with `UPDATE_EXPECT=1`.

use podplay::spec::{admit_pod, generated_suffix, parse_manifests, to_sorted_yaml, Manifest};
use std::path::Path;

#[test]
fn seed_manifests_are_stored_with_the_api_servers_defaults() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "{names:?}");
    let mut mismatches = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(root.join("examples").join(&name)).unwrap();
        let parsed = parse_manifests(&text);
        let problems: Vec<String> = parsed
            .diagnostics()
            .filter(|d| d.severity() != podplay::spec::Severity::Info)
            .map(|d| d.to_string())
            .collect();
        assert!(problems.is_empty(), "{name}: {problems:?}");
        let mut rendered = String::new();
        for document in parsed.documents {
            rendered.push_str(&match document.manifest.expect("decoded") {
                Manifest::Pod(mut pod) => {
                    admit_pod(&mut pod, &generated_suffix(1));
                    to_sorted_yaml(&pod)
                }
                Manifest::Service(service) => to_sorted_yaml(&service),
                Manifest::ConfigMap(config_map) => to_sorted_yaml(&config_map),
                Manifest::Secret(secret) => to_sorted_yaml(&secret),
            });
        }
        let golden = root.join("tests/golden").join(&name);
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&golden, &rendered).unwrap();
        } else if std::fs::read_to_string(&golden).unwrap_or_default() != rendered {
            mismatches.push(format!("{}:\n{rendered}", golden.display()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "UPDATE_EXPECT=1 to accept:\n{}",
        mismatches.join("\n")
    );
}
