//! The handbook (`docs/`, an mdBook): every chapter is in its table of contents and every
//! chapter there exists, and every link between chapters — and from README and
//! CONTRIBUTING into them — lands on a file and, with `#…`, on a heading of it.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::repo;

/// The `(target)` of every Markdown link `[text](target)` in `text`.
fn links(text: &str) -> Vec<String> {
    text.match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &text[at + 2..];
            rest.find(')').map(|end| rest[..end].to_string())
        })
        .collect()
}

/// A heading's anchor, as mdBook makes it: lower case, spaces to `-`, other punctuation gone.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a chapter's headings.
fn anchors(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect()
}

/// The links of `file` that point into the handbook, each checked; `from` is its folder.
fn check_links(file: &Path, wrong: &mut Vec<String>) {
    let text = std::fs::read_to_string(file).unwrap();
    let from = file.parent().unwrap();
    for link in links(&text) {
        if link.starts_with("http") || link.starts_with("mailto:") {
            continue;
        }
        let (path, fragment) = link.split_once('#').unwrap_or((&link, ""));
        let target = if path.is_empty() {
            file.to_path_buf()
        } else {
            from.join(path)
        };
        if !target.exists() {
            wrong.push(format!("{}: {link} does not exist", file.display()));
            continue;
        }
        let is_chapter = target.extension().is_some_and(|x| x == "md");
        if !fragment.is_empty() && is_chapter {
            let chapter = std::fs::read_to_string(&target).unwrap();
            if !anchors(&chapter).contains(fragment) {
                wrong.push(format!("{}: {link} names no heading", file.display()));
            }
        }
    }
}

#[test]
fn every_chapter_is_listed_and_every_link_holds() {
    let src = repo().join("docs/src");
    let summary = std::fs::read_to_string(src.join("SUMMARY.md")).unwrap();
    let listed: BTreeSet<String> = links(&summary).into_iter().collect();
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|x| x == "md") {
            if name != "SUMMARY.md" && !listed.contains(&name) {
                wrong.push(format!("{name} is not in SUMMARY.md"));
            }
            check_links(&path, &mut wrong);
        }
    }
    for chapter in &listed {
        if !src.join(chapter).is_file() {
            wrong.push(format!("SUMMARY.md lists {chapter}, which does not exist"));
        }
    }
    for front in ["README.md", "CONTRIBUTING.md"] {
        check_links(&repo().join(front), &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn anchors_are_made_as_mdbook_makes_them() {
    assert_eq!(
        anchor(" Eksporter, sagsgen ikke kender"),
        "eksporter-sagsgen-ikke-kender"
    );
    assert_eq!(
        links("se [Import](import.md#x) og [a](b)"),
        ["import.md#x", "b"]
    );
}
