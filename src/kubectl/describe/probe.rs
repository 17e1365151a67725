//! `DescribeProbe`: a probe on one line, as describe prints it.

use crate::spec::Probe;

/// `DescribeProbe`: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`.
pub(super) fn describe_probe(probe: &Probe) -> String {
    let attributes = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        probe.initial_delay_seconds.unwrap_or(0),
        probe.timeout_seconds.unwrap_or(0),
        probe.period_seconds.unwrap_or(0),
        probe.success_threshold.unwrap_or(0),
        probe.failure_threshold.unwrap_or(0),
    );
    if let Some(exec) = &probe.exec {
        return format!("exec [{}] {attributes}", exec.command.join(" "));
    }
    if let Some(http) = &probe.http_get {
        let scheme = http.scheme.as_deref().unwrap_or("").to_lowercase();
        let host = http.host.as_deref().unwrap_or("");
        let port = http.port.to_string();
        let authority = if port.is_empty() {
            host.to_string()
        } else if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let path = http.path.as_deref().unwrap_or("");
        let path = if !path.is_empty() && !path.starts_with('/') && !authority.is_empty() {
            format!("/{path}")
        } else {
            path.to_string()
        };
        let scheme = if scheme.is_empty() {
            String::new()
        } else {
            format!("{scheme}:")
        };
        let authority = if authority.is_empty() && scheme.is_empty() {
            String::new()
        } else {
            format!("//{authority}")
        };
        return format!("http-get {scheme}{authority}{path} {attributes}");
    }
    if let Some(tcp) = &probe.tcp_socket {
        return format!(
            "tcp-socket {}:{} {attributes}",
            tcp.host.as_deref().unwrap_or(""),
            tcp.port
        );
    }
    format!("unknown {attributes}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ExecAction, HttpGetAction, IntOrString, TcpSocketAction};

    fn probe() -> Probe {
        Probe {
            initial_delay_seconds: None,
            timeout_seconds: Some(1),
            period_seconds: Some(10),
            success_threshold: Some(1),
            failure_threshold: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn an_http_probe_prints_its_url_with_an_empty_host() {
        let mut p = probe();
        p.http_get = Some(HttpGetAction {
            path: Some("/healthz".into()),
            port: IntOrString::Int(8080),
            scheme: Some("HTTP".into()),
            ..Default::default()
        });
        assert_eq!(
            describe_probe(&p),
            "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3"
        );
    }

    #[test]
    fn exec_and_tcp_probes_print_as_go_formats_them() {
        let mut p = probe();
        p.initial_delay_seconds = Some(5);
        p.exec = Some(ExecAction {
            command: vec!["cat".into(), "/tmp/healthy".into()],
        });
        assert_eq!(
            describe_probe(&p),
            "exec [cat /tmp/healthy] delay=5s timeout=1s period=10s #success=1 #failure=3"
        );
        let mut p = probe();
        p.tcp_socket = Some(TcpSocketAction {
            port: IntOrString::String("redis".into()),
            host: None,
        });
        assert_eq!(
            describe_probe(&p),
            "tcp-socket :redis delay=0s timeout=1s period=10s #success=1 #failure=3"
        );
    }
}
