//! The parsed form of a JSONPath template: the nodes client-go's parser
//! builds. Plain data, shared by the parser and the evaluator; it knows
//! neither how a template is read nor how it runs.

/// One node of a parsed template.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    /// Text outside actions, or a quoted string inside one.
    Text(String),
    /// The nodes of one `{…}` action (or of a filter's side).
    List(Vec<Node>),
    /// `.name`: a map's key.
    Field(String),
    /// `[start:end:step]`, each part known or not.
    Array([Param; 3]),
    /// `[?(@.a == "x")]`; `operator` is `exists` when there is no comparison.
    Filter {
        /// The nodes giving the value compared (or tested for existence).
        left: Vec<Node>,
        /// The nodes giving the value it is compared with.
        right: Vec<Node>,
        /// `==`, `!=`, `<`, `>`, `<=`, `>=`, or `exists`.
        operator: String,
    },
    /// A number literal.
    Int(i64),
    /// A number literal with a fraction.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
    /// `.*` or `[*]`.
    Wildcard,
    /// `..`.
    Recursive,
    /// `[a,b]`.
    Union(Vec<Vec<Node>>),
    /// `range` or `end` (anything else fails when run).
    Identifier(String),
}

/// One part of an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Param {
    /// The number.
    pub(super) value: i64,
    /// Whether it was given (or derived).
    pub(super) known: bool,
    /// Whether it was derived from the start (`[i]` means `[i:i+1]`).
    pub(super) derived: bool,
}
