//! One loaded input through the rest of the pipeline: its PDFs typeset (a case's one, a
//! meeting's six), and only when every one succeeds, written (each atomically). Every
//! outcome, good or bad, becomes a [`FileReport`].

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Failed, shown_path};
use crate::loader::{Document, Loaded};
use crate::output::output_for;
use crate::project::Project;
use crate::tr;
use crate::typeset::Typesetter;
use crate::typeset::editions::{self, Making};

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
    /// A meeting that makes no documents: planned (no items yet) or cancelled.
    NoDocuments {
        /// Why, as the progress line says it.
        why: crate::i18n::Message,
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
        let d = Diagnostic::error(tr!("file-outside-project"));
        diags.fail(match &loaded.source {
            Some(source) => d.in_file(source),
            None => d.with_path(shown_path(input)),
        })
    })?;
    if let Document::Meeting(meeting) = document
        && !meeting.has_documents()
    {
        let why = if meeting.aflyst {
            tr!("no-documents-cancelled")
        } else {
            tr!("no-documents-planned")
        };
        return Ok(Outcome::NoDocuments { why });
    }
    let shown = shown_path(input);
    let making = Making {
        typesetter: &ctx.typesetter,
        project: ctx.project,
        what: &shown,
        write: ctx.write,
        keep_typst: ctx.emit_typst,
    };
    let made = editions::make(&making, document, &target, diags)?;
    let outcome = outcome(target, loaded.is_meeting, &made.files);
    if ctx.write {
        made.put_in_place(diags)?;
    }
    Ok(outcome)
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
