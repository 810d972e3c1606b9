//! Exact messages: one test per kind of diagnostic (TOML syntax, field, committee,
//! attachment, template, Typst) comparing everything `sagsgen check` prints, so a change to
//! any part of a message — position, snippet, caret, help, summary — shows here.

use crate::common::{Project, beslutningssag, notat};

/// `sagsgen check --color never` in a project with one case file; (exit code, stderr).
fn check(project: &Project) -> (i32, String) {
    let run = project.run(&["check", "--color", "never"]);
    (run.code, run.stderr)
}

fn one_case(text: &str) -> Project {
    let project = Project::empty();
    project.write("cases/sag.toml", text);
    project
}

#[track_caller]
fn assert_output(project: &Project, expected: &str) {
    let (code, stderr) = check(project);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stderr, expected,
        "\n--- got ---\n{stderr}\n--- expected ---\n{expected}"
    );
}

#[test]
fn toml_syntax() {
    let project = one_case("type = \"notat\"\ntitel = \"Uden slut\ntil = \"Udvalget\"\n");
    assert_output(&project, TOML_SYNTAX);
}

#[test]
fn field() {
    let project = one_case(&notat("tekts = \"Mere.\"\n"));
    assert_output(&project, FIELD);
}

#[test]
fn committee() {
    let project = one_case(&beslutningssag("udvalg = [\"XYZ\"]\n"));
    assert_output(&project, COMMITTEE);
}

#[test]
fn attachment() {
    let project = one_case(&beslutningssag(
        "\n[[bilag]]\ntitel = \"Kort\"\nfil = \"../bilag/kort.pdf\"\n",
    ));
    assert_output(&project, ATTACHMENT);
}

/// A notat in a project whose `notat.typ.j2` override is the built-in one, changed.
fn with_notat_override(change: impl Fn(String) -> String) -> Project {
    let project = one_case(&notat(""));
    let builtin =
        std::fs::read_to_string(crate::common::repo().join("templates/notat.typ.j2")).unwrap();
    project.write("templates/notat.typ.j2", change(builtin));
    project
}

#[test]
fn template() {
    let project = with_notat_override(|t| t.replacen("{{ doc.til }}", "{{ doc.tli }}", 1));
    assert_output(&project, TEMPLATE);
}

#[test]
fn typst() {
    let project = with_notat_override(|t| format!("{t}\n#ukendt-funktion()\n"));
    assert_output(&project, TYPST);
}

/// The language: Danish without a word about it, and with a Danish environment; English
/// with `--sprog en` or an English environment; `--sprog` wins over the environment.
#[test]
fn the_language_is_danish_unless_english_is_asked_for() {
    let project = one_case(&notat("tekts = \"Mere.\"\n"));
    let said = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["check", "--color", "never"];
        all.extend_from_slice(args);
        let run = project.run_with(&all, env);
        assert_eq!(run.code, 1, "{}", run.stderr);
        run.stderr
    };
    assert_eq!(said(&[], &[]), FIELD);
    assert_eq!(said(&[], &[("LANG", "da_DK.UTF-8")]), FIELD);
    assert_eq!(said(&["--sprog", "da"], &[("LANG", "en_GB.UTF-8")]), FIELD);
    assert_eq!(said(&["--sprog", "en"], &[]), FIELD_IN_ENGLISH);
    assert_eq!(said(&["--language=en"], &[]), FIELD_IN_ENGLISH);
    assert_eq!(said(&["--sprog", "engelsk"], &[]), FIELD_IN_ENGLISH);
    assert_eq!(said(&[], &[("LANG", "en_US.UTF-8")]), FIELD_IN_ENGLISH);
    assert_eq!(
        said(
            &[],
            &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "da_DK.UTF-8")]
        ),
        FIELD_IN_ENGLISH
    );
    assert_eq!(
        said(&[], &[("LC_ALL", "da_DK.UTF-8"), ("LANG", "en_US.UTF-8")]),
        FIELD
    );
}

/// A tool reads the same code whatever the language; the text is the run's.
#[test]
fn json_messages_keep_their_code_in_every_language() {
    let project = one_case(&notat("tekts = \"Mere.\"\n"));
    for (sprog, message, help) in [
        (
            "da",
            "`tekts` er ikke et felt i et notat; mente du `tekst`?",
            "skriv `tekst` i stedet",
        ),
        (
            "en",
            "`tekts` is not a field of a notat; did you mean `tekst`?",
            "write `tekst` instead",
        ),
    ] {
        let run = project.run(&["check", "--message-format", "json", "--sprog", sprog]);
        let line: serde_json::Value =
            serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
        assert_eq!(line["code"], "field-unknown-near", "{line}");
        assert_eq!(line["message"], message, "{line}");
        assert_eq!(line["help"], help, "{line}");
        assert_eq!(line["severity"], "error", "{line}");
    }
}

const FIELD_IN_ENGLISH: &str = r#"error: `tekts` is not a field of a notat; did you mean `tekst`?
  ┌─ cases/sag.toml:5:1
  │
5 │ tekts = "Mere."
  │ ^^^^^
  │
  = help: write `tekst` instead

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
"#;
const TOML_SYNTAX: &str = r#"fejl: teksten i `titel` mangler det afsluttende anførselstegn
  ┌─ cases/sag.toml:2:19
  │
2 │ titel = "Uden slut
  │                   ^
  │
  = hjælp: afslut teksten med et anførselstegn (") på samme linje; tekst over flere linjer skal stå mellem tre anførselstegn (""" … """)

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;
const FIELD: &str = r#"fejl: `tekts` er ikke et felt i et notat; mente du `tekst`?
  ┌─ cases/sag.toml:5:1
  │
5 │ tekts = "Mere."
  │ ^^^^^
  │
  = hjælp: skriv `tekst` i stedet

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;
const COMMITTEE: &str = r#"fejl: "XYZ" er ikke en udvalgsforkortelse i sagsgen.toml
  ┌─ cases/sag.toml:9:11
  │
9 │ udvalg = ["XYZ"]
  │           ^^^^^
  │
  = hjælp: de kendte forkortelser er BR, KB, OEU; eller skriv udvalgets fulde navn

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;
const ATTACHMENT: &str = r#"fejl: bilaget "../bilag/kort.pdf" findes ikke
   ┌─ cases/sag.toml:12:7
   │
12 │ fil = "../bilag/kort.pdf"
   │       ^^^^^^^^^^^^^^^^^^^
   │
   = hjælp: `fil` regnes fra den mappe, sagsfilen ligger i

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;
const TEMPLATE: &str = r#"fejl: skabelonen notat.typ.j2: `doc.tli` er ikke en værdi, skabelonen får
  ┌─ templates/notat.typ.j2:9:19
  │
9 │     [*Til:*], [{{ doc.tli }}],
  │                   ^^^^^^^
  │
  = hjælp: mente du `doc.til`?

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;
const TYPST: &str = r#"fejl: opsætningen af cases/sag.toml mislykkedes: unknown variable: ukendt-funktion
   ┌─ templates/notat.typ.j2:29:1
   │
29 │ #ukendt-funktion()
   │ ^^^^^^^^^^^^^^^^^^
   │
   = på linje 76 i den lavede Typst-kilde: #ukendt-funktion()
   = tip: if you meant to use subtraction, try adding spaces around the minus sign: `ukendt - funktion`
   = hjælp: denne linje i din skabelon gav ugyldig Typst; ret den, eller slet filen for at bruge den indbyggede skabelon

  Fejlede cases/sag.toml (1 fejl)
Filer med fejl: cases/sag.toml
Færdig: 0 tjekket, 1 fejlede
"#;

/// A broken case that two meetings include: its error is said once a run, whether the case
/// is built on its own too or not — and each meeting says that its item has errors.
#[test]
fn a_case_included_twice_is_reported_once() {
    let project = Project::empty();
    project.write("cases/a.toml", notat("tekts = \"Mere.\"\n"));
    for m in ["m1", "m2"] {
        project.write(
            &format!("moeder/{m}.toml"),
            "type = \"moede\"\nudvalg = \"Byrådet\"\ndato = 2025-05-05\n\n[[punkter]]\nsag = \"../cases/a.toml\"\n",
        );
    }
    for args in [&["check", "moeder"][..], &["check"]] {
        let run = project.run(args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(
            run.stderr
                .matches("`tekts` er ikke et felt i et notat")
                .count(),
            1,
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(
            run.stderr
                .matches("sagsfilen \"../cases/a.toml\" har fejl")
                .count(),
            2,
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn two_items_with_one_number() {
    let project = Project::empty();
    // The first item is number 1 by its place; the second says it is number 1 as well.
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-01\n\n[[punkter]]\ntitel = \"Godkendelse af dagsorden\"\nbeslutning = \"Godkendt.\"\n\n[[punkter]]\nnummer = \"1\"\ntitel = \"Meddelelser\"\nbeslutning = \"Taget til efterretning.\"\n",
    );
    let (code, stderr) = check(&project);
    assert_eq!(code, 0, "a warning, not an error: {stderr}");
    let expected = "advarsel: to punkter har nummeret \"1\"; dette er det andet
  ┌─ moeder/m.toml:9:1
  │
9 │ [[punkter]]
  │ ^^^^^^^^^^^
  │
  = hjælp: giv hvert punkt sit eget `nummer`, eller udelad `nummer`, så punkterne nummereres efter deres plads

";
    assert!(stderr.starts_with(expected), "\n--- got ---\n{stderr}");
    // Numbers of their own, all different: nothing to say.
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-01\n\n[[punkter]]\ntitel = \"Godkendelse af dagsorden\"\nbeslutning = \"Godkendt.\"\n\n[[punkter]]\nnummer = \"1a\"\ntitel = \"Meddelelser\"\nbeslutning = \"Taget til efterretning.\"\n",
    );
    let (code, stderr) = check(&project);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("advarsel"), "{stderr}");
}
