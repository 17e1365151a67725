//! The virtual clock as programs print it: the Unix time the cluster's clock
//! starts at and a strftime subset. A leaf: `date`, `ls -l`, `ps`, `top`,
//! the servers' logs, the container logs' CRI timestamps and kubectl's
//! timestamps all come down here; it knows no program.

/// The cluster's virtual clock starts at this Unix time (2026-01-01T00:00:00Z).
pub const EPOCH_SECONDS: i64 = 1_767_225_600;

/// Formats Unix `seconds` (UTC) with the strftime subset tutorials use.
pub fn format_time(seconds: i64, format: &str) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = (days + 4).rem_euclid(7);
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&year.to_string()),
            Some('m') => out.push_str(&format!("{month:02}")),
            Some('d') => out.push_str(&format!("{day:02}")),
            Some('e') => out.push_str(&format!("{day:>2}")),
            Some('H') => out.push_str(&format!("{:02}", secs / 3600)),
            Some('M') => out.push_str(&format!("{:02}", secs / 60 % 60)),
            Some('S') => out.push_str(&format!("{:02}", secs % 60)),
            Some('s') => out.push_str(&seconds.to_string()),
            Some('a') => out.push_str(DAYS[weekday as usize]),
            Some('b') => out.push_str(MONTHS[(month - 1) as usize]),
            Some('T') => out.push_str(&format!(
                "{:02}:{:02}:{:02}",
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            )),
            Some('F') => out.push_str(&format!("{year}-{month:02}-{day:02}")),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::format_time;

    #[test]
    fn the_virtual_clock_starts_on_new_year_2026() {
        assert_eq!(
            format_time(super::EPOCH_SECONDS, "%a %b %e %H:%M:%S UTC %Y"),
            "Thu Jan  1 00:00:00 UTC 2026"
        );
        assert_eq!(
            format_time(super::EPOCH_SECONDS + 86_400 * 59 + 3_725, "%F %T"),
            "2026-03-01 01:02:05"
        );
    }
}
