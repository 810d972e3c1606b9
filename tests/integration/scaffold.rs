//! `sagsgen init` and `sagsgen new`: a project that builds at once, files that check,
//! and nothing ever overwritten.

use crate::common::Project;

#[test]
fn init_makes_a_project_that_builds_at_once() {
    let project = Project::empty();
    let run = project.run(&["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for file in [
        "sagsgen.toml",
        "cases/eksempel-notat.toml",
        "moeder/eksempel-moede.toml",
        "templates/README.md",
        "fonts/README.md",
    ] {
        assert!(project.exists(file), "{file}");
    }
    // As init says: `sagsgen build`, no path — the whole project, meeting included.
    let build = project.run(&["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(build.stderr.contains("Færdig: 4 lavet"), "{}", build.stderr);
    for pdf in [
        "eksempel-notat",
        "eksempel-beslutningssag",
        "eksempel-orienteringssag",
        "moeder/eksempel-moede/referat",
    ] {
        assert!(project.exists(&format!("output/{pdf}.pdf")), "{pdf}");
    }
}

#[test]
fn init_never_overwrites_and_can_write_the_templates() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[organisation]\nnavn = \"Min Kommune\"\n");
    let run = project.run(&["init", ".", "--templates"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Beholdt ./sagsgen.toml (den findes)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        project.read("sagsgen.toml"),
        b"[organisation]\nnavn = \"Min Kommune\"\n"
    );
    assert!(project.exists("templates/sag.typ.j2") && project.exists("templates/moede.typ.j2"));
    let build = project.run(&["build", "cases"]);
    assert_eq!(
        build.code, 0,
        "the written-out templates work as overrides: {}",
        build.stderr
    );
    assert!(
        project
            .text("output/eksempel-notat.pdf")
            .contains("Min Kommune")
    );
}

#[test]
fn new_writes_every_kind_so_that_it_checks() {
    let project = Project::empty();
    assert_eq!(project.run(&["init"]).code, 0);
    for kind in ["notat", "beslutningssag", "orienteringssag", "moede"] {
        let run = project.run(&["new", kind, &format!("moeder/ny-{kind}.toml")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = String::from_utf8(project.read(&format!("moeder/ny-{kind}.toml"))).unwrap();
        assert!(
            text.contains(&format!("type = \"{kind}\"")) && text.contains("\n# "),
            "{text}"
        );
    }
    let new = String::from_utf8(project.read("moeder/ny-notat.toml")).unwrap();
    assert!(
        new.starts_with("#:schema ../sagsgen.schema.json\n"),
        "new points at the project's schema: {new}"
    );
    let check = project.run(&["check", "moeder"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn new_refuses_to_overwrite() {
    let project = Project::empty();
    project.write("cases/a.toml", "mine");
    let run = project.run(&["new", "notat", "cases/a.toml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("findes allerede; sagsgen new overskriver aldrig"),
        "{}",
        run.stderr
    );
    assert_eq!(project.read("cases/a.toml"), b"mine");
}

#[test]
fn new_fills_in_the_projects_own_committees_and_brings_the_schema() {
    let project = Project::empty();
    project.write(
        "sagsgen.toml",
        "[udvalg]\nUSS = \"Udvalg for sociale forhold\"\nSPU = \"Social- og psykiatriudvalget\"\n",
    );
    for kind in ["notat", "beslutningssag", "orienteringssag", "moede"] {
        let run = project.run(&["new", kind, &format!("sager/2025/{kind}.toml")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let sag = String::from_utf8(project.read("sager/2025/beslutningssag.toml")).unwrap();
    assert!(
        sag.starts_with("#:schema ../../sagsgen.schema.json\n"),
        "{sag}"
    );
    assert!(sag.contains("udvalg = [\"USS\"]"), "{sag}");
    assert!(
        project.exists("sagsgen.schema.json"),
        "the #:schema line points at a file that exists"
    );
    let check = project.run(&["check", "sager"]);
    assert_eq!(
        check.code, 0,
        "new files check in this project\n{}",
        check.stderr
    );
    assert!(!check.stderr.contains("fejl"), "{}", check.stderr);
}

#[test]
fn new_in_a_folder_without_a_project_still_checks() {
    let project = Project::empty();
    let run = project.run(&["new", "moede", "moede.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = String::from_utf8(project.read("moede.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ./sagsgen.schema.json\n"),
        "{text}"
    );
    assert!(
        text.contains("# sag = \"../cases/sagen.toml\""),
        "the case item waits, commented out, for a real case: {text}"
    );
    let check = project.run(&["check", "moede.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn new_adds_the_toml_extension_and_takes_the_danish_spelling() {
    let project = Project::empty();
    let run = project.run(&["new", "møde", "moeder/udvalg-2025-05-05"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("moeder/udvalg-2025-05-05.toml"),
        "{}",
        run.stderr
    );
    let text = String::from_utf8(project.read("moeder/udvalg-2025-05-05.toml")).unwrap();
    assert!(text.contains("type = \"moede\""), "{text}");
    assert!(!project.exists("moeder/udvalg-2025-05-05"));
}

#[test]
fn every_command_without_a_path_takes_the_whole_project() {
    let project = Project::examples();
    let check = project.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.contains("moeder/uss-2020-11-02.toml") && check.stderr.contains("cases/2025"),
        "{}",
        check.stderr
    );
    // The one warning README explains (its "two commands"): the original's own name of a committee.
    assert_eq!(
        check.stderr.matches("advarsel:").count(),
        1,
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("\"Udvalg for skole og ungdomsuddannelse\" står ikke under `[udvalg]`"),
        "{}",
        check.stderr
    );
    let archive = project.run(&["archive", "--to", "arkiv"]);
    assert_eq!(archive.code, 0, "{}", archive.stderr);
    assert!(
        archive.stderr.contains("referat.pdf")
            && archive.stderr.contains("notat-regionshandicapraadet"),
        "{}",
        archive.stderr
    );
}

#[test]
fn a_project_without_cases_or_moeder_is_told_what_to_do() {
    let project = Project::empty();
    project.write("sagsgen.toml", "");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("har ingen mappe cases/ eller moeder/"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("sagsgen init"), "{}", run.stderr);
}
