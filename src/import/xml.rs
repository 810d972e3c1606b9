//! Reading export XML by element names: namespaces and letter case of the names ignored
//! (the systems' schemas differ between versions), text trimmed, and content that is HTML
//! — escaped, in CDATA, or written as elements inside the XML — taken out as HTML.

use std::path::PathBuf;

use roxmltree::{Document, Node, ParsingOptions};

use crate::dates::Date;

/// Parses cleaned export XML (see `text::clean_xml`).
pub fn parse(text: &str) -> Result<Document<'_>, String> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).map_err(|e| e.to_string())
}

/// Whether the element's local name is `name` (any letter case).
pub fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name().eq_ignore_ascii_case(name)
}

/// The first child element named `name`.
pub fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

/// The child elements named `name`.
pub fn children<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |c| is(*c, name))
}

/// The first element below `node` (at any depth) named `name`.
pub fn find<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.descendants().find(|c| is(*c, name))
}

/// Follows a path of child names (`["Meeting", "When"]`).
pub fn path<'a, 'i>(node: Node<'a, 'i>, names: &[&str]) -> Option<Node<'a, 'i>> {
    names.iter().try_fold(node, |n, name| child(n, name))
}

/// All text below the element, trimmed; `None` when empty.
pub fn text(node: Node<'_, '_>) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The text of the child at `names`, trimmed; `None` when absent or empty.
pub fn text_at(node: Node<'_, '_>, names: &[&str]) -> Option<String> {
    path(node, names).and_then(text)
}

/// A boolean as exports write it ("True", "true", "1").
pub fn flag(node: Node<'_, '_>, names: &[&str]) -> Option<bool> {
    let text = text_at(node, names)?.to_lowercase();
    match text.as_str() {
        "true" | "1" | "ja" | "yes" => Some(true),
        "false" | "0" | "nej" | "no" => Some(false),
        _ => None,
    }
}

/// The element's content as HTML: its text (which exports fill with escaped or CDATA
/// HTML) and, where the HTML was written as XML elements, those elements as written.
pub fn html(node: Node<'_, '_>, source: &str) -> String {
    let mut out = String::new();
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.is_element() {
            out.push_str(&source[child.range()]);
        }
    }
    out
}

/// All the text an item element holds, as its words would be read by someone who opens
/// the export, apart from how a reader maps it: every text below it (HTML content as the
/// text it shows), less the elements `is_metadata` picks (the export's bookkeeping, a
/// short list per format) and values that are no prose at all (numbers, dates, flags,
/// identifiers, file names, addresses). What the import's own check counts.
pub fn item_text(node: Node<'_, '_>, is_metadata: impl Fn(Node<'_, '_>) -> bool) -> String {
    let mut out = String::new();
    for text in node.descendants().filter(|n| n.is_text()) {
        let skipped = text
            .ancestors()
            .take_while(|a| *a != node)
            .any(&is_metadata);
        let value = text.text().unwrap_or_default().trim();
        if skipped || value.is_empty() || is_bookkeeping(value) {
            continue;
        }
        let shown = if value.contains('<') {
            super::html::shown_text(value)
        } else {
            value.to_string()
        };
        out.push_str(&shown);
        out.push(' ');
    }
    out
}

/// Whether the element is a `NeutralTitle` that says what its sibling `Title` says.
pub fn repeats_title(node: Node<'_, '_>) -> bool {
    is(node, "NeutralTitle")
        && node
            .parent()
            .is_some_and(|p| text_at(p, &["Title"]).is_some_and(|t| Some(t) == text(node)))
}

/// Whether the element is one of `names`; `Parent/Name` names an element inside another.
pub fn is_one_of(node: Node<'_, '_>, names: &[&str]) -> bool {
    names.iter().any(|name| is_named(node, name))
}

/// Whether the element is `name`, or — for `parent/name` — `name` inside `parent`.
fn is_named(node: Node<'_, '_>, name: &str) -> bool {
    match name.split_once('/') {
        Some((parent, own)) => is(node, own) && node.parent().is_some_and(|p| is(p, parent)),
        None => is(node, name),
    }
}

/// A value no reader shows as text: without letters, a flag, an identifier, a file name,
/// an address.
fn is_bookkeeping(value: &str) -> bool {
    let lower = value.to_lowercase();
    let one_word = !value.contains(char::is_whitespace);
    !value.chars().any(char::is_alphabetic)
        || matches!(lower.as_str(), "true" | "false")
        || (one_word
            && (lower.contains("://")
                || lower.contains('\\')
                || lower.contains('@')
                || lower.contains('_')
                || is_file_name(&lower)
                || is_identifier(&lower)))
}

fn is_file_name(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && matches!(
                ext,
                "pdf"
                    | "doc"
                    | "docx"
                    | "xls"
                    | "xlsx"
                    | "xml"
                    | "html"
                    | "htm"
                    | "msg"
                    | "jpg"
                    | "png"
                    | "txt"
                    | "ppt"
                    | "pptx"
            )
    })
}

/// A GUID or a code mixing letters and digits ("2021-000123-4", "e9117c72-1d79-…").
fn is_identifier(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    digits > 0 && word.chars().all(|c| c.is_ascii_hexdigit() || c == '-') && word.contains('-')
}

/// The first non-empty text among the paths (the names one thing goes by in the exports
/// of different versions).
pub fn first(node: Node<'_, '_>, paths: &[&[&str]]) -> Option<String> {
    paths.iter().find_map(|p| text_at(node, p))
}

/// A file as an export names it, relative to the export's folder: Windows separators
/// written as `/`, no leading one.
pub fn file_path(written: &str) -> PathBuf {
    PathBuf::from(written.replace('\\', "/").trim_start_matches('/'))
}

/// A date and time of day as exports write them: "15-05-2013 16:30:00",
/// "2013-06-20 10:30", "onsdag den 8. oktober 2025 kl. 16.00".
pub fn when(text: &str) -> Option<(Date, Option<String>)> {
    let (date, range) = Date::find_in(text)?;
    Some((date, time_of_day(&text[range.end..])))
}

/// The first time of day ("16:30", "16.00") in a text, as `HH:MM`; midnight (exports
/// write "00:00:00" when there is no time) counts as none.
fn time_of_day(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        if !bytes[start].is_ascii_digit() || (start > 0 && bytes[start - 1].is_ascii_digit()) {
            continue;
        }
        let hours = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let at = start + hours;
        if !(1..=2).contains(&hours) || !matches!(bytes.get(at), Some(b':' | b'.')) {
            continue;
        }
        let minutes = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if minutes != 2 {
            continue;
        }
        let h: u8 = text[start..at].parse().ok()?;
        let m: u8 = text[at + 1..at + 3].parse().ok()?;
        if h < 24 && m < 60 && (h, m) != (0, 0) {
            return Some(format!("{h:02}:{m:02}"));
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_as_exports_write_them() {
        let iso = |t: &str| when(t).map(|(d, t)| (d.iso(), t));
        assert_eq!(
            iso("15-05-2013 16:30:00"),
            Some(("2013-05-15".into(), Some("16:30".into())))
        );
        assert_eq!(
            iso("2013-06-20 10:30"),
            Some(("2013-06-20".into(), Some("10:30".into())))
        );
        assert_eq!(
            iso("onsdag den 1. oktober 2025 kl. 15.45"),
            Some(("2025-10-01".into(), Some("15:45".into())))
        );
        assert_eq!(iso("01-01-2010 00:00"), Some(("2010-01-01".into(), None)));
        assert_eq!(iso("ingen dato"), None);
    }

    #[test]
    fn html_content_is_taken_as_written() {
        let source =
            "<r><Content><![CDATA[<p>a &amp; b</p>]]></Content><C2><p>x <b>y</b></p>tail</C2></r>";
        let doc = parse(source).unwrap();
        let root = doc.root_element();
        assert_eq!(
            html(child(root, "content").unwrap(), source),
            "<p>a &amp; b</p>"
        );
        assert_eq!(
            html(child(root, "C2").unwrap(), source),
            "<p>x <b>y</b></p>tail"
        );
    }

    #[test]
    fn an_items_text_is_all_its_prose_less_bookkeeping() {
        let source = "<Item><Caption>Vejplan</Caption><Created>09-04-2013 14:17:18</Created>\
<CreatedBy><Name>Mai Hansen</Name><Email>mh@k.dk</Email></CreatedBy><IsPublic>True</IsPublic>\
<Id>e9117c72-1d79-4fe9</Id><File>bilag_1.pdf</File><Note>Husk skiltning</Note>\
<Content><![CDATA[<p>Vejene <b>asfalteres</b>.</p>]]></Content></Item>";
        let doc = parse(source).unwrap();
        let text = item_text(doc.root_element(), |n| is_one_of(n, &["CreatedBy"]));
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["Vejplan", "Husk", "skiltning", "Vejene", "asfalteres", "."]
        );
    }
}
