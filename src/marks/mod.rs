//! How to draw the editor's text: cut into runs, each with its YAML token
//! kind (for syntax colours) and the diagnostic that marks it, if any (for
//! squiggles). The UI draws these runs in a layer behind the textarea, so
//! the colours and squiggles sit exactly under the text. A [`Problem`] is a
//! diagnostic as the editor shows and lists it (kubectl's words and the
//! learner's explanation); the marks know nothing of the engine or the page.
mod problem;
mod runs;
mod tokens;
mod window;

pub use problem::Problem;
pub use runs::{mark_runs, Run};
pub use tokens::TokenKind;
pub use window::{window_runs, window_start, LineIndex, WINDOW_LINES};

#[cfg(test)]
mod tests;
