//! A [`Problem`]: a diagnostic as the editor shows and lists it (kubectl's
//! words and the learner's explanation).

use crate::spec::{explain, Diagnostic, Explanation, Severity, Span};
use serde::{Deserialize, Serialize};

/// A diagnostic as the editor shows it: where, how bad, kubectl's words and
/// the learner's explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Where it is in the editor's text.
    pub span: Span,
    /// Error, warning or info.
    pub severity: Severity,
    /// The API server's (or kubectl's) own text.
    pub message: String,
    /// What it means and how to fix it, in both languages.
    pub explanation: Explanation,
}

impl From<&Diagnostic> for Problem {
    fn from(diagnostic: &Diagnostic) -> Problem {
        Problem {
            span: diagnostic.span,
            severity: diagnostic.severity(),
            message: diagnostic.kind.to_string(),
            explanation: explain(&diagnostic.kind),
        }
    }
}
