//! Field errors as the API server words them (apimachinery
//! `pkg/util/validation/field`): `<path>: <body>`, where the body is
//! `Required value`, `Invalid value: "x"`, `Unsupported value: "x": supported
//! values: "A", "B"`, … with an optional `: detail`.

use std::fmt;

/// The value an error is about, printed as Go's `%v` (numbers, bools) or `%q` (strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// A string, printed quoted.
    Text(String),
    /// An integer, printed bare.
    Number(i64),
    /// A boolean, printed bare.
    Bool(bool),
}

impl From<&str> for BadValue {
    fn from(text: &str) -> Self {
        BadValue::Text(text.to_string())
    }
}

impl From<&String> for BadValue {
    fn from(text: &String) -> Self {
        BadValue::Text(text.clone())
    }
}

impl From<i64> for BadValue {
    fn from(number: i64) -> Self {
        BadValue::Number(number)
    }
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Text(text) => write!(f, "{}", go_quote(text)),
            BadValue::Number(number) => write!(f, "{number}"),
            BadValue::Bool(flag) => write!(f, "{flag}"),
        }
    }
}

/// What kind of field error, with what it needs to be printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldErrorKind {
    /// `Required value[: detail]`
    Required { detail: String },
    /// `Invalid value: V[: detail]`
    Invalid { value: BadValue, detail: String },
    /// `Duplicate value: V`
    Duplicate { value: BadValue },
    /// `Not found: V`
    NotFound { value: BadValue },
    /// `Unsupported value: V: supported values: "A", "B"`
    NotSupported {
        value: BadValue,
        supported: Vec<&'static str>,
    },
    /// `Forbidden[: detail]`
    Forbidden { detail: String },
}

/// One field error: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field path, e.g. `spec.containers[0].image`.
    pub path: String,
    /// What is wrong with it.
    pub kind: FieldErrorKind,
}

impl FieldError {
    /// `Required value[: detail]`.
    pub fn required(path: impl Into<String>, detail: &str) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::Required {
                detail: detail.to_string(),
            },
        }
    }

    /// `Invalid value: V: detail`.
    pub fn invalid(
        path: impl Into<String>,
        value: impl Into<BadValue>,
        detail: &str,
    ) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::Invalid {
                value: value.into(),
                detail: detail.to_string(),
            },
        }
    }

    /// `Duplicate value: V`.
    pub fn duplicate(path: impl Into<String>, value: impl Into<BadValue>) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::Duplicate {
                value: value.into(),
            },
        }
    }

    /// `Not found: V`.
    pub fn not_found(path: impl Into<String>, value: impl Into<BadValue>) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::NotFound {
                value: value.into(),
            },
        }
    }

    /// `Unsupported value: V: supported values: …`.
    pub fn not_supported(
        path: impl Into<String>,
        value: impl Into<BadValue>,
        supported: &[&'static str],
    ) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::NotSupported {
                value: value.into(),
                supported: supported.to_vec(),
            },
        }
    }

    /// `Forbidden[: detail]`.
    pub fn forbidden(path: impl Into<String>, detail: &str) -> FieldError {
        FieldError {
            path: path.into(),
            kind: FieldErrorKind::Forbidden {
                detail: detail.to_string(),
            },
        }
    }

    /// The text after `<path>: `.
    pub fn body(&self) -> String {
        let with_detail = |head: String, detail: &str| {
            if detail.is_empty() {
                head
            } else {
                format!("{head}: {detail}")
            }
        };
        match &self.kind {
            FieldErrorKind::Required { detail } => with_detail("Required value".into(), detail),
            FieldErrorKind::Invalid { value, detail } => {
                with_detail(format!("Invalid value: {value}"), detail)
            }
            FieldErrorKind::Duplicate { value } => format!("Duplicate value: {value}"),
            FieldErrorKind::NotFound { value } => format!("Not found: {value}"),
            FieldErrorKind::NotSupported { value, supported } => {
                let quoted: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
                format!(
                    "Unsupported value: {value}: supported values: {}",
                    quoted.join(", ")
                )
            }
            FieldErrorKind::Forbidden { detail } => with_detail("Forbidden".into(), detail),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.body())
    }
}

/// Go's `strconv.Quote` for the characters a manifest can hold.
pub fn go_quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        match ch {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                quoted.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_as_apimachinery_prints_them() {
        let cases = [
            (FieldError::required("spec.containers", ""), "spec.containers: Required value"),
            (
                FieldError::required("metadata.name", "name or generateName is required"),
                "metadata.name: Required value: name or generateName is required",
            ),
            (
                FieldError::invalid("spec.containers[0].ports[0].containerPort", 70000, "must be between 1 and 65535, inclusive"),
                "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
            ),
            (
                FieldError::duplicate("spec.initContainers[0].name", "app"),
                "spec.initContainers[0].name: Duplicate value: \"app\"",
            ),
            (
                FieldError::not_found("spec.containers[0].volumeMounts[0].name", "data"),
                "spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
            ),
            (
                FieldError::not_supported("spec.restartPolicy", "Sometimes", &["Always", "OnFailure", "Never"]),
                "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            ),
            (
                FieldError::forbidden("spec.initContainers[0].livenessProbe", "may not be set for init containers without restartPolicy=Always"),
                "spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
    }

    #[test]
    fn strings_are_quoted_as_go_quotes_them() {
        assert_eq!(go_quote("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\x01\"");
    }
}
