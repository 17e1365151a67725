//! `read NAME…`: one line of standard input split over variables.

use crate::runtime::io::Io;
use crate::runtime::pipes::{Endpoint, ReadResult};
use crate::runtime::process::Process;

/// The longest line `read` reads before it gives up.
const MAX_LINE: usize = 1024 * 1024;

impl Process {
    /// `read NAME…`: one line from standard input, split over the names.
    pub(super) fn read_line(&mut self, names: &[String], io: &mut Io) -> Option<i32> {
        let stdin = self.os.descriptors.get(0).unwrap_or(Endpoint::Null);
        let mut line = Vec::new();
        loop {
            match io.read(&stdin, 1) {
                ReadResult::Data(byte) if byte == b"\n" => break,
                // A line that never ends (`read x < /dev/zero`) hangs the
                // real shell; podplay gives up after a bound, as at the end
                // of input, rather than freeze.
                ReadResult::Data(_) if line.len() >= MAX_LINE => return Some(1),
                ReadResult::Data(byte) => line.extend(byte),
                ReadResult::End | ReadResult::WouldBlock(_) => {
                    if line.is_empty() {
                        return Some(1);
                    }
                    break;
                }
            }
        }
        let text = String::from_utf8_lossy(&line).into_owned();
        let mut fields = text.split_whitespace();
        let names: Vec<&String> = if names.is_empty() {
            Vec::new()
        } else {
            names.iter().collect()
        };
        for (index, name) in names.iter().enumerate() {
            let value = if index + 1 == names.len() {
                fields.clone().collect::<Vec<_>>().join(" ")
            } else {
                fields.next().unwrap_or("").to_string()
            };
            self.vm.variables.insert((*name).clone(), value);
        }
        Some(0)
    }
}
