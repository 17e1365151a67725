//! `printf FORMAT [ARGUMENT…]`: `%s`, `%d`, `%i` with widths, the format reused while arguments remain.

use super::echo::unescape;
use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `printf FORMAT [ARGUMENT…]`.
pub fn printf(args: &[String], sys: &mut Sys) -> i32 {
    let Some((format, values)) = args.split_first() else {
        error(sys, "printf: usage: printf FORMAT [ARGUMENT...]".into());
        return 1;
    };
    let format = unescape(format);
    let mut values = values.iter();
    loop {
        let mut consumed = false;
        let mut chars = format.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                sys.out.extend(ch.to_string().bytes());
                continue;
            }
            let mut spec = String::new();
            while let Some(c) = chars
                .peek()
                .copied()
                .filter(|c| c.is_ascii_digit() || *c == '-' || *c == '.')
            {
                spec.push(c);
                chars.next();
            }
            match chars.next() {
                Some('%') => sys.out.push(b'%'),
                Some(conversion @ ('s' | 'd' | 'i')) => {
                    consumed = true;
                    let value = values.next().cloned().unwrap_or_default();
                    let value = if conversion == 's' {
                        value
                    } else {
                        value.trim().parse::<i64>().unwrap_or(0).to_string()
                    };
                    let width: usize = spec
                        .trim_start_matches('-')
                        .split('.')
                        .next()
                        .and_then(|w| w.parse().ok())
                        .unwrap_or(0);
                    let padded = if spec.starts_with('-') {
                        format!("{value:<width$}")
                    } else {
                        format!("{value:>width$}")
                    };
                    sys.out.extend(padded.bytes());
                }
                Some(other) => sys.out.extend(format!("%{spec}{other}").bytes()),
                None => sys.out.push(b'%'),
            }
        }
        if !consumed || values.len() == 0 {
            break;
        }
    }
    0
}
