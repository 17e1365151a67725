//! Golden transcripts: every `examples/*.podplay` and `tests/scripts/*.podplay`
//! is replayed with the real
//! `podplay run` binary and compared byte for byte with the `.transcript` file
//! beside it. Regenerate deliberately with `UPDATE_EXPECT=1 cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scripts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<PathBuf> = ["examples", "tests/scripts"]
        .iter()
        .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("folder exists"))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "podplay"))
        .collect();
    scripts.sort();
    scripts
}

fn podplay_run(script: &Path) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_podplay"))
        .arg("run")
        .arg(script)
        .output()
        .expect("podplay runs");
    (
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_script_replays_to_its_golden_transcript() {
    let scripts = scripts();
    assert!(scripts.len() >= 3, "scripts are missing: {scripts:?}");
    let mut mismatches = Vec::new();
    for script in scripts {
        let (stdout, stderr, code) = podplay_run(&script);
        assert_eq!(code, 0, "{} failed: {stderr}", script.display());
        let golden = script.with_extension("transcript");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&golden, &stdout).expect("golden written");
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != stdout {
            mismatches.push(format!(
                "{}\n--- expected\n{expected}\n--- actual\n{stdout}",
                golden.display()
            ));
        }
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
