//! TOML syntax errors in the words of the people who write cases: the parser's message
//! ("invalid unquoted key, expected letters…") becomes what went wrong and how to write
//! it instead, for the mistakes people make: Word's curly quotes, Danish dates, æøå in
//! keys, spaces in keys, backslashes, unclosed texts, a field given twice.

use std::ops::Range;

use super::fields::fold_key;
use crate::i18n::Message;
use crate::tr;

/// A syntax error explained: message, fix, and where to point (if better than the
/// parser's position).
#[derive(Debug, PartialEq, Eq)]
pub struct Explained {
    /// What went wrong, plainly.
    pub message: Message,
    /// How to write it instead.
    pub help: Message,
    /// A better place to point at than the parser's, when there is one.
    pub span: Option<Range<usize>>,
}

/// One kind of mistake: recognises it from the text, the error's line and the parser's
/// message, and explains it.
type Rule = fn(&str, &Line<'_>, &str) -> Option<Explained>;

/// Explains a TOML syntax error at `span` of `text` whose parser message is `parser`.
pub fn explain(text: &str, span: &Range<usize>, parser: &str) -> Explained {
    let line = Line::at(text, span.start);
    let rules: [Rule; 12] = [
        unclosed_multiline,
        unclosed_text,
        typographic_quotes,
        backslash,
        danish_date,
        short_date,
        yes_or_no,
        unquoted_list,
        danish_key,
        spaced_key,
        duplicate,
        unquoted_text,
    ];
    rules
        .iter()
        .find_map(|rule| rule(text, &line, parser))
        .unwrap_or_else(|| Explained {
            message: match in_words(parser) {
                Some(what) => tr!("syntax-toml", what = what),
                None => tr!("syntax-other", parser = parser),
            },
            help: match in_words(parser) {
                Some(_) => tr!("syntax-toml.help"),
                None => tr!("syntax-other.help"),
            },
            span: None,
        })
}

/// The parser's own words for what it found (`unclosed array`, `missing value for key`)
/// said in the user's: the mistakes no rule above recognises from the line itself. The
/// parser's English stands only for what none of these covers.
fn in_words(parser: &str) -> Option<Message> {
    const WORDS: &[(&str, &str)] = &[
        ("unclosed array table", "toml-unclosed-heading"),
        ("unclosed table", "toml-unclosed-heading"),
        ("missing table open", "toml-unclosed-heading"),
        ("unclosed inline table", "toml-unclosed-braces"),
        ("missing inline table opening", "toml-unclosed-braces"),
        ("unclosed array", "toml-unclosed-list"),
        ("missing array opening", "toml-unclosed-list"),
        ("missing comma between array elements", "toml-missing-comma"),
        (
            "missing comma between key-value pairs",
            "toml-missing-comma",
        ),
        ("extra comma", "toml-extra-comma"),
        ("missing value", "toml-missing-value"),
        ("key with no value", "toml-missing-value"),
        ("missing assignment", "toml-missing-equals"),
        ("extra assignment", "toml-extra-equals"),
        ("extra `=`", "toml-extra-equals"),
        ("unexpected `=` in array", "toml-extra-equals"),
        ("unquoted keys cannot be empty", "toml-bad-key"),
        ("invalid unquoted key", "toml-bad-key"),
        ("invalid key", "toml-bad-key"),
        ("missing key", "toml-bad-key"),
        ("unexpected content", "toml-trailing"),
        ("unexpected key or value", "toml-trailing"),
        ("unexpected leading zero", "toml-number"),
        ("redundant", "toml-number"),
        ("may only go between digits", "toml-number"),
        ("unexpected sign", "toml-number"),
        ("invalid comment character", "toml-comment"),
        ("carriage return", "toml-line-break"),
        ("recursion", "toml-too-deep"),
        ("invalid", "toml-unreadable-value"),
    ];
    let parser = parser.to_lowercase();
    let (_, code) = WORDS.iter().find(|(words, _)| parser.contains(words))?;
    Some(Message::new(code, &[]))
}

/// The line of the error, split at its first `=`.
struct Line<'t> {
    /// Byte offset of the line's start.
    start: usize,
    /// The key part (before `=`), trimmed; the whole line when there is no `=`.
    key: &'t str,
    /// The value part (after `=`), trimmed.
    value: Option<&'t str>,
    /// The text the slices above are taken from.
    text: &'t str,
}

impl<'t> Line<'t> {
    fn at(text: &'t str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let whole = text[start..end].trim_end_matches('\r');
        let (key, value) = match whole.split_once('=') {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (whole.trim(), None),
        };
        Self {
            start,
            key,
            value,
            text,
        }
    }

    /// Where a slice of this line lies in the file.
    fn span_of(&self, part: &str) -> Option<Range<usize>> {
        let start = (part.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        (start + part.len() <= self.text.len() && !part.is_empty())
            .then(|| start..start + part.len())
    }
}

fn explained(message: Message, help: Message) -> Option<Explained> {
    Some(Explained {
        message,
        help,
        span: None,
    })
}

/// [`explained`], pointing at `part` of the line (the whole key or value).
fn explained_at(line: &Line<'_>, part: &str, message: Message, help: Message) -> Option<Explained> {
    Some(Explained {
        message,
        help,
        span: line.span_of(part),
    })
}

/// `tekst = """` … with no closing `"""`: point at where it opened.
fn unclosed_multiline(text: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    if !parser.contains("multi-line") {
        return None;
    }
    let quotes = if parser.contains("literal") {
        "'''"
    } else {
        "\"\"\""
    };
    let before = &text[..line.start.min(text.len())];
    let open = before
        .rfind(&format!("= {quotes}"))
        .or(before.rfind(quotes))?;
    let open_line = Line::at(text, open);
    let key = open_line.key;
    Some(Explained {
        message: tr!("syntax-unclosed-long-text", field = key, quotes = quotes),
        help: tr!("syntax-unclosed-long-text.help", quotes = quotes),
        span: Some(open_line.start..open + quotes.len() + 2),
    })
}

/// `titel = "Mangler anførselstegn` — no closing quote on the line.
fn unclosed_text(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let value = line.value?;
    let unclosed = (parser.contains("basic string") || parser.contains("literal string"))
        && !parser.contains("must be quoted")
        && value.starts_with(['"', '\''])
        && (value.len() == 1 || !value.ends_with(&value[..1]));
    unclosed.then(|| Explained {
        message: tr!("syntax-unclosed-text", field = line.key),
        help: tr!("syntax-unclosed-text.help"),
        span: None,
    })
}

const CURLY: [char; 8] = ['“', '”', '„', '‟', '‘', '’', '«', '»'];

/// `titel = “Budget”` — quotes from a word processor.
fn typographic_quotes(_: &str, line: &Line<'_>, _: &str) -> Option<Explained> {
    let value = line.value?;
    if !value.starts_with(CURLY) {
        return None;
    }
    let inner = value.trim_matches(|c| CURLY.contains(&c));
    explained(
        tr!("syntax-curly-quotes", field = line.key),
        tr!("syntax-curly-quotes.help", field = line.key, text = inner),
    )
}

/// `tekst = "C:\Users"` — a backslash starts an escape code in double quotes.
fn backslash(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let value = line.value?;
    let escape = parser.contains("escape") || parser.contains("unicode");
    if !escape || !value.contains('\\') {
        return None;
    }
    let help = match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        Some(inner) if !inner.contains('\'') => {
            tr!(
                "syntax-backslash.help-quoted",
                field = line.key,
                text = inner
            )
        }
        _ => tr!("syntax-backslash.help"),
    };
    explained(tr!("syntax-backslash", field = line.key), help)
}

/// Whether `s` is 1 to `max` ASCII digits.
fn digits(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `dato = 20-10-2020` or `20.10.2020` — the Danish way round.
fn danish_date(_: &str, line: &Line<'_>, _: &str) -> Option<Explained> {
    let value = line.value?.trim_matches('"');
    let parts: Vec<&str> = value.split(['-', '.', '/']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if !(digits(day, 2) && digits(month, 2) && year.len() == 4 && digits(year, 4)) {
        return None;
    }
    explained_at(
        line,
        line.value?,
        tr!("syntax-danish-date", field = line.key),
        tr!(
            "syntax-date.help",
            field = line.key,
            date = format!("{year}-{month:0>2}-{day:0>2}")
        ),
    )
}

/// `dato = 2025-5-5` — month and day need two digits.
fn short_date(_: &str, line: &Line<'_>, _: &str) -> Option<Explained> {
    let value = line.value?;
    let parts: Vec<&str> = value.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    if !(year.len() == 4 && digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let (m, d) = (month.parse::<u8>().ok()?, day.parse::<u8>().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return explained_at(
            line,
            value,
            tr!("syntax-impossible-date", field = line.key, date = value),
            tr!("syntax-impossible-date.help"),
        );
    }
    if month.len() == 2 && day.len() == 2 {
        // A whole date the parser still refused (30 February): said as a date.
        return explained_at(
            line,
            value,
            tr!("syntax-impossible-date", field = line.key, date = value),
            tr!("syntax-impossible-date.help"),
        );
    }
    explained_at(
        line,
        value,
        tr!("syntax-short-date", field = line.key),
        tr!(
            "syntax-date.help",
            field = line.key,
            date = format!("{year}-{month:0>2}-{day:0>2}")
        ),
    )
}

/// `udkast = ja` — yes and no are `true` and `false`.
fn yes_or_no(_: &str, line: &Line<'_>, _: &str) -> Option<Explained> {
    let written = line.value?;
    let truth = match written.trim_matches('"').to_lowercase().as_str() {
        "ja" | "yes" | "sand" | "true" => "true",
        "nej" | "no" | "falsk" | "false" => "false",
        _ => return None,
    };
    explained_at(
        line,
        line.value?,
        tr!("syntax-yes-or-no", field = line.key, written = written),
        tr!("syntax-write", field = line.key, value = truth),
    )
}

/// `udvalg = USS, UDF` — a list goes in square brackets, each text in quotes.
fn unquoted_list(_: &str, line: &Line<'_>, _: &str) -> Option<Explained> {
    let value = line.value?;
    if !value.contains(',') || value.starts_with(['"', '\'', '[']) {
        return None;
    }
    let items: Vec<String> = value
        .split(',')
        .map(|v| format!("\"{}\"", v.trim()))
        .collect();
    explained_at(
        line,
        value,
        tr!("syntax-unquoted-list", field = line.key),
        tr!(
            "syntax-write",
            field = line.key,
            value = format!("[{}]", items.join(", "))
        ),
    )
}

/// `økonomiske_konsekvenser = …` — TOML keys without quotes are ASCII only.
fn danish_key(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let key = line.key;
    if !parser.contains("key") || key.is_ascii() || key.starts_with('"') || key.contains(' ') {
        return None;
    }
    explained_at(
        line,
        key,
        tr!("syntax-danish-key", field = key),
        tr!(
            "syntax-danish-key.help",
            field = key,
            folded = fold_key(key)
        ),
    )
}

/// `det videre forløb = …` — a field name is one word.
fn spaced_key(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let key = line.key;
    if !parser.contains("key")
        || line.value.is_none()
        || !key.contains(' ')
        || key.starts_with(['"', '['])
    {
        return None;
    }
    let joined = fold_key(
        &key.split_whitespace()
            .collect::<Vec<_>>()
            .join("_")
            .to_lowercase(),
    );
    explained_at(
        line,
        key,
        tr!("syntax-spaced-key", field = key),
        tr!("syntax-spaced-key.help", joined = joined),
    )
}

/// The same key twice in one table.
fn duplicate(text: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    if !parser.contains("duplicate") {
        return None;
    }
    let key = line.key;
    let earlier = text[..line.start]
        .lines()
        .enumerate()
        .filter(|(_, l)| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|(i, _)| i + 1)
        .last();
    let help = match earlier {
        Some(n) => tr!("field-twice.help", line = n),
        None => tr!("syntax-twice.help"),
    };
    explained(tr!("syntax-twice", field = key), help)
}

/// `titel = Budget 2025` — text without quotes.
fn unquoted_text(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let value = line.value?;
    if !parser.contains("must be quoted") && !parser.contains("invalid string") {
        return None;
    }
    let help = if value.contains('"') || value.is_empty() {
        tr!("syntax-unquoted-text.help")
    } else {
        tr!(
            "syntax-unquoted-text.help-field",
            field = line.key,
            text = value
        )
    };
    explained(tr!("syntax-unquoted-text", field = line.key), help)
}

#[cfg(test)]
mod tests;
