//! `mount`: the mount table as `/proc/mounts` lines.

use super::table::mount_table;
use crate::runtime::program::Sys;

/// `mount`: the mount table, one `DEVICE on PATH type TYPE (OPTIONS)` line each.
pub fn mount(sys: &mut Sys) -> i32 {
    for entry in mount_table(sys) {
        sys.out.extend(
            format!(
                "{} on {} type {} ({})\n",
                entry.device, entry.path, entry.fstype, entry.options
            )
            .bytes(),
        );
    }
    0
}
