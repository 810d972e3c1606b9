//! Export files as text: their encoding found (a byte-order mark, the XML declaration or an
//! HTML `<meta charset>`, else UTF-8 with Windows-1252 as the fallback), line endings
//! made `\n`, and — for XML — the characters XML 1.0 forbids removed, so that real exports
//! are read rather than refused.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The text of an export file.
pub fn decode(bytes: &[u8]) -> String {
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => encoding.decode_without_bom_handling(&bytes[bom..]).0,
        None => match declared(bytes) {
            Some(encoding) => encoding.decode_without_bom_handling(bytes).0,
            None => match std::str::from_utf8(bytes) {
                Ok(text) => text.into(),
                Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
            },
        },
    };
    normalise_line_endings(&text)
}

/// The encoding the file's head declares (`encoding="windows-1252"`, `charset=utf-8`).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head
        .find("encoding=")
        .map(|i| i + "encoding=".len())
        .or_else(|| head.find("charset=").map(|i| i + "charset=".len()))?;
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = Encoding::for_label(label.as_bytes())?;
    // A file that says UTF-16 but has no byte-order mark was read as bytes already; one
    // that says UTF-8 is checked (and falls back) by the caller.
    (encoding != UTF_8 && encoding.output_encoding() == encoding).then_some(encoding)
}

/// `\r\n` and lone `\r` as `\n`.
fn normalise_line_endings(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// XML text that an XML 1.0 parser accepts: the declaration dropped (the text is decoded
/// already, whatever it declared), and characters XML 1.0 forbids — raw or as character
/// references like `&#xC;` — replaced by a space.
pub fn clean_xml(text: &str) -> String {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let entities = html_entities(text);
    let text: &str = &entities;
    let text = match text.strip_prefix("<?xml") {
        Some(rest) => rest.find("?>").map_or(text, |end| &rest[end + 2..]),
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let reference = &rest[at..];
        match char_reference(reference) {
            Some((code, len)) if !allowed(code) => {
                out.push(' ');
                rest = &reference[len..];
            }
            _ => {
                out.push_str("&#");
                rest = &reference[2..];
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .map(|c| if allowed(c as u32) { c } else { ' ' })
        .collect()
}

/// HTML's named entities, which exports write into XML (`&nbsp;`, `&oslash;`) though XML
/// knows only five: the common ones as character references, any other kept as text.
fn html_entities(text: &str) -> String {
    const NAMED: &[(&str, u32)] = &[
        ("nbsp", 160),
        ("shy", 173),
        ("aelig", 230),
        ("AElig", 198),
        ("oslash", 248),
        ("Oslash", 216),
        ("aring", 229),
        ("Aring", 197),
        ("eacute", 233),
        ("Eacute", 201),
        ("auml", 228),
        ("ouml", 246),
        ("uuml", 252),
        ("Auml", 196),
        ("Ouml", 214),
        ("Uuml", 220),
        ("ndash", 8211),
        ("mdash", 8212),
        ("hellip", 8230),
        ("laquo", 171),
        ("raquo", 187),
        ("lsquo", 8216),
        ("rsquo", 8217),
        ("ldquo", 8220),
        ("rdquo", 8221),
        ("bdquo", 8222),
        ("bull", 8226),
        ("middot", 183),
        ("sect", 167),
        ("para", 182),
        ("euro", 8364),
        ("copy", 169),
        ("reg", 174),
        ("deg", 176),
        ("frac12", 189),
        ("half", 189),
        ("times", 215),
        ("divide", 247),
        ("plusmn", 177),
        ("sup2", 178),
        ("ensp", 8194),
        ("emsp", 8195),
        ("thinsp", 8201),
        ("zwnj", 8204),
        ("zwj", 8205),
    ];
    const XML: [&str; 5] = ["amp", "lt", "gt", "quot", "apos"];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let is_named = name_len > 0
            && after[name_len..].starts_with(';')
            && name.starts_with(|c: char| c.is_ascii_alphabetic());
        if !is_named || XML.contains(&name) {
            out.push('&');
            rest = after;
            continue;
        }
        match NAMED.iter().find(|(n, _)| *n == name) {
            Some((_, code)) => out.push_str(&format!("&#{code};")),
            // An entity XML cannot resolve: its text, as written.
            None => out.push_str(&format!("&amp;{name};")),
        }
        rest = &after[name_len + 1..];
    }
    out.push_str(rest);
    out
}

/// A character reference at the start of `text` (`&#12;`, `&#xC;`): its code and length.
fn char_reference(text: &str) -> Option<(u32, usize)> {
    let end = text.find(';')?;
    let body = &text[2..end];
    let code = match body.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => body.parse().ok()?,
    };
    Some((code, end + 1))
}

/// Whether XML 1.0 allows the character.
fn allowed(code: u32) -> bool {
    matches!(code, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_and_declarations_choose_the_encoding() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "<a>Økonomi</a>"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes()),
            )
            .collect();
        assert_eq!(decode(&utf16), "<a>Økonomi</a>");
        let cp1252 = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\xd8konomi</a>";
        assert!(decode(cp1252).ends_with("<a>Økonomi</a>"));
        // Undeclared and not UTF-8: Windows-1252, the usual culprit.
        assert_eq!(decode(b"<a>\xe6bler</a>"), "<a>æbler</a>");
        assert_eq!(decode("<a>æbler</a>".as_bytes()), "<a>æbler</a>");
    }

    #[test]
    fn mixed_line_endings_become_one() {
        assert_eq!(decode(b"a\r\nb\rc\nd"), "a\nb\nc\nd");
    }

    #[test]
    fn html_entities_in_xml_are_read() {
        let cleaned = clean_xml("<a>S&oslash;ren&nbsp;og &amp; &ukendt; &lt;p&gt; &#230;</a>");
        let doc = roxmltree::Document::parse(&cleaned).unwrap();
        assert_eq!(
            doc.root_element().text(),
            Some("Søren\u{a0}og & &ukendt; <p> æ")
        );
    }

    #[test]
    fn characters_xml_forbids_are_replaced() {
        let cleaned =
            clean_xml("<?xml version=\"1.0\"?><a>Side&#xC;skift&#12;og\u{b}&#x41;&amp;</a>");
        assert_eq!(cleaned, "<a>Side skift og &#x41;&amp;</a>");
        assert!(roxmltree::Document::parse(&cleaned).is_ok());
    }
}
