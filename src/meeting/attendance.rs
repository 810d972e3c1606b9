//! Who attended a meeting, as its file records it — members (names, or `{ navn, parti,
//! rolle }`), substitutes and the approval of the minutes — and the checks of each item's
//! record of its decision against them: names the meeting does not know are warnings, more
//! votes than members present is an error.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Godkendelse, Medlem, Meeting, Punkt, Rolle, Stedfortraeder};
use crate::case::record::{Record, Stemmer};
use crate::field_table::{GODKENDELSE, MEDLEM, STEDFORTRAEDER, is_required, names};
use crate::input::fields::{Fields, Reader, describe};
use crate::tr;

/// `medlemmer`: names, or tables `{ navn, parti, rolle }`, or both.
pub fn members(reader: &mut Reader, fields: &Fields<'_, '_>) -> Vec<Medlem> {
    let Some(value) = fields.value("medlemmer") else {
        return Vec::new();
    };
    let items: Vec<&toml::Spanned<DeValue<'_>>> = match value.get_ref() {
        DeValue::Array(items) => items.iter().collect(),
        _ => vec![value],
    };
    items
        .into_iter()
        .filter_map(|item| member(reader, item))
        .collect()
}

fn member(reader: &mut Reader, item: &toml::Spanned<DeValue<'_>>) -> Option<Medlem> {
    match item.get_ref() {
        DeValue::String(name) if !name.trim().is_empty() => Some(Medlem::named(name.trim())),
        DeValue::Table(table) => member_table(reader, table, item.span()),
        other => {
            reader.error(
                item.span(),
                tr!("member-wrong-kind", found = describe(other)),
            );
            None
        }
    }
}

fn member_table(reader: &mut Reader, table: &DeTable<'_>, span: Range<usize>) -> Option<Medlem> {
    let anchor = reader.first_line(span);
    let known = names(MEDLEM.fields);
    let fields = Fields::new(reader, table, tr!("table-member"), anchor, &known);
    let navn = fields.text(reader, "navn", is_required(MEDLEM.fields, "navn"));
    let parti = fields
        .text(reader, "parti", false)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    let rolle = fields
        .choice(
            reader,
            "rolle",
            crate::field_table::choices(MEDLEM.fields, "rolle"),
            tr!("rolle-unknown"),
            tr!("rolle-unknown.help"),
        )
        .map(|i| [Rolle::Formand, Rolle::Naestformand][i]);
    Some(Medlem {
        navn: navn?.trim().to_string(),
        parti,
        rolle,
    })
}

/// `[[stedfortraedere]]`: `{ navn, for }` each.
pub fn substitutes(reader: &mut Reader, fields: &Fields<'_, '_>) -> Vec<Stedfortraeder> {
    let known = names(STEDFORTRAEDER.fields);
    let mut out = Vec::new();
    for (table, span) in fields.tables(reader, "stedfortraedere") {
        let anchor = reader.first_line(span);
        let entry = Fields::new(
            reader,
            table,
            tr!("table-entry", entry = "stedfortraedere"),
            anchor,
            &known,
        );
        let navn = entry.text(reader, "navn", true);
        let for_ = entry.text(reader, "for", true);
        if let (Some(navn), Some(for_)) = (navn, for_) {
            out.push(Stedfortraeder {
                navn: navn.trim().to_string(),
                for_: for_.trim().to_string(),
            });
        }
    }
    out
}

/// `godkendelse = { dato, af }`.
pub fn approval(reader: &mut Reader, fields: &Fields<'_, '_>) -> Option<Godkendelse> {
    let (table, span) = fields.table(reader, "godkendelse")?;
    let anchor = reader.first_line(span);
    let known = names(GODKENDELSE.fields);
    let entry = Fields::new(
        reader,
        table,
        tr!("table-godkendelse"),
        anchor.clone(),
        &known,
    );
    let dato = entry.date(reader, "dato", is_required(GODKENDELSE.fields, "dato"));
    if !entry.has("af") {
        entry.missing(reader, "af", "[\"Navn Navnesen\"]");
    }
    let af: Vec<String> = entry
        .texts(reader, "af")
        .into_iter()
        .map(|s| s.into_inner().trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Some(Godkendelse { dato: dato?, af })
}

/// The meeting's own checks: a substitute sits in for a member; those who approved the
/// minutes were there; the minutes are approved on or after the meeting.
pub fn check(reader: &mut Reader, meeting: &Meeting, fields: &Fields<'_, '_>) {
    let listed = !meeting.medlemmer.is_empty();
    for s in &meeting.stedfortraedere {
        if listed
            && !meeting
                .medlemmer
                .iter()
                .any(|m| super::same_person(&m.navn, &s.for_))
        {
            let span = fields.value_span("stedfortraedere").unwrap_or(0..0);
            let anchor = reader.first_line(span);
            reader.warning(
                anchor,
                tr!("substitute-for-unknown", name = &s.navn, replaced = &s.for_),
            );
        }
    }
    let Some(godkendelse) = &meeting.godkendelse else {
        return;
    };
    let span = fields.value_span("godkendelse").unwrap_or(0..0);
    if godkendelse.dato < meeting.dato {
        reader.warning(
            span.clone(),
            tr!(
                "approval-before-meeting",
                approved = godkendelse.dato.short(),
                meeting = meeting.dato.short()
            ),
        );
    }
    let present = meeting.present();
    for name in &godkendelse.af {
        let was_there = present.iter().any(|p| super::same_person(p.navn, name));
        if listed && !was_there {
            reader.warning(span.clone(), tr!("approval-by-absent", name = name));
        }
    }
}

/// An item's checks against the meeting: its decision's record names people the meeting
/// knows, and counts no more votes than members present; a decision of this committee
/// dated after the meeting is suspicious.
pub fn check_item(reader: &mut Reader, meeting: &Meeting, punkt: &Punkt, span: Range<usize>) {
    let Punkt::Sag { case, .. } = punkt else {
        return;
    };
    let crate::case::Body::Sag(sag) = &case.body else {
        return;
    };
    let anchor = reader.first_line(span);
    for later in sag
        .beslutninger
        .iter()
        .filter(|b| b.udvalg.full == meeting.udvalg.full && b.dato > meeting.dato)
    {
        reader.warning(
            anchor.clone(),
            tr!(
                "decision-after-meeting",
                title = punkt.titel(),
                committee = &meeting.udvalg.full,
                date = later.dato.short(),
                meeting = meeting.dato.short()
            ),
        );
    }
    if let Some(own) = meeting.decision_of(case) {
        check_record(reader, meeting, punkt, &own.record, anchor);
    }
}

fn check_record(
    reader: &mut Reader,
    meeting: &Meeting,
    punkt: &Punkt,
    record: &Record,
    anchor: Range<usize>,
) {
    if meeting.medlemmer.is_empty() {
        return;
    }
    for (field, name) in record.names() {
        let may_be_party = matches!(field, "for" | "imod" | "undlod" | "protokolbemaerkninger");
        if (may_be_party && meeting.is_party(name)) || meeting.knows(name) {
            continue;
        }
        reader.warning(
            anchor.clone(),
            tr!(
                "record-names-stranger",
                title = punkt.titel(),
                name = name,
                field = field
            ),
        );
    }
    warn_about_absent_parties(reader, meeting, punkt, record, anchor.clone());
    let Some(counted) = record.afstemning.as_ref().and_then(|a| a.counted()) else {
        return;
    };
    let away = record.inhabile.len() + record.fravaerende.len();
    let present = meeting.present().len().saturating_sub(away);
    if counted as usize > present {
        reader.error(
            anchor,
            tr!(
                "vote-too-many",
                title = punkt.titel(),
                counted = counted,
                present = present
            ),
        );
    }
}

/// A party that votes though none of its members was present for the item (where the
/// meeting gives its members' parties): a vote the minutes cannot count.
fn warn_about_absent_parties(
    reader: &mut Reader,
    meeting: &Meeting,
    punkt: &Punkt,
    record: &Record,
    anchor: Range<usize>,
) {
    let Some(afstemning) = &record.afstemning else {
        return;
    };
    let parties: Vec<&str> = meeting
        .medlemmer
        .iter()
        .filter_map(|m| m.parti.as_deref())
        .collect();
    if parties.is_empty() {
        return;
    }
    let away = |name: &str| {
        record
            .inhabile
            .iter()
            .chain(&record.fravaerende)
            .any(|a| super::same_person(a, name))
    };
    let present: Vec<_> = meeting
        .present()
        .into_iter()
        .filter(|p| !away(p.navn))
        .collect();
    let sides = [
        ("for", &afstemning.for_),
        ("imod", &afstemning.imod),
        ("undlod", &afstemning.undlod),
    ];
    for (field, votes) in sides {
        let Some(Stemmer::Hvem(who)) = votes else {
            continue;
        };
        for party in who.iter().filter(|w| parties.contains(&w.trim())) {
            if !present.iter().any(|p| p.parti == Some(party.trim())) {
                reader.warning(
                    anchor.clone(),
                    tr!(
                        "vote-absent-party",
                        title = punkt.titel(),
                        party = party,
                        field = field
                    ),
                );
            }
        }
    }
}

/// The number of votes a side of a vote stands for, where it can be told: a count as
/// given; names one each; party letters by the members present of that party.
pub fn votes_of(
    votes: &Stemmer,
    present: &[super::Present<'_>],
    meeting: &Meeting,
) -> Option<usize> {
    match votes {
        Stemmer::Antal(n) => Some(*n as usize),
        Stemmer::Hvem(who) => {
            let mut total = 0;
            for name in who {
                if meeting.knows(name) {
                    total += 1;
                } else if meeting.is_party(name) {
                    let of_party = present
                        .iter()
                        .filter(|p| p.parti == Some(name.trim()))
                        .count();
                    if of_party == 0 {
                        return None;
                    }
                    total += of_party;
                } else {
                    total += 1;
                }
            }
            Some(total)
        }
    }
}
