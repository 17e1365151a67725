//! How deep a shell's functions may call themselves, and what the shell's own
//! state weighs, per shell, as measured with the real programs (Debian 12,
//! `ulimit -s 8192`): dash 0.5.12 refuses the 1001st nested call with a
//! message and exit 2; BusyBox 1.35.0 ash and bash 5.2 have no limit of their
//! own and die of SIGSEGV (exit 139) when the 8 MiB stack runs out.
//!
//! Measured with `f(){ echo $n; n=$((n+1)); f; }; n=0; f`: the last line
//! printed is 999 in dash (then `dash: 1: Maximum function recursion depth
//! (1000) reached`), 7270 in BusyBox ash, 8307 in bash. The stack each level
//! takes depends a little on the body: with `f(){ echo $1; f $(($1+1)); }`
//! the last lines are 7274 (killed by signal 11 after 0.1 s, 11 MB resident)
//! and 8308 (after 28 s, 32 MB resident).
//! `bash -c 'f(){ f; }; f'` is killed by signal 11 after 206 s at 35.6 MB.
//! bash holds about 4 KiB per level (11.3 MB at 2,000 levels, 19.5 MB at
//! 4,000); ash about 1.3 KiB (11.2 MB at 7,275, 1.9 MB at 1); dash about
//! 0.9 KiB. Those bytes count toward the container's memory. The simulated
//! shells reach their depth at once: bash's slowing down as it nests (28 s
//! to 8,308 levels, 206 s for `f(){ f; }`) is not modelled, so a memory limit
//! that would OOMKill a real bash on the way down does not catch this one,
//! which ends with SIGSEGV.

use crate::runtime::shell::Flavor;

/// What a shell does when a function call nests one level too deep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TooDeep {
    /// dash: `Maximum function recursion depth (1000) reached`, exit 2.
    Refused,
    /// BusyBox ash and bash: the stack is gone, SIGSEGV (exit 139).
    Segfault,
}

/// The dash's words for a refused call (after `sh: LINE: `).
pub(super) const RECURSION_MESSAGE: &str = "Maximum function recursion depth (1000) reached";

/// The most function calls `flavor` nests; the next one does what [`TooDeep`] says.
pub(super) fn max_function_depth(flavor: Flavor) -> (usize, TooDeep) {
    match flavor {
        Flavor::Dash => (1_000, TooDeep::Refused),
        Flavor::Busybox => (7_271, TooDeep::Segfault),
        Flavor::Bash => (8_308, TooDeep::Segfault),
    }
}

/// The memory one nested function call holds in `flavor`'s shell, in bytes.
pub(super) fn bytes_per_call(flavor: Flavor) -> u64 {
    match flavor {
        Flavor::Dash => 900,
        Flavor::Busybox => 1_300,
        Flavor::Bash => 4_096,
    }
}

/// The longest word or variable value a shell makes, in bytes. Past it the
/// shell runs out of memory as the real ones do when an allocation fails
/// (Debian 12, `ulimit -v 600000`, `x=x; while :; do x=$x$x; done`): dash
/// 0.5.12 dies of SIGSEGV (139) with 128 MiB values, bash 5.2 prints
/// `bash: xrealloc: cannot allocate 268435584 bytes` and exits 2, BusyBox
/// 1.35.0 prints `sh: out of memory` and exits 1. A real container without
/// a memory limit would go on to the node's memory; podplay stops at 64 MiB,
/// which the page's wasm memory holds twice over while it copies.
pub(super) const MAX_VALUE_BYTES: usize = 64 << 20;
