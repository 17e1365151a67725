//! YAML text → documents of marked nodes, one pass over saphyr-parser's events.
//!
//! Every node keeps its span, so any field path can be placed in the editor.
//! Plain scalars are resolved the way kubectl's YAML reader (go-yaml v2,
//! YAML 1.1) resolves them: `yes`/`on` are booleans, `0777` is octal, `~` is
//! null. Like kubectl, a key given twice keeps its last value (each duplicate
//! is recorded). Aliases are expanded under a budget and nesting is capped, so
//! hostile input ends in a [`YamlError`], never in a hang.

mod de;
mod load;
mod node;

pub use de::{decode, Decoded};
pub use load::load_documents;
pub use node::{Node, NodeValue};
