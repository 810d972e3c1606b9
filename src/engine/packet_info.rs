//! Finishing a reading packet as the documents are finished: its title where common readers
//! look for it (the Info dictionary; for PDF 2.0 Typst writes it only in XMP) and
//! `DisplayDocTitle`, so a reader's window shows the title rather than the file name.
//!
//! Done as an incremental update appended to Typst's output — new versions of the Info and
//! Catalog objects, an xref section for them, and a trailer pointing back — so a packet of
//! thousands of pages is not parsed or rewritten. The bytes depend only on the input, so
//! packets stay reproducible.

/// The packet with its title in the Info dictionary and `DisplayDocTitle` set; the bytes
/// unchanged when they are not laid out as Typst writes them (a classic xref table).
pub fn with_title(mut pdf: Vec<u8>, title: &str) -> Vec<u8> {
    if let Some(update) = update(&pdf, title) {
        // Appended in place: a large vector grows by remapping its pages, not by copying
        // them, so a packet of hundreds of megabytes is not held twice.
        pdf.extend_from_slice(&update);
    }
    pdf
}

/// What the last trailer says.
struct Trailer {
    xref: usize,
    size: usize,
    root: usize,
    info: usize,
    id: Option<String>,
}

fn update(pdf: &[u8], title: &str) -> Option<Vec<u8>> {
    let trailer = trailer(pdf)?;
    let catalog = object(pdf, &trailer, trailer.root)?;
    let info = object(pdf, &trailer, trailer.info)?;
    let catalog = with_display_doc_title(catalog)?;
    let info = format!("<</Title{}{}", text_string(title), info.strip_prefix("<<")?);
    let mut out = Vec::new();
    let mut entries = Vec::new();
    if !pdf.ends_with(b"\n") {
        out.push(b'\n');
    }
    // Offsets count from the start of the file, the original bytes included.
    let start = pdf.len();
    for (number, body) in [(trailer.info, info), (trailer.root, catalog)] {
        entries.push((number, start + out.len()));
        out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    entries.sort_unstable();
    let xref = start + out.len();
    out.extend_from_slice(b"xref\n");
    for (number, offset) in entries {
        out.extend_from_slice(format!("{number} 1\n{offset:010} 00000 n \n").as_bytes());
    }
    let id = trailer.id.map_or(String::new(), |id| format!("/ID{id}"));
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {}/Root {} 0 R/Info {} 0 R{id}/Prev {}>>\nstartxref\n{xref}\n%%EOF\n",
            trailer.size, trailer.root, trailer.info, trailer.xref
        )
        .as_bytes(),
    );
    Some(out)
}

/// The last `startxref` and the classic trailer after the table it points at.
fn trailer(pdf: &[u8]) -> Option<Trailer> {
    let tail = &pdf[pdf.len().saturating_sub(64)..];
    let at = find_last(tail, b"startxref")?;
    let xref: usize = number_after(&tail[at + b"startxref".len()..])?;
    if !pdf.get(xref..)?.starts_with(b"xref") {
        return None;
    }
    let rest = std::str::from_utf8(&pdf[xref..]).ok()?;
    let dict = &rest[rest.find("trailer")?..];
    let dict = &dict[..dict.find(">>")? + 2];
    Some(Trailer {
        xref,
        size: reference(dict, "/Size ", "")?,
        root: reference(dict, "/Root ", " 0 R")?,
        info: reference(dict, "/Info ", " 0 R")?,
        id: dict.find("/ID[").and_then(|i| {
            dict[i + 3..]
                .find(']')
                .map(|j| dict[i + 3..i + 4 + j].to_string())
        }),
    })
}

/// The dictionary of object `number`, found through the xref table.
fn object<'p>(pdf: &'p [u8], trailer: &Trailer, number: usize) -> Option<&'p str> {
    let table = std::str::from_utf8(&pdf[trailer.xref..]).ok()?;
    let mut lines = table.lines().skip(1);
    let offset = loop {
        let header = lines.next()?;
        let mut parts = header.split_whitespace();
        let first: usize = parts.next()?.parse().ok()?;
        let count: usize = parts.next()?.parse().ok()?;
        if (first..first + count).contains(&number) {
            let entry = lines.nth(number - first)?;
            break entry.split_whitespace().next()?.parse::<usize>().ok()?;
        }
        for _ in 0..count {
            lines.next()?;
        }
    };
    let end = offset + find(pdf.get(offset..)?, b"endobj")?;
    let text = std::str::from_utf8(&pdf[offset..end + b"endobj".len()]).ok()?;
    let body = &text[text.find("obj")? + 3..text.find("endobj")?];
    let body = body.trim();
    body.starts_with("<<").then_some(body)
}

/// The catalog with `DisplayDocTitle` in its viewer preferences.
fn with_display_doc_title(catalog: &str) -> Option<String> {
    if catalog.contains("/DisplayDocTitle") {
        return Some(catalog.to_string());
    }
    Some(match catalog.find("/ViewerPreferences<<") {
        Some(at) => {
            let split = at + "/ViewerPreferences<<".len();
            format!(
                "{}/DisplayDocTitle true{}",
                &catalog[..split],
                &catalog[split..]
            )
        }
        None => format!(
            "<</ViewerPreferences<</DisplayDocTitle true>>{}",
            catalog.strip_prefix("<<")?
        ),
    })
}

/// A PDF text string: UTF-16BE with a byte-order mark, as hex.
fn text_string(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        hex.push_str(&format!("{unit:04X}"));
    }
    hex.push('>');
    hex
}

fn reference(dict: &str, key: &str, end: &str) -> Option<usize> {
    let rest = &dict[dict.find(key)? + key.len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    rest[digits.len()..]
        .starts_with(end)
        .then(|| digits.parse().ok())?
}

fn number_after(bytes: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(bytes).ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_utf16_hex() {
        assert_eq!(text_string("Å"), "<FEFF00C5>");
    }

    #[test]
    fn viewer_preferences_are_extended_or_added() {
        assert_eq!(
            with_display_doc_title("<</Type/Catalog/ViewerPreferences<</Direction/L2R>>>>")
                .unwrap(),
            "<</Type/Catalog/ViewerPreferences<</DisplayDocTitle true/Direction/L2R>>>>"
        );
        assert_eq!(
            with_display_doc_title("<</Type/Catalog>>").unwrap(),
            "<</ViewerPreferences<</DisplayDocTitle true>>/Type/Catalog>>"
        );
    }

    #[test]
    fn unknown_layouts_are_left_alone() {
        let pdf = b"%PDF-2.0\nnot what Typst writes\n".to_vec();
        assert_eq!(with_title(pdf.clone(), "x"), pdf);
    }
}
