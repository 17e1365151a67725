//! busybox `nc`: listen, connect, or probe a port.

use super::shared::{namespace, resolve_host};
use crate::runtime::pipes::{ConnectError, Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// busybox `nc`: `nc -l [-p] PORT` prints what one client sends; `nc HOST
/// PORT` sends its standard input and prints the answer; `-z` only checks
/// that the port is open (`-v` says so).
pub struct Netcat {
    /// `-l`: the port it listens on.
    listen_port: Option<u16>,
    /// The host and port it connects to.
    target: Option<(String, u16)>,
    /// `-z`: only checks that the port is open.
    probe: bool,
    /// `-v`: says so.
    verbose: bool,
    /// The connection, once made or accepted.
    connection: Option<Connection>,
    /// Listening: whether it bound its port; connecting: whether its input was all sent.
    sent: bool,
}

impl Netcat {
    /// `nc` with its arguments.
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
