//! `top`, `free` and `uptime`: the node's memory, uptime and load as a
//! container sees them (`/proc/meminfo`, `/proc/uptime` and `/proc/loadavg`
//! are the node's), and the processes of the container's PID namespace as
//! `ps` sees them. Three tools word them: busybox, procps-ng 3.3.10
//! (CentOS 7) and procps-ng 4.0.2 (Debian 12, and what apt installs).
//! busybox's CPU figures come from the processes' CPU on the virtual clock
//! (`cpu.rs`); procps's are still zero, and the load average 0.00 for all;
//! the memory figures are made up but follow the processes (the resident
//! sizes the OOM killer counts).

mod cpu;
mod free;
mod memory;
mod options;
mod screens;
mod tool;
mod variant;

pub use tool::create;
pub use variant::Variant;
