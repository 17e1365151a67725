//! podplay: a Kubernetes Pod playground.
//!
//! The crate is split into a **pure core** that runs everywhere (native tests, the
//! `podplay` command-line program, the browser) and a **UI** that exists only on
//! `wasm32`:
//!
//! - [`clock`]: virtual time and the event queue, below everything that runs on them.
//! - [`examples`]: the manifests the playground ships with.
//! - [`spec`]: Pod YAML in, typed model out, with diagnostics that point at lines.
//! - [`sim`]: the cluster the kubelet drives, on the virtual clock.
//! - [`kubectl`]: the console that answers kubectl commands as real kubectl prints.
//! - [`runtime`]: what runs inside containers (so far: the shell language).
//! - [`script`]: the podplay script format shared by `podplay run` and the browser console.
//! - [`lessons`]: exercises over the playground, one YAML data file each, with checks
//!   the simulation grades.
//! - [`layout`]: where each box and line of the pod diagram goes (pure geometry).
//! - [`marks`]: the editor text cut into runs: syntax colour and diagnostic squiggles.
//! - [`studio`]: the whole playground as one replayable value (editor text, typed
//!   commands, the cluster, the time controls), UI-free.
//! - [`engine`]: the studio as a service to the web page's first module: requests in,
//!   the changed parts of the view out (the page and the simulation are two wasm modules).
//! - [`scene`]: what the diagram shows at one instant, read from the cluster.
//! - [`outline`]: the pod the editor declares, read without the simulation, for the
//!   page's first diagram.
//! - [`narration`]: the one-line story of what happens now, in zh and en.
//! - [`i18n`]: the page's two languages and its every word.
//! - [`share`]: share links (YAML, commands, time) packed lz-string-compatibly.
//! - [`sort`]: the crate's one stable sort, compiled once (small wasm).
//! - `ui` (wasm32 only): the Yew app that renders the core's state.
//!
//! The core never imports yew, web-sys, gloo or js-sys, and never reads the wall clock.

pub mod clock;
pub mod engine;
pub mod examples;
pub mod i18n;
pub mod kubectl;
pub mod layout;
pub mod lessons;
pub mod marks;
pub mod narration;
pub mod outline;
pub mod runtime;
pub mod scene;
pub mod script;
pub mod share;
pub mod sim;
pub mod sort;
pub mod spec;
pub mod studio;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The Kubernetes version podplay simulates: kubectl's formats, the kubelet's
/// messages and `kubectl version` follow it.
pub const KUBERNETES_VERSION: &str = "v1.36.0";
