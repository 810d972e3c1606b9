//! Reading input files: bytes → checked UTF-8 text → spanned TOML.

pub mod fields;
pub mod syntax;

use std::path::Path;
use std::sync::Arc;

use toml::Spanned;
use toml::de::DeTable;

use crate::diag::{Diagnostic, SourceText};
use crate::tr;

/// Largest input file accepted; anything bigger is certainly not a case file.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file as UTF-8 text, with a clear error for unreadable, huge or non-UTF-8 files.
pub fn read_source(path: &Path, shown: &str) -> Result<Arc<SourceText>, Diagnostic> {
    let size = std::fs::metadata(path)
        .map_err(|e| {
            Diagnostic::error(tr!("file-unreadable", reason = crate::i18n::io_error(&e)))
                .with_path(shown)
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(
            Diagnostic::error(tr!("file-too-big", size = size, limit = MAX_FILE_BYTES))
                .with_path(shown),
        );
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(tr!("file-unreadable", reason = crate::i18n::io_error(&e)))
            .with_path(shown)
    })?;
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
            if let Some(letter) = windows_1252_letter(e.as_bytes(), valid) {
                return Err(
                    Diagnostic::error(tr!("file-ansi", letter = letter)).at(&source, offset..end)
                );
            }
            Err(Diagnostic::error(tr!("file-not-utf8")).at(&source, offset..end))
        }
    }
}

/// The letter the byte at `at` is in Windows-1252, when the whole file reads as
/// Windows-1252 text and that byte is a letter Danish text has (æ, ø, å, é …): a file a
/// Windows editor saved as "ANSI".
fn windows_1252_letter(bytes: &[u8], at: usize) -> Option<char> {
    let (text, _, malformed) = encoding_rs::WINDOWS_1252.decode(bytes);
    let letter = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes.get(at..=at)?)
        .0
        .chars()
        .next()?;
    let controls = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    (!malformed && !controls && letter.is_alphabetic()).then_some(letter)
}

/// A path as a case or meeting file writes it (`fil`, `sag`), relative to that file's
/// folder: `\` (as Windows writes paths) is read as `/`, so a file works on every
/// system. `None` for a path on a drive (`C:\…`) or a network share (`\\server\…`),
/// which lies outside any project.
pub fn written_path(text: &str) -> Option<std::path::PathBuf> {
    let bytes = text.as_bytes();
    let on_drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    let on_share = text.starts_with("\\\\") || text.starts_with("//");
    if on_drive || on_share {
        return None;
    }
    Some(std::path::PathBuf::from(text.replace('\\', "/")))
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

#[cfg(test)]
mod encoding_tests {
    use super::decode;

    #[test]
    fn a_file_saved_as_ansi_is_told_how_to_save_it_as_utf8() {
        let e = decode(b"titel = \"Opf\xf8lgning\"\n".to_vec(), "x.toml").unwrap_err();
        assert_eq!(e.code, "file-ansi");
        assert_eq!(
            &*e.message,
            "filen er gemt som ANSI (Windows-1252), ikke som UTF-8: \"ø\" er én byte, hvor UTF-8 bruger to"
        );
        assert_eq!(
            e.help.as_deref(),
            Some(
                "åbn filen i Notesblok, vælg Filer → Gem som, sæt Kodning til UTF-8, og gem den igen"
            )
        );
    }

    #[test]
    fn bytes_that_are_no_text_are_not_taken_for_ansi() {
        let e = decode(b"titel = \"\x81\x00\x02\"\n".to_vec(), "x.toml").unwrap_err();
        assert_eq!(e.code, "file-not-utf8");
        assert_eq!(&*e.message, "filen er ikke gemt som UTF-8-tekst");
    }

    #[test]
    fn paths_are_read_with_either_separator_and_never_on_a_drive() {
        use super::written_path;
        let p = |s: &str| written_path(s).map(|p| p.to_string_lossy().into_owned());
        assert_eq!(p("..\\bilag\\x.pdf").as_deref(), Some("../bilag/x.pdf"));
        assert_eq!(p("../bilag/x.pdf").as_deref(), Some("../bilag/x.pdf"));
        assert_eq!(p("C:\\Users\\x.pdf"), None);
        assert_eq!(p("c:/x.pdf"), None);
        assert_eq!(p("\\\\server\\share\\x.pdf"), None);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let text = decode(b"\xef\xbb\xbftype = \"notat\"".to_vec(), "x.toml").unwrap();
        assert_eq!(text.text, "type = \"notat\"");
    }
}
