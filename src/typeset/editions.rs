//! A document → its PDFs, in one place: which a case or meeting becomes, in what order
//! they are made (the agendas, then their packets, then the minutes), where each agenda's
//! items fell (its packet's page numbers come from it), the packet that waits, laid out,
//! for its public twin, Typst's caches emptied before each packet is exported, the
//! attachments inspected and the packets an unusable one rules out, and partial failure:
//! every PDF is staged beside its target, and none is put in place unless all were made.
//! `build`, `check`, `watch` and the preview (one edition, [`preview`]) all come here.

use std::path::{Path, PathBuf};

use super::attachments::{inspect_attachments, packets_possible};
use super::{LaidPacket, Output, Standard, Typeset, Typesetter, archive_outputs, outputs};
use crate::diag::{Diagnostic, Diagnostics, Failed, SourceText, shown_path, trace};
use crate::engine::Pdf;
use crate::loader::Document;
use crate::meeting::Edition;
use crate::output::{Staged, stage};
use crate::project::Project;
use crate::render::meeting_view::Inspected;
use crate::tr;

/// What making a document's PDFs needs and asks.
pub struct Making<'t, 'a> {
    /// Templates and engine.
    pub typesetter: &'t Typesetter<'a>,
    /// The project.
    pub project: &'t Project,
    /// The document, as messages name it.
    pub what: &'t str,
    /// Whether to stage each PDF beside its target (false: typeset only, as `check` does).
    pub write: bool,
    /// Whether to keep the generated Typst beside each PDF (`--emit-typst`).
    pub keep_typst: bool,
}

/// Makes every PDF of `document` (a case's one, a meeting's six; none for a planned or
/// cancelled meeting) for `target` (the case's PDF, or the meeting's folder as a `.pdf`
/// path), each staged beside its file when writing; [`Made::put_in_place`] then puts them
/// there. Errors and warnings go to `diags`; `Err` when any PDF could not be made.
pub fn make(
    ctx: &Making<'_, '_>,
    document: &Document,
    target: &Path,
    diags: &mut Diagnostics,
) -> Result<Made, Failed> {
    let (inspected, packets) = attachments(ctx, document, diags);
    let made = make_all(ctx, document, target, &inspected, packets, diags);
    // Typst's caches grow with every distinct document; keep them bounded.
    typst::comemo::evict(2);
    made
}

/// One PDF of `document` (`edition` of a meeting; `None`: a case's), made as [`make`]
/// makes it: a packet embeds its inspected attachments and takes its page numbers from
/// where its agenda's items fell. `None` when it cannot be made (said in `diags`).
pub fn preview(
    ctx: &Making<'_, '_>,
    document: &Document,
    edition: Option<Edition>,
    diags: &mut Diagnostics,
) -> Option<Pdf> {
    let wants_attachments = edition.is_some_and(|e| e.is_packet());
    let (inspected, packets) = match wants_attachments {
        true => attachments(ctx, document, diags),
        false => (Inspected::new(), Packets(true, true)),
    };
    if !packets.wants(edition) {
        return None;
    }
    let all = outputs(document, ctx.project, &inspected);
    let agenda = match edition.and_then(|e| e.agenda()) {
        Some(agenda) if wants_attachments => {
            let output = all.iter().find(|o| o.edition == Some(agenda))?;
            ctx.typesetter
                .agenda_placement(output, ctx.what)
                .map_err(|errors| diags.extend(errors))
                .ok()?
        }
        _ => None,
    };
    let output = all.iter().find(|o| o.edition == edition)?;
    match ctx
        .typesetter
        .typeset_after(output, ctx.what, false, agenda.as_ref())
    {
        Ok(made) => {
            diags.extend(made.pdf.warnings.iter().cloned());
            Some(made.pdf)
        }
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

/// An archive copy of one of a document's PDFs ([`archival`]).
pub struct Archival {
    /// The meeting edition (`None`: a case's PDF).
    pub edition: Option<Edition>,
    /// Its title, as its metadata has it.
    pub title: String,
    /// The PDF/A-3a.
    pub pdf: Pdf,
}

/// The archive copies of `document`: its PDFs that can be PDF/A (not the packets), as
/// PDF/A-3a with `source` attached as `file_name`.
pub fn archival(
    ctx: &Making<'_, '_>,
    document: &Document,
    source: &SourceText,
    file_name: &str,
) -> Result<Vec<Archival>, Vec<Diagnostic>> {
    let copies = archive_outputs(document, ctx.project, source, file_name)
        .into_iter()
        .map(|output| {
            let pdf = ctx.typesetter.typeset(&output, ctx.what, false)?.pdf;
            Ok(Archival {
                edition: output.edition,
                title: output.view.title().to_string(),
                pdf,
            })
        })
        .collect();
    // Typst's caches grow with every distinct document; keep them bounded.
    typst::comemo::evict(2);
    copies
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
    ctx: &Making<'_, '_>,
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
pub struct Made {
    /// Each PDF with its page count, in edition order.
    pub files: Vec<(PathBuf, usize)>,
    staged: Vec<Staged>,
    left_out: Vec<PathBuf>,
}

/// Typesets every PDF of the document. Each is written beside its target as soon as it
/// is made, on a thread of its own while the next is typeset; a packet is exported only
/// once what is still being written is done, so no two packets' bytes are held at once.
/// None is put in place unless all succeed. The minutes come last, so writing the last
/// packet overlaps them; the files are reported in edition order all the same.
fn make_all(
    ctx: &Making<'_, '_>,
    document: &Document,
    target: &Path,
    inspected: &Inspected,
    packets: Packets,
    diags: &mut Diagnostics,
) -> Result<Made, Failed> {
    let shown = ctx.what;
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
                    .lay_out_packet(&output, shown, ctx.keep_typst, agenda);
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
                    .typeset_after(&output, shown, ctx.keep_typst, agenda)
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
    ctx: &Making<'_, '_>,
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
/// (measured in benches/README.md).
const SHARED_LAYOUT_PAGES: usize = 5_000;

/// Whether the public packet `next` will have the same pages as the packet `packet`, so
/// that laying it out beside it reuses them, and the packet is small enough to wait.
fn packets_alike(packet: &Output, next: &Output) -> bool {
    packet.edition == Some(Edition::DagsordenMedBilag)
        && next.edition == Some(Edition::DagsordenOffentligMedBilag)
        && super::attachment_pages(&packet.view) <= SHARED_LAYOUT_PAGES
        && super::same_pages(&packet.view, &next.view)
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

impl Made {
    /// Renames the staged files into place, and removes packets that were left out: an old
    /// one beside the new agenda would show outdated attachments.
    pub fn put_in_place(self, diags: &mut Diagnostics) -> Result<(), Failed> {
        for file in self.staged {
            let shown = shown_path(file.target());
            file.commit()
                .map_err(|e| diags.fail(Diagnostic::cannot_write(&shown, &e)))?;
        }
        for stale in self.left_out.iter().filter(|p| p.exists()) {
            std::fs::remove_file(stale).map_err(|e| {
                diags.fail(Diagnostic::error(tr!(
                    "cannot-remove-outdated",
                    file = shown_path(stale),
                    reason = crate::i18n::io_error(&e)
                )))
            })?;
        }
        Ok(())
    }
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

/// Stages a PDF (and its Typst, when kept) beside its target.
fn stage_all(path: &Path, typeset: &Typeset) -> Result<Vec<Staged>, Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::cannot_write(&shown_path(path), &e);
    let mut staged = vec![stage(path, &typeset.pdf.bytes).map_err(fail)?];
    if let Some(typst) = &typeset.typst {
        staged.push(stage(&path.with_extension("typ"), typst.as_bytes()).map_err(fail)?);
    }
    Ok(staged)
}
