//! The record of a decision beyond its text, as the minutes must hold it: the vote
//! (`afstemning`), members' dissent entered in the minutes (`protokolbemaerkninger`,
//! kommunestyrelsesloven § 13, stk. 2), members who took no part because of inhabilitet
//! (`inhabile`) and members absent from the item (`fravaerende`).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::field_table::{AFSTEMNING, PROTOKOLBEMAERKNING, is_required};
use crate::input::fields::{Fields, Reader, describe};
use crate::tr;

/// What the minutes record of one decision besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// How the committee voted.
    pub afstemning: Option<Afstemning>,
    /// Dissent entered in the minutes.
    pub protokolbemaerkninger: Vec<Protokolbemaerkning>,
    /// Members who took no part because of inhabilitet.
    pub inhabile: Vec<String>,
    /// Members absent from this item only.
    pub fravaerende: Vec<String>,
}

impl Record {
    /// Whether there is nothing to record.
    pub fn is_empty(&self) -> bool {
        self.afstemning.is_none()
            && self.protokolbemaerkninger.is_empty()
            && self.inhabile.is_empty()
            && self.fravaerende.is_empty()
    }

    /// Every name the record gives (votes by name, remarks, inhabile, absent), with what
    /// it names it as: for the meeting to check against its members.
    pub fn names(&self) -> Vec<(&'static str, &str)> {
        let mut out: Vec<(&'static str, &str)> = Vec::new();
        if let Some(a) = &self.afstemning {
            for (field, votes) in [("for", &a.for_), ("imod", &a.imod), ("undlod", &a.undlod)] {
                if let Some(Stemmer::Hvem(names)) = votes {
                    out.extend(names.iter().map(|n| (field, n.as_str())));
                }
            }
        }
        out.extend(
            self.protokolbemaerkninger
                .iter()
                .map(|p| ("protokolbemaerkninger", p.af.as_str())),
        );
        out.extend(self.inhabile.iter().map(|n| ("inhabile", n.as_str())));
        out.extend(self.fravaerende.iter().map(|n| ("fravaerende", n.as_str())));
        out
    }
}

/// A vote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Afstemning {
    /// For.
    pub for_: Option<Stemmer>,
    /// Against.
    pub imod: Option<Stemmer>,
    /// Abstained.
    pub undlod: Option<Stemmer>,
    /// The outcome, when given.
    pub resultat: Option<Resultat>,
}

impl Afstemning {
    /// The votes given as numbers, added up (`None` when some are given by name).
    pub fn counted(&self) -> Option<u32> {
        let mut sum = 0;
        let mut any = false;
        for votes in [&self.for_, &self.imod, &self.undlod].into_iter().flatten() {
            match votes {
                Stemmer::Antal(n) => {
                    sum += n;
                    any = true;
                }
                Stemmer::Hvem(_) => return None,
            }
        }
        any.then_some(sum)
    }
}

/// One side of a vote: how many, or who.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stemmer {
    /// A number of votes.
    Antal(u32),
    /// Who voted so: party letters or members' names.
    Hvem(Vec<String>),
}

/// The outcome of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resultat {
    /// Carried.
    Vedtaget,
    /// Rejected.
    Forkastet,
}

/// A member's or party's dissent entered in the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protokolbemaerkning {
    /// A member or a party.
    pub af: String,
    /// The remark (Markdown).
    pub tekst: String,
}

/// Reads the record's fields of one `[[beslutninger]]` entry.
pub fn load_record(reader: &mut Reader, fields: &Fields<'_, '_>) -> Record {
    Record {
        afstemning: fields
            .table(reader, "afstemning")
            .and_then(|(t, span)| load_afstemning(reader, t, span)),
        protokolbemaerkninger: fields
            .tables(reader, "protokolbemaerkninger")
            .into_iter()
            .filter_map(|(t, span)| load_remark(reader, t, span))
            .collect(),
        inhabile: names(reader, fields, "inhabile"),
        fravaerende: names(reader, fields, "fravaerende"),
    }
}

fn names(reader: &mut Reader, fields: &Fields<'_, '_>, name: &str) -> Vec<String> {
    fields
        .texts(reader, name)
        .into_iter()
        .map(|s| s.into_inner().trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn load_afstemning(
    reader: &mut Reader,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<Afstemning> {
    let anchor = reader.first_line(span);
    let names = crate::field_table::names(AFSTEMNING.fields);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-afstemning"),
        anchor.clone(),
        &names,
    );
    let afstemning = Afstemning {
        for_: votes(reader, &fields, "for"),
        imod: votes(reader, &fields, "imod"),
        undlod: votes(reader, &fields, "undlod"),
        resultat: fields
            .choice(
                reader,
                "resultat",
                crate::field_table::choices(AFSTEMNING.fields, "resultat"),
                tr!("resultat-unknown"),
                tr!("resultat-unknown.help"),
            )
            .map(|i| [Resultat::Vedtaget, Resultat::Forkastet][i]),
    };
    if afstemning == Afstemning::default() {
        reader.warning(anchor, tr!("afstemning-empty"));
        return None;
    }
    Some(afstemning)
}

/// `for`, `imod` or `undlod`: a number of votes, or a list of who.
fn votes(reader: &mut Reader, fields: &Fields<'_, '_>, name: &str) -> Option<Stemmer> {
    let value = fields.value(name)?;
    match value.get_ref() {
        DeValue::Integer(i) => match u32::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Some(Stemmer::Antal(n)),
            Err(_) => {
                reader.error(
                    value.span(),
                    tr!("votes-negative", field = name, written = i.as_str()),
                );
                None
            }
        },
        DeValue::String(_) | DeValue::Array(_) => {
            let who: Vec<String> = fields
                .texts(reader, name)
                .into_iter()
                .map(|s| s.into_inner().trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            Some(Stemmer::Hvem(who))
        }
        other => {
            reader.error(
                value.span(),
                tr!("votes-wrong-kind", field = name, found = describe(other)),
            );
            None
        }
    }
}

fn load_remark(
    reader: &mut Reader,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<Protokolbemaerkning> {
    let anchor = reader.first_line(span);
    let names = crate::field_table::names(PROTOKOLBEMAERKNING.fields);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-entry", entry = "beslutninger.protokolbemaerkninger"),
        anchor,
        &names,
    );
    let need = |name| is_required(PROTOKOLBEMAERKNING.fields, name);
    let af = fields.text(reader, "af", need("af"));
    let tekst = fields.markdown(reader, "tekst", need("tekst"));
    Some(Protokolbemaerkning {
        af: af?.trim().to_string(),
        tekst: tekst?,
    })
}
