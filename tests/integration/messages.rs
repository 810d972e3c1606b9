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

const TOML_SYNTAX: &str = r#"error: the text of `titel` has no closing quote
  ┌─ cases/sag.toml:2:19
  │
2 │ titel = "Uden slut
  │                   ^
  │
  = help: end the text with a quote (") on the same line; text over several lines goes between triple quotes (""" … """)

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
"#;
const FIELD: &str = r#"error: `tekts` is not a field of a notat; did you mean `tekst`?
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
const COMMITTEE: &str = r#"error: "XYZ" is not a committee abbreviation in sagsgen.toml
  ┌─ cases/sag.toml:9:11
  │
9 │ udvalg = ["XYZ"]
  │           ^^^^^
  │
  = help: the known abbreviations are BR, KB, OEU; or write the committee's full name

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
"#;
const ATTACHMENT: &str = r#"error: the attachment "../bilag/kort.pdf" does not exist
   ┌─ cases/sag.toml:12:7
   │
12 │ fil = "../bilag/kort.pdf"
   │       ^^^^^^^^^^^^^^^^^^^
   │
   = help: `fil` is relative to the folder of this case file

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
"#;
const TEMPLATE: &str = r#"error: template notat.typ.j2: `doc.tli` is not a value this template is given
  ┌─ templates/notat.typ.j2:9:19
  │
9 │     [*Til:*], [{{ doc.tli }}],
  │                   ^^^^^^^
  │
  = help: did you mean `doc.til`?

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
"#;
const TYPST: &str = r#"error: typesetting cases/sag.toml failed: unknown variable: ukendt-funktion
   ┌─ templates/notat.typ.j2:29:1
   │
29 │ #ukendt-funktion()
   │ ^^^^^^^^^^^^^^^^^^
   │
   = at line 76 of the generated Typst: #ukendt-funktion()
   = hint: if you meant to use subtraction, try adding spaces around the minus sign: `ukendt - funktion`
   = help: this line of your template override produced invalid Typst; fix it, or delete the file to use the built-in template

   Failed cases/sag.toml (1 error)
Files with errors: cases/sag.toml
Finished: 0 checked, 1 failed
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
                .matches("`tekts` is not a field of a notat")
                .count(),
            1,
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(
            run.stderr
                .matches("the case file \"../cases/a.toml\" has errors")
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
    let expected = "warning: two items have the number \"1\"; this is the second
  ┌─ moeder/m.toml:9:1
  │
9 │ [[punkter]]
  │ ^^^^^^^^^^^
  │
  = help: give each item its own `nummer`, or leave `nummer` out to number the items by their place

";
    assert!(stderr.starts_with(expected), "\n--- got ---\n{stderr}");
    // Numbers of their own, all different: nothing to say.
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-06-01\n\n[[punkter]]\ntitel = \"Godkendelse af dagsorden\"\nbeslutning = \"Godkendt.\"\n\n[[punkter]]\nnummer = \"1a\"\ntitel = \"Meddelelser\"\nbeslutning = \"Taget til efterretning.\"\n",
    );
    let (code, stderr) = check(&project);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}
