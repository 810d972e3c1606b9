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
            udvalg: genitive_body(&caption),
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

/// The body a caption such as "BYRÅDETS BESLUTNING", "Forretningsudvalgets beslutning" or
/// "Regionsrådets beslutning den 3. maj 2024" names: its one word before "beslutning", in
/// the genitive, as the body's name ("Byrådet"), written with a capital only at the start
/// when the caption shouts.
fn genitive_body(caption: &str) -> Option<String> {
    let words: Vec<&str> = caption.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.trim_end_matches(':').eq_ignore_ascii_case("beslutning"))?;
    let owner = words.get(at.checked_sub(1)?)?;
    // One word before it, or the caption would be a sentence ("Udvalget for teknik og
    // miljøs beslutning" is left to the meeting's committee and the warning).
    if at != 1 {
        return None;
    }
    let name = owner
        .strip_suffix(['s', 'S'])
        .filter(|n| n.chars().count() > 2)?;
    // "Udvalgets beslutning": the meeting's own committee, which the caller knows.
    if name.eq_ignore_ascii_case("udvalget") {
        return None;
    }
    if !name.chars().next()?.is_uppercase() {
        return None;
    }
    let shouted = name.chars().all(|c| !c.is_lowercase());
    Some(if shouted {
        let mut chars = name.chars();
        let first = chars.next()?;
        first.to_string() + &chars.as_str().to_lowercase()
    } else {
        name.to_string()
    })
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
    fn a_body_named_in_the_genitive_is_that_body() {
        for (caption, body) in [
            ("BYRÅDETS BESLUTNING", "Byrådet"),
            ("REGIONSRÅDETS BESLUTNING", "Regionsrådet"),
            ("KOMMUNALBESTYRELSENS BESLUTNING", "Kommunalbestyrelsen"),
            ("FORRETNINGSUDVALGETS BESLUTNING", "Forretningsudvalget"),
            ("Økonomiudvalgets beslutning", "Økonomiudvalget"),
        ] {
            assert_eq!(
                from_caption(caption).udvalg.as_deref(),
                Some(body),
                "{caption}"
            );
        }
        let dated = from_caption("Byrådets beslutning den 3. maj 2024");
        assert_eq!(dated.udvalg.as_deref(), Some("Byrådet"));
        assert_eq!(dated.dato.map(|d| d.iso()).as_deref(), Some("2024-05-03"));
        for caption in [
            "Udvalgets beslutning",
            "Beslutning",
            "Forslag til beslutning",
            "Ingen beslutning",
        ] {
            assert_eq!(from_caption(caption).udvalg, None, "{caption}");
        }
    }

    #[test]
    fn a_text_may_start_with_its_date() {
        let (date, rest) = dated_text("**18. september 2012:** Godkendt som indstillet.").unwrap();
        assert_eq!(date.iso(), "2012-09-18");
        assert_eq!(rest, "Godkendt som indstillet.");
        assert_eq!(dated_text("Godkendt den 18. september 2012."), None);
    }
}
