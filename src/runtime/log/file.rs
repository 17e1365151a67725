//! A log file's bytes, held as the node's disk holds them but in memory:
//! chunks of at most [`CHUNK`] bytes, each holding whole lines, so the heap
//! a file takes stays near its length however the file grew (a growing
//! `Vec` could hold twice its length): a full chunk wastes less than one
//! line, the last one less than half its size, and a small file holds little
//! (the first chunk grows as a `Vec` does, up to a chunk).

/// The most one chunk holds. A record is at most a header and
/// [`super::cri::MAX_LINE`] bytes of text, so it always fits in one.
pub const CHUNK: usize = 64 * 1024;

/// The first capacity a chunk is given.
const FIRST_CAPACITY: usize = 64;

/// The bytes of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    /// The chunks, oldest first; each but the last is as full as the lines
    /// allowed, none grows past its capacity.
    chunks: Vec<Vec<u8>>,
    /// The file's length in bytes.
    len: usize,
}

impl File {
    /// The file's length in bytes (what `stat` says of it on a node).
    pub fn len(&self) -> usize {
        self.len
    }

    /// The heap the file holds, in bytes: its chunks' capacities and the
    /// list of them.
    pub fn heap_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::capacity).sum::<usize>()
            + self.chunks.capacity() * std::mem::size_of::<Vec<u8>>()
    }

    /// Room for `needed` more bytes in the last chunk, starting a new chunk
    /// when they would take it past [`CHUNK`] (a line never spans two
    /// chunks); the chunk to write them to.
    pub fn room(&mut self, needed: usize) -> &mut Vec<u8> {
        let fits = self
            .chunks
            .last()
            .is_some_and(|chunk| chunk.len() + needed <= CHUNK.max(chunk.capacity()));
        if !fits {
            self.chunks.push(Vec::new());
        }
        self.len += needed;
        let chunk = self.chunks.last_mut().expect("a chunk was just made");
        let wanted = chunk.len() + needed;
        if wanted > chunk.capacity() {
            // Doubling, as a Vec grows, but never past a chunk (a line longer
            // than a chunk gets a chunk of its own length).
            let capacity = (chunk.capacity() * 2)
                .clamp(FIRST_CAPACITY, CHUNK)
                .max(wanted);
            chunk.reserve_exact(capacity - chunk.len());
        }
        chunk
    }

    /// The file's bytes from byte `offset` on, chunk by chunk.
    pub fn bytes_from(&self, offset: usize) -> impl Iterator<Item = &[u8]> {
        let mut start = 0;
        self.chunks.iter().filter_map(move |chunk| {
            let chunk_start = start;
            start += chunk.len();
            let skip = offset.saturating_sub(chunk_start);
            chunk.get(skip..).filter(|rest| !rest.is_empty())
        })
    }

    /// The file's lines from byte `offset` on (an offset a line starts at),
    /// each without its newline. Every line of a log file ends with one, and
    /// a chunk holds whole lines.
    pub fn lines_from(&self, offset: usize) -> impl Iterator<Item = &[u8]> {
        self.bytes_from(offset).flat_map(|bytes| {
            bytes
                .strip_suffix(b"\n")
                .unwrap_or(bytes)
                .split(|&b| b == b'\n')
        })
    }

    /// The byte offset the last `count` lines start at (the kubelet's
    /// `tail.FindTailLineStartIndex`: lines are counted by their newlines).
    pub fn tail_offset(&self, count: usize) -> usize {
        if count == 0 {
            return self.len;
        }
        let mut offset = self.len;
        let mut seen = 0;
        for chunk in self.chunks.iter().rev() {
            let chunk_start = offset - chunk.len();
            // The newline that ends the line before the ones kept.
            for (index, _) in chunk.iter().enumerate().rev().filter(|(_, &b)| b == b'\n') {
                if chunk_start + index + 1 == self.len {
                    continue;
                }
                seen += 1;
                if seen == count {
                    return chunk_start + index + 1;
                }
            }
            offset = chunk_start;
        }
        0
    }
}
