//! Turning a parsed case file into a validated [`Case`], reporting every problem at once.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

use super::entries::{committee, committees, load_beslutninger, load_bilag, load_lovgrundlag};
use super::{Adgang, Body, Case, Kind, Notat, Sag};
use crate::diag::{Diagnostic, SourceText};
use crate::input::fields::{Elsewhere, Fields, Reader, suggest};
use crate::project::Project;

pub(crate) const SHARED: &[&str] = &[
    "type",
    "titel",
    "sagsnummer",
    "dato",
    "forfatter",
    "afsender",
    "adgang",
    "udkast",
    "emneord",
];
pub(crate) const NOTAT: &[&str] = &["til", "fra", "tekst"];
pub(crate) const SAG: &[&str] = &[
    "udvalg",
    "beslutningskompetence",
    "beslutningstema",
    "sagsfremstilling",
    "oekonomiske_konsekvenser",
    "borgerinddragelse",
    "lovgrundlag",
    "det_videre_forloeb",
    "indstilling",
    "beslutninger",
    "bilag",
];
/// Every `type` a file may have (meetings included).
pub const TYPES: &[&str] = &["notat", "beslutningssag", "orienteringssag", "moede"];

/// A case file after loading: the case (if valid) and every diagnostic.
#[derive(Debug)]
pub struct CaseFile {
    /// The case, when it has no errors.
    pub case: Option<Case>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Context a case is read in.
struct Ctx<'p> {
    project: &'p Project,
    dir: PathBuf,
}

/// Loads and validates a case from its parsed table. `path` is the case file's path.
pub fn load_case(
    project: &Project,
    source: &Arc<SourceText>,
    table: &DeTable<'_>,
    path: &Path,
) -> CaseFile {
    let mut reader = Reader::new(source.clone());
    let dir = path
        .parent()
        .map_or_else(|| project.root.clone(), Path::to_path_buf);
    let ctx = Ctx { project, dir };
    let kind = read_kind(&mut reader, table);
    let case = kind.and_then(|kind| read_case(&mut reader, &ctx, table, kind));
    if kind.is_none() {
        let all: Vec<&'static str> = SHARED.iter().chain(NOTAT).chain(SAG).copied().collect();
        Fields::new(&mut reader, table, "a case", 0..0, &all);
    }
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort_by_key(|d| {
        d.location
            .as_ref()
            .and_then(|l| l.span.as_ref())
            .map_or(0, |s| s.start)
    });
    let case = case.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    CaseFile { case, diagnostics }
}

/// Reads `type`; `None` (with an error recorded) when missing or wrong.
pub fn read_kind(reader: &mut Reader, table: &DeTable<'_>) -> Option<Kind> {
    let Some((_, value)) = table.iter().find(|(k, _)| k.get_ref() == "type") else {
        reader
            .error(0..0, "missing field `type`: every case file must say what it is")
            .help("add a first line such as `type = \"beslutningssag\"` (notat, beslutningssag, orienteringssag or moede)");
        return None;
    };
    let Some(name) = value.get_ref().as_str() else {
        reader
            .error(
                value.span(),
                "`type` must be text in quotes, such as \"notat\"",
            )
            .help("write e.g. `type = \"beslutningssag\"` (notat, beslutningssag, orienteringssag or moede)");
        return None;
    };
    let kind = Kind::parse(name);
    if kind.is_none() && name != "moede" {
        let mut message = format!("\"{name}\" is not a kind of case");
        if let Some(s) = suggest(name, TYPES) {
            message.push_str(&format!("; did you mean \"{s}\"?"));
        }
        reader
            .error(value.span(), message)
            .help("`type` is one of \"notat\", \"beslutningssag\", \"orienteringssag\", \"moede\"");
    }
    kind
}

fn read_case(reader: &mut Reader, ctx: &Ctx<'_>, table: &DeTable<'_>, kind: Kind) -> Option<Case> {
    let own = if kind == Kind::Notat { NOTAT } else { SAG };
    let known: Vec<&'static str> = SHARED.iter().chain(own).copied().collect();
    let what = with_article(kind.name());
    let anchor = type_anchor(table);
    let elsewhere = if kind == Kind::Notat {
        [Elsewhere::Kind(
            "a beslutningssag or an orienteringssag",
            SAG,
        )]
    } else {
        [Elsewhere::Kind("a notat", NOTAT)]
    };
    let fields = Fields::with_elsewhere(reader, table, what, anchor, &known, &elsewhere);
    let titel = fields.text(reader, "titel", true);
    let sagsnummer = fields.text(reader, "sagsnummer", kind != Kind::Notat);
    let adgang = read_adgang(reader, &fields);
    let body = match kind {
        Kind::Notat => read_notat(reader, &fields).map(Body::Notat),
        _ => Some(Body::Sag(Box::new(read_sag(reader, ctx, &fields, kind)))),
    };
    let case = Case {
        kind,
        titel: titel.unwrap_or_default(),
        sagsnummer,
        dato: fields.date(reader, "dato", false),
        forfatter: fields.text(reader, "forfatter", false),
        afsender: fields.text(reader, "afsender", false),
        adgang,
        udkast: fields.boolean(reader, "udkast").unwrap_or(false),
        emneord: fields
            .texts(reader, "emneord")
            .into_iter()
            .map(|s| s.into_inner())
            .collect(),
        body: body?,
    };
    Some(case)
}

/// "a notat", "an orienteringssag".
fn with_article(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}

/// Where a missing top-level field is reported: the `type` line.
fn type_anchor(table: &DeTable<'_>) -> Range<usize> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == "type")
        .map_or(0..0, |(k, v)| k.span().start..v.span().end)
}

/// Reads an `adgang` field of any table.
pub(super) fn read_adgang(reader: &mut Reader, fields: &Fields<'_, '_>) -> Adgang {
    let Some(text) = fields.text(reader, "adgang", false) else {
        return Adgang::default();
    };
    Adgang::parse(&text).unwrap_or_else(|| {
        let span = fields.value_span("adgang").unwrap_or(0..0);
        reader
            .error(
                span,
                format!("`adgang` must be \"åben\" or \"lukket\", not \"{text}\""),
            )
            .help(
                "write adgang = \"åben\" for a public item, adgang = \"lukket\" for a closed one",
            );
        Adgang::default()
    })
}

fn read_notat(reader: &mut Reader, fields: &Fields<'_, '_>) -> Option<Notat> {
    let til = fields.text(reader, "til", true);
    let fra = fields.text(reader, "fra", false);
    let tekst = fields.markdown(reader, "tekst", true);
    Some(Notat {
        til: til?,
        fra,
        tekst: tekst?,
    })
}

fn read_sag(reader: &mut Reader, ctx: &Ctx<'_>, fields: &Fields<'_, '_>, kind: Kind) -> Sag {
    let decides = kind == Kind::Beslutningssag;
    let committees_table = &ctx.project.config.committees;
    let beslutningskompetence = match fields.text(reader, "beslutningskompetence", decides) {
        Some(name) => {
            let span = fields.value_span("beslutningskompetence").unwrap_or(0..0);
            committee(reader, committees_table, &name, span)
        }
        None => None,
    };
    let udvalg = fields.texts(reader, "udvalg");
    let lovgrundlag = fields.tables(reader, "lovgrundlag");
    let beslutninger = fields.tables(reader, "beslutninger");
    let bilag = fields.tables(reader, "bilag");
    Sag {
        udvalg: committees(reader, committees_table, &udvalg),
        beslutningskompetence,
        beslutningstema: fields.markdown(reader, "beslutningstema", decides),
        sagsfremstilling: fields
            .markdown(reader, "sagsfremstilling", true)
            .unwrap_or_default(),
        oekonomiske_konsekvenser: fields
            .markdown(reader, "oekonomiske_konsekvenser", true)
            .unwrap_or_default(),
        borgerinddragelse: fields.markdown(reader, "borgerinddragelse", false),
        lovgrundlag: load_lovgrundlag(reader, &lovgrundlag),
        det_videre_forloeb: fields.markdown(reader, "det_videre_forloeb", false),
        indstilling: fields
            .markdown(reader, "indstilling", true)
            .unwrap_or_default(),
        beslutninger: load_beslutninger(reader, committees_table, &beslutninger),
        bilag: load_bilag(reader, ctx.project, &ctx.dir, &bilag),
    }
}
