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
use crate::tr;

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
    // Files with the same accessibility problems, reported together when there are many:
    // real exports bring dozens of untagged attachments, whose warnings one per file would
    // bury the errors.
    let mut inaccessible: Vec<(Vec<Problem>, Vec<Attached>)> = Vec::new();
    for (path, fil, info) in inspected {
        let shown = shown_path(&fil);
        match info {
            Ok(info) => {
                let mut problems = Vec::new();
                if info.scanned {
                    problems.push(Problem::Scanned);
                } else if !info.fonts_embedded {
                    problems.push(Problem::FontsNotEmbedded);
                }
                if !info.tagged {
                    problems.push(Problem::Untagged);
                }
                if info.repaired {
                    diags.push(
                        Diagnostic::warning(tr!("attachment-repaired", file = shown.as_str()))
                            .with_path(shown_path(&path)),
                    );
                }
                if !problems.is_empty() {
                    match inaccessible.iter_mut().find(|(p, _)| *p == problems) {
                        Some((_, files)) => files.push((path, fil.clone())),
                        None => inaccessible.push((problems, vec![(path, fil.clone())])),
                    }
                }
                pages.insert(fil, info);
            }
            Err(error) => {
                diags.push(
                    error
                        .with_path(shown_path(&path))
                        .with_help(tr!("attachment-unusable.help")),
                );
                unusable.insert(fil);
            }
        }
    }
    for (problems, files) in inaccessible {
        report_inaccessible(&problems, &files, diags);
    }
    (pages, unusable)
}

/// An attachment: (the case file naming it, its file).
type Attached = (PathBuf, PathBuf);

/// Up to how many files with the same problems are reported one by one.
const ONE_BY_ONE: usize = 3;
/// How many files a report of many names.
const NAMED: usize = 8;

/// What keeps an attachment's pages from being accessible in a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Scanned,
    FontsNotEmbedded,
    Untagged,
}

impl Problem {
    /// What `count` files are: "the attachment x.pdf <is a scan without text>", "12
    /// attachments <are scans without text>".
    fn said(self, count: usize) -> String {
        let message = match self {
            Problem::Scanned => tr!("attachment-problem-scanned", count = count),
            Problem::FontsNotEmbedded => tr!("attachment-problem-fonts", count = count),
            Problem::Untagged => tr!("attachment-problem-untagged", count = count),
        };
        message.text
    }
}

/// Warns of attachments with the same accessibility
/// problems: one by one when they are few, else once, naming the first of them.
fn report_inaccessible(problems: &[Problem], files: &[Attached], diags: &mut Diagnostics) {
    let said = |count: usize| {
        let and = format!(" {} ", tr!("and"));
        problems
            .iter()
            .map(|p| p.said(count))
            .collect::<Vec<_>>()
            .join(&and)
    };
    if files.len() <= ONE_BY_ONE {
        for (case, fil) in files {
            diags.push(
                Diagnostic::warning(tr!(
                    "attachment-inaccessible",
                    file = shown_path(fil),
                    problems = said(1)
                ))
                .with_path(shown_path(case)),
            );
        }
        return;
    }
    let mut named: Vec<String> = files
        .iter()
        .take(NAMED)
        .map(|(_, f)| shown_path(f))
        .collect();
    if files.len() > NAMED {
        named.push(tr!("and-more", count = files.len() - NAMED).text);
    }
    diags.push(
        Diagnostic::warning(tr!(
            "attachments-inaccessible",
            count = files.len(),
            problems = said(files.len())
        ))
        .with_help(tr!(
            "attachments-inaccessible.help",
            files = named.join(", ")
        )),
    );
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
