//! The programs a container can run, each a small state machine: `step` does
//! what it can now and says whether it exited, wants to go on, or waits
//! (for time, for input, for a file to grow). Output goes to `Sys::out` and
//! `Sys::err`; the process delivers it. Messages are worded as busybox or GNU
//! coreutils word them. As BusyBox keeps its applets, one program (or one
//! small family) per file; this file is the registry only, the name →
//! program table. The programs know the program ABI (`program.rs`) and the
//! images' tool lists below them, never the process that runs them.

mod coreutils;
mod files;
pub mod full_disk;
mod http;
mod memory;
mod mounts;
pub mod net;
mod once;
pub mod packages;
mod pause;
mod ps;
mod redis;
mod stress;
mod text;
pub(in crate::runtime) use super::time;
pub mod top;

use crate::runtime::images::program_name;
use crate::runtime::program::Program;
use coreutils::{date, echo, expr, names, printf, seq, sleep, system, test, yes};
use files::{copy, links, ls, make, rm};
use net::{ip, lookup, netstat};
use once::once;
use text::{awk, cat, cut, grep, head, sed, sort, tail, tee, tr, uniq, wc};

pub use memory::memory_kb;
pub use ps::{ps, rows_of, PsRow};
pub use time::{format_time, EPOCH_SECONDS};

/// The program called `name` with `arguments`, if the runtime has it.
pub fn create(name: &str, arguments: &[String]) -> Option<Box<dyn Program>> {
    let args = arguments.to_vec();
    Some(match program_name(name) {
        "echo" => once(move |sys| echo::echo(&args, sys)),
        "printf" => Box::new(printf::Printf::new(args)),
        "sleep" => Box::new(sleep::Sleep { args, until: None }),
        "cat" => Box::new(cat::Cat::new(args)),
        "tail" => Box::new(tail::Tail::new(args)),
        "head" => Box::new(head::Head::new(args)),
        "wc" => Box::new(wc::Wc::new(&args)),
        "sort" => Box::new(sort::Sort::new(&args)),
        name @ ("grep" | "egrep" | "fgrep") => Box::new(grep::Grep::new(name, &args)),
        "cut" => Box::new(cut::Cut::new(&args)),
        "tr" => Box::new(tr::Tr::new(&args)),
        "uniq" => Box::new(uniq::Uniq::new(&args)),
        "sed" => Box::new(sed::Sed::new(&args)),
        "awk" => Box::new(awk::Awk::new(&args)),
        "tee" => Box::new(tee::Tee {
            args,
            opened: false,
        }),
        "expr" => once(move |sys| expr::expr(&args, sys)),
        "id" => once(system::id),
        "whoami" => once(system::whoami),
        "uname" => once(move |sys| system::uname(&args, sys)),
        "basename" => once(move |sys| names::basename(&args, sys)),
        "dirname" => once(move |sys| names::dirname(&args, sys)),
        "cp" => once(move |sys| copy::copy(&args, false, sys)),
        "mv" => once(move |sys| copy::copy(&args, true, sys)),
        "test" => once(move |sys| test::test(&args, false, sys)),
        "[" => once(move |sys| test::test(&args, true, sys)),
        "seq" => once(move |sys| seq::seq(&args, sys)),
        "hostname" => once(move |sys| system::hostname(&args, sys)),
        "ip" => once(move |sys| ip::ip(&args, sys)),
        "nslookup" => once(move |sys| lookup::nslookup(&args, sys)),
        "getent" => once(move |sys| lookup::getent(&args, sys)),
        "nginx" => Box::new(http::Nginx::new()),
        "catalina.sh" if arguments.first().is_some_and(|a| a == "run") => {
            Box::new(http::Tomcat::new())
        }
        "generic-server" => Box::new(http::GenericServer::new(&args)),
        "stress" => Box::new(stress::Stress::new(args)),
        "netstat" | "ss" => once(move |sys| netstat::netstat(&args, sys)),
        "nc" | "netcat" => Box::new(http::Netcat::new(&args)),
        "redis-server" => Box::new(redis::RedisServer::new()),
        "pause" => Box::new(pause::Pause { stopping: false }),
        "redis-cli" => Box::new(redis::RedisCli::new(&args)),
        "wget" => Box::new(http::HttpClient::new("wget", &args)),
        "curl" => Box::new(http::HttpClient::new("curl", &args)),
        "ifconfig" => once(ip::ifconfig),
        "date" => once(move |sys| date::date(&args, sys)),
        "env" | "printenv" => once(system::env),
        "mkdir" => once(move |sys| make::mkdir(&args, sys)),
        "touch" => once(move |sys| make::touch(&args, sys)),
        "rm" => once(move |sys| rm::rm(&args, sys)),
        "ls" => once(move |sys| ls::ls(&args, sys)),
        "ln" => once(move |sys| links::ln(&args, sys)),
        "readlink" => once(move |sys| links::readlink(&args, sys)),
        "apt-get" => Box::new(packages::Installer::new("apt-get", &args)),
        "apt" => Box::new(packages::Installer::new("apt", &args)),
        "yum" => Box::new(packages::Installer::new("yum", &args)),
        "df" => once(move |sys| mounts::df(&args, sys)),
        "mount" => once(mounts::mount),
        "yes" => Box::new(yes::Yes {
            line: args.first().cloned().unwrap_or_else(|| "y".into()),
        }),
        "true" => once(|_| 0),
        "false" => once(|_| 1),
        _ => return None,
    })
}
