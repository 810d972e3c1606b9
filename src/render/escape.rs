//! Escaping user text for Typst — the one place where user data becomes Typst source.
//!
//! Two contexts: markup (running text) and string literals (metadata, link targets).
//! Everything a user writes reaches Typst through one of these, so `#read("/etc/passwd")`,
//! `$x$`, `<label>`, `@ref` or `{{ x }}` print literally.

/// Characters with a meaning somewhere in Typst markup (or that continue an expression
/// after an inline call): each is written with a backslash in front.
const MARKUP_SPECIAL: &[char] = &[
    '\\', '#', '$', '*', '_', '@', '<', '>', '`', '[', ']', '(', ')', '{', '}', '~', '=', '-', '+',
    '/', '\'', '"', '.', ':', ';', '^', '%', '&', '|', '!', '?', ',',
];

/// Escapes text for Typst markup, so that it prints literally.
///
/// Line breaks and tabs become spaces (a paragraph break is never taken from plain text);
/// other control and line/paragraph-separator characters are dropped.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        push_markup_char(&mut out, c);
    }
    out
}

fn push_markup_char(out: &mut String, c: char) {
    match c {
        '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            out.push(' ')
        }
        c if c.is_control() => {}
        c if MARKUP_SPECIAL.contains(&c) => {
            out.push('\\');
            out.push(c);
        }
        c => out.push(c),
    }
}

/// Escapes text into a quoted Typst string literal: `"…"`.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text for a web page: the characters HTML gives a meaning escaped (the one HTML escaper
/// of every page of the site).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for PDF metadata: control characters and line breaks become single spaces.
pub fn plain_line(text: &str) -> String {
    text.split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_every_special_character() {
        assert_eq!(markup("#read(\"x\")"), "\\#read\\(\\\"x\\\"\\)");
        assert_eq!(markup("a*b_c"), "a\\*b\\_c");
        assert_eq!(markup("1. punkt"), "1\\. punkt");
        assert_eq!(markup("æøå ÆØÅ"), "æøå ÆØÅ");
    }

    #[test]
    fn markup_flattens_control_characters() {
        assert_eq!(markup("a\nb\u{1}c"), "a bc");
    }

    #[test]
    fn string_literal_quotes() {
        assert_eq!(string_literal("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(string_literal("\u{7}"), "\"\\u{7}\"");
    }

    #[test]
    fn plain_line_collapses_whitespace() {
        assert_eq!(plain_line(" a\n\tb  c\u{1}d "), "a b c d");
    }
}
