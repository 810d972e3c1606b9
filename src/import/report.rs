//! The import report: per meeting and item, where each section went and every warning —
//! as lines for people, or as JSON objects for tools (`--message-format json`).

use serde_json::json;

use super::run::{MeetingReport, Report};
use crate::diag::shown_path;
use crate::tr;

/// The report for people.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for m in &report.meetings {
        let line = tr!(
            "report-imported",
            committee = m.udvalg.as_str(),
            date = m.dato.as_str(),
            system = m.system.to_string(),
            source = shown_path(&m.source),
            file = shown_path(&m.file)
        );
        out.push_str(&format!("{line}\n"));
        for item in &m.items {
            let line = tr!(
                "report-item",
                number = item.nummer.as_str(),
                title = item.titel.as_str(),
                file = shown_path(&item.file),
                kept = item.coverage.shown()
            );
            out.push_str(&format!("  {line}\n"));
            for map in &item.mappings {
                out.push_str(&format!(
                    "      {} → {}\n",
                    super::plan::shown_caption(&map.caption),
                    map.target
                ));
            }
            for w in &item.warnings {
                out.push_str(&format!("    {}: {w}\n", tr!("level-warning")));
            }
        }
    }
    if !report.committees_added.is_empty() {
        out.push_str(&format!("{}\n", tr!("report-committees-added")));
        for (k, full) in &report.committees_added {
            out.push_str(&format!("  {k} = \"{full}\"\n"));
        }
    }
    for kept in &report.kept {
        let line = tr!("report-kept", file = shown_path(kept));
        out.push_str(&format!("{line}\n"));
    }
    if !report.meetings.is_empty() {
        let all = report.coverage();
        let line = tr!(
            "report-words-kept",
            kept = all.kept,
            words = all.words,
            share = all.shown()
        );
        out.push_str(&format!("{line}\n"));
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
    let mut line = tr!(
        "report-summary",
        meetings = report.meetings.len(),
        items = items,
        written = report.written.len(),
        unchanged = report.unchanged.len()
    )
    .text;
    if !report.kept.is_empty() {
        let kept = tr!("report-summary-kept", count = report.kept.len());
        line.push_str(&format!(", {kept}"));
    }
    if warnings > 0 {
        line.push_str(&format!(", {}", tr!("summary-warnings", count = warnings)));
    }
    if report.written.is_empty() && report.kept.is_empty() && !report.meetings.is_empty() {
        line.push_str(&format!(" — {}", tr!("report-nothing-changed")));
    }
    line
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
                "warnings": item.warnings.iter().map(|w| json!({"code": w.code, "message": w.text})).collect::<Vec<_>>(),
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
