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
    assert!(e.message.text.contains(message), "{e:?}");
    assert!(e.help.text.contains(help), "{e:?}");
}

#[test]
fn quotes_from_a_word_processor() {
    assert_explained(
        "titel = “Budget 2025”\n",
        "typografiske anførselstegn",
        "`titel = \"Budget 2025\"`",
    );
    assert_explained(
        "titel = „Budget“\n",
        "typografiske anførselstegn",
        "\"Budget\"",
    );
}

#[test]
fn danish_dates() {
    assert_explained("dato = 20-10-2020\n", "år-måned-dag", "`dato = 2020-10-20`");
    assert_explained("dato = 5.3.2021\n", "år-måned-dag", "`dato = 2021-03-05`");
}

#[test]
fn danish_letters_and_spaces_in_field_names() {
    assert_explained(
        "økonomiske_konsekvenser = \"x\"\n",
        "kun kan stå i et feltnavn i anførselstegn",
        "`oekonomiske_konsekvenser` eller `\"økonomiske_konsekvenser\"`",
    );
    assert_explained(
        "det videre forløb = \"x\"\n",
        "indeholder mellemrum",
        "`det_videre_forloeb`",
    );
}

#[test]
fn backslashes_and_missing_quotes() {
    assert_explained(
        "tekst = \"Se C:\\Users\\dok\"\n",
        "omvendt skråstreg",
        "`tekst = 'Se C:\\Users\\dok'`",
    );
    assert_explained(
        "titel = Budget 2025\n",
        "skal stå i anførselstegn",
        "`titel = \"Budget 2025\"`",
    );
    assert_explained(
        "titel = \"Mangler anførselstegn\ntil = \"x\"\n",
        "mangler det afsluttende anførselstegn",
        "på samme linje",
    );
}

#[test]
fn an_unclosed_long_text_points_where_it_opened() {
    let text = "type = \"notat\"\ntekst = \"\"\"\nEt afsnit.\n\ndato = 2025-05-05\n";
    let e = explain_toml(text);
    assert!(
        e.message
            .text
            .contains("`tekst` begynder med \"\"\", men slutter aldrig"),
        "{e:?}"
    );
    let span = e.span.expect("points at the opening");
    assert!(text[span].starts_with("tekst = \"\"\""));
}

#[test]
fn a_field_given_twice_says_where_first() {
    assert_explained(
        "type = \"notat\"\ntitel = \"T\"\ntitel = \"U\"\n",
        "`titel` står to gange",
        "står allerede på linje 2",
    );
}

#[test]
fn the_parsers_words_are_said_in_the_users() {
    let e = explain_toml("[[bilag]\n");
    assert_eq!(e.message.code, "syntax-toml");
    assert_eq!(
        e.message.text,
        "linjen kan ikke læses: en overskrift som `[udvalg]` eller `[[bilag]]` mangler sin afsluttende `]`"
    );
    let e = explain_toml("udvalg = [\"A\" \"B\"]\n");
    assert_eq!(
        e.message.text,
        "linjen kan ikke læses: der mangler et komma mellem to værdier"
    );
    let e = explain_toml("a.b. = 1\n");
    assert_eq!(
        e.message.text,
        "linjen kan ikke læses: feltnavnet kan ikke læses; feltnavne er ord med a–z, tal og _"
    );
}

#[test]
fn words_the_table_does_not_know_keep_the_parsers() {
    assert!(in_words("expected tuple with length 2").is_none());
    assert_eq!(
        tr!("syntax-other", parser = "expected tuple with length 2").text,
        "linjen kan ikke læses (TOML-fejl: expected tuple with length 2)"
    );
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
    assert_explained("udkast = ja\n", "true eller false", "`udkast = true`");
    assert_explained("udkast = True\n", "true eller false", "`udkast = true`");
    assert_explained(
        "udvalg = USS, UDF\n",
        "ligner en liste",
        "`udvalg = [\"USS\", \"UDF\"]`",
    );
    assert_explained("dato = 2025-5-5\n", "to cifre", "`dato = 2025-05-05`");
    assert_explained(
        "dato = 2025-13-01\n",
        "`dato` er ikke en dato, der findes: 2025-13-01",
        "en måned fra 01 til 12",
    );
    assert_explained(
        "dato = 2025-02-30\n",
        "`dato` er ikke en dato, der findes: 2025-02-30",
        "en dag, måneden har",
    );
}
