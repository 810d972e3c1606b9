//! The mistakes people make when they type a case by hand, each answered with where it
//! is, what is wrong in plain words, and how to write it instead — not the parser's words.

use crate::common::Project;

/// (position, message fragment, help fragment)
const MISTAKES: &[(&str, &str, &str)] = &[
    (
        "cases/curly-quotes.toml:2:9",
        "teksten i `titel` står i typografiske anførselstegn",
        "`titel = \"Budget 2025\"`",
    ),
    (
        "cases/danish-date.toml:5:8",
        "`dato` skal skrives år-måned-dag",
        "`dato = 2020-10-20`",
    ),
    (
        "cases/danish-date2.toml:5:8",
        "`dato` skal skrives år-måned-dag",
        "`dato = 2020-10-20`",
    ),
    (
        "cases/danish-key.toml:5:1",
        "feltnavnet `økonomiske_konsekvenser` har bogstaver (æ, ø, å)",
        "`oekonomiske_konsekvenser` eller `\"økonomiske_konsekvenser\"`",
    ),
    (
        "cases/key-space.toml:6:1",
        "feltnavnet `det videre forløb` indeholder mellemrum",
        "`det_videre_forloeb`",
    ),
    (
        "cases/unquoted.toml:2:9",
        "teksten i `titel` skal stå i anførselstegn",
        "`titel = \"Budget 2025\"`",
    ),
    (
        "cases/unclosed.toml:4:1",
        "teksten i `tekst` begynder med \"\"\", men slutter aldrig",
        "afslut teksten med \"\"\"",
    ),
    (
        "cases/backslash.toml:4:",
        "indeholder en omvendt skråstreg",
        "`tekst = 'Se C:\\Users\\dok'`",
    ),
    (
        "cases/dup.toml:3:1",
        "`titel` står to gange",
        "står allerede på linje 2",
    ),
    (
        "cases/after-table.toml:10:1",
        "`indstilling` er et felt i sagen, men det står under en `[[…]]`-linje",
        "flyt linjen op",
    ),
    (
        "moeder/m.toml:7:1",
        "`dato` er et felt i mødet, men det står under en `[[…]]`-linje",
        "flyt linjen op",
    ),
    (
        "cases/capital.toml:2:1",
        "`Titel` er ikke et felt i et notat; mente du `titel`?",
        "skriv `titel` i stedet",
    ),
    (
        "cases/type-case.toml:1:8",
        "\"Notat\" er ikke en slags sag; mente du \"notat\"?",
        "`type` er en af",
    ),
    (
        "cases/udkast-ja.toml:5:10",
        "`udkast` er true eller false",
        "`udkast = true`",
    ),
    (
        "cases/list-unquoted.toml:4:10",
        "`udvalg` ligner en liste",
        "`udvalg = [\"USS\", \"UDF\"]`",
    ),
    (
        "cases/short-date.toml:5:8",
        "to cifre for måned og dag",
        "`dato = 2025-05-05`",
    ),
    (
        "cases/notat-field.toml:4:1",
        "`til` er et felt i et notat, ikke i en orienteringssag",
        "ret `type`, hvis filen skal være et notat",
    ),
    (
        "cases/number-title.toml:2:9",
        "`titel` skal være en tekst i anførselstegn, ikke tallet 2025",
        "`titel = \"2025\"`",
    ),
    (
        "cases/empty.toml:1:1",
        "feltet `type` mangler",
        "tilføj en første linje som `type = ",
    ),
];

/// The diagnostic block (message, source lines, notes) that mentions `position`.
fn block_at<'s>(stderr: &'s str, position: &str) -> &'s str {
    let blocks: Vec<&str> = stderr.split("\nfejl").collect();
    blocks
        .into_iter()
        .find(|b| b.contains(&format!("┌─ {position}")))
        .unwrap_or_else(|| panic!("no diagnostic at {position}\n{stderr}"))
}

#[test]
fn everyday_mistakes_get_plain_messages_with_a_fix() {
    let project = Project::fixture("mistakes");
    let run = project.run(&["check", "cases", "moeder"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (position, message, help) in MISTAKES {
        let block = block_at(&run.stderr, position);
        assert!(block.contains(message), "{position}: {message}\n{block}");
        assert!(
            block.contains("hjælp: "),
            "{position}: a help line\n{block}"
        );
        assert!(block.contains(help), "{position}: {help}\n{block}");
    }
    for jargon in [
        "expected literal string",
        "invalid float",
        "unquoted key",
        "DeTable",
        "panicked",
    ] {
        assert!(!run.stderr.contains(jargon), "{jargon}\n{}", run.stderr);
    }
    assert!(
        !run.stderr.contains("feltet `indstilling` mangler")
            && !run.stderr.contains("feltet `dato` mangler"),
        "a field below a [[…]] line is not also called missing\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Filer med fejl: ") && !run.stderr.contains("ingen PDF skrevet"),
        "check writes nothing, and says nothing about writing\n{}",
        run.stderr
    );
}

#[test]
fn a_file_saved_by_notepad_builds() {
    let project = Project::empty();
    project.write(
        "cases/a.toml",
        "\u{feff}type = \"notat\"\r\ntitel = \"Notepad\"\r\ntil = \"OEU\"\r\ntekst = \"\"\"\r\nLinje.\r\n\"\"\"\r\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(project.text("output/a.pdf").contains("Notepad"));
}

#[test]
fn every_error_of_every_broken_fixture_has_a_position_and_a_help_line() {
    let mut errors = 0;
    for fixture in ["broken", "schema", "mistakes"] {
        let project = Project::fixture(fixture);
        let run = project.run(&["check", ".", "--message-format", "json"]);
        assert_eq!(run.code, 1, "{fixture}: {}", run.stderr);
        for line in run.stdout.lines() {
            let d: serde_json::Value =
                serde_json::from_str(line).expect("one JSON object per line");
            if d["severity"] != "error" {
                continue;
            }
            errors += 1;
            assert!(d["line"].as_u64().is_some_and(|l| l > 0), "{fixture}: {d}");
            assert!(
                d["code"].as_str().is_some_and(|c| !c.is_empty()),
                "{fixture}: an error without a code: {d}"
            );
            assert!(d["column"].as_u64().is_some(), "{fixture}: {d}");
            assert!(
                d["help"].as_str().is_some_and(|h| !h.is_empty()),
                "{fixture}: an error without a help line: {d}"
            );
        }
    }
    assert!(errors >= 60, "{errors}");
}
