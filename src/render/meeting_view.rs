//! The view of one edition of a meeting (dagsorden, referat, public versions, packets).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use minijinja::Value;
use serde::Serialize;

use super::view::{
    CaseView, InMeeting, Markup, MetaView, OrgView, SECTION_DEPTH, SourceFileView, case_view_in,
    org,
};
use crate::case::{Adgang, Body, Case};
use crate::meeting::{AttachmentInfo, Edition, Meeting, Punkt};
use crate::project::Config;

/// Everything the meeting template is given.
#[derive(Debug, Serialize)]
pub struct MeetingDocView {
    /// The organisation.
    pub org: OrgView,
    /// PDF metadata.
    pub meta: MetaView,
    /// Footer text.
    pub sidefod: Option<String>,
    /// Meetings are never drafts.
    pub udkast: bool,
    /// The source file to embed (archive copies, PDF/A-3 only).
    pub kilde: Option<SourceFileView>,
    /// The meeting.
    pub moede: MoedeView,
    /// The items.
    pub punkter: Vec<ItemView>,
}

/// The meeting as the cover page shows it.
#[derive(Debug, Serialize)]
pub struct MoedeView {
    /// `Dagsorden` or `Referat`.
    pub label: &'static str,
    /// The committee's full name.
    pub udvalg: String,
    /// Long Danish date.
    pub dato: String,
    /// Start time.
    pub tid: Option<String>,
    /// Place.
    pub sted: Option<String>,
    /// Members.
    pub medlemmer: Vec<String>,
    /// Absent (shown in the minutes).
    pub afbud: Vec<String>,
    /// Who was present (members, then substitutes "X (for Y)"), in minutes that keep the
    /// record of attendance.
    pub til_stede: Vec<String>,
    /// The approval page that ends such minutes.
    pub godkendelse: Option<super::record_view::ApprovalView>,
    /// The heading of this meeting's decisions: `Beslutning i <udvalg> den <dd-mm-åååå>`.
    pub beslutning_overskrift: String,
    /// Whether this is the minutes.
    pub referat: bool,
    /// Whether this is a public edition.
    pub offentlig: bool,
    /// Whether attachments' pages follow their items.
    pub pakke: bool,
}

/// One item of the edition.
#[derive(Debug, Serialize)]
pub struct ItemView {
    /// The number shown: the item's own (`"12a"`), or its place in the agenda.
    pub nummer: String,
    /// Its place in the agenda (1-based): what links and labels use.
    pub anker: usize,
    /// Title.
    pub titel: String,
    /// `Åben` / `Lukket`.
    pub adgang: &'static str,
    /// Shown only as number, title and `Lukket punkt` (closed item, public edition).
    pub lukket: bool,
    /// The case document, for case items shown in full.
    pub doc: Option<CaseView>,
    /// The text of a standing item.
    pub tekst: Option<Value>,
    /// The decision shown in the minutes (or in the public minutes: its public text).
    pub beslutning: Option<Value>,
    /// Whether the case shows the decision in its own place (a placed decision), so the
    /// minutes do not add it after the case.
    pub beslutning_i_sagen: bool,
    /// The decision's own heading, when it has one (else the meeting's standard one).
    pub beslutning_overskrift: Option<String>,
    /// The decision's vote, remarks, inhabile and absent members (never of a closed item
    /// in a public edition).
    pub optegnelse: Option<super::record_view::RecordView>,
    /// Attachment pages that follow the item in a packet.
    pub bilag: Vec<AttachmentPages>,
}

/// An attachment whose pages follow its item in a packet.
#[derive(Debug, Serialize)]
pub struct AttachmentPages {
    /// Its number in the item's attachment list.
    pub nummer: usize,
    /// Title.
    pub titel: String,
    /// Path from the project root, starting with `/`.
    pub sti: String,
    /// Page count.
    pub sider: usize,
    /// The attachment's own bookmarks, below its own heading's (level 3 and deeper).
    pub bogmaerker: Vec<BookmarkView>,
    /// Its pages (1-based) shown wider than tall, each given a landscape page.
    pub liggende: Vec<usize>,
}

/// One bookmark of an attachment, on one of its pages.
#[derive(Debug, Serialize)]
pub struct BookmarkView {
    /// The page of the attachment it belongs to (1-based).
    pub side: usize,
    /// Heading depth in the packet: the attachment's heading is 2, its top-level
    /// bookmarks 3.
    pub niveau: usize,
    /// Its text.
    pub titel: String,
}

/// What was found in each attachment file (pages, bookmarks), by canonical path.
pub type Inspected = HashMap<PathBuf, AttachmentInfo>;

/// Builds the view of one edition; its Markdown as `markup` (Typst for the PDFs, HTML for
/// the website).
pub fn meeting(
    meeting: &Meeting,
    edition: Edition,
    config: &Config,
    root: &Path,
    pages: &Inspected,
    markup: Markup,
) -> MeetingDocView {
    let label = edition.label();
    let dato = meeting.dato.long();
    let public = if edition.is_public() {
        " (offentlig udgave)"
    } else {
        ""
    };
    let meta = MetaView {
        titel: format!("{label}: {} {dato}{public}", meeting.udvalg.full),
        forfattere: (!config.organisation.navn.is_empty())
            .then(|| config.organisation.navn.clone())
            .into_iter()
            .collect(),
        emneord: vec![label.to_string(), meeting.udvalg.full.clone()],
        emne: format!("{label} for mødet i {} den {dato}", meeting.udvalg.full),
        dato: meeting.dato,
    };
    // Minutes of a meeting that keeps the record of attendance show who was present and
    // end with the approval page.
    let record = edition.is_minutes() && meeting.keeps_attendance();
    let moede = MoedeView {
        label,
        udvalg: meeting.udvalg.full.clone(),
        dato: dato.clone(),
        tid: meeting.tid.clone(),
        sted: meeting.sted.clone(),
        medlemmer: meeting.medlemmer.iter().map(|m| m.shown()).collect(),
        afbud: meeting.afbud.clone(),
        til_stede: if record {
            super::record_view::present_view(meeting)
        } else {
            Vec::new()
        },
        godkendelse: record.then(|| super::record_view::approval_view(meeting)),
        beslutning_overskrift: markup.decision_heading(&meeting.udvalg.full, meeting.dato),
        referat: edition.is_minutes(),
        offentlig: edition.is_public(),
        pakke: edition.is_packet(),
    };
    let punkter = meeting
        .punkter
        .iter()
        .enumerate()
        .map(|(i, p)| item(meeting, edition, i + 1, p, (root, pages), markup))
        .collect();
    MeetingDocView {
        org: org(config),
        meta,
        sidefod: Some(format!("{} – {label} – {dato}", meeting.udvalg.full)),
        udkast: false,
        kilde: None,
        moede,
        punkter,
    }
}

/// The project root and the attachments' pages: where a packet's attachment pages come from.
type Attachments<'a> = (&'a Path, &'a Inspected);

fn item(
    meeting: &Meeting,
    edition: Edition,
    anker: usize,
    punkt: &Punkt,
    attachments: Attachments<'_>,
    markup: Markup,
) -> ItemView {
    let lukket = edition.is_public() && punkt.adgang() == Adgang::Lukket;
    let mut view = ItemView {
        nummer: punkt
            .nummer()
            .map_or_else(|| anker.to_string(), str::to_string),
        anker,
        titel: if edition.is_public() {
            punkt.offentlig_titel()
        } else {
            punkt.titel()
        }
        .to_string(),
        adgang: punkt.adgang().label(),
        lukket,
        doc: None,
        tekst: None,
        beslutning: None,
        beslutning_i_sagen: false,
        beslutning_overskrift: None,
        optegnelse: None,
        bilag: Vec::new(),
    };
    match punkt {
        Punkt::Sag { case, .. } => {
            fill_case_item(&mut view, meeting, edition, case, attachments, markup)
        }
        Punkt::Staaende {
            tekst, beslutning, ..
        } => {
            view.tekst = tekst.as_deref().map(|t| markup.md(t, SECTION_DEPTH));
            if edition.is_minutes() {
                view.beslutning = beslutning.as_deref().map(|t| markup.md(t, SECTION_DEPTH));
            }
        }
    }
    view
}

fn fill_case_item(
    view: &mut ItemView,
    meeting: &Meeting,
    edition: Edition,
    case: &Case,
    (root, pages): Attachments<'_>,
    markup: Markup,
) {
    let own = meeting.decision_of(case);
    if edition.is_minutes() {
        let text = match (view.lukket, own) {
            (false, Some(b)) => Some(&b.tekst),
            (true, Some(b)) => b.offentlig_tekst.as_ref(),
            (_, None) => None,
        };
        view.beslutning = text.map(|t| markup.md(t, SECTION_DEPTH));
    }
    if !view.lukket {
        view.beslutning_overskrift = own.and_then(|b| b.overskrift.clone());
        if edition.is_minutes() {
            view.optegnelse =
                own.and_then(|b| super::record_view::record_view(&b.record, Some(meeting), markup));
        }
    }
    if view.lukket {
        // Nothing of a closed item's content reaches a public edition.
        return;
    }
    let options = InMeeting {
        nummer: Some(view.nummer.clone()),
        anker: Some(view.anker),
        own_decision: own,
        meeting: Some(meeting),
        public: edition.is_public(),
        minutes: edition.is_minutes(),
        dato: Some(meeting.dato),
        markup,
    };
    view.beslutning_i_sagen = edition.is_minutes() && own.is_some_and(|b| b.placering.is_some());
    view.doc = Some(case_view_in(case, options));
    if edition.is_packet() {
        view.bilag = packet_attachments(case, edition.is_public(), root, pages);
    }
}

fn packet_attachments(
    case: &Case,
    public: bool,
    root: &Path,
    pages: &Inspected,
) -> Vec<AttachmentPages> {
    let Body::Sag(sag) = &case.body else {
        return Vec::new();
    };
    sag.bilag
        .iter()
        .enumerate()
        .filter(|(_, b)| !(public && b.adgang == Adgang::Lukket))
        .filter_map(|(i, b)| {
            let fil = b.fil.as_ref()?;
            let rel = fil.strip_prefix(root).ok()?;
            let sti = format!("/{}", rel.to_string_lossy().replace('\\', "/"));
            let info = pages.get(fil)?;
            Some(AttachmentPages {
                nummer: i + 1,
                titel: b.titel.clone(),
                sti,
                sider: info.pages,
                bogmaerker: info
                    .outline
                    .iter()
                    .map(|o| BookmarkView {
                        side: o.page,
                        niveau: 2 + o.level,
                        titel: o.title.clone(),
                    })
                    .collect(),
                liggende: info.landscape.clone(),
            })
        })
        .collect()
}
