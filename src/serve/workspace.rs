//! The documents `sagsgen serve` shows: the project's case and meeting files, each
//! compiled on demand with the warm engine (fonts, templates and Typst's memoised work stay
//! loaded), kept with their pages as SVG, their PDF and their diagnostics, and compiled
//! again when a file they depend on changes. A broken save keeps the last good pages,
//! marked stale.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::case::Adgang;
use crate::diag::Diagnostic;
use crate::engine::Engine;
use crate::engine::svg_pages::SvgPage;
use crate::loader::{Document, Loader};
use crate::meeting::Edition;
use crate::project::Project;
use crate::render::templates::Templates;
use crate::tr;
use crate::typeset::Typesetter;
use crate::typeset::editions::{self, Making};

/// A document's edition: a case has one (`None`), a meeting six.
pub type EditionKey = Option<Edition>;

/// One compiled edition of a document.
pub struct Compiled {
    /// Bumped at each compile, so pages and clients know they changed.
    pub version: u64,
    /// The document's title for its page: the case's title, or the meeting's committee
    /// and date; the file's path when it cannot be read.
    pub title: String,
    /// The last good pages, kept through a broken save.
    pub pages: Vec<Page>,
    /// The PDF of the last good compile.
    pub pdf: Option<Arc<Vec<u8>>>,
    /// Whether the pages are from before the file's latest (broken) state.
    pub stale: bool,
    /// The problems of the latest compile, as sagsgen prints them.
    pub diagnostics: Vec<Shown>,
    /// Every file it was made from (to know when to compile it again).
    pub depends_on: HashSet<PathBuf>,
    /// Whether a file it was made from changed since: compiled again when next asked for.
    pub outdated: bool,
}

/// One page of a compiled edition: its SVG, the fingerprint of its layout and its size.
pub type Page = SvgPage;

/// A diagnostic as the page shows it.
#[derive(Debug, Clone)]
pub struct Shown {
    /// Whether it is an error.
    pub error: bool,
    /// File, line and column.
    pub position: Option<String>,
    /// The whole report: message, the offending line with a caret, help.
    pub text: String,
}

impl Shown {
    fn of(d: &Diagnostic) -> Self {
        let mut buffer = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
        d.emit(&mut buffer);
        Self {
            error: d.is_error(),
            position: d.position(),
            text: String::from_utf8_lossy(&buffer.into_inner()).into_owned(),
        }
    }
}

/// What the overview shows of a file.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its path from the project root, with `/`.
    pub rel: String,
    /// `beslutningssag`, `moede`, …
    pub kind: String,
    /// Its title (a meeting: committee and date).
    pub title: String,
    /// Its date, when it has one.
    pub date: Option<String>,
    /// `ok` (valid), `warnings` or `errors`.
    pub state: &'static str,
    /// What of it is closed to the public: `Lukket` for a closed case, the number of
    /// closed items for a meeting; `None` when all of it is open.
    pub closed: Option<String>,
}

/// The project, its engine and the documents compiled so far.
pub struct Workspace {
    project: Project,
    templates: Templates,
    engine: Engine,
    compiled: BTreeMap<(String, EditionKey), Compiled>,
    counter: u64,
    /// The project's documents, found once and again after each change on disk.
    listing: std::cell::RefCell<Option<Arc<Vec<String>>>>,
}

impl Workspace {
    /// Opens a project.
    pub fn open(root: &Path) -> Result<Self, Vec<Diagnostic>> {
        let project = Project::load(root)?;
        let engine = Engine::new(&project.root)
            .map_err(|d| vec![d])?
            .with_svg_pages();
        let templates = Templates::new(&project.root);
        let workspace = Self {
            project,
            templates,
            engine,
            compiled: BTreeMap::new(),
            counter: 0,
            listing: std::cell::RefCell::new(None),
        };
        // Found before the preview answers, so the first request finds every document.
        workspace.files();
        Ok(workspace)
    }

    /// The project's root.
    pub fn root(&self) -> &Path {
        &self.project.root
    }

    /// Every case and meeting file of the project, by path from the root, that lies
    /// inside the project (a link pointing out of it is not served).
    pub fn files(&self) -> Arc<Vec<String>> {
        if let Some(listing) = self.listing.borrow().as_ref() {
            return listing.clone();
        }
        let listing = Arc::new(self.find_files());
        *self.listing.borrow_mut() = Some(listing.clone());
        listing
    }

    fn find_files(&self) -> Vec<String> {
        let output = self.project.output_dir(None);
        let mut out: Vec<String> = self
            .project
            .input_folders()
            .iter()
            .flat_map(|folder| crate::output::inputs(folder, &output))
            .filter_map(|path| self.rel(&path))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A file's path from the root, when it is a file inside the project.
    fn rel(&self, path: &Path) -> Option<String> {
        let canonical = path.canonicalize().ok()?;
        let rel = canonical.strip_prefix(&self.project.root).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }

    /// The file behind a path from the root, when it is one of the project's documents.
    /// A path the list found before does not know is looked for once more: a file saved
    /// a moment ago is served before the watcher has told of it.
    pub fn document(&self, rel: &str) -> Option<PathBuf> {
        let listed = |files: &[String]| files.iter().any(|f| f == rel);
        if !listed(&self.files()) {
            *self.listing.borrow_mut() = None;
            if !listed(&self.files()) {
                return None;
            }
        }
        Some(self.project.root.join(rel))
    }

    /// The overview's list: every document with kind, title, date and state.
    pub fn overview(&self) -> Vec<Listed> {
        let loader = Loader::new(&self.project);
        self.files()
            .iter()
            .cloned()
            .map(|rel| {
                let loaded = loader.load(&self.project.root.join(&rel));
                let errors = loaded.diagnostics.iter().any(Diagnostic::is_error)
                    || loaded.included.iter().any(|i| i.document.is_none());
                let warnings = !loaded.diagnostics.is_empty();
                // What was compiled since the last change knows of problems that only
                // typesetting finds.
                let compiled_errors = self
                    .compiled
                    .iter()
                    .filter(|((r, _), c)| *r == rel && !c.outdated)
                    .any(|(_, c)| c.diagnostics.iter().any(|d| d.error));
                let (kind, title, date) = match &loaded.document {
                    Some(Document::Case(case)) => (
                        case.kind.name().to_string(),
                        case.titel.clone(),
                        case.dato.map(|d| d.short()),
                    ),
                    Some(Document::Meeting(m)) => (
                        "moede".to_string(),
                        m.udvalg.full.clone(),
                        Some(m.dato.short()),
                    ),
                    None => (
                        if loaded.is_meeting { "moede" } else { "?" }.to_string(),
                        rel.clone(),
                        None,
                    ),
                };
                Listed {
                    rel,
                    kind,
                    title,
                    date,
                    state: if errors || compiled_errors {
                        "errors"
                    } else if warnings {
                        "warnings"
                    } else {
                        "ok"
                    },
                    closed: loaded.document.as_ref().and_then(closed),
                }
            })
            .collect()
    }

    /// The editions a document has: one for a case, six for a meeting (one for a
    /// meeting that makes no documents, which says why).
    pub fn editions(&self, rel: &str) -> Vec<EditionKey> {
        let Some(path) = self.document(rel) else {
            return Vec::new();
        };
        // Recognising a meeting does not need its cases loaded.
        let loader = Loader::new(&self.project);
        if loader.case_file(&path).is_meeting && makes_documents(&path) {
            Edition::ALL.into_iter().map(Some).collect()
        } else {
            vec![None]
        }
    }

    /// A compiled edition, compiled when it is first asked for and again when asked for
    /// after a file it is made from changed.
    pub fn get(&mut self, rel: &str, edition: EditionKey) -> Option<&Compiled> {
        let key = (rel.to_string(), edition);
        if self.compiled.get(&key).is_none_or(|c| c.outdated) {
            self.compile(rel, edition)?;
        }
        self.compiled.get(&key)
    }

    /// The version of an edition compiled before, if it was.
    pub fn version(&self, rel: &str, edition: EditionKey) -> Option<u64> {
        self.compiled
            .get(&(rel.to_string(), edition))
            .map(|c| c.version)
    }

    /// Files changed: marks every edition made from one of them outdated; when the
    /// project's set-up changed (`sagsgen.toml`, templates, fonts), everything. Returns
    /// the documents that changed. An outdated edition is compiled when a page asks for
    /// it: the one the reader looks at first, and none that nobody looks at any more.
    pub fn changed(&mut self, paths: &[PathBuf]) -> Vec<String> {
        let root = self.project.root.clone();
        // A file may have come or gone: the list of documents is found again.
        *self.listing.borrow_mut() = None;
        let setup = paths.iter().any(|p| {
            let rel = p.strip_prefix(&root).unwrap_or(p);
            rel == Path::new("sagsgen.toml")
                || rel.starts_with("templates")
                || rel.starts_with("fonts")
        });
        if setup && let Ok(fresh) = Workspace::open(&root) {
            self.project = fresh.project;
            self.templates = fresh.templates;
            self.engine = fresh.engine;
        }
        let canonical: HashSet<PathBuf> = paths
            .iter()
            .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
            .collect();
        let mut docs = Vec::new();
        for ((rel, _), compiled) in &mut self.compiled {
            if setup || compiled.depends_on.iter().any(|d| canonical.contains(d)) {
                compiled.outdated = true;
                if !docs.contains(rel) {
                    docs.push(rel.clone());
                }
            }
        }
        docs
    }

    /// Compiles one edition; `None` when the file is not one of the project's documents.
    fn compile(&mut self, rel: &str, edition: EditionKey) -> Option<()> {
        let path = self.document(rel)?;
        self.counter += 1;
        let version = self.counter;
        let loader = Loader::new(&self.project);
        let loaded = loader.load(&path);
        let mut diagnostics: Vec<Diagnostic> = loaded.claimed_diagnostics();
        let mut depends_on: HashSet<PathBuf> = loaded
            .texts()
            .map(|(p, _)| p.to_path_buf())
            .chain(loaded.dependencies.iter().cloned())
            .collect();
        depends_on.insert(path.canonicalize().unwrap_or(path.clone()));
        let title = match &loaded.document {
            Some(Document::Case(case)) => case.titel.clone(),
            Some(Document::Meeting(m)) => format!("{} {}", m.udvalg.full, m.dato.long()),
            None => rel.to_string(),
        };
        let planned = match &loaded.document {
            Some(Document::Meeting(m)) if !m.has_documents() => Some(m.aflyst),
            _ => None,
        };
        if let Some(aflyst) = planned {
            diagnostics.push(
                Diagnostic::warning(if aflyst {
                    tr!("meeting-cancelled-no-documents")
                } else {
                    tr!("meeting-planned-no-documents")
                })
                .with_help(tr!("meeting-planned-no-documents.help")),
            );
        }
        let result = loaded.document.as_ref().and_then(|document| {
            let typesetter = Typesetter::new(&self.templates, &self.engine);
            let shown = crate::diag::shown_path(&path);
            let making = Making {
                typesetter: &typesetter,
                project: &self.project,
                what: &shown,
                write: false,
                keep_typst: false,
            };
            let mut diags = crate::diag::Diagnostics::default();
            let pdf = editions::preview(&making, document, edition, &mut diags);
            diagnostics.extend(diags.into_vec());
            pdf
        });
        // Typst's memoised work is what makes the next compile fast; what no compile has
        // used for a while goes.
        typst::comemo::evict(30);
        let previous = self.compiled.remove(&(rel.to_string(), edition));
        let compiled = match result {
            Some(pdf) => Compiled {
                version,
                title,
                pages: pdf.svg_pages,
                pdf: Some(Arc::new(pdf.bytes)),
                stale: false,
                diagnostics: diagnostics.iter().map(Shown::of).collect(),
                depends_on,
                outdated: false,
            },
            None => {
                let (pages, pdf) = previous.map_or((Vec::new(), None), |p| (p.pages, p.pdf));
                if planned.is_none() && diagnostics.iter().all(|d| !d.is_error()) {
                    diagnostics.push(Diagnostic::error(tr!("document-not-made")));
                }
                Compiled {
                    version,
                    title,
                    stale: !pages.is_empty(),
                    pages,
                    pdf,
                    diagnostics: diagnostics.iter().map(Shown::of).collect(),
                    depends_on,
                    outdated: false,
                }
            }
        };
        self.compiled.insert((rel.to_string(), edition), compiled);
        Some(())
    }
}

/// What of a document is closed to the public, as the overview marks it.
fn closed(document: &Document) -> Option<String> {
    match document {
        Document::Case(case) => (case.adgang == Adgang::Lukket).then(|| "Lukket".to_string()),
        Document::Meeting(meeting) => {
            let n = meeting
                .punkter
                .iter()
                .filter(|p| p.adgang() == Adgang::Lukket)
                .count();
            match n {
                0 => None,
                1 => Some("1 lukket punkt".to_string()),
                n => Some(format!("{n} lukkede punkter")),
            }
        }
    }
}

/// Whether a meeting file has items and is not cancelled, read from its text alone (the
/// edition switch needs no cases loaded); a file that does not parse counts as one that
/// does, and shows its errors in each edition.
fn makes_documents(path: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return true;
    };
    let Ok(table) = text.trim_start_matches('\u{feff}').parse::<toml::Table>() else {
        return true;
    };
    let items = table
        .get("punkter")
        .and_then(toml::Value::as_array)
        .is_some_and(|p| !p.is_empty());
    let cancelled = table.get("aflyst").and_then(toml::Value::as_bool) == Some(true);
    items && !cancelled
}
