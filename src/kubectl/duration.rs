//! Human-readable durations exactly as apimachinery's `duration.HumanDuration`
//! prints them (AGE columns, describe's event ages).

/// Formats a duration given in milliseconds the way `kubectl get` shows AGE.
pub fn human_duration(millis: i64) -> String {
    // Go truncates toward zero, as Rust's integer division does.
    let seconds = millis / 1000;
    if seconds < -1 {
        return "<invalid>".to_string();
    }
    if seconds < 0 {
        return "0s".to_string();
    }
    let minutes = seconds / 60;
    let hours = seconds / 3600;
    let days = hours / 24;
    let years = days / 365;
    if seconds < 120 {
        return format!("{seconds}s");
    }
    if minutes < 10 {
        let rest = seconds % 60;
        return if rest == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{rest}s")
        };
    }
    if hours < 3 {
        return format!("{minutes}m");
    }
    if hours < 8 {
        let rest = minutes % 60;
        return if rest == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{rest}m")
        };
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let rest = hours % 24;
        return if rest == 0 {
            format!("{days}d")
        } else {
            format!("{days}d{rest}h")
        };
    }
    if hours < 24 * 365 * 2 {
        return format!("{days}d");
    }
    if hours < 24 * 365 * 8 {
        let rest = days % 365;
        return if rest == 0 {
            format!("{years}y")
        } else {
            format!("{years}y{rest}d")
        };
    }
    format!("{years}y")
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    #[test]
    fn durations_read_as_kubectl_prints_them() {
        let second = 1000;
        let cases = [
            (-2 * second, "<invalid>"),
            (-1999, "0s"),
            (-500, "0s"),
            (0, "0s"),
            (11 * second, "11s"),
            (119 * second, "119s"),
            (213 * second, "3m33s"),
            (360 * second, "6m"),
            (45 * 60 * second, "45m"),
            (179 * 60 * second, "179m"),
            ((5 * 3600 + 7 * 60) * second, "5h7m"),
            (5 * 3600 * second, "5h"),
            (47 * 3600 * second, "47h"),
            ((2 * 24 + 3) * 3600 * second, "2d3h"),
            (9 * 24 * 3600 * second, "9d"),
            ((3 * 365 + 4) * 24 * 3600 * second, "3y4d"),
            (9 * 365 * 24 * 3600 * second, "9y"),
        ];
        for (millis, expected) in cases {
            assert_eq!(human_duration(millis), expected, "{millis} ms");
        }
    }
}
