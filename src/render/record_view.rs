//! The record of a decision as the minutes word it: "For stemte: A, F og Ø (15)",
//! "Protokolbemærkning fra V: …", "… deltog ikke i behandlingen af punktet på grund af
//! inhabilitet", "Fraværende under punktet: …"; and a meeting's attendance and approval.

use minijinja::Value;
use serde::Serialize;

use super::view::{Markup, SECTION_DEPTH};
use crate::case::record::{Record, Resultat, Stemmer};
use crate::meeting::{Meeting, same_person};

/// The record under a decision.
#[derive(Debug, Serialize)]
pub struct RecordView {
    /// The vote, a line per side and the outcome: ("For stemte:", "A, F og Ø (15)").
    pub stemmer: Vec<(String, String)>,
    /// Each protokolbemærkning.
    pub bemaerkninger: Vec<RemarkView>,
    /// "X og Y deltog ikke i behandlingen af punktet på grund af inhabilitet."
    pub inhabile: Option<String>,
    /// "Fraværende under punktet: X og Y".
    pub fravaerende: Option<String>,
}

/// One protokolbemærkning.
#[derive(Debug, Serialize)]
pub struct RemarkView {
    /// "Protokolbemærkning fra V:".
    pub label: String,
    /// The remark.
    pub tekst: Value,
}

/// The record as the minutes word it; `meeting` (the meeting that took the decision, when
/// known) lets party letters be counted by its members present.
pub fn record_view(
    record: &Record,
    meeting: Option<&Meeting>,
    markup: Markup,
) -> Option<RecordView> {
    if record.is_empty() {
        return None;
    }
    let mut stemmer = Vec::new();
    if let Some(a) = &record.afstemning {
        for (label, votes) in [
            ("For stemte:", &a.for_),
            ("Imod stemte:", &a.imod),
            ("Undlod at stemme:", &a.undlod),
        ] {
            if let Some(votes) = votes {
                stemmer.push((label.to_string(), side(votes, record, meeting)));
            }
        }
        if let Some(resultat) = a.resultat {
            let word = match resultat {
                Resultat::Vedtaget => "Vedtaget",
                Resultat::Forkastet => "Forkastet",
            };
            stemmer.push(("Resultat:".to_string(), word.to_string()));
        }
    }
    Some(RecordView {
        stemmer,
        bemaerkninger: record
            .protokolbemaerkninger
            .iter()
            .map(|p| RemarkView {
                label: format!("Protokolbemærkning fra {}:", p.af),
                tekst: markup.md(&p.tekst, SECTION_DEPTH),
            })
            .collect(),
        inhabile: (!record.inhabile.is_empty()).then(|| {
            format!(
                "{} deltog ikke i behandlingen af punktet på grund af inhabilitet.",
                danish_list(&record.inhabile)
            )
        }),
        fravaerende: (!record.fravaerende.is_empty()).then(|| {
            format!(
                "Fraværende under punktet: {}",
                danish_list(&record.fravaerende)
            )
        }),
    })
}

/// One side of a vote: "A, F og Ø (15)", "Anne Hansen og Bo Berg (2)", "15"; a count
/// after the names where it can be told.
fn side(votes: &Stemmer, record: &Record, meeting: Option<&Meeting>) -> String {
    let who = match votes {
        Stemmer::Antal(n) => return n.to_string(),
        Stemmer::Hvem(who) => who,
    };
    if who.is_empty() {
        return "ingen".to_string();
    }
    let count = match meeting {
        Some(m) => {
            let away = |name: &str| {
                record
                    .inhabile
                    .iter()
                    .chain(&record.fravaerende)
                    .any(|a| same_person(a, name))
            };
            let present: Vec<_> = m.present().into_iter().filter(|p| !away(p.navn)).collect();
            crate::meeting::votes_of(votes, &present, m)
        }
        None => who
            .iter()
            .all(|w| !crate::meeting::looks_like_party(w))
            .then_some(who.len()),
    };
    match count {
        Some(n) => format!("{} ({n})", danish_list(who)),
        None => danish_list(who),
    }
}

/// "A", "A og B", "A, B og C".
pub fn danish_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
    }
}

/// The minutes' approval page: each member present, and whether and when they approved.
#[derive(Debug, Serialize)]
pub struct ApprovalView {
    /// "Referatet blev godkendt den 12-05-2025." or that it is not approved yet.
    pub tekst: String,
    /// (member as shown, "Godkendt den 12-05-2025" or "").
    pub medlemmer: Vec<(String, String)>,
}

/// Who was present, as the minutes' cover lists them: members, then substitutes
/// "X (for Y)".
pub fn present_view(meeting: &Meeting) -> Vec<String> {
    meeting
        .present()
        .into_iter()
        .map(|p| {
            let shown = meeting
                .medlemmer
                .iter()
                .find(|m| p.for_.is_none() && m.navn == p.navn)
                .map_or_else(|| p.navn.to_string(), |m| m.shown());
            match p.for_ {
                Some(member) => format!("{shown} (for {member})"),
                None => shown,
            }
        })
        .collect()
}

/// The approval page of the minutes.
pub fn approval_view(meeting: &Meeting) -> ApprovalView {
    let approved = |name: &str| {
        meeting
            .godkendelse
            .as_ref()
            .filter(|g| g.af.iter().any(|a| same_person(a, name)))
            .map(|g| format!("Godkendt den {}", g.dato.short()))
            .unwrap_or_default()
    };
    let tekst = match &meeting.godkendelse {
        Some(g) => format!(
            "Referatet blev godkendt den {} af de medlemmer, der deltog i mødet:",
            g.dato.short()
        ),
        None => "Referatet er endnu ikke godkendt af de medlemmer, der deltog i mødet:".to_string(),
    };
    let mut medlemmer: Vec<(String, String)> = meeting
        .present()
        .into_iter()
        .zip(present_view(meeting))
        .map(|(p, shown)| (shown, approved(p.navn)))
        .collect();
    if medlemmer.is_empty() {
        // A meeting that lists no members: those who approved are who the page can name.
        medlemmer = meeting
            .godkendelse
            .iter()
            .flat_map(|g| &g.af)
            .map(|name| (name.clone(), approved(name)))
            .collect();
    }
    ApprovalView { tekst, medlemmer }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_joined_the_danish_way() {
        let l = |v: &[&str]| danish_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["A"]), "A");
        assert_eq!(l(&["A", "F"]), "A og F");
        assert_eq!(l(&["A", "F", "Ø"]), "A, F og Ø");
    }
}
