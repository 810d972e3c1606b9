//! Real parser errors for the mistakes people make, explained.

use super::*;

/// The explanation of the parser's error for `text`.
fn explain_toml(text: &str) -> Explained {
    let error = toml::de::DeTable::parse(text).expect_err("a syntax error");
    let span = error.span().unwrap_or(0..0);
    explain(text, &span, error.message())
}

#[track_caller]
fn assert_explained(text: &str, message: &str, help: &str) {
    let e = explain_toml(text);
    assert!(e.message.contains(message), "{e:?}");
    assert!(e.help.contains(help), "{e:?}");
}

#[test]
fn quotes_from_a_word_processor() {
    assert_explained(
        "titel = “Budget 2025”\n",
        "typographic quotes",
        "`titel = \"Budget 2025\"`",
    );
    assert_explained("titel = „Budget“\n", "typographic quotes", "\"Budget\"");
}

#[test]
fn danish_dates() {
    assert_explained(
        "dato = 20-10-2020\n",
        "year-month-day",
        "`dato = 2020-10-20`",
    );
    assert_explained("dato = 5.3.2021\n", "year-month-day", "`dato = 2021-03-05`");
}

#[test]
fn danish_letters_and_spaces_in_field_names() {
    assert_explained(
        "økonomiske_konsekvenser = \"x\"\n",
        "only reads in quotes",
        "`oekonomiske_konsekvenser` or `\"økonomiske_konsekvenser\"`",
    );
    assert_explained(
        "det videre forløb = \"x\"\n",
        "contains spaces",
        "`det_videre_forloeb`",
    );
}

#[test]
fn backslashes_and_missing_quotes() {
    assert_explained(
        "tekst = \"Se C:\\Users\\dok\"\n",
        "backslash",
        "`tekst = 'Se C:\\Users\\dok'`",
    );
    assert_explained(
        "titel = Budget 2025\n",
        "must be in quotes",
        "`titel = \"Budget 2025\"`",
    );
    assert_explained(
        "titel = \"Mangler anførselstegn\ntil = \"x\"\n",
        "has no closing quote",
        "on the same line",
    );
}

#[test]
fn an_unclosed_long_text_points_where_it_opened() {
    let text = "type = \"notat\"\ntekst = \"\"\"\nEt afsnit.\n\ndato = 2025-05-05\n";
    let e = explain_toml(text);
    assert!(
        e.message
            .contains("`tekst` starts with \"\"\" but never ends"),
        "{e:?}"
    );
    let span = e.span.expect("points at the opening");
    assert!(text[span].starts_with("tekst = \"\"\""));
}

#[test]
fn a_field_given_twice_says_where_first() {
    assert_explained(
        "type = \"notat\"\ntitel = \"T\"\ntitel = \"U\"\n",
        "`titel` is given twice",
        "already set on line 2",
    );
}

#[test]
fn anything_else_keeps_the_parsers_words() {
    let e = explain_toml("[[bilag]\n");
    assert!(e.message.starts_with("TOML syntax error: "), "{e:?}");
}

#[test]
fn the_whole_date_or_key_is_pointed_at() {
    let text = "titel = \"T\"\ndato = 20.10.2020\n";
    let e = explain_toml(text);
    assert_eq!(&text[e.span.expect("a span")], "20.10.2020");
    let text = "det videre forløb = \"x\"\n";
    assert_eq!(&text[explain_toml(text).span.unwrap()], "det videre forløb");
}

#[test]
fn yes_no_lists_and_short_dates() {
    assert_explained("udkast = ja\n", "true or false", "`udkast = true`");
    assert_explained("udkast = True\n", "true or false", "`udkast = true`");
    assert_explained(
        "udvalg = USS, UDF\n",
        "looks like a list",
        "`udvalg = [\"USS\", \"UDF\"]`",
    );
    assert_explained("dato = 2025-5-5\n", "two digits", "`dato = 2025-05-05`");
}
