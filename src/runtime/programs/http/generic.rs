//! The stand-in server of images podplay does not know.

use super::shared::namespace;
use crate::runtime::pipes::{Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// The stand-in server of images podplay does not know: it listens on the
/// ports the container declares and answers every HTTP request with a line
/// saying what it is; without ports it just runs.
pub struct GenericServer {
    /// The ports it listens on.
    ports: Vec<u16>,
    /// Whether it has started listening.
    listening: bool,
    /// The connection being read, its port, and the request so far.
    reading: Option<(Connection, u16, Vec<u8>)>,
}

impl GenericServer {
    /// The server for the ports in `args`.
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
