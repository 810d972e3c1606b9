//! Reading fields out of a spanned TOML table, collecting every problem with its position.
//!
//! Keys are matched in their ASCII-folded form (`økonomiske_konsekvenser` and
//! `oekonomiske_konsekvenser` are the same field); unknown keys get a "did you mean"
//! suggestion; type errors and missing keys name the field as the user writes it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::dates::Date;
use crate::diag::{Diagnostic, SourceText};
use crate::i18n::Message;
use crate::tr;

/// Longest accepted single-line text (titles, names, numbers).
pub const MAX_LINE_CHARS: usize = 1_000;
/// Longest accepted Markdown text field.
pub const MAX_TEXT_CHARS: usize = 1_000_000;
/// Longest run of characters without a space (a long web address fits). PDF/A caps a
/// string at 32,767 bytes, and no real word comes near this.
pub const MAX_WORD_CHARS: usize = 4_000;

/// Collects diagnostics for one file while its fields are read.
pub struct Reader {
    /// The file being read.
    pub source: Arc<SourceText>,
    /// Every problem found so far.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reader {
    /// A reader for one file's text.
    pub fn new(source: Arc<SourceText>) -> Self {
        Self {
            source,
            diagnostics: Vec::new(),
        }
    }

    /// Records an error at a span.
    pub fn error(&mut self, span: Range<usize>, message: Message) -> &mut Diagnostic {
        let d = Diagnostic::error(message).at(&self.source, span);
        self.diagnostics.push(d);
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Records a warning at a span.
    pub fn warning(&mut self, span: Range<usize>, message: Message) -> &mut Diagnostic {
        let d = Diagnostic::warning(message).at(&self.source, span);
        self.diagnostics.push(d);
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The first line of a span, so a caret under a whole table stays one line long.
    pub fn first_line(&self, span: Range<usize>) -> Range<usize> {
        let text = &self.source.text;
        let start = span.start.min(text.len());
        let end = text[start..]
            .find('\n')
            .map_or(span.end, |i| (start + i).min(span.end));
        start..end.max(start)
    }
}

/// Folds the Danish letters of a key to the ASCII spelling TOML bare keys allow.
pub use crate::danish::fold as fold_key;

/// The known field nearest to an unknown key, if one is close enough to be a typo.
pub fn suggest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let key = fold_key(key).to_lowercase();
    let limit = (key.chars().count() / 3).max(2);
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&key, k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Fields that belong somewhere else than the table being read, for clearer messages.
#[derive(Debug, Clone, Copy)]
pub enum Elsewhere<'e> {
    /// Fields of another kind of file: (`"a notat"`, its fields).
    Kind(&'e str, &'e [&'e str]),
    /// Fields of the table an entry belongs to (`"the case"`, its fields): written below
    /// the entry's `[[…]]` line, TOML reads them as the entry's.
    Parent(&'e str, &'e [&'e str]),
}

impl Elsewhere<'_> {
    fn has(&self, folded: &str) -> bool {
        let (Self::Kind(_, names) | Self::Parent(_, names)) = self;
        names.contains(&folded)
    }
}

type Entry<'a, 'i> = (&'a Spanned<DeString<'i>>, &'a Spanned<DeValue<'i>>);

/// The fields of one TOML table, matched against the names a kind of table allows.
pub struct Fields<'a, 'i> {
    what: String,
    anchor: Range<usize>,
    entries: BTreeMap<&'static str, Entry<'a, 'i>>,
    /// Fields suggested for misspelt keys: not reported again as missing.
    suggested: Vec<&'static str>,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// Matches a table's keys against `known`, reporting unknown and duplicate keys.
    ///
    /// `what` names the table in messages ("a beslutningssag", "a `[[bilag]]` entry");
    /// `anchor` is where a missing field is reported.
    pub fn new(
        reader: &mut Reader,
        table: &'a DeTable<'i>,
        what: Message,
        anchor: Range<usize>,
        known: &[&'static str],
    ) -> Self {
        Self::with_elsewhere(reader, table, what, anchor, known, &[])
    }

    /// As [`Fields::new`], knowing which fields belong elsewhere, so that such a field
    /// is called that rather than a misspelling of some other field.
    pub fn with_elsewhere(
        reader: &mut Reader,
        table: &'a DeTable<'i>,
        what: Message,
        anchor: Range<usize>,
        known: &[&'static str],
        elsewhere: &[Elsewhere<'_>],
    ) -> Self {
        let mut fields = Self {
            what: what.text,
            anchor,
            entries: BTreeMap::new(),
            suggested: Vec::new(),
        };
        let mut keys: Vec<Entry<'a, 'i>> = table.iter().collect();
        keys.sort_by_key(|(k, _)| k.span().start);
        for (key, value) in keys {
            fields.add(reader, key, value, known, elsewhere);
        }
        fields.excuse_misplaced(table, known);
        fields
    }

    /// A field of this table written below one of its `[[…]]` entries is read as part of
    /// that entry, which reports it; it is not reported missing here as well.
    fn excuse_misplaced(&mut self, table: &DeTable<'i>, known: &[&'static str]) {
        let entries = table.values().filter_map(|v| match v.get_ref() {
            DeValue::Array(items) => Some(items),
            _ => None,
        });
        for item in entries.flatten() {
            let DeValue::Table(entry) = item.get_ref() else {
                continue;
            };
            for key in entry.keys() {
                let folded = fold_key(key.get_ref());
                if let Some(name) = known.iter().find(|k| **k == folded)
                    && !self.entries.contains_key(name)
                {
                    self.suggested.push(name);
                }
            }
        }
    }

    fn add(
        &mut self,
        reader: &mut Reader,
        key: &'a Spanned<DeString<'i>>,
        value: &'a Spanned<DeValue<'i>>,
        known: &[&'static str],
        elsewhere: &[Elsewhere<'_>],
    ) {
        let folded = fold_key(key.get_ref());
        let Some(name) = known.iter().find(|k| **k == folded) else {
            match elsewhere.iter().find(|e| e.has(&folded)) {
                Some(Elsewhere::Kind(other, _)) => self.of_other_kind(reader, key, other),
                Some(Elsewhere::Parent(parent, _)) => self.misplaced(reader, key, parent),
                None => self.unknown(reader, key, known),
            }
            return;
        };
        if let Some((first, _)) = self.entries.get(name) {
            let line = reader.source.line_col(first.span().start).0;
            reader
                .error(
                    key.span(),
                    tr!("field-twice", field = &**key.get_ref(), table = &self.what),
                )
                .help(tr!("field-twice.help", line = line));
            return;
        }
        self.entries.insert(name, (key, value));
    }

    fn of_other_kind(&self, reader: &mut Reader, key: &Spanned<DeString<'i>>, other: &str) {
        let name = key.get_ref();
        reader.error(
            key.span(),
            tr!(
                "field-of-other-kind",
                field = &**name,
                other = other,
                table = &self.what
            ),
        );
    }

    fn misplaced(&self, reader: &mut Reader, key: &Spanned<DeString<'i>>, parent: &str) {
        let name = key.get_ref();
        reader.error(
            key.span(),
            tr!(
                "field-misplaced",
                field = &**name,
                parent = parent,
                table = &self.what
            ),
        );
    }

    fn unknown(
        &mut self,
        reader: &mut Reader,
        key: &Spanned<DeString<'i>>,
        known: &[&'static str],
    ) {
        let name = &**key.get_ref();
        match suggest(name, known) {
            Some(s) => {
                self.suggested.push(s);
                reader.error(
                    key.span(),
                    tr!(
                        "field-unknown-near",
                        field = name,
                        table = &self.what,
                        near = s
                    ),
                );
            }
            None => {
                let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>();
                reader
                    .error(
                        key.span(),
                        tr!("field-unknown", field = name, table = &self.what),
                    )
                    .help(tr!(
                        "field-unknown.help",
                        table = &self.what,
                        fields = list.join(", ")
                    ));
            }
        }
    }

    /// Whether the field is present.
    pub fn has(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// The span of a present field's value.
    pub fn value_span(&self, name: &str) -> Option<Range<usize>> {
        self.entries.get(name).map(|(_, v)| v.span())
    }

    /// The raw value of a present field.
    pub fn value(&self, name: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.entries.get(name).map(|(_, v)| *v)
    }

    /// The key as the user wrote it (with Danish letters, if they used them).
    pub fn written_key(&self, name: &str) -> String {
        self.entries
            .get(name)
            .map_or(name.to_string(), |(k, _)| k.get_ref().to_string())
    }

    /// Reports a missing required field.
    pub fn missing(&self, reader: &mut Reader, name: &str, example: &str) {
        if self.suggested.contains(&name) {
            // The misspelt key's error already says to write this one.
            return;
        }
        reader
            .error(
                self.anchor.clone(),
                tr!("field-missing", field = name, table = &self.what),
            )
            .help(tr!("field-missing.help", field = name, example = example));
    }

    fn wrong_type(&self, reader: &mut Reader, name: &str, expected: Message, example: &str) {
        let Some(value) = self.value(name) else {
            return;
        };
        let found = describe(value.get_ref());
        let key = self.written_key(name);
        reader
            .error(
                value.span(),
                tr!(
                    "field-wrong-kind",
                    field = key.as_str(),
                    expected = expected,
                    found = found
                ),
            )
            .help(tr!(
                "field-wrong-kind.help",
                field = key.as_str(),
                example = example
            ));
    }

    /// A text field (single line), checked for length.
    pub fn text(&self, reader: &mut Reader, name: &str, required: bool) -> Option<String> {
        self.text_limited(reader, name, required, MAX_LINE_CHARS)
    }

    /// One of `words` (as the field table gives a choice), compared in lower case with æ, ø
    /// and å folded: its place among them. Another word is an error, `"<written>" is not
    /// <what>`, with `help`.
    pub fn choice(
        &self,
        reader: &mut Reader,
        name: &str,
        words: &[&str],
        what: Message,
        help: Message,
    ) -> Option<usize> {
        let written = self.text(reader, name, false)?;
        let key = crate::danish::fold(&written.trim().to_lowercase());
        let found = words.iter().position(|w| crate::danish::fold(w) == key);
        if found.is_none() {
            let span = self.value_span(name).unwrap_or(0..0);
            reader
                .error(
                    span,
                    tr!("field-not-a-choice", written = written, what = what),
                )
                .help(help);
        }
        found
    }

    /// A Markdown text field, checked for length.
    pub fn markdown(&self, reader: &mut Reader, name: &str, required: bool) -> Option<String> {
        self.text_limited(reader, name, required, MAX_TEXT_CHARS)
    }

    fn text_limited(
        &self,
        reader: &mut Reader,
        name: &str,
        required: bool,
        limit: usize,
    ) -> Option<String> {
        let Some(value) = self.value(name) else {
            if required {
                self.missing(reader, name, "\"…\"");
            }
            return None;
        };
        let Some(text) = value.get_ref().as_str() else {
            let example = quoted_example(reader, value);
            self.wrong_type(reader, name, tr!("kind-quoted-text"), &example);
            return None;
        };
        let count = text.chars().count();
        if count > limit {
            let key = self.written_key(name);
            reader.error(
                value.span(),
                tr!(
                    "field-too-long",
                    field = key.as_str(),
                    count = count,
                    limit = limit
                ),
            );
            return None;
        }
        let longest = text
            .split(char::is_whitespace)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        if longest > MAX_WORD_CHARS {
            let key = self.written_key(name);
            reader.error(
                value.span(),
                tr!(
                    "field-word-too-long",
                    field = key.as_str(),
                    count = longest,
                    limit = MAX_WORD_CHARS
                ),
            );
            return None;
        }
        if required && text.trim().is_empty() {
            let key = self.written_key(name);
            reader.error(value.span(), tr!("field-empty", field = key.as_str()));
            return None;
        }
        Some(text.to_string())
    }

    /// A TOML date (`2020-10-20`, no time of day).
    pub fn date(&self, reader: &mut Reader, name: &str, required: bool) -> Option<Date> {
        let Some(value) = self.value(name) else {
            if required {
                self.missing(reader, name, "2020-10-20");
            }
            return None;
        };
        let date = match value.get_ref() {
            DeValue::Datetime(d) => Date::from_toml(d),
            // Editors validate against the JSON Schema, where a TOML date is a string:
            // a quoted date is accepted too, so the two agree.
            DeValue::String(s) => s
                .parse::<toml::value::Datetime>()
                .ok()
                .as_ref()
                .and_then(Date::from_toml),
            _ => None,
        };
        if date.is_none() {
            let key = self.written_key(name);
            let found = describe(value.get_ref());
            reader.error(
                value.span(),
                tr!("field-not-a-date", field = key.as_str(), found = found),
            );
        }
        date
    }

    /// A boolean field.
    pub fn boolean(&self, reader: &mut Reader, name: &str) -> Option<bool> {
        let value = self.value(name)?;
        let b = value.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(reader, name, tr!("kind-boolean"), "true");
        }
        b
    }

    /// A list of texts; a single text is accepted as a list of one.
    pub fn texts(&self, reader: &mut Reader, name: &str) -> Vec<Spanned<String>> {
        let Some(value) = self.value(name) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::String(s) => vec![Spanned::new(value.span(), s.to_string())],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.text_item(reader, name, item))
                .collect(),
            _ => {
                self.wrong_type(reader, name, tr!("kind-text-list"), "[\"…\", \"…\"]");
                Vec::new()
            }
        }
    }

    fn text_item(
        &self,
        reader: &mut Reader,
        name: &str,
        item: &Spanned<DeValue<'_>>,
    ) -> Option<Spanned<String>> {
        let key = self.written_key(name);
        let Some(s) = item.get_ref().as_str() else {
            let found = describe(item.get_ref());
            reader.error(
                item.span(),
                tr!(
                    "field-list-entry-not-text",
                    field = key.as_str(),
                    found = found
                ),
            );
            return None;
        };
        if s.chars().count() > MAX_LINE_CHARS {
            reader.error(
                item.span(),
                tr!(
                    "field-list-entry-too-long",
                    field = key.as_str(),
                    limit = MAX_LINE_CHARS
                ),
            );
            return None;
        }
        Some(Spanned::new(item.span(), s.to_string()))
    }

    /// An array of tables (`[[bilag]]`), each with its span.
    pub fn tables(&self, reader: &mut Reader, name: &str) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = self.value(name) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let key = self.written_key(name);
            reader.error(
                value.span(),
                tr!("field-not-sections", field = key.as_str()),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => tables.push((t, item.span())),
                other => {
                    let key = self.written_key(name);
                    reader
                        .error(
                            item.span(),
                            tr!(
                                "field-section-entry-not-section",
                                field = key.as_str(),
                                found = describe(other)
                            ),
                        )
                        .help(tr!("field-not-sections.help", field = key.as_str()));
                }
            }
        }
        tables
    }

    /// A sub-table (`[organisation]`).
    pub fn table(
        &self,
        reader: &mut Reader,
        name: &str,
    ) -> Option<(&'a DeTable<'i>, Range<usize>)> {
        let value = self.value(name)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span())),
            _ => {
                self.wrong_type(reader, name, tr!("kind-section", field = name), "{ … }");
                None
            }
        }
    }
}

/// The value as written, put in quotes (`2025` → `"2025"`), for a help line; `"…"` where
/// quoting it would not make sense.
fn quoted_example(reader: &Reader, value: &Spanned<DeValue<'_>>) -> String {
    let raw = reader.source.text.get(value.span()).unwrap_or("");
    let simple = !matches!(value.get_ref(), DeValue::Array(_) | DeValue::Table(_));
    if simple && !raw.is_empty() && raw.chars().count() <= 60 && !raw.contains(['"', '\\', '\n']) {
        format!("\"{raw}\"")
    } else {
        "\"…\"".to_string()
    }
}

/// How a TOML value is described in messages.
pub fn describe(value: &DeValue<'_>) -> String {
    let described = match value {
        DeValue::String(s) => tr!("found-text", text = shorten(s)),
        DeValue::Integer(i) => tr!("found-number", number = i.as_str()),
        DeValue::Float(f) => tr!("found-number", number = f.as_str()),
        DeValue::Boolean(b) => return b.to_string(),
        DeValue::Datetime(d) => tr!("found-date-time", value = d.to_string()),
        DeValue::Array(_) => tr!("found-list"),
        DeValue::Table(_) => tr!("found-section"),
    };
    described.text
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_danish_letters() {
        assert_eq!(
            fold_key("økonomiske_konsekvenser"),
            "oekonomiske_konsekvenser"
        );
        assert_eq!(fold_key("det_videre_forløb"), "det_videre_forloeb");
        assert_eq!(fold_key("Åben"), "Aaben");
    }

    #[test]
    fn suggests_near_keys_only() {
        let known = ["sagsfremstilling", "indstilling", "titel"];
        assert_eq!(suggest("sagsfremstiling", &known), Some("sagsfremstilling"));
        assert_eq!(suggest("titl", &known), Some("titel"));
        assert_eq!(suggest("xyzzy", &known), None);
    }
}
