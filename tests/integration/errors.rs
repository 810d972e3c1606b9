//! Bad input: every kind of broken file gets exit 1, a message naming file, line, column
//! and field, no PDF — and the good files of the same run are still built.

use crate::common::{Project, notat};

/// (file stem, position prefix, message fragments in Danish, the same in English)
type Broken = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const BROKEN: &[Broken] = &[
    (
        "syntax",
        "cases/syntax.toml:2:",
        &["teksten i `titel` mangler det afsluttende anførselstegn"],
        &["the text of `titel` has no closing quote"],
    ),
    (
        "typo",
        "cases/typo.toml:6:1",
        &[
            "`sagsfremstiling` er ikke et felt i en beslutningssag",
            "mente du `sagsfremstilling`?",
        ],
        &[
            "`sagsfremstiling` is not a field of a beslutningssag",
            "did you mean `sagsfremstilling`?",
        ],
    ),
    (
        "wrong-type",
        "cases/wrong-type.toml:2:9",
        &["`titel` skal være en tekst i anførselstegn, ikke tallet 2025"],
        &["`titel` must be text in quotes, not the number 2025"],
    ),
    (
        "wrong-value",
        "cases/wrong-value.toml:5:10",
        &["`adgang` skal være \"åben\" eller \"lukket\", ikke \"offentlig\""],
        &["`adgang` must be \"åben\" or \"lukket\", not \"offentlig\""],
    ),
    (
        "unknown-committee",
        "cases/unknown-committee.toml:2:18",
        &["\"XYZ\" er ikke en udvalgsforkortelse", "USS, UDF, USU"],
        &["\"XYZ\" is not a committee abbreviation", "USS, UDF, USU"],
    ),
    (
        "bad-url",
        "cases/bad-url.toml:10:7",
        &["skal begynde med https://"],
        &["must start with https://"],
    ),
    (
        "outside",
        "cases/outside.toml:10:7",
        &["ligger uden for projektmappen"],
        &["lies outside the project folder"],
    ),
    (
        "on-drive",
        "cases/on-drive.toml:10:7",
        &[
            "bilaget \"C:\\Users\\sekretariat\\Dokumenter\\bilag.pdf\" ligger på et drev eller et netværksdrev uden for projektmappen",
            "skriv `fil` i forhold til denne sagsfil",
        ],
        &[
            "the attachment \"C:\\Users\\sekretariat\\Dokumenter\\bilag.pdf\" is on a drive or network share, outside the project folder",
            "write `fil` relative to this case file",
        ],
    ),
    (
        "missing-attachment",
        "cases/missing-attachment.toml:10:7",
        &["\"../bilag/findes-ikke.pdf\" findes ikke"],
        &["\"../bilag/findes-ikke.pdf\" does not exist"],
    ),
    (
        "missing-attachment",
        "cases/missing-attachment.toml:14:7",
        &["\"../bilag/not-a-pdf.pdf\" er ikke en PDF-fil"],
        &["\"../bilag/not-a-pdf.pdf\" is not a PDF file"],
    ),
    (
        "latin1",
        "cases/latin1.toml:5:4",
        &[
            "filen er gemt som ANSI (Windows-1252), ikke som UTF-8: \"ø\" er én byte",
            "i Notesblok, vælg Filer → Gem som, sæt Kodning til UTF-8",
        ],
        &[
            "the file is saved as ANSI (Windows-1252), not as UTF-8: \"ø\" is one byte",
            "in Notepad, choose File → Save As, set Encoding to UTF-8",
        ],
    ),
    (
        "too-long",
        "cases/too-long.toml:2:9",
        &["`titel` er på 5000 tegn; højst 1000"],
        &["`titel` is 5000 characters long; at most 1000"],
    ),
    (
        "missing",
        "cases/missing.toml:1:1",
        &["feltet `til` mangler: et notat skal have det"],
        &["missing field `til`: a notat must have it"],
    ),
    (
        "bad-kind",
        "cases/bad-kind.toml:1:8",
        &[
            "\"beslutingssag\" er ikke en slags sag",
            "mente du \"beslutningssag\"?",
        ],
        &[
            "\"beslutingssag\" is not a kind of case",
            "did you mean \"beslutningssag\"?",
        ],
    ),
    (
        "date-with-time",
        "cases/date-with-time.toml:5:8",
        &["`dato` skal være en dato som 2020-10-20"],
        &["`dato` must be a date such as 2020-10-20"],
    ),
];

/// Every fragment of the broken-input suite is in `said`, in one language.
#[track_caller]
fn assert_all_said(said: &str, danish: bool) {
    for (stem, position, in_danish, in_english) in BROKEN {
        assert!(
            said.contains(position),
            "no diagnostic at {position}\n{said}"
        );
        let fragments = if danish { in_danish } else { in_english };
        for fragment in *fragments {
            assert!(
                said.contains(fragment),
                "missing {fragment:?} for {stem}\n{said}"
            );
        }
    }
}

/// No word of the other language's frame (levels, help, summary) in a run's messages.
#[track_caller]
fn assert_all_danish(said: &str) {
    for english in [
        "error",
        "warning",
        "help:",
        "Failed",
        "Finished",
        "Files with",
        " is ",
        " the ",
    ] {
        assert!(
            !said.contains(english),
            "{english:?} in a Danish run:\n{said}"
        );
    }
}

#[test]
fn every_broken_file_is_reported_with_position_and_nothing_is_written_for_it() {
    let project = Project::fixture("broken");
    let run = project.run(&["build"]);
    assert_eq!(
        run.code, 1,
        "exit status 1 for input errors\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_all_said(&run.stderr, true);
    assert_all_danish(&run.stderr);
    for (stem, ..) in BROKEN {
        assert!(
            !project.exists(&format!("output/{stem}.pdf")),
            "{stem}.pdf must not be written"
        );
    }
    assert!(
        project.exists("output/good.pdf"),
        "the good case of the same run is built"
    );
    assert!(run.stderr.contains("1 lavet"), "{}", run.stderr);
    assert!(run.stderr.contains("14 fejlede"), "{}", run.stderr);
}

/// The acceptance of the messages' language: with a Danish environment, and with none,
/// every message of the broken-input suite is Danish; with `--sprog en` English.
#[test]
fn the_broken_input_suite_speaks_danish_unless_told_english() {
    let project = Project::fixture("broken");
    for env in [&[][..], &[("LANG", "da_DK.UTF-8")]] {
        let run = project.run_with(&["check"], env);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_all_said(&run.stderr, true);
        assert_all_danish(&run.stderr);
        assert!(
            run.stderr.contains("Færdig: 1 tjekket, 14 fejlede"),
            "{}",
            run.stderr
        );
    }
    let run = project.run(&["check", "--sprog", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_all_said(&run.stderr, false);
    for danish in ["fejl:", "hjælp:", "Fejlede", "Færdig", " er ", " ikke "] {
        assert!(
            !run.stderr.contains(danish),
            "{danish:?} in an English run:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("Finished: 1 checked, 14 failed"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_reports_the_same_problems_and_writes_nothing() {
    let project = Project::fixture("broken");
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    for (_, position, ..) in BROKEN {
        assert!(
            run.stderr.contains(position),
            "no diagnostic at {position}\n{}",
            run.stderr
        );
    }
    assert!(!project.exists("output"), "check writes nothing");
}

#[test]
fn diagnostics_show_the_offending_line_with_a_caret() {
    let project = Project::fixture("broken");
    let run = project.run(&["check", "cases/typo.toml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("sagsfremstiling = \"Fremstilling.\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("^^^^^^^^^^^^^^^"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("hjælp: skriv `sagsfremstilling` i stedet"),
        "{}",
        run.stderr
    );
    // The misspelt key's suggestion is enough: no second "missing field" error for it.
    assert!(
        !run.stderr.contains("feltet `sagsfremstilling` mangler"),
        "{}",
        run.stderr
    );
}

#[test]
fn all_problems_of_one_file_are_reported_at_once() {
    let project = Project::empty();
    project.write(
        "cases/many.toml",
        "type = \"notat\"\ntitel = 1\ntiil = \"x\"\ntekst = \"y\"\nudkast = \"ja\"\nemneord = [1]\n",
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1);
    for position in [
        "many.toml:2:9",
        "many.toml:3:1",
        "many.toml:5:10",
        "many.toml:6:12",
    ] {
        assert!(
            run.stderr.contains(position),
            "no diagnostic at {position}\n{}",
            run.stderr
        );
    }
}

#[test]
fn absurd_markdown_builds_or_fails_cleanly() {
    let project = Project::empty();
    let deep_quote = format!("{} dyb", ">".repeat(3000));
    let deep_list: String = (0..300)
        .map(|i| format!("{}- punkt{i}\n", "  ".repeat(i)))
        .collect();
    let deep_emph = format!("{}x{}", "*".repeat(1900), "*".repeat(1900));
    for (name, text) in [
        ("quote", deep_quote),
        ("list", deep_list),
        ("emph", deep_emph),
    ] {
        let case = notat("").replace("\"Brødtekst.\"", &format!("'''\n{text}\n'''"));
        project.write(&format!("cases/{name}.toml"), case);
    }
    project.write(
        "cases/word.toml",
        notat("").replace("Brødtekst.", &"a".repeat(200_000)),
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for name in ["quote", "list", "emph"] {
        let built = project.exists(&format!("output/{name}.pdf"));
        assert!(
            built,
            "deep nesting is flattened, not fatal: {name}\n{}",
            run.stderr
        );
    }
    assert!(project.text("output/quote.pdf").contains("dyb"));
    assert!(project.text("output/list.pdf").contains("punkt299"));
    assert!(run.stderr.contains("cases/word.toml:4:9"), "{}", run.stderr);
    let message = "`tekst` har 200000 tegn uden mellemrum";
    assert!(run.stderr.contains(message), "{}", run.stderr);
}

#[test]
fn a_broken_case_never_replaces_a_good_pdf() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    assert_eq!(project.run(&["build"]).code, 0);
    let good = project.read("output/a.pdf");
    project.write("cases/a.toml", notat("titel = \"twice\""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        project.read("output/a.pdf"),
        good,
        "the earlier PDF is kept as it was"
    );
    let leftovers: Vec<_> = std::fs::read_dir(project.path().join("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".sagsgen-cache.json")
        .collect();
    assert_eq!(leftovers, ["a.pdf"], "no temporary files left behind");
}

#[test]
fn unknown_committee_names_warn_in_check_but_build() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[udvalg]\nOEU = \"Økonomiudvalget\"\n");
    project.write(
        "cases/a.toml",
        crate::common::beslutningssag("udvalg = [\"OEU\", \"Et helt andet udvalg\"]"),
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("advarsel: udvalget \"Et helt andet udvalg\" står ikke under `[udvalg]`"),
        "{}",
        run.stderr
    );
}

#[test]
fn broken_sagsgen_toml_is_reported_with_position() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[pdf]\nstandard = \"a-9z\"\n[organisation]\nnavnn = \"X\"\n",
    );
    project.write("cases/a.toml", notat(""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("sagsgen.toml:2:12"), "{}", run.stderr);
    assert!(
        run.stderr.contains("\"a-9z\" er ikke et PDF/A-niveau"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("sagsgen.toml:4:1") && run.stderr.contains("mente du `navn`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn paths_written_with_windows_backslashes_are_found() {
    let project = Project::examples();
    let meeting = "moeder/uss-2020-11-02.toml";
    let text = String::from_utf8(project.read(meeting)).unwrap();
    assert!(text.contains("sag = \"../cases/2020/"), "{text}");
    // As a Windows user writes them: backslashes, in a literal string.
    let windows = text
        .lines()
        .map(|line| match line.strip_prefix("sag = \"") {
            Some(rest) => format!("sag = '{}'", rest.trim_end_matches('"').replace('/', "\\")),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(windows.contains(r"sag = '..\cases\2020\"), "{windows}");
    project.write(meeting, windows);
    let case = "cases/2020/salg-af-grund-industrivej.toml";
    let text = String::from_utf8(project.read(case)).unwrap();
    let fil = text
        .lines()
        .find(|l| l.starts_with("fil = \""))
        .expect("an attachment");
    let windows_fil = format!("fil = '{}'", fil[7..fil.len() - 1].replace('/', "\\"));
    project.write(case, text.replace(fil, &windows_fil));
    let run = project.run(&["check", meeting]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("dagsorden-med-bilag.pdf"),
        "{}",
        run.stderr
    );
}
