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
}
