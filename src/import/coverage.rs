//! The import's proof that it kept everything: the words of each source item, taken from
//! the export independently of how its sections were mapped, looked for among the words of
//! the case file that was written for it. Captions are accounted for by the mapping (each
//! is reported with where it went, and a standard field prints its standard heading), so
//! they count as kept. Where the reader has the item as the export holds it (an XML item
//! element's text less the format's bookkeeping, a FirstAgenda page's item element), its
//! words are counted from that, so text the reader did not take into any section shows as
//! missing; otherwise (a format described in `sagsgen.toml`) the title, the case number,
//! every section's text and every attachment's title are looked for.

use std::collections::HashMap;

use super::source::SourceItem;

/// How much of an item's text the written file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Words in the source item.
    pub words: usize,
    /// Of those, found in the written file.
    pub kept: usize,
    /// The first run of source words not found (at most a dozen), when any is missing.
    pub first_missing: Option<String>,
}

impl Coverage {
    /// The share kept, in percent (100 for an item without words).
    pub fn percent(&self) -> f64 {
        if self.words == 0 {
            100.0
        } else {
            self.kept as f64 * 100.0 / self.words as f64
        }
    }

    /// Whether every word was found.
    pub fn complete(&self) -> bool {
        self.kept == self.words
    }

    /// Two coverages together (an export's items).
    pub fn add(&mut self, other: &Coverage) {
        self.words += other.words;
        self.kept += other.kept;
        if self.first_missing.is_none() {
            self.first_missing = other.first_missing.clone();
        }
    }

    /// The figure as the report shows it: "100 %", or "99.3 %" (never 100 with a loss).
    pub fn shown(&self) -> String {
        let percent = self.percent();
        if self.complete() {
            "100 %".into()
        } else {
            format!("{:.1} %", (percent * 10.0).floor() / 10.0)
        }
    }
}

/// How much of `item`'s text the TOML file `written` holds.
pub fn of_item(item: &SourceItem, written: &str) -> Coverage {
    let source = match &item.shown_text {
        Some(shown) => words(shown).map(str::to_string).collect(),
        None => source_words(item),
    };
    let mut pool: HashMap<String, usize> = HashMap::new();
    for word in written_words(written).into_iter().chain(accounted(item)) {
        *pool.entry(word).or_default() += 1;
    }
    let mut missing: Vec<usize> = Vec::new();
    for (i, word) in source.iter().enumerate() {
        match pool.get_mut(&fold(word)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => missing.push(i),
        }
    }
    let kept = source.len() - missing.len();
    let first_missing = first_passage(&source, &missing);
    Coverage {
        words: source.len(),
        kept,
        first_missing,
    }
}

/// Words the mapping accounts for apart from the file's text: the captions (each reported
/// with where it went; a standard field prints its standard heading) and the item's
/// number (in the meeting file).
fn accounted(item: &SourceItem) -> Vec<String> {
    let mut text = item.nummer.clone().unwrap_or_default();
    for section in &item.sections {
        text.push(' ');
        text.push_str(&section.caption);
    }
    words(&text).map(fold).collect()
}

/// The source's words from the first missing one on, as long as missing words follow
/// within a few words of each other (a lost sentence is quoted whole, though its small
/// words are found elsewhere), at most a dozen words.
fn first_passage(source: &[String], missing: &[usize]) -> Option<String> {
    const GAP: usize = 3;
    const MOST: usize = 12;
    let first = *missing.first()?;
    let mut last = first;
    for &i in &missing[1..] {
        if i - last > GAP || i - first >= MOST {
            break;
        }
        last = i;
    }
    Some(source[first..=last].join(" "))
}

/// The words of the source item, as written (not folded: the report quotes them).
fn source_words(item: &SourceItem) -> Vec<String> {
    let mut text = String::new();
    for part in [Some(&item.titel), item.sagsnummer.as_ref()]
        .into_iter()
        .flatten()
    {
        text.push_str(part);
        text.push(' ');
    }
    for section in &item.sections {
        text.push_str(&super::html::shown_text(&section.html));
        text.push(' ');
    }
    for bilag in &item.bilag {
        text.push_str(&bilag.titel);
        text.push(' ');
    }
    words(&text).map(str::to_string).collect()
}

/// Every word of the written TOML's values: its strings, and its dates as numbers and as
/// Danish text (a decision's date read from its text lives in `dato`).
fn written_words(written: &str) -> Vec<String> {
    let mut text = String::new();
    if let Ok(value) = written.parse::<toml::Table>() {
        collect(&toml::Value::Table(value), &mut text);
    }
    words(&text).map(fold).collect()
}

fn collect(value: &toml::Value, out: &mut String) {
    match value {
        toml::Value::String(s) => out.push_str(s),
        toml::Value::Datetime(d) => {
            if let Some(date) = d.date {
                let dato = crate::dates::Date::new(date.year, date.month, date.day);
                if let Some(dato) = dato {
                    out.push_str(&format!("{} {} ", dato.long(), dato.short()));
                }
            }
            out.push_str(&d.to_string());
        }
        toml::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        toml::Value::Table(table) => {
            for (key, v) in table {
                // A decision's record is printed with its labels ("For stemte: …"): the
                // words the import read it from are in the documents still.
                if let Some(label) = RECORD_LABELS.iter().find(|(k, _)| k == key) {
                    out.push_str(label.1);
                    out.push(' ');
                }
                collect(v, out);
            }
        }
        other => out.push_str(&other.to_string()),
    }
    out.push(' ');
}

/// The words the documents print with a decision's record, by its key: what the text the
/// import read the record from said around the names.
const RECORD_LABELS: &[(&str, &str)] = &[
    ("for", "For stemte stemte for ingen"),
    ("imod", "Imod stemte stemte imod ingen"),
    ("undlod", "Undlod at stemme hverken for eller imod ingen"),
    (
        "inhabile",
        "deltog ikke i behandlingen af punktet på grund af inhabilitet",
    ),
    (
        "fravaerende",
        "Følgende deltog ikke i behandlingen af punktet Fraværende under punktet behandlingen",
    ),
];

/// Words: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A word as compared: lower case.
fn fold(word: impl AsRef<str>) -> String {
    word.as_ref().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::{SourceAttachment, SourceSection};

    fn item() -> SourceItem {
        SourceItem {
            titel: "Ny affaldsordning".into(),
            sagsnummer: Some("24/1234".into()),
            sections: vec![SourceSection {
                caption: "Sagsfremstilling".into(),
                html: "<p>Haveaffald hentes <b>hver</b> uge.</p><p>Det koster 1,2 mio. kr.</p>"
                    .into(),
                decision: false,
            }],
            bilag: vec![SourceAttachment {
                titel: "Notat om haveaffald".into(),
                ..SourceAttachment::default()
            }],
            ..SourceItem::default()
        }
    }

    #[test]
    fn every_word_found_is_complete() {
        let written = "titel = \"Ny affaldsordning\"\nsagsnummer = \"24/1234\"\nsagsfremstilling = \"\"\"\nHaveaffald hentes **hver** uge.\n\nDet koster 1,2 mio\\\\. kr.\n\"\"\"\n\n[[bilag]]\ntitel = \"Notat om haveaffald\"\n";
        let c = of_item(&item(), written);
        assert_eq!((c.words, c.kept), (17, 17), "{c:?}");
        assert!(c.complete());
        assert_eq!(c.shown(), "100 %");
    }

    #[test]
    fn a_lost_passage_is_counted_and_quoted() {
        let written = "titel = \"Ny affaldsordning\"\nsagsnummer = \"24/1234\"\nsagsfremstilling = \"Haveaffald hentes hver uge.\"\n\n[[bilag]]\ntitel = \"Notat om haveaffald\"\n";
        let c = of_item(&item(), written);
        assert_eq!((c.words, c.kept), (17, 11));
        assert_eq!(c.first_missing.as_deref(), Some("Det koster 1 2 mio kr"));
        assert_eq!(c.shown(), "64.7 %");
        // A word written once covers one use of it, not two.
        let twice = SourceItem {
            titel: "uge uge".into(),
            ..SourceItem::default()
        };
        assert_eq!(of_item(&twice, "titel = \"uge\"").kept, 1);
    }

    #[test]
    fn text_the_page_shows_but_no_section_holds_is_missing() {
        let mut shown = item();
        shown.shown_text = Some(
            "Ny affaldsordning 24/1234 Sagsfremstilling Haveaffald hentes hver uge. Skjult afsnit her. Det koster 1,2 mio. kr. Notat om haveaffald"
                .into(),
        );
        let written = "titel = \"Ny affaldsordning\"\nsagsnummer = \"24/1234\"\nsagsfremstilling = \"Haveaffald hentes hver uge. Det koster 1,2 mio. kr.\"\n\n[[bilag]]\ntitel = \"Notat om haveaffald\"\n";
        let c = of_item(&shown, written);
        assert_eq!((c.words, c.kept), (21, 18), "{c:?}");
        assert_eq!(c.first_missing.as_deref(), Some("Skjult afsnit her"));
    }

    #[test]
    fn a_date_read_into_dato_still_counts() {
        let decided = SourceItem {
            sections: vec![SourceSection {
                caption: "Beslutning".into(),
                html: "<p><strong>18. september 2012:</strong> Godkendt.</p>".into(),
                decision: true,
            }],
            ..SourceItem::default()
        };
        let written =
            "[[beslutninger]]\nudvalg = \"OEU\"\ndato = 2012-09-18\ntekst = \"Godkendt.\"\n";
        let c = of_item(&decided, written);
        assert!(c.complete(), "{c:?}");
    }
}
