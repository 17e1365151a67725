//! Redis: `redis-server` answering SET/GET/DEL/EXISTS/KEYS/PING/SAVE over RESP
//! on port 6379, saving its data to `/data/dump.rdb` on SIGTERM and loading it
//! at start (so data in an emptyDir survives a container restart, as seed 004
//! shows), and a non-interactive `redis-cli` (`--no-raw` prints replies as
//! on a terminal; the console's interactive `redis-cli` sends each line so).

mod cli;
mod commands;
mod resp;
mod server;

pub use cli::RedisCli;
pub use server::RedisServer;
