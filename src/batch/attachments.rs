//! A meeting's attachments before its packets are typeset: each file's pages counted, and
//! files that are unusable (errors) or not accessible (warnings) reported.

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::case::{Adgang, Body};
use crate::diag::{Diagnostic, Diagnostics, shown_path};
use crate::engine::Engine;
use crate::meeting::{Meeting, Punkt, inspect};
use crate::render::meeting_view::Inspected;

/// Counts every attachment's pages; errors for unusable files (returned, so the packets
/// that would embed them are left out), warnings for inaccessible or repaired ones.
pub(crate) fn inspect_attachments(
    meeting: &Meeting,
    engine: &Engine,
    diags: &mut Diagnostics,
) -> (Inspected, HashSet<PathBuf>) {
    let mut pages = Inspected::new();
    let mut unusable = HashSet::new();
    // Each file once (named by the first case that attaches it), each read and parsed on
    // its own thread: a budget meeting has a hundred of them.
    let mut seen = HashSet::new();
    let files: Vec<_> = attachment_files(meeting)
        .into_iter()
        .filter(|(_, fil)| seen.insert(fil.clone()))
        .collect();
    let inspected: Vec<_> = files
        .into_par_iter()
        .map(|(path, fil)| {
            let info = inspect(&fil, &|path| engine.file(path));
            (path, fil, info)
        })
        .collect();
    for (path, fil, info) in inspected {
        let shown = shown_path(&fil);
        match info {
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
                if info.repaired {
                    diags.push(
                        Diagnostic::warning(format!("the attachment {shown} has a damaged cross-reference table; it was rebuilt to read the file, as PDF readers do"))
                            .with_path(shown_path(&path))
                            .with_help("the packet shows its pages; to be sure of the file, export it anew from its source system or run `qpdf in.pdf out.pdf` on it"),
                    );
                }
                if !problems.is_empty() {
                    diags.push(
                        Diagnostic::warning(format!("the attachment {shown} {}: the packets that include it are not fully accessible", problems.join(" and ")))
                            .with_path(shown_path(&path)),
                    );
                }
                pages.insert(fil, info);
            }
            Err(error) => {
                diags.push(
                    error
                        .with_path(shown_path(&path))
                        .with_help("the agenda and minutes are built; the reading packets that include this attachment are not, until it is replaced by a readable PDF"),
                );
                unusable.insert(fil);
            }
        }
    }
    (pages, unusable)
}

/// Whether each packet can be built: (internal, public). A packet cannot when it would
/// embed an unusable attachment; the public packet embeds only the open attachments of
/// open items.
pub(crate) fn packets_possible(meeting: &Meeting, unusable: &HashSet<PathBuf>) -> (bool, bool) {
    let mut internal = true;
    let mut public = true;
    for punkt in &meeting.punkter {
        let Punkt::Sag { case, .. } = punkt else {
            continue;
        };
        let Body::Sag(sag) = &case.body else { continue };
        for bilag in &sag.bilag {
            if bilag.fil.as_ref().is_some_and(|f| unusable.contains(f)) {
                internal = false;
                if case.adgang == Adgang::Aaben && bilag.adgang == Adgang::Aaben {
                    public = false;
                }
            }
        }
    }
    (internal, public)
}

/// (case file, attachment file) for every attachment with a file.
fn attachment_files(meeting: &Meeting) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    for punkt in &meeting.punkter {
        let Punkt::Sag { path, case, .. } = punkt else {
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
