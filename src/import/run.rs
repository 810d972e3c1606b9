//! One `sagsgen import`: the export files read, their meetings mapped and written into the
//! project, and what happened gathered for the report.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::coverage::{self, Coverage};
use super::plan::{self, Mapping, MeetingPlan, Registry};
use super::read::{manifest_target, read_export};
use super::source::SourceMeeting;
use super::write::{self, Planned};
use crate::committee::Committees;
use crate::diag::{Diagnostic, shown_path};
use crate::export_format::ExportFormat;
use crate::project::Project;
use crate::project::schema::{
    CASE_SCHEMA_FILE, CONFIG_SCHEMA_FILE, case_schema, config_schema, to_file_text,
};
use crate::tr;

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct Request {
    /// Export files, or folders holding them.
    pub inputs: Vec<PathBuf>,
    /// The project folder (created when new).
    pub root: PathBuf,
    /// Overwrite files that differ from what the import would write.
    pub force: bool,
}

/// What became of one item.
#[derive(Debug, Clone)]
pub struct ItemReport {
    /// The item's number as shown.
    pub nummer: String,
    /// Its title.
    pub titel: String,
    /// Its case file, relative to the project.
    pub file: PathBuf,
    /// Where each caption went.
    pub mappings: Vec<Mapping>,
    /// What the user should look at.
    pub warnings: Vec<crate::i18n::Message>,
    /// How much of the source item's text its case file holds.
    pub coverage: Coverage,
}

/// What became of one meeting.
#[derive(Debug, Clone)]
pub struct MeetingReport {
    /// The export file.
    pub source: PathBuf,
    /// The system.
    pub system: String,
    /// Committee name and date as the report shows them.
    pub udvalg: String,
    /// `dd-mm-yyyy`.
    pub dato: String,
    /// The meeting file, relative to the project.
    pub file: PathBuf,
    /// Its items.
    pub items: Vec<ItemReport>,
}

/// Everything an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// The meetings imported.
    pub meetings: Vec<MeetingReport>,
    /// Files written (new or changed).
    pub written: Vec<PathBuf>,
    /// Files that already held what the import would write.
    pub unchanged: Vec<PathBuf>,
    /// Files left as they were because they differ (no `--force`).
    pub kept: Vec<PathBuf>,
    /// Committees added to `sagsgen.toml`.
    pub committees_added: Vec<(String, String)>,
    /// Whether the project was created.
    pub created: bool,
    /// Inputs that could not be read, files that could not be written.
    pub errors: Vec<Diagnostic>,
    /// Notes that are not about one item (a meeting given twice, …).
    pub notes: Vec<Diagnostic>,
}

impl Report {
    /// How much of the whole export's text the case files hold.
    pub fn coverage(&self) -> Coverage {
        let mut all = Coverage::default();
        for item in self.meetings.iter().flat_map(|m| &m.items) {
            all.add(&item.coverage);
        }
        all
    }
}

/// Runs an import.
pub fn import(request: &Request) -> Report {
    let mut report = Report::default();
    let config_path = request.root.join("sagsgen.toml");
    let existing_config = std::fs::read_to_string(&config_path).ok();
    let (committees, overrides, formats) = match &existing_config {
        Some(_) => match Project::load(&request.root) {
            Ok(project) => (
                project.config.committees,
                project.config.import_captions,
                project.config.import_formats,
            ),
            Err(errors) => {
                report.errors.extend(errors);
                return report;
            }
        },
        None => (Committees::new(Vec::new()), Vec::new(), Vec::new()),
    };
    report.created = existing_config.is_none();
    let meetings = read_inputs(&request.inputs, &formats, &mut report);
    for meeting in &meetings {
        report.notes.extend(
            meeting
                .notes
                .iter()
                .map(|note| Diagnostic::warning(note.clone()).with_path(meeting.file.clone())),
        );
    }
    if meetings.is_empty() {
        return report;
    }
    let mut registry = Registry::new(&committees);
    let plans: Vec<MeetingPlan> = meetings
        .into_iter()
        .map(|m| plan::plan_meeting(m, &mut registry, &overrides))
        .collect();
    let mut files: Vec<Planned> = Vec::new();
    for plan in &plans {
        let made = write::meeting_files(plan);
        report.meetings.push(meeting_report(plan, &made));
        files.extend(made.files);
    }
    report.committees_added = registry.added().to_vec();
    let organisation = plans.iter().find_map(|p| p.source.organisation.clone());
    if existing_config.is_none() && organisation.is_none() {
        report.notes.push(
            Diagnostic::warning(tr!("import-no-organisation"))
                .with_path(request.root.join("sagsgen.toml")),
        );
    }
    files.extend(project_files(
        request,
        existing_config.as_deref(),
        registry.added(),
        organisation.as_deref(),
    ));
    put_in_place(request, files, &mut report);
    report
}

/// The export files behind the inputs, each once: folders searched for `.xml` and `.html`
/// files, and a manifest left out when the agenda it names is given too.
fn export_files(inputs: &[PathBuf], report: &mut Report) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
                .max_depth(1)
                .into_iter()
                .flatten()
                .map(|e| e.into_path())
                .filter(|p| p.is_file() && is_export_name(p))
                .collect();
            found.sort();
            files.extend(found);
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            report.errors.push(
                Diagnostic::error(tr!("path-not-found", path = shown_path(input)))
                    .with_path(input.clone()),
            );
        }
    }
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let given: HashSet<PathBuf> = files.iter().map(|p| canonical(p)).collect();
    let mut seen = HashSet::new();
    files
        .into_iter()
        .filter(|f| {
            let target = manifest_target(f).map(|t| canonical(&t));
            let covered = target.as_ref().is_some_and(|t| given.contains(t));
            !covered && seen.insert(target.unwrap_or_else(|| canonical(f)))
        })
        .collect()
}

fn is_export_name(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "xml" | "html" | "htm"))
}

/// The meetings of every input; one meeting given twice (its agenda and its minutes) is
/// imported once, from the export with the most text.
fn read_inputs(
    inputs: &[PathBuf],
    formats: &[ExportFormat],
    report: &mut Report,
) -> Vec<SourceMeeting> {
    let mut meetings: Vec<SourceMeeting> = Vec::new();
    let mut read: Vec<PathBuf> = Vec::new();
    let mut failed: Vec<(PathBuf, String)> = Vec::new();
    for file in export_files(inputs, report) {
        match read_export(&file, formats) {
            Ok(found) => {
                for meeting in found {
                    add_meeting(&mut meetings, meeting, report);
                }
                read.push(file);
            }
            Err(why) => failed.push((file, why)),
        }
    }
    for (file, why) in failed {
        match rendition_of(&file, &read) {
            Some(export) => report.notes.push(
                Diagnostic::warning(tr!(
                    "import-rendition-skipped",
                    export = export
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                ))
                .with_path(file.clone()),
            ),
            None => report
                .errors
                .push(Diagnostic::error(tr!("import-cannot-read", why = why)).with_path(file)),
        }
    }
    meetings
}

/// The export an unreadable HTML file renders, when one with the same name beside it was
/// read (an eDoc folder as delivered holds the agenda XML and its HTML rendering).
fn rendition_of<'a>(file: &Path, read: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let extension = file.extension()?.to_string_lossy().to_lowercase();
    if !matches!(extension.as_str(), "html" | "htm") {
        return None;
    }
    let stem = file.file_stem()?.to_string_lossy().to_lowercase();
    read.iter().find(|other| {
        other.parent() == file.parent()
            && other
                .file_stem()
                .is_some_and(|s| s.to_string_lossy().to_lowercase() == stem)
    })
}

fn add_meeting(meetings: &mut Vec<SourceMeeting>, meeting: SourceMeeting, report: &mut Report) {
    let same = meetings.iter().position(|m| {
        m.dato == meeting.dato && m.udvalg.name.to_lowercase() == meeting.udvalg.name.to_lowercase()
    });
    let Some(at) = same else {
        meetings.push(meeting);
        return;
    };
    if meetings[at].file == meeting.file {
        // One export with two agendas of one meeting (an agenda and its supplement): one
        // meeting with the items of both, in order.
        meetings[at].items.extend(meeting.items);
        return;
    }
    let size = |m: &SourceMeeting| -> usize {
        m.items
            .iter()
            .flat_map(|i| &i.sections)
            .map(|s| s.html.len())
            .sum()
    };
    let (kept, dropped) = if size(&meeting) > size(&meetings[at]) {
        let old = std::mem::replace(&mut meetings[at], meeting);
        (meetings[at].file.clone(), old.file)
    } else {
        (meetings[at].file.clone(), meeting.file)
    };
    report.notes.push(Diagnostic::warning(tr!(
        "import-same-meeting",
        kept = shown_path(&kept),
        dropped = shown_path(&dropped)
    )));
}

fn meeting_report(plan: &MeetingPlan, made: &write::MeetingFiles) -> MeetingReport {
    let items = plan
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut warnings = item.warnings.clone();
            warnings.extend(made.warnings.get(i).cloned().unwrap_or_default());
            let file = made.case_files.get(i).cloned().unwrap_or_default();
            let coverage = coverage::of_item(&item.source, &written_text(made, &file));
            if !coverage.complete() {
                warnings.push(tr!(
                    "import-words-missing",
                    missing = coverage.words - coverage.kept,
                    words = coverage.words,
                    file = file.display().to_string(),
                    kept = coverage.shown(),
                    first = coverage.first_missing.as_deref().unwrap_or("")
                ));
            }
            ItemReport {
                coverage,
                nummer: item
                    .source
                    .nummer
                    .clone()
                    .unwrap_or_else(|| (i + 1).to_string()),
                titel: item.source.titel.clone(),
                file,
                mappings: item.mappings.clone(),
                warnings,
            }
        })
        .collect();
    MeetingReport {
        source: plan.source.file.clone(),
        system: plan.source.system.name().to_string(),
        udvalg: plan.source.udvalg.name.clone(),
        dato: plan.source.dato.short(),
        file: made
            .files
            .first()
            .map(|f| f.path.clone())
            .unwrap_or_default(),
        items,
    }
}

/// The text the import writes into `file` (a case file it made in memory).
fn written_text(made: &write::MeetingFiles, file: &Path) -> String {
    made.files
        .iter()
        .find(|f| f.path == file)
        .and_then(|f| match &f.content {
            crate::output::Content::Text(bytes) => {
                Some(String::from_utf8_lossy(bytes).into_owned())
            }
            crate::output::Content::Copy(_) => None,
        })
        .unwrap_or_default()
}

/// `sagsgen.toml` (new, or with the committees added) and the schemas the files' `#:schema`
/// lines point at, when missing.
fn project_files(
    request: &Request,
    existing: Option<&str>,
    added: &[(String, String)],
    organisation: Option<&str>,
) -> Vec<Planned> {
    let mut out = Vec::new();
    let config = match existing {
        Some(text) => write::config_with_committees(text, added),
        None => write::new_config(added, organisation),
    };
    out.push(Planned {
        path: PathBuf::from("sagsgen.toml"),
        content: config.into(),
    });
    for (name, text) in [
        (CASE_SCHEMA_FILE, to_file_text(&case_schema())),
        (CONFIG_SCHEMA_FILE, to_file_text(&config_schema())),
    ] {
        if !request.root.join(name).exists() {
            out.push(Planned {
                path: PathBuf::from(name),
                content: text.into(),
            });
        }
    }
    out
}

/// Writes what differs: equal files are left alone, differing ones kept unless `force`
/// (`sagsgen.toml` is only ever added to, so it is always written).
fn put_in_place(request: &Request, files: Vec<Planned>, report: &mut Report) {
    let mut done = HashSet::new();
    for file in files {
        if !done.insert(file.path.clone()) {
            continue;
        }
        let target = request.root.join(&file.path);
        let bytes = match file.content.bytes() {
            Ok(bytes) => bytes,
            Err(e) => {
                let from = match &file.content {
                    crate::output::Content::Copy(from) => from.display().to_string(),
                    crate::output::Content::Text(_) => file.path.display().to_string(),
                };
                report
                    .errors
                    .push(Diagnostic::cannot_read(&from, &e).with_path(target));
                continue;
            }
        };
        if crate::output::holds(&target, &bytes) {
            report.unchanged.push(file.path);
            continue;
        }
        let ours = file.path == Path::new("sagsgen.toml");
        if target.exists() && !request.force && !ours {
            report.kept.push(file.path);
            continue;
        }
        match crate::output::atomic_write(&target, &bytes) {
            Ok(()) => report.written.push(file.path),
            Err(e) => report
                .errors
                .push(Diagnostic::cannot_write(&shown_path(&target), &e).with_path(target)),
        }
    }
}
