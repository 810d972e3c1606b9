//! The Danish letters and their ASCII spellings (`æ` ↔ `ae`, `ø` ↔ `oe`, `å` ↔ `aa`): the one
//! rule by which field names, committee abbreviations and folder names are folded, and by
//! which the schema offers the Danish spelling of a folded field name.

/// Each Danish letter and how it is written in ASCII.
const LETTERS: &[(char, &str)] = &[
    ('æ', "ae"),
    ('ø', "oe"),
    ('å', "aa"),
    ('Æ', "Ae"),
    ('Ø', "Oe"),
    ('Å', "Aa"),
];

/// The ASCII spelling of a text: `økonomiske_konsekvenser` → `oekonomiske_konsekvenser`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match LETTERS.iter().find(|(letter, _)| *letter == c) {
            Some((_, ascii)) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// The Danish spelling of a folded lower-case name: `det_videre_forloeb` → `det_videre_forløb`.
pub fn unfold(name: &str) -> String {
    LETTERS
        .iter()
        .filter(|(letter, _)| letter.is_lowercase())
        .fold(name.to_string(), |name, (letter, ascii)| {
            name.replace(ascii, &letter.to_string())
        })
}

/// A text as a part of a file or folder name: lower case, Danish letters folded, its words
/// joined by `-`, whole words up to `max` characters; empty when it has no letter or digit.
/// What import names case files and folders by, and the website its committees' folders.
pub fn slug(text: &str, max: usize) -> String {
    let folded = fold(&text.to_lowercase());
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() && out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_unfolds() {
        assert_eq!(fold("økonomiske_konsekvenser"), "oekonomiske_konsekvenser");
        assert_eq!(fold("det_videre_forløb"), "det_videre_forloeb");
        assert_eq!(fold("Åben"), "Aaben");
        assert_eq!(fold("ØU"), "OeU");
        assert_eq!(
            unfold("oekonomiske_konsekvenser"),
            "økonomiske_konsekvenser"
        );
        assert_eq!(unfold("det_videre_forloeb"), "det_videre_forløb");
        assert_eq!(unfold(&fold("blåbærgrød")), "blåbærgrød");
    }

    #[test]
    fn slugs_are_folded_words_joined_by_hyphens() {
        assert_eq!(
            slug("Oplæg til standard it-arbejdsplads", 50),
            "oplaeg-til-standard-it-arbejdsplads"
        );
        assert_eq!(slug("ØU", 50), "oeu");
        assert_eq!(slug("§ 17, stk. 4", 50), "17-stk-4");
        assert_eq!(slug("en to tre", 6), "en-to");
        assert_eq!(slug("!!!", 50), "");
    }
}
