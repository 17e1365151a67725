//! What a process holds in memory, as its container's memory cgroup counts
//! it: the resident size of the binary it runs (the shell's, measured; a
//! program's, as `ps` shows it), what its program holds (redis's dataset,
//! `stress`'s hogs), and what the shell holds: variables, positional
//! parameters, `for` items and `case` subjects, command substitutions'
//! outputs, nested function calls, output not yet delivered.
//!
//! The shells' resident sizes were measured with the real programs (Debian
//! 12): `busybox sh -c 'grep VmRSS /proc/$$/status; true'` printed
//! `VmRSS: 2016 kB` (BusyBox 1.35.0), dash 0.5.12 `1780 kB`, bash 5.2
//! `3160 kB`. A 4 MiB value made by `x=$(head -c 4194304 /dev/zero | tr
//! '\0' a)` added 4,188 kB to BusyBox ash's RSS, 4,060 kB to dash's and
//! 8,200 kB to bash's (it keeps the capture buffer too); the `x=$x$x`
//! doubling loop to 4 MiB added 4,364 kB to ash, 8,136 kB to dash and
//! 10,932 kB to bash. podplay counts a value once, the lower bound.

use super::limits::bytes_per_call;
use super::shell_vm::Pending;
use super::Process;
use crate::runtime::program::SignalTarget;
use crate::runtime::programs::memory_kb;
use crate::runtime::shell::Flavor;

/// The size of a memory page, the unit the kernel charges.
const PAGE: u64 = 4096;

/// The resident size of an idle shell of `flavor`, in kB (measured, see
/// the module's comment).
fn shell_resident_kb(flavor: Flavor) -> u64 {
    match flavor {
        Flavor::Busybox => 2_016,
        Flavor::Dash => 1_780,
        Flavor::Bash => 3_160,
    }
}

impl Process {
    /// The memory the process holds, in bytes: the binaries' resident
    /// sizes, what its program holds and what the shell holds, in whole
    /// 4 KiB pages (what the kernel charges its cgroup).
    pub fn memory_bytes(&self) -> u64 {
        (self.resident_bytes() + self.shell_bytes()).div_ceil(PAGE) * PAGE
    }

    /// The resident size of the shell (unless the process is its program,
    /// exec form) and of the program it runs, with what that program holds.
    fn resident_bytes(&self) -> u64 {
        let shell_kb = if self.vm.exec_form {
            0
        } else {
            shell_resident_kb(self.vm.flavor)
        };
        let program_kb = match (&self.os.foreground, self.vm.exec_form) {
            (Some((_, argv)), _) => memory_kb(argv.first().map_or("", String::as_str)).1,
            (None, true) => memory_kb(&self.os.command_line).1,
            (None, false) => 0,
        };
        let held = match &self.vm.pending {
            Some(Pending::Program { program, .. }) => program.memory_bytes(),
            _ => 0,
        };
        (shell_kb + program_kb) * 1024 + held
    }

    /// What the shell's own state holds: its values, nested calls and
    /// undelivered output.
    fn shell_bytes(&self) -> u64 {
        let vm = &self.vm;
        let variables: usize = vm
            .variables
            .iter()
            .map(|(name, value)| name.len() + value.len())
            .sum();
        let strings =
            |values: &mut dyn Iterator<Item = &String>| -> usize { values.map(String::len).sum() };
        let values = variables
            + strings(&mut vm.positional.iter())
            + strings(&mut vm.slots.iter())
            + strings(&mut vm.loops.iter().flatten())
            + strings(&mut vm.cases.iter());
        let outbox: usize = self.os.outbox.iter().map(|(_, data)| data.len()).sum();
        let calls = vm.function_depth as u64 * bytes_per_call(vm.flavor);
        (values + outbox) as u64 + calls
    }

    /// The command substitution whose output the shell is reading, if any:
    /// its capture buffer is the shell's memory.
    pub fn capture_read(&self) -> Option<usize> {
        match &self.vm.pending {
            Some(Pending::Substitution { capture, .. }) => Some(*capture),
            _ => None,
        }
    }

    /// Whether holding `extra` more bytes takes the process past the room
    /// its container's memory limit leaves it; if so the kernel's OOM
    /// killer takes it (and its container) at once: the allocation never
    /// returns, the process ends by SIGKILL (exit 137).
    pub(super) fn out_of_memory_with(&mut self, extra: usize) -> bool {
        let Some(room) = self.os.memory_room else {
            return false;
        };
        if self.memory_bytes() + extra as u64 <= room {
            return false;
        }
        self.os.out_of_memory = true;
        self.os.signals.push_back((SignalTarget::Process, 9));
        true
    }
}
