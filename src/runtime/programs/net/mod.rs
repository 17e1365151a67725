//! Network tools: name lookups (`nslookup`, `getent`, and the resolver the
//! HTTP clients use), `netstat`/`ss`, `ip` and `ifconfig`.

pub mod ip;
pub mod lookup;
pub mod netstat;
