//! Which template line produced which part of the generated Typst, so that a Typst error
//! caused by a user's template override can point into that template.
//!
//! minijinja keeps no such map, so one is made: every template line that ends in plain
//! text gets an invisible mark (private-use characters holding the template and line)
//! at its end, the template is rendered once more with the marks, and the marks are
//! taken out again, remembering where they were. A mark at the end of a line's output
//! says that the text before it, back to the previous mark, came from that line.

use std::ops::Range;

/// Opens a mark: private-use characters, which neither minijinja nor Typst give meaning.
const OPEN: char = '\u{E000}';
/// Closes a mark.
const CLOSE: char = '\u{E001}';

/// Where one template line's output ends in the generated source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// Byte offset in the generated source.
    offset: usize,
    /// Which template (an index the caller gave to `instrument`).
    template: usize,
    /// The template line, 1-based.
    line: usize,
}

/// The marks of one rendering.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    marks: Vec<Mark>,
}

impl SourceMap {
    /// Takes the marks out of a marked rendering. `None` when the result is not exactly
    /// `plain` (the unmarked rendering): then the marks cannot be trusted.
    pub fn from_marked(marked: &str, plain: &str) -> Option<Self> {
        let mut text = String::with_capacity(marked.len());
        let mut marks = Vec::new();
        let mut rest = marked;
        while let Some(open) = rest.find(OPEN) {
            text.push_str(&rest[..open]);
            let after = &rest[open + OPEN.len_utf8()..];
            let close = after.find(CLOSE)?;
            let (template, line) = after[..close].split_once('.')?;
            marks.push(Mark {
                offset: text.len(),
                template: template.parse().ok()?,
                line: line.parse().ok()?,
            });
            rest = &after[close + CLOSE.len_utf8()..];
        }
        text.push_str(rest);
        (text == plain && !text.contains(CLOSE)).then_some(Self { marks })
    }

    /// The template and line that produced the generated text at `offset`.
    pub fn lookup(&self, offset: usize) -> Option<(usize, usize)> {
        let index = self.marks.partition_point(|m| m.offset < offset);
        self.marks.get(index).map(|m| (m.template, m.line))
    }
}

/// A template's text with a mark at the end of each line that ends in plain text.
/// Lines ending inside a tag, or in a tag that trims the newline after it, get none:
/// a mark there would change the output's white space.
pub fn instrument(template: usize, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut scanner = Scanner::default();
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let (body, ending) = split_ending(line);
        let raw_before = scanner.raw;
        scanner.scan(body);
        // A line wholly inside `{% raw %}` is text, whatever it looks like.
        let all_raw = raw_before && scanner.raw;
        let at = if scanner.in_tag {
            None
        } else {
            mark_position(body, all_raw)
        };
        match at {
            Some(at) => {
                out.push_str(&body[..at]);
                out.push_str(&format!("{OPEN}{template}.{}{CLOSE}", index + 1));
                out.push_str(&body[at..]);
            }
            None => out.push_str(body),
        }
        out.push_str(ending);
    }
    out
}

/// A line without its line ending, and the ending.
fn split_ending(line: &str) -> (&str, &str) {
    let body = line.trim_end_matches(['\n', '\r']);
    (body, &line[body.len()..])
}

/// Where on a line (that does not end inside a tag) the mark goes, if anywhere.
fn mark_position(body: &str, raw: bool) -> Option<usize> {
    let trimmed = body.trim_end();
    if raw {
        return Some(body.len());
    }
    if trimmed.ends_with("-}}") || trimmed.ends_with("-%}") || trimmed.ends_with("-#}") {
        return None;
    }
    if trimmed.ends_with("%}") || trimmed.ends_with("#}") {
        // trim_blocks eats the newline after a block tag: mark before the tag, if the
        // line has output before it.
        let open = if trimmed.ends_with("%}") { "{%" } else { "{#" };
        let start = trimmed.rfind(open)?;
        let before = &body[..start];
        let has_text = !before.trim().is_empty() && !before.trim_end().ends_with("%}");
        return (has_text && !body[start..].starts_with("{%-")).then_some(start);
    }
    Some(body.len())
}

/// Follows `{{ }}`, `{% %}`, `{# #}` and `{% raw %}` across lines.
#[derive(Debug, Default)]
struct Scanner {
    /// Inside a tag that has not closed yet.
    in_tag: bool,
    /// The closing of the open tag.
    close: &'static str,
    /// Inside `{% raw %}`.
    raw: bool,
}

impl Scanner {
    fn scan(&mut self, line: &str) {
        let mut rest = line;
        loop {
            if self.in_tag {
                let Some(end) = rest.find(self.close) else {
                    return;
                };
                self.in_tag = false;
                rest = &rest[end + 2..];
            } else if self.raw {
                let Some(end) = find_endraw(rest) else {
                    return;
                };
                self.raw = false;
                rest = &rest[end..];
            } else {
                let Some(start) = rest.find('{') else {
                    return;
                };
                let tag = &rest[start..];
                self.close = match tag.get(..2) {
                    Some("{{") => "}}",
                    Some("{%") => "%}",
                    Some("{#") => "#}",
                    _ => {
                        rest = &rest[start + 1..];
                        continue;
                    }
                };
                if self.close == "%}" && is_raw_tag(tag) {
                    self.raw = true;
                    rest = &tag[tag.find("%}").map_or(tag.len(), |e| e + 2)..];
                    continue;
                }
                self.in_tag = true;
                rest = &tag[2..];
            }
        }
    }
}

/// Whether `tag` starts with `{% raw %}` (with or without trim markers).
fn is_raw_tag(tag: &str) -> bool {
    block_tags(tag)
        .next()
        .is_some_and(|(span, word)| span.start == 0 && word == "raw")
}

/// The end of the `{% endraw %}` tag in `text`, if it is there.
fn find_endraw(text: &str) -> Option<usize> {
    block_tags(text)
        .find(|(_, word)| *word == "endraw")
        .map(|(span, _)| span.end)
}

/// Every complete `{% … %}` tag in `text`: where it is, and its first word (`if`,
/// `endfor`, …) without trim markers.
pub fn block_tags(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = text[from..].find("{%")? + from;
        let end = text[start..].find("%}")? + start;
        from = end + 2;
        let inner =
            text[start + 2..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        let word = inner.split_whitespace().next().unwrap_or("");
        Some((start..end + 2, word))
    })
}

#[cfg(test)]
mod tests;
