//! `sagsgen verify DIR`: every file of an archive against its manifest.

use crate::diag::Diagnostic;
use crate::tr;
use std::path::Path;

use page_validation::ValidationProfile;

use super::manifest::{CSV, JSON, Manifest};
use super::{conformance, sha256};

/// One thing wrong with an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// In the manifest, not on disk.
    Missing(String),
    /// On disk, not in the manifest.
    Extra(String),
    /// Its bytes differ from what the manifest recorded.
    Changed(String),
    /// It no longer passes the validation it claims.
    NonConforming(String, Vec<String>),
}

impl Problem {
    /// The problem in the run's language, with its code.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            Problem::Missing(file) => tr!("verify-missing", file = file),
            Problem::Extra(file) => tr!("verify-extra", file = file),
            Problem::Changed(file) => tr!("verify-changed", file = file),
            Problem::NonConforming(file, why) => {
                tr!("verify-not-conforming", file = file, why = why.join("; "))
            }
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text)
    }
}

/// Checks an archive folder; returns every problem (none means it is intact).
pub fn verify(dir: &Path) -> Result<Vec<Problem>, Diagnostic> {
    if !dir.join(JSON).is_file() {
        return Err(Diagnostic::error(tr!(
            "archive-not-an-archive",
            folder = crate::diag::shown_path(dir),
            manifest = JSON
        )));
    }
    let manifest = Manifest::load(dir)?;
    let mut problems = Vec::new();
    for record in &manifest.documents {
        let path = dir.join(&record.file);
        let Ok(bytes) = std::fs::read(&path) else {
            problems.push(Problem::Missing(record.file.clone()));
            continue;
        };
        if sha256(&bytes) != record.sha256 || bytes.len() as u64 != record.size {
            problems.push(Problem::Changed(record.file.clone()));
            continue;
        }
        let why: Vec<String> = [ValidationProfile::PdfA3a, ValidationProfile::PdfUa1]
            .into_iter()
            .flat_map(|p| conformance::failures(&bytes, p))
            .collect();
        if !why.is_empty() {
            problems.push(Problem::NonConforming(record.file.clone(), why));
        }
    }
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if rel != JSON && rel != CSV && manifest.get(&rel).is_none() {
            problems.push(Problem::Extra(rel));
        }
    }
    Ok(problems)
}
