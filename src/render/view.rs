//! The view templates see: a serializable picture of a case with Danish dates formatted,
//! committee names resolved and Markdown already converted to (safe) Typst markup.

use std::collections::BTreeMap;

use crate::case::Placering;
use crate::field_table::{self, Field, Holds};
use minijinja::Value;
use serde::Serialize;

use super::escape::plain_line;
use super::markdown;
use crate::case::{Beslutning, Bilag, Body, Case, Kind, Lov, Notat, Sag};
use crate::dates::Date;
use crate::project::Config;

/// The date written into PDF metadata when a case has none (PDF/A requires one, and the
/// wall clock would make builds irreproducible).
pub const FALLBACK_DATE: Date = Date {
    year: 2000,
    month: 1,
    day: 1,
};

/// Heading depth of a document's sections, standalone or as a meeting item (the title or
/// item heading is depth 1).
pub(crate) const SECTION_DEPTH: u8 = 2;

/// Everything a document template is given.
#[derive(Debug, Serialize)]
pub struct DocumentView {
    /// The organisation (page header).
    pub org: OrgView,
    /// PDF metadata.
    pub meta: MetaView,
    /// The case itself.
    pub doc: CaseView,
    /// Text at the left of the page footer.
    pub sidefod: Option<String>,
    /// Whether every page carries the `UDKAST` watermark.
    pub udkast: bool,
    /// The source file to embed (archive copies, PDF/A-3 only).
    pub kilde: Option<SourceFileView>,
}

/// A source file embedded in an archive copy.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFileView {
    /// File name inside the PDF.
    pub navn: String,
    /// Its text.
    pub tekst: String,
}

/// The organisation as the page header shows it.
#[derive(Debug, Serialize)]
pub struct OrgView {
    /// Name.
    pub navn: String,
    /// Logo as a path from the project root, starting with `/`.
    pub logo: Option<String>,
    /// Address.
    pub adresse: Option<String>,
}

/// PDF metadata, as plain single-line text.
#[derive(Debug, Serialize)]
pub struct MetaView {
    /// Document title.
    pub titel: String,
    /// Authors.
    pub forfattere: Vec<String>,
    /// Keywords.
    pub emneord: Vec<String>,
    /// Subject / description.
    pub emne: String,
    /// Document date (metadata).
    pub dato: Date,
}

/// A case, ready to print.
#[derive(Debug, Serialize)]
pub struct CaseView {
    /// The item number shown, when the case is an item of a meeting.
    pub nummer: Option<String>,
    /// The item's place in the agenda (for its label), when it is an item.
    pub anker: Option<usize>,
    /// `notat`, `beslutningssag` or `orienteringssag`.
    pub kind: &'static str,
    /// `NOTAT`, `Beslutning` or `Orientering`.
    pub label: &'static str,
    /// Title.
    pub titel: String,
    /// Case number.
    pub sagsnummer: Option<String>,
    /// Long Danish date.
    pub dato: Option<String>,
    /// Author.
    pub forfatter: Option<String>,
    /// Sending unit.
    pub afsender: Option<String>,
    /// `Åben` / `Lukket`.
    pub adgang: &'static str,
    /// Draft watermark.
    pub udkast: bool,
    /// Notat: recipient.
    pub til: Option<String>,
    /// Notat: sender.
    pub fra: Option<String>,
    /// Notat: body (Typst markup).
    pub tekst: Option<Value>,
    /// Committee abbreviations joined by `/`.
    pub udvalg: Option<String>,
    /// Decision authority (full name).
    pub beslutningskompetence: Option<String>,
    /// The sections, in order, each present field only.
    pub sektioner: Vec<SectionView>,
    /// Decisions, in the order given.
    pub beslutninger: Vec<DecisionView>,
    /// Attachments, numbered.
    pub bilag: Vec<AttachmentView>,
    /// Every one-line text field present, by name (`doc.felter.sagsnummer`): a text field
    /// added to the field table is here for a template to show.
    pub felter: BTreeMap<&'static str, String>,
}

/// One section of a beslutningssag/orienteringssag.
#[derive(Debug, Serialize)]
pub struct SectionView {
    /// The heading (`Sagsfremstilling`, …, or an extra section's own, if it has one).
    pub overskrift: Option<String>,
    /// A placed decision's record (vote, remarks, inhabile, absent), when it has one.
    pub optegnelse: Option<super::record_view::RecordView>,
    /// The body (Typst markup), for Markdown sections.
    pub indhold: Option<Value>,
    /// The laws, for the Lovgrundlag section.
    pub love: Vec<LawView>,
}

/// One law of Lovgrundlag.
#[derive(Debug, Serialize)]
pub struct LawView {
    /// Title (the link text).
    pub titel: String,
    /// Reference, shown in parentheses.
    pub henvisning: Option<String>,
    /// Link target.
    pub url: Option<String>,
}

/// One decision.
#[derive(Debug, Serialize)]
pub struct DecisionView {
    /// `Beslutning i <udvalg> den <dd-mm-åååå>`.
    pub overskrift: String,
    /// The decision (Typst markup).
    pub tekst: Value,
    /// Its vote, remarks, inhabile and absent members, when it records any.
    pub optegnelse: Option<super::record_view::RecordView>,
}

/// One attachment line.
#[derive(Debug, Serialize)]
pub struct AttachmentView {
    /// 1-based number.
    pub nummer: usize,
    /// Document number.
    pub dokumentnummer: Option<String>,
    /// `Åben` / `Lukket`.
    pub adgang: &'static str,
    /// Title.
    pub titel: String,
    /// Reference.
    pub henvisning: Option<String>,
    /// Marker.
    pub markering: Option<String>,
    /// Whether the title numbers the attachment itself ("Bilag 5: Budget"), so a list
    /// that numbers its entries does not number it again.
    pub nummereret: bool,
}

/// Whether a title starts with its own number: "Bilag 5", "Bilag 5:", "Bilag nr. 5".
fn numbers_itself(titel: &str) -> bool {
    let lower = titel.trim_start().to_lowercase();
    let Some(rest) = lower.strip_prefix("bilag") else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("nr.").unwrap_or(rest).trim_start();
    rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Builds the whole view of a standalone case document.
pub fn document(case: &Case, config: &Config) -> DocumentView {
    let sidefod = case.sagsnummer.as_ref().map(|n| format!("Sagsnr. {n}"));
    DocumentView {
        org: org(config),
        meta: meta(case),
        doc: case_view(case),
        sidefod,
        udkast: case.udkast,
        kilde: None,
    }
}

/// The organisation part of a view.
pub fn org(config: &Config) -> OrgView {
    let o = &config.organisation;
    OrgView {
        navn: o.navn.clone(),
        logo: o
            .logo
            .as_ref()
            .map(|l| format!("/{}", l.replace('\\', "/").trim_start_matches("./"))),
        adresse: o.adresse.clone(),
    }
}

fn meta(case: &Case) -> MetaView {
    let emne = match &case.body {
        Body::Notat(n) => format!("Notat til {}", plain_line(&n.til)),
        Body::Sag(_) => format!(
            "{} {}",
            label(case.kind),
            case.sagsnummer.as_deref().unwrap_or("")
        )
        .trim()
        .to_string(),
    };
    MetaView {
        titel: plain_line(&case.titel),
        forfattere: case
            .forfatter
            .iter()
            .chain(case.afsender.iter())
            .map(|a| plain_line(a))
            .collect(),
        emneord: case
            .emneord
            .iter()
            .map(|k| plain_line(k))
            .filter(|k| !k.is_empty())
            .collect(),
        emne,
        dato: case.dato.unwrap_or(FALLBACK_DATE),
    }
}

fn label(kind: Kind) -> &'static str {
    match kind {
        Kind::Notat => "NOTAT",
        Kind::Beslutningssag => "Beslutning",
        Kind::Orienteringssag => "Orientering",
    }
}

/// How a case is shown when it is an item of a meeting.
#[derive(Debug, Clone, Default)]
pub struct InMeeting<'a> {
    /// The item number shown.
    pub nummer: Option<String>,
    /// The item's place in the agenda, for labels.
    pub anker: Option<usize>,
    /// A decision to leave out of the case's own decisions (the meeting shows it itself).
    pub own_decision: Option<&'a Beslutning>,
    /// The meeting, whose members present count the own decision's votes by party.
    pub meeting: Option<&'a crate::meeting::Meeting>,
    /// Whether closed attachments are left out.
    pub public: bool,
    /// Whether the edition is the minutes (which show the meeting's own decision).
    pub minutes: bool,
    /// The meeting's date: an agenda shows the decisions dated before it, the minutes
    /// those dated on or before it (none: a case's own document shows them all).
    pub dato: Option<Date>,
    /// What the Markdown becomes.
    pub markup: Markup,
}

/// The case part of a view.
pub fn case_view(case: &Case) -> CaseView {
    case_view_in(case, InMeeting::default())
}

/// The case part of a view, as an item of a meeting.
pub fn case_view_in(case: &Case, meeting: InMeeting<'_>) -> CaseView {
    let mut view = CaseView {
        nummer: meeting.nummer.clone(),
        anker: meeting.anker,
        kind: case.kind.name(),
        label: label(case.kind),
        titel: case.titel.clone(),
        sagsnummer: case.sagsnummer.clone(),
        dato: case.dato.map(|d| d.long()),
        forfatter: case.forfatter.clone(),
        afsender: case.afsender.clone(),
        adgang: case.adgang.label(),
        udkast: case.udkast,
        til: None,
        fra: None,
        tekst: None,
        udvalg: None,
        beslutningskompetence: None,
        sektioner: Vec::new(),
        beslutninger: Vec::new(),
        bilag: Vec::new(),
        felter: case.felter.clone(),
    };
    match &case.body {
        Body::Notat(n) => fill_notat(&mut view, n, meeting.markup),
        Body::Sag(s) => fill_sag(&mut view, case.kind.fields(), s, meeting),
    }
    view
}

/// What Markdown fields become: Typst markup for the PDFs, HTML for the website. The
/// same view is built for both; only its Markdown differs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Markup {
    /// Typst markup (the PDFs).
    #[default]
    Typst,
    /// HTML (the website's pages).
    Html,
}

impl Markup {
    /// `Beslutning i <udvalg> den <date>`: the date as the PDFs write it (`05-05-2025`),
    /// or as the website writes every date (`5. maj 2025`).
    pub fn decision_heading(self, committee: &str, date: Date) -> String {
        match self {
            Markup::Typst => decision_heading(committee, date),
            Markup::Html => format!("Beslutning i {committee} den {}", date.long()),
        }
    }

    /// A Markdown field in this markup, marked safe for the templates. `depth` is the
    /// heading level of the section it sits in, in the PDF.
    pub fn md(self, text: &str, depth: u8) -> Value {
        match self {
            Markup::Typst => Value::from_safe_string(markdown::to_typst(text, depth)),
            // On a web page the meeting is the h1 and an item the h2, one level below
            // the PDF.
            Markup::Html => Value::from_safe_string(super::markdown_html::to_html(text, depth + 1)),
        }
    }
}

fn fill_notat(view: &mut CaseView, notat: &Notat, markup: Markup) {
    view.til = Some(notat.til.clone());
    view.fra = notat.fra.clone();
    view.tekst = Some(markup.md(&notat.tekst, 1));
}

fn fill_sag(view: &mut CaseView, fields: &'static [Field], sag: &Sag, meeting: InMeeting<'_>) {
    let short: Vec<&str> = sag.udvalg.iter().map(|c| c.short.as_str()).collect();
    view.udvalg = (!short.is_empty()).then(|| short.join("/"));
    view.beslutningskompetence = sag.beslutningskompetence.as_ref().map(|c| c.full.clone());
    let own = |b: &Beslutning| meeting.own_decision.is_some_and(|o| std::ptr::eq(o, b));
    // A meeting shows what was known at it: its agenda the decisions before it, its
    // minutes those on or before it.
    let known = |b: &Beslutning| {
        meeting
            .dato
            .is_none_or(|d| b.dato < d || (meeting.minutes && b.dato == d))
    };
    // The meeting's own decision belongs to the minutes only: shown in its place in the
    // case when placed, else by the meeting after the case.
    let shown =
        |b: &Beslutning| known(b) && (!own(b) || (meeting.minutes && b.placering.is_some()));
    let markup = meeting.markup;
    let decide = |b: &Beslutning| {
        let mut d = decision(b, markup);
        if own(b) {
            d.optegnelse = super::record_view::record_view(&b.record, meeting.meeting, markup);
        }
        d
    };
    view.sektioner = sections(fields, sag, &shown, &decide, markup);
    view.beslutninger = sag
        .beslutninger
        .iter()
        .filter(|b| b.placering.is_none() && !own(b) && known(b))
        .map(|b| decision(b, markup))
        .collect();
    // Attachments keep their numbers in every edition, so "bilag 3" means the same everywhere.
    view.bilag = sag
        .bilag
        .iter()
        .enumerate()
        .filter(|(_, b)| !(meeting.public && b.adgang == crate::case::Adgang::Lukket))
        .map(|(i, b)| attachment(i + 1, b))
        .collect();
}

/// The sections of a sag in the order of its kind's field table: each Markdown section
/// present, Lovgrundlag where it has laws, and each `[[afsnit]]` and placed decision
/// where its `placering` puts it (by a standard section whether or not that one is
/// present; an afsnit without a placering after all of them), in file order among those
/// placed alike. `shown` says which placed decisions the edition shows.
fn sections(
    fields: &'static [Field],
    sag: &Sag,
    shown: &dyn Fn(&Beslutning) -> bool,
    decide: &dyn Fn(&Beslutning) -> DecisionView,
    markup: Markup,
) -> Vec<SectionView> {
    let extra = |placed: Placering| {
        let mut found: Vec<(usize, SectionView)> = sag
            .afsnit
            .iter()
            .filter(|a| a.placering == placed)
            .map(|a| {
                let view = SectionView {
                    optegnelse: None,
                    overskrift: a.overskrift.clone(),
                    indhold: Some(markup.md(&a.tekst, SECTION_DEPTH)),
                    love: Vec::new(),
                };
                (a.order, view)
            })
            .collect();
        found.extend(
            sag.beslutninger
                .iter()
                .filter(|b| b.placering == Some(placed) && shown(b))
                .map(|b| {
                    let d = decide(b);
                    let view = SectionView {
                        overskrift: Some(d.overskrift),
                        indhold: Some(d.tekst),
                        love: Vec::new(),
                        optegnelse: d.optegnelse,
                    };
                    (b.order, view)
                }),
        );
        found.sort_by_key(|(order, _)| *order);
        found.into_iter().map(|(_, v)| v)
    };
    let mut out = Vec::new();
    for field in field_table::sections(fields) {
        out.extend(extra(Placering::Foer(field.name)));
        out.extend(standard_section(field, sag, markup));
        out.extend(extra(Placering::Efter(field.name)));
    }
    out.extend(extra(Placering::Sidst));
    out
}

/// A standard section of a sag, when the case has it.
fn standard_section(field: &Field, sag: &Sag, markup: Markup) -> Option<SectionView> {
    let standard = field.overskrift?;
    let overskrift = sag
        .overskrifter
        .get(field.name)
        .cloned()
        .unwrap_or_else(|| standard.to_string());
    match field.holds {
        Holds::Markdown => {
            let sektion = sag.sektioner.iter().find(|s| s.felt == field.name)?;
            Some(SectionView {
                overskrift: Some(overskrift),
                indhold: Some(markup.md(&sektion.tekst, SECTION_DEPTH)),
                love: Vec::new(),
                optegnelse: None,
            })
        }
        Holds::Entries(_) if field.name == "lovgrundlag" && !sag.lovgrundlag.is_empty() => {
            Some(SectionView {
                overskrift: Some(overskrift),
                indhold: None,
                love: sag.lovgrundlag.iter().map(law).collect(),
                optegnelse: None,
            })
        }
        _ => None,
    }
}

fn law(lov: &Lov) -> LawView {
    LawView {
        titel: lov.titel.clone(),
        henvisning: lov.henvisning.clone(),
        url: lov.url.clone(),
    }
}

/// `Beslutning i <udvalgets fulde navn> den <dd-mm-åååå>`.
pub fn decision_heading(committee: &str, date: Date) -> String {
    format!("Beslutning i {committee} den {}", date.short())
}

/// A decision heading and text.
pub fn decision(b: &Beslutning, markup: Markup) -> DecisionView {
    DecisionView {
        overskrift: b
            .overskrift
            .clone()
            .unwrap_or_else(|| markup.decision_heading(&b.udvalg.full, b.dato)),
        tekst: markup.md(&b.tekst, SECTION_DEPTH),
        optegnelse: super::record_view::record_view(&b.record, None, markup),
    }
}

fn attachment(nummer: usize, b: &Bilag) -> AttachmentView {
    AttachmentView {
        nummer,
        dokumentnummer: b.dokumentnummer.clone(),
        adgang: b.adgang.label(),
        titel: b.titel.clone(),
        henvisning: b.henvisning.clone(),
        markering: b.markering.clone(),
        nummereret: numbers_itself(&b.titel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_that_numbers_its_attachment_is_known() {
        assert!(numbers_itself("Bilag 5: Budget"));
        assert!(numbers_itself("bilag nr. 12 Kort"));
        assert!(!numbers_itself("Bilagsoversigt"));
        assert!(!numbers_itself("Bilag til indstillingen"));
    }
    use crate::field_table::{Holds, KINDS};

    /// A case of `kind` with every text field of the table set to a value of its own:
    /// each reaches the templates as `doc.felter.<name>`, with no code per field.
    #[test]
    fn every_text_field_of_the_table_reaches_the_templates() {
        let dir = tempfile::tempdir().unwrap();
        let project = crate::project::Project::load(dir.path()).unwrap();
        for (kind, _, fields) in KINDS.iter().filter(|(k, _, _)| *k != "moede") {
            let mut toml = String::new();
            for f in fields.iter() {
                let value = match f.holds {
                    Holds::Type => format!("\"{kind}\""),
                    Holds::Text => format!("\"værdi af {}\"", f.name),
                    Holds::Entries(_) => continue,
                    _ if f.required => f.eksempel.replace("{dato}", "2025-05-05"),
                    _ => continue,
                };
                toml.push_str(&format!("{} = {value}\n", f.name));
            }
            let source = crate::diag::SourceText::new("x.toml", toml);
            let table = crate::input::parse_toml(&source).unwrap();
            let path = dir.path().join("x.toml");
            let file = crate::case::load_case(&project, &source, table.get_ref(), &path);
            let case = file
                .case
                .unwrap_or_else(|| panic!("{kind}: {:?}", file.diagnostics));
            let view = case_view(&case);
            for f in fields.iter().filter(|f| f.holds == Holds::Text) {
                assert_eq!(
                    view.felter.get(f.name).map(String::as_str),
                    Some(format!("værdi af {}", f.name).as_str()),
                    "{kind}.{}",
                    f.name
                );
            }
        }
    }
}
