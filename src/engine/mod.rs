//! Typst, in-process: generated Typst source → laid-out document → PDF/A + PDF/UA bytes.

pub mod file_cache;
pub mod fonts;
mod marginals;
mod packet_info;
mod placement;
mod split;
pub mod svg_pages;
mod world;

use std::path::Path;
use std::sync::Arc;

pub use file_cache::FileCache;
pub use marginals::{AttachmentRun, Undrawable};
pub use placement::Placement;

use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::model::Document as _;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use world::{Base, DocWorld};

use crate::diag::Diagnostic;
use crate::project::Conformance;
use crate::tr;

/// The `/Creator` written into every PDF: fixed per sagsgen version, so output is reproducible.
pub const CREATOR: &str = concat!("sagsgen ", env!("CARGO_PKG_VERSION"));

/// A compiled PDF.
#[derive(Debug)]
pub struct Pdf {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its number of pages.
    pub pages: usize,
    /// Warnings from Typst that did not stop it.
    pub warnings: Vec<Diagnostic>,
    /// The document's title, as its template set it.
    pub title: Option<String>,
    /// Each page as SVG, from the same compile, when asked for (`sagsgen serve`).
    pub svg_pages: Vec<svg_pages::SvgPage>,
    /// Where the labels asked for fell (packets, to check their printed page numbers).
    pub placement: Option<Placement>,
}

/// The typesetting engine of a run: fonts and library loaded once, shared by all documents.
pub struct Engine {
    base: Base,
    /// Whether PDFs come with their pages as SVG, and the pages drawn lately.
    svg_pages: Option<svg_pages::SvgPages>,
    /// Whether Typst's caches are emptied between a packet's layout and its export.
    lean_packets: bool,
}

impl Engine {
    /// Loads fonts (bundled + the project's `fonts/`) for a project root.
    pub fn new(root: &Path) -> Result<Self, Diagnostic> {
        Self::with_files(root, Arc::new(FileCache::new(file_cache::BUDGET)))
    }

    /// An engine that reads files through `files`, a cache the run shares (the batch
    /// hashes attachments through it for its fingerprints, so each is read once a run).
    pub fn with_files(root: &Path, files: Arc<FileCache>) -> Result<Self, Diagnostic> {
        let fonts = fonts::load(&root.join("fonts"))?;
        Ok(Self {
            base: Base::new(root, fonts, files),
            svg_pages: None,
            lean_packets: false,
        })
    }

    /// The engine with every PDF's pages also drawn as SVG, from the same compiled
    /// document (the preview of `sagsgen serve` shows what the PDF holds, not a second
    /// layout).
    pub fn with_svg_pages(mut self) -> Self {
        self.svg_pages = Some(svg_pages::SvgPages::default());
        self
    }

    /// The engine empties Typst's caches once a packet is laid out, before it is exported:
    /// the export of thousands of pages needs the memory more than a batch needs what was
    /// laid out (its agenda's items, reused by the packet's layout, are done with). Not
    /// for the preview, which keeps its caches warm for the next edit.
    pub fn with_lean_packets(mut self) -> Self {
        self.lean_packets = true;
        self
    }

    /// A file's bytes (an attachment), read once a run and shared with every document that
    /// embeds it.
    pub fn file(&self, path: &Path) -> std::io::Result<typst::foundations::Bytes> {
        self.base.file(path)
    }

    /// Typesets generated Typst source into a PDF at the given conformance level.
    ///
    /// `what` names the document in messages (usually its case file).
    ///
    /// `labels` are looked up in the laid-out document ([`Pdf::placement`]).
    pub fn pdf(
        &self,
        source: String,
        conformance: Conformance,
        what: &str,
        labels: &[String],
    ) -> Result<Pdf, Vec<Diagnostic>> {
        let laid = self.lay_out(source, what, labels)?;
        self.finish_archival(laid, conformance)
    }

    /// The second half of [`Engine::pdf`]: the laid-out document as a conforming PDF.
    pub fn finish_archival(
        &self,
        laid: Laid<'_>,
        conformance: Conformance,
    ) -> Result<Pdf, Vec<Diagnostic>> {
        let options = pdf_options(conformance).map_err(|e| vec![e])?;
        self.export(laid, &options)
    }

    /// Typesets into a tagged PDF with no conformance claim (packets that embed other
    /// people's PDFs, which PDF/A and PDF/UA forbid). PDF 2.0, so attachments of any
    /// version can be embedded.
    ///
    /// `labels` are looked up in the laid-out document ([`Pdf::placement`]).
    pub fn plain_pdf(
        &self,
        source: String,
        what: &str,
        labels: &[String],
    ) -> Result<Pdf, Vec<Diagnostic>> {
        let laid = self.lay_out(source, what, labels)?;
        self.finish_plain(laid)
    }

    /// The first half of [`Engine::plain_pdf`]: the document laid out, not yet exported.
    /// What Typst cached while laying it out stays until [`Engine::finish_plain`], so a
    /// document laid out in between reuses what it has in common with this one.
    pub fn lay_out<'a>(
        &'a self,
        source: String,
        what: &str,
        labels: &[String],
    ) -> Result<Laid<'a>, Vec<Diagnostic>> {
        let world = DocWorld::new(&self.base, source);
        let (document, warnings) = compile(&world, what)?;
        let placement = (!labels.is_empty()).then(|| Placement::of(&document, labels));
        Ok(Laid {
            world,
            document,
            warnings,
            placement,
            what: what.to_string(),
        })
    }

    /// The second half of [`Engine::plain_pdf`]: the laid-out document as a PDF (a lean
    /// engine empties Typst's caches first).
    pub fn finish_plain(&self, laid: Laid<'_>) -> Result<Pdf, Vec<Diagnostic>> {
        let standards = PdfStandards::new(&[PdfStandard::V_2_0]).map_err(|e| {
            vec![Diagnostic::error(tr!(
                "pdf-version-unavailable",
                detail = format!("{e:?}")
            ))]
        })?;
        let options = PdfOptions {
            creator: Smart::Custom(Some(CREATOR.to_string())),
            standards,
            tagged: true,
            ..PdfOptions::default()
        };
        if self.lean_packets {
            typst::comemo::evict(0);
        }
        let mut pdf = self.export(laid, &options)?;
        if let Some(title) = &pdf.title {
            pdf.bytes = packet_info::with_title(std::mem::take(&mut pdf.bytes), title);
        }
        Ok(pdf)
    }

    /// Lays the source out without making a PDF, and says how many pages it has and on
    /// which page each of `labels` fell (a packet's page numbers, found before it is made).
    pub fn placement(
        &self,
        source: String,
        labels: &[String],
        what: &str,
    ) -> Result<Placement, Vec<Diagnostic>> {
        let world = DocWorld::new(&self.base, source);
        let (document, _) = compile(&world, what)?;
        Ok(Placement::of(&document, labels))
    }

    /// The laid-out document as a PDF.
    fn export(&self, laid: Laid<'_>, options: &PdfOptions) -> Result<Pdf, Vec<Diagnostic>> {
        let Laid {
            world,
            document,
            warnings,
            placement,
            what,
        } = laid;
        let bytes = typst_pdf::pdf(&document, options).map_err(|diags| {
            diags
                .iter()
                .map(|d| convert(&world, d, &what, d.severity))
                .collect::<Vec<_>>()
        })?;
        let svg_pages = self
            .svg_pages
            .as_ref()
            .map_or_else(Vec::new, |drawn| drawn.draw(document.pages()));
        Ok(Pdf {
            bytes,
            pages: document.pages().len(),
            warnings,
            title: document.info().title.as_ref().map(ToString::to_string),
            svg_pages,
            placement,
        })
    }
}

/// A document laid out and not yet exported ([`Engine::lay_out`]).
pub struct Laid<'a> {
    world: DocWorld<'a>,
    document: PagedDocument,
    warnings: Vec<Diagnostic>,
    placement: Option<Placement>,
    what: String,
}

impl Laid<'_> {
    /// Where the labels asked for fell.
    pub fn placement(&self) -> Option<&Placement> {
        self.placement.as_ref()
    }

    /// Draws onto each attachment's bare pages the stamp and footer Typst laid out on the
    /// first page of their shape, and onto other pages without a footer the first page's,
    /// each numbered for the page (see [`marginals`]); says on how many pages of each.
    /// An error when a bare page has nothing to copy: the document is then as it was.
    pub fn draw_marginals(&mut self, runs: &[AttachmentRun]) -> Result<(usize, usize), Undrawable> {
        let Some(drawn) = marginals::draw(&self.document, runs)? else {
            return Ok((0, 0));
        };
        let info = self.document.info().clone();
        self.document = PagedDocument::new(drawn.pages, info);
        Ok((drawn.attachment_pages, drawn.footers))
    }
}

/// Compiles the source: the laid-out document and Typst's warnings, or the errors.
fn compile(
    world: &DocWorld<'_>,
    what: &str,
) -> Result<(PagedDocument, Vec<Diagnostic>), Vec<Diagnostic>> {
    let result = typst::compile::<PagedDocument>(world);
    let mut warnings = Vec::new();
    let mut errors = Vec::new();
    for w in &result.warnings {
        // An unknown font silently falls back to another; for us that is an error.
        if w.message.contains("unknown font family") {
            errors.push(convert(world, w, what, TypstSeverity::Error));
        } else {
            warnings.push(convert(world, w, what, w.severity));
        }
    }
    let document = match result.output {
        Ok(doc) => doc,
        Err(diags) => {
            errors.extend(diags.iter().map(|d| convert(world, d, what, d.severity)));
            return Err(errors);
        }
    };
    if errors.is_empty() {
        Ok((document, warnings))
    } else {
        Err(errors)
    }
}

/// The export options: PDF/A at the chosen level together with PDF/UA-1, tagged, no clock.
pub fn pdf_options(conformance: Conformance) -> Result<PdfOptions, Diagnostic> {
    let level = match conformance {
        Conformance::A2a => PdfStandard::A_2a,
        Conformance::A2b => PdfStandard::A_2b,
        Conformance::A3a => PdfStandard::A_3a,
        Conformance::A3b => PdfStandard::A_3b,
    };
    let standards = PdfStandards::new(&[level, PdfStandard::Ua_1])
        .map_err(|e| Diagnostic::error(tr!("pdf-standards-conflict", detail = format!("{e:?}"))))?;
    Ok(PdfOptions {
        ident: Smart::Auto,
        creator: Smart::Custom(Some(CREATOR.to_string())),
        timestamp: None,
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    })
}

/// At most 100 characters of a line, for messages.
fn excerpt(line: &str) -> String {
    match line.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

/// A Typst diagnostic in our terms, pointing into the generated source where it can.
fn convert(
    world: &DocWorld<'_>,
    d: &SourceDiagnostic,
    what: &str,
    severity: TypstSeverity,
) -> Diagnostic {
    let detail = d.message.as_str();
    let mut out = match severity {
        TypstSeverity::Error => {
            Diagnostic::error(tr!("typesetting-failed", what = what, detail = detail))
        }
        TypstSeverity::Warning => {
            Diagnostic::warning(tr!("typesetting-warning", what = what, detail = detail))
        }
    };
    if let Some(offset) = world.generated_offset(d.span) {
        let generated = world.generated();
        let before = generated.get(..offset).unwrap_or(generated);
        let line = before.matches('\n').count();
        let line_text = generated.lines().nth(line).unwrap_or("").trim();
        out = out.with_note(tr!(
            "typesetting-at-line",
            line = line + 1,
            text = excerpt(line_text)
        ));
        out.set_generated_offset(offset);
    }
    for hint in &d.hints {
        out = out.with_note(tr!("typesetting-hint", hint = hint.v.as_str()));
    }
    out.with_help(tr!("typesetting-failed.help"))
}

/// What the engine's unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    use typst_layout::PagedDocument;

    /// Typst source laid out by an engine of an empty project.
    pub fn laid_out(source: &str) -> PagedDocument {
        let dir = tempfile::tempdir().unwrap();
        let engine = super::Engine::new(dir.path()).unwrap();
        let laid = engine
            .lay_out(source.to_string(), "test", &[])
            .ok()
            .unwrap();
        laid.document
    }
}
