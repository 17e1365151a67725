//! `kubectl get RESOURCE [NAME…]` for pods, services, events, nodes,
//! configmaps, secrets and `all`, with `-o wide|name`, `-l SELECTOR`,
//! `--show-labels`, `-A` and `-n`, printed as the API server's table
//! printers build the rows (`pkg/printers/internalversion/printers.go`).

mod command;
mod resource;
mod rows;
mod selector;

pub use command::get;
