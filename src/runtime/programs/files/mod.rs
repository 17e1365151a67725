//! Programs on files and directories: `ls`, `ln`/`readlink`, `cp`/`mv`,
//! `mkdir`/`touch` and `rm`, through the container's view of the node's
//! filesystem.

pub mod copy;
pub mod links;
pub mod ls;
pub mod make;
pub mod rm;
