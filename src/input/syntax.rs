//! TOML syntax errors in the words of the people who write cases: the parser's message
//! ("invalid unquoted key, expected letters…") becomes what went wrong and how to write
//! it instead, for the mistakes people make: Word's curly quotes, Danish dates, æøå in
//! keys, spaces in keys, backslashes, unclosed texts, a field given twice.

use std::ops::Range;

use super::fields::fold_key;

/// A syntax error explained: message, fix, and where to point (if better than the
/// parser's position).
#[derive(Debug, PartialEq, Eq)]
pub struct Explained {
    /// What went wrong, plainly.
    pub message: String,
    /// How to write it instead.
    pub help: String,
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
            message: format!("TOML syntax error: {parser}"),
            help: "text values need quotes (\"…\"), long texts triple quotes (\"\"\"…\"\"\"); compare with the example cases".into(),
            span: None,
        })
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

fn explained(message: String, help: String) -> Option<Explained> {
    Some(Explained {
        message,
        help,
        span: None,
    })
}

/// [`explained`], pointing at `part` of the line (the whole key or value).
fn explained_at(line: &Line<'_>, part: &str, message: String, help: String) -> Option<Explained> {
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
        message: format!("the text of `{key}` starts with {quotes} but never ends"),
        help: format!("end the text with {quotes} on a line of its own, before the next field"),
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
        message: format!("the text of `{}` has no closing quote", line.key),
        help: "end the text with a quote (\") on the same line; text over several lines goes between triple quotes (\"\"\" … \"\"\")".into(),
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
        format!(
            "the text of `{}` is in typographic quotes (“…”), which TOML does not read",
            line.key
        ),
        format!(
            "use straight quotes, as a word processor does not: `{} = \"{inner}\"`",
            line.key
        ),
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
        Some(inner) if !inner.contains('\'') => format!(
            "write the text in single quotes, where \\ is just a character: `{} = '{inner}'` (or write \\\\ for each \\)",
            line.key
        ),
        _ => "write \\\\ for each \\, or put the text in single quotes ('…')".to_string(),
    };
    explained(
        format!(
            "the text of `{}` contains a backslash (\\), which starts a special code in text in double quotes",
            line.key
        ),
        help,
    )
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
        format!("`{}` must be written year-month-day", line.key),
        format!("write `{} = {year}-{month:0>2}-{day:0>2}`", line.key),
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
    explained_at(
        line,
        value,
        format!("`{}` needs two digits for the month and the day", line.key),
        format!("write `{} = {year}-{month:0>2}-{day:0>2}`", line.key),
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
        format!(
            "`{}` is true or false (without quotes), not {written}",
            line.key
        ),
        format!("write `{} = {truth}`", line.key),
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
        format!(
            "`{}` looks like a list, which TOML writes in square brackets with each text in quotes",
            line.key
        ),
        format!("write `{} = [{}]`", line.key, items.join(", ")),
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
        format!("the field name `{key}` has letters TOML only reads in quotes (æ, ø, å)"),
        format!("write `{}` or `\"{key}\"` instead", fold_key(key)),
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
        format!("the field name `{key}` contains spaces"),
        format!("field names are written with _ between the words, e.g. `{joined}`"),
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
        Some(n) => format!("it is already set on line {n}; keep one of them"),
        None => "each field may be given once; keep one of them".to_string(),
    };
    explained(format!("`{key}` is given twice"), help)
}

/// `titel = Budget 2025` — text without quotes.
fn unquoted_text(_: &str, line: &Line<'_>, parser: &str) -> Option<Explained> {
    let value = line.value?;
    if !parser.contains("must be quoted") && !parser.contains("invalid string") {
        return None;
    }
    let help = if value.contains('"') || value.is_empty() {
        "put the text in quotes: \"…\"".to_string()
    } else {
        format!("put the text in quotes: `{} = \"{value}\"`", line.key)
    };
    explained(
        format!("the text of `{}` must be in quotes", line.key),
        help,
    )
}

#[cfg(test)]
mod tests;
