//! RESP, the protocol between redis-cli and the server: a command as an
//! array of bulk strings.

/// Encodes a command as RESP (an array of bulk strings).
pub fn encode_command(words: &[String]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", words.len()).into_bytes();
    for word in words {
        out.extend(format!("${}\r\n{word}\r\n", word.len()).bytes());
    }
    out
}

/// Decodes one RESP array of bulk strings from the front of `buffer`;
/// returns the words and how many bytes they took.
pub fn decode_command(buffer: &[u8]) -> Option<(Vec<String>, usize)> {
    let text = std::str::from_utf8(buffer).ok()?;
    let mut lines = text.split_inclusive("\r\n");
    let header = lines.next()?;
    let count: usize = header.strip_prefix('*')?.trim_end().parse().ok()?;
    let mut used = header.len();
    let mut words = Vec::new();
    for _ in 0..count {
        let length_line = lines.next()?;
        used += length_line.len();
        let length: usize = length_line.strip_prefix('$')?.trim_end().parse().ok()?;
        let value = lines.next()?;
        if value.len() < length + 2 {
            return None;
        }
        used += value.len();
        words.push(value[..length].to_string());
    }
    Some((words, used))
}
