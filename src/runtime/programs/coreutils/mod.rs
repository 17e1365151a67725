//! Small coreutils: printing (`echo`, `printf`, `yes`, `seq`), waiting
//! (`sleep`), arithmetic and tests (`expr`, `test`), the clock (`date`),
//! paths (`basename`, `dirname`) and the system's names (`id`, `uname`, …).

pub mod date;
pub mod echo;
pub mod expr;
pub mod names;
pub mod printf;
pub mod seq;
pub mod sleep;
pub mod system;
pub mod test;
pub mod yes;
