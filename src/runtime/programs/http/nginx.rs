//! nginx in the foreground: serves `/usr/share/nginx/html`, logs access
//! lines, refuses a taken port as nginx does, and has one worker for `ps`.

use super::shared::{log_time, namespace};
use crate::runtime::fs::Inode;
use crate::runtime::pipes::{Connection, Endpoint, ReadResult};
use crate::runtime::program::{Forked, Program, Step, Sys, Wait};

/// nginx's 404 page.
const NGINX_NOT_FOUND: &str = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n";

/// The version nginx reports.
const NGINX_VERSION: &str = "1.27.3";

/// nginx in the foreground (`nginx -g 'daemon off;'`).
pub struct Nginx {
    /// Where it is: binding, accepting, or reading a request.
    state: NginxState,
    /// How often binding port 80 failed.
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

/// Where nginx is in its life.
enum NginxState {
    /// Binding port 80.
    Starting,
    /// Waiting for a connection.
    Accepting,
    /// Reading a request.
    Reading {
        /// The client's connection.
        connection: Connection,
        /// The request so far.
        request: Vec<u8>,
    },
}

impl Nginx {
    /// nginx before it binds its port.
    pub fn new() -> Nginx {
        Nginx {
            state: NginxState::Starting,
            bind_attempts: 0,
            stopping: None,
            pids: None,
        }
    }

    /// Shuts down on `signal`: the master's and the worker's last log lines.
    fn stop(&self, sys: &mut Sys, namespace: &str, signal: i32) -> Step {
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

        sys.io.unlisten(namespace, 80);
        Step::Exit(0)
    }

    /// Binds port 80 (five tries, half a second apart) and starts the worker.
    fn start(&mut self, sys: &mut Sys, namespace: &str) -> Step {
        if sys.io.listen(namespace, 80) {
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
            return self.stop(sys, &namespace, signal);
        }
        match std::mem::replace(&mut self.state, NginxState::Accepting) {
            NginxState::Starting => self.start(sys, &namespace),
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
