//! Loading a meeting file: its fields, and every item's case file (validated on its own,
//! with its own positions).

use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use toml::de::DeTable;

use super::{Meeting, Punkt};
use crate::case::Adgang;
use crate::case::entries::committee;
use crate::case::{Case, Kind};
use crate::diag::{Diagnostic, SourceText};
use crate::field_table::{self, is_required};
use crate::input::fields::{Elsewhere, Fields, Reader};
use crate::project::Project;
use crate::tr;

/// The fields of a meeting file and of its items, from the field table.
static MEETING: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| field_table::names(field_table::MOEDE));
static ITEM: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| field_table::names(field_table::PUNKT.fields));
/// Titles that do not say what a closed item is about.
const VAGUE_TITLES: &[&str] = &[
    "lukket punkt",
    "lukket",
    "lukket sag",
    "personsag",
    "ejendomssag",
    "fortrolig",
    "fortroligt",
    "fortrolig sag",
];

/// A case file as a meeting's item sees it (the loader answers, loading each file once
/// per run).
pub enum ItemCase {
    /// The case.
    Case(Arc<Case>),
    /// The file is a meeting, not a case.
    Meeting,
    /// The file cannot be read.
    Unreadable,
    /// The file has errors (reported with the file).
    Errors,
}

/// A meeting file after loading.
#[derive(Debug)]
pub struct MeetingFile {
    /// The meeting, when neither it nor any of its cases has errors.
    pub meeting: Option<Meeting>,
    /// Diagnostics of the meeting file itself.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads and validates a meeting from its parsed table. `path` is the meeting file; its
/// items' case files come from `case_of` (given a case file's canonical path).
pub fn load_meeting(
    project: &Project,
    case_of: &mut dyn FnMut(&Path) -> ItemCase,
    source: &Arc<SourceText>,
    table: &DeTable<'_>,
    path: &Path,
) -> MeetingFile {
    let mut reader = Reader::new(source.clone());
    let anchor = table
        .iter()
        .find(|(k, _)| k.get_ref() == "type")
        .map_or(0..0, |(k, v)| k.span().start..v.span().end);
    let fields = Fields::new(
        &mut reader,
        table,
        tr!("table-kind", kind = "moede"),
        anchor.clone(),
        &MEETING,
    );
    let need = |name| is_required(field_table::MOEDE, name);
    let committees = &project.config.committees;
    let udvalg = fields
        .text(&mut reader, "udvalg", need("udvalg"))
        .and_then(|name| {
            let span = fields.value_span("udvalg").unwrap_or(0..0);
            committee(&mut reader, committees, &name, span)
        });
    let dato = fields.date(&mut reader, "dato", need("dato"));
    let tid = read_time(&mut reader, &fields);
    let sted = fields.text(&mut reader, "sted", need("sted"));
    let medlemmer = super::attendance::members(&mut reader, &fields);
    let afbud = fields
        .texts(&mut reader, "afbud")
        .into_iter()
        .map(|s| s.into_inner())
        .collect();
    let stedfortraedere = super::attendance::substitutes(&mut reader, &fields);
    let godkendelse = super::attendance::approval(&mut reader, &fields);
    let aflyst = fields.boolean(&mut reader, "aflyst").unwrap_or(false);
    let dir = path.parent().unwrap_or(Path::new("."));
    let tables = fields.tables(&mut reader, "punkter");
    let mut punkter = Vec::new();
    for (item, span) in &tables {
        let found = load_item(&mut reader, project, case_of, dir, item, span.clone());
        if let Some(p) = found {
            punkter.push((p, span.clone()));
        }
    }
    warn_about_shared_numbers(&mut reader, &punkter);
    let meeting = match (udvalg, dato) {
        (Some(udvalg), Some(dato)) => Some(Meeting {
            udvalg,
            dato,
            tid,
            sted,
            medlemmer,
            afbud,
            stedfortraedere,
            godkendelse,
            aflyst,
            punkter: Vec::new(),
        }),
        _ => None,
    };
    let meeting = meeting.map(|mut m| {
        super::attendance::check(&mut reader, &m, &fields);
        for (p, span) in &punkter {
            warn_about_item(&mut reader, &m, p, span.clone());
            super::attendance::check_item(&mut reader, &m, p, span.clone());
        }
        m.punkter = punkter.into_iter().map(|(p, _)| p).collect();
        m
    });
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| {
        d.location
            .as_ref()
            .and_then(|l| l.span.as_ref())
            .map_or(0, |s| s.start)
    });
    // An item that failed to load has recorded an error here, so "no errors" covers it.
    let meeting = meeting.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    MeetingFile {
        meeting,
        diagnostics,
    }
}

/// Two items with one number (their own `nummer`, or their place when they have none):
/// the agenda, the minutes and every reference to "punkt 2" would be ambiguous.
fn warn_about_shared_numbers(reader: &mut Reader, punkter: &[(Punkt, Range<usize>)]) {
    let mut seen: Vec<String> = Vec::new();
    for (place, (punkt, span)) in punkter.iter().enumerate() {
        let number = punkt
            .nummer()
            .map_or_else(|| (place + 1).to_string(), str::to_string);
        if seen.contains(&number) {
            let anchor = reader.first_line(span.clone());
            reader.warning(anchor, tr!("item-number-twice", number = number.as_str()));
        }
        seen.push(number);
    }
}

/// `tid`: "15:30" — or, as people also write it, the TOML time 15:30 (or "15:30:00").
fn read_time(reader: &mut Reader, fields: &Fields<'_, '_>) -> Option<String> {
    let written = match fields.value("tid")?.get_ref() {
        toml::de::DeValue::Datetime(d) if d.date.is_none() && d.offset.is_none() => d.to_string(),
        _ => fields.text(reader, "tid", false)?,
    };
    let tid = written
        .strip_suffix(":00")
        .filter(|t| t.len() == 5)
        .unwrap_or(&written);
    check_time(reader, fields, tid).then(|| tid.to_string())
}

fn check_time(reader: &mut Reader, fields: &Fields<'_, '_>, tid: &str) -> bool {
    let digits =
        |r: std::ops::Range<usize>| tid.get(r).filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    let ok = tid.len() == 5
        && tid.as_bytes()[2] == b':'
        && digits(0..2)
            .and_then(|h| h.parse::<u8>().ok())
            .is_some_and(|h| h < 24)
        && digits(3..5)
            .and_then(|m| m.parse::<u8>().ok())
            .is_some_and(|m| m < 60);
    if !ok {
        let span = fields.value_span("tid").unwrap_or(0..0);
        reader.error(span, tr!("tid-invalid", written = tid));
    }
    ok
}

fn load_item(
    reader: &mut Reader,
    project: &Project,
    case_of: &mut dyn FnMut(&Path) -> ItemCase,
    dir: &Path,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<Punkt> {
    let anchor = reader.first_line(span);
    let the_meeting = tr!("table-the-meeting");
    let meeting = [Elsewhere::Parent(&the_meeting.text, &MEETING)];
    let fields = Fields::with_elsewhere(
        reader,
        table,
        tr!("table-entry", entry = "punkter"),
        anchor.clone(),
        &ITEM,
        &meeting,
    );
    let nummer = fields.text(reader, "nummer", false);
    if fields.has("sag") {
        if fields.has("titel") || fields.has("tekst") || fields.has("beslutning") {
            reader.error(anchor, tr!("item-both-kinds"));
        }
        let sag = fields.text(reader, "sag", true)?;
        let span = fields.value_span("sag").unwrap_or(0..0);
        return load_case_item(reader, project, case_of, dir, &sag, span)
            .map(|p| p.numbered(nummer));
    }
    if !fields.has("titel") {
        reader.error(anchor, tr!("item-neither-kind"));
        return None;
    }
    Some(Punkt::Staaende {
        titel: fields.text(reader, "titel", true)?,
        tekst: fields.markdown(reader, "tekst", false),
        beslutning: fields.markdown(reader, "beslutning", false),
        nummer,
    })
}

fn load_case_item(
    reader: &mut Reader,
    project: &Project,
    case_of: &mut dyn FnMut(&Path) -> ItemCase,
    dir: &Path,
    sag: &str,
    span: Range<usize>,
) -> Option<Punkt> {
    let Some(written) = crate::input::written_path(sag) else {
        reader.error(span, tr!("item-case-on-drive", sag = sag));
        return None;
    };
    let path = dir.join(written);
    let Ok(canonical) = path.canonicalize() else {
        reader.error(span, tr!("item-case-missing", sag = sag));
        return None;
    };
    if !canonical.starts_with(&project.root) {
        reader.error(span, tr!("item-case-outside", sag = sag));
        return None;
    }
    let what = match case_of(&canonical) {
        ItemCase::Case(case) => {
            return Some(Punkt::Sag {
                path: canonical,
                case,
                nummer: None,
            });
        }
        ItemCase::Meeting => {
            reader.error(span, tr!("item-case-is-meeting", sag = sag));
            return None;
        }
        ItemCase::Unreadable => tr!("item-case-unreadable", sag = sag),
        ItemCase::Errors => tr!("item-case-has-errors", sag = sag),
    };
    reader.error(span, what);
    None
}

/// The warnings `check` gives about an item of a meeting.
fn warn_about_item(reader: &mut Reader, meeting: &Meeting, punkt: &Punkt, span: Range<usize>) {
    let anchor = reader.first_line(span);
    let closed = punkt.adgang() == Adgang::Lukket;
    // What the public agenda shows of a closed item: its offentlig_titel, else its title.
    let shown = punkt.offentlig_titel();
    let titel = shown.trim().trim_end_matches(['.', ':']).to_lowercase();
    if closed && VAGUE_TITLES.contains(&titel.as_str()) {
        reader.warning(anchor.clone(), tr!("item-closed-vague", title = shown));
    }
    let decision = match punkt {
        Punkt::Sag { case, .. } => {
            if case.kind == Kind::Notat {
                return;
            }
            meeting
                .decision_of(case)
                .map(|b| b.offentlig_tekst.is_some())
        }
        Punkt::Staaende { beslutning, .. } => beslutning.as_ref().map(|_| true),
    };
    match decision {
        None => {
            let help = match punkt {
                Punkt::Sag { .. } => tr!("item-no-decision.help-case"),
                Punkt::Staaende { .. } => tr!("item-no-decision.help-standing"),
            };
            let message = tr!(
                "item-no-decision",
                title = punkt.titel(),
                committee = meeting.udvalg.full.as_str(),
                date = meeting.dato.short()
            );
            reader.warning(anchor, message).help(help);
        }
        Some(false) if closed => {
            reader.warning(
                anchor,
                tr!("item-closed-no-public-text", title = punkt.titel()),
            );
        }
        Some(_) => {}
    }
}
