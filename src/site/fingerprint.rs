//! Whether anything the site is made from changed since the last run: a fingerprint of
//! sagsgen's version, program file and built-in templates, the build's folder and the inputs asked for,
//! and every file of the project it could read (its path, size and modification time; the built PDFs among
//! the output only), kept in the site's manifest. A run whose fingerprint matches, whose
//! last run was clean and whose files are all still there has nothing to do.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Options;
use crate::project::Project;

/// The fingerprint of a run over `files`.
pub fn of(project: &Project, files: &[PathBuf], options: &Options) -> String {
    let mut hash = Sha256::new();
    hash.update(env!("CARGO_PKG_VERSION"));
    // The program itself: another build of the same version may write the site otherwise.
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.metadata().ok())
    {
        hash.update(meta.len().to_le_bytes());
        hash.update(modified_nanos(&meta).to_le_bytes());
    }
    for (name, text) in crate::render::templates::BUILTIN {
        hash.update(name);
        hash.update(text);
    }
    // Not the site's own folder: the fingerprint is kept in it, and the same input
    // published to two folders gives the same bytes in both.
    for path in std::iter::once(&options.output_dir).chain(files) {
        hash.update(path.to_string_lossy().as_bytes());
        hash.update([0]);
    }
    let site = options
        .site_dir
        .canonicalize()
        .unwrap_or_else(|_| options.site_dir.clone());
    let output = options
        .output_dir
        .canonicalize()
        .unwrap_or_else(|_| options.output_dir.clone());
    // The project, and the build's output where it lies outside the project.
    // (Paths relative to where they lie, so that the fingerprint, which the site keeps, does
    // not depend on the folder the project is in.)
    let mut roots = vec![("", project.root.clone())];
    if !output.starts_with(&project.root) {
        roots.push(("output:", output.clone()));
    }
    let mut entries: Vec<(String, u64, u128)> = roots
        .iter()
        .flat_map(|(label, root)| files_under(label, root, &site, &output))
        .collect();
    entries.sort();
    for (rel, len, modified) in entries {
        hash.update(rel.as_bytes());
        hash.update(len.to_le_bytes());
        hash.update(modified.to_le_bytes());
    }
    crate::digest::hex(&hash.finalize())
}

/// Every file under `root` the site could be made from, as (`label` and its path from
/// `root`, size, modification time): not hidden, not in a site (this one or another, which hold a manifest), and of
/// the build's output only the PDFs.
fn files_under(label: &str, root: &Path, site: &Path, output: &Path) -> Vec<(String, u64, u128)> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let a_site = e.file_type().is_dir() && e.path().join(super::MANIFEST).is_file();
            !hidden && !a_site && !e.path().starts_with(site)
        })
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            // Of the build's output, the site copies the PDFs and reads nothing else.
            !e.path().starts_with(output)
                || e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("pdf"))
        })
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            let modified = modified_nanos(&meta);
            let rel = e
                .path()
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .into_owned();
            Some((format!("{label}{rel}"), meta.len(), modified))
        })
        .collect()
}

/// When a file was last changed, in nanoseconds since 1970 (0 where the system cannot say).
fn modified_nanos(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// The manifest line that records a clean run's fingerprint and how many meetings it
/// published.
pub fn line(fingerprint: &str, meetings: usize) -> String {
    format!("#fingerprint {fingerprint} {meetings}\n")
}

/// When the last run had this fingerprint, was clean, and every file it made is still
/// there: how many meetings it published and how many files it made.
pub fn unchanged(site: &Path, manifest: &str, fingerprint: &str) -> Option<(usize, usize)> {
    let mut lines = manifest.lines();
    let first = lines.next()?.strip_prefix("#fingerprint ")?;
    let (recorded, meetings) = first.split_once(' ')?;
    if recorded != fingerprint {
        return None;
    }
    let files: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    files
        .iter()
        .all(|f| site.join(f).is_file())
        .then(|| Some((meetings.parse().ok()?, files.len())))
        .flatten()
}
