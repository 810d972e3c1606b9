//! The one loader: a path in; the case or meeting it holds out, with every file its PDFs
//! depend on and every problem found. Each file is read and validated once per run, however
//! many commands, fingerprints and meetings ask for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use crate::case::{Body, Case, load_case};
use crate::diag::{Diagnostic, SourceText, shown_path};
use crate::input::{is_meeting, parse_toml, read_source};
use crate::meeting::{ItemCase, Meeting, load_meeting};
use crate::project::Project;

/// What a file turned out to hold.
#[derive(Debug)]
pub enum Document {
    /// A notat, beslutningssag or orienteringssag.
    Case(Arc<Case>),
    /// A committee meeting.
    Meeting(Box<Meeting>),
}

/// One file after loading.
#[derive(Debug)]
pub struct Loaded {
    /// The file (canonical where it exists).
    pub path: PathBuf,
    /// Its text as read; `None` when it could not be read, or when the loader was told
    /// not to keep texts (a batch needs only their hash; diagnostics keep their own).
    pub source: Option<Arc<SourceText>>,
    /// SHA-256 of its text, when it could be read (what incremental builds compare).
    pub text_hash: Option<String>,
    /// Whether it is a meeting file (`type = "moede"`), valid or not.
    pub is_meeting: bool,
    /// The document, when neither it nor any file it includes has errors.
    pub document: Option<Document>,
    /// The attachment files its PDFs embed or list (for a meeting, its cases'). The case
    /// files a meeting includes are in `included`, with their texts' hashes.
    pub dependencies: Vec<PathBuf>,
    /// Problems of this file itself, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The case files a meeting includes (their problems are theirs, reported once a run).
    pub included: Vec<Arc<Loaded>>,
    /// Whether some report has taken this file's problems to show (see [`Loaded::claim`]).
    claimed: AtomicBool,
}

impl Loaded {
    fn new(path: PathBuf, source: Option<Arc<SourceText>>) -> Self {
        let text_hash = source
            .as_ref()
            .map(|s| crate::digest::sha256(s.text.as_bytes()));
        Self {
            path,
            source,
            text_hash,
            is_meeting: false,
            document: None,
            dependencies: Vec::new(),
            diagnostics: Vec::new(),
            included: Vec::new(),
            claimed: AtomicBool::new(false),
        }
    }

    fn failed(path: PathBuf, source: Option<Arc<SourceText>>, diagnostic: Diagnostic) -> Self {
        let mut loaded = Self::new(path, source);
        loaded.diagnostics.push(diagnostic);
        loaded
    }

    /// The case, when the file is a valid case.
    pub fn case(&self) -> Option<&Arc<Case>> {
        match &self.document {
            Some(Document::Case(case)) => Some(case),
            _ => None,
        }
    }

    /// The meeting, when the file is a valid meeting.
    pub fn meeting(&self) -> Option<&Meeting> {
        match &self.document {
            Some(Document::Meeting(meeting)) => Some(meeting),
            _ => None,
        }
    }

    /// This file and the case files it includes, each with the hash of its text (`None`
    /// when it could not be read): what its PDFs depend on besides the attachments.
    pub fn texts(&self) -> impl Iterator<Item = (&Path, Option<&str>)> {
        std::iter::once(self)
            .chain(self.included.iter().map(AsRef::as_ref))
            .map(|l| (l.path.as_path(), l.text_hash.as_deref()))
    }

    /// Takes the right to show this file's problems: true for the first caller of a run
    /// only, so a case included by several meetings (or built on its own as well) has its
    /// problems said once — by file identity, not by comparing printed text.
    pub fn claim(&self) -> bool {
        !self.claimed.swap(true, Ordering::SeqCst)
    }

    /// This file's problems, preceded by those of the files it includes that no other
    /// report has shown yet.
    pub fn claimed_diagnostics(&self) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self
            .included
            .iter()
            .filter(|item| item.claim())
            .flat_map(|item| item.diagnostics.iter().cloned())
            .collect();
        out.extend(self.diagnostics.iter().cloned());
        out
    }
}

/// Loads the files of one run, each once.
pub struct Loader<'p> {
    project: &'p Project,
    /// Whether case texts are kept after loading (`archive` embeds them).
    keep_texts: bool,
    /// Files loaded as cases, by canonical path. A cell, so that a case asked for by a
    /// meeting and by the batch at the same moment is still read once.
    files: Mutex<HashMap<PathBuf, Arc<OnceLock<Arc<Loaded>>>>>,
    /// Texts read ahead of loading (a batch reads its meeting files first to plan the
    /// order it builds in), by canonical path; taken when the file is loaded, so it is
    /// still read once.
    read_ahead: Mutex<HashMap<PathBuf, Arc<SourceText>>>,
}

impl<'p> Loader<'p> {
    /// A loader for a project's files that keeps each file's text.
    pub fn new(project: &'p Project) -> Self {
        Self {
            project,
            keep_texts: true,
            files: Mutex::new(HashMap::new()),
            read_ahead: Mutex::new(HashMap::new()),
        }
    }

    /// A loader that lets go of a case's text once it is loaded: a batch of thousands of
    /// files needs the cases and the texts' hashes, not the texts.
    pub fn lean(project: &'p Project) -> Self {
        Self {
            keep_texts: false,
            ..Self::new(project)
        }
    }

    /// Loads an input file: a case (shared with the meetings that include it) or a meeting.
    pub fn load(&self, path: &Path) -> Arc<Loaded> {
        self.as_input(self.case_file(path))
    }

    /// A file read as a case, as an input: a meeting file is loaded as the meeting it is.
    fn as_input(&self, loaded: Arc<Loaded>) -> Arc<Loaded> {
        match (&loaded.source, loaded.is_meeting) {
            (Some(source), true) => Arc::new(self.meeting_file(&loaded.path, source)),
            _ => loaded,
        }
    }

    /// Loads an input file the run needs once more at most: a case a meeting loaded before
    /// is handed over and forgotten here (it lives as long as the meeting and this file's
    /// build need it); any other case is loaded without being kept. So a batch holds only
    /// what is being built and what meetings loaded, not every case it has seen.
    pub fn take(&self, path: &Path) -> Arc<Loaded> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let cell = self
            .files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&key);
        let loaded = match cell.and_then(|cell| cell.get().cloned()) {
            Some(loaded) => loaded,
            None => Arc::new(self.read_case(key)),
        };
        self.as_input(loaded)
    }

    /// Reads a file's text ahead of loading it; the load takes this text instead of
    /// reading the file again. `None` when it cannot be read (the load will say why).
    pub fn read_ahead(&self, path: &Path) -> Option<Arc<SourceText>> {
        let key = path.canonicalize().ok()?;
        crate::diag::trace(format_args!("reading {}", shown_path(&key)));
        let source = read_source(&key, &shown_path(&key)).ok()?;
        self.read_ahead
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, source.clone());
        Some(source)
    }

    /// A file as a meeting's item: loaded once per run. A meeting file is recognised but
    /// not loaded here, so no meeting can include itself through another.
    pub fn case_file(&self, path: &Path) -> Arc<Loaded> {
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let cell = {
            let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
            files.entry(key.clone()).or_default().clone()
        };
        cell.get_or_init(|| Arc::new(self.read_case(key))).clone()
    }

    fn read_case(&self, path: PathBuf) -> Loaded {
        let shown = shown_path(&path);
        let ahead = self
            .read_ahead
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&path);
        let read = match ahead {
            Some(source) => Ok(source),
            None => {
                crate::diag::trace(format_args!("reading {shown}"));
                read_source(&path, &shown)
            }
        };
        let source = match read {
            Ok(source) => source,
            Err(d) => return Loaded::failed(path, None, d),
        };
        let table = match parse_toml(&source) {
            Ok(table) => table,
            Err(d) => return Loaded::failed(path, Some(source.clone()), d),
        };
        let mut loaded = Loaded::new(path, Some(source.clone()));
        if is_meeting(table.get_ref()) {
            loaded.is_meeting = true;
            return loaded;
        }
        let file = load_case(self.project, &source, table.get_ref(), &loaded.path);
        loaded.diagnostics = file.diagnostics;
        if let Some(case) = file.case {
            loaded.dependencies = attachments(&case);
            loaded.document = Some(Document::Case(Arc::new(case)));
        }
        if !self.keep_texts {
            loaded.source = None;
        }
        loaded
    }

    /// A meeting file whose text was read by [`Self::case_file`]. Its TOML is parsed a second
    /// time here (microseconds; the parsed table borrows the text, so it cannot be kept).
    fn meeting_file(&self, path: &Path, source: &Arc<SourceText>) -> Loaded {
        let mut loaded = Loaded::new(path.to_path_buf(), Some(source.clone()));
        loaded.is_meeting = true;
        let table = match parse_toml(source) {
            Ok(table) => table,
            Err(d) => {
                loaded.diagnostics.push(d);
                return loaded;
            }
        };
        // The items' case files, each loaded once per run, kept with the meeting (their
        // diagnostics are reported with them, their attachments are its dependencies).
        let mut included = Vec::new();
        let mut case_of = |path: &Path| {
            let case = self.case_file(path);
            if case.is_meeting {
                return ItemCase::Meeting;
            }
            included.push(case.clone());
            match case.case() {
                Some(case) => ItemCase::Case(case.clone()),
                None if case.text_hash.is_none() => ItemCase::Unreadable,
                None => ItemCase::Errors,
            }
        };
        let file = load_meeting(self.project, &mut case_of, source, table.get_ref(), path);
        loaded.diagnostics = file.diagnostics;
        loaded.dependencies = included
            .iter()
            .flat_map(|item| item.dependencies.iter().cloned())
            .collect();
        loaded.included = included;
        loaded.document = file.meeting.map(|m| Document::Meeting(Box::new(m)));
        loaded
    }
}

/// The attachment files of a case.
fn attachments(case: &Case) -> Vec<PathBuf> {
    match &case.body {
        Body::Sag(sag) => sag.bilag.iter().filter_map(|b| b.fil.clone()).collect(),
        Body::Notat(_) => Vec::new(),
    }
}
