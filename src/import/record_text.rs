//! The record of a decision as minutes write it in prose — "For stemte: A, F og Ø",
//! "Imod stemte: V", "Undlod at stemme: C", "Følgende deltog ikke i behandlingen af
//! punktet: …", "… deltog ikke i behandlingen af punktet på grund af inhabilitet" — read
//! into the fields of `[[beslutninger]]`. Only lines read with certainty are taken (every
//! name a name, every party a party letter); anything else stays in the text as it was.
//! Attendance lines of a meeting ("Tilstede: …", "Afbud: …") are read the same way.

/// One side of a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Votes {
    /// A number of votes.
    Count(u32),
    /// Party letters or members' names.
    Who(Vec<String>),
}

/// What a decision's text recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorded {
    /// For.
    pub for_: Option<Votes>,
    /// Against.
    pub imod: Option<Votes>,
    /// Abstained.
    pub undlod: Option<Votes>,
    /// Inhabile members.
    pub inhabile: Vec<String>,
    /// Members absent from the item.
    pub fravaerende: Vec<String>,
}

impl Recorded {
    /// Whether nothing was read.
    pub fn is_empty(&self) -> bool {
        *self == Recorded::default()
    }
}

/// The labels of vote lines, folded, and the side each gives.
const VOTE_LABELS: &[(&str, Side)] = &[
    ("for stemte", Side::For),
    ("stemte for", Side::For),
    ("for", Side::For),
    ("imod stemte", Side::Imod),
    ("stemte imod", Side::Imod),
    ("imod", Side::Imod),
    ("undlod at stemme", Side::Undlod),
    ("undlod", Side::Undlod),
    ("hverken for eller imod", Side::Undlod),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    For,
    Imod,
    Undlod,
}

/// The lead-in of a list of members absent from the item.
const ABSENT_LABELS: &[&str] = &[
    "følgende deltog ikke i behandlingen af punktet",
    "fraværende under punktet",
    "fraværende under behandlingen",
];

/// Reads the record out of a decision's Markdown: the text without the lines read, and
/// what they said. Lines that cannot be read with certainty stay.
pub fn extract(markdown: &str) -> (String, Recorded) {
    let mut recorded = Recorded::default();
    let lines: Vec<&str> = markdown.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if read_vote(line, &mut recorded) || read_inhabile(line, &mut recorded) {
            i += 1;
            continue;
        }
        if let Some(used) = read_absent(&lines[i..], &mut recorded) {
            i += used;
            continue;
        }
        kept.push(line);
        i += 1;
    }
    let text = tidy(&kept.join("\n"));
    if text.trim().is_empty() {
        // A decision is its text: with nothing left, the lines stay as they were.
        return (markdown.to_string(), Recorded::default());
    }
    (text, recorded)
}

/// Blank lines run together, none at either end.
fn tidy(text: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() && out.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// A line as plain words: Markdown emphasis and escapes away, spaces folded.
fn plain(line: &str) -> String {
    let line = line.replace(['*', '_'], "").replace('\\', "");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Label: rest" with the label folded, when the line has a colon.
fn labelled(line: &str) -> Option<(String, String)> {
    let plain = plain(line);
    let (label, rest) = plain.split_once(':')?;
    Some((label.trim().to_lowercase(), rest.trim().to_string()))
}

fn read_vote(line: &str, recorded: &mut Recorded) -> bool {
    let Some((label, rest)) = labelled(line) else {
        return false;
    };
    let Some(side) = VOTE_LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, s)| *s)
    else {
        return false;
    };
    let Some(votes) = votes(&rest) else {
        return false;
    };
    let slot = match side {
        Side::For => &mut recorded.for_,
        Side::Imod => &mut recorded.imod,
        Side::Undlod => &mut recorded.undlod,
    };
    if slot.is_some() {
        return false;
    }
    *slot = Some(votes);
    true
}

/// "A, F og Ø (15)", "15", "ingen": who, or how many.
fn votes(text: &str) -> Option<Votes> {
    let text = text.trim().trim_end_matches('.');
    if let Ok(n) = text.parse::<u32>() {
        return Some(Votes::Count(n));
    }
    if text.eq_ignore_ascii_case("ingen") {
        return Some(Votes::Count(0));
    }
    // A count after the list says how many the list stands for: the list is the record.
    let list = match text.rfind(" (") {
        Some(i) if text.ends_with(')') && text[i + 2..text.len() - 1].parse::<u32>().is_ok() => {
            &text[..i]
        }
        _ => text,
    };
    let who = names(list)?;
    who.iter()
        .all(|w| crate::meeting::looks_like_party(w) || is_name(w))
        .then_some(Votes::Who(who))
}

/// "X og Y deltog ikke i behandlingen af punktet på grund af inhabilitet."
fn read_inhabile(line: &str, recorded: &mut Recorded) -> bool {
    let plain = plain(line);
    let lower = plain.to_lowercase();
    let Some(at) = lower.find(" deltog ikke i behandlingen") else {
        return false;
    };
    if !lower.contains("inhabil") {
        return false;
    }
    match names(&plain[..at]) {
        Some(who) if who.iter().all(|w| is_name(w)) => {
            recorded.inhabile.extend(who);
            true
        }
        _ => false,
    }
}

/// "Følgende deltog ikke i behandlingen af punktet:" and the names, on the line or on the
/// lines after it (up to a blank line); how many lines it took.
fn read_absent(lines: &[&str], recorded: &mut Recorded) -> Option<usize> {
    let (label, rest) = labelled(lines[0])?;
    if !ABSENT_LABELS.contains(&label.as_str()) {
        return None;
    }
    let mut used = 1;
    let mut parts: Vec<String> = Vec::new();
    if !rest.is_empty() {
        parts.push(rest);
    } else {
        // The names on the lines below, after at most one blank line.
        if lines.get(used).is_some_and(|l| l.trim().is_empty()) {
            used += 1;
        }
        while let Some(line) = lines.get(used).filter(|l| !l.trim().is_empty()) {
            parts.push(plain(
                line.trim_start().trim_start_matches(['-', '*']).trim(),
            ));
            used += 1;
        }
    }
    let who = names(&parts.join(", "))?;
    who.iter().all(|w| is_name(w)).then(|| {
        recorded.fravaerende.extend(who);
        used
    })
}

/// "A, F og Ø" → ["A", "F", "Ø"]; none when empty.
pub fn names(list: &str) -> Option<Vec<String>> {
    let list = list.trim().trim_end_matches('.');
    let out: Vec<String> = list
        .split([',', ';', '\n'])
        .flat_map(|part| part.split(" og "))
        .map(|p| plain(p).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    (!out.is_empty()).then_some(out)
}

/// A person's name: two to five words, each starting with a capital (a party in
/// parentheses after it allowed), no digits.
fn is_name(text: &str) -> bool {
    let text = match text.rfind(" (") {
        Some(i)
            if text.ends_with(')')
                && crate::meeting::looks_like_party(&text[i + 2..text.len() - 1]) =>
        {
            &text[..i]
        }
        _ => text,
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        })
}

/// A meeting's attendance written as lines: "Tilstede: …" (present) and "Afbud: …" or
/// "Fraværende: …" (absent), each followed by names; what could be read.
pub fn attendance(text: &str) -> (Vec<String>, Vec<String>) {
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for line in text.lines() {
        let Some((label, rest)) = labelled(line) else {
            continue;
        };
        let target = match label.as_str() {
            "tilstede" | "til stede" | "deltagere" | "fremmødte" => &mut present,
            "afbud" | "fraværende" | "afbud/fraværende" | "fraværende/afbud" => &mut absent,
            _ => continue,
        };
        if let Some(who) = names(&rest).filter(|w| w.iter().all(|n| is_name(n))) {
            target.extend(who);
        }
    }
    (present, absent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_inhabilitet_and_absence_are_read_and_taken_out_of_the_text() {
        let text = "Indstillingen blev godkendt.\n\n**For stemte:** A, F og Ø (15)\nImod stemte: V (11)\nUndlod at stemme: 2\n\nAnne Hansen deltog ikke i behandlingen af punktet på grund af inhabilitet.\n\nFølgende deltog ikke i behandlingen af punktet:\nBo Berg (V), Carl Carlsen";
        let (rest, r) = extract(text);
        assert_eq!(rest, "Indstillingen blev godkendt.");
        assert_eq!(
            r.for_,
            Some(Votes::Who(vec!["A".into(), "F".into(), "Ø".into()]))
        );
        assert_eq!(r.imod, Some(Votes::Who(vec!["V".into()])));
        assert_eq!(r.undlod, Some(Votes::Count(2)));
        assert_eq!(r.inhabile, ["Anne Hansen"]);
        assert_eq!(r.fravaerende, ["Bo Berg (V)", "Carl Carlsen"]);
    }

    #[test]
    fn what_cannot_be_read_with_certainty_stays_as_text() {
        let text = "Godkendt.\n\nFor stemte: flertallet af udvalget\nFølgende deltog ikke i behandlingen af punktet: formanden";
        let (rest, r) = extract(text);
        assert_eq!(rest, text);
        assert!(r.is_empty());
        // A decision that is only a vote keeps its text.
        let (rest, r) = extract("For stemte: A");
        assert_eq!(rest, "For stemte: A");
        assert!(r.is_empty());
    }

    #[test]
    fn attendance_lines_are_read() {
        let (present, absent) = attendance(
            "Tilstede: Anne Hansen, Bo Berg og Carl Carlsen\nAfbud: Dorte Dam\nMøde slut: 17.00",
        );
        assert_eq!(present, ["Anne Hansen", "Bo Berg", "Carl Carlsen"]);
        assert_eq!(absent, ["Dorte Dam"]);
    }
}
