//! The mistakes people make when they type a case by hand, each answered with where it
//! is, what is wrong in plain words, and how to write it instead — not the parser's words.

use crate::common::Project;

/// (position, message fragment, help fragment)
const MISTAKES: &[(&str, &str, &str)] = &[
    (
        "cases/curly-quotes.toml:2:9",
        "the text of `titel` is in typographic quotes",
        "`titel = \"Budget 2025\"`",
    ),
    (
        "cases/danish-date.toml:5:8",
        "`dato` must be written year-month-day",
        "`dato = 2020-10-20`",
    ),
    (
        "cases/danish-date2.toml:5:8",
        "`dato` must be written year-month-day",
        "`dato = 2020-10-20`",
    ),
    (
        "cases/danish-key.toml:5:1",
        "`økonomiske_konsekvenser` has letters TOML only reads in quotes",
        "`oekonomiske_konsekvenser` or `\"økonomiske_konsekvenser\"`",
    ),
    (
        "cases/key-space.toml:6:1",
        "`det videre forløb` contains spaces",
        "`det_videre_forloeb`",
    ),
    (
        "cases/unquoted.toml:2:9",
        "the text of `titel` must be in quotes",
        "`titel = \"Budget 2025\"`",
    ),
    (
        "cases/unclosed.toml:4:1",
        "the text of `tekst` starts with \"\"\" but never ends",
        "end the text with \"\"\"",
    ),
    (
        "cases/backslash.toml:4:",
        "contains a backslash",
        "`tekst = 'Se C:\\Users\\dok'`",
    ),
    (
        "cases/dup.toml:3:1",
        "`titel` is given twice",
        "already set on line 2",
    ),
    (
        "cases/after-table.toml:10:1",
        "`indstilling` is a field of the case, but it stands below a `[[…]]` line",
        "move the line up",
    ),
    (
        "moeder/m.toml:7:1",
        "`dato` is a field of the meeting, but it stands below a `[[…]]` line",
        "move the line up",
    ),
    (
        "cases/capital.toml:2:1",
        "`Titel` is not a field of a notat; did you mean `titel`?",
        "write `titel` instead",
    ),
    (
        "cases/type-case.toml:1:8",
        "\"Notat\" is not a kind of case; did you mean \"notat\"?",
        "`type` is one of",
    ),
    (
        "cases/udkast-ja.toml:5:10",
        "`udkast` is true or false",
        "`udkast = true`",
    ),
    (
        "cases/list-unquoted.toml:4:10",
        "`udvalg` looks like a list",
        "`udvalg = [\"USS\", \"UDF\"]`",
    ),
    (
        "cases/short-date.toml:5:8",
        "two digits for the month and the day",
        "`dato = 2025-05-05`",
    ),
    (
        "cases/notat-field.toml:4:1",
        "`til` is a field of a notat, not of an orienteringssag",
        "change `type` if the file is meant to be a notat",
    ),
    (
        "cases/number-title.toml:2:9",
        "`titel` must be text in quotes, not the number 2025",
        "`titel = \"2025\"`",
    ),
    (
        "cases/empty.toml:1:1",
        "missing field `type`",
        "add a first line such as `type = ",
    ),
];

/// The diagnostic block (message, source lines, notes) that mentions `position`.
fn block_at<'s>(stderr: &'s str, position: &str) -> &'s str {
    let blocks: Vec<&str> = stderr.split("\nerror").collect();
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
        assert!(block.contains("help: "), "{position}: a help line\n{block}");
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
        !run.stderr.contains("missing field `indstilling`")
            && !run.stderr.contains("missing field `dato`"),
        "a field below a [[…]] line is not also called missing\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Files with errors: ") && !run.stderr.contains("no PDF written"),
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
            assert!(d["column"].as_u64().is_some(), "{fixture}: {d}");
            assert!(
                d["help"].as_str().is_some_and(|h| !h.is_empty()),
                "{fixture}: an error without a help line: {d}"
            );
        }
    }
    assert!(errors >= 60, "{errors}");
}
