//! A page per case (`sager/<sagsnummer>/index.html`): its path through the committees —
//! every decision, with date, committee, vote and a link to the meeting that took it — for
//! the open cases with a case number that the site's meetings hold. A closed case gets no
//! page: the public minutes show of it only its public decision.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::model::SiteMeeting;
use super::pages::SiteView;
use crate::case::{Adgang, Beslutning, Body, Case};
use crate::diag::Diagnostic;
use crate::meeting::{Meeting, Punkt};
use crate::project::Config;
use crate::render::record_view::{RecordView, record_view};
use crate::render::templates::Templates;
use crate::render::view::{Markup, SECTION_DEPTH};

/// A case number as a folder name: "25/1001" → "25-1001".
pub fn slug(sagsnummer: &str) -> String {
    let slug = crate::danish::slug(sagsnummer, usize::MAX);
    if slug.is_empty() { "sag".into() } else { slug }
}

/// A case's folder on the site, from the site's root.
pub fn folder(sagsnummer: &str) -> String {
    format!("sager/{}", slug(sagsnummer))
}

/// The case a meeting item shows, when the site gives it a page: open, with a number.
fn public_case(punkt: &Punkt) -> Option<&Arc<Case>> {
    match punkt {
        Punkt::Sag { case, .. } if case.adgang == Adgang::Aaben && case.sagsnummer.is_some() => {
            Some(case)
        }
        _ => None,
    }
}

/// Each item's case page, by the item's place in the agenda, from the meeting's folder.
pub fn item_links(meeting: &Meeting) -> BTreeMap<usize, String> {
    meeting
        .punkter
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let nummer = public_case(p)?.sagsnummer.as_deref()?;
            Some((i + 1, format!("../../{}/index.html", folder(nummer))))
        })
        .collect()
}

/// A case on the site: its number, title and the case files behind it.
pub struct SiteCase {
    /// The case number.
    pub sagsnummer: String,
    /// Its title (the first case file's).
    pub titel: String,
    /// The case files with this number (usually one).
    pub cases: Vec<Arc<Case>>,
}

/// The open cases with a number among the meetings' items, by number.
pub fn gather(meetings: &[SiteMeeting]) -> Vec<SiteCase> {
    let mut out: BTreeMap<String, SiteCase> = BTreeMap::new();
    for m in meetings {
        for case in m.meeting().punkter.iter().filter_map(public_case) {
            let nummer = case.sagsnummer.clone().expect("public cases have a number");
            let entry = out.entry(nummer.clone()).or_insert_with(|| SiteCase {
                sagsnummer: nummer,
                titel: case.titel.clone(),
                cases: Vec::new(),
            });
            if !entry.cases.iter().any(|c| Arc::ptr_eq(c, case)) {
                entry.cases.push(case.clone());
            }
        }
    }
    out.into_values().collect()
}

/// One decision on a case's path.
#[derive(Debug, Serialize)]
pub struct Treatment {
    /// `yyyy-mm-dd`.
    pub dato: String,
    /// As people read it: "5. maj 2025".
    pub dato_lang: String,
    /// The committee's full name.
    pub udvalg: String,
    /// "Beslutning i <udvalg> den <dd-mm-åååå>".
    pub overskrift: String,
    /// The decision (HTML).
    pub tekst: minijinja::Value,
    /// The decision as written (Markdown), for the data.
    pub markdown: String,
    /// Its vote, remarks, inhabile and absent members.
    pub optegnelse: Option<RecordView>,
    /// The meeting's page (at the item), from the site's root, when the site has it.
    pub moede: Option<String>,
}

/// The case's decisions in date order, each once, each with the meeting that took it.
pub fn treatments(case: &SiteCase, meetings: &[SiteMeeting]) -> Vec<Treatment> {
    let mut decisions: Vec<&Beslutning> = Vec::new();
    for c in &case.cases {
        let Body::Sag(sag) = &c.body else { continue };
        for b in &sag.beslutninger {
            let seen = decisions
                .iter()
                .any(|d| d.udvalg.full == b.udvalg.full && d.dato == b.dato && d.tekst == b.tekst);
            if !seen {
                decisions.push(b);
            }
        }
    }
    decisions.sort_by_key(|b| (b.dato, b.order));
    decisions
        .into_iter()
        .map(|b| {
            let taken_at = meetings.iter().find(|m| {
                let meeting = m.meeting();
                meeting.udvalg.full == b.udvalg.full && meeting.dato == b.dato
            });
            let moede = taken_at.map(|m| {
                let anker = m.meeting().punkter.iter().position(|p| {
                    public_case(p)
                        .is_some_and(|c| c.sagsnummer.as_deref() == Some(&case.sagsnummer))
                });
                match anker {
                    Some(i) => format!("{}/index.html#punkt-{}", m.folder(), i + 1),
                    None => format!("{}/index.html", m.folder()),
                }
            });
            Treatment {
                dato: b.dato.iso(),
                dato_lang: b.dato.long(),
                udvalg: b.udvalg.full.clone(),
                overskrift: Markup::Html.decision_heading(&b.udvalg.full, b.dato),
                tekst: Markup::Html.md(&b.tekst, SECTION_DEPTH),
                markdown: b.tekst.clone(),
                optegnelse: record_view(
                    &b.record,
                    taken_at.map(SiteMeeting::meeting),
                    Markup::Html,
                ),
                moede,
            }
        })
        .collect()
}

#[derive(Serialize)]
struct CasePageView<'a> {
    site: SiteView,
    sagsnummer: &'a str,
    titel: &'a str,
    behandlinger: &'a [Treatment],
}

/// A case's page.
pub fn case_page(
    templates: &Templates,
    config: &Config,
    case: &SiteCase,
    behandlinger: &[Treatment],
) -> Result<String, Diagnostic> {
    templates.render_page(
        "site-sag.html.j2",
        &CasePageView {
            site: SiteView::at(config, 2),
            sagsnummer: &case.sagsnummer,
            titel: &case.titel,
            behandlinger,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_number_becomes_a_folder_name() {
        assert_eq!(folder("25/1001"), "sager/25-1001");
        assert_eq!(folder("EMN-2025-000777"), "sager/emn-2025-000777");
    }
}
