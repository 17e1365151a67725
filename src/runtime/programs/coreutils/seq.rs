//! `seq [FIRST [STEP]] LAST`.

use crate::runtime::program::Sys;
use crate::runtime::programs::once::error;

/// `seq [FIRST [STEP]] LAST`: the numbers, one a line.
pub fn seq(args: &[String], sys: &mut Sys) -> i32 {
    let numbers: Vec<i64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let (first, step, last) = match numbers.as_slice() {
        [last] => (1, 1, *last),
        [first, last] => (*first, 1, *last),
        [first, step, last] => (*first, *step, *last),
        _ => {
            error(sys, "seq: missing operand".into());
            return 1;
        }
    };
    if step == 0 {
        error(sys, "seq: invalid Zero increment value: '0'".into());
        return 1;
    }
    let mut value = first;
    // A million lines is far beyond what a container command prints at once.
    for _ in 0..1_000_000 {
        if (step > 0 && value > last) || (step < 0 && value < last) {
            break;
        }
        sys.out.extend(format!("{value}\n").bytes());
        value += step;
    }
    0
}
