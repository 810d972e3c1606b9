//! `sagsgen archive`: finished documents as PDF/A-3a + PDF/UA-1 carrying their own source
//! TOML, laid out by year, committee and meeting, recorded in a manifest; and `verify`,
//! which checks an archive against its manifest.

pub mod conformance;
pub mod extract;
pub mod manifest;
mod verify;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use verify::{Problem, verify};

use crate::build::atomic_write;
use crate::case::{Body, Case, load_case};
use crate::diag::{Diagnostic, shown_path};
use crate::engine::Engine;
use crate::input::{parse_toml, read_source};
use crate::meeting::{Edition, Meeting, Punkt, load_meeting};
use crate::project::{Conformance, Project};
use crate::render::DOCUMENT_TEMPLATE;
use crate::render::meeting_view::{self, PageCounts};
use crate::render::templates::Templates;
use crate::render::view::{self, SourceFileView};
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
pub fn meeting_items(project: &Project, inputs: &[PathBuf]) -> HashMap<PathBuf, ItemOf> {
    let mut items = HashMap::new();
    for input in inputs {
        let Some(meeting) = load_quietly(project, input) else {
            continue;
        };
        let folder = meeting_folder(&meeting, input);
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

/// A meeting, if the file is a valid one (its problems are reported when it is archived).
fn load_quietly(project: &Project, input: &Path) -> Option<Meeting> {
    let source = read_source(input, &shown_path(input)).ok()?;
    let table = parse_toml(&source).ok()?;
    let is_meeting = crate::input::is_meeting(table.get_ref());
    if !is_meeting {
        return None;
    }
    load_meeting(project, &source, table.get_ref(), input).meeting
}

fn meeting_folder(meeting: &Meeting, input: &Path) -> String {
    format!(
        "{}/{}/{}",
        meeting.dato.year,
        slug(&meeting.udvalg.short),
        stem(input)
    )
}

/// Makes the archive copies of one input file (a case, or a meeting's four documents).
pub fn prepare(
    project: &Project,
    templates: &Templates,
    engine: &Engine,
    input: &Path,
    items: &HashMap<PathBuf, ItemOf>,
) -> Result<Vec<Archived>, Vec<Diagnostic>> {
    let shown = shown_path(input);
    let source = read_source(input, &shown).map_err(|d| vec![d])?;
    let table = parse_toml(&source).map_err(|d| vec![d])?;
    let is_meeting = crate::input::is_meeting(table.get_ref());
    let relative = input
        .canonicalize()
        .ok()
        .and_then(|p| p.strip_prefix(&project.root).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| input.to_path_buf());
    let origin = relative.to_string_lossy().replace('\\', "/");
    let kilde = SourceFileView {
        navn: file_name(input),
        tekst: source.text.clone(),
    };
    if is_meeting {
        let loaded = load_meeting(project, &source, table.get_ref(), input);
        let errors: Vec<Diagnostic> = loaded
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect();
        let meeting = loaded.meeting.ok_or(errors)?;
        return meeting_copies(project, templates, engine, &meeting, &kilde, input, &origin);
    }
    let loaded = load_case(project, &source, table.get_ref(), input);
    let errors: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    let case = loaded.case.ok_or(errors)?;
    if case.udkast {
        return Err(vec![
            Diagnostic::error("a draft (udkast = true) is not archived")
                .in_file(&source)
                .with_help(
                    "archive the finished version: remove `udkast = true` when the case is final",
                ),
        ]);
    }
    let mut document = view::document(&case, &project.config);
    document.kilde = Some(kilde);
    let rendered = templates
        .render(DOCUMENT_TEMPLATE, &document)
        .map_err(|d| vec![d])?;
    let pdf = engine
        .pdf(rendered.source, Conformance::A3a, &shown)
        .map_err(|e| templates.locate_all(e, rendered.map.as_ref()))?;
    let item = input.canonicalize().ok().and_then(|p| items.get(&p));
    let file = match item {
        Some(item) => format!(
            "{}/punkt-{:02}-{}.pdf",
            item.folder,
            item.nummer,
            stem(input)
        ),
        None => case_location(&case, input),
    };
    let mut record = case_record(&case, &file, &origin);
    if let Some(item) = item {
        record.item_number = Some(item.nummer);
        record.meeting_date = Some(item.dato.clone());
        record.committee = Some(item.udvalg.clone());
    }
    Ok(vec![Archived {
        record,
        file,
        bytes: pdf.bytes,
    }])
}

fn meeting_copies(
    project: &Project,
    templates: &Templates,
    engine: &Engine,
    meeting: &Meeting,
    kilde: &SourceFileView,
    input: &Path,
    origin: &str,
) -> Result<Vec<Archived>, Vec<Diagnostic>> {
    let folder = meeting_folder(meeting, input);
    let mut out = Vec::new();
    for edition in Edition::ALL.into_iter().filter(|e| !e.is_packet()) {
        let mut view = meeting_view::meeting(
            meeting,
            edition,
            &project.config,
            &project.root,
            &PageCounts::new(),
        );
        view.kilde = Some(kilde.clone());
        let rendered = templates
            .render("moede.typ.j2", &view)
            .map_err(|d| vec![d])?;
        let what = format!("{} ({})", shown_path(input), edition.file_stem());
        let pdf = engine
            .pdf(rendered.source, Conformance::A3a, &what)
            .map_err(|e| templates.locate_all(e, rendered.map.as_ref()))?;
        let file = format!("{folder}/{}.pdf", edition.file_stem());
        let adgang = if edition.is_public() {
            "åben"
        } else {
            "lukket"
        };
        let mut record = Record::new(&file, edition.file_stem(), &view.meta.titel, adgang, origin);
        record.committee = Some(meeting.udvalg.full.clone());
        record.meeting_date = Some(meeting.dato.iso());
        out.push(Archived {
            file,
            bytes: pdf.bytes,
            record,
        });
    }
    Ok(out)
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
) -> Result<Stored, String> {
    let hash = sha256(&doc.bytes);
    let target = dir.join(&doc.file);
    if target.exists() {
        let existing =
            std::fs::read(&target).map_err(|e| format!("cannot read {}: {e}", target.display()))?;
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
            return Err(format!(
                "{} is already archived with other content; the archived copy is kept (use --new-version to archive this as a new version beside it)",
                doc.file
            ));
        }
        let (file, version) = next_version(dir, &doc.file, &hash, manifest);
        if manifest.get(&file).is_some_and(|r| r.sha256 == hash) {
            return Ok(Stored::Unchanged(file));
        }
        doc.file = file;
        doc.record.version = version;
    }
    atomic_write(&dir.join(&doc.file), &doc.bytes)
        .map_err(|e| format!("cannot write {}: {e}", doc.file))?;
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

/// SHA-256 as lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    crate::build::cache::hex(&Sha256::digest(bytes))
}

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
    let folded = crate::input::fields::fold_key(name);
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
