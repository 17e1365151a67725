//! `kill [-SIGNAL] PID…`: signals the processes of the container's PID
//! namespace, in the shell's words when one does not exist.

use crate::runtime::io::Io;
use crate::runtime::process::signals::signal_number;
use crate::runtime::process::Process;
use crate::runtime::program::SignalTarget;
use crate::runtime::shell::Flavor;

impl Process {
    /// `kill [-SIGNAL] PID…`: signals processes of this container's PID namespace.
    pub(super) fn kill(&mut self, arguments: &[String], io: &mut Io) -> i32 {
        let (signal, pids) = match arguments.split_first() {
            Some((first, rest)) if first.starts_with('-') && first.len() > 1 => {
                let name = first.trim_start_matches("-s");
                match signal_number(name) {
                    Some(number) => (number, rest),
                    None => {
                        self.shell_error(&format!(
                            "kill: {}: invalid signal specification",
                            &first[1..]
                        ));
                        return 1;
                    }
                }
            }
            _ => (15, arguments),
        };
        let mut status = 0;
        for pid_text in pids {
            let Ok(pid) = pid_text.parse::<u32>() else {
                self.shell_error(&format!(
                    "kill: {pid_text}: arguments must be process or job IDs"
                ));
                status = 1;
                continue;
            };
            // Background children started in this very run are not in the table yet.
            if let Some((id, _)) = self.vm.background.iter().find(|(_, child)| *child == pid) {
                io.signals.push((*id, SignalTarget::Process, signal));
                continue;
            }
            let own = self.info();
            let table = io.process_table();
            let target = std::iter::once(&own)
                .chain(table.iter().filter(|p| p.id != self.os.id))
                .filter(|p| p.namespace == own.namespace)
                .find_map(|p| {
                    if p.pid == pid {
                        Some((p.id, SignalTarget::Process))
                    } else if p.foreground.as_ref().is_some_and(|(f, _)| *f == pid) {
                        Some((p.id, SignalTarget::Foreground))
                    } else {
                        None
                    }
                });
            match target {
                Some((id, part)) => io.signals.push((id, part, signal)),
                None => {
                    match self.vm.flavor {
                        Flavor::Busybox => {
                            self.shell_error(&format!("can't kill pid {pid}: No such process"))
                        }
                        Flavor::Dash => self.shell_error("kill: No such process"),
                        Flavor::Bash => {
                            self.shell_error(&format!("kill: ({pid}) - No such process"))
                        }
                    }
                    status = 1;
                }
            }
        }
        status
    }
}
