//! `netstat -lnt` and `ss -lnt`.

use crate::runtime::program::Sys;

/// `netstat -lnt` / `ss -lnt`: the pod's listening TCP sockets.
pub fn netstat(_args: &[String], sys: &mut Sys) -> i32 {
    let ports = sys
        .network
        .map(|network| sys.io.listening_ports(&network.ip_text()))
        .unwrap_or_default();
    if sys.busybox {
        sys.out.extend(b"Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n");
        for port in ports {
            let local = format!("0.0.0.0:{port}");
            sys.out.extend(
                format!(
                    "tcp        0      0 {local:<23} {:<23} LISTEN      \n",
                    "0.0.0.0:*"
                )
                .bytes(),
            );
        }
    } else {
        sys.out
            .extend(b"State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
        for port in ports {
            sys.out.extend(
                format!("LISTEN 0      511          0.0.0.0:{port:<5}      0.0.0.0:*          \n")
                    .bytes(),
            );
        }
    }
    0
}
