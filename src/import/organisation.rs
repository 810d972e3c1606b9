//! Which organisation an export comes from, where it says: a municipality ("Syddjurs
//! Kommune", "Bornholms Regionskommune") or a region ("Region Midtjylland") named in the
//! export's own metadata — never in an item's text, which names other bodies freely.

use roxmltree::Node;

/// The words an XML element's name holds when it names the organisation behind the export.
const ORGANISATION_ELEMENTS: &[&str] = &[
    "organi",
    "municipal",
    "kommune",
    "region",
    "customer",
    "authority",
    "publisher",
    "myndighed",
];

/// The organisation an XML export's metadata names, if any.
pub fn in_xml(root: Node<'_, '_>) -> Option<String> {
    root.descendants()
        .filter(|n| n.is_element())
        .filter(|n| {
            let name = n.tag_name().name().to_lowercase();
            ORGANISATION_ELEMENTS.iter().any(|w| name.contains(w))
        })
        .filter_map(|n| {
            let own: String = n
                .children()
                .filter(|c| c.is_text())
                .filter_map(|c| c.text())
                .collect();
            named_in(&own)
        })
        .next()
}

/// The organisation a short text names ("Forside – Aarhus Kommune" → "Aarhus Kommune"),
/// if it names one; long texts are not metadata and are not looked in.
pub fn named_in(text: &str) -> Option<String> {
    let text = crate::render::escape::plain_line(text);
    if text.chars().count() > 120 {
        return None;
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '–' | '—' | ',' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_end_matches(['.', '\'', '"']);
        if matches!(word, "Kommune" | "Regionskommune") && i > 0 {
            let mut start = i;
            while start > 0 && is_proper(words[start - 1]) && i - start < 3 {
                start -= 1;
            }
            if start < i {
                let mut name: Vec<&str> = words[start..i].to_vec();
                name.push(word);
                return Some(name.join(" "));
            }
        }
        if word == "Region"
            && let Some(next) = words.get(i + 1)
            && is_proper(next)
        {
            return Some(format!(
                "Region {}",
                next.trim_end_matches(['.', '\'', '"'])
            ));
        }
    }
    None
}

/// A word written as part of a name: a capital first, letters (and hyphens) after.
fn is_proper(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || c == '-')
        && !matches!(
            word,
            "Kommune" | "Region" | "Forside" | "Dagsorden" | "Referat"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipality_or_region_is_found_in_a_short_text() {
        assert_eq!(
            named_in("Aarhus Kommune").as_deref(),
            Some("Aarhus Kommune")
        );
        assert_eq!(
            named_in("Dagsorden - Ringkøbing-Skjern Kommune").as_deref(),
            Some("Ringkøbing-Skjern Kommune")
        );
        assert_eq!(
            named_in("Bornholms Regionskommune | Forside").as_deref(),
            Some("Bornholms Regionskommune")
        );
        assert_eq!(
            named_in("Lyngby-Taarbæk Kommune").as_deref(),
            Some("Lyngby-Taarbæk Kommune")
        );
        assert_eq!(
            named_in("Region Midtjylland – dagsordener").as_deref(),
            Some("Region Midtjylland")
        );
        assert_eq!(named_in("Tværgående møder"), None);
        assert_eq!(named_in("Kommunen"), None);
        assert_eq!(named_in("i kommune og region"), None);
    }

    #[test]
    fn only_metadata_elements_of_an_xml_export_are_asked() {
        let source = "<Publication><Organisation>Tværgående møder</Organisation>\
<Customer><Name>x</Name>Region Nordjylland</Customer>\
<Item><Content>Aarhus Kommune ejer grunden</Content></Item></Publication>";
        let document = roxmltree::Document::parse(source).unwrap();
        assert_eq!(
            in_xml(document.root_element()).as_deref(),
            Some("Region Nordjylland")
        );
        let items_only =
            "<Publication><Item><Content>Aarhus Kommune</Content></Item></Publication>";
        let document = roxmltree::Document::parse(items_only).unwrap();
        assert_eq!(in_xml(document.root_element()), None);
    }
}
