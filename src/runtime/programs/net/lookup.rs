//! Names in the cluster DNS: the resolver's lookup (through the search
//! domains of `/etc/resolv.conf`), `nslookup` and `getent hosts`.

use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// Looks `name` up in the cluster DNS as the container's resolver would:
/// through the search domains of its `/etc/resolv.conf` (ndots:5 puts them
/// first), then as given. Returns the name server and the (FQDN, address) found.
pub fn cluster_lookup(sys: &Sys, name: &str) -> (String, Option<(String, String)>) {
    let resolv = sys
        .io
        .fs
        .read(sys.view, "/", "/etc/resolv.conf")
        .map(|data| String::from_utf8_lossy(data).into_owned())
        .unwrap_or_default();
    let server = resolv
        .lines()
        .find_map(|line| line.strip_prefix("nameserver "))
        .unwrap_or(crate::runtime::net::CLUSTER_DNS)
        .to_string();
    let name = name.trim_end_matches('.');
    let found = resolv
        .lines()
        .find_map(|line| line.strip_prefix("search "))
        .map(|domains| {
            domains
                .split_whitespace()
                .map(|d| format!("{name}.{d}"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .chain(std::iter::once(name.to_string()))
        .find_map(|candidate| {
            sys.io
                .dns
                .get(&candidate)
                .map(|ip| (candidate.clone(), ip.clone()))
        });
    (server, found)
}

/// `nslookup NAME` as busybox 1.28 prints it: the cluster DNS server, then
/// the name's address, trying the search domains of `/etc/resolv.conf`.
pub fn nslookup(args: &[String], sys: &mut Sys) -> i32 {
    let Some(name) = args.iter().find(|a| !a.starts_with('-')) else {
        error(sys, "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]".into());
        return 1;
    };
    let (server, found) = cluster_lookup(sys, name);
    let header = format!(
        "Server:    {server}\nAddress 1: {server} kube-dns.kube-system.svc.cluster.local\n\n"
    );
    match found {
        Some((full, ip)) => {
            sys.out.extend(header.bytes());
            sys.out
                .extend(format!("Name:      {name}\nAddress 1: {ip} {full}\n").bytes());
            0
        }
        None => {
            // busybox writes the error at once and its buffered report at exit.
            error(sys, format!("nslookup: can't resolve '{name}'"));
            sys.out.extend(header.bytes());
            1
        }
    }
}

/// `getent hosts NAME`: `/etc/hosts` first, then the cluster DNS with the
/// search path, printed as glibc prints it.
pub fn getent(args: &[String], sys: &mut Sys) -> i32 {
    let (Some(database), Some(name)) = (args.first(), args.get(1)) else {
        error(sys, "Usage: getent [OPTION...] database [key ...]".into());
        return 1;
    };
    if database != "hosts" {
        error(sys, format!("Unknown database: {database}"));
        return 1;
    }
    let hosts = sys
        .io
        .fs
        .read(sys.view, "/", "/etc/hosts")
        .map(|data| String::from_utf8_lossy(data).into_owned())
        .unwrap_or_default();
    for line in hosts.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split_whitespace();
        if let Some(address) = fields.next() {
            if fields.any(|alias| alias == name) && !address.contains(':') {
                sys.out.extend(format!("{address:<15} {name}\n").bytes());
                return 0;
            }
        }
    }
    let (_, found) = cluster_lookup(sys, name);
    match found {
        Some((full, ip)) => {
            sys.out.extend(format!("{ip:<15} {full}\n").bytes());
            0
        }
        // glibc's getent says nothing and exits 2 when the key is not found.
        None => 2,
    }
}
