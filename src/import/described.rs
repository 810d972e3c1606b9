//! Exports read by a project's own description (`[import.formater.<navn>]` in
//! `sagsgen.toml`): the element paths of [`crate::export_format`] followed through the
//! XML, giving the same meetings, items, sections and attachments a built-in reader does.

use std::path::Path;

use roxmltree::Node;

use super::edoc_publishing::FullText;
use super::source::{SourceAttachment, SourceItem, SourceMeeting, SourceSection, System};
use super::xml;
use crate::export_format::{ElementPath, ExportFormat, Route, Step};
use crate::tr;

/// The first described format the document is, if any.
pub fn detect<'f>(formats: &'f [ExportFormat], root: Node<'_, '_>) -> Option<&'f ExportFormat> {
    formats.iter().find(|f| {
        xml::is(root, &f.rod)
            && f.path("kendetegn")
                .is_none_or(|p| !select(root, p).is_empty())
    })
}

/// The meetings of a document in a described format.
pub fn read(
    format: &ExportFormat,
    root: Node<'_, '_>,
    source: &str,
    file: &Path,
) -> Result<Vec<SourceMeeting>, String> {
    let reader = Reader { format, source };
    let meetings = match format.path("moede") {
        Some(path) => select(root, path),
        None => vec![root],
    };
    if meetings.is_empty() {
        return Err(tr!(
            "import-described-no-meeting",
            name = format.navn.as_str(),
            path = format.path("moede").map_or("", |p| p.written.as_str())
        )
        .text);
    }
    meetings
        .into_iter()
        .map(|m| reader.meeting(m, file))
        .collect()
}

struct Reader<'a> {
    format: &'a ExportFormat,
    source: &'a str,
}

impl Reader<'_> {
    fn text(&self, node: Node<'_, '_>, field: &str) -> Option<String> {
        self.format.path(field).and_then(|p| text(node, p))
    }

    fn nodes<'a, 'i>(&self, node: Node<'a, 'i>, field: &str) -> Vec<Node<'a, 'i>> {
        self.format
            .path(field)
            .map(|p| select(node, p))
            .unwrap_or_default()
    }

    /// What the description says of `field` where it is given, as a path.
    fn said(&self, field: &str) -> String {
        let written = self.format.path(field).map_or("", |p| p.written.as_str());
        tr!(
            "import-described-place",
            field = field,
            path = written,
            name = self.format.navn.as_str()
        )
        .text
    }

    fn meeting(&self, node: Node<'_, '_>, file: &Path) -> Result<SourceMeeting, String> {
        let committee = self
            .text(node, "udvalg")
            .ok_or_else(|| tr!("import-no-committee", place = self.said("udvalg")).text)?;
        let written = self.text(node, "dato").ok_or_else(|| {
            tr!(
                "import-no-date",
                committee = committee.as_str(),
                place = self.said("dato")
            )
            .text
        })?;
        let (dato, tid) = xml::when(&written)
            .ok_or_else(|| tr!("import-bad-date", date = written.as_str()).text)?;
        let medlemmer = self
            .nodes(node, "medlemmer")
            .into_iter()
            .filter_map(|m| self.format.path("medlemmer").and_then(|p| value_of(m, p)))
            .collect();
        Ok(SourceMeeting {
            system: System::Described(self.format.navn.clone()),
            file: file.to_path_buf(),
            udvalg: super::committee_with_short(&committee),
            dato,
            tid: tid.or_else(|| {
                self.text(node, "tid")
                    .and_then(|t| xml::when(&format!("01-01-2000 {t}")).and_then(|(_, t)| t))
            }),
            sted: self.text(node, "sted"),
            medlemmer,
            afbud: Vec::new(),
            items: self
                .nodes(node, "punkter")
                .into_iter()
                .map(|i| self.item(i))
                .collect(),
            notes: Vec::new(),
            organisation: None,
        })
    }

    fn item(&self, node: Node<'_, '_>) -> SourceItem {
        let aaben = self.open(node, "aaben", "lukket").unwrap_or(true);
        let mut item = SourceItem {
            nummer: self.text(node, "nummer"),
            titel: self.text(node, "titel").unwrap_or_default(),
            offentlig_titel: self.text(node, "offentlig_titel"),
            sagsnummer: self.text(node, "sagsnummer"),
            forfatter: self.text(node, "forfatter"),
            aaben,
            sections: Vec::new(),
            bilag: self
                .nodes(node, "bilag")
                .into_iter()
                .map(|b| self.attachment(b, aaben))
                .collect(),
            // What the reader read is what is counted (no separate rendering to compare).
            fravaerende: Vec::new(),
            shown_text: None,
        };
        if let Some(text) = self.nodes(node, "tekst").first() {
            self.read_text(*text, &mut item);
        }
        item.sections.extend(
            self.nodes(node, "afsnit")
                .into_iter()
                .flat_map(|s| self.sections(s)),
        );
        if item.offentlig_titel.as_ref() == Some(&item.titel) {
            item.offentlig_titel = None;
        }
        item
    }

    /// An item's text given in one element: one section of HTML, or plain text split into
    /// sections at its caption lines (its header lines giving number, title and case number
    /// where the description does not).
    fn read_text(&self, node: Node<'_, '_>, item: &mut SourceItem) {
        if !self.format.plain_text {
            let html = xml::html(node, self.source);
            if !html.trim().is_empty() {
                item.sections.push(SourceSection {
                    caption: String::new(),
                    html,
                    decision: false,
                });
            }
            return;
        }
        let text = FullText::read(&xml::text(node).unwrap_or_default());
        item.nummer = item.nummer.take().or(text.number);
        if item.titel.is_empty() {
            item.titel = text.title.unwrap_or_default();
        }
        item.sagsnummer = item.sagsnummer.take().or(text.sagsnummer);
        item.sections.extend(text.sections);
    }

    /// A section element: one section, or — for plain text — those its text splits into.
    fn sections(&self, node: Node<'_, '_>) -> Vec<SourceSection> {
        let caption = self.text(node, "afsnit_overskrift").unwrap_or_default();
        let decision = self
            .text(node, "afsnit_beslutning")
            .and_then(|t| yes_no(&t))
            .unwrap_or(false);
        let content = self.nodes(node, "afsnit_indhold").into_iter().next();
        if self.format.plain_text {
            let text = content.and_then(xml::text).unwrap_or_default();
            let mut read = FullText::read(&format!("{caption}\n\n{text}")).sections;
            for s in &mut read {
                s.decision |= decision;
            }
            return read;
        }
        vec![SourceSection {
            caption,
            html: content
                .map(|c| xml::html(c, self.source))
                .unwrap_or_default(),
            decision,
        }]
    }

    fn attachment(&self, node: Node<'_, '_>, item_open: bool) -> SourceAttachment {
        SourceAttachment {
            titel: self.text(node, "bilag_titel").unwrap_or_default(),
            dokumentnummer: None,
            aaben: self
                .open(node, "bilag_aaben", "bilag_lukket")
                .unwrap_or(item_open),
            fil: self.text(node, "bilag_fil").map(|f| xml::file_path(&f)),
        }
    }

    /// Whether the element is open, by its open flag or its closed flag.
    fn open(&self, node: Node<'_, '_>, open: &str, closed: &str) -> Option<bool> {
        let said = |field: &str| self.text(node, field);
        said(open)
            .and_then(|t| yes_no(&t).or_else(|| openness(&t)))
            .or_else(|| said(closed).and_then(|t| yes_no(&t).map(|c| !c).or_else(|| openness(&t))))
    }
}

/// A yes or no as exports write it.
fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "1" | "ja" | "yes" | "j" | "y" => Some(true),
        "false" | "0" | "nej" | "no" | "n" => Some(false),
        _ => None,
    }
}

/// "Åben"/"Lukket" (and the like) as a value: whether it says open.
fn openness(text: &str) -> Option<bool> {
    let text = crate::danish::fold(&text.trim().to_lowercase());
    if text.starts_with("aaben") || text.starts_with("offentlig") || text == "public" {
        Some(true)
    } else if text.starts_with("lukket") || text == "closed" || text == "private" {
        Some(false)
    } else {
        None
    }
}

/// The text the path leads to first (its first alternative that gives one).
fn text(node: Node<'_, '_>, path: &ElementPath) -> Option<String> {
    path.alternatives.iter().find_map(|route| {
        follow(node, route)
            .into_iter()
            .find_map(|n| read_value(n, route))
    })
}

/// The text of a node the path led to (an attribute, when the path ends in one).
fn value_of(node: Node<'_, '_>, path: &ElementPath) -> Option<String> {
    path.alternatives
        .iter()
        .find_map(|route| read_value(node, route))
}

fn read_value(node: Node<'_, '_>, route: &Route) -> Option<String> {
    match &route.attribute {
        Some(attribute) => attribute_of(node, attribute)
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty()),
        None => xml::text(node),
    }
}

/// The elements the path leads to, in document order (the first alternative that leads
/// anywhere).
pub fn select<'a, 'i>(node: Node<'a, 'i>, path: &ElementPath) -> Vec<Node<'a, 'i>> {
    path.alternatives
        .iter()
        .map(|route| follow(node, route))
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

fn follow<'a, 'i>(node: Node<'a, 'i>, route: &Route) -> Vec<Node<'a, 'i>> {
    let mut at = vec![node];
    for step in &route.steps {
        let mut next: Vec<Node<'a, 'i>> = Vec::new();
        for n in at {
            let candidates: Vec<Node<'a, 'i>> = if step.any_depth {
                n.descendants().skip(1).collect()
            } else {
                n.children().collect()
            };
            next.extend(candidates.into_iter().filter(|c| matches(*c, step)));
        }
        next.dedup_by_key(|n| n.id());
        at = next;
    }
    if let Some(attribute) = &route.attribute {
        at.retain(|n| attribute_of(*n, attribute).is_some());
    }
    at
}

fn matches(node: Node<'_, '_>, step: &Step) -> bool {
    node.is_element()
        && (step.name == "*" || xml::is(node, local(&step.name)))
        && step
            .having
            .as_ref()
            .is_none_or(|(attr, value)| attribute_of(node, attr) == Some(value.as_str()))
}

/// An attribute by its local name (any letter case).
fn attribute_of<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    let name = local(name);
    node.attributes()
        .find(|a| a.name().eq_ignore_ascii_case(name))
        .map(|a| a.value())
}

/// A name without its namespace prefix (exports' prefixes differ between versions).
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(written: &str) -> ElementPath {
        ElementPath::parse(written).unwrap()
    }

    #[test]
    fn paths_find_children_descendants_conditions_and_attributes() {
        let source = r#"<root><table name="agenda"><table name="item" id="7"><f name="title">Budget</f></table>
<table name="item" id="8"><f name="title">Skoler</f></table></table></root>"#;
        let document = xml::parse(source).unwrap();
        let root = document.root_element();
        let items = select(root, &path("//table[@name='item']"));
        assert_eq!(items.len(), 2);
        let titles: Vec<String> = items
            .iter()
            .filter_map(|i| text(*i, &path("f[@name='title']")))
            .collect();
        assert_eq!(titles, ["Budget", "Skoler"]);
        assert_eq!(text(items[1], &path("@id")).as_deref(), Some("8"));
        assert_eq!(
            text(root, &path("Missing | table/@name")).as_deref(),
            Some("agenda")
        );
        assert!(select(root, &path("table/f")).is_empty());
        assert_eq!(select(root, &path("table//f")).len(), 2);
    }

    #[test]
    fn open_and_closed_are_read_from_either_flag_in_words_or_yes_no() {
        assert_eq!(yes_no("True"), Some(true));
        assert_eq!(openness("Åben"), Some(true));
        assert_eq!(openness("Lukket punkt"), Some(false));
        assert_eq!(openness("måske"), None);
    }
}
