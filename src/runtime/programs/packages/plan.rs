//! What a package manager run prints and installs, worked out before it
//! starts: timed chunks of output, the files to write, the exit code.

/// A run's output and effects, in order.
#[derive(Debug, Default)]
pub struct Plan {
    /// Chunks to print: (delay before it in ms, text, to stderr).
    pub chunks: Vec<(u64, String, bool)>,
    /// Files to write when done.
    pub files: Vec<String>,
    /// The exit code.
    pub code: i32,
}

impl Plan {
    /// Prints `text` on standard output `delay` ms after the chunk before.
    pub fn say(&mut self, delay: u64, text: &str) {
        self.chunks.push((delay, text.to_string(), false));
    }

    /// Prints `text` on standard error at once and exits with `code`.
    pub fn fail(&mut self, code: i32, text: &str) {
        self.chunks.push((0, text.to_string(), true));
        self.code = code;
    }
}
