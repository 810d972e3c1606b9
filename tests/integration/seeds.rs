//! Fidelity: the seed documents, written as cases, come out with every paragraph of the
//! originals, in order, with their headings, decision lines, attachment lines and links.

use crate::common::{Project, assert_in_order, link_uris, pdf, repo};

/// The paragraphs of a seed text (split at blank lines), without the link targets that
/// the extraction of the original appended as bare URLs.
fn seed_paragraphs(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("tests/fixtures/seeds").join(name)).unwrap();
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().starts_with("https://") {
            continue;
        }
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            current.clear();
        } else {
            current.push_str(line);
            current.push('\n');
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

fn built_examples() -> Project {
    let project = Project::examples();
    let run = project.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    project
}

/// Builds the examples and checks that a seed's paragraphs all appear, in order.
fn assert_seed_reproduced(seed: &str, pdf: &str, at_least: usize) -> String {
    let project = built_examples();
    let text = project.text(pdf);
    let paragraphs = seed_paragraphs(seed);
    assert!(
        paragraphs.len() >= at_least,
        "seed split into paragraphs: {}",
        paragraphs.len()
    );
    let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    assert_in_order(&text, &refs);
    text
}

#[test]
fn notat_seed_has_every_paragraph_in_order() {
    let text = assert_seed_reproduced(
        "000_b2bfbc9a71e76316.txt",
        "output/2020/notat-regionshandicapraadet.pdf",
        10,
    );
    assert!(
        text.contains("NOTAT"),
        "the NOTAT label is extractable as one word"
    );
}

#[test]
fn beslutningssag_seed_has_every_paragraph_in_order() {
    assert_seed_reproduced(
        "001_951b04fb73b03a37.txt",
        "output/2020/rammeaftale-2021-2022.pdf",
        30,
    );
}

#[test]
fn beslutningssag_seed_has_sections_decisions_and_attachments() {
    let project = built_examples();
    let text = project.text("output/2020/rammeaftale-2021-2022.pdf");
    assert!(
        text.contains("Beslutning: (USS/UDF/USU) Rammeaftale 2021-2022"),
        "{text}"
    );
    assert!(text.contains("Sagsnr. i ESDH:") && text.contains("20/15629"));
    assert_in_order(
        &text,
        &[
            "Beslutningstema",
            "Sagsfremstilling",
            "Økonomiske konsekvenser",
            "Borgerinddragelse",
            "Lovgrundlag",
            "Det videre forløb",
            "Indstilling",
            "Beslutning i Udvalg for dagtilbud og familier den 02-11-2020",
            "Beslutning i Udvalg for sociale forhold, sundhed og et godt seniorliv den 02-11-2020",
            "Beslutning i Udvalg for skole og ungdomsuddannelse den 03-11-2020",
            "Bilag:",
            "1 - 2400017 Åben Hovedstadsregionens Rammeaftale 2021-2022 (127520/20) (H)",
            "6 - 2400025 Åben Afrapportering på Central Udmelding_Udsatte gravide med skadeligt rusmiddelforbrug (127528/20) (H)",
        ],
    );
}

#[test]
fn lovgrundlag_titles_are_links_to_retsinformation() {
    let project = built_examples();
    let doc = pdf(&project.read("output/2020/rammeaftale-2021-2022.pdf"));
    let uris = link_uris(&doc);
    for url in [
        "https://www.retsinformation.dk/Forms/R0710.aspx?id=185568",
        "https://www.retsinformation.dk/forms/R0710.aspx?id=183958",
    ] {
        assert!(
            uris.iter().any(|u| u == url),
            "no link to {url} in {uris:?}"
        );
    }
}

#[test]
fn orienteringssag_example_has_label_table_and_list() {
    let project = built_examples();
    let text = project.text("output/2025/digitaliseringsstrategi-status.pdf");
    assert!(
        text.contains("Orientering: (OEU) Status på digitaliseringsstrategien"),
        "{text}"
    );
    assert!(
        !text.contains("Beslutningskompetence"),
        "no decision authority on an orienteringssag"
    );
    assert_in_order(
        &text,
        &[
            "Indsats",
            "Status",
            "Nyt ESDH-system",
            "Forsinket",
            "Næste skridt",
            "borgerworkshops",
        ],
    );
}
