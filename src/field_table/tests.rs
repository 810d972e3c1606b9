//! The table is sound, and the handbook's field tables (docs/src/felter.md) are the table.

use super::*;

fn all_tables() -> Vec<(String, &'static [Field])> {
    let mut tables: Vec<(String, &'static [Field])> = KINDS
        .iter()
        .map(|(kind, _, fields)| (format!("`{kind}`"), *fields))
        .collect();
    for (name, entries) in [
        ("lovgrundlag", &LOV),
        ("beslutninger", &BESLUTNING),
        ("bilag", &BILAG),
        ("afsnit", &AFSNIT),
        ("punkter", &PUNKT),
        ("beslutninger.protokolbemaerkninger", &PROTOKOLBEMAERKNING),
        ("stedfortraedere", &STEDFORTRAEDER),
    ] {
        tables.push((format!("`[[{name}]]`"), entries.fields));
    }
    for (name, entries) in [
        ("afstemning = { … }", &AFSTEMNING),
        ("godkendelse = { … }", &GODKENDELSE),
        ("medlemmer = [{ … }]", &MEDLEM),
    ] {
        tables.push((format!("`{name}`"), entries.fields));
    }
    tables
}

#[test]
fn every_table_is_sound() {
    for (name, fields) in all_tables() {
        let mut names = super::names(fields);
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), fields.len(), "{name}: a field twice");
        for f in fields {
            assert!(
                f.name.is_ascii() && !f.name.is_empty(),
                "{name}: `{}` is a bare ASCII key",
                f.name
            );
            assert!(
                !f.beskrivelse.is_empty(),
                "{name}.{}: a description",
                f.name
            );
            let needs_example = !matches!(f.holds, Holds::Type | Holds::Entries(_));
            assert_eq!(
                !f.eksempel.is_empty(),
                needs_example,
                "{name}.{}: an example exactly when it is a value",
                f.name
            );
            if f.overskrift.is_some() {
                assert!(
                    matches!(f.holds, Holds::Markdown | Holds::Entries(_)),
                    "{name}.{}: a section holds text or entries",
                    f.name
                );
            }
        }
    }
}

#[test]
fn the_two_kinds_of_sag_differ_only_in_what_a_decision_needs() {
    for (b, o) in BESLUTNINGSSAG.iter().zip(ORIENTERINGSSAG) {
        assert_eq!(b.name, o.name);
        if b.required != o.required {
            assert!(
                ["beslutningskompetence", "beslutningstema"].contains(&b.name),
                "{}",
                b.name
            );
        }
    }
    assert_eq!(BESLUTNINGSSAG.len(), ORIENTERINGSSAG.len());
}

/// What a field holds, as the handbook says it.
fn holds(holds: Holds) -> String {
    match holds {
        Holds::Type => "dokumenttypen".into(),
        Holds::Text => "tekst".into(),
        Holds::Markdown => "Markdown".into(),
        Holds::Date => "dato, `2025-05-05`".into(),
        Holds::Time => "klokkeslæt, `\"15:30\"`".into(),
        Holds::Bool => "`true` / `false`".into(),
        Holds::Texts => "liste af tekster".into(),
        Holds::Adgang => "`\"åben\"` / `\"lukket\"`".into(),
        Holds::Url => "`https://`-adresse".into(),
        Holds::Placement => "`\"før …\"` / `\"efter …\"` et afsnit".into(),
        Holds::Entries(_) => "blokke, se nedenfor".into(),
        Holds::Headings => "tabel af afsnitsoverskrifter".into(),
        Holds::Table(_) => "tabel, se nedenfor".into(),
        Holds::TextsOrTables(_) => "liste af navne eller tabeller, se nedenfor".into(),
        Holds::Votes => "et tal, eller en liste af tekster".into(),
        Holds::Choice(words) => words
            .iter()
            .map(|w| format!("`\"{w}\"`"))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

/// The handbook's field tables, generated.
fn handbook_tables() -> String {
    let mut out = String::from(
        "<!-- field table: generated from src/field_table.rs by its tests; \
         `SAGSGEN_BLESS=1 cargo test field_table` rewrites it -->\n",
    );
    for (name, fields) in all_tables() {
        out.push_str(&format!(
            "\n{name}\n\n| felt | indhold | påkrævet | beskrivelse |\n| --- | --- | --- | --- |\n"
        ));
        for f in fields {
            let danish = f.danish();
            let key = if danish == f.name {
                format!("`{}`", f.name)
            } else {
                format!("`{}` (`{danish}`)", f.name)
            };
            let key = match f.holds {
                Holds::Entries(_) => format!("`[[{}]]`", f.name),
                _ => key,
            };
            let required = if f.required { "**ja**" } else { "" };
            let section = f
                .overskrift
                .map_or(String::new(), |o| format!(" — afsnittet \"{o}\""));
            out.push_str(&format!(
                "| {key} | {}{section} | {required} | {} |\n",
                holds(f.holds),
                f.beskrivelse.replace('|', "\\|")
            ));
        }
    }
    out.push_str("\n<!-- end of field table -->");
    out
}

#[test]
fn the_handbook_shows_the_field_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/src/felter.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find("<!-- field table")
        .expect("the handbook has a field table");
    let end = readme
        .find("<!-- end of field table -->")
        .expect("and its end")
        + "<!-- end of field table -->".len();
    let expected = handbook_tables();
    if readme[start..end] != expected {
        if std::env::var_os("SAGSGEN_BLESS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "The handbook's field table (docs/src/felter.md) is not the field table; run `SAGSGEN_BLESS=1 cargo test field_table`. Expected:\n{expected}"
            );
        }
    }
}
