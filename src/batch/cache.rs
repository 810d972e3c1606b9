//! Incremental builds: each input's fingerprint covers everything its PDFs depend on — its
//! own bytes, the files it references (case files, attachments), and what every document
//! depends on (sagsgen's version, `sagsgen.toml`, templates, project fonts). An input whose
//! fingerprint is unchanged and whose PDFs still exist is not rebuilt.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::digest::hex;
use crate::engine::FileCache;
use crate::loader::Loaded;
use crate::output::atomic_write;
use crate::project::Project;
use crate::render::templates::BUILTIN;

/// The cache file, inside the output folder (hidden, so it is never taken for input).
pub const CACHE_FILE: &str = ".sagsgen-cache.json";
const FORMAT: u32 = 1;

/// What was built from each input last time.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Cache {
    format: u32,
    entries: BTreeMap<String, Entry>,
}

/// One input's last successful build.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    /// Fingerprint of everything the outputs depend on.
    pub fingerprint: String,
    /// The files written, relative to the output folder.
    pub outputs: Vec<String>,
}

impl Cache {
    /// The cache of an output folder; empty when missing, unreadable or of another format.
    pub fn load(output_dir: &Path) -> Self {
        std::fs::read(output_dir.join(CACHE_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Cache>(&bytes).ok())
            .filter(|c| c.format == FORMAT)
            .unwrap_or(Cache {
                format: FORMAT,
                entries: BTreeMap::new(),
            })
    }

    /// Writes the cache (atomically) into the output folder.
    pub fn save(&self, output_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        atomic_write(&output_dir.join(CACHE_FILE), &json)
    }

    /// Whether `key` was built with this fingerprint and its outputs are all still there.
    pub fn is_fresh(&self, key: &str, fingerprint: &str, output_dir: &Path) -> bool {
        self.entries.get(key).is_some_and(|e| {
            e.fingerprint == fingerprint
                && !e.outputs.is_empty()
                && e.outputs.iter().all(|o| output_dir.join(o).is_file())
        })
    }

    /// Records a successful build; whether that changed the cache.
    pub fn record(&mut self, key: String, entry: Entry) -> bool {
        self.entries
            .insert(key, entry.clone())
            .is_none_or(|old| old != entry)
    }

    /// Forgets an input (it failed: build it again next time); whether it was known.
    pub fn forget(&mut self, key: &str) -> bool {
        self.entries.remove(key).is_some()
    }
}

/// What every document of a project depends on, as a hash.
pub fn project_fingerprint(project: &Project, emit_typst: bool) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION"));
    hash.update([u8::from(emit_typst)]);
    match &project.config_text {
        Some(text) => hash.update(text.text.as_bytes()),
        None => hash.update(b"<no sagsgen.toml>"),
    }
    for (name, text) in BUILTIN {
        hash.update(name);
        hash.update(text);
    }
    for dir in ["templates", "fonts"] {
        for file in files_under(&project.root.join(dir)) {
            hash_file(&mut hash, &file);
        }
    }
    hex(&hash.finalize())
}

/// An input's fingerprint: the project's, the hashes of the texts of the input and of
/// the case files it includes (the loader has them: nothing is read again), and the bytes
/// of every attachment. Attachments are read through `files`, the run's file cache, which
/// the typesetting then reads them from.
pub fn input_fingerprint(project_fingerprint: &str, input: &Loaded, files: &FileCache) -> String {
    let texts: Vec<(&Path, Option<&str>)> = input.texts().collect();
    fingerprint(project_fingerprint, &texts, &input.dependencies, files)
}

fn fingerprint(
    project_fingerprint: &str,
    texts: &[(&Path, Option<&str>)],
    attachments: &[PathBuf],
    files: &FileCache,
) -> String {
    let mut hash = Sha256::new();
    hash.update(project_fingerprint);
    for (path, text_hash) in texts {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update(text_hash.unwrap_or("<unreadable>"));
    }
    for attachment in attachments {
        hash.update(attachment.to_string_lossy().as_bytes());
        match files.read(attachment) {
            Ok(bytes) => {
                hash.update((bytes.len() as u64).to_le_bytes());
                hash.update(bytes.as_slice());
            }
            Err(_) => hash.update(b"<missing>"),
        }
    }
    hex(&hash.finalize())
}

fn hash_file(hash: &mut Sha256, path: &Path) {
    hash.update(path.to_string_lossy().as_bytes());
    match std::fs::read(path) {
        Ok(bytes) => {
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(&bytes);
        }
        Err(_) => hash.update(b"<missing>"),
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_follow_the_input_and_its_attachments() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("a.toml");
        let pdf = dir.path().join("b.pdf");
        std::fs::write(&pdf, "%PDF-1").unwrap();
        let deps = [pdf.clone()];
        // A fresh cache each time: the test changes the file between fingerprints.
        let files = || FileCache::new(1 << 20);
        let of = |project: &str, text: &str| {
            fingerprint(project, &[(case.as_path(), Some(text))], &deps, &files())
        };
        let first = of("p", "a");
        assert_eq!(first, of("p", "a"), "stable");
        assert_ne!(first, of("q", "a"), "follows the project");
        assert_ne!(first, of("p", "b"), "follows the input");
        assert_ne!(
            first,
            fingerprint("p", &[(case.as_path(), None)], &deps, &files()),
            "unreadable differs"
        );
        let included = |text| {
            let item = dir.path().join("item.toml");
            let texts = [(case.as_path(), Some("a")), (item.as_path(), Some(text))];
            fingerprint("p", &texts, &deps, &files())
        };
        assert_ne!(
            included("x"),
            included("y"),
            "follows an included case's text"
        );
        std::fs::write(&pdf, "%PDF-2").unwrap();
        assert_ne!(first, of("p", "a"), "follows the attachment");
    }

    #[test]
    fn cache_round_trips_and_checks_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let mut cache = Cache::load(dir.path());
        cache.record(
            "a.toml".into(),
            Entry {
                fingerprint: "f".into(),
                outputs: vec!["a.pdf".into()],
            },
        );
        cache.save(dir.path()).unwrap();
        let loaded = Cache::load(dir.path());
        assert_eq!(loaded, cache);
        assert!(
            !loaded.is_fresh("a.toml", "f", dir.path()),
            "the output is missing"
        );
        std::fs::write(dir.path().join("a.pdf"), "x").unwrap();
        assert!(loaded.is_fresh("a.toml", "f", dir.path()));
        assert!(!loaded.is_fresh("a.toml", "g", dir.path()));
    }
}
