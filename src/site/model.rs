//! The meetings a site publishes: each loaded meeting with its address on the site
//! (`<udvalg>/<yyyy-mm-dd>/`), whether its minutes exist, and where its PDFs were built.

use std::path::PathBuf;
use std::sync::Arc;

use crate::loader::Loaded;
use crate::meeting::{Edition, Meeting, Punkt};

/// A meeting on the site.
pub struct SiteMeeting {
    /// The loaded meeting file (kept for its cases).
    pub loaded: Arc<Loaded>,
    /// The committee's folder on the site (`oeu`).
    pub udvalg: String,
    /// `yyyy-mm-dd`.
    pub dato: String,
    /// Whether the minutes exist (some item has this meeting's decision).
    pub referat: bool,
    /// The folder the meeting's PDFs were built into.
    pub output: PathBuf,
}

impl SiteMeeting {
    /// The meeting itself.
    pub fn meeting(&self) -> &Meeting {
        self.loaded
            .meeting()
            .expect("only loaded meetings become site meetings")
    }

    /// The edition the page shows: the public minutes when they exist, else the public
    /// agenda.
    pub fn edition(&self) -> Edition {
        if self.referat {
            Edition::ReferatOffentlig
        } else {
            Edition::DagsordenOffentlig
        }
    }

    /// The meeting's folder on the site, from the site's root.
    pub fn folder(&self) -> String {
        format!("{}/{}", self.udvalg, self.dato)
    }

    /// What the site calls the meeting: "Referat", "Dagsorden", "Planlagt møde" or
    /// "Aflyst møde".
    pub fn label(&self) -> &'static str {
        let m = self.meeting();
        if m.aflyst {
            "Aflyst møde"
        } else if m.is_planned() {
            "Planlagt møde"
        } else {
            self.edition().label()
        }
    }

    /// "Referat: Økonomiudvalget 15. marts 2021".
    pub fn title(&self) -> String {
        let m = self.meeting();
        format!("{}: {} {}", self.label(), m.udvalg.full, m.dato.long())
    }
}

/// Whether a meeting's minutes exist: an item has a decision of this meeting.
pub fn has_minutes(meeting: &Meeting) -> bool {
    meeting.punkter.iter().any(|p| match p {
        Punkt::Sag { case, .. } => meeting.decision_of(case).is_some(),
        Punkt::Staaende { beslutning, .. } => beslutning.is_some(),
    })
}

/// A committee's folder name on the site: its abbreviation (or name) as a slug, like the
/// folders `sagsgen import` names after it (`ØU` → `oeu`).
pub fn folder_name(short: &str) -> String {
    let slug = crate::danish::slug(short, usize::MAX);
    if slug.is_empty() {
        "udvalg".into()
    } else {
        slug
    }
}
