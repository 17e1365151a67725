//! The node's side of the network: the kubelet's probes connect, send and
//! receive as the host, and the cluster hands the runtime its Service routes
//! and DNS records.

use super::pipes::{ConnectError, Connection, Pipe, PipeId};
use super::program::ProcessId;
use super::Runtime;
use std::collections::{BTreeMap, VecDeque};

impl Runtime {
    /// The ports listened on in `namespace`, each with its listening process.
    pub fn listeners_in(&self, namespace: &str) -> Vec<(u16, ProcessId)> {
        self.listeners
            .iter()
            .filter(|((ns, _), _)| ns == namespace)
            .map(|((_, port), (process, _))| (*port, *process))
            .collect()
    }

    /// Opens a TCP connection from the node (`peer`) to `ip:port`, as the
    /// kubelet's probes do; the server accepts it when it next runs.
    pub fn host_connect(
        &mut self,
        peer: [u8; 4],
        ip: &str,
        port: u16,
    ) -> Result<Connection, ConnectError> {
        let Some((_, queue)) = self.listeners.get_mut(&(ip.to_string(), port)) else {
            return Err(ConnectError::Refused);
        };
        let mut new_pipe = || {
            self.pipes.push(Pipe {
                buffer: VecDeque::new(),
                socket_closed: Some(false),
            });
            PipeId(self.pipes.len() - 1)
        };
        let connection = Connection {
            upstream: new_pipe(),
            downstream: new_pipe(),
            peer,
        };
        queue.push_back(connection);
        Ok(connection)
    }

    /// Sends `data` on the node's side of a connection and closes that
    /// direction (a request that is complete).
    pub fn host_send(&mut self, connection: Connection, data: &[u8]) {
        let pipe = &mut self.pipes[connection.upstream.0];
        pipe.buffer.extend(data);
        pipe.socket_closed = Some(true);
    }

    /// Takes what the server has answered so far on a connection the node
    /// opened, and whether the server has closed it.
    pub fn host_receive(&mut self, connection: Connection) -> (Vec<u8>, bool) {
        let pipe = &mut self.pipes[connection.downstream.0];
        let data = pipe.buffer.drain(..).collect();
        (data, pipe.socket_closed == Some(true))
    }

    /// Replaces the Service routes: (ClusterIP, port) → backends (pod IP, targetPort).
    pub fn set_services(&mut self, routes: BTreeMap<(String, u16), Vec<(String, u16)>>) {
        self.services = routes;
    }

    /// Replaces the cluster DNS records (`myservice.default.svc.cluster.local` → ClusterIP).
    pub fn set_dns(&mut self, records: BTreeMap<String, String>) {
        self.dns = records;
    }
}
