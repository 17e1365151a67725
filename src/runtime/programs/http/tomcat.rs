//! Tomcat (`catalina.sh run`): its start-up log, its 404 page on 8080, its shutdown.

use super::shared::{log_time, namespace};
use crate::runtime::pipes::{Connection, Endpoint, ReadResult};
use crate::runtime::program::{Program, Step, Sys, Wait};

/// The Tomcat version the official `tomcat` image runs.
const TOMCAT_VERSION: &str = "10.1.34";

/// The JVM's note about the options the image sets (`JDK_JAVA_OPTIONS`).
const TOMCAT_JAVA_OPTIONS_NOTE: &str = "NOTE: Picked up JDK_JAVA_OPTIONS:  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED\n";

/// The connector Tomcat names in its log.
const CONNECTOR: &str = "[\"http-nio-8080\"]";

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
        match self.phase {
            TomcatPhase::Launching => self.launch(sys),
            TomcatPhase::Initializing(ready) | TomcatPhase::Starting(ready)
                if sys.io.now < ready =>
            {
                Step::Block(Wait::Until(ready))
            }
            TomcatPhase::Initializing(_) => self.start_engine(sys),
            TomcatPhase::Starting(_) => self.start_connector(sys, &namespace),
            TomcatPhase::Stopping => Tomcat::stop(sys, &namespace),
            TomcatPhase::Serving => self.serve(sys, namespace),
        }
    }
}

impl Tomcat {
    /// The JVM's note and the version lines, then the connector initializes.
    fn launch(&mut self, sys: &mut Sys) -> Step {
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
            &format!("Initializing ProtocolHandler {CONNECTOR}"),
        );
        let ready = sys.io.now + TOMCAT_INIT_MILLIS;
        self.phase = TomcatPhase::Initializing(ready);
        Step::Block(Wait::Until(ready))
    }

    /// The connector is initialized: the service and its engine start.
    fn start_engine(&mut self, sys: &mut Sys) -> Step {
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

    /// The engine has started: the connector listens on 8080.
    fn start_connector(&mut self, sys: &mut Sys, namespace: &str) -> Step {
        if !sys.io.listen(namespace, 8080) {
            sys.err
                .extend(b"java.net.BindException: Address already in use\n");
            return Step::Exit(1);
        }
        Tomcat::log(
            sys,
            "main",
            "org.apache.coyote.AbstractProtocol.start",
            &format!("Starting ProtocolHandler {CONNECTOR}"),
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

    /// SIGTERM's shutdown hook: the connector pauses, the service stops.
    fn stop(sys: &mut Sys, namespace: &str) -> Step {
        let thread = "Thread-1";
        for (source, message) in [
            (
                "org.apache.coyote.AbstractProtocol.pause",
                format!("Pausing ProtocolHandler {CONNECTOR}"),
            ),
            (
                "org.apache.catalina.core.StandardService.stopInternal",
                "Stopping service [Catalina]".to_string(),
            ),
            (
                "org.apache.coyote.AbstractProtocol.stop",
                format!("Stopping ProtocolHandler {CONNECTOR}"),
            ),
            (
                "org.apache.coyote.AbstractProtocol.destroy",
                format!("Destroying ProtocolHandler {CONNECTOR}"),
            ),
        ] {
            Tomcat::log(sys, thread, source, &message);
        }
        sys.io.unlisten(namespace, 8080);
        // The JVM ends with the status of a death by SIGTERM.
        Step::Exit(143)
    }

    /// Accepts and reads a request, and answers it with the 404 page.
    fn serve(&mut self, sys: &mut Sys, namespace: String) -> Step {
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
            ReadResult::WouldBlock(pipe) if !request.windows(4).any(|w| w == b"\r\n\r\n") => {
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
