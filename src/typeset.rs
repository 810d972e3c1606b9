//! The one typesetting path: what PDFs a loaded document becomes ([`outputs`]), and how one
//! of them is made ([`Typesetter::typeset`]): its view through its template, compiled and
//! exported at a standard, with errors mapped back to the template override behind them.
//! `build`, meetings and `archive` all go through here; an archive copy is the same
//! document at PDF/A-3a with its source attached.

use serde::Serialize;

use crate::diag::{Diagnostic, SourceText, trace};
use crate::engine::{Engine, Laid, Pdf, Placement, Undrawable};
use crate::loader::Document;
use crate::meeting::Edition;
use crate::project::{Conformance, Project};
use crate::render::meeting_view::{self, Inspected, MeetingDocView};
use crate::render::templates::{DOCUMENT_TEMPLATE, MEETING_TEMPLATE, Templates};
use crate::render::view::{self, DocumentView, SourceFileView};

pub(crate) mod attachments;
pub mod editions;
mod paging;

use paging::{Paged, Paging};
pub use paging::{attachment_pages, same_pages};

/// What a PDF claims to conform to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// PDF/A at this level, with PDF/UA-1.
    Archival(Conformance),
    /// Tagged PDF 2.0 without a claim: reading packets embed other people's PDFs, which
    /// PDF/A and PDF/UA forbid.
    Packet,
}

/// The view a template is given.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum View {
    /// A standalone case document.
    Document(Box<DocumentView>),
    /// One edition of a meeting.
    Meeting(Box<MeetingDocView>),
}

/// What goes through a template, and which one.
pub trait Templated {
    /// The template it goes through.
    fn template(&self) -> &'static str;
}

impl Templated for View {
    fn template(&self) -> &'static str {
        match self {
            View::Document(_) => DOCUMENT_TEMPLATE,
            View::Meeting(_) => MEETING_TEMPLATE,
        }
    }
}

/// A meeting edition whose footers sagsgen draws, as the template sees it.
#[derive(Serialize)]
struct FootersDrawn<'a> {
    #[serde(flatten)]
    view: &'a View,
    sidefod_tegnes: bool,
}

impl Templated for FootersDrawn<'_> {
    fn template(&self) -> &'static str {
        self.view.template()
    }
}

impl Templated for Paged<'_> {
    fn template(&self) -> &'static str {
        self.view.template()
    }
}

impl View {
    /// Attaches the source file to the PDF (archive copies, PDF/A-3 only).
    pub fn attach_source(&mut self, source: SourceFileView) {
        match self {
            View::Document(v) => v.kilde = Some(source),
            View::Meeting(v) => v.kilde = Some(source),
        }
    }

    /// The title in the PDF's metadata.
    pub fn title(&self) -> &str {
        match self {
            View::Document(v) => &v.meta.titel,
            View::Meeting(v) => &v.meta.titel,
        }
    }
}

/// One PDF a document becomes.
#[derive(Debug)]
pub struct Output {
    /// The meeting edition, for a meeting; `None` for a case's one PDF.
    pub edition: Option<Edition>,
    /// What the template is given.
    pub view: View,
    /// What the PDF claims.
    pub standard: Standard,
}

/// The PDFs a document becomes in a build: a case's one; a meeting's six editions (none
/// for a planned or cancelled meeting). `pages` holds the page count of every attachment
/// the packets embed.
pub fn outputs(document: &Document, project: &Project, pages: &Inspected) -> Vec<Output> {
    let archival = Standard::Archival(project.config.conformance);
    match document {
        Document::Case(case) => vec![Output {
            edition: None,
            view: View::Document(Box::new(view::document(case, &project.config))),
            standard: archival,
        }],
        Document::Meeting(meeting) if !meeting.has_documents() => Vec::new(),
        Document::Meeting(meeting) => Edition::ALL
            .into_iter()
            .map(|edition| Output {
                edition: Some(edition),
                view: View::Meeting(Box::new(meeting_view::meeting(
                    meeting,
                    edition,
                    &project.config,
                    &project.root,
                    pages,
                    crate::render::view::Markup::Typst,
                ))),
                standard: if edition.is_packet() {
                    Standard::Packet
                } else {
                    archival
                },
            })
            .collect(),
    }
}

/// The archive copies of a document: its outputs that can be PDF/A (not the packets), as
/// PDF/A-3a with the source file attached.
pub fn archive_outputs(
    document: &Document,
    project: &Project,
    source: &SourceText,
    file_name: &str,
) -> Vec<Output> {
    outputs(document, project, &Inspected::new())
        .into_iter()
        .filter(|o| o.standard != Standard::Packet)
        .map(|mut o| {
            o.view.attach_source(SourceFileView {
                navn: file_name.to_string(),
                tekst: source.text.clone(),
            });
            o.standard = Standard::Archival(Conformance::A3a);
            o
        })
        .collect()
}

/// A typeset PDF, with the Typst it was made from when that was asked for.
pub struct Typeset {
    /// The PDF.
    pub pdf: Pdf,
    /// The generated Typst source (`--emit-typst`).
    pub typst: Option<String>,
}

/// A packet laid out and not yet exported ([`Typesetter::lay_out_packet`]).
pub struct LaidPacket<'a> {
    laid: Laid<'a>,
    typst: Option<String>,
}

/// `what` with the edition's file name, as messages name a meeting's document.
fn named(output: &Output, what: &str) -> String {
    match output.edition {
        Some(edition) => format!("{what} ({})", edition.file_stem()),
        None => what.to_string(),
    }
}

/// Templates and engine of a run, together.
pub struct Typesetter<'a> {
    templates: &'a Templates,
    engine: &'a Engine,
}

impl<'a> Typesetter<'a> {
    /// A typesetter over a run's templates and engine.
    pub fn new(templates: &'a Templates, engine: &'a Engine) -> Self {
        Self { templates, engine }
    }

    /// The engine (its file cache serves attachments to the checks before typesetting).
    pub fn engine(&self) -> &'a Engine {
        self.engine
    }

    /// Renders the output's view through its template and typesets it. `what` names the
    /// document in messages; `keep_typst` keeps the generated source.
    pub fn typeset(
        &self,
        output: &Output,
        what: &str,
        keep_typst: bool,
    ) -> Result<Typeset, Vec<Diagnostic>> {
        self.typeset_after(output, what, keep_typst, None)
    }

    /// [`Typesetter::typeset`], for a packet made after its plain agenda: `agenda` is where
    /// that agenda's items fell (its [`Pdf::placement`]), which tells the packet where its
    /// own will, so it needs no layout of its own to find out (see [`paging`]). An agenda
    /// that has a packet notes where its items fell.
    pub fn typeset_after(
        &self,
        output: &Output,
        what: &str,
        keep_typst: bool,
        agenda: Option<&Placement>,
    ) -> Result<Typeset, Vec<Diagnostic>> {
        let what = named(output, what);
        let view = &output.view;
        match output.standard {
            Standard::Archival(level) => {
                let labels = match output.edition.and_then(|e| e.packet()) {
                    Some(_) => paging::item_labels(view),
                    None => Vec::new(),
                };
                if let View::Meeting(_) = view
                    && let Some(made) =
                        self.footers_drawn(view, level, &what, &labels, keep_typst)?
                {
                    return Ok(made);
                }
                self.through(view, keep_typst, |source| {
                    self.engine.pdf(source, level, &what, &labels)
                })
                .map(|(pdf, typst)| Typeset { pdf, typst })
            }
            Standard::Packet => {
                let laid = self.packet(view, &what, keep_typst, agenda)?;
                self.finish_packet(laid)
            }
        }
    }

    /// Where an agenda's items fall ([`Pdf::placement`]), from its layout alone: what its
    /// packet needs of it, without exporting or drawing the agenda (the preview of a
    /// packet). The same layout as [`Typesetter::typeset_after`] makes of it, so Typst's
    /// caches serve both.
    pub fn agenda_placement(
        &self,
        output: &Output,
        what: &str,
    ) -> Result<Option<Placement>, Vec<Diagnostic>> {
        let what = named(output, what);
        let view = &output.view;
        let labels = paging::item_labels(view);
        let drawn = FootersDrawn {
            view,
            sidefod_tegnes: true,
        };
        let mut laid = self.laid(&drawn, &what, &labels)?;
        if laid.draw_marginals(&[]).is_ok() {
            return Ok(laid.placement().cloned());
        }
        // A template of the project's own whose cover has no footer: Typst's footers.
        self.through(view, false, |source| {
            self.engine.placement(source, &labels, &what)
        })
        .map(|(placement, _)| Some(placement))
    }

    /// A meeting edition laid out with a footer on its cover only, sagsgen drawing it,
    /// renumbered, on every later page (see `sidefod_tegnes` in moede.typ.j2): then every
    /// edition lays its items' pages out alike and shares their layout, and the packets need
    /// one Typst pass. `None` when the footers cannot be drawn (a template of the project's
    /// own that gives the cover none): the edition is then made with Typst's footers. The
    /// Typst written out (`--emit-typst`) has Typst's, so that Typst alone makes the pages.
    fn footers_drawn(
        &self,
        view: &View,
        level: Conformance,
        what: &str,
        labels: &[String],
        keep_typst: bool,
    ) -> Result<Option<Typeset>, Vec<Diagnostic>> {
        let drawn = FootersDrawn {
            view,
            sidefod_tegnes: true,
        };
        let mut laid = self.laid(&drawn, what, labels)?;
        match laid.draw_marginals(&[]) {
            Ok((_, footers)) => trace(format_args!("{what}: footer drawn on {footers} pages")),
            Err(Undrawable(why)) => {
                trace(format_args!(
                    "{what}: {why}; Typst lays out every page's footer"
                ));
                return Ok(None);
            }
        }
        let typst = keep_typst.then(|| self.source(view)).transpose()?;
        let pdf = self.engine.finish_archival(laid, level)?;
        Ok(Some(Typeset { pdf, typst }))
    }

    /// The first half of [`Typesetter::typeset_after`] for a packet: laid out, not yet
    /// exported, so that a packet laid out next reuses what Typst cached for this one (the
    /// public packet of a meeting with nothing closed has the same pages).
    pub fn lay_out_packet(
        &self,
        output: &Output,
        what: &str,
        keep_typst: bool,
        agenda: Option<&Placement>,
    ) -> Result<LaidPacket<'a>, Vec<Diagnostic>> {
        self.packet(&output.view, &named(output, what), keep_typst, agenda)
    }

    /// The second half: the laid-out packet as a PDF.
    pub fn finish_packet(&self, laid: LaidPacket<'a>) -> Result<Typeset, Vec<Diagnostic>> {
        let pdf = self.engine.finish_plain(laid.laid)?;
        Ok(Typeset {
            pdf,
            typst: laid.typst,
        })
    }

    /// A packet, its attachment pages numbered as text (see [`paging`]), laid out.
    fn packet(
        &self,
        view: &View,
        what: &str,
        keep_typst: bool,
        agenda: Option<&Placement>,
    ) -> Result<LaidPacket<'a>, Vec<Diagnostic>> {
        let counted_by_typst = || {
            self.through(view, keep_typst, |source| {
                self.engine.lay_out(source, what, &[])
            })
            .map(|(laid, typst)| LaidPacket { laid, typst })
        };
        let attachments = paging::attachments(view);
        if attachments.is_empty() {
            return counted_by_typst();
        }
        let labels: Vec<String> = attachments.iter().map(|a| a.label.clone()).collect();
        if let Some(agenda) = agenda
            && let Some((paging, expected)) =
                self.paging_from_agenda(view, agenda, &attachments, what)?
            && let Some(made) =
                self.numbered(view, &paging, &expected, &labels, what, keep_typst)?
        {
            trace(format_args!("{what} numbered from its agenda"));
            return Ok(made);
        }
        let found = self.laid_out(view, &Paging::draft(), &labels, what)?;
        if let Some((paging, expected)) = Paging::found(&found, &attachments)
            && let Some(made) =
                self.numbered(view, &paging, &expected, &labels, what, keep_typst)?
        {
            trace(format_args!("{what} numbered from a layout of its own"));
            return Ok(made);
        }
        // The printed numbers would be wrong (the pages fell differently once filled): make
        // it again, slower, with Typst counting.
        trace(format_args!("{what} numbered by Typst"));
        counted_by_typst()
    }

    /// The packet's numbers from its agenda's layout and its own cover and contents, laid
    /// out alone to count their pages.
    fn paging_from_agenda(
        &self,
        view: &View,
        agenda: &Placement,
        attachments: &[paging::Target],
        what: &str,
    ) -> Result<Option<(Paging, Placement)>, Vec<Diagnostic>> {
        let front = self.laid_out(view, &Paging::contents_only(), &[], what)?;
        let anchors = paging::item_anchors(view);
        Ok(Paging::from_agenda(
            front.pages,
            agenda,
            attachments,
            &anchors,
        ))
    }

    /// Where things fall in one of the layouts that find a packet's numbers (`pass`).
    fn laid_out(
        &self,
        view: &View,
        pass: &Paging,
        labels: &[String],
        what: &str,
    ) -> Result<Placement, Vec<Diagnostic>> {
        let paged = Paged {
            view,
            sidetal: pass,
        };
        self.through(&paged, false, |source| {
            self.engine.placement(source, labels, what)
        })
        .map(|(placement, _)| placement)
    }

    /// The packet laid out with `paging`'s numbers as text, if its labels fell where
    /// `expected` says (else the numbers printed would be wrong, and it is dropped).
    fn numbered(
        &self,
        view: &View,
        paging: &Paging,
        expected: &Placement,
        labels: &[String],
        what: &str,
        keep_typst: bool,
    ) -> Result<Option<LaidPacket<'a>>, Vec<Diagnostic>> {
        let paged = Paged {
            view,
            sidetal: paging,
        };
        let mut laid = self.laid(&paged, what, labels)?;
        if laid.placement() != Some(expected) {
            return Ok(None);
        }
        if paging.bare {
            match laid.draw_marginals(&paging.runs) {
                Ok((pages, footers)) => trace(format_args!(
                    "{what}: stamp and footer drawn on {pages} pages, footer on {footers}"
                )),
                Err(Undrawable(why)) => {
                    // A template of the project's own that does not give an attachment's
                    // first page both marginals: Typst lays them out on every page.
                    trace(format_args!(
                        "{what}: {why}; Typst lays out every page's marginals"
                    ));
                    let whole = paging.with_marginals();
                    return self.numbered(view, &whole, expected, labels, what, keep_typst);
                }
            }
        }
        // The Typst written out (`--emit-typst`) gives every page its marginals, so that
        // Typst alone makes the same pages from it; its lines are those laid out here.
        let typst = match keep_typst {
            true => Some(self.source(&Paged {
                view,
                sidetal: &paging.with_marginals(),
            })?),
            false => None,
        };
        Ok(Some(LaidPacket { laid, typst }))
    }

    /// `context` rendered through its template and laid out, with where `labels` fell.
    fn laid(
        &self,
        context: &(impl Serialize + Templated),
        what: &str,
        labels: &[String],
    ) -> Result<Laid<'a>, Vec<Diagnostic>> {
        self.through(context, false, |source| {
            self.engine.lay_out(source, what, labels)
        })
        .map(|(laid, _)| laid)
    }

    /// The Typst source `context` renders to.
    fn source(&self, context: &(impl Serialize + Templated)) -> Result<String, Vec<Diagnostic>> {
        self.templates
            .render(context.template(), context)
            .map(|rendered| rendered.source)
            .map_err(|d| vec![d])
    }

    /// Renders `context` through the view's template and hands the source to `make`; errors
    /// are mapped back to the template override behind them.
    fn through<T>(
        &self,
        context: &(impl Serialize + Templated),
        keep_typst: bool,
        make: impl FnOnce(String) -> Result<T, Vec<Diagnostic>>,
    ) -> Result<(T, Option<String>), Vec<Diagnostic>> {
        let rendered = self
            .templates
            .render(context.template(), context)
            .map_err(|d| vec![d])?;
        let typst = keep_typst.then(|| rendered.source.clone());
        let output = make(rendered.source)
            .map_err(|errors| self.templates.locate_all(errors, rendered.map.as_ref()))?;
        Ok((output, typst))
    }
}
