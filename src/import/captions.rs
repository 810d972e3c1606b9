//! Section captions of the agenda systems, to sagsgen's fields: the captions seen in real
//! exports ("Baggrund", "Forvaltningen foreslår", "ADMINISTRATIONENS INDSTILLING:",
//! "Økonomi og organisatoriske konsekvenser"), compared without regard to letter case,
//! spacing or a trailing colon. A caption that maps to nothing stays an extra section
//! under its own heading; one that starts with "Beslutning" is a decision. The captions
//! themselves are the field table's ([`crate::field_table::CAPTIONS`]).

use crate::field_table::CAPTIONS;

/// What a section becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A standard field of a sag (`sagsfremstilling`, …).
    Field(&'static str),
    /// A decision (`[[beslutninger]]`).
    Decision,
    /// An extra section (`[[afsnit]]`) under the caption as written.
    Extra,
}

/// A caption as captions are compared: lower case, spaces folded, no trailing colon.
pub fn normalise(caption: &str) -> String {
    let words: Vec<&str> = caption.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined.trim_end_matches([':', '.']).trim().to_string()
}

/// The standard heading of a field (`sagsfremstilling` → "Sagsfremstilling").
pub fn standard_heading(field: &str) -> Option<&'static str> {
    crate::field_table::BESLUTNINGSSAG
        .iter()
        .find(|f| f.name == field)
        .and_then(|f| f.overskrift)
}

/// Whether the caption is the field's own heading (not a synonym of it).
pub fn is_standard_heading(caption: &str, field: &str) -> bool {
    standard_heading(field).is_some_and(|h| normalise(h) == normalise(caption))
        || normalise(caption) == crate::danish::unfold(field).replace('_', " ")
}

/// What a section under `caption` becomes. `project` (caption → field, from
/// `sagsgen.toml`) is asked first, so a project can extend or override the built-in
/// table; a project may send a caption to `"afsnit"` to keep it an extra section.
pub fn classify(caption: &str, project: &[(String, String)]) -> Target {
    let caption = normalise(caption);
    if let Some((_, field)) = project.iter().find(|(c, _)| normalise(c) == caption) {
        return match field.as_str() {
            "afsnit" => Target::Extra,
            "beslutning" | "beslutninger" => Target::Decision,
            other => CAPTIONS
                .iter()
                .find(|(f, _)| *f == crate::danish::fold(other))
                .map_or(Target::Extra, |(f, _)| Target::Field(f)),
        };
    }
    if let Some((field, _)) = CAPTIONS
        .iter()
        .find(|(_, captions)| captions.contains(&caption.as_str()))
    {
        return Target::Field(field);
    }
    if is_decision(&caption) {
        return Target::Decision;
    }
    Target::Extra
}

/// Whether a normalised caption heads a decision: "Beslutning", "Beslutninger",
/// "Beslutning i <udvalg> den <dato>", "Udvalgets beslutning" — but not "Beslutningen
/// træffes af" or "Beslutningskompetence", which only say who decides.
fn is_decision(caption: &str) -> bool {
    const OPENINGS: [&str; 6] = [
        "beslutning i ",
        "beslutning fra ",
        "beslutning af ",
        "beslutning - ",
        "beslutning den ",
        "beslutning:",
    ];
    matches!(caption, "beslutning" | "beslutninger" | "afgørelse")
        || OPENINGS.iter().any(|o| caption.starts_with(o))
        || caption.ends_with(" beslutning")
        || caption.ends_with(" beslutninger")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_of_real_exports_find_their_fields() {
        let none: &[(String, String)] = &[];
        for (caption, field) in [
            ("Sagsfremstilling", "sagsfremstilling"),
            ("Baggrund", "sagsfremstilling"),
            ("  Sagsbeskrivelse : ", "sagsfremstilling"),
            ("ADMINISTRATIONENS INDSTILLING:", "indstilling"),
            ("Forvaltningen  foreslår", "indstilling"),
            ("Beslutningspunkter", "indstilling"),
            (
                "Økonomiske konsekvenser og finansiering",
                "oekonomiske_konsekvenser",
            ),
            (
                "Økonomi og organisatoriske konsekvenser",
                "oekonomiske_konsekvenser",
            ),
            ("Økonomi", "oekonomiske_konsekvenser"),
            ("Beslutningstema", "beslutningstema"),
        ] {
            assert_eq!(classify(caption, none), Target::Field(field), "{caption}");
        }
        for caption in [
            "Beslutning",
            "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013",
            "Udvalgets beslutning",
            "Beslutninger",
        ] {
            assert_eq!(classify(caption, none), Target::Decision, "{caption}");
        }
        for caption in [
            "Beslutningen træffes af",
            "Beslutningskompetence",
            "Resumé",
            "Sammendrag",
            "Tidligere behandling",
            "Høring",
            "Sagsforløb",
        ] {
            assert_eq!(classify(caption, none), Target::Extra, "{caption}");
        }
    }

    #[test]
    fn a_project_extends_and_overrides_the_table() {
        let project = vec![
            ("Sagsforløb".to_string(), "sagsfremstilling".to_string()),
            ("Baggrund".to_string(), "afsnit".to_string()),
            (
                "Økonomi:".to_string(),
                "økonomiske_konsekvenser".to_string(),
            ),
        ];
        assert_eq!(
            classify("sagsforløb", &project),
            Target::Field("sagsfremstilling")
        );
        assert_eq!(classify("Baggrund", &project), Target::Extra);
        assert_eq!(
            classify("ØKONOMI", &project),
            Target::Field("oekonomiske_konsekvenser")
        );
    }
}
