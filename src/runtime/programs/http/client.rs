//! `wget` and `curl`: one HTTP request, the body (or the headers) printed or saved.

use super::shared::{namespace, resolve_host};
use crate::runtime::pipes::{ConnectError, Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// Where `wget` writes: `-O FILE`, `-qO-`, `-O-`; else the URL's last part.
fn wget_output(args: &[String]) -> String {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg.starts_with('-') && !arg.starts_with("--") && arg.contains('O') {
            let after = &arg[arg.find('O').unwrap_or(0) + 1..];
            return if after.is_empty() {
                iter.next().cloned().unwrap_or_default()
            } else {
                after.to_string()
            };
        }
    }
    let url = args
        .iter()
        .rev()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_default();
    let path = url.trim_start_matches("http://");
    match path.split_once('/') {
        Some((_, rest)) if !rest.is_empty() && !rest.ends_with('/') => {
            rest.rsplit('/').next().unwrap_or("index.html").to_string()
        }
        _ => "index.html".to_string(),
    }
}

/// `wget` and `curl`: one HTTP request, the body (or headers) printed.
pub struct HttpClient {
    /// `wget` or `curl`.
    tool: &'static str,
    /// The URL (its last operand).
    url: String,
    /// `curl -I`/`--head`: a HEAD request, the headers printed.
    head: bool,
    /// `curl -s` without `-S`: errors are not printed (the status says it).
    silent: bool,
    /// `wget -O FILE` (`-` is standard output); plain `wget` saves under the URL's name.
    output: Option<String>,
    /// The connection, once made.
    connection: Option<Connection>,
    /// The response so far.
    response: Vec<u8>,
}

impl HttpClient {
    /// `wget` or `curl` (`tool`) with its arguments.
    pub fn new(tool: &'static str, args: &[String]) -> HttpClient {
        HttpClient {
            tool,
            url: args
                .iter()
                .rev()
                .find(|a| !a.starts_with('-'))
                .cloned()
                .unwrap_or_default(),
            head: tool == "curl"
                && args.iter().any(|a| {
                    a == "--head" || (a.starts_with('-') && !a.starts_with("--") && a.contains('I'))
                }),
            silent: tool == "curl" && {
                let short: String = args
                    .iter()
                    .filter(|a| a.starts_with('-') && !a.starts_with("--"))
                    .map(|a| &a[1..])
                    .collect();
                let long = |name: &str| args.iter().any(|a| a == name);
                (short.contains('s') || long("--silent"))
                    && !(short.contains('S') || long("--show-error"))
            },
            connection: None,
            response: Vec::new(),
            output: match tool {
                "wget" => Some(wget_output(args)),
                _ => None,
            },
        }
    }

    /// Host, port and path of the URL.
    fn target(&self) -> (String, u16, String) {
        let rest = self.url.strip_prefix("http://").unwrap_or(&self.url);
        let (authority, path) = match rest.find('/') {
            Some(index) => (&rest[..index], rest[index..].to_string()),
            None => (rest, "/".to_string()),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().unwrap_or(80)),
            None => (authority, 80),
        };
        (host.to_string(), port, path)
    }
}

impl Program for HttpClient {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let (host, port, path) = self.target();
        let Some(connection) = self.connection else {
            let Some(address) = resolve_host(sys, &host) else {
                let message = match self.tool {
                    "curl" => format!("curl: (6) Could not resolve host: {host}"),
                    _ => format!("wget: bad address '{host}'"),
                };
                if !self.silent {
                    sys.err.extend(format!("{message}\n").bytes());
                }
                return Step::Exit(if self.tool == "curl" { 6 } else { 1 });
            };
            let namespace = namespace(sys).unwrap_or_else(|| "127.0.0.1".into());
            match sys.io.connect(&namespace, &address, port) {
                Ok(connection) => {
                    let method = if self.head { "HEAD" } else { "GET" };
                    let agent = match self.tool {
                        "curl" => "curl/8.5.0",
                        _ => "Wget",
                    };
                    let request = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: {agent}\r\nAccept: */*\r\n\r\n");
                    sys.io.send(connection.upstream, request.as_bytes());
                    sys.io.shutdown(connection.upstream);
                    self.connection = Some(connection);
                    return Step::Continue;
                }
                Err(ConnectError::Refused) => {
                    let message = match self.tool {
                        "curl" => format!("curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server"),
                        _ => format!("wget: can't connect to remote host ({address}): Connection refused"),
                    };
                    if !self.silent {
                        sys.err.extend(format!("{message}\n").bytes());
                    }
                    return Step::Exit(if self.tool == "curl" { 7 } else { 1 });
                }
            }
        };
        match sys
            .io
            .read(&Endpoint::PipeRead(connection.downstream), 65_536)
        {
            ReadResult::Data(data) => {
                self.response.extend(data);
                Step::Continue
            }
            ReadResult::WouldBlock(pipe) => Step::Block(Wait::ReadPipe(pipe)),
            ReadResult::End => {
                let text = String::from_utf8_lossy(&self.response).into_owned();
                let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
                if self.head {
                    sys.out.extend(format!("{headers}\r\n\r\n").bytes());
                    return Step::Exit(0);
                }
                let status_ok = headers.lines().next().is_some_and(|l| l.contains(" 200 "));
                if self.tool == "wget" && !status_ok {
                    let status_line = headers.lines().next().unwrap_or("");
                    let status = status_line
                        .split_once(' ')
                        .map_or("", |(_, s)| s)
                        .to_string();
                    sys.err.extend(
                        format!("wget: server returned error: HTTP/1.1 {status}\n").bytes(),
                    );
                    return Step::Exit(1);
                }
                match self.output.as_deref() {
                    None | Some("-") => sys.out.extend(body.bytes()),
                    Some(file) => {
                        let file = if file.is_empty() { "index.html" } else { file };
                        if let Err(failure) =
                            sys.io
                                .fs
                                .write(sys.view, sys.cwd, file, body.as_bytes(), false)
                        {
                            sys.err.extend(
                                format!("wget: can't open '{file}': {}\n", failure.message())
                                    .bytes(),
                            );
                            return Step::Exit(1);
                        }
                    }
                }
                Step::Exit(0)
            }
        }
    }
}
