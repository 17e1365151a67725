//! lz-string's URI-safe compression (`compressToEncodedURIComponent` and
//! its inverse), bit for bit as lz-string 1.5.0 does it, the unpacking
//! bounded by the API server's request limit. Knows nothing of what a link
//! holds.

use super::error::ShareError;
use crate::spec::MAX_MANIFEST_BYTES;

/// The alphabet of lz-string's `compressToEncodedURIComponent`.
const URI_ALPHABET: &[u8; 65] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

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
