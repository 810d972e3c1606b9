//! The pages of the site, rendered from views through the HTML templates
//! (`site-*.html.j2`, overridable in the project's `templates/` like the Typst ones). A
//! meeting's page gets the very view its public PDF gets, with its Markdown as HTML.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::model::SiteMeeting;
use crate::case::{Adgang, Body};
use crate::diag::Diagnostic;
use crate::meeting::{Edition, Punkt};
use crate::project::Config;
use crate::render::meeting_view::{self, Inspected, MeetingDocView};
use crate::render::templates::Templates;
use crate::render::view::Markup;

/// What every page knows of the site.
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// The organisation's name.
    pub org: String,
    /// The way from the page back to the site's root (`../../`).
    pub rod: String,
    /// The organisation's address, for the footer.
    pub adresse: Option<String>,
    /// The logo on the site, from its root (`logo.svg`), when the project has one.
    pub logo: Option<String>,
    /// The accessibility statement, linked from every page.
    pub tilgaengelighedserklaering: Option<String>,
    /// The open data's licence.
    pub licens: Option<String>,
}

impl SiteView {
    /// For a page `depth` folders below the root.
    pub fn at(config: &Config, depth: usize) -> Self {
        let org = if config.organisation.navn.is_empty() {
            "Dagsordener og referater".to_string()
        } else {
            config.organisation.navn.clone()
        };
        Self {
            org,
            rod: "../".repeat(depth),
            adresse: config.organisation.adresse.clone(),
            logo: logo_on_site(config),
            tilgaengelighedserklaering: config.site.tilgaengelighedserklaering.clone(),
            licens: config.site.licens.clone(),
        }
    }
}

/// Where the site keeps the project's logo: `logo.<ext>` at its root.
pub fn logo_on_site(config: &Config) -> Option<String> {
    let logo = config.organisation.logo.as_ref()?;
    let ext = Path::new(logo).extension()?.to_str()?.to_ascii_lowercase();
    Some(format!("logo.{ext}"))
}

/// A link: its text and address.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// The text.
    pub titel: String,
    /// The address, relative to the page.
    pub adresse: String,
}

/// A file the site copies from the project or the build.
#[derive(Debug, Clone)]
pub struct Copied {
    /// Where it goes, from the site's root.
    pub to: String,
    /// Where it is.
    pub from: PathBuf,
}

/// A meeting's page and what it links to.
pub struct MeetingPage {
    /// The page's HTML.
    pub html: String,
    /// The public PDFs and open attachments it links to.
    pub copies: Vec<Copied>,
    /// The view (for the JSON data).
    pub view: MeetingDocView,
    /// The meeting's documents, relative to its folder.
    pub dokumenter: Vec<LinkView>,
    /// Attachment addresses by `"<anker>-<nummer>"`, relative to the meeting's folder.
    pub bilag: BTreeMap<String, String>,
    /// The public PDFs that were not built.
    pub missing: Vec<PathBuf>,
}

#[derive(Serialize)]
struct MeetingPageView<'a> {
    site: SiteView,
    m: &'a MeetingDocView,
    dokumenter: &'a [LinkView],
    bilag: &'a BTreeMap<String, String>,
    udvalg_adresse: &'a str,
    /// "Referat", "Dagsorden", "Planlagt møde" or "Aflyst møde".
    label: &'static str,
    /// What the page says of a meeting without documents.
    status: Option<&'static str>,
    /// Each item's case page by its `anker`, from the meeting's folder.
    sager: &'a BTreeMap<usize, String>,
    /// Why an attachment the page lists has no file, by `"<anker>-<nummer>"`.
    uden_fil: &'a BTreeMap<String, &'static str>,
}

/// The public PDFs a meeting page links to: (edition built, name on the site, text).
const DOCUMENTS: [(Edition, &str, &str); 3] = [
    (Edition::DagsordenOffentlig, "dagsorden.pdf", "Dagsorden"),
    (Edition::ReferatOffentlig, "referat.pdf", "Referat"),
    (
        Edition::DagsordenOffentligMedBilag,
        "dagsorden-med-bilag.pdf",
        "Dagsorden med bilag",
    ),
];

/// Renders a meeting's page.
pub fn meeting_page(
    templates: &Templates,
    config: &Config,
    root: &Path,
    site_meeting: &SiteMeeting,
) -> Result<MeetingPage, Diagnostic> {
    let meeting = site_meeting.meeting();
    let edition = site_meeting.edition();
    let inspected = Inspected::new();
    let view = meeting_view::meeting(meeting, edition, config, root, &inspected, Markup::Html);
    let folder = site_meeting.folder();
    let mut copies = Vec::new();
    let mut dokumenter = Vec::new();
    let mut missing = Vec::new();
    // A planned or cancelled meeting has no documents to link to.
    let documents = if meeting.has_documents() {
        &DOCUMENTS[..]
    } else {
        &[]
    };
    for &(built, name, titel) in documents {
        if built == Edition::ReferatOffentlig && !site_meeting.referat {
            continue;
        }
        let from = site_meeting
            .output
            .join(format!("{}.pdf", built.file_stem()));
        if from.is_file() {
            copies.push(Copied {
                to: format!("{folder}/{name}"),
                from,
            });
            dokumenter.push(LinkView {
                titel: titel.to_string(),
                adresse: name.to_string(),
            });
        } else {
            missing.push(from);
        }
    }
    let (bilag, uden_fil) = attachments(site_meeting, &folder, &mut copies);
    let status = if meeting.aflyst {
        Some("Mødet er aflyst.")
    } else if meeting.is_planned() {
        Some("Mødet er planlagt. Dagsordenen offentliggøres her, når den foreligger.")
    } else {
        None
    };
    let sager = super::cases::item_links(meeting);
    let html = templates.render_page(
        "site-moede.html.j2",
        &MeetingPageView {
            site: SiteView::at(config, 2),
            m: &view,
            dokumenter: &dokumenter,
            bilag: &bilag,
            udvalg_adresse: "../index.html",
            label: site_meeting.label(),
            status,
            sager: &sager,
            uden_fil: &uden_fil,
        },
    )?;
    Ok(MeetingPage {
        html,
        copies,
        view,
        dokumenter,
        bilag,
        missing,
    })
}

/// The open attachments of the open items, copied beside the page; every attachment the
/// page lists has an entry (empty when it has no file), so the template can look it up,
/// and one without a file says why: an imported case's attachment was not in the export,
/// another was not published as a file.
fn attachments(
    site_meeting: &SiteMeeting,
    folder: &str,
    copies: &mut Vec<Copied>,
) -> (BTreeMap<String, String>, BTreeMap<String, &'static str>) {
    let mut out = BTreeMap::new();
    let mut why = BTreeMap::new();
    for (i, punkt) in site_meeting.meeting().punkter.iter().enumerate() {
        let anker = i + 1;
        let Punkt::Sag { case, .. } = punkt else {
            continue;
        };
        if case.adgang == Adgang::Lukket {
            continue;
        }
        let Body::Sag(sag) = &case.body else {
            continue;
        };
        let imported = case.felter.contains_key("kilde");
        for (n, b) in sag.bilag.iter().enumerate() {
            let nummer = n + 1;
            let key = format!("{anker}-{nummer}");
            match (&b.fil, b.adgang) {
                (Some(fil), Adgang::Aaben) => {
                    let name = format!("bilag/punkt-{anker}-{nummer}.pdf");
                    copies.push(Copied {
                        to: format!("{folder}/{name}"),
                        from: fil.clone(),
                    });
                    out.insert(key, name);
                }
                _ => {
                    let reason = if imported {
                        "ikke med i udtrækket"
                    } else {
                        "ikke offentliggjort som fil"
                    };
                    why.insert(key.clone(), reason);
                    out.insert(key, String::new());
                }
            }
        }
    }
    (out, why)
}

#[derive(Serialize)]
struct CommitteeLink {
    navn: String,
    adresse: String,
}

#[derive(Serialize)]
struct FrontView<'a> {
    site: SiteView,
    udvalg: Vec<CommitteeLink>,
    seneste: &'a [LinkView],
    kommende: &'a [LinkView],
    planlagte: &'a [LinkView],
}

/// How many meetings the front page lists in each of its lists.
const FRONT_PAGE_MEETINGS: usize = 10;

/// The front page: the committees, the latest minutes and the meetings whose minutes do
/// not exist yet (newest and soonest first; decided by the data, not by today's date, so
/// the same input gives the same page).
pub fn front_page(
    templates: &Templates,
    config: &Config,
    committees: &[(String, String)],
    meetings: &[SiteMeeting],
) -> Result<String, Diagnostic> {
    let link = |m: &SiteMeeting| LinkView {
        titel: m.title(),
        adresse: format!("{}/index.html", m.folder()),
    };
    let mut minutes: Vec<&SiteMeeting> = meetings.iter().filter(|m| m.referat).collect();
    minutes.sort_by(|a, b| b.dato.cmp(&a.dato).then(a.udvalg.cmp(&b.udvalg)));
    let mut agendas: Vec<&SiteMeeting> = meetings
        .iter()
        .filter(|m| !m.referat && m.meeting().has_documents())
        .collect();
    let mut planned: Vec<&SiteMeeting> = meetings
        .iter()
        .filter(|m| !m.meeting().has_documents())
        .collect();
    planned.sort_by(|a, b| a.dato.cmp(&b.dato).then(a.udvalg.cmp(&b.udvalg)));
    let planlagte: Vec<LinkView> = planned
        .into_iter()
        .take(FRONT_PAGE_MEETINGS)
        .map(link)
        .collect();
    agendas.sort_by(|a, b| a.dato.cmp(&b.dato).then(a.udvalg.cmp(&b.udvalg)));
    let seneste: Vec<LinkView> = minutes
        .into_iter()
        .take(FRONT_PAGE_MEETINGS)
        .map(link)
        .collect();
    let kommende: Vec<LinkView> = agendas
        .into_iter()
        .take(FRONT_PAGE_MEETINGS)
        .map(link)
        .collect();
    templates.render_page(
        "site-forside.html.j2",
        &FrontView {
            site: SiteView::at(config, 0),
            udvalg: committees
                .iter()
                .map(|(folder, navn)| CommitteeLink {
                    navn: navn.clone(),
                    adresse: format!("{folder}/index.html"),
                })
                .collect(),
            seneste: &seneste,
            kommende: &kommende,
            planlagte: &planlagte,
        },
    )
}

#[derive(Serialize)]
struct CommitteeName<'a> {
    navn: &'a str,
}

#[derive(Serialize)]
struct YearView {
    aar: u16,
    moeder: Vec<LinkView>,
}

#[derive(Serialize)]
struct CommitteeView<'a> {
    site: SiteView,
    udvalg: CommitteeName<'a>,
    aar: Vec<YearView>,
}

/// A committee's page: its meetings by year, newest first.
pub fn committee_page(
    templates: &Templates,
    config: &Config,
    navn: &str,
    meetings: &[&SiteMeeting],
) -> Result<String, Diagnostic> {
    let mut sorted: Vec<&&SiteMeeting> = meetings.iter().collect();
    sorted.sort_by(|a, b| b.dato.cmp(&a.dato));
    let mut aar: Vec<YearView> = Vec::new();
    for m in sorted {
        let year = m.meeting().dato.year;
        let link = LinkView {
            titel: format!("{} – {}", m.meeting().dato.long(), m.label()),
            adresse: format!("{}/index.html", m.dato),
        };
        match aar.last_mut() {
            Some(y) if y.aar == year => y.moeder.push(link),
            _ => aar.push(YearView {
                aar: year,
                moeder: vec![link],
            }),
        }
    }
    templates.render_page(
        "site-udvalg.html.j2",
        &CommitteeView {
            site: SiteView::at(config, 1),
            udvalg: CommitteeName { navn },
            aar,
        },
    )
}

#[derive(Serialize)]
struct SearchView {
    site: SiteView,
}

/// The search page.
pub fn search_page(templates: &Templates, config: &Config) -> Result<String, Diagnostic> {
    templates.render_page(
        "site-soeg.html.j2",
        &SearchView {
            site: SiteView::at(config, 1),
        },
    )
}
