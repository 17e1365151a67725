//! Share links: the editor's YAML, the commands typed (with their virtual
//! times) and the current virtual time, packed into a URL fragment
//! (`#share=…`) with lz-string's URI-safe compression, so a link for a seed
//! pod stays well under 2,000 characters and any lz-string library can read
//! it. Opening a link checks everything (size, format, times) before anything
//! is used: a corrupt or hostile link is refused with a reason.

use crate::clock::SimTime;
use crate::examples::files_of;
use crate::spec::MAX_MANIFEST_BYTES;
use crate::studio::Studio;
use std::fmt;

/// The fragment's key: `#share=…`.
pub const FRAGMENT_KEY: &str = "share=";

/// The first line of a packed state, naming the format's version.
const HEADER: &str = "podplay-share 1";

/// At most this many commands in a link.
const MAX_COMMANDS: usize = 200;

/// The longest link read, in characters (browsers keep far less).
const MAX_LINK_CHARS: usize = 1 << 20;

/// The longest virtual time a link may ask for (a day).
const MAX_MILLIS: u64 = 86_400_000;

/// The alphabet of lz-string's `compressToEncodedURIComponent`.
const URI_ALPHABET: &[u8; 65] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

/// What a share link holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The example the YAML started from.
    pub example: String,
    /// The virtual time, in milliseconds.
    pub millis: u64,
    /// The commands typed: (virtual time in milliseconds, line, here-document).
    pub commands: Vec<(u64, String, Option<String>)>,
    /// The editor's text.
    pub yaml: String,
}

/// Why a link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The text is not lz-string's URI-safe output.
    NotCompressed,
    /// It unpacks to more than the API server would take.
    TooLarge,
    /// It unpacks, but not to this format (a field is missing or malformed).
    BadFormat(&'static str),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotCompressed => write!(f, "the link is damaged (it does not unpack)"),
            ShareError::TooLarge => write!(f, "the link holds more than 3 MiB"),
            ShareError::BadFormat(what) => write!(f, "the link is not a podplay link ({what})"),
        }
    }
}

impl Shared {
    /// What a link to `studio` (started from example `example`) holds.
    pub fn of(studio: &Studio, example: &str) -> Shared {
        Shared {
            example: example.to_string(),
            millis: studio.now().as_millis(),
            commands: studio
                .commands()
                .iter()
                .map(|c| (c.at.as_millis(), c.line.clone(), c.stdin.clone()))
                .collect(),
            yaml: studio.yaml.clone(),
        }
    }

    /// The playground the link holds: its YAML (with its example's files),
    /// each command typed at its time, at its time.
    pub fn open(&self) -> Studio {
        let mut studio = Studio::new(self.yaml.clone(), files_of(&self.example));
        for (at, line, stdin) in &self.commands {
            studio.seek(SimTime::from_millis(*at));
            studio.type_command(line.clone(), stdin.clone());
        }
        studio.seek(SimTime::from_millis(self.millis));
        studio
    }

    /// The text after `#share=`.
    pub fn to_fragment(&self) -> String {
        let mut text = format!("{HEADER}\nexample {}\nt {}\n", self.example, self.millis);
        for (at, line, stdin) in &self.commands {
            text.push_str(&format!("cmd {at} {}\n", escape(line)));
            if let Some(stdin) = stdin {
                text.push_str(&format!("stdin {}\n", escape(stdin)));
            }
        }
        text.push_str("yaml\n");
        text.push_str(&self.yaml);
        compress_uri(&text)
    }

    /// Reads the text after `#share=`, checking everything.
    pub fn from_fragment(fragment: &str) -> Result<Shared, ShareError> {
        if fragment.len() > MAX_LINK_CHARS {
            return Err(ShareError::TooLarge);
        }
        let text = decompress_uri(fragment)?;
        let (head, yaml) = text
            .split_once("\nyaml\n")
            .ok_or(ShareError::BadFormat("no yaml"))?;
        let mut lines = head.lines();
        if lines.next() != Some(HEADER) {
            return Err(ShareError::BadFormat("unknown version"));
        }
        let mut shared = Shared {
            example: String::new(),
            millis: 0,
            commands: Vec::new(),
            yaml: yaml.to_string(),
        };
        for line in lines {
            let (key, value) = line.split_once(' ').unwrap_or((line, ""));
            match key {
                "example" => shared.example = value.to_string(),
                "t" => shared.millis = parse_millis(value)?,
                "cmd" => {
                    if shared.commands.len() == MAX_COMMANDS {
                        return Err(ShareError::BadFormat("too many commands"));
                    }
                    let (at, command) = value.split_once(' ').unwrap_or((value, ""));
                    let at = parse_millis(at)?;
                    if shared
                        .commands
                        .last()
                        .is_some_and(|(last, _, _)| *last > at)
                    {
                        return Err(ShareError::BadFormat("commands out of order"));
                    }
                    shared.commands.push((at, unescape(command)?, None));
                }
                "stdin" => {
                    let Some(last) = shared.commands.last_mut() else {
                        return Err(ShareError::BadFormat("stdin before a command"));
                    };
                    last.2 = Some(unescape(value)?);
                }
                _ => return Err(ShareError::BadFormat("unknown field")),
            }
        }
        Ok(shared)
    }
}

fn parse_millis(text: &str) -> Result<u64, ShareError> {
    text.parse::<u64>()
        .ok()
        .filter(|millis| *millis <= MAX_MILLIS)
        .ok_or(ShareError::BadFormat("a bad time"))
}

/// Backslash, newline and carriage return escaped, so a value stays on its line.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> Result<String, ShareError> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            _ => return Err(ShareError::BadFormat("a bad escape")),
        }
    }
    Ok(out)
}

/// lz-string's `compressToEncodedURIComponent`.
pub fn compress_uri(text: &str) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let bits = compress(&units, 6);
    bits.into_iter()
        .map(|v| URI_ALPHABET[v as usize] as char)
        .collect()
}

/// lz-string's `decompressFromEncodedURIComponent`, bounded: the output may
/// not exceed the API server's request limit.
pub fn decompress_uri(text: &str) -> Result<String, ShareError> {
    let mut values = Vec::with_capacity(text.len());
    for c in text.chars() {
        let c = if c == ' ' { '+' } else { c };
        let value = URI_ALPHABET
            .iter()
            .position(|a| *a as char == c)
            .ok_or(ShareError::NotCompressed)?;
        values.push(value as u16);
    }
    let units = decompress(&values, 6)?;
    String::from_utf16(&units).map_err(|_| ShareError::NotCompressed)
}

/// Writes `bits` bits of `value`, lowest first, into 6-bit output characters.
struct BitWriter {
    out: Vec<u16>,
    value: u16,
    position: u32,
    bits_per_char: u32,
}

impl BitWriter {
    fn write(&mut self, mut value: u32, bits: u32) {
        for _ in 0..bits {
            self.value = (self.value << 1) | (value & 1) as u16;
            value >>= 1;
            self.position += 1;
            if self.position == self.bits_per_char {
                self.out.push(self.value);
                self.value = 0;
                self.position = 0;
            }
        }
    }

    fn finish(mut self) -> Vec<u16> {
        loop {
            self.value <<= 1;
            self.position += 1;
            if self.position == self.bits_per_char {
                self.out.push(self.value);
                return self.out;
            }
        }
    }
}

/// The output side of lz-string's compressor: the bits written, the units
/// not yet written raw, and how wide a code is now.
struct Emitter {
    writer: BitWriter,
    to_create: std::collections::BTreeSet<u16>,
    enlarge_in: u32,
    num_bits: u32,
}

impl Emitter {
    /// Counts one dictionary entry; codes widen by a bit when due.
    fn count_entry(&mut self) {
        self.enlarge_in -= 1;
        if self.enlarge_in == 0 {
            self.enlarge_in = 1 << self.num_bits;
            self.num_bits += 1;
        }
    }

    /// Writes a phrase: its unit raw the first time a one-unit phrase is
    /// written, else its code.
    fn emit(&mut self, (code, single): (u32, Option<u16>)) {
        match single.filter(|unit| self.to_create.remove(unit)) {
            Some(unit) => {
                let wide = unit >= 256;
                self.writer.write(u32::from(wide), self.num_bits);
                self.writer
                    .write(u32::from(unit), if wide { 16 } else { 8 });
                self.count_entry();
            }
            None => self.writer.write(code, self.num_bits),
        }
        self.count_entry();
    }
}

/// lz-string's `_compress`, with the dictionary keyed by (prefix code,
/// next unit) instead of by whole strings, which gives the same codes.
fn compress(input: &[u16], bits_per_char: u32) -> Vec<u16> {
    use std::collections::BTreeMap;
    let mut single_codes: BTreeMap<u16, u32> = BTreeMap::new();
    let mut pair_codes: BTreeMap<(u32, u16), u32> = BTreeMap::new();
    let mut emitter = Emitter {
        writer: BitWriter {
            out: Vec::new(),
            value: 0,
            position: 0,
            bits_per_char,
        },
        to_create: Default::default(),
        enlarge_in: 2,
        num_bits: 2,
    };
    let mut dict_size: u32 = 3;
    // The current phrase: its code, and its unit when it is one unit long.
    let mut w: Option<(u32, Option<u16>)> = None;
    for &unit in input {
        let unit_code = match single_codes.get(&unit) {
            Some(&code) => code,
            None => {
                emitter.to_create.insert(unit);
                single_codes.insert(unit, dict_size);
                dict_size += 1;
                dict_size - 1
            }
        };
        w = Some(match w {
            None => (unit_code, Some(unit)),
            Some((code, single)) => match pair_codes.get(&(code, unit)) {
                Some(&longer) => (longer, None),
                None => {
                    emitter.emit((code, single));
                    pair_codes.insert((code, unit), dict_size);
                    dict_size += 1;
                    (unit_code, Some(unit))
                }
            },
        });
    }
    if let Some(phrase) = w {
        emitter.emit(phrase);
    }
    emitter.writer.write(2, emitter.num_bits);
    emitter.writer.finish()
}

/// Reads bits from 6-bit input characters, highest first within each.
struct BitReader<'a> {
    input: &'a [u16],
    index: usize,
    value: u16,
    position: u16,
    reset: u16,
}

impl BitReader<'_> {
    fn read(&mut self, bits: u32) -> Result<u32, ShareError> {
        let mut result = 0u32;
        for power in 0..bits {
            if self.position == 0 {
                let next = *self
                    .input
                    .get(self.index)
                    .ok_or(ShareError::NotCompressed)?;
                self.index += 1;
                self.value = next;
                self.position = self.reset;
            }
            if self.value & self.position != 0 {
                result |= 1 << power;
            }
            self.position >>= 1;
        }
        Ok(result)
    }
}

/// lz-string's `_decompress`, bounded by [`MAX_MANIFEST_BYTES`].
fn decompress(input: &[u16], bits_per_char: u32) -> Result<Vec<u16>, ShareError> {
    let limit = MAX_MANIFEST_BYTES + 64 * 1024;
    let mut reader = BitReader {
        input,
        index: 0,
        value: 0,
        position: 0,
        reset: 1 << (bits_per_char - 1),
    };
    let mut dictionary: Vec<Vec<u16>> = vec![Vec::new(), Vec::new(), Vec::new()];
    let mut enlarge_in: u32 = 4;
    let mut num_bits: u32 = 3;
    let first = match reader.read(2)? {
        0 => vec![reader.read(8)? as u16],
        1 => vec![reader.read(16)? as u16],
        2 => return Ok(Vec::new()),
        _ => return Err(ShareError::NotCompressed),
    };
    dictionary.push(first.clone());
    let mut w = first.clone();
    let mut result = first;
    loop {
        if result.len() > limit {
            return Err(ShareError::TooLarge);
        }
        let mut code = reader.read(num_bits)? as usize;
        match code {
            0 | 1 => {
                let bits = if code == 0 { 8 } else { 16 };
                dictionary.push(vec![reader.read(bits)? as u16]);
                code = dictionary.len() - 1;
                enlarge_in -= 1;
            }
            2 => return Ok(result),
            _ => {}
        }
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
            if num_bits > 24 {
                return Err(ShareError::NotCompressed);
            }
        }
        let entry = if code < dictionary.len() {
            dictionary[code].clone()
        } else if code == dictionary.len() {
            let mut entry = w.clone();
            entry.push(*w.first().ok_or(ShareError::NotCompressed)?);
            entry
        } else {
            return Err(ShareError::NotCompressed);
        };
        if entry.len() > limit {
            return Err(ShareError::TooLarge);
        }
        result.extend_from_slice(&entry);
        let mut added = w.clone();
        added.push(entry[0]);
        dictionary.push(added);
        enlarge_in -= 1;
        w = entry;
        if enlarge_in == 0 {
            enlarge_in = 1 << num_bits;
            num_bits += 1;
            if num_bits > 24 {
                return Err(ShareError::NotCompressed);
            }
        }
    }
}

#[cfg(test)]
mod tests;
