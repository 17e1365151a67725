//! The kubelet's prober: what a probe checks and how its verdicts add up
//! (`pkg/kubelet/prober/worker.go`, `prober.go`), as plain data and pure
//! functions; the kubelet runs the checks against the runtime.

use super::actions::ProbeResult;
use crate::spec::{Container, IntOrString, Probe};

/// Which probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProbeKind {
    Startup,
    Liveness,
    Readiness,
}

impl ProbeKind {
    /// The word the `Unhealthy` event starts with.
    pub fn word(self) -> &'static str {
        match self {
            ProbeKind::Startup => "Startup",
            ProbeKind::Liveness => "Liveness",
            ProbeKind::Readiness => "Readiness",
        }
    }

    /// The container's probe of this kind.
    pub fn of(self, container: &Container) -> Option<&Probe> {
        match self {
            ProbeKind::Startup => container.startup_probe.as_ref(),
            ProbeKind::Liveness => container.liveness_probe.as_ref(),
            ProbeKind::Readiness => container.readiness_probe.as_ref(),
        }
    }
}

/// What one probe checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// Run a command in the container; exit 0 passes.
    Exec(Vec<String>),
    /// GET a path; a status from 200 to 399 passes.
    Http { port: u16, path: String },
    /// Open a TCP connection.
    Tcp { port: u16 },
}

/// A probe's timing and thresholds, defaulted as the API server does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Milliseconds after the container starts before the first check.
    pub initial_delay: u64,
    /// Milliseconds between checks.
    pub period: u64,
    /// Milliseconds a check may take.
    pub timeout: u64,
    /// Passes in a row that make it pass.
    pub success_threshold: u32,
    /// Failures in a row that make it fail.
    pub failure_threshold: u32,
}

/// The check and timing of `probe` on `container`; `None` when it names a
/// port the container does not declare.
pub fn plan(container: &Container, probe: &Probe) -> Option<(Check, Timing)> {
    let port = |value: &IntOrString| -> Option<u16> {
        match value {
            IntOrString::Int(number) => u16::try_from(*number).ok(),
            IntOrString::String(name) => container
                .ports
                .iter()
                .find(|p| p.name.as_deref() == Some(name.as_str()))
                .and_then(|p| u16::try_from(p.container_port).ok()),
        }
    };
    let check = if let Some(exec) = &probe.exec {
        Check::Exec(exec.command.clone())
    } else if let Some(http) = &probe.http_get {
        Check::Http {
            port: port(&http.port)?,
            path: http.path.clone().unwrap_or_else(|| "/".to_string()),
        }
    } else if let Some(tcp) = &probe.tcp_socket {
        Check::Tcp {
            port: port(&tcp.port)?,
        }
    } else {
        return None;
    };
    let seconds =
        |value: Option<i64>, default: i64| (value.unwrap_or(default).max(0) as u64) * 1000;
    let count = |value: Option<i64>, default: i64| value.unwrap_or(default).max(1) as u32;
    Some((
        check,
        Timing {
            initial_delay: seconds(probe.initial_delay_seconds, 0),
            period: seconds(probe.period_seconds, 10).max(1000),
            timeout: seconds(probe.timeout_seconds, 1).max(1000),
            success_threshold: count(probe.success_threshold, 1),
            failure_threshold: count(probe.failure_threshold, 3),
        },
    ))
}

/// How a probe's checks have gone lately (the worker's `lastResult` and
/// `resultRun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The last check's outcome.
    last: Option<bool>,
    /// How many checks in a row had it.
    run: u32,
}

impl Tally {
    /// No check yet.
    pub fn new() -> Tally {
        Tally { last: None, run: 0 }
    }

    /// Counts one check; returns the verdict once the run reaches its
    /// threshold, `None` while it has not.
    pub fn count(&mut self, passed: bool, timing: &Timing) -> Option<ProbeResult> {
        if self.last == Some(passed) {
            self.run += 1;
        } else {
            self.last = Some(passed);
            self.run = 1;
        }
        let threshold = if passed {
            timing.success_threshold
        } else {
            timing.failure_threshold
        };
        (self.run >= threshold).then_some(if passed {
            ProbeResult::Success
        } else {
            ProbeResult::Failure
        })
    }
}

/// Reads an HTTP response's status code once its status line has arrived.
pub fn status_code(response: &[u8]) -> Option<u16> {
    let text = String::from_utf8_lossy(response);
    let line = text
        .split("\r\n")
        .next()
        .filter(|_| text.contains("\r\n"))?;
    line.split(' ').nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timing(success: u32, failure: u32) -> Timing {
        Timing {
            initial_delay: 0,
            period: 10_000,
            timeout: 1_000,
            success_threshold: success,
            failure_threshold: failure,
        }
    }

    #[test]
    fn a_probe_fails_only_after_failure_threshold_failures_in_a_row() {
        let timing = timing(1, 3);
        let mut tally = Tally::new();
        assert_eq!(tally.count(false, &timing), None);
        assert_eq!(tally.count(false, &timing), None);
        assert_eq!(tally.count(true, &timing), Some(ProbeResult::Success));
        assert_eq!(tally.count(false, &timing), None);
        assert_eq!(tally.count(false, &timing), None);
        assert_eq!(tally.count(false, &timing), Some(ProbeResult::Failure));
    }

    #[test]
    fn a_status_code_is_read_from_the_status_line() {
        assert_eq!(
            status_code(b"HTTP/1.1 404 Not Found\r\nServer: nginx"),
            Some(404)
        );
        assert_eq!(status_code(b"HTTP/1.1 200 O"), None);
    }
}
