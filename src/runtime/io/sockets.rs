//! Sockets as a process sees them: listening, connecting (through the
//! Services' virtual IPs), accepting, sending and closing one direction.

use super::{Io, RuntimeEvent};
use crate::runtime::pipes::{ConnectError, Connection, Pipe, PipeId};
use std::collections::VecDeque;

impl Io<'_> {
    /// Starts listening on `port` in the network namespace `namespace`;
    /// `false` when the port is taken (EADDRINUSE).
    pub fn listen(&mut self, namespace: &str, port: u16) -> bool {
        self.effects.count();
        let key = (namespace.to_string(), port);
        if self.listeners.contains_key(&key) {
            self.events.push(RuntimeEvent::ListenRefused {
                process: self.process,
                address: key,
            });
            return false;
        }
        self.events.push(RuntimeEvent::Listened {
            process: self.process,
            address: key.clone(),
        });
        self.listeners.insert(key, (self.process, VecDeque::new()));
        true
    }

    /// Stops listening on `port` of `namespace`.
    pub fn unlisten(&mut self, namespace: &str, port: u16) {
        self.effects.count();
        self.listeners.remove(&(namespace.to_string(), port));
    }

    /// Connects to `address:port` from a process in `namespace` (whose IP is
    /// `namespace`); `127.0.0.1` and `localhost` stay inside the namespace.
    pub fn connect(
        &mut self,
        namespace: &str,
        address: &str,
        port: u16,
    ) -> Result<Connection, ConnectError> {
        self.effects.count();
        let (target, port) = match address {
            "127.0.0.1" | "localhost" | "0.0.0.0" => (namespace.to_string(), port),
            other => match self.services.get(&(other.to_string(), port)) {
                // kube-proxy sends the connection on to a selected pod; the
                // first backend, so runs stay deterministic.
                Some(backends) => match backends.first() {
                    Some((ip, target_port)) => (ip.clone(), *target_port),
                    None => return Err(ConnectError::Refused),
                },
                None => (other.to_string(), port),
            },
        };
        let peer = namespace
            .split('.')
            .filter_map(|p| p.parse().ok())
            .collect::<Vec<u8>>();
        let peer: [u8; 4] = peer.try_into().unwrap_or([127, 0, 0, 1]);
        let to = (target, port);
        let Some((_, queue)) = self.listeners.get_mut(&to) else {
            self.events.push(RuntimeEvent::Refused {
                process: self.process,
                to,
            });
            return Err(ConnectError::Refused);
        };
        let upstream = PipeId(self.pipes.len());
        self.pipes.push(Pipe {
            buffer: VecDeque::new(),
            socket_closed: Some(false),
        });
        let downstream = PipeId(self.pipes.len());
        self.pipes.push(Pipe {
            buffer: VecDeque::new(),
            socket_closed: Some(false),
        });
        let connection = Connection {
            upstream,
            downstream,
            peer,
        };
        queue.push_back(connection);
        self.events.push(RuntimeEvent::Connected {
            process: self.process,
            to,
        });
        Ok(connection)
    }

    /// The ports listening in `namespace`, sorted.
    pub fn listening_ports(&self, namespace: &str) -> Vec<u16> {
        self.effects.count();
        self.listeners
            .keys()
            .filter(|(ns, _)| ns == namespace)
            .map(|(_, port)| *port)
            .collect()
    }

    /// The next connection waiting on the listener at `namespace:port`.
    pub fn accept(&mut self, namespace: &str, port: u16) -> Option<Connection> {
        self.effects.count();
        self.listeners
            .get_mut(&(namespace.to_string(), port))
            .and_then(|(_, queue)| queue.pop_front())
    }

    /// Writes to one direction of a connection.
    pub fn send(&mut self, pipe: PipeId, data: &[u8]) {
        self.effects.count();
        self.pipes[pipe.0].buffer.extend(data);
        self.events.push(RuntimeEvent::Sent {
            process: self.process,
            bytes: data.len(),
        });
    }

    /// Closes the writing side of one direction of a connection.
    pub fn shutdown(&mut self, pipe: PipeId) {
        self.effects.count();
        self.pipes[pipe.0].socket_closed = Some(true);
    }
}
