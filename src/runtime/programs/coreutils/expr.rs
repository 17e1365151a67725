//! `expr`: integer arithmetic, comparisons and `length`.

use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `expr`: integer arithmetic and comparisons of two operands, `length`.
pub fn expr(args: &[String], sys: &mut Sys) -> i32 {
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["length", text] => text.chars().count().to_string(),
        [a, op, b] => {
            let (x, y) = (a.parse::<i64>(), b.parse::<i64>());
            match (op, x, y) {
                (&"+", Ok(x), Ok(y)) => (x + y).to_string(),
                (&"-", Ok(x), Ok(y)) => (x - y).to_string(),
                (&"*", Ok(x), Ok(y)) => (x * y).to_string(),
                (&"/", Ok(_), Ok(0)) | (&"%", Ok(_), Ok(0)) => {
                    error(sys, "expr: division by zero".into());
                    return 2;
                }
                (&"/", Ok(x), Ok(y)) => (x / y).to_string(),
                (&"%", Ok(x), Ok(y)) => (x % y).to_string(),
                (&"=", _, _) => i32::from(a == b).to_string(),
                (&"!=", _, _) => i32::from(a != b).to_string(),
                (&"<", Ok(x), Ok(y)) => i32::from(x < y).to_string(),
                (&">", Ok(x), Ok(y)) => i32::from(x > y).to_string(),
                _ => {
                    error(sys, "expr: non-integer argument".into());
                    return 2;
                }
            }
        }
        [single] => single.to_string(),
        _ => {
            error(sys, "expr: syntax error".into());
            return 2;
        }
    };
    let status = i32::from(result == "0" || result.is_empty());
    sys.out.extend(format!("{result}\n").bytes());
    status
}
