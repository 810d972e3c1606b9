//! eDoc agenda XML, in the Fujitsu agenda schema (`Root/Committee/Meeting/Agenda/
//! AgendaElements/AgendaElement/HandlingItem`) and its eDocAgendaPublishing export: names
//! are compared without namespace or letter case, and the names the two use differently
//! are each tried. An item has a title and a neutral public title, a case number,
//! `AccessIsPublic`; its sections (`CasePresentation`) a title, HTML content and
//! `IsDecision`; its attachments their own access.

use std::path::Path;

use roxmltree::Node;

use super::source::{
    SourceAttachment, SourceCommittee, SourceItem, SourceMeeting, SourceSection, System,
};
use super::xml::{self, child, first, text_at};
use crate::tr;

/// Whether the document is an eDoc agenda.
pub fn detect(root: Node<'_, '_>) -> bool {
    let namespace = root
        .tag_name()
        .namespace()
        .unwrap_or_default()
        .to_lowercase();
    let name = root.tag_name().name().to_lowercase();
    (namespace.contains("fujitsu.dk/agenda") || name.contains("edocagenda"))
        || (xml::find(root, "HandlingItem").is_some() && xml::find(root, "Committee").is_some())
}

/// The meetings of the file (one per `Meeting`).
pub fn read(root: Node<'_, '_>, source: &str, file: &Path) -> Result<Vec<SourceMeeting>, String> {
    let meetings: Vec<Node> = root
        .descendants()
        .filter(|n| xml::is(*n, "Meeting"))
        .collect();
    if meetings.is_empty() {
        return Err(tr!("import-no-meeting", element = "<Meeting>").text);
    }
    meetings
        .into_iter()
        .map(|m| meeting(root, m, source, file))
        .collect()
}

fn meeting(
    root: Node<'_, '_>,
    node: Node<'_, '_>,
    source: &str,
    file: &Path,
) -> Result<SourceMeeting, String> {
    // The committee is the meeting's parent in the Fujitsu schema, elsewhere a sibling.
    let committee = node
        .ancestors()
        .find(|a| xml::is(*a, "Committee"))
        .or_else(|| xml::find(root, "Committee"));
    let name = committee
        .and_then(|c| first(c, &[&["Name"], &["CommitteeName"]]))
        .or_else(|| first(node, &[&["CommitteeName"]]))
        .ok_or_else(|| tr!("import-no-committee", place = "Committee/Name").text)?;
    let short = committee.and_then(|c| first(c, &[&["ShortName"], &["Abbreviation"]]));
    let when = first(
        node,
        &[
            &["MeetingDateTime"],
            &["MeetingDate"],
            &["StartDateTime"],
            &["Date"],
        ],
    )
    .ok_or_else(|| {
        tr!(
            "import-no-date",
            committee = name.as_str(),
            place = "MeetingDateTime"
        )
        .text
    })?;
    let (dato, tid) =
        xml::when(&when).ok_or_else(|| tr!("import-bad-date", date = when.as_str()).text)?;
    let (medlemmer, afbud) = participants(node);
    let items = node
        .descendants()
        .filter(|n| xml::is(*n, "AgendaElement") || xml::is(*n, "AgendaItem"))
        .map(|e| item(e, source))
        .collect();
    let udvalg = match short {
        Some(short) => SourceCommittee {
            name,
            short: Some(short),
        },
        None => super::committee_with_short(&name),
    };
    Ok(SourceMeeting {
        system: System::Edoc,
        file: file.to_path_buf(),
        udvalg,
        dato,
        tid,
        sted: first(node, &[&["MeetingLocation"], &["Location"]]),
        medlemmer,
        afbud,
        items,
        notes: Vec::new(),
        organisation: None,
    })
}

fn participants(meeting: Node<'_, '_>) -> (Vec<String>, Vec<String>) {
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for p in meeting
        .descendants()
        .filter(|n| xml::is(*n, "MeetingParticipant"))
    {
        let Some(name) = text_at(p, &["Name"]) else {
            continue;
        };
        let name = crate::render::escape::plain_line(&name);
        if xml::flag(p, &["Participate"]) == Some(false) {
            absent.push(name.clone());
        }
        present.push(name);
    }
    (present, absent)
}

/// The elements of an eDoc agenda element that are the system's bookkeeping, not the
/// item's text: its states and categories, who started it, the archive case's own title
/// and case worker, access names, attachment links and the planned path of the case.
const METADATA: &[&str] = &[
    "Domain",
    "Category",
    "RuleOfSpeaking",
    "StateCode",
    "AdministrativeUnitIdentifier",
    "InitiatedByIdentifier",
    "CaseTitle",
    "CaseWorker",
    "HandlingPlan",
    "AccessName",
    "AccessEnumName",
    "Access",
    "Link",
    "AgendaElement/Type",
];

/// The members an agenda element lists as absent from the item (`Absences`): each
/// absence's `Name` where it has one, else its text.
fn absences(element: Node<'_, '_>) -> Vec<String> {
    let Some(list) = child(element, "Absences") else {
        return Vec::new();
    };
    list.children()
        .filter(Node::is_element)
        .filter_map(|a| xml::text_at(a, &["Name"]).or_else(|| xml::text(a)))
        .map(|n| crate::render::escape::plain_line(&n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Bookkeeping, or a neutral title that repeats the title (one title, not two).
fn is_metadata(node: Node<'_, '_>) -> bool {
    xml::is_one_of(node, METADATA) || xml::repeats_title(node)
}

fn item(element: Node<'_, '_>, source: &str) -> SourceItem {
    let handling = child(element, "HandlingItem").unwrap_or(element);
    let aaben = xml::flag(element, &["AccessIsPublic"])
        .or_else(|| xml::flag(handling, &["AccessIsPublic"]))
        .unwrap_or(true);
    let mut sections: Vec<SourceSection> = handling
        .descendants()
        .filter(|n| xml::is(*n, "CasePresentation"))
        .map(|p| section(p, source))
        .collect();
    if sections.is_empty() {
        // The publishing export names its sections differently: any element below the
        // item (attachments aside) with a caption and a content is one.
        sections = handling
            .descendants()
            .filter(|n| n.is_element() && *n != handling && is_section(*n))
            .filter(|n| !n.ancestors().any(|a| xml::is(a, "Attachments")))
            .map(|p| section(p, source))
            .collect();
    }
    let bilag = handling
        .descendants()
        .filter(|n| xml::is(*n, "Attachment"))
        .map(|a| attachment(a, aaben))
        .collect();
    let titel = first(handling, &[&["Title"], &["Caption"]]).unwrap_or_default();
    let neutral = first(handling, &[&["NeutralTitle"], &["PublicTitle"]]);
    SourceItem {
        nummer: first(handling, &[&["SerialNo"], &["Number"]])
            .or_else(|| first(element, &[&["SortOrder"]])),
        offentlig_titel: neutral.filter(|n| *n != titel),
        titel,
        sagsnummer: first(handling, &[&["CaseNumber"], &["CaseIdentifier"]]),
        forfatter: first(handling, &[&["HandlingItemCaseWorker"], &["CaseWorker"]]),
        aaben,
        sections,
        bilag,
        fravaerende: absences(element),
        shown_text: Some(xml::item_text(element, is_metadata)),
    }
}

/// Names a section's caption and content go by.
const CAPTIONS: [&str; 4] = ["Title", "Caption", "Heading", "Name"];
const CONTENTS: [&str; 4] = ["Content", "Text", "Html", "Body"];

/// Whether an element holds a section: a caption and a content among its children.
fn is_section(node: Node<'_, '_>) -> bool {
    CAPTIONS.iter().any(|c| child(node, c).is_some())
        && CONTENTS.iter().any(|c| child(node, c).is_some())
}

fn section(node: Node<'_, '_>, source: &str) -> SourceSection {
    SourceSection {
        caption: CAPTIONS
            .iter()
            .find_map(|c| text_at(node, &[c]))
            .unwrap_or_default(),
        html: CONTENTS
            .iter()
            .find_map(|c| child(node, c))
            .map(|c| xml::html(c, source))
            .unwrap_or_default(),
        decision: xml::flag(node, &["IsDecision"]).unwrap_or(false),
    }
}

fn attachment(node: Node<'_, '_>, item_open: bool) -> SourceAttachment {
    let access = first(node, &[&["AccessEnumName"], &["AccessName"]]).map(|a| a.to_lowercase());
    let aaben = match xml::flag(node, &["AccessIsPublic"]) {
        Some(open) => open,
        None => match access.as_deref() {
            Some("public" | "offentlig" | "åben") => true,
            Some(_) => false,
            None => item_open,
        },
    };
    SourceAttachment {
        titel: first(node, &[&["Title"], &["Name"]]).unwrap_or_default(),
        dokumentnummer: first(node, &[&["DocumentNumber"]]),
        aaben,
        fil: first(node, &[&["Link"], &["FileName"]]).map(|l| xml::file_path(&l)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_publishing_export_is_read_by_the_same_names() {
        let source = r#"<eDocAgendaPublishing>
  <Committee><Name>Social- og Sundhedsudvalget</Name></Committee>
  <Meeting><MeetingDate>2022-09-07T15:00:00</MeetingDate><Location>Rådhuset</Location>
    <AgendaItem><Number>3</Number><Title>Ny plejeboligplan</Title><AccessIsPublic>false</AccessIsPublic>
      <PublicTitle>Plejeboliger</PublicTitle>
      <Sections>
        <Section><Caption>Sagsfremstilling</Caption><Text>&lt;p&gt;Der mangler 40 pladser.&lt;/p&gt;</Text></Section>
        <Section><Caption>Beslutning</Caption><Text>Godkendt.</Text><IsDecision>true</IsDecision></Section>
      </Sections>
      <Attachments><Attachment><Title>Plan</Title><AccessIsPublic>false</AccessIsPublic></Attachment></Attachments>
    </AgendaItem>
  </Meeting>
</eDocAgendaPublishing>"#;
        let doc = xml::parse(source).unwrap();
        let root = doc.root_element();
        assert!(detect(root));
        let meetings = read(root, source, Path::new("x.xml")).unwrap();
        let m = &meetings[0];
        assert_eq!(m.udvalg.name, "Social- og Sundhedsudvalget");
        assert_eq!(
            (m.dato.iso(), m.tid.as_deref()),
            ("2022-09-07".into(), Some("15:00"))
        );
        let item = &m.items[0];
        assert_eq!(item.nummer.as_deref(), Some("3"));
        assert_eq!(item.offentlig_titel.as_deref(), Some("Plejeboliger"));
        assert!(!item.aaben);
        let captions: Vec<&str> = item.sections.iter().map(|s| s.caption.as_str()).collect();
        assert_eq!(captions, ["Sagsfremstilling", "Beslutning"]);
        assert_eq!(item.sections[0].html, "<p>Der mangler 40 pladser.</p>");
        assert!(item.sections[1].decision);
        assert_eq!(item.bilag.len(), 1);
        assert!(!item.bilag[0].aaben);
    }
}
