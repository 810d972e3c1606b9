//! One loaded input through the rest of the pipeline: its PDFs typeset (a case's one, a
//! meeting's six), and only when every one succeeds, written (each atomically). Every
//! outcome, good or bad, becomes a [`FileReport`].

use std::path::{Path, PathBuf};

use super::attachments::{inspect_attachments, packets_possible};
use crate::output::output_for;
use crate::output::{Staged, stage};
use crate::diag::{Diagnostic, Diagnostics, Failed, shown_path, trace};
use crate::loader::{Document, Loaded};
use crate::meeting::Edition;
use crate::project::Project;
use crate::render::meeting_view::Inspected;
use crate::typeset::{LaidPacket, Output, Standard, Typeset, Typesetter, outputs};

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
        why: &'static str,
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
    if let Document::Meeting(meeting) = document
        && !meeting.has_documents()
    {
        let why = if meeting.aflyst {
            "no documents: the meeting is cancelled (aflyst)"
        } else {
            "no documents: a planned meeting (no items yet)"
        };
        return Ok(Outcome::NoDocuments { why });
    }
    let (inspected, packets) = attachments(ctx, document, diags);
    let made = make_all(ctx, document, &target, &inspected, packets, input, diags)?;
    if ctx.write {
        put_in_place(made.staged, &made.left_out, diags)?;
    }
    Ok(outcome(target, loaded.is_meeting, &made.files))
}

/// Which packets a meeting can have: (internal, public); both unless an attachment they
/// would embed is unusable.
#[derive(Debug, Clone, Copy)]
struct Packets(bool, bool);

impl Packets {
    fn wants(self, edition: Option<Edition>) -> bool {
        match edition {
            Some(Edition::DagsordenMedBilag) => self.0,
            Some(Edition::DagsordenOffentligMedBilag) => self.1,
            _ => true,
        }
    }
}

/// A meeting's attachments inspected (pages, bookmarks, problems reported).
fn attachments(
    ctx: &Context<'_>,
    document: &Document,
    diags: &mut Diagnostics,
) -> (Inspected, Packets) {
    match document {
        Document::Meeting(meeting) => {
            let (inspected, unusable) =
                inspect_attachments(meeting, ctx.typesetter.engine(), diags);
            let (internal, public) = packets_possible(meeting, &unusable);
            (inspected, Packets(internal, public))
        }
        Document::Case(_) => (Inspected::new(), Packets(true, true)),
    }
}

/// What typesetting a document's PDFs left: each file with its page count, the files
/// staged beside their targets, and the packets left out.
struct Made {
    files: Vec<(PathBuf, usize)>,
    staged: Vec<Staged>,
    left_out: Vec<PathBuf>,
}

/// Typesets every PDF of the document. Each is written beside its target as soon as it
/// is made, on a thread of its own while the next is typeset; a packet is exported only
/// once what is still being written is done, so no two packets' bytes are held at once.
/// None is put in place unless all succeed. The minutes come last, so writing the last
/// packet overlaps them; the files are reported in edition order all the same.
fn make_all(
    ctx: &Context<'_>,
    document: &Document,
    target: &Path,
    inspected: &Inspected,
    packets: Packets,
    input: &Path,
    diags: &mut Diagnostics,
) -> Result<Made, Failed> {
    let shown = shown_path(input);
    let mut made = Made {
        files: Vec::new(),
        staged: Vec::new(),
        left_out: Vec::new(),
    };
    let mut files = Vec::new();
    let mut failed = false;
    // Where each agenda's items fell, for its packet.
    let mut agendas = std::collections::HashMap::new();
    std::thread::scope(|writers| {
        let mut writing = Vec::new();
        // A packet laid out and waiting for the next one to be laid out beside it.
        let mut held = None;
        let mut outputs = in_making_order(outputs(document, ctx.project, inspected))
            .into_iter()
            .filter(|(_, output)| {
                let wanted = packets.wants(output.edition);
                if !wanted {
                    made.left_out.push(file_of(target, output.edition));
                }
                wanted
            })
            .peekable();
        while let Some((order, output)) = outputs.next() {
            let path = file_of(target, output.edition);
            let agenda = output
                .edition
                .and_then(|e| e.agenda())
                .and_then(|a| agendas.get(&a));
            let typeset = if output.standard == Standard::Packet {
                // A packet needs all the memory it can get. What its agenda left in Typst's
                // caches it reuses (the items it shares), and the public packet of a meeting
                // with nothing closed reuses the packet's pages: the packet waits, laid out,
                // for it. The engine empties the caches before each export.
                let laid = ctx
                    .typesetter
                    .lay_out_packet(&output, &shown, ctx.emit_typst, agenda);
                let next = outputs.peek().map(|(_, next)| next);
                match laid {
                    Ok(laid) if next.is_some_and(|next| packets_alike(&output, next)) => {
                        trace(format_args!(
                            "{shown}: the packet waits for its public version"
                        ));
                        held = Some((order, path, laid));
                        continue;
                    }
                    laid => {
                        failed |= !wait_for(std::mem::take(&mut writing), &mut made.staged, diags);
                        let write = ctx.write && !failed;
                        failed |= !finish_held(
                            ctx,
                            held.take(),
                            write,
                            &mut files,
                            &mut made.staged,
                            diags,
                        );
                        let typeset = laid.and_then(|laid| ctx.typesetter.finish_packet(laid));
                        typst::comemo::evict(0);
                        typeset
                    }
                }
            } else {
                ctx.typesetter
                    .typeset_after(&output, &shown, ctx.emit_typst, agenda)
            };
            if let (Ok(typeset), Some(edition)) = (&typeset, output.edition)
                && let Some(placement) = &typeset.pdf.placement
                && edition.packet().is_some()
            {
                agendas.insert(edition, placement.clone());
            }
            match keep(typeset, order, path, &mut files, diags) {
                Some((path, typeset)) if ctx.write && !failed => {
                    writing.push(writers.spawn(move || stage_all(&path, &typeset)));
                }
                Some(_) => {}
                None => failed = true,
            }
        }
        // Only a packet followed by its public version waits; should that ever fail to
        // come, the packet is not lost.
        let write = ctx.write && !failed;
        failed |= !finish_held(ctx, held.take(), write, &mut files, &mut made.staged, diags);
        failed |= !wait_for(writing, &mut made.staged, diags);
    });
    files.sort_by_key(|(order, _, _)| *order);
    made.files = files
        .into_iter()
        .map(|(_, path, pages)| (path, pages))
        .collect();
    if failed { Err(Failed) } else { Ok(made) }
}

/// Notes a made PDF (its warnings, its page count), or its errors (`None`).
fn keep(
    typeset: Result<Typeset, Vec<Diagnostic>>,
    order: usize,
    path: PathBuf,
    files: &mut Vec<(usize, PathBuf, usize)>,
    diags: &mut Diagnostics,
) -> Option<(PathBuf, Typeset)> {
    match typeset {
        Ok(typeset) => {
            diags.extend(typeset.pdf.warnings.iter().cloned());
            files.push((order, path.clone(), typeset.pdf.pages));
            Some((path, typeset))
        }
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

/// A packet laid out and waiting for its public version: (its place among the outputs,
/// its file, the layout).
type Held<'a> = (usize, PathBuf, LaidPacket<'a>);

/// Exports a waiting packet, if any, and (with `write`) writes it beside its target on this
/// thread, before the next packet is exported; `false` when it failed.
fn finish_held(
    ctx: &Context<'_>,
    held: Option<Held<'_>>,
    write: bool,
    files: &mut Vec<(usize, PathBuf, usize)>,
    staged: &mut Vec<Staged>,
    diags: &mut Diagnostics,
) -> bool {
    let Some((order, path, laid)) = held else {
        return true;
    };
    let typeset = ctx.typesetter.finish_packet(laid);
    let Some((path, typeset)) = keep(typeset, order, path, files, diags) else {
        return false;
    };
    if !write {
        return true;
    }
    match stage_all(&path, &typeset) {
        Ok(written) => {
            staged.extend(written);
            true
        }
        Err(d) => {
            diags.fail(d);
            false
        }
    }
}

/// Up to how many attachment pages a packet waits, laid out, for its public version.
/// Laying the public packet out beside it saves most of its layout (a seventh of the
/// meeting's time at 3,000 pages) for a fifth more memory, which 10,000 pages can not spare
/// (measured in the README's Speed section).
const SHARED_LAYOUT_PAGES: usize = 5_000;

/// Whether the public packet `next` will have the same pages as the packet `packet`, so
/// that laying it out beside it reuses them, and the packet is small enough to wait.
fn packets_alike(packet: &Output, next: &Output) -> bool {
    packet.edition == Some(Edition::DagsordenMedBilag)
        && next.edition == Some(Edition::DagsordenOffentligMedBilag)
        && crate::typeset::attachment_pages(&packet.view) <= SHARED_LAYOUT_PAGES
        && crate::typeset::same_pages(&packet.view, &next.view)
}

/// The outputs in the order they are made — the agendas, then their packets (each takes
/// where its agenda's items fell; the public agenda right after the agenda reuses its
/// items, and the public packet right after the packet its pages), then the minutes —
/// each with its place among them.
fn in_making_order(outputs: Vec<Output>) -> Vec<(usize, Output)> {
    let mut outputs: Vec<_> = outputs.into_iter().enumerate().collect();
    outputs.sort_by_key(|(_, output)| match output.edition {
        Some(Edition::Dagsorden) | None => 0,
        Some(Edition::DagsordenOffentlig) => 1,
        Some(Edition::DagsordenMedBilag) => 2,
        Some(Edition::DagsordenOffentligMedBilag) => 3,
        Some(Edition::Referat) => 4,
        Some(Edition::ReferatOffentlig) => 5,
    });
    outputs
}

type Writing<'scope> = std::thread::ScopedJoinHandle<'scope, Result<Vec<Staged>, Diagnostic>>;

/// Waits for the files being written and keeps them staged; `false` when one could not be.
fn wait_for(writing: Vec<Writing<'_>>, staged: &mut Vec<Staged>, diags: &mut Diagnostics) -> bool {
    let mut all = true;
    for written in writing {
        match written.join() {
            Ok(Ok(files)) => staged.extend(files),
            Ok(Err(d)) => {
                diags.fail(d);
                all = false;
            }
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    all
}

/// Renames the staged files into place, and removes packets that were left out: an old
/// one beside the new agenda would show outdated attachments.
fn put_in_place(
    staged: Vec<Staged>,
    left_out: &[PathBuf],
    diags: &mut Diagnostics,
) -> Result<(), Failed> {
    for file in staged {
        let shown = shown_path(file.target());
        file.commit()
            .map_err(|e| diags.fail(Diagnostic::error(format!("cannot write {shown}: {e}"))))?;
    }
    for stale in left_out.iter().filter(|p| p.exists()) {
        std::fs::remove_file(stale).map_err(|e| {
            diags.fail(Diagnostic::error(format!(
                "cannot remove the outdated {}: {e}",
                shown_path(stale)
            )))
        })?;
    }
    Ok(())
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
