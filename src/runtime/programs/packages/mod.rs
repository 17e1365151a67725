//! Package managers: `apt-get`/`apt` in Debian-based images and `yum` in
//! CentOS, installing from a mirror the node reaches at once. A package
//! brings programs, written as files into `/usr/bin` of the container's own
//! root, so a later `kubectl exec` finds them and a restarted container (a
//! fresh root) has lost them, as on a real node. Output is what the tools
//! print for a few packages, shortened but in their words; each phase takes
//! virtual time.

mod apt;
mod catalog;
mod installer;
mod plan;
mod yum;

pub use catalog::installed;
pub use installer::Installer;
