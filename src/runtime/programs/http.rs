//! HTTP over the simulated network: the nginx server (serving
//! `/usr/share/nginx/html`, logging access lines, refusing a taken port as
//! nginx does), Tomcat (`catalina.sh run`), a generic server for unknown
//! images, and the `wget`, `curl` and `nc` clients.

use super::time::{format_time, EPOCH_SECONDS};
use crate::runtime::fs::Inode;
use crate::runtime::pipes::{ConnectError, Connection, Endpoint, ReadResult};
use crate::runtime::program::{Forked, Program, Step, Sys, Wait};

/// nginx's 404 page.
const NGINX_NOT_FOUND: &str = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n";

/// The version nginx reports.
pub const NGINX_VERSION: &str = "1.27.3";

fn log_time(sys: &Sys, format: &str) -> String {
    format_time(
        EPOCH_SECONDS + (sys.io.now.as_millis() / 1000) as i64,
        format,
    )
}

/// The network namespace key of the running process (its pod IP), if any.
fn namespace(sys: &Sys) -> Option<String> {
    sys.network.map(|network| network.ip_text())
}

/// nginx in the foreground (`nginx -g 'daemon off;'`).
pub struct Nginx {
    state: NginxState,
    bind_attempts: u32,
    /// A stop signal received: 3 (SIGQUIT, graceful) or 15/2 (fast).
    stopping: Option<i32>,
    /// The master's PID and its one worker's, once started. nginx starts
    /// a worker per CPU (`worker_processes auto`); the node's containers
    /// get one CPU's worth, so one worker.
    pids: Option<(u32, u32)>,
}

/// What nginx's worker runs as: the image's `nginx` user.
const NGINX_UID: u32 = 101;

enum NginxState {
    Starting,
    Accepting,
    Reading {
        connection: Connection,
        request: Vec<u8>,
    },
}

impl Nginx {
    pub fn new() -> Nginx {
        Nginx {
            state: NginxState::Starting,
            bind_attempts: 0,
            stopping: None,
            pids: None,
        }
    }

    fn respond(&self, sys: &mut Sys, connection: Connection, request: &[u8]) {
        let text = String::from_utf8_lossy(request);
        let request_line = text.lines().next().unwrap_or("").to_string();
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("GET").to_string();
        let path = parts.next().unwrap_or("/").to_string();
        let agent = text
            .lines()
            .find_map(|line| line.strip_prefix("User-Agent: "))
            .unwrap_or("-")
            .to_string();
        let file = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.clone()
        };
        let body = match sys
            .io
            .fs
            .lookup(sys.view, "/", &format!("/usr/share/nginx/html{file}"))
        {
            Ok(inode) => match sys.io.fs.inode(inode) {
                Inode::File(data) => Some(data.clone()),
                Inode::Directory(_) | Inode::Symlink(_) => None,
            },
            Err(_) => None,
        };
        let (status, body) = match body {
            Some(body) => ("200 OK", body),
            None => ("404 Not Found", NGINX_NOT_FOUND.as_bytes().to_vec()),
        };
        let date = log_time(sys, "%a, %d %b %Y %H:%M:%S GMT");
        let mut response = format!(
            "HTTP/1.1 {status}\r\nServer: nginx/{NGINX_VERSION}\r\nDate: {date}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        if method != "HEAD" {
            response.extend(&body);
        }
        sys.io.send(connection.downstream, &response);
        sys.io.shutdown(connection.downstream);
        let [a, b, c, d] = connection.peer;
        let code = status.split(' ').next().unwrap_or("200");
        sys.out.extend(
            format!(
                "{a}.{b}.{c}.{d} - - [{}] \"{request_line}\" {code} {} \"-\" \"{agent}\" \"-\"\n",
                log_time(sys, "%d/%b/%Y:%H:%M:%S +0000"),
                body.len()
            )
            .bytes(),
        );
    }
}

impl Program for Nginx {
    fn title(&self, command: &str) -> Option<String> {
        Some(format!("nginx: master process {command}"))
    }

    fn forked(&self) -> Vec<Forked> {
        self.pids
            .filter(|_| self.stopping.is_none())
            .map(|(_, worker)| Forked {
                pid: worker,
                uid: NGINX_UID,
                command: "nginx: worker process".to_string(),
            })
            .into_iter()
            .collect()
    }

    /// SIGQUIT shuts down gracefully, SIGTERM and SIGINT fast; both log
    /// what nginx logs and exit 0.
    fn signal(&mut self, signal: i32) -> bool {
        if matches!(signal, 2 | 3 | 15) {
            self.stopping = Some(signal);
            return true;
        }
        false
    }

    fn step(&mut self, sys: &mut Sys) -> Step {
        let Some(namespace) = namespace(sys) else {
            return Step::Exit(1);
        };
        if let Some(signal) = self.stopping {
            let time = log_time(sys, "%Y/%m/%d %H:%M:%S");
            let (master, worker) = self.pids.unwrap_or((sys.own_pid, sys.own_pid));
            let (received, worker_lines): (String, &[&str]) = match signal {
                3 => (
                    "signal 3 (SIGQUIT) received, shutting down".to_string(),
                    &["gracefully shutting down", "exiting", "exit"],
                ),
                other => (
                    format!(
                        "signal {other} ({}) received, exiting",
                        if other == 2 { "SIGINT" } else { "SIGTERM" }
                    ),
                    &["exiting", "exit"],
                ),
            };
            let mut lines = vec![format!("{master}#{master}: {received}")];
            lines.extend(
                worker_lines
                    .iter()
                    .map(|l| format!("{worker}#{worker}: {l}")),
            );
            lines.push(format!(
                "{master}#{master}: signal 17 (SIGCHLD) received from {worker}"
            ));
            lines.push(format!(
                "{master}#{master}: worker process {worker} exited with code 0"
            ));
            lines.push(format!("{master}#{master}: exit"));
            for line in lines {
                sys.err.extend(format!("{time} [notice] {line}\n").bytes());
            }
            sys.io.unlisten(&namespace, 80);
            return Step::Exit(0);
        }
        match std::mem::replace(&mut self.state, NginxState::Accepting) {
            NginxState::Starting => {
                if sys.io.listen(&namespace, 80) {
                    let master = sys.own_pid;
                    let worker = sys.next_pid.get();
                    sys.next_pid.set(worker + 1);
                    self.pids = Some((master, worker));
                    let time = log_time(sys, "%Y/%m/%d %H:%M:%S");
                    for line in [
                        "using the \"epoll\" event method".to_string(),
                        format!("nginx/{NGINX_VERSION}"),
                        "built by gcc 12.2.0 (Debian 12.2.0-14)".to_string(),
                        "OS: Linux 6.1.0-podplay".to_string(),
                        "getrlimit(RLIMIT_NOFILE): 1048576:1048576".to_string(),
                        "start worker processes".to_string(),
                        format!("start worker process {worker}"),
                    ] {
                        sys.err
                            .extend(format!("{time} [notice] {master}#{master}: {line}\n").bytes());
                    }
                    return Step::Continue;
                }
                self.bind_attempts += 1;
                let time = log_time(sys, "%Y/%m/%d %H:%M:%S");
                let message = "bind() to 0.0.0.0:80 failed (98: Address already in use)";
                sys.err.extend(
                    format!(
                        "{time} [emerg] {pid}#{pid}: {message}\nnginx: [emerg] {message}\n",
                        pid = sys.own_pid
                    )
                    .bytes(),
                );
                if self.bind_attempts >= 5 {
                    sys.err.extend(format!("{time} [emerg] {pid}#{pid}: still could not bind()\nnginx: [emerg] still could not bind()\n", pid = sys.own_pid).bytes());
                    return Step::Exit(1);
                }
                self.state = NginxState::Starting;
                Step::Block(Wait::Until(sys.io.now + 500))
            }
            NginxState::Accepting => match sys.io.accept(&namespace, 80) {
                Some(connection) => {
                    self.state = NginxState::Reading {
                        connection,
                        request: Vec::new(),
                    };
                    Step::Continue
                }
                None => Step::Block(Wait::Accept((namespace, 80))),
            },
            NginxState::Reading {
                connection,
                mut request,
            } => match sys.io.read(&Endpoint::PipeRead(connection.upstream), 8192) {
                ReadResult::Data(data) => {
                    request.extend(data);
                    if request.windows(4).any(|w| w == b"\r\n\r\n") {
                        self.respond(sys, connection, &request);
                    } else {
                        self.state = NginxState::Reading {
                            connection,
                            request,
                        };
                    }
                    Step::Continue
                }
                ReadResult::End => Step::Continue,
                ReadResult::WouldBlock(pipe) => {
                    self.state = NginxState::Reading {
                        connection,
                        request,
                    };
                    Step::Block(Wait::ReadPipe(pipe))
                }
            },
        }
    }
}

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
    tool: &'static str,
    url: String,
    head: bool,
    /// `curl -s` without `-S`: errors are not printed (the status says it).
    silent: bool,
    /// `wget -O FILE` (`-` is standard output); plain `wget` saves under the URL's name.
    output: Option<String>,
    connection: Option<Connection>,
    response: Vec<u8>,
}

impl HttpClient {
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

/// A host's address: an IP, `localhost`, or a name in the cluster DNS.
fn resolve_host(sys: &Sys, host: &str) -> Option<String> {
    if host == "localhost" {
        return Some("127.0.0.1".to_string());
    }
    if host.split('.').all(|p| p.parse::<u8>().is_ok()) && host.split('.').count() == 4 {
        return Some(host.to_string());
    }
    super::net::lookup::cluster_lookup(sys, host)
        .1
        .map(|(_, ip)| ip)
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

/// busybox `nc`: `nc -l [-p] PORT` prints what one client sends; `nc HOST
/// PORT` sends its standard input and prints the answer; `-z` only checks
/// that the port is open (`-v` says so).
pub struct Netcat {
    listen_port: Option<u16>,
    target: Option<(String, u16)>,
    probe: bool,
    verbose: bool,
    connection: Option<Connection>,
    sent: bool,
}

impl Netcat {
    pub fn new(args: &[String]) -> Netcat {
        let flags: String = args
            .iter()
            .filter(|a| a.starts_with('-'))
            .map(|a| &a[1..])
            .collect();
        let operands: Vec<&String> = args
            .iter()
            .enumerate()
            .filter(|(index, a)| {
                let is_port_value = *index > 0 && args[index - 1] == "-p";
                !a.starts_with('-') && !is_port_value
            })
            .map(|(_, a)| a)
            .collect();
        let port_flag = args
            .iter()
            .position(|a| a == "-p")
            .and_then(|i| args.get(i + 1))
            .and_then(|p| p.parse().ok());
        let listen = flags.contains('l');
        Netcat {
            listen_port: if listen {
                port_flag.or_else(|| operands.first().and_then(|p| p.parse().ok()))
            } else {
                None
            },
            target: if listen {
                None
            } else {
                match operands.as_slice() {
                    [host, port, ..] => port.parse().ok().map(|port| (host.to_string(), port)),
                    _ => None,
                }
            },
            probe: flags.contains('z'),
            verbose: flags.contains('v'),
            connection: None,
            sent: false,
        }
    }
}

impl Program for Netcat {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let namespace = namespace(sys).unwrap_or_else(|| "127.0.0.1".into());
        if let Some(port) = self.listen_port {
            let Some(connection) = self.connection else {
                if !self.sent {
                    if !sys.io.listen(&namespace, port) {
                        sys.err.extend(b"nc: bind: Address already in use\n");
                        return Step::Exit(1);
                    }
                    self.sent = true;
                }
                return match sys.io.accept(&namespace, port) {
                    Some(connection) => {
                        sys.io.unlisten(&namespace, port);
                        self.connection = Some(connection);
                        Step::Continue
                    }
                    None => Step::Block(Wait::Accept((namespace, port))),
                };
            };
            return match sys
                .io
                .read(&Endpoint::PipeRead(connection.upstream), 65_536)
            {
                ReadResult::Data(data) => {
                    sys.out.extend(data);
                    Step::Continue
                }
                ReadResult::WouldBlock(pipe) => Step::Block(Wait::ReadPipe(pipe)),
                ReadResult::End => {
                    sys.io.shutdown(connection.downstream);
                    Step::Exit(0)
                }
            };
        }
        let Some((host, port)) = self.target.clone() else {
            sys.err.extend(b"BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n");
            return Step::Exit(1);
        };
        let address = resolve_host(sys, &host).unwrap_or(host.clone());
        let Some(connection) = self.connection else {
            return match sys.io.connect(&namespace, &address, port) {
                Ok(connection) => {
                    if self.probe {
                        if self.verbose {
                            sys.err
                                .extend(format!("{host} ({address}:{port}) open\n").bytes());
                        }
                        sys.io.shutdown(connection.upstream);
                        return Step::Exit(0);
                    }
                    self.connection = Some(connection);
                    Step::Continue
                }
                Err(ConnectError::Refused) => {
                    sys.err.extend(
                        format!("nc: {host} ({address}:{port}): Connection refused\n").bytes(),
                    );
                    Step::Exit(1)
                }
            };
        };
        if !self.sent {
            match sys.io.read(&sys.stdin.clone(), 65_536) {
                ReadResult::Data(data) => {
                    sys.io.send(connection.upstream, &data);
                    return Step::Continue;
                }
                ReadResult::WouldBlock(pipe) => return Step::Block(Wait::ReadPipe(pipe)),
                ReadResult::End => {
                    sys.io.shutdown(connection.upstream);
                    self.sent = true;
                }
            }
        }
        match sys
            .io
            .read(&Endpoint::PipeRead(connection.downstream), 65_536)
        {
            ReadResult::Data(data) => {
                sys.out.extend(data);
                Step::Continue
            }
            ReadResult::WouldBlock(pipe) => Step::Block(Wait::ReadPipe(pipe)),
            ReadResult::End => Step::Exit(0),
        }
    }
}

/// The stand-in server of images podplay does not know: it listens on the
/// ports the container declares and answers every HTTP request with a line
/// saying what it is; without ports it just runs.
pub struct GenericServer {
    ports: Vec<u16>,
    listening: bool,
    reading: Option<(Connection, u16, Vec<u8>)>,
}

impl GenericServer {
    pub fn new(args: &[String]) -> GenericServer {
        GenericServer {
            ports: args.iter().filter_map(|a| a.parse().ok()).collect(),
            listening: false,
            reading: None,
        }
    }
}

impl Program for GenericServer {
    fn step(&mut self, sys: &mut Sys) -> Step {
        let namespace = namespace(sys).unwrap_or_else(|| "127.0.0.1".into());
        if !self.listening {
            self.listening = true;
            for port in &self.ports {
                if !sys.io.listen(&namespace, *port) {
                    sys.err.extend(
                        format!("generic-server: port {port}: Address already in use\n").bytes(),
                    );
                    return Step::Exit(1);
                }
            }
        }
        if let Some((connection, port, mut request)) = self.reading.take() {
            return match sys.io.read(&Endpoint::PipeRead(connection.upstream), 8192) {
                ReadResult::Data(data) => {
                    request.extend(data);
                    self.reading = Some((connection, port, request));
                    Step::Continue
                }
                ReadResult::WouldBlock(pipe) if !request.windows(4).any(|w| w == b"\r\n\r\n") => {
                    self.reading = Some((connection, port, request));
                    Step::Block(Wait::ReadPipe(pipe))
                }
                _ => {
                    let body = format!(
                        "{}: this image is played by podplay's generic server (port {port})\n",
                        sys.hostname
                    );
                    let response = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    sys.io.send(connection.downstream, response.as_bytes());
                    sys.io.shutdown(connection.downstream);
                    Step::Continue
                }
            };
        }
        for port in &self.ports {
            if let Some(connection) = sys.io.accept(&namespace, *port) {
                self.reading = Some((connection, *port, Vec::new()));
                return Step::Continue;
            }
        }
        let addresses = self
            .ports
            .iter()
            .map(|port| (namespace.clone(), *port))
            .collect();
        Step::Block(Wait::AcceptAny(addresses))
    }
}

/// The Tomcat version the official `tomcat` image runs.
const TOMCAT_VERSION: &str = "10.1.34";

/// The JVM's note about the options the image sets (`JDK_JAVA_OPTIONS`).
const TOMCAT_JAVA_OPTIONS_NOTE: &str = "NOTE: Picked up JDK_JAVA_OPTIONS:  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED\n";

/// Virtual milliseconds Tomcat takes to initialize its connector.
const TOMCAT_INIT_MILLIS: u64 = 812;

/// Virtual milliseconds Tomcat takes to start its engine once initialized.
const TOMCAT_START_MILLIS: u64 = 64;

/// Tomcat's error page for a path nothing serves (the image's `webapps` is
/// empty, so `/` too), as its ErrorReportValve writes it.
fn tomcat_not_found() -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 \u{2013} Not Found</title><style type=\"text/css\">body {{font-family:Tahoma,Arial,sans-serif;}} h1, h2, h3, b {{color:white;background-color:#525D76;}} h1 {{font-size:22px;}} h2 {{font-size:16px;}} h3 {{font-size:14px;}} p {{font-size:12px;}} a {{color:black;}} .line {{height:1px;background-color:#525D76;border:none;}}</style></head><body><h1>HTTP Status 404 \u{2013} Not Found</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class=\"line\" /><h3>Apache Tomcat/{TOMCAT_VERSION}</h3></body></html>"
    )
}

/// `catalina.sh run`: Tomcat in the foreground. It logs its start-up to
/// standard error (java.util.logging's console), listens on 8080 once
/// started, answers every request with its 404 page (no web application is
/// deployed) and stops on SIGTERM as its shutdown hook does.
pub struct Tomcat {
    /// Where it is in its life.
    phase: TomcatPhase,
    /// The connection being read, with the request so far.
    reading: Option<(Connection, Vec<u8>)>,
}

/// Where Tomcat is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TomcatPhase {
    /// Not started.
    Launching,
    /// Initializing its connector, until the time given.
    Initializing(crate::clock::SimTime),
    /// Starting its engine, until the time given.
    Starting(crate::clock::SimTime),
    /// Serving.
    Serving,
    /// Told to stop (SIGTERM or SIGINT).
    Stopping,
}

impl Tomcat {
    /// Tomcat before `catalina.sh run` starts it.
    pub fn new() -> Tomcat {
        Tomcat {
            phase: TomcatPhase::Launching,
            reading: None,
        }
    }

    /// One java.util.logging line as Tomcat's `OneLineFormatter` writes it.
    fn log(sys: &mut Sys, thread: &str, source: &str, message: &str) {
        let millis = sys.io.now.as_millis() % 1000;
        let time = log_time(sys, "%d-%b-%Y %H:%M:%S");
        sys.err
            .extend(format!("{time}.{millis:03} INFO [{thread}] {source} {message}\n").bytes());
    }
}

impl Program for Tomcat {
    fn signal(&mut self, signal: i32) -> bool {
        if matches!(signal, 2 | 15) {
            self.phase = TomcatPhase::Stopping;
        }
        self.phase == TomcatPhase::Stopping
    }

    fn step(&mut self, sys: &mut Sys) -> Step {
        let namespace = namespace(sys).unwrap_or_else(|| "127.0.0.1".into());
        let connector = "[\"http-nio-8080\"]";
        match self.phase {
            TomcatPhase::Launching => {
                sys.err.extend(TOMCAT_JAVA_OPTIONS_NOTE.bytes());
                let version_logger = "org.apache.catalina.startup.VersionLoggerListener.log";
                for line in [
                    format!("Server version name:   Apache Tomcat/{TOMCAT_VERSION}"),
                    "Server built:          Dec 5 2024 19:24:36 UTC".to_string(),
                    format!("Server version number: {TOMCAT_VERSION}.0"),
                    "OS Name:               Linux".to_string(),
                    "OS Version:            6.1.0-podplay".to_string(),
                    "Architecture:          amd64".to_string(),
                    "Java Home:             /opt/java/openjdk".to_string(),
                    "JVM Version:           21.0.5+11-LTS".to_string(),
                    "JVM Vendor:            Eclipse Adoptium".to_string(),
                    "CATALINA_BASE:         /usr/local/tomcat".to_string(),
                    "CATALINA_HOME:         /usr/local/tomcat".to_string(),
                ] {
                    Tomcat::log(sys, "main", version_logger, &line);
                }
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.coyote.AbstractProtocol.init",
                    &format!("Initializing ProtocolHandler {connector}"),
                );
                let ready = sys.io.now + TOMCAT_INIT_MILLIS;
                self.phase = TomcatPhase::Initializing(ready);
                Step::Block(Wait::Until(ready))
            }
            TomcatPhase::Initializing(ready) | TomcatPhase::Starting(ready)
                if sys.io.now < ready =>
            {
                Step::Block(Wait::Until(ready))
            }
            TomcatPhase::Initializing(_) => {
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.catalina.startup.Catalina.load",
                    &format!("Server initialization in [{TOMCAT_INIT_MILLIS}] milliseconds"),
                );
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.catalina.core.StandardService.startInternal",
                    "Starting service [Catalina]",
                );
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.catalina.core.StandardEngine.startInternal",
                    &format!("Starting Servlet engine: [Apache Tomcat/{TOMCAT_VERSION}]"),
                );
                let started = sys.io.now + TOMCAT_START_MILLIS;
                self.phase = TomcatPhase::Starting(started);
                Step::Block(Wait::Until(started))
            }
            TomcatPhase::Starting(_) => {
                if !sys.io.listen(&namespace, 8080) {
                    sys.err
                        .extend(b"java.net.BindException: Address already in use\n");
                    return Step::Exit(1);
                }
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.coyote.AbstractProtocol.start",
                    &format!("Starting ProtocolHandler {connector}"),
                );
                Tomcat::log(
                    sys,
                    "main",
                    "org.apache.catalina.startup.Catalina.start",
                    &format!("Server startup in [{TOMCAT_START_MILLIS}] milliseconds"),
                );
                self.phase = TomcatPhase::Serving;
                Step::Continue
            }
            TomcatPhase::Stopping => {
                let thread = "Thread-1";
                for (source, message) in [
                    (
                        "org.apache.coyote.AbstractProtocol.pause",
                        format!("Pausing ProtocolHandler {connector}"),
                    ),
                    (
                        "org.apache.catalina.core.StandardService.stopInternal",
                        "Stopping service [Catalina]".to_string(),
                    ),
                    (
                        "org.apache.coyote.AbstractProtocol.stop",
                        format!("Stopping ProtocolHandler {connector}"),
                    ),
                    (
                        "org.apache.coyote.AbstractProtocol.destroy",
                        format!("Destroying ProtocolHandler {connector}"),
                    ),
                ] {
                    Tomcat::log(sys, thread, source, &message);
                }
                sys.io.unlisten(&namespace, 8080);
                // The JVM ends with the status of a death by SIGTERM.
                Step::Exit(143)
            }
            TomcatPhase::Serving => {
                let Some((connection, mut request)) = self.reading.take() else {
                    return match sys.io.accept(&namespace, 8080) {
                        Some(connection) => {
                            self.reading = Some((connection, Vec::new()));
                            Step::Continue
                        }
                        None => Step::Block(Wait::Accept((namespace, 8080))),
                    };
                };
                match sys.io.read(&Endpoint::PipeRead(connection.upstream), 8192) {
                    ReadResult::Data(data) => {
                        request.extend(data);
                        self.reading = Some((connection, request));
                        Step::Continue
                    }
                    ReadResult::WouldBlock(pipe)
                        if !request.windows(4).any(|w| w == b"\r\n\r\n") =>
                    {
                        self.reading = Some((connection, request));
                        Step::Block(Wait::ReadPipe(pipe))
                    }
                    _ => {
                        let head = String::from_utf8_lossy(&request).starts_with("HEAD ");
                        let body = tomcat_not_found();
                        let date = log_time(sys, "%a, %d %b %Y %H:%M:%S GMT");
                        let mut response = format!(
                            "HTTP/1.1 404 \r\nContent-Type: text/html;charset=utf-8\r\nContent-Language: en\r\nContent-Length: {}\r\nDate: {date}\r\n\r\n",
                            body.len()
                        );
                        if !head {
                            response.push_str(&body);
                        }
                        sys.io.send(connection.downstream, response.as_bytes());
                        sys.io.shutdown(connection.downstream);
                        Step::Continue
                    }
                }
            }
        }
    }
}
