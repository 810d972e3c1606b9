//! The one diagnostic type: every problem sagsgen reports (TOML syntax, fields, semantics,
//! templates, Typst) is a [`Diagnostic`], printed one way, rustc-style.

use std::fmt;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Buffer, ColorChoice, StandardStream, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::i18n::Message;
use crate::tr;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input is wrong; nothing is written for it.
    Error,
    /// The input is accepted, but probably not what the user meant.
    Warning,
}

/// A file's text as it was read, shared by every diagnostic that points into it.
#[derive(Debug)]
pub struct SourceText {
    /// The path as shown to the user (relative to where sagsgen runs, where possible).
    pub shown: String,
    /// The text, lossily decoded if the file was not UTF-8.
    pub text: String,
}

impl SourceText {
    /// Wraps a file's display name and text.
    pub fn new(shown: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            shown: shown.into(),
            text: text.into(),
        })
    }

    /// 1-based line and column of a byte offset (column counted in characters).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Where a diagnostic points: a file, and a byte range in it where one is known.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file's text (for the snippet) and display name.
    pub source: Arc<SourceText>,
    /// The byte range the problem is at, if known.
    pub span: Option<Range<usize>>,
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The message's stable machine code (its id in the message files), in every language.
    pub code: &'static str,
    /// One plain sentence in the user's terms.
    pub message: Box<str>,
    /// Where, if the problem is in a file.
    pub location: Option<Location>,
    /// A file path to name when there is no source text to show (e.g. unreadable files).
    pub path: Option<Box<Path>>,
    /// What to do about it, where known.
    pub help: Option<Box<str>>,
    /// Extra lines of context.
    pub notes: Box<[String]>,
    /// For a Typst error: one past the byte offset in the generated Typst it points at (see
    /// [`Diagnostic::generated_offset`]); four bytes, so that a diagnostic stays small
    /// enough to return by value.
    generated_at: Option<std::num::NonZeroU32>,
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: Message) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: Message) -> Self {
        Self::new(Severity::Warning, message)
    }

    fn new(severity: Severity, message: Message) -> Self {
        Self {
            severity,
            code: message.code,
            message: message.text.into_boxed_str(),
            location: None,
            path: None,
            // The message's own help; a place that knows better says so with `with_help`.
            help: message.help.map(String::into_boxed_str),
            notes: Box::default(),
            generated_at: None,
        }
    }

    /// `<file> kan ikke læses: <why>`: a file that could not be read, named as the user
    /// sees it (see [`shown_path`]).
    pub fn cannot_read(file: &str, error: &std::io::Error) -> Self {
        Self::error(tr!(
            "cannot-read",
            file = file,
            reason = crate::i18n::io_error(error)
        ))
    }

    /// `<file> kan ikke skrives: <why>`: a file that could not be written.
    pub fn cannot_write(file: &str, error: &std::io::Error) -> Self {
        Self::error(tr!(
            "cannot-write",
            file = file,
            reason = crate::i18n::io_error(error)
        ))
    }

    /// Points the diagnostic at a byte range of a source file.
    pub fn at(mut self, source: &Arc<SourceText>, span: Range<usize>) -> Self {
        self.location = Some(Location {
            source: source.clone(),
            span: Some(span),
        });
        self
    }

    /// Names the file the diagnostic is about, without a position.
    pub fn in_file(mut self, source: &Arc<SourceText>) -> Self {
        self.location = Some(Location {
            source: source.clone(),
            span: None,
        });
        self
    }

    /// Names a path the diagnostic is about when its text is not available.
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into().into_boxed_path());
        self
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(help.text.into_boxed_str());
        self
    }

    /// Adds a hint to a diagnostic already recorded (see [`Self::with_help`]).
    pub fn help(&mut self, help: Message) -> &mut Self {
        self.help = Some(help.text.into_boxed_str());
        self
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: Message) -> Self {
        let mut notes = std::mem::take(&mut self.notes).into_vec();
        notes.push(note.text);
        self.notes = notes.into_boxed_slice();
        self
    }

    /// For a Typst error: the byte offset in the generated Typst it points at, so that the
    /// template layer can point it into a user's template override instead.
    pub fn generated_offset(&self) -> Option<usize> {
        self.generated_at.map(|at| at.get() as usize - 1)
    }

    /// Records where in the generated Typst the error is (see [`Self::generated_offset`]).
    pub fn set_generated_offset(&mut self, offset: usize) {
        self.generated_at = u32::try_from(offset + 1)
            .ok()
            .and_then(std::num::NonZeroU32::new);
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` (or just the file) for one-line summaries.
    pub fn position(&self) -> Option<String> {
        match &self.location {
            Some(Location {
                source,
                span: Some(span),
            }) => {
                let (line, col) = source.line_col(span.start);
                Some(format!("{}:{line}:{col}", source.shown))
            }
            Some(Location { source, span: None }) => Some(source.shown.clone()),
            None => self.path.as_ref().map(|p| p.display().to_string()),
        }
    }

    /// Renders the diagnostic, rustc-style, with the offending line and a caret, and the
    /// level (`fejl`, `advarsel`) in the run's language.
    pub fn emit(&self, out: &mut dyn WriteColor) {
        let file = match &self.location {
            Some(loc) => SimpleFile::new(loc.source.shown.clone(), loc.source.text.as_str()),
            None => SimpleFile::new(String::new(), ""),
        };
        let config = Config::default();
        let mut buffer = if out.supports_color() {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        // Rendering into memory cannot fail.
        let _ = term::emit(&mut buffer, &config, &file, &self.to_codespan());
        let rendered = String::from_utf8_lossy(buffer.as_slice());
        // codespan names the level in English, always as the first word of the first line
        // (after colour codes): say it in the run's language instead.
        let (english, own) = (self.english_level(), self.level());
        let rendered = rendered.replacen(english, &own, 1);
        // Writing to a terminal only fails when the stream is gone; nothing to do then.
        let _ = out.write_all(rendered.as_bytes());
    }

    fn english_level(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The level word in the run's language: `fejl` or `advarsel`.
    pub fn level(&self) -> String {
        match self.severity {
            Severity::Error => tr!("level-error").text,
            Severity::Warning => tr!("level-warning").text,
        }
    }

    fn to_codespan(&self) -> CsDiagnostic<()> {
        let mut d = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_message(self.headline());
        if let Some(Location {
            source,
            span: Some(span),
        }) = &self.location
        {
            let span = clamp_span(&source.text, span.clone());
            d = d.with_labels(vec![Label::primary((), span)]);
        }
        let mut notes: Vec<String> = self.notes.to_vec();
        if let Some(help) = &self.help {
            notes.push(tr!("level-help", help = &**help).text);
        }
        d.with_notes(notes)
    }

    /// The message, prefixed with the file when there is no snippet to show it.
    fn headline(&self) -> String {
        match (&self.location, self.position()) {
            (Some(Location { span: Some(_), .. }), _) | (_, None) => self.message.to_string(),
            (_, Some(position)) => format!("{position}: {}", self.message),
        }
    }
}

fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    start..end
}

impl fmt::Display for Diagnostic {
    /// A one-line form: `fejl: file:line:col: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = self.level();
        match self.position() {
            Some(pos) => write!(f, "{level}: {pos}: {}", self.message),
            None => write!(f, "{level}: {}", self.message),
        }
    }
}

/// The problems of one piece of work, collected as they are found — the one way sagsgen
/// fails: a step records what is wrong here and returns [`Failed`] when it cannot go on,
/// so every problem of a file is reported, not only the first.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

/// A step stopped because of errors it recorded in [`Diagnostics`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed;

impl Diagnostics {
    /// A collector holding these problems already.
    pub fn from_vec(list: Vec<Diagnostic>) -> Self {
        Self(list)
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Records an error that stops the step: `return Err(diags.fail(d))`.
    pub fn fail(&mut self, error: Diagnostic) -> Failed {
        self.0.push(error);
        Failed
    }

    /// Records several problems.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(diagnostics);
    }

    /// The problems, in the order found.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MessageFormat {
    /// For people: rustc-style, with the offending line and a caret, on standard error.
    #[default]
    Human,
    /// For tools: one JSON object per line on standard output.
    Json,
}

static FORMAT: std::sync::OnceLock<MessageFormat> = std::sync::OnceLock::new();

/// Chooses the message format for the whole run (once, at start-up).
pub fn set_format(format: MessageFormat) {
    let _ = FORMAT.set(format);
}

/// The message format chosen for the run (human when none was).
pub fn format() -> MessageFormat {
    FORMAT.get().copied().unwrap_or(MessageFormat::Human)
}

impl Diagnostic {
    /// The diagnostic as JSON: severity, code, message, file, line, column, end, help, notes.
    pub fn to_json(&self) -> serde_json::Value {
        let (file, start, end) = match &self.location {
            Some(Location {
                source,
                span: Some(span),
            }) => (
                Some(source.shown.clone()),
                Some(source.line_col(span.start)),
                Some(source.line_col(span.end)),
            ),
            Some(Location { source, span: None }) => (Some(source.shown.clone()), None, None),
            None => (
                self.path.as_ref().map(|p| p.display().to_string()),
                None,
                None,
            ),
        };
        serde_json::json!({
            "severity": if self.is_error() { "error" } else { "warning" },
            "code": self.code,
            "message": self.message,
            "file": file,
            "line": start.map(|(l, _)| l),
            "column": start.map(|(_, c)| c),
            "end_line": end.map(|(l, _)| l),
            "end_column": end.map(|(_, c)| c),
            "help": self.help.as_deref(),
            "notes": self.notes,
        })
    }
}

/// Prints diagnostics: to standard error for people (coloured on a terminal), or as JSON
/// lines on standard output with `--message-format json`.
pub fn print(diagnostics: &[Diagnostic], color: ColorChoice) {
    if FORMAT.get() == Some(&MessageFormat::Json) {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for d in diagnostics {
            let _ = writeln!(out, "{}", d.to_json());
        }
        return;
    }
    let stream = StandardStream::stderr(color);
    let mut lock = stream.lock();
    for d in diagnostics {
        d.emit(&mut lock);
    }
}

/// A path as the user should see it: relative to the working directory where possible.
pub fn shown_path(path: &Path) -> String {
    // Windows gives canonical paths as `\\?\C:\…`, which neither reads well nor starts
    // with the current folder as Windows gives it (`C:\…`).
    let path = dunce::simplified(path);
    let cwd = std::env::current_dir().ok();
    let rel = cwd
        .as_deref()
        .and_then(|cwd| path.strip_prefix(dunce::simplified(cwd)).ok())
        .unwrap_or(path);
    // `./cases/x.toml` and `cases/x.toml` are the same file: show it one way.
    let clean: PathBuf = rel
        .components()
        .filter(|c| *c != std::path::Component::CurDir)
        .collect();
    if clean.as_os_str().is_empty() {
        // The working directory itself.
        return ".".to_string();
    }
    clean.display().to_string()
}

/// Says what the program chose where each choice gives the same output and only its speed
/// differs — so only a test can see it (debug builds, with `SAGSGEN_TEST_TRACE` set; a
/// change that lost the fast choice would otherwise go unnoticed). Nothing in release builds.
pub(crate) fn trace(message: std::fmt::Arguments<'_>) {
    #[cfg(debug_assertions)]
    if std::env::var_os("SAGSGEN_TEST_TRACE").is_some() {
        eprintln!("trace: {message}");
    }
    #[cfg(not(debug_assertions))]
    let _ = message;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_shown_from_the_working_directory_and_the_directory_itself_as_a_dot() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(shown_path(&cwd), ".");
        assert_eq!(
            shown_path(&cwd.join("cases").join("a.toml")),
            format!("cases{}a.toml", std::path::MAIN_SEPARATOR)
        );
        assert_eq!(shown_path(Path::new("./cases")), "cases");
    }

    #[test]
    fn the_level_is_said_in_the_run_language_and_json_keeps_the_code() {
        let d = Diagnostic::error(tr!("file-not-utf8"));
        assert_eq!(d.to_string(), "fejl: filen er ikke gemt som UTF-8-tekst");
        let mut out = codespan_reporting::term::termcolor::Buffer::no_color();
        d.emit(&mut out);
        assert_eq!(
            String::from_utf8(out.into_inner()).unwrap(),
            "fejl: filen er ikke gemt som UTF-8-tekst\n = hjælp: gem filen som UTF-8 (i de fleste programmer: \"Gem med kodning\" → UTF-8)\n\n"
        );
        // In colour too: the level word sits between colour codes.
        let mut coloured = codespan_reporting::term::termcolor::Buffer::ansi();
        d.emit(&mut coloured);
        let coloured = String::from_utf8(coloured.into_inner()).unwrap();
        assert!(coloured.contains("fejl\u{1b}"), "{coloured:?}");
        assert!(!coloured.contains("error"), "{coloured:?}");
        let json = d.to_json();
        assert_eq!(json["code"], "file-not-utf8");
        assert_eq!(json["severity"], "error");
    }
}
