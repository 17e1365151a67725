//! Why a share link was refused, in the learner's words. A leaf of the
//! share folder: both the unpacking and the format use it.

use std::fmt;

/// Why a link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The text is not lz-string's URI-safe output.
    NotCompressed,
    /// It unpacks to more than the API server would take.
    TooLarge,
    /// It unpacks, but not to this format (a field is missing or malformed).
    BadFormat(&'static str),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotCompressed => write!(f, "the link is damaged (it does not unpack)"),
            ShareError::TooLarge => write!(f, "the link holds more than 3 MiB"),
            ShareError::BadFormat(what) => write!(f, "the link is not a podplay link ({what})"),
        }
    }
}
