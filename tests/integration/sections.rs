//! Sections the model lacks: `[[afsnit]]` entries under their own heading, placed among the
//! standard sections as `placering` says, tagged and bookmarked like them, hidden with the
//! rest in the public edition of a closed item.

use crate::common::{
    Project, assert_absent, assert_in_order, beslutningssag, bookmarks, pdf, pdf_text,
    public_editions, structure,
};

const EXTRA: &str = r#"
[[afsnit]]
overskrift = "Resumé"
tekst = "Kort fortalt om sagen."
placering = "før sagsfremstilling"

[[afsnit]]
overskrift = "Tidligere behandling"
tekst = "Udvalget behandlede sagen i maj."
placering = "efter Økonomiske_konsekvenser"

[[afsnit]]
overskrift = "Høring"
tekst = "Handicaprådet har afgivet høringssvar."
placering = "efter borgerinddragelse"

[[afsnit]]
overskrift = "Supplerende sagsfremstilling"
tekst = "Efter mødet er der kommet nye tal."
"#;

#[test]
fn extra_sections_stand_where_placering_puts_them_as_real_sections() {
    let project = Project::empty();
    project.write("cases/sag.toml", beslutningssag(EXTRA));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = project.read("output/sag.pdf");
    let text = pdf_text(&bytes);
    // Borgerinddragelse is absent: "efter borgerinddragelse" still stands in its place.
    assert_in_order(
        &text,
        &[
            "Beslutningstema",
            "Resumé",
            "Kort fortalt om sagen.",
            "Sagsfremstilling",
            "Økonomiske konsekvenser",
            "Tidligere behandling",
            "Høring",
            "Indstilling",
            "Supplerende sagsfremstilling",
            "Efter mødet er der kommet nye tal.",
        ],
    );
    let doc = pdf(&bytes);
    let marks: Vec<String> = bookmarks(&doc).into_iter().map(|(_, t)| t).collect();
    for heading in [
        "Resumé",
        "Tidligere behandling",
        "Høring",
        "Supplerende sagsfremstilling",
    ] {
        assert!(
            marks.iter().any(|m| m == heading),
            "{heading} in the outline: {marks:?}"
        );
    }
    let h2 = structure(&doc).iter().filter(|(_, r)| r == "H2").count();
    assert_eq!(
        h2,
        4 + 4,
        "four standard sections and four extra ones are H2"
    );
}

#[test]
fn a_wrong_placering_is_an_error_with_a_suggestion() {
    let project = Project::empty();
    project.write(
        "cases/sag.toml",
        beslutningssag("[[afsnit]]\noverskrift = \"Resumé\"\ntekst = \"x\"\nplacering = \"før sagsfremstiling\"\n\n[[afsnit]]\noverskrift = \"Andet\"\ntekst = \"y\"\nplacering = \"midt i\"\n"),
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cases/sag.toml:12:13")
            && run.stderr.contains(
                "\"sagsfremstiling\" er ikke et afsnit i denne sag; mente du \"sagsfremstilling\"?"
            ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "`placering` skal sige \"før …\" eller \"efter …\" et afsnit, ikke \"midt i\""
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn extra_sections_of_a_closed_item_stay_out_of_the_public_editions() {
    let project = Project::empty();
    project.write("sagsgen.toml", "[udvalg]\nOEU = \"Økonomiudvalget\"\n");
    project.write(
        "cases/sag.toml",
        beslutningssag(&format!("adgang = \"lukket\"\n{EXTRA}")),
    );
    project.write(
        "moeder/m.toml",
        "type = \"moede\"\nudvalg = \"OEU\"\ndato = 2025-05-05\n[[punkter]]\nsag = \"../cases/sag.toml\"\n",
    );
    let run = project.run(&["build", "moeder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let internal = pdf_text(&project.read("output/moeder/m/dagsorden.pdf"));
    assert!(internal.contains("Handicaprådet har afgivet høringssvar."));
    for (public, bytes, text) in public_editions(&project, "output/moeder/m") {
        for secret in [
            "Kort fortalt om sagen.",
            "høringssvar",
            "Tidligere behandling",
        ] {
            assert_absent(public, &bytes, &text, secret);
        }
    }
}

#[test]
fn a_project_names_what_imported_captions_become() {
    let project = Project::empty();
    project.write("cases/sag.toml", beslutningssag(""));
    project.write(
        "sagsgen.toml",
        "[import.overskrifter]\n\"Sagsforløb\" = \"sagsfremstilling\"\n\"Økonomi og drift\" = \"økonomiske_konsekvenser\"\n\"Høring\" = \"afsnit\"\n",
    );
    let good = project.run(&["check"]);
    assert_eq!(good.code, 0, "{}", good.stderr);
    project.write(
        "sagsgen.toml",
        "[import.overskrifter]\n\"Sagsforløb\" = \"sagsfremstiling\"\n",
    );
    let bad = project.run(&["check"]);
    assert_eq!(bad.code, 1, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("sagsgen.toml:2:16")
            && bad.stderr.contains("\"sagsfremstiling\" er ikke noget, et afsnit kan blive til; mente du \"sagsfremstilling\"?"),
        "{}",
        bad.stderr
    );
}

#[test]
fn placed_decisions_and_sections_stand_in_file_order_with_their_own_headings() {
    let project = Project::empty();
    let extra = r#"
overskrifter = { sagsfremstilling = "Sagsbeskrivelse" }

[[beslutninger]]
udvalg = "OEU"
dato = 2025-01-10
tekst = "Udsat til næste møde."
placering = "efter indstilling"

[[afsnit]]
tekst = "Tekst uden egen overskrift."
placering = "efter indstilling"

[[beslutninger]]
udvalg = "OEU"
dato = 2025-02-10
overskrift = "Udvalgets beslutning"
tekst = "Godkendt."
placering = "efter indstilling"
"#;
    project.write("cases/sag.toml", beslutningssag(extra));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = project.text("output/sag.pdf");
    assert_in_order(
        &text,
        &[
            "Sagsbeskrivelse",
            "Indstilling",
            "Beslutning i Økonomiudvalget den 10-01-2025",
            "Udsat til næste møde.",
            "Tekst uden egen overskrift.",
            "Udvalgets beslutning",
            "Godkendt.",
        ],
    );
    assert!(!text.contains("Sagsfremstilling"), "{text}");
}

#[test]
fn overskrifter_names_only_sections_of_the_case() {
    let project = Project::empty();
    project.write(
        "cases/sag.toml",
        beslutningssag("overskrifter = { sagsfremstiling = \"Baggrund\", indstilling = 3 }\n"),
    );
    let run = project.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "\"sagsfremstiling\" i `overskrifter` er ikke et afsnit i denne sag; mente du \"sagsfremstilling\"?"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("overskriften til `indstilling` skal være én linje tekst i anførselstegn"),
        "{}",
        run.stderr
    );
}
