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

/// The fields a file without `kilde` must have (an imported case's relaxed rules are in
/// an `if kilde … else` rule, whose `else` is what applies here).
fn required(schema: &Value) -> Vec<String> {
    let rules = schema["allOf"].as_array().unwrap();
    let relaxed = rules
        .iter()
        .filter(|r| r.get("if").is_some())
        .flat_map(|r| r["else"]["allOf"].as_array().unwrap().clone());
    rules
        .iter()
        .filter(|r| r.get("if").is_none())
        .cloned()
        .chain(relaxed)
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

/// Names of a table of the field table (which the loader reads its fields from).
fn table_names(fields: &[crate::field_table::Field]) -> Vec<String> {
    let mut names: Vec<String> = crate::field_table::names(fields)
        .into_iter()
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

#[test]
fn every_table_has_exactly_the_loaders_fields() {
    use crate::field_table::{self as table, BESLUTNING, BILAG, LOV, PUNKT};
    use crate::project::{ORG_FIELDS, PDF_FIELDS, TOP_FIELDS};
    for (kind, _, table) in table::KINDS {
        assert_eq!(fields(&branch(kind)), table_names(table), "{kind}");
    }
    for kind in ["beslutningssag", "orienteringssag"] {
        let entries = &branch(kind)["properties"];
        assert_eq!(
            fields(&entries["lovgrundlag"]["items"]),
            table_names(LOV.fields)
        );
        assert_eq!(
            fields(&entries["beslutninger"]["items"]),
            table_names(BESLUTNING.fields)
        );
        assert_eq!(
            fields(&entries["bilag"]["items"]),
            table_names(BILAG.fields)
        );
    }
    assert_eq!(
        fields(&branch("moede")["properties"]["punkter"]["items"]),
        table_names(PUNKT.fields)
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
    // A meeting without items is a planned one.
    assert_eq!(required(&branch("moede")), ["type", "udvalg", "dato"]);
    // With `kilde` (an imported case) only what every case needs is required.
    let always: Vec<String> = branch("beslutningssag")["allOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["required"][0].as_str().map(str::to_string))
        .collect();
    assert_eq!(always, crate::field_table::IMPORTED_REQUIRED);
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
