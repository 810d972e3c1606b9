//! What every reader makes of an export: meetings, their items, each item's sections in
//! the source's order, and its attachments — still as the source wrote them (captions as
//! written, contents as HTML), before anything is mapped to sagsgen's fields.

use std::path::PathBuf;

use crate::dates::Date;

/// The systems whose exports `sagsgen import` reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum System {
    /// SBSYS "Publication" XML.
    Sbsys,
    /// Acadre agenda XML (with or without its publishing manifest).
    Acadre,
    /// eDoc agenda XML (the Fujitsu agenda schema and eDocAgendaPublishing).
    Edoc,
    /// A FirstAgenda Publication page (agenda or minutes) saved from the site.
    FirstAgenda,
    /// An XML format the project describes in `sagsgen.toml`, by the name it is given there.
    Described(String),
}

impl System {
    /// The system's name as users know it.
    pub fn name(&self) -> &str {
        match self {
            System::Described(name) => name,
            System::Sbsys => "SBSYS",
            System::Acadre => "Acadre",
            System::Edoc => "eDoc",
            System::FirstAgenda => "FirstAgenda Publication",
        }
    }
}

/// A committee as the source names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCommittee {
    /// The full name.
    pub name: String,
    /// The abbreviation, when the source gives one.
    pub short: Option<String>,
}

/// One meeting of an export.
#[derive(Debug, Clone)]
pub struct SourceMeeting {
    /// The system it came from.
    pub system: System,
    /// The export file it was read from.
    pub file: PathBuf,
    /// The committee.
    pub udvalg: SourceCommittee,
    /// The meeting's date.
    pub dato: Date,
    /// Its time of day ("16:30"), when given.
    pub tid: Option<String>,
    /// Where it is held.
    pub sted: Option<String>,
    /// The members.
    pub medlemmer: Vec<String>,
    /// Members who sent apologies.
    pub afbud: Vec<String>,
    /// The items in order.
    pub items: Vec<SourceItem>,
    /// What the reader left out of the items on purpose, and why (said in the report).
    pub notes: Vec<crate::i18n::Message>,
    /// The organisation (municipality or region) the export says it comes from.
    pub organisation: Option<String>,
}

/// One agenda item.
#[derive(Debug, Clone, Default)]
pub struct SourceItem {
    /// The item's number as the source gives it ("1.1", "12a").
    pub nummer: Option<String>,
    /// Its title.
    pub titel: String,
    /// The neutral title the public sees of a closed item, when the source has one.
    pub offentlig_titel: Option<String>,
    /// The case number in the case-management system.
    pub sagsnummer: Option<String>,
    /// The case worker, where the export names one.
    pub forfatter: Option<String>,
    /// Whether the item is open to the public.
    pub aaben: bool,
    /// The sections in the source's order.
    pub sections: Vec<SourceSection>,
    /// The attachments in order.
    pub bilag: Vec<SourceAttachment>,
    /// Members the export lists as absent from this item.
    pub fravaerende: Vec<String>,
    /// All the text the export holds of the item, taken apart from how it was read into
    /// sections (an XML item element's text less the format's bookkeeping, a page's item
    /// as a browser shows it), when the reader has it: what the import's own check counts
    /// the words of.
    pub shown_text: Option<String>,
}

/// One section of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSection {
    /// The caption as written (may be empty).
    pub caption: String,
    /// The content as HTML.
    pub html: String,
    /// Whether the source marks it as a decision (SBSYS `IsFeedback`, eDoc `IsDecision`).
    pub decision: bool,
}

/// One attachment of an item.
#[derive(Debug, Clone, Default)]
pub struct SourceAttachment {
    /// Its title.
    pub titel: String,
    /// Its document number in the case-management system, when given.
    pub dokumentnummer: Option<String>,
    /// Whether it is open to the public.
    pub aaben: bool,
    /// The file as the export names it, relative to the export file's folder.
    pub fil: Option<PathBuf>,
}
