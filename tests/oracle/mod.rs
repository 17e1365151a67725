//! The differential oracle for the containers' shells (issue 16): each case
//! of the corpus (`cases/`) runs in podplay and is compared with what the
//! real program printed (`golden/`, recorded by `scripts/record-oracles.sh`);
//! `KNOWN_DIFFERENCES` lists the cases podplay does not yet get right.
//! `corpus` reads the cases, `outcome` holds a run's result and the golden
//! files, `podplay` and `real` run a case each way, `known` keeps the list.

pub mod corpus;
pub mod known;
pub mod outcome;
pub mod podplay;
pub mod real;

/// The working directory every case starts in, in podplay's container and
/// on the machine that runs the real programs.
pub const WORK_DIR: &str = "/tmp/podplay-oracle";

/// `HOME` in every case's environment.
pub const HOME: &str = "/root";
