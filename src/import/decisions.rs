//! Decisions as exports write them: the committee and date in the section's caption
//! ("Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013"), or the date
//! at the start of the text ("**18. september 2012:** Godkendt.").

use crate::dates::Date;

/// What a decision's caption says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    /// The committee's name, as written.
    pub udvalg: Option<String>,
    /// Its abbreviation, when the caption gives one in parentheses.
    pub forkortelse: Option<String>,
    /// The date of the decision.
    pub dato: Option<Date>,
}

/// Reads committee, abbreviation and date from a decision's caption.
pub fn from_caption(caption: &str) -> Heading {
    let caption = crate::render::escape::plain_line(caption);
    let dato = Date::find_in(&caption).map(|(d, _)| d);
    // What stands between "Beslutning i" (or "fra", "af") and " den <date>" (or the end).
    let lower = caption.to_lowercase();
    let start = [
        "beslutning i ",
        "beslutning fra ",
        "beslutning af ",
        "beslutning - ",
    ]
    .iter()
    .find(|p| lower.starts_with(*p))
    .map(|p| p.len());
    let Some(start) = start else {
        return Heading {
            dato,
            ..Heading::default()
        };
    };
    let rest = &caption[start..];
    let end = rest
        .rfind(" den ")
        .filter(|i| Date::find_in(&rest[*i..]).is_some())
        .unwrap_or(rest.len());
    let committee = rest[..end].trim().trim_end_matches(':').trim();
    let (udvalg, forkortelse) = match committee.rfind(" (") {
        Some(open) if committee.ends_with(')') => (
            committee[..open].trim().to_string(),
            Some(committee[open + 2..committee.len() - 1].trim().to_string()),
        ),
        _ => (committee.to_string(), None),
    };
    Heading {
        udvalg: (!udvalg.is_empty()).then_some(udvalg),
        forkortelse: forkortelse.filter(|f| !f.is_empty()),
        dato,
    }
}

/// The date a decision's text starts with ("**18. september 2012:** Godkendt."), and the
/// text after it; `None` when the text does not start with a date.
pub fn dated_text(text: &str) -> Option<(Date, &str)> {
    let trimmed = text
        .trim_start()
        .trim_start_matches(['*', '_'])
        .trim_start();
    let (date, range) = Date::find_in(trimmed)?;
    if range.start != 0 {
        return None;
    }
    let rest = trimmed[range.end..]
        .trim_start_matches([':', '*', '_'])
        .trim_start();
    Some((date, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_name_committee_abbreviation_and_date() {
        let h = from_caption(
            "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013",
        );
        assert_eq!(
            h.udvalg.as_deref(),
            Some("Udvalget for plan, udvikling og kultur")
        );
        assert_eq!(h.forkortelse.as_deref(), Some("PUK"));
        assert_eq!(h.dato.map(|d| d.iso()).as_deref(), Some("2013-04-24"));
        let h = from_caption("Beslutning i Økonomiudvalget");
        assert_eq!(h.udvalg.as_deref(), Some("Økonomiudvalget"));
        assert_eq!((h.forkortelse, h.dato), (None, None));
        assert_eq!(from_caption("Beslutning"), Heading::default());
    }

    #[test]
    fn a_text_may_start_with_its_date() {
        let (date, rest) = dated_text("**18. september 2012:** Godkendt som indstillet.").unwrap();
        assert_eq!(date.iso(), "2012-09-18");
        assert_eq!(rest, "Godkendt som indstillet.");
        assert_eq!(dated_text("Godkendt den 18. september 2012."), None);
    }
}
