//! Reading input files: bytes → checked UTF-8 text → spanned TOML.

pub mod fields;
pub mod syntax;

use std::path::Path;
use std::sync::Arc;

use toml::Spanned;
use toml::de::DeTable;

use crate::diag::{Diagnostic, SourceText};

/// Largest input file accepted; anything bigger is certainly not a case file.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file as UTF-8 text, with a clear error for unreadable, huge or non-UTF-8 files.
pub fn read_source(path: &Path, shown: &str) -> Result<Arc<SourceText>, Diagnostic> {
    let size = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")).with_path(shown))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::error(format!(
            "the file is {size} bytes; a case file may be at most {MAX_FILE_BYTES} bytes"
        ))
        .with_path(shown));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(format!("cannot read the file: {e}")).with_path(shown))?;
    decode(bytes, shown)
}

fn decode(bytes: Vec<u8>, shown: &str) -> Result<Arc<SourceText>, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                // A byte-order mark is harmless; editors on Windows add it.
                text.replace_range(..3, "");
            }
            Ok(SourceText::new(shown, text))
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let offset = String::from_utf8_lossy(&e.as_bytes()[..valid]).len();
            let source = SourceText::new(shown, lossy);
            let end = source.text[offset..]
                .chars()
                .next()
                .map_or(offset, |c| offset + c.len_utf8());
            Err(Diagnostic::error("the file is not valid UTF-8 text")
                .at(&source, offset..end)
                .with_help(
                    "save the file as UTF-8 (in most editors: \"Save with encoding\" → UTF-8)",
                ))
        }
    }
}

/// Whether a parsed file is a meeting (`type = "moede"`) rather than a case.
pub fn is_meeting(table: &DeTable<'_>) -> bool {
    table
        .iter()
        .any(|(k, v)| k.get_ref() == "type" && v.get_ref().as_str() == Some("moede"))
}

/// Parses TOML keeping every key's and value's position.
pub fn parse_toml(source: &Arc<SourceText>) -> Result<Spanned<DeTable<'_>>, Diagnostic> {
    DeTable::parse(&source.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().trim().trim_end_matches('.').to_string();
        let message = if message.is_empty() {
            "invalid TOML".to_string()
        } else {
            message
        };
        let explained = syntax::explain(&source.text, &span, &message);
        Diagnostic::error(explained.message)
            .at(source, explained.span.unwrap_or(span))
            .with_help(explained.help)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_points_at_the_bad_byte() {
        let bytes = b"titel = \"ok\"\ntekst = \"bl\xe5\"\n".to_vec();
        let d = decode(bytes, "x.toml").unwrap_err();
        assert_eq!(d.position().unwrap(), "x.toml:2:12");
    }

    #[test]
    fn syntax_error_has_position() {
        let source = SourceText::new("x.toml", "titel = \"unterminated\n");
        let d = parse_toml(&source).unwrap_err();
        assert!(d.position().unwrap().starts_with("x.toml:1:"), "{d}");
    }
}
