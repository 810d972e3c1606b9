//! Batches: every input file of a run goes through the pipeline in parallel; each gets a
//! report, and one bad file never stops the others.

mod discover;
mod job;
mod meeting_job;
mod write;

use std::path::PathBuf;

use rayon::prelude::*;

pub use discover::{inputs, output_for};
pub use job::{Context, FileReport, Outcome, process};
pub use write::atomic_write;

use crate::engine::Engine;
use crate::project::Project;
use crate::render::templates::Templates;

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where PDFs go.
    pub output_dir: PathBuf,
    /// Whether to write (build) or only validate (check).
    pub write: bool,
    /// Whether to write the generated Typst beside each PDF.
    pub emit_typst: bool,
    /// Worker threads; 0 = all cores.
    pub jobs: usize,
}

/// The outcome of a batch.
#[derive(Debug, Default)]
pub struct Report {
    /// One report per input file, in input order.
    pub files: Vec<FileReport>,
}

impl Report {
    /// Files that were built (or would be, for check).
    pub fn built(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Built { .. } | Outcome::Meeting { .. }))
    }

    /// Files with errors.
    pub fn failed(&self) -> usize {
        self.count(|o| *o == Outcome::Failed)
    }

    /// Warnings over all files.
    pub fn warnings(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| !d.is_error())
            .count()
    }

    fn count(&self, f: impl Fn(&Outcome) -> bool) -> usize {
        self.files.iter().filter(|r| f(&r.outcome)).count()
    }
}

/// Runs every input file of a project through the pipeline.
pub fn run(
    project: &Project,
    files: &[PathBuf],
    options: &Options,
) -> Result<Report, crate::diag::Diagnostic> {
    let engine = Engine::new(&project.root)?;
    let templates = Templates::new(&project.root);
    let ctx = Context {
        project,
        templates: &templates,
        engine: &engine,
        output_dir: options.output_dir.clone(),
        write: options.write,
        emit_typst: options.emit_typst,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
        .map_err(|e| crate::diag::Diagnostic::error(format!("cannot start worker threads: {e}")))?;
    let files = pool.install(|| files.par_iter().map(|f| process(&ctx, f)).collect());
    Ok(Report { files })
}
