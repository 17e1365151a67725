//! Golden transcripts: every `examples/*.podplay` and `tests/scripts/*.podplay`
//! is replayed with the real
//! `podplay run` binary and compared byte for byte with the `.transcript` file
//! beside it. Regenerate deliberately with `UPDATE_EXPECT=1 cargo test`.

mod common;

use common::{golden_mismatch, podplay, root};
use std::path::{Path, PathBuf};

fn scripts() -> Vec<PathBuf> {
    let mut scripts: Vec<PathBuf> = ["examples", "tests/scripts"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root().join(folder)).expect("folder exists"))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "podplay"))
        .collect();
    scripts.sort();
    scripts
}

/// `podplay run SCRIPT`: (stdout, stderr, exit code).
fn podplay_run(script: &Path) -> (String, String, i32) {
    podplay(&["run", script.to_str().expect("utf-8 path")])
}

#[test]
fn every_script_replays_to_its_golden_transcript() {
    let scripts = scripts();
    assert!(scripts.len() >= 3, "scripts are missing: {scripts:?}");
    let mut mismatches = Vec::new();
    for script in scripts {
        let (stdout, stderr, code) = podplay_run(&script);
        assert_eq!(code, 0, "{} failed: {stderr}", script.display());
        mismatches.extend(golden_mismatch(
            &script.with_extension("transcript"),
            &stdout,
        ));
    }
    assert!(
        mismatches.is_empty(),
        "transcripts differ (UPDATE_EXPECT=1 to accept):\n{}",
        mismatches.join("\n")
    );
}

#[test]
fn the_same_script_gives_the_same_transcript_twice() {
    for script in scripts() {
        assert_eq!(
            podplay_run(&script),
            podplay_run(&script),
            "{}",
            script.display()
        );
    }
}

#[test]
fn a_script_that_cannot_be_parsed_fails_with_file_and_line() {
    let folder = std::env::temp_dir().join(format!("podplay-test-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let script = folder.join("broken.podplay");
    std::fs::write(
        &script,
        "kubectl get pods\ncat > pod.yaml <<EOF\napiVersion: v1\n",
    )
    .unwrap();
    let (stdout, stderr, code) = podplay_run(&script);
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "{}:2: here-document at line 2 delimited by end-of-file (wanted `EOF')\n",
            script.display()
        )
    );
}

#[test]
fn files_outside_the_scripts_folder_cannot_be_read() {
    let folder = std::env::temp_dir().join(format!("podplay-escape-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("inner")).unwrap();
    std::fs::write(folder.join("secret.yaml"), "apiVersion: v1\nkind: Pod\n").unwrap();
    let script = folder.join("inner/escape.podplay");
    std::fs::write(
        &script,
        "kubectl apply -f ../secret.yaml\nkubectl apply -f /etc/hostname\n",
    )
    .unwrap();
    let (stdout, _, code) = podplay_run(&script);
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "$ kubectl apply -f ../secret.yaml\nerror: the path \"../secret.yaml\" does not exist\n$ kubectl apply -f /etc/hostname\nerror: the path \"/etc/hostname\" does not exist\n"
    );
}
