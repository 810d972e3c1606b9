//! Committees (udvalg): resolving what a case writes (`USS`, a full name, or other text)
//! through the `[udvalg]` table of `sagsgen.toml`.

use std::ops::Range;

use toml::de::DeTable;

use crate::input::fields::Reader;
use crate::tr;

/// A committee as a case names it, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committee {
    /// The short form shown in an item heading's parentheses (`USS`), or the text as written.
    pub short: String,
    /// The full name used in every other heading.
    pub full: String,
    /// Whether `[udvalg]` knows it.
    pub known: bool,
}

/// Why a committee name could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitteeError {
    /// An all-capitals value that is not an abbreviation of `[udvalg]`.
    UnknownAbbreviation,
}

/// The `[udvalg]` table: abbreviation → full name, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committees {
    entries: Vec<(String, String)>,
}

impl Committees {
    /// The committees every Danish municipality has, used without a `sagsgen.toml`.
    pub fn defaults() -> Self {
        let entries = [
            ("BR", "Byrådet"),
            ("KB", "Kommunalbestyrelsen"),
            ("OEU", "Økonomiudvalget"),
        ];
        Self {
            entries: entries
                .iter()
                .map(|(a, f)| (a.to_string(), f.to_string()))
                .collect(),
        }
    }

    /// The entries: (abbreviation, full name), in the order written.
    pub fn entries(&self) -> &[(String, String)] {
        &self.entries
    }

    /// Builds the table from its entries.
    pub fn new(entries: Vec<(String, String)>) -> Self {
        Self { entries }
    }

    /// Reads `[udvalg]`, reporting values that are not text.
    pub fn from_table(reader: &mut Reader, table: &DeTable<'_>) -> Self {
        let mut entries: Vec<(Range<usize>, String, String)> = Vec::new();
        for (key, value) in table.iter() {
            match value.get_ref().as_str() {
                Some(full) if !full.trim().is_empty() => {
                    entries.push((key.span(), key.get_ref().to_string(), full.to_string()));
                }
                _ => {
                    reader.error(
                        value.span(),
                        tr!("committee-name-not-text", abbreviation = &**key.get_ref()),
                    );
                }
            }
        }
        entries.sort_by_key(|(span, _, _)| span.start);
        Self {
            entries: entries.into_iter().map(|(_, a, f)| (a, f)).collect(),
        }
    }

    /// The known abbreviations, in order.
    pub fn abbreviations(&self) -> Vec<&str> {
        self.entries.iter().map(|(a, _)| a.as_str()).collect()
    }

    /// Resolves a committee as written in a case or meeting.
    pub fn resolve(&self, written: &str) -> Result<Committee, CommitteeError> {
        let written = written.trim();
        if let Some((a, f)) = self.entries.iter().find(|(a, _)| a == written) {
            return Ok(Committee {
                short: a.clone(),
                full: f.clone(),
                known: true,
            });
        }
        // `ØU` written for the bare key `OEU`: an abbreviation folded the way keys are.
        let folded = crate::danish::fold(written).to_uppercase();
        let abbreviation = looks_like_abbreviation(written);
        if let Some((a, f)) = self
            .entries
            .iter()
            .find(|(a, _)| abbreviation && *a == folded)
        {
            return Ok(Committee {
                short: a.clone(),
                full: f.clone(),
                known: true,
            });
        }
        if let Some((a, f)) = self.entries.iter().find(|(_, f)| f == written) {
            return Ok(Committee {
                short: a.clone(),
                full: f.clone(),
                known: true,
            });
        }
        if looks_like_abbreviation(written) {
            return Err(CommitteeError::UnknownAbbreviation);
        }
        Ok(Committee {
            short: written.to_string(),
            full: written.to_string(),
            known: false,
        })
    }
}

/// An all-capitals word such as `XYZ` or `ØU`: meant as an abbreviation.
fn looks_like_abbreviation(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
        && !s.chars().any(char::is_whitespace)
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Committees {
        Committees::new(vec![
            ("USS".into(), "Udvalg for sociale forhold".into()),
            ("OEU".into(), "Økonomiudvalget".into()),
        ])
    }

    #[test]
    fn resolves_abbreviations_and_names() {
        let c = table();
        assert_eq!(c.resolve("USS").unwrap().full, "Udvalg for sociale forhold");
        assert_eq!(
            c.resolve("ØEU").unwrap_err(),
            CommitteeError::UnknownAbbreviation
        );
        assert_eq!(c.resolve("ØU").unwrap().full, "Økonomiudvalget");
        assert_eq!(c.resolve("OEU").unwrap().full, "Økonomiudvalget");
        assert_eq!(c.resolve("Økonomiudvalget").unwrap().short, "OEU");
        assert_eq!(c.resolve("XYZ"), Err(CommitteeError::UnknownAbbreviation));
        let other = c.resolve("Udvalg for skole").unwrap();
        assert!(!other.known);
        assert_eq!(other.full, "Udvalg for skole");
    }
}
