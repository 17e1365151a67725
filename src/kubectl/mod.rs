//! The console: what the learner types (kubectl and a few shell commands) and
//! what real kubectl would print back.
//!
//! [`Console`] is shared by `podplay run` and the browser terminal. It owns the
//! simulated cluster and a virtual working directory of files.

mod annotate;
mod api_resources;
mod apply;
mod args;
mod complete;
mod console;
mod context;
mod delete;
mod describe;
mod duration;
mod effect;
mod errors;
mod exec;
mod explain;
mod files;
mod get;
mod info;
mod json;
mod jsonpath;
mod label;
mod log_stream;
mod logs;
mod node;
mod object;
mod output;
mod printers;
mod resources;
mod run;
mod schema;
mod session;
mod sink;
mod tabwriter;
mod target;
mod top;
mod watch;
mod words;

pub use complete::{complete, Completion};
pub use console::{Console, NODE_PROMPT};
pub use duration::human_duration;
pub use errors::ConsoleError;
pub use files::ReadOnlyFiles;
pub use printers::{pod_row, PodRow};
pub use session::{PromptStyle, RedisSession, Session};
pub use sink::{Output, Stream};
pub use tabwriter::TabWriter;
pub use words::{split_words, Token, WordsError};
