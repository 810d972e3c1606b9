//! `sagsgen archive`: finished documents as PDF/A-3a + PDF/UA-1 carrying their own source
//! TOML, laid out by year, committee and meeting, recorded in a manifest; and `verify`,
//! which checks an archive against its manifest.

pub mod conformance;
pub mod extract;
pub mod manifest;
mod verify;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use verify::{Problem, verify};

use crate::case::{Body, Case};
use crate::diag::{Diagnostic, shown_path};
use crate::loader::{Document, Loaded};
use crate::meeting::{Edition, Meeting, Punkt};
use crate::output::atomic_write;
use crate::project::Project;
use crate::tr;
use crate::typeset::Typesetter;
use crate::typeset::editions::{self, Making};
use manifest::{Manifest, Record};

/// What archive copies claim (and `verify` checks).
pub const CONFORMANCE: &str = "PDF/A-3a + PDF/UA-1";

/// One document ready to be archived.
pub struct Archived {
    /// Path inside the archive.
    pub file: String,
    /// The PDF.
    pub bytes: Vec<u8>,
    /// Its manifest record (hash, size and version are filled in when written).
    pub record: Record,
}

/// What happened to one archived document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Written for the first time.
    New(String),
    /// Already archived with the same content.
    Unchanged(String),
    /// A new version written beside the old one (`--new-version`).
    NewVersion(String),
}

/// Where a case sits when it is an item of a meeting being archived.
#[derive(Debug, Clone)]
pub struct ItemOf {
    /// The meeting's folder in the archive.
    folder: String,
    /// The item number.
    nummer: usize,
    /// Meeting date (ISO).
    dato: String,
    /// The committee's full name.
    udvalg: String,
}

/// The cases that are items of the meetings among `inputs`, by canonical path (the first
/// meeting wins when a case is an item of several).
pub fn meeting_items(inputs: &[Arc<Loaded>]) -> HashMap<PathBuf, ItemOf> {
    let mut items = HashMap::new();
    for input in inputs {
        let Some(meeting) = input.meeting() else {
            continue;
        };
        let folder = meeting_folder(meeting, &input.path);
        for (i, punkt) in meeting.punkter.iter().enumerate() {
            if let Punkt::Sag { path, .. } = punkt {
                items.entry(path.clone()).or_insert_with(|| ItemOf {
                    folder: folder.clone(),
                    nummer: i + 1,
                    dato: meeting.dato.iso(),
                    udvalg: meeting.udvalg.full.clone(),
                });
            }
        }
    }
    items
}

fn meeting_folder(meeting: &Meeting, input: &Path) -> String {
    format!(
        "{}/{}/{}",
        meeting.dato.year,
        slug(&meeting.udvalg.short),
        stem(input)
    )
}

/// Makes the archive copies of one loaded input: the same documents `build` makes (a case,
/// or a meeting's four documents without the packets), as PDF/A-3a with the source attached.
pub fn prepare(
    project: &Project,
    typesetter: &Typesetter<'_>,
    loaded: &Loaded,
    items: &HashMap<PathBuf, ItemOf>,
) -> Result<Vec<Archived>, Vec<Diagnostic>> {
    let errors = || {
        let all = loaded.claimed_diagnostics();
        all.into_iter().filter(Diagnostic::is_error).collect()
    };
    let (Some(document), Some(source)) = (&loaded.document, &loaded.source) else {
        return Err(errors());
    };
    let input = &loaded.path;
    if let Document::Case(case) = document
        && case.udkast
    {
        return Err(vec![
            Diagnostic::error(tr!("archive-draft")).in_file(source),
        ]);
    }
    let origin = input
        .strip_prefix(&project.root)
        .unwrap_or(input)
        .to_string_lossy()
        .replace('\\', "/");
    let shown = shown_path(input);
    let making = Making {
        typesetter,
        project,
        what: &shown,
        write: false,
        keep_typst: false,
    };
    let mut out = Vec::new();
    for copy in editions::archival(&making, document, source, &file_name(input))? {
        let pdf = copy.pdf;
        let (file, record) = match (document, copy.edition) {
            (Document::Meeting(meeting), Some(edition)) => {
                meeting_record(meeting, edition, input, &copy.title, &origin)
            }
            (Document::Case(case), _) => placed_case(case, input, items, &origin),
            (Document::Meeting(_), None) => unreachable!("every meeting output is an edition"),
        };
        out.push(Archived {
            file,
            bytes: pdf.bytes,
            record,
        });
    }
    Ok(out)
}

/// What an archive run did: each file that could not be archived counted, its problems
/// handed to the caller as they come.
pub struct Run {
    /// How many inputs (or their documents) failed.
    pub failed: usize,
}

/// Archives `files` of `project` into the folder `to` (`new_version`: a changed document
/// is kept as a new version beside the archived one): each document made as PDF/A-3a with
/// its source, stored and recorded in the manifest, which is written once at the end.
/// `stored` hears of each document stored, `problems` of each file's errors. `Err` when
/// the archive's manifest or sagsgen's fonts cannot be read, or the manifest written.
pub fn run(
    project: &Project,
    files: &[PathBuf],
    to: &Path,
    new_version: bool,
    stored: &dyn Fn(&Stored),
    problems: &dyn Fn(&[Diagnostic]),
) -> Result<Run, Diagnostic> {
    let mut manifest = Manifest::load(to)?;
    let engine = crate::engine::Engine::new(&project.root)?;
    let templates = crate::render::templates::Templates::new(&project.root);
    let typesetter = Typesetter::new(&templates, &engine);
    let loader = crate::loader::Loader::new(project);
    let loaded: Vec<_> = files.iter().map(|f| loader.load(f)).collect();
    for file in &loaded {
        // Each file's own problems are said with the file, not with a meeting that includes it.
        file.claim();
    }
    let items = meeting_items(&loaded);
    let before = manifest.clone();
    let mut failed = 0;
    for input in &loaded {
        match prepare(project, &typesetter, input, &items) {
            Ok(docs) => {
                for doc in docs {
                    match store(to, &mut manifest, doc, new_version) {
                        Ok(done) => stored(&done),
                        Err(e) => {
                            problems(&[e]);
                            failed += 1;
                        }
                    }
                }
            }
            Err(diags) => {
                problems(&diags);
                failed += 1;
            }
        }
    }
    if manifest != before {
        manifest
            .save(to)
            .map_err(|e| Diagnostic::cannot_write(manifest::JSON, &e))?;
    }
    Ok(Run { failed })
}

/// Where a meeting's edition goes, and its record.
fn meeting_record(
    meeting: &Meeting,
    edition: Edition,
    input: &Path,
    title: &str,
    origin: &str,
) -> (String, Record) {
    let file = format!(
        "{}/{}.pdf",
        meeting_folder(meeting, input),
        edition.file_stem()
    );
    let adgang = if edition.is_public() {
        "åben"
    } else {
        "lukket"
    };
    let mut record = Record::new(&file, edition.file_stem(), title, adgang, origin);
    record.committee = Some(meeting.udvalg.full.clone());
    record.meeting_date = Some(meeting.dato.iso());
    (file, record)
}

/// Where a case goes (in its meeting's folder when it is an item of one), and its record.
fn placed_case(
    case: &Case,
    input: &Path,
    items: &HashMap<PathBuf, ItemOf>,
    origin: &str,
) -> (String, Record) {
    let item = items.get(input);
    let file = match item {
        Some(item) => format!(
            "{}/punkt-{:02}-{}.pdf",
            item.folder,
            item.nummer,
            stem(input)
        ),
        None => case_location(case, input),
    };
    let mut record = case_record(case, &file, origin);
    if let Some(item) = item {
        record.item_number = Some(item.nummer);
        record.meeting_date = Some(item.dato.clone());
        record.committee = Some(item.udvalg.clone());
    }
    (file, record)
}

/// `<year>/<committee>/<file>.pdf`: year of the case's date, its first committee.
fn case_location(case: &Case, input: &Path) -> String {
    let year = case
        .dato
        .map_or_else(|| "uden-dato".to_string(), |d| d.year.to_string());
    let committee = match &case.body {
        Body::Sag(sag) => sag
            .udvalg
            .first()
            .map_or_else(|| "uden-udvalg".to_string(), |c| slug(&c.short)),
        Body::Notat(_) => "notater".to_string(),
    };
    format!("{year}/{committee}/{}.pdf", stem(input))
}

fn case_record(case: &Case, file: &str, origin: &str) -> Record {
    let adgang = case.adgang.label().to_lowercase();
    let mut record = Record::new(file, case.kind.name(), &case.titel, &adgang, origin);
    record.sagsnummer = case.sagsnummer.clone();
    record.committee = match &case.body {
        Body::Sag(sag) => sag.udvalg.first().map(|c| c.full.clone()),
        Body::Notat(n) => Some(n.til.clone()),
    };
    record
}

/// Writes one document into the archive: new, unchanged, or (with `new_version`) a new
/// version beside the old one. Never overwrites an archived file.
pub fn store(
    dir: &Path,
    manifest: &mut Manifest,
    mut doc: Archived,
    new_version: bool,
) -> Result<Stored, Diagnostic> {
    let hash = sha256(&doc.bytes);
    let target = dir.join(&doc.file);
    if target.exists() {
        let existing = std::fs::read(&target)
            .map_err(|e| Diagnostic::cannot_read(&shown_path(&target), &e))?;
        if sha256(&existing) == hash {
            if manifest.get(&doc.file).is_none() {
                manifest.add(Record {
                    sha256: hash,
                    size: doc.bytes.len() as u64,
                    ..doc.record
                });
            }
            return Ok(Stored::Unchanged(doc.file));
        }
        if !new_version {
            return Err(Diagnostic::error(tr!(
                "archive-conflict",
                file = doc.file.as_str()
            )));
        }
        let (file, version) = next_version(dir, &doc.file, &hash, manifest);
        if manifest.get(&file).is_some_and(|r| r.sha256 == hash) {
            return Ok(Stored::Unchanged(file));
        }
        doc.file = file;
        doc.record.version = version;
    }
    atomic_write(&dir.join(&doc.file), &doc.bytes)
        .map_err(|e| Diagnostic::cannot_write(&doc.file, &e))?;
    let stored = if doc.record.version > 1 {
        Stored::NewVersion(doc.file.clone())
    } else {
        Stored::New(doc.file.clone())
    };
    manifest.add(Record {
        file: doc.file,
        sha256: hash,
        size: doc.bytes.len() as u64,
        ..doc.record
    });
    Ok(stored)
}

/// `x.v2.pdf`, `x.v3.pdf` …: the first free one, or the one that already holds this content.
fn next_version(dir: &Path, file: &str, hash: &str, manifest: &Manifest) -> (String, u32) {
    let base = file.trim_end_matches(".pdf");
    let mut version = 2;
    loop {
        let candidate = format!("{base}.v{version}.pdf");
        let taken = dir.join(&candidate).exists();
        if !taken || manifest.get(&candidate).is_some_and(|r| r.sha256 == hash) {
            return (candidate, version);
        }
        version += 1;
    }
}

pub use crate::digest::sha256;

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "kilde.toml".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "dokument".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A committee abbreviation or name as a folder name.
fn slug(name: &str) -> String {
    let folded = crate::danish::fold(name);
    let s: String = folded
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "udvalg".to_string()
    } else {
        s
    }
}
