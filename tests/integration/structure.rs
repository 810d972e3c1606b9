//! Structure a screen reader needs, beyond what validators check: a tree whose headings,
//! lists, tables and links are what the source says, with page furniture as artifacts.

use crate::common::{Project, catalog, notat, pdf, structure};

fn roles(doc: &lopdf::Document) -> Vec<String> {
    structure(doc).into_iter().map(|(_, r)| r).collect()
}

fn headings(doc: &lopdf::Document) -> Vec<String> {
    let is_heading =
        |r: &String| r.len() == 2 && r.starts_with('H') && r.as_bytes()[1].is_ascii_digit();
    roles(doc).into_iter().filter(is_heading).collect()
}

#[test]
fn headings_follow_the_document_outline() {
    let project = Project::examples();
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/2025/digitaliseringsstrategi-status.pdf"));
    // Title; Sagsfremstilling with its two ## sub-headings; the other sections; Bilag.
    assert_eq!(
        headings(&doc),
        ["H1", "H2", "H3", "H3", "H2", "H2", "H2", "H2", "H2"]
    );
    let seed = pdf(&project.read("output/2020/rammeaftale-2021-2022.pdf"));
    let h = headings(&seed);
    assert_eq!(
        h.first().map(String::as_str),
        Some("H1"),
        "the title is the one H1"
    );
    assert_eq!(h.iter().filter(|r| *r == "H1").count(), 1);
    assert!(
        h.iter().filter(|r| *r == "H3").count() >= 6,
        "the ## sub-headings of Sagsfremstilling: {h:?}"
    );
}

#[test]
fn tables_lists_and_links_are_tagged_as_such() {
    let project = Project::examples();
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/2025/digitaliseringsstrategi-status.pdf"));
    let tree = structure(&doc);
    let at = |role: &str| {
        tree.iter()
            .position(|(_, r)| r == role)
            .unwrap_or_else(|| panic!("no {role}: {tree:?}"))
    };
    let table = at("Table");
    let rows: Vec<&str> = tree[table + 1..]
        .iter()
        .take_while(|(d, _)| *d > tree[table].0)
        .map(|(_, r)| r.as_str())
        .collect();
    assert_eq!(
        &rows[..5],
        ["THead", "TR", "TH", "TH", "TH"],
        "a header row of TH cells"
    );
    assert!(
        rows.contains(&"TBody") && rows.iter().filter(|r| **r == "TD").count() == 12,
        "{rows:?}"
    );
    let list = at("L");
    let items: Vec<&str> = tree[list + 1..]
        .iter()
        .take_while(|(d, _)| *d > tree[list].0)
        .map(|(_, r)| r.as_str())
        .collect();
    assert_eq!(items.iter().filter(|r| **r == "LI").count(), 3, "{items:?}");
    assert!(
        items.contains(&"Lbl")
            && items.contains(&"LBody")
            && items.contains(&"Strong")
            && items.contains(&"Em")
    );
    assert!(
        tree.iter().any(|(_, r)| r == "Link"),
        "the Lovgrundlag link"
    );
    let annotations_with_text = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| {
            d.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Link".as_slice())
        })
        .all(|d| d.has(b"Contents"));
    assert!(
        annotations_with_text,
        "every link annotation has alternate text"
    );
}

#[test]
fn page_furniture_and_the_draft_mark_are_artifacts() {
    let project = Project::empty();
    project.write("cases/a.toml", notat("udkast = true"));
    assert_eq!(project.run(&["build"]).code, 0);
    let doc = pdf(&project.read("output/a.pdf"));
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let content = String::from_utf8_lossy(&doc.get_page_content(page).unwrap()).into_owned();
    assert!(
        content.contains("/Artifact<</Attached[/Top]/Subtype/Header/Type/Pagination>>"),
        "header"
    );
    assert!(
        content.contains("/Artifact<</Attached[/Bottom]/Subtype/Footer/Type/Pagination>>"),
        "footer"
    );
    assert!(
        content.contains("/Type/Background>>"),
        "the UDKAST watermark is a background artifact"
    );
    let viewer = catalog(&doc)
        .get(b"ViewerPreferences")
        .and_then(|v| doc.dereference(v))
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    assert!(
        viewer.get(b"DisplayDocTitle").unwrap().as_bool().unwrap(),
        "viewers show the title, not the file name"
    );
}
