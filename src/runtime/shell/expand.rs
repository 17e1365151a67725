//! Word expansion, in the shell's order: brace expansion, then parameters,
//! command substitutions (already run: their outputs come from the context)
//! and arithmetic, then field splitting of unquoted results, then pathname
//! expansion. Patterns (`case`, `${x#pat}`) match with [`glob_match`].

use super::ast::{Parameter, ParameterOperation, Word, WordPart};

/// What expansion needs from the running shell.
pub trait Context {
    /// A variable or special parameter (`?`, `$`, `!`, `#`, `0`–`9`); `None` when unset.
    fn variable(&self, name: &str) -> Option<String>;
    /// The positional parameters, for `$@` and `$*`.
    fn positional(&self) -> Vec<String>;
    /// Sets a variable (for `${x:=word}` and arithmetic assignment).
    fn assign(&mut self, name: &str, value: String);
    /// The output of the next command substitution, in order.
    fn substitution(&mut self) -> String;
    /// Paths matching `pattern`, sorted; empty when none match.
    fn glob(&self, pattern: &str) -> Vec<String>;
}

/// Why an expansion failed, as the shell words it after `sh: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError(pub String);

/// One piece of an expanded word: its text and how it may be split or globbed.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    /// Came from an unquoted expansion: split on blanks.
    splittable: bool,
    /// Unquoted: `*`, `?` and `[` in it are patterns.
    globbable: bool,
    /// Ends a field here (between the fields of `"$@"`).
    field_break: bool,
}

/// Expands command words into fields.
pub fn expand_words(words: &[Word], context: &mut dyn Context) -> Result<Vec<String>, ExpandError> {
    let mut fields = Vec::with_capacity(words.len());
    for word in words {
        // Most words are plain text: nothing to expand, split or match.
        if let [WordPart::Literal(text)] = word.parts.as_slice() {
            if !text.contains(['{', '*', '?', '[']) {
                fields.push(text.clone());
                continue;
            }
            if !text.contains(['*', '?', '[']) {
                // Braces alone (`{1..100}`): expanded as text, no word copies.
                brace_expand_text(text, &mut fields);
                continue;
            }
        }
        if let [WordPart::Parameter(parameter)] = word.parts.as_slice() {
            if parameter.name != "@" {
                // `$name` alone: its value, split on blanks (no pattern in a
                // value is matched unless it has pattern characters).
                let value = expand_parameter(parameter, context)?;
                if !value.contains(['*', '?', '[', ' ', '\t', '\n']) {
                    if !value.is_empty() {
                        fields.push(value);
                    }
                    continue;
                }
                let piece = Piece {
                    text: value,
                    splittable: true,
                    globbable: true,
                    field_break: false,
                };
                fields.extend(split_and_glob(vec![piece], context));
                continue;
            }
        }
        if !has_brace(word) {
            let pieces = expand_pieces(&word.parts, context, false)?;
            fields.extend(split_and_glob(pieces, context));
            continue;
        }
        for braced in brace_expand(word) {
            // A brace alternative is mostly plain text (`{1..100}`).
            if let [WordPart::Literal(text)] = braced.parts.as_slice() {
                if !text.contains(['*', '?', '[']) {
                    fields.push(text.clone());
                    continue;
                }
            }
            let pieces = expand_pieces(&braced.parts, context, false)?;
            fields.extend(split_and_glob(pieces, context));
        }
    }
    Ok(fields)
}

/// Whether a word has unquoted text with a `{` (a brace expansion, maybe).
fn has_brace(word: &Word) -> bool {
    word.parts
        .iter()
        .any(|part| matches!(part, WordPart::Literal(text) if text.contains('{')))
}

/// Expands a word into one string, without splitting or globbing
/// (assignments, redirection targets, `case` subjects).
pub fn expand_single(word: &Word, context: &mut dyn Context) -> Result<String, ExpandError> {
    if let [WordPart::Literal(text) | WordPart::SingleQuoted(text)] = word.parts.as_slice() {
        return Ok(text.clone());
    }
    Ok(expand_pieces(&word.parts, context, false)?
        .into_iter()
        .map(|piece| piece.text)
        .collect())
}

/// Expands a here-document body: `$…`, `` `…` `` and `\` as inside double quotes.
pub fn expand_heredoc(body: &str, context: &mut dyn Context) -> Result<String, ExpandError> {
    match super::parse(&format!("\"{}\"", body.replace('"', "\\\""))) {
        Ok(program) => match program
            .body
            .items
            .first()
            .map(|item| &item.and_or.first.commands[0])
        {
            Some(super::ast::Command::Simple { words, .. }) if words.len() == 1 => {
                expand_single(&words[0], context)
            }
            _ => Ok(body.to_string()),
        },
        Err(_) => Ok(body.to_string()),
    }
}

fn expand_pieces(
    parts: &[WordPart],
    context: &mut dyn Context,
    quoted: bool,
) -> Result<Vec<Piece>, ExpandError> {
    let mut pieces = Vec::with_capacity(parts.len());
    let literal = |text: String, quoted: bool| Piece {
        text,
        splittable: false,
        globbable: !quoted,
        field_break: false,
    };
    let expanded = |text: String, quoted: bool| Piece {
        text,
        splittable: !quoted,
        globbable: !quoted,
        field_break: false,
    };
    for part in parts {
        match part {
            WordPart::Literal(text) => pieces.push(literal(text.clone(), quoted)),
            WordPart::SingleQuoted(text) => pieces.push(literal(text.clone(), true)),
            WordPart::DoubleQuoted(inner) => {
                let inner_pieces = expand_pieces(inner, context, true)?;
                if inner_pieces.is_empty() {
                    // `""` is an empty field, not nothing.
                    pieces.push(literal(String::new(), true));
                }
                pieces.extend(inner_pieces);
            }
            WordPart::Parameter(parameter)
                if parameter.name == "@"
                    && matches!(parameter.operation, ParameterOperation::Value) =>
            {
                let values = context.positional();
                for (index, value) in values.iter().enumerate() {
                    let mut piece = expanded(value.clone(), quoted);
                    piece.field_break = index + 1 < values.len();
                    pieces.push(piece);
                }
            }
            WordPart::Parameter(parameter) => {
                let value = expand_parameter(parameter, context)?;
                pieces.push(expanded(value, quoted));
            }
            WordPart::CommandSubstitution(_) => {
                let output = context.substitution();
                pieces.push(expanded(output.trim_end_matches('\n').to_string(), quoted));
            }
            WordPart::Arithmetic(expression) => {
                let expression =
                    expand_single(&Word::literal(expression), &mut ArithmeticText(context))?;
                let value = arithmetic(&expression, context)?;
                pieces.push(expanded(value.to_string(), quoted));
            }
        }
    }
    Ok(pieces)
}

/// Expands `$x` inside an arithmetic expression's text without splitting.
struct ArithmeticText<'a>(&'a mut dyn Context);

impl Context for ArithmeticText<'_> {
    fn variable(&self, name: &str) -> Option<String> {
        self.0.variable(name)
    }
    fn positional(&self) -> Vec<String> {
        self.0.positional()
    }
    fn assign(&mut self, name: &str, value: String) {
        self.0.assign(name, value)
    }
    fn substitution(&mut self) -> String {
        self.0.substitution()
    }
    fn glob(&self, _: &str) -> Vec<String> {
        Vec::new()
    }
}

fn expand_parameter(
    parameter: &Parameter,
    context: &mut dyn Context,
) -> Result<String, ExpandError> {
    let name = &parameter.name;
    let value = if name == "*" || name == "@" {
        Some(context.positional().join(" "))
    } else {
        context.variable(name)
    };
    let unset_or_empty = |colon: bool| match &value {
        None => true,
        Some(text) => colon && text.is_empty(),
    };
    Ok(match &parameter.operation {
        ParameterOperation::Value => value.unwrap_or_default(),
        ParameterOperation::Length => value.unwrap_or_default().chars().count().to_string(),
        ParameterOperation::Default { colon, word } => {
            if unset_or_empty(*colon) {
                expand_single(word, context)?
            } else {
                value.unwrap_or_default()
            }
        }
        ParameterOperation::Assign { colon, word } => {
            if unset_or_empty(*colon) {
                let assigned = expand_single(word, context)?;
                context.assign(name, assigned.clone());
                assigned
            } else {
                value.unwrap_or_default()
            }
        }
        ParameterOperation::Alternative { colon, word } => {
            if unset_or_empty(*colon) {
                String::new()
            } else {
                expand_single(word, context)?
            }
        }
        ParameterOperation::Error { colon, word } => {
            if unset_or_empty(*colon) {
                let message = expand_single(word, context)?;
                let message = if message.is_empty() {
                    "parameter not set".to_string()
                } else {
                    message
                };
                return Err(ExpandError(format!("{name}: {message}")));
            }
            value.unwrap_or_default()
        }
        ParameterOperation::RemovePrefix { longest, pattern } => {
            let pattern = expand_single(pattern, context)?;
            remove_match(value.unwrap_or_default(), &pattern, true, *longest)
        }
        ParameterOperation::RemoveSuffix { longest, pattern } => {
            let pattern = expand_single(pattern, context)?;
            remove_match(value.unwrap_or_default(), &pattern, false, *longest)
        }
    })
}

/// `${x#pat}`, `${x##pat}` (`prefix`) and `${x%pat}`, `${x%%pat}`: removes the
/// shortest (or `longest`) part matching `pattern` from that end of `text`.
fn remove_match(text: String, pattern: &str, prefix: bool, longest: bool) -> String {
    let cuts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    // A prefix grows with the cut; a suffix shrinks. Try the wanted size first.
    let shortest_first = prefix != longest;
    let mut order: Box<dyn Iterator<Item = &usize>> = if shortest_first {
        Box::new(cuts.iter())
    } else {
        Box::new(cuts.iter().rev())
    };
    let matches = |cut: usize| {
        if prefix {
            glob_match(pattern, &text[..cut])
        } else {
            glob_match(pattern, &text[cut..])
        }
    };
    match order.find(|cut| matches(**cut)) {
        Some(&cut) if prefix => text[cut..].to_string(),
        Some(&cut) => text[..cut].to_string(),
        None => text,
    }
}

/// Splits unquoted expansion results on blanks, then globs unquoted patterns.
fn split_and_glob(pieces: Vec<Piece>, context: &mut dyn Context) -> Vec<String> {
    let patterns = pieces
        .iter()
        .any(|piece| piece.globbable && piece.text.contains(['*', '?', '[']));
    if !patterns {
        return split(pieces);
    }
    // Each field: its text and the pattern form (quoted glob characters escaped).
    let mut fields: Vec<(String, String, bool)> = Vec::new();
    let mut current: Option<(String, String, bool)> = None;
    for piece in pieces {
        if piece.text.is_empty() && !piece.splittable {
            current.get_or_insert_with(|| (String::new(), String::new(), false));
        }
        for ch in piece.text.chars() {
            if piece.splittable && matches!(ch, ' ' | '\t' | '\n') {
                if let Some(field) = current.take() {
                    fields.push(field);
                }
                continue;
            }
            let field = current.get_or_insert_with(|| (String::new(), String::new(), false));
            field.0.push(ch);
            if piece.globbable && matches!(ch, '*' | '?' | '[') {
                field.1.push(ch);
                field.2 = true;
            } else if matches!(ch, '*' | '?' | '[' | '\\') {
                field.1.push('\\');
                field.1.push(ch);
            } else {
                field.1.push(ch);
            }
        }
        if piece.field_break {
            fields.push(current.take().unwrap_or_default());
        }
    }
    if let Some(field) = current {
        fields.push(field);
    }
    let mut result = Vec::new();
    for (text, pattern, has_glob) in fields {
        if has_glob {
            let matches = context.glob(&pattern);
            if !matches.is_empty() {
                result.extend(matches);
                continue;
            }
        }
        result.push(text);
    }
    result
}

/// Splits unquoted expansion results on blanks (no piece has a pattern).
fn split(pieces: Vec<Piece>) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current: Option<String> = None;
    for piece in pieces {
        if !piece.splittable {
            match current.as_mut() {
                Some(field) => field.push_str(&piece.text),
                None => current = Some(piece.text),
            }
        } else if !piece
            .text
            .bytes()
            .any(|byte| matches!(byte, b' ' | b'\t' | b'\n'))
        {
            // No blank to split on (a number, a word): one piece of a field.
            if !piece.text.is_empty() {
                match current.as_mut() {
                    Some(field) => field.push_str(&piece.text),
                    None => current = Some(piece.text),
                }
            }
        } else {
            for (index, chunk) in piece.text.split([' ', '\t', '\n']).enumerate() {
                if index > 0 {
                    if let Some(field) = current.take() {
                        fields.push(field);
                    }
                }
                if !chunk.is_empty() {
                    current.get_or_insert_with(String::new).push_str(chunk);
                }
            }
        }
        if piece.field_break {
            fields.push(current.take().unwrap_or_default());
        }
    }
    if let Some(field) = current {
        fields.push(field);
    }
    fields
}

/// Brace expansion of unquoted literal text: `{1..100}`, `{a..e}`, `{x,y}`.
fn brace_expand(word: &Word) -> Vec<Word> {
    if !has_brace(word) {
        return vec![word.clone()];
    }
    for (index, part) in word.parts.iter().enumerate() {
        let WordPart::Literal(text) = part else {
            continue;
        };
        let Some((prefix, alternatives, suffix)) = find_brace(text) else {
            continue;
        };
        let mut words = Vec::with_capacity(alternatives.len());
        for alternative in alternatives {
            let mut text = String::with_capacity(prefix.len() + alternative.len() + suffix.len());
            text.push_str(prefix);
            text.push_str(&alternative);
            text.push_str(suffix);
            let mut parts = word.parts.clone();
            parts[index] = WordPart::Literal(text);
            let expanded = Word { parts };
            if has_brace(&expanded) {
                words.extend(brace_expand(&expanded));
            } else {
                words.push(expanded);
            }
        }
        return words;
    }
    vec![word.clone()]
}

/// Brace expansion of plain text with no pattern characters, into `fields`.
fn brace_expand_text(text: &str, fields: &mut Vec<String>) {
    let Some((prefix, alternatives, suffix)) = find_brace(text) else {
        fields.push(text.to_string());
        return;
    };
    for alternative in alternatives {
        let expanded = if prefix.is_empty() && suffix.is_empty() {
            alternative
        } else {
            format!("{prefix}{alternative}{suffix}")
        };
        if expanded.contains('{') {
            brace_expand_text(&expanded, fields);
        } else {
            fields.push(expanded);
        }
    }
}

/// Finds the first `{…}` with a comma or a `..` range; returns what is
/// before, the alternatives, and what is after.
fn find_brace(text: &str) -> Option<(&str, Vec<String>, &str)> {
    let bytes = text.as_bytes();
    for open in (0..bytes.len()).filter(|i| bytes[*i] == b'{') {
        let mut depth = 0;
        for close in open..bytes.len() {
            match bytes[close] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        let inner = &text[open + 1..close];
                        if let Some(items) = brace_items(inner) {
                            return Some((&text[..open], items, &text[close + 1..]));
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The alternatives of the inside of a brace, if it is a list or a range.
fn brace_items(inner: &str) -> Option<Vec<String>> {
    let range: Vec<&str> = inner.split("..").collect();
    if range.len() == 2 || range.len() == 3 {
        let step: i64 = range
            .get(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(1)
            .max(1);
        if let (Ok(start), Ok(end)) = (range[0].parse::<i64>(), range[1].parse::<i64>()) {
            // A range of a million is already far beyond any Pod command.
            if (end - start).abs() / step > 1_000_000 {
                return None;
            }
            let width = if range[0].starts_with('0') && range[0].len() > 1 {
                range[0].len()
            } else {
                0
            };
            let mut items = Vec::new();
            let mut value = start;
            loop {
                items.push(if width == 0 {
                    value.to_string()
                } else {
                    format!("{value:0width$}")
                });
                if value == end {
                    break;
                }
                value += if end > start { step } else { -step };
                if (end > start && value > end) || (end < start && value < end) {
                    break;
                }
            }
            return Some(items);
        }
        let (a, b) = (
            range[0].chars().collect::<Vec<_>>(),
            range[1].chars().collect::<Vec<_>>(),
        );
        if let ([a], [b]) = (a.as_slice(), b.as_slice()) {
            let (a, b) = (*a as u32, *b as u32);
            let items: Vec<String> = if a <= b {
                (a..=b)
                    .filter_map(char::from_u32)
                    .map(String::from)
                    .collect()
            } else {
                (b..=a)
                    .rev()
                    .filter_map(char::from_u32)
                    .map(String::from)
                    .collect()
            };
            return Some(items);
        }
    }
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (index, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(inner[start..index].to_string());
                start = index + 1;
            }
            _ => {}
        }
    }
    if items.is_empty() {
        return None;
    }
    items.push(inner[start..].to_string());
    Some(items)
}

/// Shell pattern matching: `*`, `?`, `[abc]`, `[a-z]`, `[!x]`, `\x`.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with backtracking on the last `*`.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() {
            match pattern[p] {
                '*' => {
                    star = Some((p, t));
                    p += 1;
                    continue;
                }
                '?' => {
                    p += 1;
                    t += 1;
                    continue;
                }
                '[' => {
                    if let Some((matched, next)) = bracket(&pattern, p, text[t]) {
                        if matched {
                            p = next;
                            t += 1;
                            continue;
                        }
                    } else if text[t] == '[' {
                        p += 1;
                        t += 1;
                        continue;
                    }
                }
                '\\' if p + 1 < pattern.len() && pattern[p + 1] == text[t] => {
                    p += 2;
                    t += 1;
                    continue;
                }
                c if c == text[t] => {
                    p += 1;
                    t += 1;
                    continue;
                }
                _ => {}
            }
        }
        match star {
            Some((star_p, star_t)) => {
                p = star_p + 1;
                t = star_t + 1;
                star = Some((star_p, star_t + 1));
            }
            None => return false,
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// Matches `ch` against the bracket expression at `pattern[start]`; returns
/// whether it matched and where the pattern continues.
fn bracket(pattern: &[char], start: usize, ch: char) -> Option<(bool, usize)> {
    let mut index = start + 1;
    let negated = matches!(pattern.get(index), Some('!' | '^'));
    if negated {
        index += 1;
    }
    let mut matched = false;
    let mut first = true;
    while index < pattern.len() && (first || pattern[index] != ']') {
        first = false;
        let low = pattern[index];
        if pattern.get(index + 1) == Some(&'-') && pattern.get(index + 2).is_some_and(|c| *c != ']')
        {
            let high = pattern[index + 2];
            matched |= low <= ch && ch <= high;
            index += 3;
        } else {
            matched |= low == ch;
            index += 1;
        }
    }
    if index >= pattern.len() {
        return None;
    }
    Some((matched != negated, index + 1))
}

/// Evaluates `$((…))`: integers, `+ - * / % **`, comparisons, `&& || !`,
/// parentheses, and variables by name (unset or empty are 0).
pub fn arithmetic(expression: &str, context: &mut dyn Context) -> Result<i64, ExpandError> {
    let tokens = arithmetic_tokens(expression)?;
    let mut parser = Arithmetic {
        tokens,
        position: 0,
        context,
    };
    let value = parser.binary(0)?;
    if parser.position != parser.tokens.len() {
        return Err(ExpandError(format!(
            "arithmetic syntax error: \"{expression}\""
        )));
    }
    Ok(value)
}

#[derive(Debug, Clone, PartialEq)]
enum ArithmeticToken {
    Number(i64),
    Name(String),
    Operator(&'static str),
}

fn arithmetic_tokens(text: &str) -> Result<Vec<ArithmeticToken>, ExpandError> {
    const OPERATORS: [&str; 19] = [
        "**", "<=", ">=", "==", "!=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "!", "(", ")",
        "=", ",",
    ];
    let mut tokens = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        if ch.is_whitespace() {
            index += 1;
        } else if ch.is_ascii_digit() {
            let start = index;
            while index < chars.len() && chars[index].is_ascii_alphanumeric() {
                index += 1;
            }
            let digits: String = chars[start..index].iter().collect();
            let number = if let Some(hex) = digits.strip_prefix("0x") {
                i64::from_str_radix(hex, 16).ok()
            } else if digits.len() > 1 && digits.starts_with('0') {
                i64::from_str_radix(&digits[1..], 8).ok()
            } else {
                digits.parse().ok()
            };
            tokens.push(ArithmeticToken::Number(number.ok_or_else(|| {
                ExpandError(format!("arithmetic syntax error: \"{text}\""))
            })?));
        } else if ch.is_ascii_alphabetic() || ch == '_' {
            let start = index;
            while index < chars.len()
                && (chars[index].is_ascii_alphanumeric() || chars[index] == '_')
            {
                index += 1;
            }
            tokens.push(ArithmeticToken::Name(chars[start..index].iter().collect()));
        } else {
            let rest: String = chars[index..].iter().take(2).collect();
            let operator = OPERATORS
                .iter()
                .find(|op| rest.starts_with(**op))
                .ok_or_else(|| ExpandError(format!("arithmetic syntax error: \"{text}\"")))?;
            index += operator.len();
            tokens.push(ArithmeticToken::Operator(operator));
        }
    }
    Ok(tokens)
}

struct Arithmetic<'a> {
    tokens: Vec<ArithmeticToken>,
    position: usize,
    context: &'a mut dyn Context,
}

impl Arithmetic<'_> {
    fn peek_operator(&self) -> Option<&'static str> {
        match self.tokens.get(self.position) {
            Some(ArithmeticToken::Operator(op)) => Some(op),
            _ => None,
        }
    }

    fn error(&self) -> ExpandError {
        ExpandError("arithmetic syntax error".to_string())
    }

    /// Precedence climbing over binary operators.
    fn binary(&mut self, min_precedence: u8) -> Result<i64, ExpandError> {
        let mut left = self.unary()?;
        while let Some(op) = self.peek_operator() {
            let precedence = match op {
                "||" => 1,
                "&&" => 2,
                "==" | "!=" => 3,
                "<" | ">" | "<=" | ">=" => 4,
                "+" | "-" => 5,
                "*" | "/" | "%" => 6,
                "**" => 7,
                _ => break,
            };
            if precedence < min_precedence {
                break;
            }
            self.position += 1;
            let next_min = if op == "**" {
                precedence
            } else {
                precedence + 1
            };
            let right = self.binary(next_min)?;
            left = match op {
                "||" => i64::from(left != 0 || right != 0),
                "&&" => i64::from(left != 0 && right != 0),
                "==" => i64::from(left == right),
                "!=" => i64::from(left != right),
                "<" => i64::from(left < right),
                ">" => i64::from(left > right),
                "<=" => i64::from(left <= right),
                ">=" => i64::from(left >= right),
                "+" => left.wrapping_add(right),
                "-" => left.wrapping_sub(right),
                "*" => left.wrapping_mul(right),
                "/" | "%" if right == 0 => return Err(ExpandError("divide by zero".to_string())),
                "/" => left.wrapping_div(right),
                "%" => left.wrapping_rem(right),
                "**" => left.wrapping_pow(u32::try_from(right).unwrap_or(0)),
                _ => unreachable!("listed above"),
            };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<i64, ExpandError> {
        match self.tokens.get(self.position).cloned() {
            Some(ArithmeticToken::Operator("-")) => {
                self.position += 1;
                Ok(self.unary()?.wrapping_neg())
            }
            Some(ArithmeticToken::Operator("+")) => {
                self.position += 1;
                self.unary()
            }
            Some(ArithmeticToken::Operator("!")) => {
                self.position += 1;
                Ok(i64::from(self.unary()? == 0))
            }
            Some(ArithmeticToken::Operator("(")) => {
                self.position += 1;
                let value = self.binary(0)?;
                if self.peek_operator() != Some(")") {
                    return Err(self.error());
                }
                self.position += 1;
                Ok(value)
            }
            Some(ArithmeticToken::Number(number)) => {
                self.position += 1;
                Ok(number)
            }
            Some(ArithmeticToken::Name(name)) => {
                self.position += 1;
                if self.peek_operator() == Some("=")
                    && !matches!(
                        self.tokens.get(self.position + 1),
                        Some(ArithmeticToken::Operator("="))
                    )
                {
                    self.position += 1;
                    let value = self.binary(0)?;
                    self.context.assign(&name, value.to_string());
                    return Ok(value);
                }
                let text = self.context.variable(&name).unwrap_or_default();
                Ok(text.trim().parse().unwrap_or(0))
            }
            _ => Err(self.error()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::shell::ast::Command;
    use std::collections::BTreeMap;

    #[derive(Default)]
    struct Fake {
        variables: BTreeMap<String, String>,
        positional: Vec<String>,
        substitutions: Vec<String>,
        files: Vec<String>,
    }

    impl Context for Fake {
        fn variable(&self, name: &str) -> Option<String> {
            self.variables.get(name).cloned()
        }
        fn positional(&self) -> Vec<String> {
            self.positional.clone()
        }
        fn assign(&mut self, name: &str, value: String) {
            self.variables.insert(name.to_string(), value);
        }
        fn substitution(&mut self) -> String {
            self.substitutions.remove(0)
        }
        fn glob(&self, pattern: &str) -> Vec<String> {
            self.files
                .iter()
                .filter(|f| glob_match(pattern, f))
                .cloned()
                .collect()
        }
    }

    fn fields(script: &str, context: &mut Fake) -> Vec<String> {
        let program = crate::runtime::shell::parse(script).unwrap();
        let Command::Simple { words, .. } = &program.body.items[0].and_or.first.commands[0] else {
            panic!("a simple command");
        };
        expand_words(words, context).unwrap()
    }

    #[test]
    fn brace_ranges_and_lists_expand_in_order() {
        let mut context = Fake::default();
        assert_eq!(
            fields("echo {1..3} x{a,b}y {05..07} {c..a}", &mut context),
            ["echo", "1", "2", "3", "xay", "xby", "05", "06", "07", "c", "b", "a"]
        );
        assert_eq!(fields("echo {1..100}", &mut context).len(), 101);
        assert_eq!(
            fields("echo '{1..3}' {x}", &mut context),
            ["echo", "{1..3}", "{x}"]
        );
    }

    #[test]
    fn unquoted_expansions_split_and_quoted_ones_do_not() {
        let mut context = Fake::default();
        context.variables.insert("A".into(), "one  two".into());
        context.positional = vec!["p 1".into(), "p2".into()];
        assert_eq!(
            fields("echo $A \"$A\" \"$@\" $UNSET ''", &mut context),
            ["echo", "one", "two", "one  two", "p 1", "p2", ""]
        );
    }

    #[test]
    fn parameter_operations_follow_posix() {
        let mut context = Fake::default();
        context
            .variables
            .insert("FILE".into(), "/var/log/app.log.gz".into());
        context.variables.insert("EMPTY".into(), String::new());
        assert_eq!(
            fields("echo ${FILE##*/} ${FILE%.*} ${FILE%%.*} ${FILE#/var} ${#FILE} ${EMPTY:-d} ${EMPTY-d} ${UNSET:=set} $UNSET ${FILE:+alt}", &mut context),
            ["echo", "app.log.gz", "/var/log/app.log", "/var/log/app", "/log/app.log.gz", "19", "d", "set", "set", "alt"]
        );
    }

    #[test]
    fn command_substitution_output_loses_trailing_newlines_and_splits() {
        let mut context = Fake {
            substitutions: vec!["a b\n\n".into()],
            ..Fake::default()
        };
        assert_eq!(fields("echo x$(date)y", &mut context), ["echo", "xa", "by"]);
    }

    #[test]
    fn arithmetic_uses_c_precedence_and_variables() {
        let mut context = Fake::default();
        context.variables.insert("i".into(), "7".into());
        assert_eq!(fields("echo $((1 + 2 * 3)) $(( (i + 1) % 3 )) $((2 ** 10)) $((i > 5 && i < 10)) $((-i)) $((x = 4))", &mut context), ["echo", "7", "2", "1024", "1", "-7", "4"]);
        assert_eq!(context.variables["x"], "4");
        assert_eq!(
            arithmetic("1 / 0", &mut context),
            Err(ExpandError("divide by zero".into()))
        );
    }

    #[test]
    fn globs_match_files_or_stay_as_written() {
        let mut context = Fake {
            files: vec![
                "/data/a.log".into(),
                "/data/b.log".into(),
                "/data/c.txt".into(),
            ],
            ..Fake::default()
        };
        assert_eq!(
            fields("ls /data/*.log /none/* '/data/*'", &mut context),
            ["ls", "/data/a.log", "/data/b.log", "/none/*", "/data/*"]
        );
    }

    #[test]
    fn patterns_match_like_fnmatch() {
        assert!(glob_match("*.log", "app.log"));
        assert!(glob_match("st[a-z]rt|", "start|"));
        assert!(!glob_match("[!s]*", "start"));
        assert!(glob_match("a?c", "abc"));
        assert!(glob_match("\\*", "*"));
        assert!(!glob_match("\\*", "x"));
        assert!(glob_match("*", ""));
    }

    #[test]
    fn a_missing_required_parameter_is_an_error() {
        let mut context = Fake::default();
        let program = crate::runtime::shell::parse("echo ${NAME:?must be set}").unwrap();
        let Command::Simple { words, .. } = &program.body.items[0].and_or.first.commands[0] else {
            panic!();
        };
        assert_eq!(
            expand_words(words, &mut context),
            Err(ExpandError("NAME: must be set".into()))
        );
    }
}
