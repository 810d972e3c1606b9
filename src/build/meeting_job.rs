//! One meeting file through the pipeline: all six editions are typeset first, and only
//! when every one succeeds are they written (each atomically).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

use super::discover::output_for;
use super::job::{Context, Outcome};
use super::write::atomic_write;
use crate::case::Body;
use crate::diag::{Diagnostic, SourceText, shown_path};
use crate::engine::Pdf;
use crate::meeting::{Edition, Meeting, Punkt, inspect, load_meeting};
use crate::render::meeting_view::{self, PageCounts};

/// The template every meeting edition starts from.
pub const MEETING_TEMPLATE: &str = "moede.typ.j2";

/// Builds (or checks) the six files of a meeting.
pub fn run(
    ctx: &Context<'_>,
    input: &Path,
    source: &Arc<SourceText>,
    table: &DeTable<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Result<Outcome, ()> {
    let loaded = load_meeting(ctx.project, source, table, input);
    diags.extend(loaded.diagnostics);
    let meeting = loaded.meeting.ok_or(())?;
    let folder = output_for(input, &ctx.project.root, &ctx.output_dir)
        .map(|p| p.with_extension(""))
        .ok_or_else(|| {
            diags
                .push(Diagnostic::error("the file lies outside the project folder").in_file(source))
        })?;
    let pages = inspect_attachments(&meeting, diags)?;
    let mut built = Vec::new();
    let mut failed = false;
    for edition in Edition::ALL {
        match typeset(ctx, &meeting, edition, &pages, &shown_path(input)) {
            Ok(pdf) => {
                diags.extend(pdf.warnings.iter().cloned());
                built.push((edition, pdf));
            }
            Err(errors) => {
                diags.extend(errors);
                failed = true;
            }
        }
    }
    if failed {
        return Err(());
    }
    if ctx.write {
        write_all(&folder, &built).map_err(|d| diags.push(d))?;
    }
    let files = built
        .iter()
        .map(|(e, pdf)| (format!("{}.pdf", e.file_stem()), pdf.pages))
        .collect();
    Ok(Outcome::Meeting { folder, files })
}

fn typeset(
    ctx: &Context<'_>,
    meeting: &Meeting,
    edition: Edition,
    pages: &PageCounts,
    what: &str,
) -> Result<Pdf, Vec<Diagnostic>> {
    let view = meeting_view::meeting(
        meeting,
        edition,
        &ctx.project.config,
        &ctx.project.root,
        pages,
    );
    let rendered = ctx
        .templates
        .render(MEETING_TEMPLATE, &view)
        .map_err(|d| vec![d])?;
    let what = format!("{what} ({})", edition.file_stem());
    let pdf = if edition.is_packet() {
        ctx.engine.plain_pdf(rendered.source, &what)
    } else {
        ctx.engine
            .pdf(rendered.source, ctx.project.config.conformance, &what)
    };
    pdf.map_err(|errors| ctx.templates.locate_all(errors, rendered.map.as_ref()))
}

/// Counts every attachment's pages; errors for unusable files, warnings for inaccessible ones.
fn inspect_attachments(meeting: &Meeting, diags: &mut Vec<Diagnostic>) -> Result<PageCounts, ()> {
    let mut pages = PageCounts::new();
    let mut ok = true;
    for (path, fil) in attachment_files(meeting) {
        if pages.contains_key(&fil) {
            continue;
        }
        let shown = shown_path(&fil);
        match inspect(&fil) {
            Ok(info) => {
                let mut problems = Vec::new();
                if info.scanned {
                    problems.push("is a scan without text");
                } else if !info.fonts_embedded {
                    problems.push("has fonts that are not embedded");
                }
                if !info.tagged {
                    problems.push("is not a tagged PDF");
                }
                if !problems.is_empty() {
                    diags.push(
                        Diagnostic::warning(format!("the attachment {shown} {}: the packets that include it are not fully accessible", problems.join(" and ")))
                            .with_path(shown_path(&path)),
                    );
                }
                pages.insert(fil, info.pages);
            }
            Err(reason) => {
                diags.push(
                    Diagnostic::error(format!("the attachment {shown} {reason}"))
                        .with_path(shown_path(&path)),
                );
                ok = false;
            }
        }
    }
    if ok { Ok(pages) } else { Err(()) }
}

/// (case file, attachment file) for every attachment with a file.
fn attachment_files(meeting: &Meeting) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for punkt in &meeting.punkter {
        let Punkt::Sag { path, case } = punkt else {
            continue;
        };
        let Body::Sag(sag) = &case.body else { continue };
        out.extend(
            sag.bilag
                .iter()
                .filter_map(|b| b.fil.clone())
                .map(|f| (path.clone(), f)),
        );
    }
    out
}

fn write_all(folder: &Path, built: &[(Edition, Pdf)]) -> Result<(), Diagnostic> {
    for (edition, pdf) in built {
        let target = folder.join(format!("{}.pdf", edition.file_stem()));
        atomic_write(&target, &pdf.bytes)
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {e}", shown_path(&target))))?;
    }
    Ok(())
}
