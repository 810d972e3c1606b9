//! Conformance, checked by an independent validator (`page_validation`): every document
//! is PDF/A at its configured level and PDF/UA-1.

use page_validation::ValidationProfile;
use sagsgen::archive::conformance::failures;

use crate::common::{Project, beslutningssag, notat};

pub fn assert_conforms(bytes: &[u8], level: ValidationProfile, what: &str) {
    for profile in [level, ValidationProfile::PdfUa1] {
        let failed = failures(bytes, profile);
        assert!(
            failed.is_empty(),
            "{what} fails {profile:?}:\n{}",
            failed.join("\n")
        );
    }
}

#[test]
fn example_documents_are_pdf_a_2a_and_pdf_ua_1() {
    let project = Project::examples();
    assert_eq!(project.run(&["build"]).code, 0);
    for rel in [
        "output/2020/notat-regionshandicapraadet.pdf",
        "output/2020/rammeaftale-2021-2022.pdf",
        "output/2025/digitaliseringsstrategi-status.pdf",
    ] {
        assert_conforms(&project.read(rel), ValidationProfile::PdfA2a, rel);
    }
}

#[test]
fn drafts_tables_links_and_quotes_conform_too() {
    let project = Project::empty();
    let body = "Tekst med [link](https://www.example.dk).\n\n## Under\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> Citat\n\n- et\n- to\n";
    project.write(
        "cases/a.toml",
        notat("udkast = true").replace("\"Brødtekst.\"", &format!("'''\n{body}'''")),
    );
    project.write("cases/b.toml", beslutningssag("[[lovgrundlag]]\ntitel = \"Lov\"\nurl = \"https://www.retsinformation.dk/eli/lta/2018/102\"\n[[bilag]]\ntitel = \"Bilag\"\ndokumentnummer = \"1\""));
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_conforms(
        &project.read("output/a.pdf"),
        ValidationProfile::PdfA2a,
        "draft notat",
    );
    assert_conforms(
        &project.read("output/b.pdf"),
        ValidationProfile::PdfA2a,
        "beslutningssag",
    );
}

#[test]
fn other_configured_levels_conform() {
    for (name, profile) in [
        ("a-2b", ValidationProfile::PdfA2b),
        ("a-3a", ValidationProfile::PdfA3a),
        ("a-3b", ValidationProfile::PdfA3b),
    ] {
        let project = Project::empty();
        project.write("sagsgen.toml", format!("[pdf]\nstandard = \"{name}\"\n"));
        project.write("cases/a.toml", notat(""));
        assert_eq!(project.run(&["build"]).code, 0);
        assert_conforms(&project.read("output/a.pdf"), profile, name);
    }
}
