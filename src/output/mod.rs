//! Output, below every command: which project and input files a command works on, where each one's output
//! goes, and writing files atomically, only where they differ.

mod discover;
mod select;
mod write;

pub use discover::{inputs, output_for};
pub use select::{Refused, Selection, select};
pub use write::{Content, Staged, atomic_write, holds, stage};
