//! `sagsgen verify DIR`: every file of an archive against its manifest.

use crate::diag::Diagnostic;
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

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing(file) => write!(
                f,
                "missing: {file} is in the manifest but not in the archive"
            ),
            Problem::Extra(file) => {
                write!(f, "extra: {file} is in the archive but not in the manifest")
            }
            Problem::Changed(file) => write!(
                f,
                "changed: {file} differs from the SHA-256 in the manifest"
            ),
            Problem::NonConforming(file, why) => {
                write!(f, "not conforming: {file}: {}", why.join("; "))
            }
        }
    }
}

/// Checks an archive folder; returns every problem (none means it is intact).
pub fn verify(dir: &Path) -> Result<Vec<Problem>, Diagnostic> {
    if !dir.join(JSON).is_file() {
        return Err(Diagnostic::error(format!(
            "{} has no {JSON}: it is not a sagsgen archive",
            dir.display()
        ))
        .with_help("name the folder `sagsgen archive --to` wrote"));
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
