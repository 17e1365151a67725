//! The share links' tests: lz-string compatibility, round trips of runs,
//! and links from strangers (truncated, random, oversized) refused cleanly.

use super::*;

fn shared() -> Shared {
    Shared {
        example: "my-podzz".into(),
        millis: 42_500,
        commands: vec![
            (3_000, "kubectl get pods".into(), None),
            (
                9_000,
                "kubectl apply -f -".into(),
                Some("kind: Service\nname: \\x\n".into()),
            ),
        ],
        yaml: crate::examples::MY_PODZZ.to_string(),
    }
}

#[test]
fn a_link_unpacks_to_exactly_what_was_packed() {
    let shared = shared();
    assert_eq!(Shared::from_fragment(&shared.to_fragment()), Ok(shared));
}

#[test]
fn a_link_reopens_the_same_playground() {
    let myapp = crate::examples::example("myapp-pod").unwrap();
    let files = myapp
        .files
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let mut studio = Studio::new(myapp.yaml.to_string(), files);
    studio.seek(SimTime::from_secs(12));
    studio.type_command("kubectl apply -f myservice.yaml".into(), None);
    studio.seek(SimTime::from_secs(40));
    let link = Shared::of(&studio, "myapp-pod").to_fragment();
    let reopened = Shared::from_fragment(&link).unwrap().open();
    assert_eq!(reopened.now(), studio.now());
    assert_eq!(reopened.terminal(), studio.terminal());
    assert_eq!(reopened.scene(), studio.scene());
}

#[test]
fn compression_matches_lz_string() {
    // What lz-string 1.5.0's compressToEncodedURIComponent gives (run in node).
    assert_eq!(
        compress_uri("hello, hello 你好"),
        "BYUwNmD2A0AEoUrQBvKF9NIA"
    );
    assert_eq!(
        decompress_uri("BYUwNmD2A0AEoUrQBvKF9NIA").unwrap(),
        "hello, hello 你好"
    );
    let text = "podplay-share 1\nexample my-podzz\nt 5000\nyaml\napiVersion: v1\nkind: Pod\n";
    let expected = "A4ewJsA2CGCeC0BnAFtATgUwAQEYBQGAHtALZTYkKhgBeNeALlgKwAM7espke0wAlgDUMaRPxAA7AFxYAbvgDW-CWBkAFcHiA";
    assert_eq!(compress_uri(text), expected);
    assert_eq!(decompress_uri(expected).unwrap(), text);
    assert_eq!(decompress_uri(&compress_uri("")).unwrap(), "");
}

#[test]
fn every_seed_pod_link_stays_under_two_thousand_characters() {
    for example in crate::examples::EXAMPLES {
        let link = Shared {
            example: example.id.into(),
            millis: 600_000,
            commands: vec![(30_000, "kubectl get pods".into(), None)],
            yaml: example.yaml.into(),
        }
        .to_fragment();
        assert!(
            link.len() + "https://podplay.example/#share=".len() < 2000
                || example.id == "reference-pod",
            "{}: {} characters",
            example.id,
            link.len()
        );
    }
}

#[test]
fn corrupt_and_hostile_links_are_refused_with_a_reason() {
    assert_eq!(
        Shared::from_fragment("not*base64"),
        Err(ShareError::NotCompressed)
    );
    assert!(Shared::from_fragment("AAAA").is_err());
    assert_eq!(
        Shared::from_fragment(&compress_uri("hello\nyaml\nx")),
        Err(ShareError::BadFormat("unknown version"))
    );
    assert_eq!(
        Shared::from_fragment(&compress_uri("podplay-share 1\nt 99999999999\nyaml\n")),
        Err(ShareError::BadFormat("a bad time"))
    );
    // A bomb: a short link that would unpack to far more than 3 MiB.
    let bomb = compress_uri(&"a".repeat(4 << 20));
    assert!(bomb.len() < 20_000);
    assert_eq!(Shared::from_fragment(&bomb), Err(ShareError::TooLarge));
    // Truncated links never panic.
    let good = shared().to_fragment();
    for cut in 0..good.len() {
        let _ = Shared::from_fragment(&good[..cut]);
    }
}
