//! The rooms of the house (CONTRIBUTING.md): measured from the code's own paths
//! (`crate::<module>`), a module calls only modules on a floor below its own, and the
//! commands' libraries (batch, archive, site, serve, import, scaffold) call none of each
//! other. The ground floor's modules may use each other, and a meeting knows its cases.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::repo;

/// The floors, from the ground up; a module may call the floors below it.
const FLOORS: &[&[&str]] = &[
    &[
        "field_table",
        "input",
        "diag",
        "dates",
        "danish",
        "digest",
        "i18n",
        // i18n's macro, exported at the crate's root (`crate::tr`).
        "tr",
    ],
    &["project", "committee", "export_format"],
    &["case", "meeting"],
    &["loader"],
    &["engine"],
    &["render"],
    &["output"],
    &["typeset"],
    &["batch", "archive", "site", "serve", "import", "scaffold"],
    &["cli", "main", "lib"],
];

/// Pairs on one floor that may call each other: the ground floor's, and a meeting its cases.
fn same_floor_allowed(floor: usize, from: &str, to: &str) -> bool {
    floor == 0 || (floor == 1 && from == "project") || (from == "meeting" && to == "case")
}

fn floor_of(module: &str) -> usize {
    FLOORS
        .iter()
        .position(|f| f.contains(&module))
        .unwrap_or_else(|| panic!("{module:?} is on no floor: add it to FLOORS (and write `use crate::a::…` apart, not grouped)"))
}

/// Every `crate::<name>` a file mentions.
fn called(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        // A grouped `use crate::{…}` would hide what it calls: name it so it is refused.
        .map(|name| {
            if name.is_empty() {
                "{".to_string()
            } else {
                name
            }
        })
        .collect()
}

#[test]
fn every_module_calls_only_the_floors_below_it() {
    let src = repo().join("src");
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = entry.path().strip_prefix(&src).unwrap();
        let module = module_of(rel);
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let floor = floor_of(&module);
        for to in called(&text).into_iter().filter(|to| *to != module) {
            let target = floor_of(&to);
            let upward = target > floor;
            let sideways = target == floor && !same_floor_allowed(floor, &module, &to);
            if upward || sideways {
                wrong.push(format!("{}: {module} -> {to}", rel.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "calls against the layering:\n{}",
        wrong.join("\n")
    );
}

/// The top module a source file belongs to (`batch/job.rs` → `batch`).
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn the_layering_test_sees_a_call_upward() {
    assert_eq!(
        called("use crate::typeset::X; crate::output::y(); use crate::{a, b};"),
        BTreeSet::from(["output".into(), "typeset".into(), "{".into()])
    );
    assert!(floor_of("render") < floor_of("typeset"));
    assert!(!same_floor_allowed(8, "site", "batch"));
}
