//! Turning a parsed case file into a validated [`Case`], reporting every problem at once.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use toml::de::DeTable;

use super::entries::{
    committee, committees, load_afsnit, load_beslutninger, load_bilag, load_headings,
    load_lovgrundlag,
};
use super::{Adgang, Body, Case, Kind, Notat, Sag, Sektion};
use crate::diag::{Diagnostic, SourceText};
use crate::field_table::{self, Field, Holds, is_required};
use crate::i18n::Message;
use crate::input::fields::{Elsewhere, Fields, Reader, suggest};
use crate::project::Project;
use crate::tr;

/// Every `type` a file may have (meetings included).
pub static TYPES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    field_table::KINDS
        .iter()
        .map(|(kind, _, _)| *kind)
        .collect()
});

/// Every field of any kind of case, for files whose kind cannot be read.
static ANY_CASE: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = [Kind::Notat, Kind::Beslutningssag, Kind::Orienteringssag]
        .iter()
        .flat_map(|k| field_table::names(k.fields()))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});

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
        Fields::new(&mut reader, table, tr!("table-case"), 0..0, &ANY_CASE);
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
        reader.error(0..0, tr!("case-type-missing"));
        return None;
    };
    let Some(name) = value.get_ref().as_str() else {
        reader
            .error(value.span(), tr!("case-type-not-text"))
            .help(tr!("case-type-missing.help"));
        return None;
    };
    let kind = Kind::parse(name);
    if kind.is_none() && name != "moede" {
        let message = match suggest(name, &TYPES) {
            Some(near) => tr!("case-type-unknown-near", written = name, near = near),
            None => tr!("case-type-unknown", written = name),
        };
        reader
            .error(value.span(), message)
            .help(tr!("case-type-unknown.help"));
    }
    kind
}

fn read_case(reader: &mut Reader, ctx: &Ctx<'_>, table: &DeTable<'_>, kind: Kind) -> Option<Case> {
    let own = kind.fields();
    let known = field_table::names(own);
    let what = with_article(kind.name());
    let anchor = type_anchor(table);
    // The fields only the other kinds have: a notat's in a sag, a sag's in a notat.
    let (other, other_fields) = if kind == Kind::Notat {
        (tr!("table-sag-kinds"), Kind::Beslutningssag.fields())
    } else {
        (tr!("table-kind", kind = "notat"), Kind::Notat.fields())
    };
    let others: Vec<&str> = field_table::names(other_fields)
        .into_iter()
        .filter(|name| !known.contains(name))
        .collect();
    let elsewhere = [Elsewhere::Kind(&other.text, &others)];
    let fields = Fields::with_elsewhere(reader, table, what, anchor, &known, &elsewhere);
    let imported = kind != Kind::Notat && fields.has("kilde");
    let need = |name| field_table::is_required_for(own, name, imported);
    let felter = read_texts(reader, &fields, own, imported);
    let text = |name: &str| felter.get(name).cloned();
    let adgang = read_adgang(reader, &fields);
    let body = match kind {
        Kind::Notat => read_notat(reader, &fields, &felter).map(Body::Notat),
        _ => Some(Body::Sag(Box::new(read_sag(
            reader, ctx, &fields, own, &felter, imported,
        )))),
    };
    let case = Case {
        kind,
        titel: text("titel").unwrap_or_default(),
        sagsnummer: text("sagsnummer"),
        dato: fields.date(reader, "dato", need("dato")),
        forfatter: text("forfatter"),
        afsender: text("afsender"),
        adgang,
        udkast: fields.boolean(reader, "udkast").unwrap_or(false),
        emneord: fields
            .texts(reader, "emneord")
            .into_iter()
            .map(|s| s.into_inner())
            .collect(),
        felter,
        body: body?,
    };
    Some(case)
}

/// "et notat", "en orienteringssag".
fn with_article(kind: &str) -> Message {
    tr!("table-kind", kind = kind)
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
        reader.error(span, tr!("adgang-unknown", written = text.as_str()));
        Adgang::default()
    })
}

/// Every one-line text field of the table that the file has, each read (and checked)
/// once; required ones reported when missing (`imported`: a case with `kilde`).
fn read_texts(
    reader: &mut Reader,
    fields: &Fields<'_, '_>,
    own: &'static [Field],
    imported: bool,
) -> BTreeMap<&'static str, String> {
    own.iter()
        .filter(|f| f.holds == Holds::Text)
        .filter_map(|f| {
            let required = field_table::is_required_for(own, f.name, imported);
            Some((f.name, fields.text(reader, f.name, required)?))
        })
        .collect()
}

fn read_notat(
    reader: &mut Reader,
    fields: &Fields<'_, '_>,
    felter: &BTreeMap<&'static str, String>,
) -> Option<Notat> {
    let need = |name| is_required(field_table::NOTAT, name);
    let tekst = fields.markdown(reader, "tekst", need("tekst"));
    Some(Notat {
        til: felter.get("til").cloned()?,
        fra: felter.get("fra").cloned(),
        tekst: tekst?,
    })
}

fn read_sag(
    reader: &mut Reader,
    ctx: &Ctx<'_>,
    fields: &Fields<'_, '_>,
    own: &'static [Field],
    felter: &BTreeMap<&'static str, String>,
    imported: bool,
) -> Sag {
    let committees_table = &ctx.project.config.committees;
    let beslutningskompetence = felter.get("beslutningskompetence").and_then(|name| {
        let span = fields.value_span("beslutningskompetence").unwrap_or(0..0);
        committee(reader, committees_table, name, span)
    });
    let udvalg = fields.texts(reader, "udvalg");
    let sektioner = own
        .iter()
        .filter(|f| f.holds == Holds::Markdown)
        .filter_map(|f| {
            let overskrift = f.overskrift?;
            let required = field_table::is_required_for(own, f.name, imported);
            let tekst = fields.markdown(reader, f.name, required)?;
            Some(Sektion {
                felt: f.name,
                overskrift,
                tekst,
            })
        })
        .collect();
    let lovgrundlag = fields.tables(reader, "lovgrundlag");
    let afsnit = fields.tables(reader, "afsnit");
    let beslutninger = fields.tables(reader, "beslutninger");
    let bilag = fields.tables(reader, "bilag");
    Sag {
        udvalg: committees(reader, committees_table, &udvalg),
        beslutningskompetence,
        sektioner,
        afsnit: load_afsnit(reader, own, &afsnit),
        overskrifter: load_headings(reader, own, fields),
        lovgrundlag: load_lovgrundlag(reader, &lovgrundlag),
        beslutninger: load_beslutninger(reader, committees_table, own, &beslutninger),
        bilag: load_bilag(reader, ctx.project, &ctx.dir, &bilag),
    }
}
