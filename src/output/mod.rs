//! Output, below every command: which input files a path names, where each one's output
//! goes, and writing files atomically, only where they differ.

mod discover;
mod write;

pub use discover::{inputs, output_for};
pub use write::{Content, Staged, atomic_write, holds, stage};
