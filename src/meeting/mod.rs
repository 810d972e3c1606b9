//! Meetings (`type = "moede"`): the model, its loading, and the editions built from it
//! (dagsorden, referat, their public versions and the reading packets with attachments).

mod attachment;
mod edition;
pub(crate) mod load;

use std::path::PathBuf;

pub use attachment::{AttachmentInfo, inspect};
pub use edition::Edition;
pub use load::load_meeting;

use crate::case::{Adgang, Beslutning, Case};
use crate::committee::Committee;
use crate::dates::Date;

/// A validated meeting.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// The committee that meets.
    pub udvalg: Committee,
    /// Meeting date.
    pub dato: Date,
    /// Start time, `HH:MM`.
    pub tid: Option<String>,
    /// Place.
    pub sted: Option<String>,
    /// Members.
    pub medlemmer: Vec<String>,
    /// Members absent.
    pub afbud: Vec<String>,
    /// Items in agenda order.
    pub punkter: Vec<Punkt>,
}

/// One agenda item.
#[derive(Debug, Clone)]
pub enum Punkt {
    /// An item backed by a case file.
    Sag {
        /// The case file.
        path: PathBuf,
        /// The case.
        case: std::sync::Arc<Case>,
        /// The item's number as the source gives it (`"12a"`), when not its place.
        nummer: Option<String>,
    },
    /// A standing item written in the meeting file.
    Staaende {
        /// Title.
        titel: String,
        /// Text (Markdown).
        tekst: Option<String>,
        /// The decision for the minutes (Markdown).
        beslutning: Option<String>,
        /// The item's number as the source gives it, when not its place.
        nummer: Option<String>,
    },
}

impl Punkt {
    /// The item's title.
    pub fn titel(&self) -> &str {
        match self {
            Punkt::Sag { case, .. } => &case.titel,
            Punkt::Staaende { titel, .. } => titel,
        }
    }

    /// The item with its own number (from the meeting file).
    pub fn numbered(mut self, own: Option<String>) -> Self {
        match &mut self {
            Punkt::Sag { nummer, .. } | Punkt::Staaende { nummer, .. } => *nummer = own,
        }
        self
    }

    /// The item's own number, when it has one (otherwise its place in the agenda is).
    pub fn nummer(&self) -> Option<&str> {
        match self {
            Punkt::Sag { nummer, .. } | Punkt::Staaende { nummer, .. } => nummer.as_deref(),
        }
    }

    /// The title the public editions show: a closed case's `offentlig_titel` when it has
    /// one, else its title.
    pub fn offentlig_titel(&self) -> &str {
        match self {
            Punkt::Sag { case, .. } if case.adgang == Adgang::Lukket => case
                .felter
                .get("offentlig_titel")
                .map_or(&case.titel, |t| t),
            _ => self.titel(),
        }
    }

    /// Open or closed (standing items are always open).
    pub fn adgang(&self) -> Adgang {
        match self {
            Punkt::Sag { case, .. } => case.adgang,
            Punkt::Staaende { .. } => Adgang::Aaben,
        }
    }
}

impl Meeting {
    /// The case's decision taken at this meeting: same committee, same date.
    pub fn decision_of<'c>(&self, case: &'c Case) -> Option<&'c Beslutning> {
        let crate::case::Body::Sag(sag) = &case.body else {
            return None;
        };
        sag.beslutninger
            .iter()
            .find(|b| b.dato == self.dato && b.udvalg.full == self.udvalg.full)
    }
}
