//! Acadre agenda XML: nested `<table name="…">` elements whose `<fields>` hold
//! `<field name="…">value</field>` — the agenda, its committee and meeting (with members),
//! and `agendaitem`s with `bullet`s (a section: name and HTML) and `enclosure`s. Access is
//! 1 (åben), 2 or 3 (lukket). The publishing manifest (`XML_<n>.xml`) names the agenda
//! files it published (`xmlfilename`); given the manifest, the newest of those beside it
//! is read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use roxmltree::Node;

use super::source::{SourceAttachment, SourceItem, SourceMeeting, SourceSection, System};
use super::xml;
use crate::tr;

/// The fields (and tables) of an Acadre item that are the system's bookkeeping, not the
/// item's text: initials, states, the committee's name again, the archive case's own
/// title, file types and names.
const METADATA_FIELDS: &[&str] = &[
    "caseofficer",
    "accessname",
    "stateName",
    "comname",
    "createdby",
    "createdbyinit",
    "area",
    "departmentName",
    "EnclosureFileType",
    "filename",
    "type",
    "tittel",
];

fn is_metadata(node: Node<'_, '_>) -> bool {
    let Some(name) = node.attribute("name").filter(|_| xml::is(node, "field")) else {
        return false;
    };
    METADATA_FIELDS.iter().any(|m| m.eq_ignore_ascii_case(name)) || is_unused_title(node, name)
}

/// An attachment's name or description that its title does not come from and that says
/// nothing the title does not: one text, not two.
fn is_unused_title(field: Node<'_, '_>, name: &str) -> bool {
    let Some(table) = field
        .parent()
        .and_then(|f| f.parent())
        .filter(|t| t.attribute("name") == Some("enclosure"))
    else {
        return false;
    };
    let f = fields(table);
    let title = attachment_title(&f);
    let from_description = get(&f, "name").is_none_or(|n| n != title);
    let says_no_more = |own: String| words(&own).iter().all(|w| words(&title).contains(w));
    match name {
        "name" => from_description && get(&f, "name").is_some_and(says_no_more),
        "description" => !from_description && get(&f, "description").is_some_and(says_no_more),
        _ => false,
    }
}

/// The words of a text, in lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the document is an Acadre agenda.
pub fn detect_agenda(root: Node<'_, '_>) -> bool {
    xml::is(root, "root") && tables(root, "agenda").next().is_some() && has_items(root)
}

fn has_items(root: Node<'_, '_>) -> bool {
    root.descendants()
        .any(|n| xml::is(n, "table") && n.attribute("name") == Some("agendaitem"))
}

/// Whether the document is an Acadre publishing manifest.
pub fn detect_manifest(root: Node<'_, '_>) -> bool {
    xml::is(root, "root") && tables(root, "producedAgenda").next().is_some()
}

/// The agenda files a manifest names that lie beside it, newest (minutes before agenda)
/// first.
pub fn manifest_agendas(root: Node<'_, '_>, file: &Path) -> Vec<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let present: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().to_lowercase(), e.path()))
        .collect();
    let mut named: Vec<(u32, PathBuf)> = Vec::new();
    for produced in tables(root, "producedAgenda") {
        for fields in xml::children(produced, "fields") {
            let attr = |name: &str| {
                xml::children(fields, "field").find_map(|f| f.attribute(name).map(str::to_string))
            };
            let Some(name) = attr("xmlfilename") else {
                continue;
            };
            let kind = attr("type").and_then(|t| t.parse().ok()).unwrap_or(0);
            let wanted = name.to_lowercase();
            if let Some((_, path)) = present.iter().find(|(n, _)| *n == wanted) {
                named.push((kind, path.clone()));
            }
        }
    }
    // Type 2 is the minutes (referat), which hold everything the agenda does and more.
    named.sort_by_key(|(kind, _)| std::cmp::Reverse(*kind));
    named.into_iter().map(|(_, p)| p).collect()
}

/// The tables named `name` anywhere below `node`.
fn tables<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants()
        .filter(move |n| xml::is(*n, "table") && n.attribute("name") == Some(name))
}

/// The tables named `name` directly inside `node`.
fn own_tables<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    xml::children(node, "table").filter(move |n| n.attribute("name") == Some(name))
}

/// A table's own fields: name → text (raw, not trimmed: bullet contents are HTML).
fn fields(table: Node<'_, '_>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for fields in xml::children(table, "fields") {
        for field in xml::children(fields, "field") {
            if let Some(name) = field.attribute("name") {
                let text: String = field
                    .descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect();
                out.entry(name.to_string()).or_insert(text);
            }
        }
    }
    out
}

fn get(fields: &HashMap<String, String>, name: &str) -> Option<String> {
    fields
        .get(name)
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The meeting of an agenda file.
pub fn read(root: Node<'_, '_>, file: &Path) -> Result<Vec<SourceMeeting>, String> {
    let committee = tables(root, "committee")
        .next()
        .map(fields)
        .and_then(|f| get(&f, "name"))
        .ok_or_else(|| tr!("import-no-committee", place = "committee/name").text)?;
    let meeting_table = tables(root, "meeting")
        .next()
        .ok_or_else(|| tr!("import-no-meeting", element = "<table name=\"meeting\">").text)?;
    let meeting = fields(meeting_table);
    let date = get(&meeting, "date").ok_or_else(|| {
        tr!(
            "import-no-date",
            committee = committee.as_str(),
            place = "meeting/date"
        )
        .text
    })?;
    let (dato, tid) =
        xml::when(&date).ok_or_else(|| tr!("import-bad-date", date = date.as_str()).text)?;
    let (medlemmer, afbud) = members(meeting_table);
    let start: Option<u32> = xml::find(root, "startAgendaItemNo")
        .and_then(xml::text)
        .and_then(|t| t.parse().ok())
        .filter(|n| *n > 0);
    let items = tables(root, "agendaitem")
        .enumerate()
        .map(|(i, node)| item(node, start.map(|s| s + i as u32)))
        .collect();
    Ok(vec![SourceMeeting {
        system: System::Acadre,
        file: file.to_path_buf(),
        udvalg: super::committee_with_short(&committee),
        dato,
        tid,
        sted: get(&meeting, "location"),
        medlemmer,
        afbud,
        items,
        notes: Vec::new(),
        organisation: None,
    }])
}

fn members(meeting: Node<'_, '_>) -> (Vec<String>, Vec<String>) {
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for member in own_tables(meeting, "meetmember").flat_map(|m| own_tables(m, "member")) {
        let f = fields(member);
        let Some(name) = get(&f, "name") else {
            continue;
        };
        let name = crate::render::escape::plain_line(&name);
        if get(&f, "absent").as_deref() == Some("1") {
            absent.push(name.clone());
        }
        present.push(name);
    }
    (present, absent)
}

/// Whether a table's access says open: `access` 1 (2 and 3 are closed), or where that is
/// missing, an `accessname` without "lukket".
fn is_open(f: &HashMap<String, String>) -> bool {
    match get(f, "access").as_deref() {
        Some("2" | "3") => false,
        Some(_) => true,
        None => !get(f, "accessname").is_some_and(|a| a.to_lowercase().contains("lukket")),
    }
}

fn item(node: Node<'_, '_>, nummer: Option<u32>) -> SourceItem {
    let f = fields(node);
    let aaben = is_open(&f);
    let sections = own_tables(node, "bullet")
        .map(|b| {
            let b = fields(b);
            SourceSection {
                caption: get(&b, "bulletname").unwrap_or_default(),
                html: b.get("bulletcontent").cloned().unwrap_or_default(),
                decision: false,
            }
        })
        .collect();
    let bilag = own_tables(node, "enclosure")
        .map(|e| {
            let e = fields(e);
            SourceAttachment {
                titel: attachment_title(&e),
                dokumentnummer: get(&e, "fileno"),
                aaben: is_open(&e),
                fil: get(&e, "filename").map(PathBuf::from),
            }
        })
        .collect();
    SourceItem {
        nummer: nummer.map(|n| n.to_string()),
        titel: get(&f, "name").unwrap_or_default(),
        offentlig_titel: None,
        sagsnummer: get(&f, "caseno"),
        forfatter: get(&f, "caseofficername"),
        aaben,
        sections,
        bilag,
        fravaerende: Vec::new(),
        shown_text: Some(xml::item_text(node, is_metadata)),
    }
}

/// An attachment's title: its name, or its description where that says all the name does
/// and more ("Opsamlingsnotat. Fra Lone Kalstrup. Temamøde …" for "Opsamlingsnotat.
/// Temamøde …").
fn attachment_title(e: &HashMap<String, String>) -> String {
    let name = get(e, "name");
    let description = get(e, "description");
    match (name, description) {
        (Some(name), Some(description)) => {
            let fuller = words(&description);
            if fuller.len() > words(&name).len() && words(&name).iter().all(|w| fuller.contains(w))
            {
                description
            } else {
                name
            }
        }
        (name, description) => name.or(description).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_that_says_more_than_the_name_is_the_title_and_the_other_is_not_counted() {
        let source = r#"<root><table name="enclosure"><fields><field name="name">Opsamlingsnotat. Temamøde 20.09.2012</field><field name="description">Opsamlingsnotat. Fra Lone Kalstrup. Temamøde 20.09.2012</field></fields></table>
<table name="enclosure"><fields><field name="name">Politik for Kultur</field><field name="description">Politik for Kultur</field></fields></table>
<table name="enclosure"><fields><field name="name">Budget</field><field name="description">Noget andet helt</field></fields></table></root>"#;
        let document = xml::parse(source).unwrap();
        let tables: Vec<Node> = tables(document.root_element(), "enclosure").collect();
        let titles: Vec<String> = tables
            .iter()
            .map(|t| attachment_title(&fields(*t)))
            .collect();
        assert_eq!(
            titles,
            [
                "Opsamlingsnotat. Fra Lone Kalstrup. Temamøde 20.09.2012",
                "Politik for Kultur",
                "Budget"
            ]
        );
        // The item's own check counts each title once: the field it did not come from is
        // bookkeeping when it says nothing more; a description that says something else
        // is text the import must keep (and reports when it does not).
        let counted: Vec<String> = tables
            .iter()
            .map(|t| xml::item_text(*t, is_metadata))
            .collect();
        assert_eq!(
            counted[0].trim(),
            "Opsamlingsnotat. Fra Lone Kalstrup. Temamøde 20.09.2012"
        );
        assert_eq!(counted[1].trim(), "Politik for Kultur");
        assert_eq!(counted[2].trim(), "Budget Noget andet helt");
    }
}
