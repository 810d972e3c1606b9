//! One input file through the whole pipeline: read → parse → validate → render →
//! typeset → (write). Every outcome, good or bad, becomes a [`FileReport`].

use std::path::{Path, PathBuf};

use super::discover::output_for;
use super::write::atomic_write;
use crate::case::load_case;
use crate::diag::{Diagnostic, shown_path};
use crate::engine::Engine;
use crate::input::{parse_toml, read_source};
use crate::project::Project;
use crate::render::case_source;
use crate::render::templates::Templates;

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
    /// Its templates.
    pub templates: &'a Templates,
    /// The typesetting engine.
    pub engine: &'a Engine,
    /// Where PDFs go.
    pub output_dir: PathBuf,
    /// Whether to write anything (false for `check`).
    pub write: bool,
    /// Whether to write the generated Typst beside each PDF.
    pub emit_typst: bool,
}

/// Runs one input file through the pipeline.
pub fn process(ctx: &Context<'_>, input: &Path) -> FileReport {
    let mut diagnostics = Vec::new();
    let outcome = match run(ctx, input, &mut diagnostics) {
        Ok(outcome) => outcome,
        Err(()) => Outcome::Failed,
    };
    // Typst's caches grow with every distinct document; keep them bounded.
    typst::comemo::evict(2);
    FileReport {
        input: input.to_path_buf(),
        outcome,
        diagnostics,
    }
}

fn run(ctx: &Context<'_>, input: &Path, diags: &mut Vec<Diagnostic>) -> Result<Outcome, ()> {
    // Lets the tests prove that a panic in one document does not stop the others.
    #[cfg(debug_assertions)]
    if std::env::var_os("SAGSGEN_TEST_PANIC").is_some_and(|name| input.ends_with(name)) {
        panic!("a deliberate test panic");
    }
    let shown = shown_path(input);
    let source = read_source(input, &shown).map_err(|d| diags.push(d))?;
    let table = parse_toml(&source).map_err(|d| diags.push(d))?;
    if crate::input::is_meeting(table.get_ref()) {
        return super::meeting_job::run(ctx, input, &source, table.get_ref(), diags);
    }
    let loaded = load_case(ctx.project, &source, table.get_ref(), input);
    diags.extend(loaded.diagnostics);
    let case = loaded.case.ok_or(())?;
    let output = output_for(input, &ctx.project.root, &ctx.output_dir).ok_or_else(|| {
        diags.push(Diagnostic::error("the file lies outside the project folder").in_file(&source));
    })?;
    let rendered =
        case_source(ctx.templates, &case, &ctx.project.config).map_err(|d| diags.push(d))?;
    // The source is kept only when it is to be written beside the PDF.
    let emitted = ctx.emit_typst.then(|| rendered.source.clone());
    let pdf = ctx
        .engine
        .pdf(rendered.source, ctx.project.config.conformance, &shown);
    let pdf = pdf.map_err(|errors| {
        diags.extend(ctx.templates.locate_all(errors, rendered.map.as_ref()));
    })?;
    diags.extend(pdf.warnings);
    if ctx.write {
        write_outputs(&output, &pdf.bytes, emitted.as_deref()).map_err(|d| diags.push(d))?;
    }
    Ok(Outcome::Built {
        output,
        pages: pdf.pages,
    })
}

fn write_outputs(output: &Path, pdf: &[u8], typst_source: Option<&str>) -> Result<(), Diagnostic> {
    let fail =
        |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", shown_path(output)));
    atomic_write(output, pdf).map_err(fail)?;
    if let Some(source) = typst_source {
        atomic_write(&output.with_extension("typ"), source.as_bytes()).map_err(fail)?;
    }
    Ok(())
}
