//! The import report: per meeting and item, where each section went and every warning —
//! as lines for people, or as JSON objects for tools (`--message-format json`).

use serde_json::json;

use super::run::{MeetingReport, Report};
use crate::diag::shown_path;

/// The report for people.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for m in &report.meetings {
        out.push_str(&format!(
            "Imported {} {} ({}: {}) → {}\n",
            m.udvalg,
            m.dato,
            m.system,
            shown_path(&m.source),
            shown_path(&m.file)
        ));
        for item in &m.items {
            out.push_str(&format!(
                "  Punkt {} {} → {} (words kept: {})\n",
                item.nummer,
                item.titel,
                shown_path(&item.file),
                item.coverage.shown()
            ));
            for map in &item.mappings {
                out.push_str(&format!(
                    "      {} → {}\n",
                    super::plan::shown_caption(&map.caption),
                    map.target
                ));
            }
            for w in &item.warnings {
                out.push_str(&format!("    warning: {w}\n"));
            }
        }
    }
    if !report.committees_added.is_empty() {
        out.push_str("Committees added to sagsgen.toml:\n");
        for (k, full) in &report.committees_added {
            out.push_str(&format!("  {k} = \"{full}\"\n"));
        }
    }
    for kept in &report.kept {
        out.push_str(&format!(
            "Kept {}: it differs from what the import would write (--force overwrites it)\n",
            shown_path(kept)
        ));
    }
    if !report.meetings.is_empty() {
        let all = report.coverage();
        out.push_str(&format!(
            "Words kept: {} of the export's {} words are in the case files ({})\n",
            all.kept,
            all.words,
            all.shown()
        ));
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// One line: how many meetings, items, files and warnings.
pub fn summary(report: &Report) -> String {
    let items: usize = report.meetings.iter().map(|m| m.items.len()).sum();
    let warnings: usize = report
        .meetings
        .iter()
        .flat_map(|m| &m.items)
        .map(|i| i.warnings.len())
        .sum();
    let mut line = format!(
        "{} meeting{}, {items} item{}: {} file{} written, {} unchanged",
        report.meetings.len(),
        plural(report.meetings.len()),
        plural(items),
        report.written.len(),
        plural(report.written.len()),
        report.unchanged.len()
    );
    if !report.kept.is_empty() {
        line.push_str(&format!(", {} kept (differ)", report.kept.len()));
    }
    if warnings > 0 {
        line.push_str(&format!(", {warnings} warning{}", plural(warnings)));
    }
    if report.written.is_empty() && report.kept.is_empty() && !report.meetings.is_empty() {
        line.push_str(" — nothing changed");
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The report as JSON lines: one object per item, then one for the whole import.
pub fn json_lines(report: &Report) -> Vec<serde_json::Value> {
    let mut out: Vec<serde_json::Value> = report.meetings.iter().flat_map(item_objects).collect();
    out.push(json!({
        "reason": "import-finished",
        "meetings": report.meetings.len(),
        "written": report.written,
        "unchanged": report.unchanged,
        "kept": report.kept,
        "committees_added": report.committees_added.iter().map(|(k, f)| json!({"udvalg": k, "navn": f})).collect::<Vec<_>>(),
        "created": report.created,
        "coverage": coverage_json(&report.coverage()),
    }));
    out
}

fn item_objects(m: &MeetingReport) -> Vec<serde_json::Value> {
    m.items
        .iter()
        .map(|item| {
            json!({
                "reason": "import-item",
                "source": m.source,
                "system": m.system,
                "meeting": m.file,
                "udvalg": m.udvalg,
                "dato": m.dato,
                "nummer": item.nummer,
                "titel": item.titel,
                "file": item.file,
                "sections": item.mappings.iter().map(|map| json!({"caption": map.caption, "target": map.target})).collect::<Vec<_>>(),
                "warnings": item.warnings,
                "coverage": coverage_json(&item.coverage),
            })
        })
        .collect()
}

fn coverage_json(c: &super::coverage::Coverage) -> serde_json::Value {
    json!({
        "words": c.words,
        "kept": c.kept,
        "percent": (c.percent() * 10.0).floor() / 10.0,
        "first_missing": c.first_missing,
    })
}
