//! Reading the embedded source file back out of an archive copy.

use lopdf::{Document, Object};

use crate::diag::Diagnostic;
pub use crate::meeting::text_string;
use crate::tr;

/// The first embedded file of a PDF: its name and bytes.
pub fn embedded_source(pdf: &[u8]) -> Result<(String, Vec<u8>), Diagnostic> {
    let doc = Document::load_mem(pdf)
        .map_err(|e| Diagnostic::error(tr!("pdf-unreadable", reason = e.to_string())))?;
    let catalog = doc
        .catalog()
        .map_err(|_| Diagnostic::error(tr!("pdf-no-catalog")))?;
    let files = catalog
        .get(b"AF")
        .ok()
        .and_then(|af| resolve(&doc, af).as_array().ok().cloned())
        .unwrap_or_default();
    for spec in files {
        let Ok(spec) = resolve(&doc, &spec).as_dict() else {
            continue;
        };
        let name = spec
            .get(b"UF")
            .or_else(|_| spec.get(b"F"))
            .map(|n| text_string(resolve(&doc, n)))
            .unwrap_or_default();
        let Some(stream) = spec
            .get(b"EF")
            .ok()
            .and_then(|ef| resolve(&doc, ef).as_dict().ok())
            .and_then(|ef| ef.get(b"F").ok())
            .and_then(|f| resolve(&doc, f).as_stream().ok())
        else {
            continue;
        };
        let bytes = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        return Ok((name, bytes));
    }
    Err(Diagnostic::error(tr!("pdf-no-source")))
}

/// Follows a reference (lopdf's `dereference`, keeping the object itself when it is none).
fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    doc.dereference(obj).map_or(obj, |(_, o)| o)
}
