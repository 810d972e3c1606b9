//! The case model: notat, beslutningssag and orienteringssag, as `case-format.md` defines
//! them, after validation (committees resolved, attachments checked).

pub(crate) mod entries;
pub(crate) mod load;
pub mod record;

use std::path::PathBuf;

pub use load::{CaseFile, TYPES, load_case, read_kind};

use crate::committee::Committee;
use crate::dates::Date;

/// The kind of document a case file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A memo to a committee.
    Notat,
    /// An agenda item that asks for a decision.
    Beslutningssag,
    /// An agenda item that informs.
    Orienteringssag,
}

impl Kind {
    /// The `type` value as written in a case file.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Notat => "notat",
            Self::Beslutningssag => "beslutningssag",
            Self::Orienteringssag => "orienteringssag",
        }
    }

    /// Its fields, from the field table.
    pub fn fields(&self) -> &'static [crate::field_table::Field] {
        match self {
            Self::Notat => crate::field_table::NOTAT,
            Self::Beslutningssag => crate::field_table::BESLUTNINGSSAG,
            Self::Orienteringssag => crate::field_table::ORIENTERINGSSAG,
        }
    }

    /// The kind for a `type` value.
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "notat" => Some(Self::Notat),
            "beslutningssag" => Some(Self::Beslutningssag),
            "orienteringssag" => Some(Self::Orienteringssag),
            _ => None,
        }
    }
}

/// Whether an item or attachment may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Adgang {
    /// Open: published.
    #[default]
    Aaben,
    /// Closed: internal only.
    Lukket,
}

impl Adgang {
    /// Parses `"åben"` / `"lukket"` (any case; `aaben` accepted too).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_lowercase().as_str() {
            "åben" | "aaben" => Some(Self::Aaben),
            "lukket" => Some(Self::Lukket),
            _ => None,
        }
    }

    /// The Danish label, capitalised: `Åben` / `Lukket`.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Aaben => "Åben",
            Self::Lukket => "Lukket",
        }
    }
}

/// A validated case.
#[derive(Debug, Clone)]
pub struct Case {
    /// Which document this is.
    pub kind: Kind,
    /// `titel`.
    pub titel: String,
    /// `sagsnummer`.
    pub sagsnummer: Option<String>,
    /// `dato`.
    pub dato: Option<Date>,
    /// `forfatter` (sagsbehandler).
    pub forfatter: Option<String>,
    /// `afsender`.
    pub afsender: Option<String>,
    /// `adgang`.
    pub adgang: Adgang,
    /// `udkast`.
    pub udkast: bool,
    /// `emneord`.
    pub emneord: Vec<String>,
    /// Every one-line text field present, by its name in the field table — the named
    /// fields above among them. A text field added to the table reaches the templates
    /// here (`doc.felter.<name>`) without code of its own.
    pub felter: std::collections::BTreeMap<&'static str, String>,
    /// The kind-specific fields.
    pub body: Body,
}

/// The fields that differ by kind.
#[derive(Debug, Clone)]
pub enum Body {
    /// A notat's fields.
    Notat(Notat),
    /// A beslutningssag's or orienteringssag's fields.
    Sag(Box<Sag>),
}

/// The fields of a notat.
#[derive(Debug, Clone)]
pub struct Notat {
    /// `til`.
    pub til: String,
    /// `fra`.
    pub fra: Option<String>,
    /// `tekst` (Markdown).
    pub tekst: String,
}

/// The fields of a beslutningssag or orienteringssag.
#[derive(Debug, Clone, Default)]
pub struct Sag {
    /// `udvalg`.
    pub udvalg: Vec<Committee>,
    /// `beslutningskompetence`.
    pub beslutningskompetence: Option<Committee>,
    /// The standard Markdown sections present (`beslutningstema`, `sagsfremstilling`, …),
    /// in the order of the field table.
    pub sektioner: Vec<Sektion>,
    /// `[[afsnit]]`: sections beyond the standard ones, in file order.
    pub afsnit: Vec<Afsnit>,
    /// `overskrifter`: headings shown instead of the standard ones, by field.
    pub overskrifter: std::collections::BTreeMap<&'static str, String>,
    /// `[[lovgrundlag]]`.
    pub lovgrundlag: Vec<Lov>,
    /// `[[beslutninger]]`.
    pub beslutninger: Vec<Beslutning>,
    /// `[[bilag]]`.
    pub bilag: Vec<Bilag>,
}

/// One standard Markdown section of a case: a field of the field table with a heading.
#[derive(Debug, Clone)]
pub struct Sektion {
    /// The field (`sagsfremstilling`).
    pub felt: &'static str,
    /// Its heading in the document (`Sagsfremstilling`).
    pub overskrift: &'static str,
    /// The text (Markdown).
    pub tekst: String,
}

/// One `[[afsnit]]` entry: a section beyond the standard ones.
#[derive(Debug, Clone)]
pub struct Afsnit {
    /// Its heading (none: the text stands on its own, as in the source it came from).
    pub overskrift: Option<String>,
    /// The text (Markdown).
    pub tekst: String,
    /// Where it stands.
    pub placering: Placering,
    /// Where the entry starts in the file: entries placed alike stand in file order.
    pub order: usize,
}

/// Where an extra section stands among the standard sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placering {
    /// Before this standard section (its field name).
    Foer(&'static str),
    /// After this standard section.
    Efter(&'static str),
    /// After all standard sections.
    Sidst,
}

/// One `[[lovgrundlag]]` entry.
#[derive(Debug, Clone)]
pub struct Lov {
    /// The law's title.
    pub titel: String,
    /// E.g. `LBK nr. 102 af 29/01/2018`.
    pub henvisning: Option<String>,
    /// An `https://` address.
    pub url: Option<String>,
}

/// One `[[beslutninger]]` entry.
#[derive(Debug, Clone)]
pub struct Beslutning {
    /// The committee that decided.
    pub udvalg: Committee,
    /// When.
    pub dato: Date,
    /// The decision (Markdown).
    pub tekst: String,
    /// What may be published of a decision on a closed item (Markdown).
    pub offentlig_tekst: Option<String>,
    /// Its heading, when not the standard one.
    pub overskrift: Option<String>,
    /// Where it stands among the sections (none: after all of them).
    pub placering: Option<Placering>,
    /// Where the entry starts in the file: entries placed alike stand in file order.
    pub order: usize,
    /// The vote, remarks, inhabile and absent members of the decision.
    pub record: record::Record,
}

/// One `[[bilag]]` entry.
#[derive(Debug, Clone)]
pub struct Bilag {
    /// Title.
    pub titel: String,
    /// Document number in the ESDH system.
    pub dokumentnummer: Option<String>,
    /// Reference shown in parentheses.
    pub henvisning: Option<String>,
    /// Short marker shown in its own parentheses.
    pub markering: Option<String>,
    /// Open or closed.
    pub adgang: Adgang,
    /// The attached PDF, canonical path inside the project.
    pub fil: Option<PathBuf>,
}
