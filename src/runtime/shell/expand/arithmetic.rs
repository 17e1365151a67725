//! `$((…))`: the expression's tokens and a precedence-climbing evaluator over
//! 64-bit integers, with variables read and assigned through the [`Context`].

use super::context::{Context, ExpandError};

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

/// Expands `$x` inside an arithmetic expression's text without splitting.
pub(super) struct ArithmeticText<'a>(pub(super) &'a mut dyn Context);

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
    fn warn(&mut self, message: &str) {
        self.0.warn(message)
    }
    fn glob(&self, _: &str) -> Vec<String> {
        Vec::new()
    }
}
