//! eDoc's eDocAgendaPublishing export, what municipalities running eDoc publish from: a
//! `<Meeting>` root with `Committee` and `MeetingDate`, one `MeetingAgendaType` per edition
//! ("Åben dagsorden", "Lukket dagsorden") holding its `MeetingAgendaItem`s. An item's text
//! is the plain-text `FullText` of its PDF: a header ("2.<TAB>Title", "Sagsnr.: …",
//! "Dok.nr.: …"), then each section as a caption on a line of its own followed by
//! paragraphs separated by blank lines.

use std::path::Path;

use roxmltree::Node;

use super::captions::{self, Target};
use super::source::{
    SourceAttachment, SourceCommittee, SourceItem, SourceMeeting, SourceSection, System,
};
use super::xml::{self, child, children, first, text_at};
use crate::render::escape::html as esc;
use crate::tr;

/// Whether the document is an eDocAgendaPublishing meeting.
pub fn detect(root: Node<'_, '_>) -> bool {
    xml::is(root, "Meeting") && child(root, "MeetingAgendaTypes").is_some()
}

/// The file's one meeting.
pub fn read(root: Node<'_, '_>, file: &Path) -> Result<Vec<SourceMeeting>, String> {
    let committee = text_at(root, &["Committee"])
        .ok_or_else(|| tr!("import-no-committee", place = "<Committee>").text)?;
    let written = text_at(root, &["MeetingDate"]).unwrap_or_default();
    let (dato, tid) =
        xml::when(&written).ok_or_else(|| tr!("import-bad-date", date = written.as_str()).text)?;
    // The minutes' own text may say who was there ("Tilstede: …", "Afbud: …").
    let (present, absent) = children(
        child(root, "MeetingAgendaTypes").expect("detected"),
        "MeetingAgendaType",
    )
    .find_map(|e| text_at(e, &["FullText"]))
    .map(|t| super::record_text::attendance(&t))
    .unwrap_or_default();
    Ok(vec![SourceMeeting {
        system: System::Edoc,
        file: file.to_path_buf(),
        udvalg: SourceCommittee {
            name: committee,
            short: None,
        },
        dato,
        tid,
        sted: None,
        medlemmer: present.into_iter().chain(absent.iter().cloned()).collect(),
        afbud: absent,
        items: items(root),
        notes: Vec::new(),
        organisation: None,
    }])
}

/// The items of every edition, each once: an item in an open edition is open, one only in
/// a closed edition ("Lukket dagsorden") is closed. Ordered by number where all have one.
fn items(root: Node<'_, '_>) -> Vec<SourceItem> {
    let mut out: Vec<SourceItem> = Vec::new();
    let editions = children(
        child(root, "MeetingAgendaTypes").expect("detected"),
        "MeetingAgendaType",
    );
    for edition in editions {
        let closed =
            text_at(edition, &["AgendaType"]).is_some_and(|t| t.to_lowercase().contains("lukket"));
        let Some(list) = child(edition, "MeetingAgendaItems") else {
            continue;
        };
        for node in children(list, "MeetingAgendaItem") {
            let read = item(node, !closed);
            match out
                .iter_mut()
                .find(|i| i.nummer.is_some() && i.nummer == read.nummer)
            {
                Some(known) => known.aaben |= read.aaben,
                None => out.push(read),
            }
        }
    }
    let numbers: Option<Vec<f64>> = out
        .iter()
        .map(|i| i.nummer.as_deref()?.trim_end_matches('.').parse().ok())
        .collect();
    if let Some(numbers) = numbers {
        let mut keyed: Vec<(f64, SourceItem)> = numbers.into_iter().zip(out).collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        out = keyed.into_iter().map(|(_, i)| i).collect();
    }
    out
}

/// The elements of an item that are eDoc's bookkeeping, not the item's text: file names
/// and sizes, the full texts (the item's is counted apart, without its header lines; an
/// attachment's is listed, not copied into the case), the item's other treatments and its archive case, a neutral title that
/// repeats the title, and the summary where the full text holds it too.
const METADATA: &[&str] = &["PDFDocument", "FileSize", "FullText", "AgendaItems", "Case"];

fn is_metadata(node: Node<'_, '_>, summary_used: bool) -> bool {
    xml::is_one_of(node, METADATA)
        || xml::repeats_title(node)
        || (!summary_used && xml::is(node, "Summary"))
}

fn item(node: Node<'_, '_>, aaben: bool) -> SourceItem {
    let document = child(node, "Document");
    let at = |names: &[&str]| document.and_then(|d| text_at(d, names));
    let full = text_at(node, &["FullText"]).unwrap_or_default();
    let text = FullText::read(&full);
    let titel = at(&["Title"]).or(text.title.clone()).unwrap_or_default();
    let neutral = at(&["NeutralTitle"]).filter(|n| *n != titel);
    let mut sections = text.sections;
    let summary_used = sections.is_empty();
    if summary_used && let Some(summary) = at(&["Summary"]) {
        sections.push(section("", &paragraphs(&summary)));
    }
    SourceItem {
        nummer: text_at(node, &["AgendaItemNumber"]).or(text.number),
        titel,
        offentlig_titel: neutral,
        sagsnummer: text.sagsnummer,
        // The case worker, where the export fills it in (the element names of eDoc's
        // agenda schema), or the text's header says.
        forfatter: document
            .and_then(|d| {
                first(
                    d,
                    &[
                        &["CaseWorker"],
                        &["HandlingItemCaseWorker"],
                        &["Case", "CaseWorker"],
                    ],
                )
            })
            .or(text.sagsbehandler),
        aaben,
        sections,
        bilag: document
            .and_then(|d| child(d, "Attachments"))
            .map(|a| {
                children(a, "Attachment")
                    .map(|n| attachment(n, aaben))
                    .collect()
            })
            .unwrap_or_default(),
        fravaerende: Vec::new(),
        shown_text: Some(format!(
            "{} {}",
            xml::item_text(node, |n| is_metadata(n, summary_used)),
            body(&full)
        )),
    }
}

fn attachment(node: Node<'_, '_>, item_open: bool) -> SourceAttachment {
    SourceAttachment {
        titel: first(node, &[&["Title"], &["NeutralTitle"], &["PDFDocument"]]).unwrap_or_default(),
        dokumentnummer: None,
        aaben: item_open,
        fil: text_at(node, &["PDFDocument"]).map(|f| xml::file_path(&f)),
    }
}

fn section(caption: &str, paragraphs: &[String]) -> SourceSection {
    let html: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", esc(p)))
        .collect();
    SourceSection {
        caption: caption.to_string(),
        decision: captions::classify(caption, &[]) == Target::Decision,
        html,
    }
}

/// An item's `FullText`, read into its header and sections (also how a described format's
/// plain text is read).
#[derive(Debug, Default, PartialEq)]
pub(super) struct FullText {
    /// The number of a "2.<TAB>Title" header line.
    pub number: Option<String>,
    /// The title of that line.
    pub title: Option<String>,
    /// "Sagsnr.: …".
    pub sagsnummer: Option<String>,
    /// "Sagsbehandler: …".
    pub sagsbehandler: Option<String>,
    /// The sections, split at caption lines.
    pub sections: Vec<SourceSection>,
}

/// A plain text without its header lines: the text its sections are read from, as the
/// import's own check counts it.
fn body(text: &str) -> String {
    blocks(text)
        .into_iter()
        .skip_while(|block| block.iter().all(|line| Header::of(line).is_some()))
        .map(|block| block.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

impl FullText {
    /// Reads a plain text: its header lines, then sections split at caption lines.
    pub fn read(text: &str) -> Self {
        let mut out = FullText::default();
        let mut blocks = blocks(text).into_iter().peekable();
        // The header: "2.<TAB>Title", then "Sagsnr.: …" and "Dok.nr.: …", each on a line.
        while let Some(block) = blocks.peek() {
            let Some(lines) = block
                .iter()
                .map(|l| Header::of(l))
                .collect::<Option<Vec<_>>>()
            else {
                break;
            };
            for line in lines {
                match line {
                    Header::Title(number, title) => {
                        (out.number, out.title) = (Some(number), Some(title))
                    }
                    Header::Sagsnummer(number) => out.sagsnummer = Some(number),
                    Header::Sagsbehandler(name) => out.sagsbehandler = Some(name),
                    Header::Dokumentnummer => {}
                }
            }
            blocks.next();
        }
        let blocks: Vec<Vec<String>> = blocks.collect();
        let mut caption = String::new();
        let mut body: Vec<String> = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            let next_is_body = blocks.get(i + 1).is_some_and(|b| !is_caption(b, false));
            if is_caption(block, next_is_body) {
                if !caption.is_empty() || !body.is_empty() {
                    out.sections.push(section(&caption, &body));
                }
                caption = block[0].clone();
                body.clear();
            } else {
                body.push(block.join(" "));
            }
        }
        if !caption.is_empty() || !body.is_empty() {
            out.sections.push(section(&caption, &body));
        }
        out
    }
}

/// The text's paragraphs (blocks of lines between blank lines), each line trimmed; a form
/// feed (a page break of the PDF the text was taken from) is a blank line.
fn blocks(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
    let mut out = Vec::new();
    let mut block: Vec<String> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !block.is_empty() {
                out.push(std::mem::take(&mut block));
            }
        } else {
            block.push(line.to_string());
        }
    }
    if !block.is_empty() {
        out.push(block);
    }
    out
}

/// Paragraphs of a plain text.
fn paragraphs(text: &str) -> Vec<String> {
    blocks(text).into_iter().map(|b| b.join(" ")).collect()
}

/// Whether a block is a section's caption: a caption the caption table knows, or a short
/// line of its own without a sentence's end that some text follows.
fn is_caption(block: &[String], followed_by_text: bool) -> bool {
    let [line] = block else {
        return false;
    };
    if captions::classify(line, &[]) != Target::Extra {
        return line.chars().count() <= 120;
    }
    let words = line.split_whitespace().count();
    // "For stemte: A, F og Ø" is a line of text with a label, not a caption.
    let labelled = line.trim_end().trim_end_matches(':').contains(':');
    followed_by_text
        && !labelled
        && words <= 6
        && line.chars().count() <= 60
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', ',', ';', '!', '?'])
}

/// A line of an item's header.
enum Header {
    /// "2.<TAB>Title".
    Title(String, String),
    /// "Sagsnr.: 24/1234".
    Sagsnummer(String),
    /// "Dok.nr.: 24/1234-7" (the PDF's own document number: not the case's).
    Dokumentnummer,
    /// "Sagsbehandler: Navn Navnesen".
    Sagsbehandler(String),
}

impl Header {
    fn of(line: &str) -> Option<Self> {
        if let Some((number, title)) = numbered_title(line) {
            Some(Header::Title(number, title))
        } else if let Some(number) = after_label(line, "sagsnr") {
            Some(Header::Sagsnummer(number))
        } else if let Some(name) = after_label(line, "sagsbehandler") {
            Some(Header::Sagsbehandler(name))
        } else {
            after_label(line, "dok.nr").map(|_| Header::Dokumentnummer)
        }
    }
}

/// "2.<TAB>Title" (or "2. Title"): the number and the title.
fn numbered_title(line: &str) -> Option<(String, String)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line[digits..].strip_prefix('.')?;
    let title = rest.trim();
    (digits > 0 && rest.starts_with(char::is_whitespace) && !title.is_empty())
        .then(|| (line[..digits].to_string(), title.to_string()))
}

/// The value after a label such as "Sagsnr.:" ("Sagsnr.: 24/1234" → "24/1234").
fn after_label(line: &str, label: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let rest = lower.strip_prefix(label)?;
    let skipped = rest.len() - rest.trim_start_matches(['.', ':', ' ']).len();
    let value = line[label.len() + skipped..].trim();
    (!value.is_empty()).then(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/import/edoc-publishing/moede.xml");

    fn meeting() -> SourceMeeting {
        let cleaned = crate::import::text::clean_xml(FIXTURE);
        let document = xml::parse(&cleaned).unwrap();
        let root = document.root_element();
        assert!(detect(root));
        read(root, Path::new("moede.xml")).unwrap().remove(0)
    }

    #[test]
    fn the_meeting_its_items_and_which_are_closed() {
        let m = meeting();
        // The minutes' attendance lines.
        assert_eq!(
            m.medlemmer,
            ["Anne Holm", "Per Holm", "Lis Lund", "Ib Isaksen"]
        );
        assert_eq!(m.afbud, ["Ib Isaksen"]);
        assert_eq!(m.udvalg.name, "Udvalget for Klima og Miljø");
        assert_eq!(
            (m.dato.iso(), m.tid.as_deref()),
            ("2024-03-12".into(), Some("16:00"))
        );
        let items: Vec<_> = m
            .items
            .iter()
            .map(|i| (i.nummer.as_deref().unwrap(), i.titel.as_str(), i.aaben))
            .collect();
        assert_eq!(
            items,
            [
                ("1", "Godkendelse af dagsorden", true),
                ("2", "Ny affaldsordning for haveaffald", true),
                ("3", "Køb af areal ved Mosevej", false),
            ]
        );
        let closed = &m.items[2];
        assert_eq!(closed.offentlig_titel.as_deref(), Some("Køb af areal"));
        assert_eq!(
            m.items[1].offentlig_titel, None,
            "the same title is no neutral one"
        );
        assert_eq!(m.items[1].sagsnummer.as_deref(), Some("24/1234"));
        assert_eq!(m.items[1].forfatter.as_deref(), Some("Mette Lund"));
        assert_eq!(m.items[0].forfatter, None);
    }

    #[test]
    fn the_plain_text_is_split_into_its_sections_at_caption_lines() {
        let m = meeting();
        let item = &m.items[1];
        assert_eq!(item.sagsnummer.as_deref(), Some("24/1234"));
        let captions: Vec<(&str, bool)> = item
            .sections
            .iter()
            .map(|s| (s.caption.as_str(), s.decision))
            .collect();
        assert_eq!(
            captions,
            [
                ("Sammendrag", false),
                ("Sagsfremstilling", false),
                ("Økonomi", false),
                ("Indstilling", false),
                (
                    "Beslutning i Udvalget for Klima og Miljø den 12-03-2024",
                    true
                ),
            ]
        );
        // Paragraphs are the blocks between blank lines; a line broken inside one is joined.
        assert_eq!(
            item.sections[1].html,
            "<p>Haveaffald hentes i dag hver anden uge fra april til november.</p><p>Forvaltningen foreslår at hente det hver uge &amp; hele året.</p>"
        );
        // A line with a label ("For stemte: …") is text of the decision, not a caption.
        assert_eq!(
            item.sections[4].html,
            "<p>Godkendt.</p><p>For stemte: A, F og Ø</p><p>Imod stemte: V</p><p>Følgende deltog ikke i behandlingen af punktet:</p><p>Per Holm</p>"
        );
        let bilag = &item.bilag;
        assert_eq!(bilag.len(), 1);
        assert_eq!(bilag[0].titel, "Notat om haveaffald");
        assert_eq!(bilag[0].fil.as_deref(), Some(Path::new("bilag-2-1.pdf")));
    }

    #[test]
    fn header_lines_are_read_and_not_mistaken_for_captions() {
        assert_eq!(
            numbered_title("2.\tNy affaldsordning"),
            Some(("2".into(), "Ny affaldsordning".into()))
        );
        assert_eq!(numbered_title("2.5 mio. kr."), None);
        assert_eq!(
            after_label("Sagsnr.: 24/1234", "sagsnr"),
            Some("24/1234".into())
        );
        assert_eq!(after_label("Dok.nr.: 99", "dok.nr"), Some("99".into()));
        let line = |s: &str| vec![s.to_string()];
        assert!(is_caption(&line("Baggrund"), false), "known");
        assert!(
            is_caption(&line("Høring af naboer"), true),
            "short and followed by text"
        );
        assert!(
            !is_caption(&line("Høring af naboer"), false),
            "nothing follows"
        );
        assert!(!is_caption(&line("Godkendt."), true), "a sentence");
        assert!(!is_caption(&line("ingen"), true), "not a capital");
    }
}
