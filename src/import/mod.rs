//! Agenda data from the systems municipalities use (SBSYS, Acadre, eDoc, FirstAgenda
//! Publication), brought into a sagsgen project: each export read into meetings, items and
//! sections as the source wrote them (`source`), mapped to sagsgen's fields (`plan`) and
//! written as meeting and case files (`write`), with a report of where every section went.

pub mod acadre;
pub mod captions;
pub mod coverage;
pub mod decisions;
pub mod described;
pub mod edoc;
pub mod edoc_publishing;
pub mod firstagenda;
pub mod html;
pub mod organisation;
pub mod plan;
pub mod read;
pub mod record_text;
pub mod report;
pub mod run;
pub mod sbsys;
pub mod source;
pub mod text;
pub mod toml_text;
pub mod write;
pub mod xml;

use source::SourceCommittee;

/// A committee's name without the abbreviation in parentheses it may end with, in lower
/// case: what two spellings of one committee have in common.
pub fn committee_stem(name: &str) -> String {
    let c = committee_with_short(name);
    let stem = match &c.short {
        Some(short) => c
            .name
            .trim_end_matches(&format!("({short})"))
            .trim()
            .to_string(),
        None => c.name,
    };
    stem.to_lowercase()
}

/// A committee named with its abbreviation in parentheses ("Udvalget for plan, udvikling
/// og kultur (PUK)"): the name as written, and the abbreviation.
pub fn committee_with_short(written: &str) -> SourceCommittee {
    let written = crate::render::escape::plain_line(written);
    if let Some(open) = written.rfind(" (")
        && written.ends_with(')')
    {
        let short = written[open + 2..written.len() - 1].trim();
        let looks_short = !short.is_empty()
            && short.len() <= 12
            && !short.contains(' ')
            && short.chars().any(char::is_uppercase);
        if looks_short {
            // The name stays as the source writes it: decisions' captions name it so.
            return SourceCommittee {
                short: Some(short.to_string()),
                name: written,
            };
        }
    }
    SourceCommittee {
        name: written,
        short: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_in_parentheses_is_split_off() {
        let c = committee_with_short("Udvalget for plan, udvikling og kultur (PUK)");
        assert_eq!(c.name, "Udvalget for plan, udvikling og kultur (PUK)");
        assert_eq!(c.short.as_deref(), Some("PUK"));
        let c = committee_with_short("Teknisk Udvalg");
        assert_eq!((c.name.as_str(), c.short), ("Teknisk Udvalg", None));
        let c = committee_with_short("Udvalg (for det hele og mere)");
        assert_eq!(c.short, None);
    }
}
