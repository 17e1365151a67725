//! Whole `podplay run` scripts: a script is checked first (continuations,
//! quotes, here-documents) and refused with a line, or run on a fresh
//! console; a script that stays within a few virtual seconds gives the same
//! transcript twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use podplay::kubectl::Console;
use podplay::script::{parse_script, run_script};

fuzz_target!(|data: &[u8]| {
    let text = podplay_fuzz::text(data);
    let steps = match parse_script(&text) {
        Ok(steps) => steps,
        Err(error) => {
            assert!(error.line >= 1, "a script error without a line: {error:?}");
            return;
        }
    };
    let commands = steps.iter().map(|step| step.command.as_str());
    if steps.len() > 40
        || !podplay_fuzz::within_budget(commands, &text)
    {
        return;
    }
    let run = || run_script(&steps, &mut Console::new());
    let first = run();
    podplay_fuzz::assert_deterministic("script transcript", &first, &run());
});
