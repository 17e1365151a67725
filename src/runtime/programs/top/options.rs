//! The three programs' options (busybox accepts them without a dash).

/// Which of the three programs runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// `top`.
    Top,
    /// `free`.
    Free,
    /// `uptime`.
    Uptime,
}

/// The options the three programs take (busybox accepts them without a dash).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `-b`: batch mode.
    pub batch: bool,
    /// `-n N`: screens before exiting (forever without it).
    pub iterations: Option<u32>,
    /// `-d SECS`: the delay between screens.
    pub delay_millis: Option<u64>,
    /// `free`'s unit: `b`, `k` (the default), `m`, `g` or `h` (human).
    pub unit: Option<char>,
    /// An argument that is not a number where one is wanted.
    pub bad_number: Option<(char, String)>,
}

impl Options {
    /// Reads the arguments.
    pub fn parse(arguments: &[String]) -> Options {
        let mut options = Options::default();
        let mut rest = arguments.iter();
        while let Some(argument) = rest.next() {
            let cluster = argument.trim_start_matches('-');
            for (index, flag) in cluster.char_indices() {
                match flag {
                    'b' if options.unit.is_none() => options.batch = true,
                    'n' | 'd' => {
                        let attached = &cluster[index + 1..];
                        let value = if attached.is_empty() {
                            rest.next().cloned().unwrap_or_default()
                        } else {
                            attached.to_string()
                        };
                        if flag == 'n' {
                            match value.parse() {
                                Ok(count) => options.iterations = Some(count),
                                Err(_) => options.bad_number = Some(('n', value)),
                            }
                        } else {
                            match value.parse::<f64>() {
                                Ok(seconds) if seconds >= 0.0 => {
                                    options.delay_millis = Some((seconds * 1000.0) as u64)
                                }
                                _ => options.bad_number = Some(('d', value)),
                            }
                        }
                        break;
                    }
                    'k' | 'm' | 'g' | 'h' => options.unit = Some(flag),
                    _ => {}
                }
            }
        }
        options
    }
}
