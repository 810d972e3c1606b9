//! Imported meetings as project files: `moeder/<udvalg>-<yyyy-mm-dd>.toml`, one case file
//! per item under `cases/<yyyy>/<udvalg>-<mm-dd>/`, attachment PDFs copied under `bilag/`,
//! and new committees added to `sagsgen.toml`. Every file is made first and compared
//! with what is there: an equal file is left alone (so a second import changes nothing),
//! a different one is kept unless `--force`.

use std::path::{Path, PathBuf};

use super::plan::{Block, ItemPlan, MeetingPlan};
use super::toml_text::{self, key, list, string, text};
use crate::i18n::Message;
use crate::output::Content;
use crate::project::schema::CASE_SCHEMA_FILE;
use crate::project::schema::schema_directive;
use crate::render::escape::plain_line;
use crate::tr;

/// A file the import writes: its path in the project and what it holds (an attachment is
/// a copy, read when it is written).
#[derive(Debug, Clone)]
pub struct Planned {
    /// Relative to the project root.
    pub path: PathBuf,
    /// The contents.
    pub content: Content,
}

/// The files of a meeting, and the warnings about attachments met while making them.
#[derive(Debug, Default)]
pub struct MeetingFiles {
    /// The meeting file first, then each case and its attachments.
    pub files: Vec<Planned>,
    /// For each item (by index): its case file.
    pub case_files: Vec<PathBuf>,
    /// For each item (by index): notes about its attachments.
    pub warnings: Vec<Vec<Message>>,
}

/// The folder-name form of a committee key: `KIU` → `kiu`, `ØU` → `oeu`.
fn folder_name(udvalg: &str) -> String {
    crate::danish::slug(udvalg, usize::MAX)
}

/// A title as a file-name part (at most 50 characters; `punkt` when it has no letter).
pub fn slug(title: &str) -> String {
    let slug = crate::danish::slug(title, 50);
    if slug.is_empty() {
        "punkt".into()
    } else {
        slug
    }
}

/// The files of one meeting.
pub fn meeting_files(plan: &MeetingPlan) -> MeetingFiles {
    let meeting = &plan.source;
    let dato = meeting.dato;
    let folder = folder_name(&plan.udvalg);
    let case_dir = PathBuf::from(format!(
        "cases/{}/{folder}-{:02}-{:02}",
        dato.year, dato.month, dato.day
    ));
    let bilag_dir = PathBuf::from(format!(
        "bilag/{}/{folder}-{:02}-{:02}",
        dato.year, dato.month, dato.day
    ));
    let mut out = MeetingFiles::default();
    let mut cases = Vec::new();
    for (i, item) in plan.items.iter().enumerate() {
        let name = format!("punkt-{:02}-{}.toml", i + 1, slug(&item.source.titel));
        let path = case_dir.join(name);
        let attachments_dir = bilag_dir.join(format!("punkt-{:02}", i + 1));
        let (attachments, warnings) = attachments(item, meeting.file.as_path(), &attachments_dir);
        let text = case_text(plan, item, i, &attachments);
        cases.push(Planned {
            path: path.clone(),
            content: text.into(),
        });
        for (a, source) in &attachments {
            if let (Some(target), Some(source)) = (&a.fil, source) {
                cases.push(Planned {
                    path: target.clone(),
                    content: Content::Copy(source.clone()),
                });
            }
        }
        out.case_files.push(path);
        out.warnings.push(warnings);
    }
    let meeting_path = PathBuf::from(format!("moeder/{folder}-{}.toml", dato.iso()));
    out.files.push(Planned {
        content: meeting_text(plan, &out.case_files).into(),
        path: meeting_path,
    });
    out.files.extend(cases);
    out
}

/// An attachment as the case lists it: where its PDF goes in the project (when the
/// export holds one), and where it comes from.
struct Listed {
    titel: String,
    dokumentnummer: Option<String>,
    lukket: bool,
    fil: Option<PathBuf>,
}

fn attachments(
    item: &ItemPlan,
    export: &Path,
    dir: &Path,
) -> (Vec<(Listed, Option<PathBuf>)>, Vec<Message>) {
    let export_dir = export.parent().unwrap_or(Path::new("."));
    let mut warnings = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (n, a) in item.source.bilag.iter().enumerate() {
        let lukket = !super::plan::is_open(a, &item.source);
        let found = match &a.fil {
            Some(f) => locate(export_dir, f, &a.titel, &mut warnings),
            // Said for every format alike: a listed attachment without its file is one a
            // reader of the packet will miss.
            None => {
                warnings.push(tr!("import-attachment-no-file", title = a.titel.as_str()));
                None
            }
        };
        let (fil, source) = match found {
            Some(source) => {
                let name = unique_name(&source, n + 1, &mut used);
                (Some(dir.join(name)), Some(source))
            }
            None => (None, None),
        };
        out.push((
            Listed {
                titel: a.titel.clone(),
                dokumentnummer: a.dokumentnummer.clone(),
                lukket,
                fil,
            },
            source,
        ));
    }
    (out, warnings)
}

/// The attachment's file in the export folder, when it is there and a PDF.
fn locate(
    export_dir: &Path,
    named: &Path,
    titel: &str,
    warnings: &mut Vec<Message>,
) -> Option<PathBuf> {
    let path = find_case_insensitive(export_dir, named);
    let Some(path) = path else {
        warnings.push(tr!(
            "import-attachment-missing",
            title = titel,
            file = named.display().to_string()
        ));
        return None;
    };
    let mut head = [0u8; 5];
    let is_pdf = std::fs::File::open(&path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && &head == b"%PDF-";
    if !is_pdf {
        warnings.push(tr!(
            "import-attachment-not-pdf",
            title = titel,
            file = named.display().to_string()
        ));
        return None;
    }
    // A PDF sagsgen cannot read (encrypted, truncated) would stop the packets: listed
    // without its file instead, and said.
    let read = |p: &Path| std::fs::read(p).map(typst::foundations::Bytes::new);
    if let Err(e) = crate::meeting::inspect(&path, &read) {
        warnings.push(tr!(
            "import-attachment-unreadable",
            title = titel,
            reason = &e.message
        ));
        return None;
    }
    Some(path)
}

/// `named` below `dir`, matching each part's letter case loosely (exports written on
/// Windows name `Enclosures\1.PDF` what lies as `enclosures/1.pdf`).
fn find_case_insensitive(dir: &Path, named: &Path) -> Option<PathBuf> {
    let exact = dir.join(named);
    if exact.is_file() {
        return Some(exact);
    }
    let mut at = dir.to_path_buf();
    for part in named.components() {
        let wanted = part.as_os_str().to_string_lossy().to_lowercase();
        let entry = std::fs::read_dir(&at)
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().to_lowercase() == wanted)?;
        at = entry.path();
    }
    at.is_file().then_some(at)
}

/// The attachment's file name in the project: its own, made safe and unique.
fn unique_name(source: &Path, number: usize, used: &mut Vec<String>) -> String {
    let stem = source
        .file_stem()
        .map(|s| slug(&s.to_string_lossy()))
        .unwrap_or_else(|| format!("bilag-{number}"));
    let mut name = format!("{stem}.pdf");
    if used.contains(&name) {
        name = format!("{stem}-{number}.pdf");
    }
    used.push(name.clone());
    name
}

/// `../` from a file at `from` (relative to the root) to `to` (relative to the root).
fn relative(from: &Path, to: &Path) -> String {
    let depth = from.parent().map_or(0, |p| p.components().count());
    format!(
        "{}{}",
        "../".repeat(depth),
        to.to_string_lossy().replace('\\', "/")
    )
}

/// A case file: its fields, then its extra sections and decisions in the source's order,
/// then its attachments.
fn case_text(
    plan: &MeetingPlan,
    item: &ItemPlan,
    index: usize,
    listed: &[(Listed, Option<PathBuf>)],
) -> String {
    let mut out = schema_directive(3, CASE_SCHEMA_FILE);
    out.push_str(&case_fields(plan, item, index));
    for block in &item.blocks {
        out.push_str(&entry_text(block));
    }
    for (a, _) in listed {
        out.push_str(&attachment_text(a));
    }
    out
}

/// The case's own fields: kind, titles, committee, access, source, headings and sections.
fn case_fields(plan: &MeetingPlan, item: &ItemPlan, index: usize) -> String {
    let s = &item.source;
    let meeting = &plan.source;
    let mut out = String::new();
    let mut line = |k: &str, v: String| out.push_str(&format!("{k} = {v}\n"));
    line("type", string(item.kind));
    line("titel", string(&plain_line(&s.titel)));
    // Kept for an open item too: the export says it is the title to publish, and the
    // words are the item's (eDoc's "Fejloprettet" items keep their subject only there).
    if let Some(neutral) = &s.offentlig_titel {
        line("offentlig_titel", string(&plain_line(neutral)));
    }
    if let Some(nr) = &s.sagsnummer {
        line("sagsnummer", string(&plain_line(nr)));
    }
    if let Some(name) = &s.forfatter {
        line("forfatter", string(&plain_line(name)));
    }
    line("udvalg", list(std::slice::from_ref(&plan.udvalg)));
    if !s.aaben {
        line("adgang", string("lukket"));
    }
    let file_name = meeting
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nummer = s.nummer.clone().unwrap_or_else(|| (index + 1).to_string());
    line(
        "kilde",
        string(&format!(
            "{}: {file_name}, {} {}, punkt {nummer}",
            meeting.system.name(),
            meeting.udvalg.name,
            meeting.dato.short()
        )),
    );
    let headings: Vec<String> = item
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Field {
                name,
                overskrift: Some(o),
                ..
            } => Some(format!("{name} = {}", string(&plain_line(o)))),
            _ => None,
        })
        .collect();
    if !headings.is_empty() {
        line("overskrifter", format!("{{ {} }}", headings.join(", ")));
    }
    for block in &item.blocks {
        if let Block::Field { name, tekst, .. } = block {
            line(name, text(tekst));
        }
    }
    out
}

/// An extra section or a decision as its `[[…]]` entry (a field is written with the case's
/// own fields: nothing here).
fn entry_text(block: &Block) -> String {
    match block {
        Block::Field { .. } => String::new(),
        Block::Afsnit {
            overskrift,
            tekst,
            placering,
        } => {
            let mut out = String::from("\n[[afsnit]]\n");
            if let Some(o) = overskrift {
                out.push_str(&format!("overskrift = {}\n", string(&plain_line(o))));
            }
            out.push_str(&format!("placering = {}\n", string(placering)));
            out.push_str(&format!("tekst = {}\n", text(tekst)));
            out
        }
        Block::Beslutning {
            udvalg,
            dato,
            tekst,
            placering,
            overskrift,
            record,
        } => {
            let mut out = String::from("\n[[beslutninger]]\n");
            out.push_str(&format!("udvalg = {}\n", string(udvalg)));
            out.push_str(&format!("dato = {}\n", dato.iso()));
            if let Some(o) = overskrift {
                out.push_str(&format!("overskrift = {}\n", string(&plain_line(o))));
            }
            out.push_str(&format!("placering = {}\n", string(placering)));
            out.push_str(&format!("tekst = {}\n", text(tekst)));
            out.push_str(&record_fields(record));
            out
        }
    }
}

/// A decision's record as its fields: `afstemning = { … }`, `inhabile`, `fravaerende`.
fn record_fields(record: &super::record_text::Recorded) -> String {
    use super::record_text::Votes;
    let mut out = String::new();
    let side = |name: &str, votes: &Option<Votes>| {
        votes.as_ref().map(|v| match v {
            Votes::Count(n) => format!("{name} = {n}"),
            Votes::Who(who) => format!("{name} = {}", list(who)),
        })
    };
    let sides: Vec<String> = [
        side("for", &record.for_),
        side("imod", &record.imod),
        side("undlod", &record.undlod),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !sides.is_empty() {
        out.push_str(&format!("afstemning = {{ {} }}\n", sides.join(", ")));
    }
    if !record.inhabile.is_empty() {
        out.push_str(&format!("inhabile = {}\n", list(&record.inhabile)));
    }
    if !record.fravaerende.is_empty() {
        out.push_str(&format!("fravaerende = {}\n", list(&record.fravaerende)));
    }
    out
}

/// An attachment as its `[[bilag]]` entry.
fn attachment_text(a: &Listed) -> String {
    let case_path = PathBuf::from("cases/x/y/z.toml");
    let mut out = String::from("\n[[bilag]]\n");
    out.push_str(&format!("titel = {}\n", string(&plain_line(&a.titel))));
    if let Some(d) = &a.dokumentnummer {
        out.push_str(&format!("dokumentnummer = {}\n", string(&plain_line(d))));
    }
    if a.lukket {
        out.push_str("adgang = \"lukket\"\n");
    }
    if let Some(fil) = &a.fil {
        out.push_str(&format!("fil = {}\n", string(&relative(&case_path, fil))));
    }
    out
}

fn meeting_text(plan: &MeetingPlan, case_files: &[PathBuf]) -> String {
    let m = &plan.source;
    let meeting_path = PathBuf::from("moeder/x.toml");
    let mut out = schema_directive(1, CASE_SCHEMA_FILE);
    out.push_str("type = \"moede\"\n");
    out.push_str(&format!("udvalg = {}\n", string(&plan.udvalg)));
    out.push_str(&format!("dato = {}\n", m.dato.iso()));
    if let Some(tid) = &m.tid {
        out.push_str(&format!("tid = {}\n", string(tid)));
    }
    if let Some(sted) = &m.sted {
        out.push_str(&format!("sted = {}\n", string(sted)));
    }
    if !m.medlemmer.is_empty() {
        out.push_str(&format!("medlemmer = {}\n", list(&m.medlemmer)));
    }
    if !m.afbud.is_empty() {
        out.push_str(&format!("afbud = {}\n", list(&m.afbud)));
    }
    for (item, file) in plan.items.iter().zip(case_files) {
        out.push_str("\n[[punkter]]\n");
        if let Some(n) = &item.source.nummer {
            out.push_str(&format!("nummer = {}\n", string(n)));
        }
        out.push_str(&format!(
            "sag = {}\n",
            string(&relative(&meeting_path, file))
        ));
    }
    out
}

/// `sagsgen.toml` with the committees added: under its `[udvalg]` table (made at the end
/// when there is none), the rest of the file as it was.
pub fn config_with_committees(config: &str, added: &[(String, String)]) -> String {
    if added.is_empty() {
        return config.to_string();
    }
    let lines: String = added
        .iter()
        .map(|(k, full)| format!("{} = {}\n", key(k), toml_text::string(full)))
        .collect();
    let mut out = String::new();
    let mut in_udvalg = false;
    let mut inserted = false;
    let mut pending_blank = String::new();
    for line in config.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            if in_udvalg && !inserted {
                out.push_str(&lines);
                inserted = true;
            }
            out.push_str(&pending_blank);
            pending_blank.clear();
            in_udvalg = trimmed == "[udvalg]";
            out.push_str(line);
            continue;
        }
        if in_udvalg && trimmed.is_empty() {
            // Blank lines at the end of `[udvalg]` stay after the added committees.
            pending_blank.push_str(line);
            continue;
        }
        out.push_str(&pending_blank);
        pending_blank.clear();
        out.push_str(line);
    }
    if in_udvalg && !inserted {
        if !out.ends_with('\n') && !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&lines);
        inserted = true;
    }
    out.push_str(&pending_blank);
    if !inserted {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("\n[udvalg]\n");
        out.push_str(&lines);
    }
    out
}

/// The `sagsgen.toml` of a project an import creates, named for the organisation the
/// export names ("Kommunen", with a line saying to change it, where it names none).
pub fn new_config(added: &[(String, String)], organisation: Option<&str>) -> String {
    let committees: String = added
        .iter()
        .map(|(k, full)| format!("{} = {}\n", key(k), toml_text::string(full)))
        .collect();
    let name = match organisation {
        Some(name) => format!(
            "# Navnet øverst på hver side (fra eksporten).\nnavn = {}\n",
            toml_text::string(name)
        ),
        None => "# Navnet øverst på hver side: eksporten sagde ikke hvilken organisation, så skriv den her.\nnavn = \"Kommunen\"\n".to_string(),
    };
    format!(
        "{}# Projektets opsætning, skrevet af sagsgen import.\n\n[organisation]\n{name}\n# Udvalgene: forkortelse = fulde navn.\n[udvalg]\n{committees}\n[pdf]\nstandard = \"a-2a\"\n",
        schema_directive(0, crate::project::schema::CONFIG_SCHEMA_FILE)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_file_names() {
        assert_eq!(
            slug("Oplæg til standard it-arbejdsplads 2014-2018"),
            "oplaeg-til-standard-it-arbejdsplads-2014-2018"
        );
        assert_eq!(slug("§ 17, stk. 4"), "17-stk-4");
        assert_eq!(slug("!!!"), "punkt");
    }

    #[test]
    fn committees_join_the_udvalg_table_and_nothing_else_moves() {
        let config = "# top\n[organisation]\nnavn = \"X\"\n\n[udvalg]\nBR = \"Byrådet\"\n\n[pdf]\nstandard = \"a-2a\"\n";
        let added = vec![("TU".to_string(), "Teknisk Udvalg".to_string())];
        let out = config_with_committees(config, &added);
        assert_eq!(
            out,
            "# top\n[organisation]\nnavn = \"X\"\n\n[udvalg]\nBR = \"Byrådet\"\nTU = \"Teknisk Udvalg\"\n\n[pdf]\nstandard = \"a-2a\"\n"
        );
        let out = config_with_committees("[pdf]\nstandard = \"a-2a\"\n", &added);
        assert!(
            out.ends_with("[udvalg]\nTU = \"Teknisk Udvalg\"\n"),
            "{out}"
        );
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(parsed["udvalg"]["TU"].as_str(), Some("Teknisk Udvalg"));
        assert_eq!(config_with_committees(config, &[]), config);
    }
}
