//! Resource quantities (`100m`, `1.5Gi`, `2e3`) read exactly, in nanounits
//! with the format they were written in, and printed back in Kubernetes'
//! canonical form (`Quantity.String()`). The one place quantities are
//! parsed and formatted; it knows no object model (the `Quantity` type's
//! methods call it).

/// Nanounits in one unit.
pub const NANOS: i128 = 1_000_000_000;

/// How a quantity was written, which decides how it is printed back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityFormat {
    /// `Ki`, `Mi`, … suffixes.
    BinarySi,
    /// `m`, `k`, `M`, … or no suffix.
    DecimalSi,
    /// `e3`, `E6`.
    DecimalExponent,
}

/// A parsed quantity: its value in nanounits and its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedQuantity {
    /// The value in nanounits (10⁻⁹ of the base unit).
    pub nanos: i128,
    /// How it was written.
    pub format: QuantityFormat,
}

/// Reads a quantity exactly (in nanounits, rounded up as the API server rounds).
pub fn parse_quantity(text: &str) -> Option<ParsedQuantity> {
    let text = text.trim();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.len() > 30 || whole.len() > 20 {
        return None;
    }
    // The digits of both parts as one integer, read in place: the eviction
    // manager reads a limit on every pass, and a formatted copy cost 16 % of
    // a day of emptydir-redis (counted with scripts/bench-instructions.sh).
    let mut digits: i128 = 0;
    for byte in whole.bytes().chain(fraction.bytes()) {
        if !byte.is_ascii_digit() {
            return None;
        }
        digits = digits
            .checked_mul(10)?
            .checked_add(i128::from(byte - b'0'))?;
    }
    let scale = fraction.len() as i32;
    let (format, base, exponent): (QuantityFormat, i128, i32) = match suffix {
        "Ki" => (QuantityFormat::BinarySi, 1 << 10, 0),
        "Mi" => (QuantityFormat::BinarySi, 1 << 20, 0),
        "Gi" => (QuantityFormat::BinarySi, 1 << 30, 0),
        "Ti" => (QuantityFormat::BinarySi, 1 << 40, 0),
        "Pi" => (QuantityFormat::BinarySi, 1 << 50, 0),
        "Ei" => (QuantityFormat::BinarySi, 1 << 60, 0),
        "n" => (QuantityFormat::DecimalSi, 1, -9),
        "u" => (QuantityFormat::DecimalSi, 1, -6),
        "m" => (QuantityFormat::DecimalSi, 1, -3),
        "" => (QuantityFormat::DecimalSi, 1, 0),
        "k" => (QuantityFormat::DecimalSi, 1, 3),
        "M" => (QuantityFormat::DecimalSi, 1, 6),
        "G" => (QuantityFormat::DecimalSi, 1, 9),
        "T" => (QuantityFormat::DecimalSi, 1, 12),
        "P" => (QuantityFormat::DecimalSi, 1, 15),
        "E" => (QuantityFormat::DecimalSi, 1, 18),
        other => {
            let exponent: i32 = other.strip_prefix(['e', 'E'])?.parse().ok()?;
            if !(-30..=30).contains(&exponent) {
                return None;
            }
            (QuantityFormat::DecimalExponent, 1, exponent)
        }
    };
    // value = digits × base × 10^(exponent − scale), in nanounits.
    let power = exponent - scale + 9;
    let scaled = digits.checked_mul(base)?;
    let nanos = if power >= 0 {
        scaled.checked_mul(10i128.checked_pow(power as u32)?)?
    } else {
        let divisor = 10i128.checked_pow((-power) as u32)?;
        (scaled + divisor - 1) / divisor
    };
    Some(ParsedQuantity {
        nanos: if negative { -nanos } else { nanos },
        format,
    })
}

/// `Quantity.String()`: the canonical form (`1.5Gi` → `1536Mi`, `0.5` → `500m`);
/// text that is no quantity is kept as written.
pub fn canonical_quantity(text: &str) -> String {
    match parse_quantity(text) {
        Some(parsed) => format_quantity(parsed),
        None => text.to_string(),
    }
}

/// `Quantity.String()` of a parsed (or summed) quantity.
pub fn format_quantity(parsed: ParsedQuantity) -> String {
    if parsed.nanos == 0 {
        return "0".to_string();
    }
    let magnitude = parsed.nanos.abs();
    let sign = if parsed.nanos < 0 { "-" } else { "" };
    if parsed.format == QuantityFormat::BinarySi
        && magnitude >= 1024 * NANOS
        && magnitude % NANOS == 0
    {
        let mut value = magnitude / NANOS;
        let mut power = 0;
        while value % 1024 == 0 && power < 6 {
            value /= 1024;
            power += 1;
        }
        let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power];
        return format!("{sign}{value}{suffix}");
    }
    // Decimal: the largest exponent (a multiple of 3) that keeps the mantissa whole.
    let mut mantissa = magnitude;
    let mut exponent = -9;
    while mantissa % 1000 == 0 && exponent < 18 {
        mantissa /= 1000;
        exponent += 3;
    }
    let suffix = match parsed.format {
        QuantityFormat::DecimalExponent => match exponent {
            0 => String::new(),
            e => format!("e{e}"),
        },
        _ => match exponent {
            -9 => "n",
            -6 => "u",
            -3 => "m",
            0 => "",
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            15 => "P",
            _ => "E",
        }
        .to_string(),
    };
    format!("{sign}{mantissa}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::canonical_quantity;

    #[test]
    fn quantities_print_in_their_canonical_form() {
        assert_eq!(canonical_quantity("1.5Gi"), "1536Mi");
        assert_eq!(canonical_quantity("1024Mi"), "1Gi");
        assert_eq!(canonical_quantity("0.5"), "500m");
        assert_eq!(canonical_quantity("1000m"), "1");
        assert_eq!(canonical_quantity("100m"), "100m");
        assert_eq!(canonical_quantity("128974848"), "128974848");
        assert_eq!(canonical_quantity("129e6"), "129e6");
        assert_eq!(canonical_quantity("500Mi"), "500Mi");
        assert_eq!(canonical_quantity("512"), "512");
        assert_eq!(canonical_quantity("0.5Ki"), "512");
    }
}
