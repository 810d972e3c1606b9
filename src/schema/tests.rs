//! The schemas hold the same field names and required fields as the loader.

use super::*;
use crate::input::fields::fold_key;

fn branch(kind: &str) -> Value {
    let schema = case_schema();
    let branches = schema["allOf"].as_array().unwrap();
    branches
        .iter()
        .find(|b| b["if"]["properties"]["type"]["const"] == kind)
        .unwrap()["then"]
        .clone()
}

/// The property names of an object schema, folded as the loader folds keys.
fn fields(schema: &Value) -> Vec<String> {
    let mut names: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| fold_key(k))
        .collect();
    names.sort();
    names.dedup();
    names
}

fn sorted(lists: &[&[&str]]) -> Vec<String> {
    let mut names: Vec<String> = lists.concat().iter().map(|s| s.to_string()).collect();
    names.sort();
    names
}

fn required(schema: &Value) -> Vec<String> {
    schema["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("not").is_none())
        .map(|r| {
            r["required"][0]
                .as_str()
                .or(r["anyOf"][0]["required"][0].as_str())
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn every_table_has_exactly_the_loaders_fields() {
    use crate::case::entries::{BESLUTNING, BILAG, LOV};
    use crate::case::load::{NOTAT, SAG, SHARED};
    use crate::meeting::load::{ITEM, MEETING};
    use crate::project::{ORG_FIELDS, PDF_FIELDS, TOP_FIELDS};
    assert_eq!(fields(&branch("notat")), sorted(&[SHARED, NOTAT]));
    for kind in ["beslutningssag", "orienteringssag"] {
        let sag = branch(kind);
        assert_eq!(fields(&sag), sorted(&[SHARED, SAG]), "{kind}");
        let entries = &sag["properties"];
        assert_eq!(fields(&entries["lovgrundlag"]["items"]), sorted(&[LOV]));
        assert_eq!(
            fields(&entries["beslutninger"]["items"]),
            sorted(&[BESLUTNING])
        );
        assert_eq!(fields(&entries["bilag"]["items"]), sorted(&[BILAG]));
    }
    let moede = branch("moede");
    assert_eq!(fields(&moede), sorted(&[MEETING]));
    assert_eq!(
        fields(&moede["properties"]["punkter"]["items"]),
        sorted(&[ITEM])
    );
    let config = config_schema();
    assert_eq!(fields(&config), sorted(&[TOP_FIELDS]));
    assert_eq!(
        fields(&config["properties"]["organisation"]),
        sorted(&[ORG_FIELDS])
    );
    assert_eq!(fields(&config["properties"]["pdf"]), sorted(&[PDF_FIELDS]));
}

#[test]
fn every_kind_requires_what_the_loader_requires() {
    assert_eq!(
        required(&branch("notat")),
        ["type", "titel", "til", "tekst"]
    );
    let b = required(&branch("beslutningssag"));
    for field in [
        "sagsnummer",
        "beslutningskompetence",
        "beslutningstema",
        "sagsfremstilling",
        "oekonomiske_konsekvenser",
        "indstilling",
    ] {
        assert!(b.iter().any(|r| r == field), "{field}");
    }
    assert!(
        !required(&branch("orienteringssag"))
            .iter()
            .any(|r| r == "beslutningstema")
    );
    assert_eq!(
        required(&branch("moede")),
        ["type", "udvalg", "dato", "punkter"]
    );
}

#[test]
fn unknown_keys_are_refused_and_danish_spellings_accepted() {
    let sag = branch("beslutningssag");
    assert_eq!(sag["additionalProperties"], false);
    assert!(sag["properties"].get("økonomiske_konsekvenser").is_some());
    assert!(sag["properties"].get("det_videre_forløb").is_some());
    assert!(
        sag["properties"]["sagsfremstilling"]["description"]
            .as_str()
            .unwrap()
            .contains("Markdown")
    );
    assert_eq!(
        config_schema()["properties"]["pdf"]["properties"]["standard"]["anyOf"][0]["enum"][0],
        "a-2a"
    );
}

/// Every `pattern` in a schema, anywhere.
fn patterns(schema: &Value, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("pattern", Value::String(p)) => out.push(p.clone()),
                    _ => patterns(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| patterns(v, out)),
        _ => {}
    }
}

#[test]
fn patterns_are_ones_editors_understand() {
    let mut all = Vec::new();
    patterns(&case_schema(), &mut all);
    patterns(&config_schema(), &mut all);
    assert!(all.len() > 5);
    for p in &all {
        // ECMA-262 has no inline flags or named groups in Rust syntax, no \A or \z.
        for rust_only in ["(?", "\\A", "\\z", "\\p{", "[[:"] {
            assert!(!p.contains(rust_only), "{p}");
        }
    }
}
