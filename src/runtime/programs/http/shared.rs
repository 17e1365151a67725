//! What the network programs share: the process's network namespace, a
//! host's address, and the virtual clock's time in a log line's format.

use crate::runtime::program::Sys;
use crate::runtime::programs::net::lookup::cluster_lookup;
use crate::runtime::programs::time::{format_time, EPOCH_SECONDS};

/// Now on the virtual clock, formatted as `format` says (strftime).
pub fn log_time(sys: &Sys, format: &str) -> String {
    format_time(
        EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64,
        format,
    )
}

/// The network namespace key of the running process (its pod IP), if any.
pub fn namespace(sys: &Sys) -> Option<String> {
    sys.network.map(|network| network.ip_text())
}

/// A host's address: an IP, `localhost`, or a name in the cluster DNS.
pub fn resolve_host(sys: &Sys, host: &str) -> Option<String> {
    if host == "localhost" {
        return Some("127.0.0.1".to_string());
    }
    if host.split('.').all(|p| p.parse::<u8>().is_ok()) && host.split('.').count() == 4 {
        return Some(host.to_string());
    }
    cluster_lookup(sys, host).1.map(|(_, ip)| ip)
}
