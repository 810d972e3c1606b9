//! One loaded input through the rest of the pipeline: its PDFs typeset (a case's one, a
//! meeting's six), and only when every one succeeds, written (each atomically). Every
//! outcome, good or bad, becomes a [`FileReport`].

use std::path::{Path, PathBuf};

use super::attachments::{inspect_attachments, packets_possible};
use super::discover::output_for;
use super::write::{Staged, stage};
use crate::diag::{Diagnostic, Diagnostics, Failed, shown_path};
use crate::loader::{Document, Loaded};
use crate::meeting::Edition;
use crate::project::Project;
use crate::render::meeting_view::Inspected;
use crate::typeset::{Standard, Typeset, Typesetter, outputs};

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A PDF was written (build) or could be written (check).
    Built {
        /// Where the PDF is (or would be).
        output: PathBuf,
        /// Its page count.
        pages: usize,
    },
    /// A meeting's files were written (build) or could be (check).
    Meeting {
        /// The folder holding them.
        folder: PathBuf,
        /// Each file's name and page count.
        files: Vec<(String, usize)>,
    },
    /// Nothing the file's PDFs depend on changed since they were built.
    Unchanged,
    /// The file has errors; nothing was written.
    Failed,
    /// The run was interrupted before this file was started.
    Interrupted,
}

/// The result of one input file: its outcome and every diagnostic.
#[derive(Debug)]
pub struct FileReport {
    /// The input file.
    pub input: PathBuf,
    /// What happened.
    pub outcome: Outcome,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// Whether any of its diagnostics is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// A report with nothing to say beyond its outcome.
    pub fn bare(input: &Path, outcome: Outcome) -> Self {
        Self {
            input: input.to_path_buf(),
            outcome,
            diagnostics: Vec::new(),
        }
    }
}

/// Everything a run shares between files.
pub struct Context<'a> {
    /// The project.
    pub project: &'a Project,
    /// Templates and engine.
    pub typesetter: Typesetter<'a>,
    /// Where PDFs go.
    pub output_dir: PathBuf,
    /// Whether to write anything (false for `check`).
    pub write: bool,
    /// Whether to write the generated Typst beside each PDF.
    pub emit_typst: bool,
}

/// Runs one loaded input file (named `input` by the user) through the pipeline.
pub fn process(ctx: &Context<'_>, input: &Path, loaded: &Loaded) -> FileReport {
    let mut diagnostics = Diagnostics::from_vec(loaded.claimed_diagnostics());
    let outcome = run(ctx, input, loaded, &mut diagnostics).unwrap_or(Outcome::Failed);
    // Typst's caches grow with every distinct document; keep them bounded.
    typst::comemo::evict(2);
    FileReport {
        input: input.to_path_buf(),
        outcome,
        diagnostics: diagnostics.into_vec(),
    }
}

fn run(
    ctx: &Context<'_>,
    input: &Path,
    loaded: &Loaded,
    diags: &mut Diagnostics,
) -> Result<Outcome, Failed> {
    // Lets the tests prove that a panic in one document does not stop the others.
    #[cfg(debug_assertions)]
    if std::env::var_os("SAGSGEN_TEST_PANIC").is_some_and(|name| input.ends_with(name)) {
        panic!("a deliberate test panic");
    }
    let document = loaded.document.as_ref().ok_or(Failed)?;
    let target = output_for(input, &ctx.project.root, &ctx.output_dir).ok_or_else(|| {
        let d = Diagnostic::error("the file lies outside the project folder");
        diags.fail(match &loaded.source {
            Some(source) => d.in_file(source),
            None => d.with_path(shown_path(input)),
        })
    })?;
    let (pages, packets) = match document {
        Document::Meeting(meeting) => {
            let (pages, unusable) = inspect_attachments(meeting, ctx.typesetter.engine(), diags);
            (pages, packets_possible(meeting, &unusable))
        }
        Document::Case(_) => (Inspected::new(), (true, true)),
    };
    let (internal_packet, public_packet) = packets;
    let wanted = |edition: Option<Edition>| match edition {
        Some(Edition::DagsordenMedBilag) => internal_packet,
        Some(Edition::DagsordenOffentligMedBilag) => public_packet,
        _ => true,
    };
    let shown = shown_path(input);
    // Each PDF is written beside its target as soon as it is made (so a packet of
    // thousands of pages is not held while the next is made) and put in place only when
    // every one has succeeded.
    let mut made: Vec<(PathBuf, usize)> = Vec::new();
    let mut staged: Vec<Staged> = Vec::new();
    let mut failed = false;
    let mut left_out = Vec::new();
    for output in outputs(document, ctx.project, &pages) {
        let path = file_of(&target, output.edition);
        if !wanted(output.edition) {
            left_out.push(path);
            continue;
        }
        let packet = output.standard == Standard::Packet;
        if packet {
            // A packet needs all the memory it can get; what the smaller editions left
            // in Typst's caches is of no use to it.
            typst::comemo::evict(0);
        }
        match ctx.typesetter.typeset(&output, &shown, ctx.emit_typst) {
            Ok(typeset) => {
                diags.extend(typeset.pdf.warnings.iter().cloned());
                if ctx.write && !failed {
                    staged.extend(stage_all(&path, &typeset).map_err(|d| diags.fail(d))?);
                }
                made.push((path, typeset.pdf.pages));
            }
            Err(errors) => {
                diags.extend(errors);
                failed = true;
            }
        }
        if packet {
            // A packet's memoized layout holds every embedded page; the next edition
            // does not reuse it.
            typst::comemo::evict(0);
        }
    }
    if failed {
        return Err(Failed);
    }
    if ctx.write {
        for file in staged {
            let shown = shown_path(file.target());
            file.commit()
                .map_err(|e| diags.fail(Diagnostic::error(format!("cannot write {shown}: {e}"))))?;
        }
        // An old packet left beside the new agenda would show outdated attachments.
        for stale in left_out.iter().filter(|p| p.exists()) {
            std::fs::remove_file(stale).map_err(|e| {
                diags.fail(Diagnostic::error(format!(
                    "cannot remove the outdated {}: {e}",
                    shown_path(stale)
                )))
            })?;
        }
    }
    Ok(outcome(target, loaded.is_meeting, &made))
}

/// Where one PDF goes: a case's beside its mirror path; a meeting's editions in a folder
/// named after the meeting file.
fn file_of(target: &Path, edition: Option<Edition>) -> PathBuf {
    match edition {
        None => target.to_path_buf(),
        Some(edition) => target
            .with_extension("")
            .join(format!("{}.pdf", edition.file_stem())),
    }
}

fn outcome(target: PathBuf, is_meeting: bool, files: &[(PathBuf, usize)]) -> Outcome {
    if !is_meeting && let [(output, pages)] = files {
        return Outcome::Built {
            output: output.clone(),
            pages: *pages,
        };
    }
    let files = files
        .iter()
        .map(|(path, pages)| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            (name.into_owned(), *pages)
        })
        .collect();
    Outcome::Meeting {
        folder: target.with_extension(""),
        files,
    }
}

/// Stages a PDF (and its Typst, when kept) beside its target.
fn stage_all(path: &Path, typeset: &Typeset) -> Result<Vec<Staged>, Diagnostic> {
    let fail =
        |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", shown_path(path)));
    let mut staged = vec![stage(path, &typeset.pdf.bytes).map_err(fail)?];
    if let Some(typst) = &typeset.typst {
        staged.push(stage(&path.with_extension("typ"), typst.as_bytes()).map_err(fail)?);
    }
    Ok(staged)
}
