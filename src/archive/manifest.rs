//! The archive's manifest: one record per archived file, as `manifest.json` and, for
//! spreadsheets, `manifest.csv`.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::output::atomic_write;
use crate::tr;

/// The manifest file names.
pub const JSON: &str = "manifest.json";
/// The spreadsheet copy of the manifest.
pub const CSV: &str = "manifest.csv";

/// One archived file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Path inside the archive, with `/`.
    pub file: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// `notat`, `beslutningssag`, `orienteringssag`, `dagsorden`, `referat`, …
    pub kind: String,
    /// Title.
    pub title: String,
    /// Case number, for cases.
    pub sagsnummer: Option<String>,
    /// Committee (full name).
    pub committee: Option<String>,
    /// Meeting date (ISO), for meeting documents.
    pub meeting_date: Option<String>,
    /// Item number within a meeting, where the document is one item.
    pub item_number: Option<usize>,
    /// `åben` or `lukket`.
    pub adgang: String,
    /// The conformance claimed (and checked by `verify`).
    pub conformance: String,
    /// sagsgen version that made it.
    pub sagsgen_version: String,
    /// 1 for the first version, 2… for later ones written with --new-version.
    pub version: u32,
    /// The input file it was made from, relative to the project.
    pub source: String,
}

impl Record {
    /// A first-version record of this sagsgen, before it is written (hash and size unset).
    pub fn new(file: &str, kind: &str, title: &str, adgang: &str, source: &str) -> Self {
        Self {
            file: file.to_string(),
            sha256: String::new(),
            size: 0,
            kind: kind.to_string(),
            title: title.to_string(),
            sagsnummer: None,
            committee: None,
            meeting_date: None,
            item_number: None,
            adgang: adgang.to_string(),
            conformance: super::CONFORMANCE.to_string(),
            sagsgen_version: env!("CARGO_PKG_VERSION").to_string(),
            version: 1,
            source: source.to_string(),
        }
    }
}

/// All records, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The records.
    pub documents: Vec<Record>,
}

impl Manifest {
    /// Reads `manifest.json` of an archive folder; empty if there is none.
    pub fn load(dir: &Path) -> Result<Self, Diagnostic> {
        let path = dir.join(JSON);
        if !path.exists() {
            return Ok(Self::default());
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| Diagnostic::cannot_read(&crate::diag::shown_path(&path), &e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            Diagnostic::error(tr!(
                "manifest-invalid",
                file = crate::diag::shown_path(&path),
                reason = e.to_string()
            ))
        })
    }

    /// The record of a file, if archived.
    pub fn get(&self, file: &str) -> Option<&Record> {
        self.documents.iter().find(|r| r.file == file)
    }

    /// Adds a record, keeping file order.
    pub fn add(&mut self, record: Record) {
        self.documents.retain(|r| r.file != record.file);
        self.documents.push(record);
        self.documents.sort_by(|a, b| a.file.cmp(&b.file));
    }

    /// Writes `manifest.json` and `manifest.csv` (atomically).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        atomic_write(&dir.join(JSON), &json)?;
        atomic_write(&dir.join(CSV), self.csv().as_bytes())
    }

    fn csv(&self) -> String {
        let mut out = String::from(
            "file,sha256,size,kind,title,sagsnummer,committee,meeting_date,item_number,adgang,conformance,sagsgen_version,version,source\n",
        );
        for r in &self.documents {
            let fields = [
                r.file.clone(),
                r.sha256.clone(),
                r.size.to_string(),
                r.kind.clone(),
                r.title.clone(),
                r.sagsnummer.clone().unwrap_or_default(),
                r.committee.clone().unwrap_or_default(),
                r.meeting_date.clone().unwrap_or_default(),
                r.item_number.map(|n| n.to_string()).unwrap_or_default(),
                r.adgang.clone(),
                r.conformance.clone(),
                r.sagsgen_version.clone(),
                r.version.to_string(),
                r.source.clone(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
        out
    }
}

/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("sagt \"ja\""), "\"sagt \"\"ja\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
