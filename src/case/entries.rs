//! The repeated entries of a case (`[[lovgrundlag]]`, `[[beslutninger]]`, `[[bilag]]`)
//! and committee references.

use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use toml::Spanned;
use toml::de::DeTable;

use super::load::read_adgang;
use super::{Afsnit, Beslutning, Bilag, Lov, Placering};
use crate::committee::{Committee, Committees};
use crate::field_table::{self, AFSNIT, BESLUTNING, BILAG, Entries, Field, LOV, is_required};
use crate::input::fields::{Elsewhere, Fields, Reader, suggest};
use crate::project::Project;
use crate::tr;

/// Resolves one committee reference, reporting unknown abbreviations (error) and names
/// not in `[udvalg]` (warning).
pub fn committee(
    reader: &mut Reader,
    table: &Committees,
    written: &str,
    span: Range<usize>,
) -> Option<Committee> {
    match table.resolve(written) {
        Ok(c) => {
            if !c.known {
                reader.warning(span, tr!("committee-not-configured", written = written));
            }
            Some(c)
        }
        Err(_) => {
            let known = table.abbreviations().join(", ");
            reader
                .error(span, tr!("committee-unknown", written = written))
                .help(tr!("committee-unknown.help", known = known));
            None
        }
    }
}

/// Resolves a list of committee references.
pub fn committees(
    reader: &mut Reader,
    table: &Committees,
    written: &[Spanned<String>],
) -> Vec<Committee> {
    written
        .iter()
        .filter_map(|w| committee(reader, table, w.get_ref(), w.span()))
        .collect()
}

fn entry_fields<'a, 'i>(
    reader: &mut Reader,
    table: &'a DeTable<'i>,
    span: &Range<usize>,
    name: &str,
    entries: &Entries,
) -> Fields<'a, 'i> {
    let anchor = reader.first_line(span.clone());
    let the_case = tr!("table-the-case");
    let case = [Elsewhere::Parent(&the_case.text, &CASE_FIELDS)];
    Fields::with_elsewhere(
        reader,
        table,
        tr!("table-entry", entry = name),
        anchor,
        &field_table::names(entries.fields),
        &case,
    )
}

/// The fields of the case itself, which an entry swallows when written below it.
static CASE_FIELDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| field_table::names(field_table::BESLUTNINGSSAG));

/// Reads `[[afsnit]]` entries; `own` is the case kind's fields (its standard sections are
/// what `placering` may name).
pub fn load_afsnit(
    reader: &mut Reader,
    own: &'static [Field],
    tables: &[(&DeTable<'_>, Range<usize>)],
) -> Vec<Afsnit> {
    let mut out = Vec::new();
    for (table, span) in tables {
        let fields = entry_fields(reader, table, span, "afsnit", &AFSNIT);
        let need = |name| is_required(AFSNIT.fields, name);
        let overskrift = fields.text(reader, "overskrift", need("overskrift"));
        let tekst = fields.markdown(reader, "tekst", need("tekst"));
        let placering = match fields.text(reader, "placering", need("placering")) {
            Some(written) => {
                let span = fields.value_span("placering").unwrap_or(0..0);
                placement(reader, own, &written, span)
            }
            None => Some(Placering::Sidst),
        };
        if let (Some(tekst), Some(placering)) = (tekst, placering) {
            out.push(Afsnit {
                overskrift: overskrift.filter(|o| !o.trim().is_empty()),
                tekst,
                placering,
                order: entry_order(table, span),
            });
        }
    }
    out
}

/// `"før sagsfremstilling"` / `"efter indstilling"`: where an extra section stands.
fn placement(
    reader: &mut Reader,
    own: &'static [Field],
    written: &str,
    span: Range<usize>,
) -> Option<Placering> {
    let folded = crate::danish::fold(written.trim()).to_lowercase();
    let (side, section) = folded
        .split_once(char::is_whitespace)
        .unwrap_or((&folded, ""));
    let names: Vec<&'static str> = field_table::sections(own).map(|f| f.name).collect();
    let section = crate::danish::fold(section.trim());
    let found = names.iter().find(|n| **n == section).copied();
    match (side, found) {
        ("foer", Some(name)) => Some(Placering::Foer(name)),
        ("efter", Some(name)) => Some(Placering::Efter(name)),
        ("foer" | "efter", None) => {
            let message = match suggest(&section, &names) {
                Some(near) => tr!(
                    "placering-unknown-section-near",
                    section = section,
                    near = near
                ),
                None => tr!("placering-unknown-section", section = section),
            };
            reader.error(span, message).help(tr!(
                "placering-unknown-section.help",
                sections = names.join(", ")
            ));
            None
        }
        _ => {
            reader.error(span, tr!("placering-unknown", written = written));
            None
        }
    }
}

/// Reads `[[lovgrundlag]]` entries.
pub fn load_lovgrundlag(reader: &mut Reader, tables: &[(&DeTable<'_>, Range<usize>)]) -> Vec<Lov> {
    let mut out = Vec::new();
    for (table, span) in tables {
        let fields = entry_fields(reader, table, span, "lovgrundlag", &LOV);
        let need = |name| is_required(LOV.fields, name);
        let titel = fields.text(reader, "titel", need("titel"));
        let henvisning = fields.text(reader, "henvisning", need("henvisning"));
        let url = fields.text(reader, "url", need("url")).filter(|url| {
            let span = fields.value_span("url").unwrap_or(0..0);
            check_url(reader, url, span)
        });
        if let Some(titel) = titel {
            out.push(Lov {
                titel,
                henvisning,
                url,
            });
        }
    }
    out
}

/// Whether `url` is an acceptable `https://` address; reports it if not.
pub fn check_url(reader: &mut Reader, url: &str, span: Range<usize>) -> bool {
    let rest = url.strip_prefix("https://");
    let host_ok = rest.is_some_and(|r| {
        r.split(['/', '?', '#'])
            .next()
            .is_some_and(|h| !h.is_empty())
    });
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if host_ok && clean {
        return true;
    }
    let message = if rest.is_none() {
        tr!("url-not-https", url = url)
    } else {
        tr!("url-invalid", url = url)
    };
    reader.error(span, message).help(tr!("url-invalid.help"));
    false
}

/// Reads `overskrifter = { <section> = "<heading>" }`: headings of standard sections as
/// the case wants them shown; `own` is the kind's fields (its sections are the keys).
pub fn load_headings(
    reader: &mut Reader,
    own: &'static [Field],
    fields: &Fields<'_, '_>,
) -> std::collections::BTreeMap<&'static str, String> {
    let mut out = std::collections::BTreeMap::new();
    let Some((table, _)) = fields.table(reader, "overskrifter") else {
        return out;
    };
    let names: Vec<&'static str> = field_table::sections(own).map(|f| f.name).collect();
    for (key, value) in table.iter() {
        let written = key.get_ref();
        let folded = crate::danish::fold(written.trim()).to_lowercase();
        let Some(name) = names.iter().find(|n| **n == folded).copied() else {
            let written = &**written;
            let message = match suggest(&folded, &names) {
                Some(near) => tr!("overskrifter-unknown-near", written = written, near = near),
                None => tr!("overskrifter-unknown", written = written),
            };
            reader.error(key.span(), message).help(tr!(
                "overskrifter-unknown.help",
                sections = names.join(", ")
            ));
            continue;
        };
        match value.get_ref().as_str() {
            Some(text) if !text.trim().is_empty() && !text.contains('\n') => {
                out.insert(name, text.trim().to_string());
            }
            _ => {
                reader.error(
                    value.span(),
                    tr!("overskrifter-not-text", written = &**written),
                );
            }
        }
    }
    out
}

/// Where an entry starts in its file: its first key (the spans of array-of-tables
/// entries are not where their `[[…]]` line is).
fn entry_order(table: &DeTable<'_>, span: &Range<usize>) -> usize {
    table
        .iter()
        .map(|(k, _)| k.span().start)
        .min()
        .unwrap_or(span.start)
}

/// Reads `[[beslutninger]]` entries; `own` is the case kind's fields (what `placering`
/// may name).
pub fn load_beslutninger(
    reader: &mut Reader,
    committees_table: &Committees,
    own: &'static [Field],
    tables: &[(&DeTable<'_>, Range<usize>)],
) -> Vec<Beslutning> {
    let mut out = Vec::new();
    for (table, span) in tables {
        let fields = entry_fields(reader, table, span, "beslutninger", &BESLUTNING);
        let need = |name| is_required(BESLUTNING.fields, name);
        let udvalg = fields
            .text(reader, "udvalg", need("udvalg"))
            .and_then(|name| {
                let span = fields.value_span("udvalg").unwrap_or(0..0);
                committee(reader, committees_table, &name, span)
            });
        let dato = fields.date(reader, "dato", need("dato"));
        let tekst = fields.markdown(reader, "tekst", need("tekst"));
        let offentlig_tekst = fields.markdown(reader, "offentlig_tekst", need("offentlig_tekst"));
        let placering = fields
            .text(reader, "placering", need("placering"))
            .map(|written| {
                let span = fields.value_span("placering").unwrap_or(0..0);
                placement(reader, own, &written, span)
            });
        let record = super::record::load_record(reader, &fields);
        if let (Some(udvalg), Some(dato), Some(tekst), None | Some(Some(_))) =
            (udvalg, dato, tekst, placering)
        {
            out.push(Beslutning {
                udvalg,
                dato,
                tekst,
                offentlig_tekst,
                overskrift: fields
                    .text(reader, "overskrift", need("overskrift"))
                    .filter(|o| !o.trim().is_empty()),
                placering: placering.flatten(),
                order: entry_order(table, span),
                record,
            });
        }
    }
    out
}

/// Reads `[[bilag]]` entries, checking each `fil`.
pub fn load_bilag(
    reader: &mut Reader,
    project: &Project,
    dir: &Path,
    tables: &[(&DeTable<'_>, Range<usize>)],
) -> Vec<Bilag> {
    let mut out = Vec::new();
    for (table, span) in tables {
        let fields = entry_fields(reader, table, span, "bilag", &BILAG);
        let need = |name| is_required(BILAG.fields, name);
        let titel = fields.text(reader, "titel", need("titel"));
        let fil = fields.text(reader, "fil", need("fil")).and_then(|fil| {
            let span = fields.value_span("fil").unwrap_or(0..0);
            check_attachment(reader, project, dir, &fil, span)
        });
        let bilag = Bilag {
            titel: titel.unwrap_or_default(),
            dokumentnummer: fields.text(reader, "dokumentnummer", need("dokumentnummer")),
            henvisning: fields.text(reader, "henvisning", need("henvisning")),
            markering: fields.text(reader, "markering", need("markering")),
            adgang: read_adgang(reader, &fields),
            fil,
        };
        out.push(bilag);
    }
    out
}

/// Checks that an attachment exists, lies inside the project and is a PDF.
fn check_attachment(
    reader: &mut Reader,
    project: &Project,
    dir: &Path,
    fil: &str,
    span: Range<usize>,
) -> Option<std::path::PathBuf> {
    let Some(written) = crate::input::written_path(fil) else {
        reader.error(span, tr!("bilag-on-drive", fil = fil));
        return None;
    };
    let path = dir.join(written);
    let Ok(canonical) = path.canonicalize() else {
        reader.error(span, tr!("bilag-missing", fil = fil));
        return None;
    };
    if !canonical.starts_with(&project.root) {
        reader.error(span, tr!("bilag-outside", fil = fil));
        return None;
    }
    if !canonical.is_file() || !is_pdf(&canonical) {
        reader.error(span, tr!("bilag-not-pdf", fil = fil));
        return None;
    }
    Some(canonical)
}

/// A PDF starts with `%PDF-` within its first kilobyte.
fn is_pdf(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.read(&mut head).unwrap_or(0);
    head[..n].windows(5).any(|w| w == b"%PDF-")
}
