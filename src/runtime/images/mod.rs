//! The image catalog: the images tutorials use, each with its size (so a pull
//! takes a believable time), its default ENTRYPOINT and CMD, which `sh` it has,
//! and which programs are in it. Names are resolved as a container runtime
//! resolves them (`nginx` is `docker.io/library/nginx:latest`). An official
//! name not in the catalog does not exist, so a typo fails its pull as it
//! would on a real node; images from other registries or user namespaces are
//! taken to exist.
//!
//! Below the programs: the images' tool lists (`Tools`, `program_name`)
//! are what the process and the programs ask; nothing here knows a program.

mod catalog;
mod container;
mod reference;
#[cfg(test)]
mod tests;
mod tools;

pub use catalog::{Image, CATALOG, GENERIC};
pub use container::{container_argv, install_files, pull_duration, stop_signal, NGINX_INDEX};
pub use reference::{resolve, PullError, Reference};
pub use tools::{program_name, Tools, Toolset};
