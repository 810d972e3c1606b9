//! A meeting's attachments before its packets are typeset: each file's pages counted, and
//! files that are unusable (errors) or not accessible (warnings) reported.

use std::path::PathBuf;

use crate::case::Body;
use crate::diag::{Diagnostic, Diagnostics, Failed, shown_path};
use crate::meeting::{Meeting, Punkt, inspect};
use crate::render::meeting_view::PageCounts;

/// Counts every attachment's pages; errors for unusable files, warnings for inaccessible ones.
pub(super) fn inspect_attachments(
    meeting: &Meeting,
    diags: &mut Diagnostics,
) -> Result<PageCounts, Failed> {
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
            Err(error) => {
                diags.push(error.with_path(shown_path(&path)));
                ok = false;
            }
        }
    }
    if ok { Ok(pages) } else { Err(Failed) }
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
