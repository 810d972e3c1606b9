//! SBSYS "Publication" XML (`Publication*.xml`): `Agenda` elements, each with its
//! `Committee`, `Meeting` (`When`, `Where`, `Members`) and `Items`; an item has `Number`
//! (may be "1.1"), `Caption`, `IsPublic`, its case's `Number`, `ItemField`s (`Caption`,
//! HTML `Content`, `IsFeedback` for decisions) and `Enclosures`.

use std::path::Path;

use roxmltree::Node;

use super::source::{
    SourceAttachment, SourceCommittee, SourceItem, SourceMeeting, SourceSection, System,
};
use super::xml::{self, child, children, first, flag, text_at};
use crate::i18n::Message;
use crate::tr;

/// The elements of an SBSYS item that are the system's bookkeeping, not the item's text.
/// (Who wrote and changed it, its states, and the members invited to it: a member's
/// `ParticipationNote` is counted, as it is text someone wrote.)
const METADATA: &[&str] = &[
    "CreatedBy",
    "LastChangedBy",
    "MeetingPrepationStateAsEnum",
    "FieldTypeAsEnum",
    "Case/Title",
    "Case/NumberAndTitle",
    "ItemMember/Name",
    "ParticipationStatusAsText",
    "MeetingMemberRolesList",
    "FileName",
    "InstantiationFileName",
    "FileSize",
    "FileLength",
];

/// Whether the document is an SBSYS publication.
pub fn detect(root: Node<'_, '_>) -> bool {
    xml::is(root, "Publication") && xml::find(root, "Agenda").is_some()
}

/// The meetings of a publication.
pub fn read(root: Node<'_, '_>, source: &str, file: &Path) -> Result<Vec<SourceMeeting>, String> {
    let agendas: Vec<Node> = xml::find(root, "Agendas")
        .map(|a| children(a, "Agenda").collect())
        .unwrap_or_default();
    if agendas.is_empty() {
        return Err(tr!("import-no-meeting", element = "<Agenda>").text);
    }
    agendas
        .into_iter()
        .map(|agenda| meeting(agenda, source, file))
        .collect()
}

fn meeting(agenda: Node<'_, '_>, source: &str, file: &Path) -> Result<SourceMeeting, String> {
    let name = text_at(agenda, &["Committee", "Name"])
        .or_else(|| text_at(agenda, &["Name"]))
        .ok_or_else(|| tr!("import-no-committee", place = "Committee/Name").text)?;
    let when = ["When", "Date", "MeetingDate", "StartDate", "Start"]
        .iter()
        .find_map(|n| text_at(agenda, &["Meeting", n]))
        .ok_or_else(|| {
            tr!(
                "import-no-date",
                committee = name.as_str(),
                place = "Meeting/When"
            )
            .text
        })?;
    let (dato, tid) =
        xml::when(&when).ok_or_else(|| tr!("import-bad-date", date = when.as_str()).text)?;
    let medlemmer = xml::path(agenda, &["Meeting", "Members"])
        .map(|m| {
            children(m, "MeetingMember")
                .filter_map(|m| text_at(m, &["Name"]))
                .collect()
        })
        .unwrap_or_default();
    let mut notes = Vec::new();
    let items = child(agenda, "Items")
        .map(|items| {
            children(items, "Item")
                .map(|i| item(i, source))
                .filter(|i| !is_minutes_entry(i, &mut notes))
                .collect()
        })
        .unwrap_or_default();
    Ok(SourceMeeting {
        system: System::Sbsys,
        file: file.to_path_buf(),
        udvalg: SourceCommittee { name, short: None },
        dato,
        tid,
        sted: ["Where", "Location", "Place"]
            .iter()
            .find_map(|n| text_at(agenda, &["Meeting", n])),
        medlemmer,
        afbud: Vec::new(),
        items,
        notes,
        organisation: None,
    })
}

/// SBSYS lists the minutes themselves as entries numbered 0 ("Lukket referat", "Åbent
/// referat"), each with the minutes' PDF: not agenda items. Left out, and said, with what
/// they list.
fn is_minutes_entry(item: &SourceItem, notes: &mut Vec<Message>) -> bool {
    let minutes = item.nummer.as_deref() == Some("0")
        && item.titel.trim().to_lowercase().ends_with("referat");
    if minutes {
        let listed: Vec<String> = item
            .bilag
            .iter()
            .map(|b| match &b.fil {
                Some(f) => format!("\"{}\" ({})", b.titel, f.display()),
                None => format!("\"{}\"", b.titel),
            })
            .collect();
        notes.push(if listed.is_empty() {
            tr!("import-minutes-entry", title = item.titel.trim())
        } else {
            tr!(
                "import-minutes-entry-listing",
                title = item.titel.trim(),
                listed = listed.join(", ")
            )
        });
    }
    minutes
}

fn item(node: Node<'_, '_>, source: &str) -> SourceItem {
    let aaben = flag(node, &["IsPublic"]).unwrap_or(true);
    let sections = child(node, "Fields")
        .map(|fields| {
            children(fields, "ItemField")
                .filter(|f| !is_placeholder(*f, source))
                .map(|f| SourceSection {
                    caption: text_at(f, &["Caption"]).unwrap_or_default(),
                    html: child(f, "Content")
                        .map(|c| xml::html(c, source))
                        .unwrap_or_default(),
                    decision: flag(f, &["IsFeedback"]).unwrap_or(false),
                })
                .collect()
        })
        .unwrap_or_default();
    let bilag = child(node, "Enclosures")
        .map(|e| {
            children(e, "Enclosure")
                .map(|e| enclosure(e, aaben))
                .collect()
        })
        .unwrap_or_default();
    SourceItem {
        nummer: text_at(node, &["Number"]),
        titel: text_at(node, &["Caption"])
            .or_else(|| text_at(node, &["Title"]))
            .unwrap_or_default(),
        offentlig_titel: None,
        sagsnummer: text_at(node, &["Case", "Number"]),
        forfatter: None,
        aaben,
        sections,
        bilag,
        fravaerende: Vec::new(),
        shown_text: Some(xml::item_text(node, |n| xml::is_one_of(n, METADATA))),
    }
}

/// Whether a field holds only SBSYS's placeholder for "no content" ("Tomt indhold"): no
/// text at all, so neither a section nor a decision.
fn is_placeholder(field: Node<'_, '_>, source: &str) -> bool {
    let html = child(field, "Content")
        .map(|c| xml::html(c, source))
        .unwrap_or_default();
    let text = super::html::to_markdown(&html, 2).markdown;
    text.trim()
        .trim_end_matches('.')
        .eq_ignore_ascii_case("tomt indhold")
}

fn enclosure(node: Node<'_, '_>, item_open: bool) -> SourceAttachment {
    let file = first(node, &[&["InstantiationFilePathRelative"], &["FileName"]])
        .map(|f| xml::file_path(&f));
    SourceAttachment {
        titel: first(node, &[&["Name"], &["Title"], &["FileName"]]).unwrap_or_default(),
        dokumentnummer: None,
        aaben: flag(node, &["IsPublic"]).unwrap_or(item_open),
        fil: file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_holding_only_the_placeholder_is_no_section_and_no_decision() {
        let source = r#"<Publication><Agendas><Agenda>
<Meeting><When>03-03-2021 16:30:00</When></Meeting>
<Committee><Name>Miljøudvalget</Name></Committee>
<Items><Item><Caption>Klimaplan</Caption><Number>1</Number><Fields>
<ItemField><Caption>Sagsfremstilling</Caption><Content><![CDATA[<p>Planen har tre trin.</p>]]></Content></ItemField>
<ItemField><Caption>Økonomi</Caption><Content><![CDATA[<p>Tomt indhold</p>]]></Content></ItemField>
<ItemField><Caption>Beslutning</Caption><Content><![CDATA[<p><span>Tomt indhold</span></p>]]></Content><IsFeedback>True</IsFeedback></ItemField>
<ItemField><Caption>Bemærkning</Caption><Content><![CDATA[<p>Tomt indhold i kassen er et problem.</p>]]></Content></ItemField>
</Fields></Item></Items></Agenda></Agendas></Publication>"#;
        let document = xml::parse(source).unwrap();
        let meetings = read(document.root_element(), source, Path::new("p.xml")).unwrap();
        let captions: Vec<&str> = meetings[0].items[0]
            .sections
            .iter()
            .map(|s| s.caption.as_str())
            .collect();
        assert_eq!(captions, ["Sagsfremstilling", "Bemærkning"]);
    }

    #[test]
    fn the_minutes_own_entries_numbered_0_are_no_items_and_are_said() {
        let source = r#"<Publication><Agendas><Agenda>
<Meeting><When>06-10-2016 13:00:00</When></Meeting>
<Committee><Name>Mødesystemgruppen</Name></Committee>
<Items>
<Item><Caption>Eventuelt</Caption><Number>3</Number><Fields/></Item>
<Item><Caption>Lukket referat</Caption><Number>0</Number><IsPublic>false</IsPublic>
<Enclosures><Enclosure><FileName>Appendix_referat.pdf</FileName><Name>Referat - Åbent og Lukket</Name></Enclosure></Enclosures><Fields/></Item>
<Item><Caption>Åbent referat</Caption><Number>0</Number><Fields/></Item>
</Items></Agenda></Agendas></Publication>"#;
        let document = xml::parse(source).unwrap();
        let meeting = read(document.root_element(), source, Path::new("p.xml"))
            .unwrap()
            .remove(0);
        let titles: Vec<&str> = meeting.items.iter().map(|i| i.titel.as_str()).collect();
        assert_eq!(titles, ["Eventuelt"]);
        assert_eq!(
            meeting
                .notes
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>(),
            [
                "\"Lukket referat\" (nummer 0) er referatets egen post, ikke et punkt på dagsordenen: ikke importeret; den nævner \"Referat - Åbent og Lukket\" (Appendix_referat.pdf)",
                "\"Åbent referat\" (nummer 0) er referatets egen post, ikke et punkt på dagsordenen: ikke importeret",
            ]
        );
    }
}
