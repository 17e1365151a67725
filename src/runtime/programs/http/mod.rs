//! HTTP over the simulated network: the nginx server (serving
//! `/usr/share/nginx/html`, logging access lines, refusing a taken port as
//! nginx does), Tomcat (`catalina.sh run`), a generic server for unknown
//! images, and the `wget`, `curl` and `nc` clients.

mod client;
mod generic;
mod netcat;
mod nginx;
mod shared;
mod tomcat;

pub use client::HttpClient;
pub use generic::GenericServer;
pub use netcat::Netcat;
pub use nginx::Nginx;
pub use tomcat::Tomcat;
