//! Share links: a fragment from a stranger is read or refused, never a
//! panic. The first byte picks the mode: the bytes as the fragment itself,
//! or as the unpacked text (packed first, so the reader's checks are
//! reached). What is read packs back to the same value, and a link whose
//! times stay within a few virtual seconds opens to the same studio twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::share::{compress_uri, decompress_uri, Shared};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = podplay_fuzz::text(rest);
    let fragment = if mode & 1 == 0 {
        text.clone()
    } else {
        let packed = compress_uri(&text);
        let unpacked = decompress_uri(&packed).expect("what compress_uri packs unpacks");
        assert_eq!(unpacked, text, "lz-string round trip");
        packed
    };
    let Ok(shared) = Shared::from_fragment(&fragment) else {
        return;
    };
    let again =
        Shared::from_fragment(&shared.to_fragment()).expect("a link podplay made reads back");
    assert_eq!(again, shared, "a share link's round trip");
    let budget = podplay_fuzz::MAX_VIRTUAL_MILLIS;
    let all_text = format!("{shared:?}");
    let short = shared.millis <= budget
        && shared.commands.iter().all(|(at, _, _)| *at <= budget)
        && podplay_fuzz::within_budget(
            shared.commands.iter().map(|(_, line, _)| line.as_str()),
            &all_text,
        );
    if short && shared.commands.len() <= 12 {
        let open = || format!("{:?}", shared.open().terminal());
        let first = open();
        podplay_fuzz::assert_deterministic("opened share link", &first, &open());
    }
});
