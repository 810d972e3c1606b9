//! The command line as users meet it: help, exit statuses, quiet mode.

use crate::common::{Project, notat};

#[test]
fn help_lists_the_commands() {
    let run = Project::empty().run(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("build") && run.stdout.contains("check"),
        "{}",
        run.stdout
    );
}

/// `--help` speaks the run's language, clap's own words (usage, headings, flags) too.
#[test]
fn help_is_danish_unless_english_is_asked_for() {
    let project = Project::empty();
    let danish = project.run(&["build", "--help"]);
    assert_eq!(danish.code, 0, "{}", danish.stderr);
    for said in [
        "Lav sags- og mødefiler til PDF'er under `output/` (kun det, der er ændret)",
        "Brug: sagsgen build [TILVALG] [STI]...",
        "Tilvalg:",
        "Argumenter:",
        "-o, --output <MAPPE>",
        "Hvor PDF'erne skal skrives (standard: `output/` i projektmappen)",
        "-h, --help",
        "Vis denne hjælp",
    ] {
        assert!(danish.stdout.contains(said), "{said:?}\n{}", danish.stdout);
    }
    for english in [
        "Usage",
        "Options",
        "Print help",
        "Where to write",
        "[default",
    ] {
        assert!(
            !danish.stdout.contains(english),
            "{english:?}\n{}",
            danish.stdout
        );
    }
    // A command with no options of its own still takes every command's (`--sprog` …).
    let schema = project.run(&["schema", "--help"]);
    assert!(
        schema
            .stdout
            .contains("Brug: sagsgen schema [TILVALG] [HVILKET]"),
        "{}",
        schema.stdout
    );
    let top = project.run(&["--help"]);
    assert!(top.stdout.contains("Kommandoer:"), "{}", top.stdout);
    assert!(top.stdout.contains("Vis versionen"), "{}", top.stdout);
    let english = project.run(&["build", "--help", "--sprog", "en"]);
    assert_eq!(english.code, 0, "{}", english.stderr);
    for said in [
        "Build case and meeting files into PDFs under `output/` (only what changed)",
        "Usage: sagsgen build [OPTIONS] [PATH]...",
        "-o, --output <DIR>",
        "Print help",
    ] {
        assert!(
            english.stdout.contains(said),
            "{said:?}\n{}",
            english.stdout
        );
    }
    let from_environment = project.run_with(&["check", "--help"], &[("LANG", "en_US.UTF-8")]);
    assert!(
        from_environment
            .stdout
            .contains("Check case and meeting files for every problem"),
        "{}",
        from_environment.stdout
    );
}

/// A wrong command line gets a Danish message with clap's suggestion, the usage and exit 2.
#[test]
fn usage_errors_are_danish_and_exit_2() {
    let project = Project::empty();
    let run = project.run(&["biuld"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "fejl: `biuld` er ikke en kommando\n\n  tip: mente du `build`?\n\nBrug: sagsgen [TILVALG] <KOMMANDO>\n\nSe `sagsgen --help` for mere.\n"
    );
    let run = project.run(&["check", "--color", "blaa"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: `blaa` kan ikke bruges som --color <FARVE>\n\n  mulige værdier: auto, always, never\n"),
        "{}",
        run.stderr
    );
    let run = project.run(&["import"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("fejl: <FIL>... skal angives"),
        "{}",
        run.stderr
    );
    let run = project.run(&["biuld", "--sprog", "en"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: unrecognized subcommand 'biuld'"),
        "{}",
        run.stderr
    );
    let run = project.run(&["check", "--sprog", "tysk"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("mulige værdier: da, en"),
        "{}",
        run.stderr
    );
}

#[test]
fn wrong_usage_exits_2() {
    let project = Project::empty();
    assert_eq!(project.run(&["frobnicate"]).code, 2);
    assert_eq!(project.run(&["build", "--no-such-flag"]).code, 2);
    let run = project.run(&["build", "no-such-folder"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("fejl: filen eller mappen findes ikke: no-such-folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn success_exits_0_with_a_summary_and_quiet_is_quiet() {
    let project = Project::empty();
    project.write("cases/a.toml", notat(""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("    Lavet output/a.pdf (1 side)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Færdig: 1 lavet"), "{}", run.stderr);
    let quiet = project.run(&["build", "--quiet"]);
    assert_eq!(quiet.code, 0);
    assert!(
        quiet.stderr.is_empty() && quiet.stdout.is_empty(),
        "{quiet:?}"
    );
}

#[test]
fn build_works_from_a_subfolder_of_the_project() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[organisation]\nnavn = \"Rodby Kommune\"\n");
    project.write("cases/2024/a.toml", notat(""));
    let out = crate::common::sagsgen()
        .args(["build", "."])
        .current_dir(project.path().join("cases/2024"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        project.exists("output/2024/a.pdf"),
        "output goes to the project's output/"
    );
    assert!(project.text("output/2024/a.pdf").contains("Rodby Kommune"));
}

#[test]
fn completions_and_man_page_come_from_the_command_definition() {
    let project = Project::empty();
    for shell in ["bash", "zsh", "fish"] {
        let run = project.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.contains("sagsgen") && run.stdout.contains("archive"),
            "{shell}"
        );
    }
    let man = project.run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.contains(".TH sagsgen 1") && man.stdout.contains("build"),
        "{}",
        man.stdout
    );
    // The manual speaks the run's language, as `--help` does.
    assert!(
        man.stdout.contains("Sproget i meddelelser og hjælp") && man.stdout.contains(".SH TILVALG"),
        "{}",
        man.stdout
    );
    let english = project.run(&["man", "--sprog", "en"]);
    assert!(
        english.stdout.contains("The language of messages and help"),
        "{}",
        english.stdout
    );
    assert_eq!(
        project.run(&["completions", "tcsh"]).code,
        2,
        "an unknown shell is wrong usage"
    );
}

#[test]
fn diagnostics_as_json_lines_for_tools() {
    let project = Project::fixture("broken");
    let run = project.run(&["check", "cases/typo.toml", "--message-format", "json"]);
    assert_eq!(run.code, 1);
    let messages: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let typo = messages
        .iter()
        .find(|m| {
            m["message"]
                .as_str()
                .unwrap()
                .contains("mente du `sagsfremstilling`?")
        })
        .expect("the typo is reported");
    assert_eq!(typo["severity"], "error");
    assert_eq!(typo["file"], "cases/typo.toml");
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(6), Some(1))
    );
    assert_eq!(typo["help"], "skriv `sagsfremstilling` i stedet");
    assert_eq!(typo["code"], "field-unknown-near");
}

#[test]
fn schema_prints_the_json_schemas() {
    let project = Project::empty();
    let cases = project.run(&["schema"]);
    assert_eq!(cases.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&cases.stdout).expect("JSON");
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["properties"]["type"]["enum"],
        serde_json::json!(["notat", "beslutningssag", "orienteringssag", "moede"])
    );
    let config: serde_json::Value =
        serde_json::from_str(&project.run(&["schema", "config"]).stdout).expect("JSON");
    assert_eq!(config["title"], "sagsgen.toml");
}

#[test]
fn a_problem_seen_twice_in_a_run_is_said_once() {
    // The seed case is built on its own and again as an item of the example meeting.
    let project = Project::examples();
    let run = project.run(&["build", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warning = "udvalget \"Udvalg for skole og ungdomsuddannelse\" står ikke under `[udvalg]`";
    assert_eq!(run.stderr.matches(warning).count(), 1, "{}", run.stderr);
}
