//! Meetings (`type = "moede"`): the model, its loading, and the editions built from it
//! (dagsorden, referat, their public versions and the reading packets with attachments).

mod attachment;
mod attendance;
mod edition;
pub(crate) mod load;

use std::path::PathBuf;

pub use attachment::{AttachmentInfo, inspect, text_string};
pub use attendance::votes_of;
pub use edition::Edition;
pub use load::{ItemCase, load_meeting};

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
    pub medlemmer: Vec<Medlem>,
    /// Members absent.
    pub afbud: Vec<String>,
    /// Substitutes, each with the member they sat in for.
    pub stedfortraedere: Vec<Stedfortraeder>,
    /// Who approved the minutes, and when.
    pub godkendelse: Option<Godkendelse>,
    /// Whether the meeting was cancelled.
    pub aflyst: bool,
    /// Items in agenda order (none: a planned meeting).
    pub punkter: Vec<Punkt>,
}

/// A member of the committee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medlem {
    /// Name.
    pub navn: String,
    /// Party letter.
    pub parti: Option<String>,
    /// `formand` or `næstformand`.
    pub rolle: Option<Rolle>,
}

impl Medlem {
    /// A member given by name only.
    pub fn named(navn: impl Into<String>) -> Self {
        Self {
            navn: navn.into(),
            parti: None,
            rolle: None,
        }
    }

    /// As lists show the member: "Navn (A), formand" (only what is given).
    pub fn shown(&self) -> String {
        let mut out = self.navn.clone();
        if let Some(parti) = &self.parti {
            out.push_str(&format!(" ({parti})"));
        }
        if let Some(rolle) = self.rolle {
            out.push_str(&format!(", {}", rolle.name()));
        }
        out
    }
}

/// A member's role in the committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rolle {
    /// The chair.
    Formand,
    /// The vice-chair.
    Naestformand,
}

impl Rolle {
    /// As written in Danish.
    pub fn name(self) -> &'static str {
        match self {
            Rolle::Formand => "formand",
            Rolle::Naestformand => "næstformand",
        }
    }
}

/// A substitute and the member they sat in for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stedfortraeder {
    /// The substitute.
    pub navn: String,
    /// The member.
    pub for_: String,
}

/// Who approved the minutes, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Godkendelse {
    /// The day.
    pub dato: Date,
    /// The members who approved them.
    pub af: Vec<String>,
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
    /// A planned meeting: no items yet (no documents; the site lists it).
    pub fn is_planned(&self) -> bool {
        self.punkter.is_empty()
    }

    /// Whether the meeting makes documents: it has items and was not cancelled.
    pub fn has_documents(&self) -> bool {
        !self.is_planned() && !self.aflyst
    }

    /// Whether the file keeps the record of who attended (substitutes, an approval, or
    /// members with party or role): then the minutes show who was present and end with an
    /// approval page. Older files without it build as they always did.
    pub fn keeps_attendance(&self) -> bool {
        !self.stedfortraedere.is_empty()
            || self.godkendelse.is_some()
            || self
                .medlemmer
                .iter()
                .any(|m| m.parti.is_some() || m.rolle.is_some())
    }

    /// The members present: every member without `afbud`, then the substitutes.
    pub fn present(&self) -> Vec<Present<'_>> {
        let absent = |name: &str| self.afbud.iter().any(|a| same_person(a, name));
        let mut out: Vec<Present<'_>> = self
            .medlemmer
            .iter()
            .filter(|m| !absent(&m.navn))
            .map(|m| Present {
                navn: &m.navn,
                parti: m.parti.as_deref(),
                for_: None,
            })
            .collect();
        for s in &self.stedfortraedere {
            // A substitute sits in the member's seat, for the member's party.
            let parti = self
                .medlemmer
                .iter()
                .find(|m| same_person(&m.navn, &s.for_))
                .and_then(|m| m.parti.as_deref());
            out.push(Present {
                navn: &s.navn,
                parti,
                for_: Some(&s.for_),
            });
        }
        out
    }

    /// Whether the meeting knows a person by this name: a member or a substitute.
    pub fn knows(&self, name: &str) -> bool {
        self.medlemmer.iter().any(|m| same_person(&m.navn, name))
            || self
                .stedfortraedere
                .iter()
                .any(|s| same_person(&s.navn, name))
    }

    /// Whether `name` is a party letter of one of the members (or looks like one: a few
    /// capitals).
    pub fn is_party(&self, name: &str) -> bool {
        let name = name.trim();
        self.medlemmer
            .iter()
            .any(|m| m.parti.as_deref() == Some(name))
            || looks_like_party(name)
    }

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

/// One person present at a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Present<'m> {
    /// Name.
    pub navn: &'m str,
    /// Party letter (a substitute's: the member's).
    pub parti: Option<&'m str>,
    /// For a substitute: the member they sat in for.
    pub for_: Option<&'m str>,
}

/// Whether a name is written as a party letter: one to three capitals ("A", "SF").
pub fn looks_like_party(name: &str) -> bool {
    let name = name.trim();
    (1..=3).contains(&name.chars().count()) && name.chars().all(char::is_uppercase)
}

/// Whether two spellings name one person: the same words, letter case and spacing aside,
/// and a trailing party in parentheses ("Anne Hansen (A)") aside.
pub fn same_person(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim();
        let s = match s.rfind(" (") {
            Some(i) if s.ends_with(')') => &s[..i],
            _ => s,
        };
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}
