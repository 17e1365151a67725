//! What a running process did besides computing: every reach into the node
//! other than a write to a log is counted, so the scheduler can tell a
//! process that only computes and logs (a busy loop, `yes`) from one that
//! touches the world, by comparing a counter before and after a time slice.

use std::cell::Cell;
use std::ops::{Deref, DerefMut};

/// A count of effects, shared by [`Tracked`] and the [`super::Io`] methods
/// that reach outside the process (pipes, sockets, captures, the process
/// table, files).
#[derive(Debug, Default)]
pub struct Effects(Cell<u64>);

impl Effects {
    /// Counts one effect.
    pub fn count(&self) {
        self.0.set(self.0.get().wrapping_add(1));
    }

    /// How many effects were counted so far.
    pub fn total(&self) -> u64 {
        self.0.get()
    }
}

/// A part of the node (the filesystem) that counts an effect each time it
/// is reached, read or written, so its users need no change.
pub struct Tracked<'a, T> {
    /// What is reached.
    inner: &'a mut T,
    /// How many times it was.
    pub uses: Effects,
}

impl<'a, T> Tracked<'a, T> {
    /// `inner`, not reached yet.
    pub fn new(inner: &'a mut T) -> Tracked<'a, T> {
        Tracked {
            inner,
            uses: Effects::default(),
        }
    }
}

impl<T> Deref for Tracked<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.uses.count();
        self.inner
    }
}

impl<T> DerefMut for Tracked<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.uses.count();
        self.inner
    }
}
