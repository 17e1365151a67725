//! Deterministic identifiers: uids, runtime ids and hashes derived from
//! what they name, never from a clock or a random source, so runs repeat.

/// FNV-1a over several byte strings (each followed by a zero byte).
pub fn fnv64(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain([&0u8]) {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// A 64-hex-digit id, as container runtimes give containers, sandboxes and
/// exec sessions.
pub fn hex_id(parts: &[&[u8]]) -> String {
    (0u8..4)
        .map(|round| {
            let mut salted = parts.to_vec();
            let salt = [round];
            salted.push(&salt);
            format!("{:016x}", fnv64(&salted))
        })
        .collect()
}

/// The runtime id of instance `attempt` of container `name` (or `POD`, the
/// sandbox) of the pod with `uid`.
pub fn runtime_id(uid: &str, name: &str, attempt: u32) -> String {
    hex_id(&[uid.as_bytes(), name.as_bytes(), &attempt.to_le_bytes()])
}

/// A UUID-shaped uid (version 4 layout) for the `sequence`-th object created
/// under `namespace`/`name`.
pub fn make_uid(namespace: &str, name: &str, sequence: u64) -> String {
    let high = fnv64(&[
        namespace.as_bytes(),
        name.as_bytes(),
        &sequence.to_le_bytes(),
    ]);
    let low = fnv64(&[
        &sequence.to_le_bytes(),
        name.as_bytes(),
        namespace.as_bytes(),
    ]);
    let hex = format!("{high:016x}{low:016x}");
    // Version 4, and the RFC 4122 variant (8, 9, a or b) in the fourth group.
    let variant = ["8", "9", "a", "b"][(low >> 60) as usize % 4];
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_uuid_shaped_and_differ_per_pod() {
        let first = make_uid("default", "a", 1);
        let second = make_uid("default", "b", 2);
        assert_eq!(first.len(), 36);
        assert_eq!(&first[14..15], "4");
        assert!("89ab".contains(&first[19..20]));
        assert_ne!(first, second);
    }

    #[test]
    fn runtime_ids_have_64_hex_digits() {
        let id = hex_id(&[b"uid", b"c"]);
        assert_eq!(id.len(), 64);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(id, hex_id(&[b"uid", b"d"]));
    }
}
