//! The files documents read (attachments, logos), each read from disk once and shared by
//! every edition and meeting that uses it — within a memory budget, so that a run over a
//! whole project does not keep every attachment of every meeting: past the budget, the
//! files used longest ago are let go (and read again if asked for again).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::foundations::Bytes;

/// How many bytes of files are kept at most (a single meeting's attachments may exceed it:
/// what a document in progress uses stays alive through its own references).
pub const BUDGET: usize = 1024 * 1024 * 1024;

/// Files by canonical path, with their last use.
pub struct FileCache {
    budget: usize,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    files: HashMap<PathBuf, (Bytes, u64)>,
    bytes: usize,
    clock: u64,
}

impl FileCache {
    /// An empty cache holding at most `budget` bytes.
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            state: Mutex::new(State::default()),
        }
    }

    /// The file's bytes: from the cache, or read now and kept.
    pub fn read(&self, path: &Path) -> std::io::Result<Bytes> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.clock += 1;
        let now = state.clock;
        if let Some((bytes, used)) = state.files.get_mut(path) {
            *used = now;
            return Ok(bytes.clone());
        }
        let bytes = Bytes::new(std::fs::read(path)?);
        while state.bytes + bytes.len() > self.budget && !state.files.is_empty() {
            state.evict_oldest();
        }
        state.bytes += bytes.len();
        state.files.insert(path.to_path_buf(), (bytes.clone(), now));
        Ok(bytes)
    }
}

impl State {
    fn evict_oldest(&mut self) {
        let oldest = self
            .files
            .iter()
            .min_by_key(|(_, (_, used))| *used)
            .map(|(path, _)| path.clone());
        if let Some((bytes, _)) = oldest.and_then(|p| self.files.remove(&p)) {
            self.bytes -= bytes.len();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_read_once_and_the_oldest_leave_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        for name in ["a", "b", "c"] {
            std::fs::write(path(name), [0u8; 10]).unwrap();
        }
        let cache = FileCache::new(25);
        cache.read(&path("a")).unwrap();
        cache.read(&path("b")).unwrap();
        // Changed on disk: still the bytes read the first time (read once a run).
        std::fs::write(path("a"), [1u8; 10]).unwrap();
        assert_eq!(cache.read(&path("a")).unwrap().as_slice(), [0u8; 10]);
        // Over the budget: b, used longest ago, leaves; a stays.
        cache.read(&path("c")).unwrap();
        let state = cache.state.lock().unwrap();
        assert!(state.files.contains_key(&path("a")) && state.files.contains_key(&path("c")));
        assert!(!state.files.contains_key(&path("b")));
        assert_eq!(state.bytes, 20);
    }
}
