//! `date [+FORMAT]` on the virtual clock.

use crate::runtime::program::Sys;
use crate::runtime::programs::time::{format_time, EPOCH_SECONDS};

/// `date`, `date +FORMAT` on the virtual clock (UTC).
pub fn date(args: &[String], sys: &mut Sys) -> i32 {
    let seconds = EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64;
    let format = args
        .iter()
        .find_map(|a| a.strip_prefix('+'))
        .unwrap_or("%a %b %e %H:%M:%S UTC %Y");
    sys.out
        .extend(format!("{}\n", format_time(seconds, format)).bytes());
    0
}
