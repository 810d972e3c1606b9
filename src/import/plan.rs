//! An item of an export mapped to sagsgen's fields: each section's caption looked up
//! (`captions`), its HTML made Markdown (`html`), decisions read (`decisions`), and every
//! section kept — a standard field where the source's order allows it, an extra section
//! (`[[afsnit]]`) otherwise — in the source's order, which `placering` preserves.

use crate::committee::Committees;
use crate::dates::Date;
use crate::field_table;
use crate::i18n::Message;
use crate::tr;

use super::captions::{self, Target};
use super::decisions;
use super::html;
use super::source::{SourceAttachment, SourceCommittee, SourceItem, SourceMeeting, SourceSection};

/// The Markdown heading level of headings inside a section (sections are level 2).
const INNER_HEADING_LEVEL: usize = 3;

/// The committees of the project, and those an import adds.
#[derive(Debug, Clone)]
pub struct Registry {
    entries: Vec<(String, String)>,
    added: Vec<(String, String)>,
}

impl Registry {
    /// Starts from the project's `[udvalg]`.
    pub fn new(existing: &Committees) -> Self {
        Self {
            entries: existing.entries().to_vec(),
            added: Vec::new(),
        }
    }

    /// The abbreviation to write for a committee: the project's own when it knows the
    /// name; else the source's abbreviation, or one made from the name, added.
    pub fn key_for(&mut self, committee: &SourceCommittee) -> String {
        let stem = super::committee_stem(&committee.name);
        let same = |full: &str| super::committee_stem(full) == stem;
        if let Some((key, _)) = self.entries.iter().find(|(_, full)| same(full)) {
            return key.clone();
        }
        // The source's own abbreviation as it writes it ("ØU"); else one made up, folded
        // like the keys people write ("OEU").
        let wanted = committee
            .short
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.chars().all(char::is_alphanumeric))
            .map_or_else(|| abbreviate(&committee.name), str::to_string);
        let mut key = wanted.clone();
        let mut n = 2;
        while self.entries.iter().any(|(k, _)| *k == key) {
            key = format!("{wanted}{n}");
            n += 1;
        }
        self.entries.push((key.clone(), committee.name.clone()));
        self.added.push((key.clone(), committee.name.clone()));
        key
    }

    /// The committees added: (abbreviation, full name).
    pub fn added(&self) -> &[(String, String)] {
        &self.added
    }

    /// The full name of a key.
    pub fn full(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, f)| f.as_str())
    }
}

/// Words an abbreviation leaves out.
const SMALL_WORDS: &[&str] = &[
    "for", "og", "i", "af", "til", "med", "det", "de", "den", "et", "en",
];

/// An abbreviation made from a committee's name: the first letters of its words
/// ("Teknisk Udvalg" → "TU", "KMB IT-udvalget" → "KIU"); a one-word name gives its first
/// three letters ("Byrådet" → "BYR"). Danish letters folded, as `[udvalg]` keys are.
pub fn abbreviate(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let letters: String = if words.len() >= 2 {
        words
            .iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .collect()
    } else {
        name.chars()
            .filter(|c| c.is_alphanumeric())
            .take(3)
            .collect()
    };
    let folded = crate::danish::fold(&letters).to_uppercase();
    let key: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
    if key.is_empty() { "UDVALG".into() } else { key }
}

/// A meeting mapped: its committee's key, and its items.
#[derive(Debug, Clone)]
pub struct MeetingPlan {
    /// The source meeting (date, place, members, file).
    pub source: SourceMeeting,
    /// The committee's `[udvalg]` key.
    pub udvalg: String,
    /// The items.
    pub items: Vec<ItemPlan>,
}

/// An item mapped to a case.
#[derive(Debug, Clone)]
pub struct ItemPlan {
    /// The source item (number, titles, access, attachments).
    pub source: SourceItem,
    /// `beslutningssag` when the item asks for or has a decision, else `orienteringssag`.
    pub kind: &'static str,
    /// The case's sections, decisions and extra sections, in the source's order.
    pub blocks: Vec<Block>,
    /// Where each caption went.
    pub mappings: Vec<Mapping>,
    /// What the report must say about the item.
    pub warnings: Vec<Message>,
}

/// One part of a case, in the order it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A standard section (`sagsfremstilling = …`).
    Field {
        /// The field's name.
        name: &'static str,
        /// Its Markdown.
        tekst: String,
        /// The source's caption, when it is not the field's standard heading
        /// ("Baggrund" for Sagsfremstilling): the document shows the source's words.
        overskrift: Option<String>,
    },
    /// An extra section (`[[afsnit]]`).
    Afsnit {
        /// The caption as the source wrote it (none when it had none).
        overskrift: Option<String>,
        /// Its Markdown.
        tekst: String,
        /// Where it stands ("før sagsfremstilling").
        placering: String,
    },
    /// A decision (`[[beslutninger]]`).
    Beslutning {
        /// The committee's key.
        udvalg: String,
        /// The date.
        dato: Date,
        /// Its Markdown.
        tekst: String,
        /// Where it stands.
        placering: String,
        /// The source's caption, when it is not the standard heading.
        overskrift: Option<String>,
        /// The vote, inhabile and absent members its text recorded.
        record: super::record_text::Recorded,
    },
}

/// A caption and what it became, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The caption as written ("" when the source had none).
    pub caption: String,
    /// What it became: a field's name, "afsnit", "beslutning …" or "udeladt (tom)".
    pub target: String,
}

/// Maps a meeting's items. `overrides` is `[import.overskrifter]`.
pub fn plan_meeting(
    meeting: SourceMeeting,
    registry: &mut Registry,
    overrides: &[(String, String)],
) -> MeetingPlan {
    let udvalg = registry.key_for(&meeting.udvalg);
    let items = meeting
        .items
        .iter()
        .map(|item| plan_item(item, &meeting, &udvalg, registry, overrides))
        .collect();
    MeetingPlan {
        source: meeting,
        udvalg,
        items,
    }
}

/// A section converted and classified.
struct Part {
    caption: String,
    markdown: String,
    target: Target,
}

fn plan_item(
    item: &SourceItem,
    meeting: &SourceMeeting,
    udvalg: &str,
    registry: &mut Registry,
    overrides: &[(String, String)],
) -> ItemPlan {
    let mut warnings = Vec::new();
    let converted: Vec<(&SourceSection, Option<Part>)> = item
        .sections
        .iter()
        .map(|section| (section, convert(section, overrides, &mut warnings)))
        .collect();
    let parts: Vec<&Part> = converted.iter().filter_map(|(_, p)| p.as_ref()).collect();
    let standard = standard_sections(&parts);
    let mut placer = Placer {
        first_standard: standard.iter().find_map(|s| *s),
        ..Placer::default()
    };
    let mut standard = standard.into_iter();
    for (section, part) in &converted {
        let Some(part) = part else {
            placer.left_out(&section.caption);
            continue;
        };
        match standard.next().flatten() {
            Some(name) => placer.field(part, name),
            None if part.target == Target::Decision => {
                let placering = placer.placering();
                let found =
                    decision_blocks(part, meeting, udvalg, registry, &placering, &mut warnings);
                placer.decisions(part, found);
            }
            None => placer.extra(part),
        }
    }
    let kind = if placer.decides() {
        "beslutningssag"
    } else {
        "orienteringssag"
    };
    let mut blocks = merge_same_decisions(placer.blocks);
    read_records(&mut blocks);
    add_absent(&mut blocks, item, meeting, udvalg, &mut warnings);
    ItemPlan {
        source: titled(item, &mut warnings),
        kind,
        blocks,
        mappings: placer.mappings,
        warnings,
    }
}

/// The item with a title: a case must have one, so the item's number stands in for a
/// missing one, and the report says so.
fn titled(item: &SourceItem, warnings: &mut Vec<Message>) -> SourceItem {
    let mut source = item.clone();
    if source.titel.trim().is_empty() {
        let nummer = item.nummer.clone().unwrap_or_else(|| "uden nummer".into());
        source.titel = format!("Punkt {nummer}");
        warnings.push(tr!("import-no-title", title = source.titel.as_str()));
    }
    source
}

/// Puts an item's sections in place, in the source's order: what follows a standard field
/// stands after it, what precedes the first one before it.
#[derive(Default)]
struct Placer {
    /// The first section that became a standard field.
    first_standard: Option<&'static str>,
    /// The last standard field placed.
    anchor: Option<&'static str>,
    blocks: Vec<Block>,
    mappings: Vec<Mapping>,
}

impl Placer {
    /// Where a section placed now stands.
    fn placering(&self) -> String {
        match (self.anchor, self.first_standard) {
            (Some(f), _) => format!("efter {f}"),
            (None, Some(f)) => format!("før {f}"),
            (None, None) => "før beslutningstema".to_string(),
        }
    }

    fn map(&mut self, caption: &str, target: String) {
        self.mappings.push(Mapping {
            caption: caption.to_string(),
            target,
        });
    }

    fn left_out(&mut self, caption: &str) {
        self.map(caption, "udeladt (tomt)".into());
    }

    fn field(&mut self, part: &Part, name: &'static str) {
        self.anchor = Some(name);
        self.map(&part.caption, name.to_string());
        self.blocks.push(Block::Field {
            name,
            tekst: part.markdown.clone(),
            overskrift: (!captions::is_standard_heading(&part.caption, name))
                .then(|| part.caption.clone()),
        });
    }

    fn decisions(&mut self, part: &Part, found: Vec<Block>) {
        for block in &found {
            if let Block::Beslutning { udvalg, dato, .. } = block {
                let target = format!("beslutning ({udvalg}, {})", dato.short());
                self.map(&part.caption, target);
            }
        }
        self.blocks.extend(found);
    }

    fn extra(&mut self, part: &Part) {
        let placering = self.placering();
        self.map(&part.caption, format!("afsnit ({placering})"));
        self.blocks.push(Block::Afsnit {
            overskrift: (!part.caption.trim().is_empty()).then(|| part.caption.trim().to_string()),
            tekst: part.markdown.clone(),
            placering,
        });
    }

    /// Whether the item asks for or has a decision.
    fn decides(&self) -> bool {
        self.blocks.iter().any(|b| {
            matches!(
                b,
                Block::Beslutning { .. }
                    | Block::Field {
                        name: "indstilling",
                        ..
                    }
            )
        })
    }
}

/// A section as Markdown with its target; `None` when it has no text.
fn convert(
    section: &SourceSection,
    overrides: &[(String, String)],
    warnings: &mut Vec<Message>,
) -> Option<Part> {
    // Some exports carry a section as plain text (SBSYS text fields): its line breaks
    // and blank lines are its structure.
    let source = if looks_like_html(&section.html) {
        std::borrow::Cow::Borrowed(section.html.as_str())
    } else {
        std::borrow::Cow::Owned(plain_to_html(&section.html))
    };
    let converted = html::to_markdown(&source, INNER_HEADING_LEVEL);
    let caption = crate::render::escape::plain_line(&section.caption);
    for w in converted.warnings {
        // Said of the section it is in: the same code, the caption before the text.
        warnings.push(Message {
            text: format!("{}: {w}", shown_caption(&caption)),
            ..w
        });
    }
    if converted.markdown.trim().is_empty() {
        return None;
    }
    let target = if section.decision {
        Target::Decision
    } else if caption.is_empty() {
        Target::Extra
    } else {
        captions::classify(&caption, overrides)
    };
    Some(Part {
        caption,
        markdown: converted.markdown,
        target,
    })
}

/// Whether a section's content is HTML (has a tag) rather than plain text.
fn looks_like_html(text: &str) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        if after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') {
            return true;
        }
        rest = after;
    }
    false
}

/// Plain text as HTML: blank lines part paragraphs, line breaks stay.
fn plain_to_html(text: &str) -> String {
    let escaped = crate::render::escape::html(text);
    escaped
        .split("\n\n")
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.replace('\n', "<br>")))
        .collect()
}

/// How the report names a caption.
pub fn shown_caption(caption: &str) -> String {
    if caption.is_empty() {
        "(section without a caption)".into()
    } else {
        format!("\"{caption}\"")
    }
}

/// Which parts become standard fields: the longest run of them whose fields stand in
/// sagsgen's order (each field once), so that nothing moves; the rest stay extra
/// sections where they were.
fn standard_sections(parts: &[&Part]) -> Vec<Option<&'static str>> {
    let order: Vec<&'static str> = field_table::sections(field_table::BESLUTNINGSSAG)
        .filter(|f| f.holds == field_table::Holds::Markdown)
        .map(|f| f.name)
        .collect();
    let rank = |part: &Part| match part.target {
        Target::Field(name) => order.iter().position(|f| *f == name),
        _ => None,
    };
    let ranks: Vec<Option<usize>> = parts.iter().map(|p| rank(p)).collect();
    // A caption that is the field's own heading ("Sagsfremstilling") weighs more than a
    // synonym ("Baggrund"), so that of two captions for one field, it gets the field.
    let weight = |i: usize| match parts[i].target {
        Target::Field(name) if captions::is_standard_heading(&parts[i].caption, name) => 3,
        _ => 2,
    };
    // Heaviest strictly increasing subsequence of ranks, O(n²): items have few sections.
    let mut best: Vec<(usize, Option<usize>)> = vec![(0, None); parts.len()];
    for i in 0..parts.len() {
        let Some(ri) = ranks[i] else { continue };
        best[i] = (weight(i), None);
        for j in 0..i {
            if let Some(rj) = ranks[j]
                && rj < ri
                && best[j].0 + weight(i) > best[i].0
            {
                best[i] = (best[j].0 + weight(i), Some(j));
            }
        }
    }
    let mut out = vec![None; parts.len()];
    let end = (0..parts.len())
        .filter(|i| best[*i].0 > 0)
        .max_by_key(|i| (best[*i].0, std::cmp::Reverse(*i)));
    let mut at = end;
    while let Some(i) = at {
        out[i] = ranks[i].map(|r| order[r]);
        at = best[i].1;
    }
    out
}

/// The decisions of a decision section: committee and date from its caption, or dates
/// from the start of its paragraphs ("**18. september 2012:** …"); without any, the
/// meeting's own.
fn decision_blocks(
    part: &Part,
    meeting: &SourceMeeting,
    meeting_udvalg: &str,
    registry: &mut Registry,
    placering: &str,
    warnings: &mut Vec<Message>,
) -> Vec<Block> {
    let heading = decisions::from_caption(&part.caption);
    let udvalg = match &heading.udvalg {
        Some(name) => registry.key_for(&SourceCommittee {
            name: match &heading.forkortelse {
                Some(short) => format!("{name} ({short})"),
                None => name.clone(),
            },
            short: heading.forkortelse.clone(),
        }),
        None => meeting_udvalg.to_string(),
    };
    let plain = matches!(
        captions::normalise(&part.caption).as_str(),
        "" | "beslutning" | "beslutninger"
    );
    let chunks: Vec<(Option<Date>, String)> = match heading.dato {
        Some(date) => vec![(Some(date), part.markdown.clone())],
        None => dated_chunks(&part.markdown),
    };
    let chunks_dated = heading.dato.is_none() && chunks.iter().any(|(d, _)| d.is_some());
    let mut out = Vec::new();
    for (date, text) in chunks {
        // A plain "Beslutning" of the meeting being imported is that meeting's decision;
        // any other caption without a date is worth a look.
        let dato = date.unwrap_or_else(|| {
            if !plain {
                warnings.push(tr!(
                    "import-decision-no-date",
                    caption = shown_caption(&part.caption),
                    date = meeting.dato.short()
                ));
            }
            meeting.dato
        });
        if heading.udvalg.is_none() && dato != meeting.dato {
            warnings.push(tr!(
                "import-decision-no-committee",
                caption = shown_caption(&part.caption),
                date = dato.short(),
                committee = meeting_udvalg.to_string()
            ));
        }
        let standard = registry
            .full(&udvalg)
            .map(|full| crate::render::view::decision_heading(full, dato));
        let overskrift = match chunks_dated {
            // A date read from the text: the standard heading names it.
            true => None,
            false if part.caption.is_empty() || standard.as_deref() == Some(&part.caption) => None,
            false => Some(part.caption.clone()),
        };
        out.push(Block::Beslutning {
            udvalg: udvalg.clone(),
            dato,
            tekst: text,
            placering: placering.to_string(),
            overskrift,
            record: Default::default(),
        });
    }
    out
}

/// A decision text split where a paragraph starts with a date; the text before the first
/// date (if any) has none.
fn dated_chunks(markdown: &str) -> Vec<(Option<Date>, String)> {
    let mut out: Vec<(Option<Date>, String)> = Vec::new();
    for paragraph in markdown.split("\n\n") {
        match decisions::dated_text(paragraph) {
            Some((date, rest)) => out.push((Some(date), rest.to_string())),
            None => match out.last_mut() {
                Some((_, text)) => {
                    text.push_str("\n\n");
                    text.push_str(paragraph);
                }
                None => out.push((None, paragraph.to_string())),
            },
        }
    }
    out.retain(|(_, t)| !t.trim().is_empty());
    out
}

/// Decisions of one committee on one date written as one (a case has one decision per
/// meeting): their texts joined, in order.
/// Each decision's record read out of its text ("For stemte: …", "… deltog ikke i
/// behandlingen af punktet …"), where it can be read with certainty.
fn read_records(blocks: &mut [Block]) {
    for block in blocks {
        if let Block::Beslutning { tekst, record, .. } = block {
            let (rest, read) = super::record_text::extract(tekst);
            *tekst = rest;
            *record = read;
        }
    }
}

/// Members the export lists as absent from the item: the record of this meeting's
/// decision on it.
fn add_absent(
    blocks: &mut [Block],
    item: &SourceItem,
    meeting: &SourceMeeting,
    udvalg: &str,
    warnings: &mut Vec<Message>,
) {
    if item.fravaerende.is_empty() {
        return;
    }
    let own = blocks.iter_mut().find_map(|b| match b {
        Block::Beslutning {
            udvalg: u,
            dato,
            record,
            ..
        } if u == udvalg && *dato == meeting.dato => Some(record),
        _ => None,
    });
    match own {
        Some(record) => {
            for name in &item.fravaerende {
                if !record.fravaerende.contains(name) {
                    record.fravaerende.push(name.clone());
                }
            }
        }
        None => warnings.push(tr!(
            "import-absent-no-decision",
            names = item.fravaerende.join(", ")
        )),
    }
}

fn merge_same_decisions(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for block in blocks {
        if let Block::Beslutning {
            udvalg, dato, tekst, ..
        } = &block
            && let Some(Block::Beslutning { tekst: earlier, .. }) = out.iter_mut().find(|b| {
                matches!(b, Block::Beslutning { udvalg: u, dato: d, .. } if u == udvalg && d == dato)
            })
        {
            earlier.push_str("\n\n");
            earlier.push_str(tekst);
            continue;
        }
        out.push(block);
    }
    out
}

/// Attachments of an item that a public edition may show.
pub fn is_open(attachment: &SourceAttachment, item: &SourceItem) -> bool {
    attachment.aaben && item.aaben
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(caption: &str) -> Part {
        Part {
            caption: caption.to_string(),
            markdown: "x".into(),
            target: captions::classify(caption, &[]),
        }
    }

    fn chosen(captions: &[&str]) -> Vec<Option<&'static str>> {
        let parts: Vec<Part> = captions.iter().map(|c| part(c)).collect();
        let refs: Vec<&Part> = parts.iter().collect();
        standard_sections(&refs)
    }

    #[test]
    fn of_two_captions_for_one_field_its_own_heading_gets_it() {
        assert_eq!(
            chosen(&["Sammendrag", "Baggrund", "Sagsfremstilling", "Økonomi"]),
            [
                None,
                None,
                Some("sagsfremstilling"),
                Some("oekonomiske_konsekvenser")
            ]
        );
        assert_eq!(
            chosen(&["Baggrund", "Økonomi"]),
            [Some("sagsfremstilling"), Some("oekonomiske_konsekvenser")]
        );
    }

    #[test]
    fn fields_out_of_sagsgens_order_stay_extra_sections_where_they_were() {
        // eDoc writes the proposal first: two fields after it outweigh it.
        assert_eq!(
            chosen(&["Forvaltningen foreslår", "Sagsbeskrivelse", "Økonomi"]),
            [
                None,
                Some("sagsfremstilling"),
                Some("oekonomiske_konsekvenser")
            ]
        );
        // Two own headings in the wrong order: one of them is the field, the other
        // stays an extra section after it.
        assert_eq!(
            chosen(&["Indstilling", "Sagsfremstilling"]),
            [Some("indstilling"), None]
        );
    }

    #[test]
    fn decision_texts_split_where_a_paragraph_starts_with_a_date() {
        let chunks = dated_chunks(
            "**4. november 2020:** Udsat.\n\nMere om det.\n\n**3. marts 2021:** Godkendt.",
        );
        let dates: Vec<Option<String>> = chunks.iter().map(|(d, _)| d.map(|d| d.iso())).collect();
        assert_eq!(
            dates,
            [Some("2020-11-04".into()), Some("2021-03-03".into())]
        );
        assert_eq!(chunks[0].1, "Udsat.\n\nMere om det.");
        assert_eq!(
            dated_chunks("Godkendt.")[0],
            (None, "Godkendt.".to_string())
        );
    }

    #[test]
    fn plain_text_keeps_its_paragraphs_and_lines() {
        assert!(!looks_like_html("A < B og 3 > 2"));
        assert!(looks_like_html("<p>x</p>"));
        assert_eq!(
            plain_to_html("Første & linje\nanden\n\nNyt afsnit"),
            "<p>Første &amp; linje<br>anden</p><p>Nyt afsnit</p>"
        );
    }

    #[test]
    fn abbreviations_are_made_from_names() {
        assert_eq!(abbreviate("Teknisk Udvalg"), "TU");
        assert_eq!(abbreviate("KMB IT-udvalget"), "KIU");
        assert_eq!(abbreviate("Udvalg for børn og unge"), "UBU");
        assert_eq!(abbreviate("Byrådet"), "BYR");
        assert_eq!(abbreviate("Økonomiudvalget"), "OEKO");
    }

    #[test]
    fn a_committee_is_found_by_its_name_with_or_without_its_abbreviation() {
        let mut registry = Registry::new(&Committees::new(vec![(
            "OEU".into(),
            "Økonomiudvalget".into(),
        )]));
        let found = registry.key_for(&SourceCommittee {
            name: "Økonomiudvalget (ØU)".into(),
            short: Some("ØU".into()),
        });
        assert_eq!(found, "OEU");
        assert!(registry.added().is_empty());
        let new = registry.key_for(&SourceCommittee {
            name: "Teknisk Udvalg".into(),
            short: None,
        });
        assert_eq!(new, "TU");
        let clash = registry.key_for(&SourceCommittee {
            name: "Turistudvalget".into(),
            short: Some("TU".into()),
        });
        assert_eq!(clash, "TU2");
        assert_eq!(registry.added().len(), 2);
    }
}
