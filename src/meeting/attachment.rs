//! Attachment PDFs: counted and inspected in Rust before Typst embeds their pages
//! (Typst cannot tell a PDF's page count, and refuses encrypted ones).

use crate::diag::{Diagnostic, shown_path};
use crate::i18n::{Message, io_error};
use crate::tr;
use std::path::Path;

use lopdf::{Document, Object, Outline};
use typst::foundations::Bytes;

/// Largest attachment accepted.
pub const MAX_ATTACHMENT_BYTES: u64 = 200 * 1024 * 1024;

/// What the packet report needs to know about an attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// Number of pages.
    pub pages: usize,
    /// Whether it is a tagged PDF (has a structure tree).
    pub tagged: bool,
    /// Whether every font it uses is embedded.
    pub fonts_embedded: bool,
    /// Whether it has no text at all (a scan).
    pub scanned: bool,
    /// Whether its cross-reference table was damaged and rebuilt to read it (as poppler and
    /// qpdf do); Typst rebuilds it the same way when it embeds the pages.
    pub repaired: bool,
    /// Its own bookmarks, in order.
    pub outline: Vec<Bookmark>,
    /// Its pages (1-based) that are shown wider than tall: a budget's spreadsheets, a turned
    /// scan. A packet gives them a landscape page of their own rather than shrinking them
    /// onto an upright one.
    pub landscape: Vec<usize>,
}

/// One bookmark (outline entry) of an attachment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// 1 for a top-level entry, 2 below one, …
    pub level: usize,
    /// Its text.
    pub title: String,
    /// The page it leads to (1-based).
    pub page: usize,
}

/// Bookmarks deeper than this are left out (a packet's outline stays readable), and no
/// attachment brings more than this many.
const MAX_BOOKMARK_LEVEL: usize = 4;
const MAX_BOOKMARKS: usize = 1_000;

/// Reads an attachment through `read` (the run's file cache, which Typst reads it from
/// too); the error names the file and says what is wrong with it.
pub fn inspect(
    path: &Path,
    read: &dyn Fn(&Path) -> std::io::Result<Bytes>,
) -> Result<AttachmentInfo, Diagnostic> {
    let file = shown_path(path);
    info(path, &file, read).map_err(Diagnostic::error)
}

/// Reads an attachment; the error names it (`file`, as shown to the user).
fn info(
    path: &Path,
    file: &str,
    read: &dyn Fn(&Path) -> std::io::Result<Bytes>,
) -> Result<AttachmentInfo, Message> {
    let unreadable =
        |e: std::io::Error| tr!("attachment-unreadable", file = file, reason = io_error(&e));
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_ATTACHMENT_BYTES {
        return Err(tr!(
            "attachment-too-big",
            file = file,
            size = size / 1_000_000,
            limit = MAX_ATTACHMENT_BYTES / 1_000_000
        ));
    }
    let bytes = read(path).map_err(unreadable)?;
    let doc = match Document::load_mem(&bytes) {
        Ok(doc) => doc,
        Err(e) => {
            return repaired(bytes.to_vec())
                .ok_or_else(|| tr!("attachment-not-pdf", file = file, reason = e.to_string()));
        }
    };
    if doc.is_encrypted() || doc.trailer.get(b"Encrypt").is_ok() {
        return Err(tr!("attachment-encrypted", file = file));
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(tr!("attachment-no-pages", file = file));
    }
    let (fonts, unembedded) = font_counts(&doc);
    Ok(AttachmentInfo {
        pages,
        tagged: is_tagged(&doc),
        fonts_embedded: unembedded == 0,
        scanned: fonts == 0,
        repaired: false,
        outline: outline(&doc),
        landscape: hayro_syntax::Pdf::new(std::sync::Arc::new(bytes))
            .map(|pdf| landscape_pages(&pdf))
            .unwrap_or_default(),
    })
}

/// The pages (1-based) wider than tall as Typst draws them: hayro's dimensions, which
/// Typst's own embedding uses (the crop box, turned by the page's `/Rotate`).
fn landscape_pages(pdf: &hayro_syntax::Pdf) -> Vec<usize> {
    pdf.pages()
        .iter()
        .enumerate()
        .filter(|(_, page)| {
            let (width, height) = page.render_dimensions();
            width > height
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// The attachment's bookmarks that lead to one of its pages (named destinations resolved).
fn outline(doc: &Document) -> Vec<Bookmark> {
    let mut named = Default::default();
    let Ok(Some(entries)) = doc.get_outlines(None, None, &mut named) else {
        return Vec::new();
    };
    let pages: std::collections::HashMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let mut out = Vec::new();
    walk(&entries, 1, &pages, &mut out);
    out
}

fn walk(
    entries: &[Outline],
    level: usize,
    pages: &std::collections::HashMap<lopdf::ObjectId, u32>,
    out: &mut Vec<Bookmark>,
) {
    for entry in entries {
        if out.len() >= MAX_BOOKMARKS {
            return;
        }
        match entry {
            Outline::Destination(dest) => {
                let page = dest
                    .page()
                    .ok()
                    .and_then(|p| p.as_reference().ok())
                    .and_then(|id| pages.get(&id));
                let title = dest.title().map(text_string);
                if let (Some(page), Ok(title)) = (page, title) {
                    let title = title.trim().to_string();
                    if !title.is_empty() {
                        out.push(Bookmark {
                            level,
                            title,
                            page: *page as usize,
                        });
                    }
                }
            }
            Outline::SubOutlines(children) if level < MAX_BOOKMARK_LEVEL => {
                walk(children, level + 1, pages, out);
            }
            Outline::SubOutlines(_) => {}
        }
    }
}

/// A PDF whose cross-reference table lopdf cannot follow, read the way Typst will read it
/// when it embeds the pages (hayro rebuilds the table from the objects, as common readers
/// do); `None` when even that fails.
fn repaired(bytes: Vec<u8>) -> Option<AttachmentInfo> {
    let pdf = hayro_syntax::Pdf::new(bytes).ok()?;
    let pages = pdf.pages().len();
    let landscape = landscape_pages(&pdf);
    (pages > 0).then_some(AttachmentInfo {
        pages,
        // Not inspected further: the warning about the repair says enough, and a damaged
        // file is no reliable witness of its own accessibility.
        tagged: true,
        fonts_embedded: true,
        scanned: false,
        repaired: true,
        outline: Vec::new(),
        landscape,
    })
}

fn is_tagged(doc: &Document) -> bool {
    doc.catalog()
        .is_ok_and(|c| c.get(b"StructTreeRoot").is_ok())
}

/// (fonts, fonts without an embedded font program). Standard-14 fonts count as unembedded.
fn font_counts(doc: &Document) -> (usize, usize) {
    let mut fonts = 0;
    let mut unembedded = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Font".as_slice()) {
            continue;
        }
        let subtype = dict
            .get(b"Subtype")
            .ok()
            .and_then(|t| t.as_name().ok())
            .unwrap_or_default();
        if subtype == b"Type0" || subtype == b"Type3" {
            // Type0 fonts embed through their descendant; Type3 glyphs are drawn inline.
            fonts += 1;
            continue;
        }
        fonts += 1;
        let descriptor = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|d| doc.dereference(d).ok())
            .map(|(_, o)| o);
        let embedded = descriptor.and_then(|d| d.as_dict().ok()).is_some_and(|d| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.has(k))
        });
        if !embedded {
            unembedded += 1;
        }
    }
    (fonts, unembedded)
}

/// A PDF text string (PDFDocEncoding, or UTF-16BE with a byte-order mark) or name as text.
pub fn text_string(obj: &Object) -> String {
    match obj {
        Object::String(bytes, _) if bytes.starts_with(&[0xfe, 0xff]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        Object::String(bytes, _) => bytes.iter().map(|&b| b as char).collect(),
        Object::Name(name) => String::from_utf8_lossy(name).into_owned(),
        _ => String::new(),
    }
}
