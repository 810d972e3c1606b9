//! The minijinja environment: built-in templates embedded in the binary, overridable by a
//! file of the same name in the project's `templates/` folder; every value auto-escaped
//! for Typst markup unless it is already safe markup.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior, Value};
use serde::Serialize;

use super::escape;
use super::source_map::{SourceMap, block_tags, instrument};
use crate::diag::{Diagnostic, SourceText, shown_path};
use crate::i18n::Message;
use crate::tr;

/// The template every standalone case document starts from.
pub const DOCUMENT_TEMPLATE: &str = "dokument.typ.j2";
/// The template every meeting edition starts from.
pub const MEETING_TEMPLATE: &str = "moede.typ.j2";

/// The built-in templates: name → text.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "dokument.typ.j2",
        include_str!("../../templates/dokument.typ.j2"),
    ),
    ("stil.typ.j2", include_str!("../../templates/stil.typ.j2")),
    (
        "dokumentinfo.typ.j2",
        include_str!("../../templates/dokumentinfo.typ.j2"),
    ),
    ("notat.typ.j2", include_str!("../../templates/notat.typ.j2")),
    ("sag.typ.j2", include_str!("../../templates/sag.typ.j2")),
    (
        "optegnelse.typ.j2",
        include_str!("../../templates/optegnelse.typ.j2"),
    ),
    ("moede.typ.j2", include_str!("../../templates/moede.typ.j2")),
    (
        "forside.typ.j2",
        include_str!("../../templates/forside.typ.j2"),
    ),
    (
        "site-base.html.j2",
        include_str!("../../templates/site-base.html.j2"),
    ),
    (
        "site-forside.html.j2",
        include_str!("../../templates/site-forside.html.j2"),
    ),
    (
        "site-udvalg.html.j2",
        include_str!("../../templates/site-udvalg.html.j2"),
    ),
    (
        "site-moede.html.j2",
        include_str!("../../templates/site-moede.html.j2"),
    ),
    (
        "site-sag.html.j2",
        include_str!("../../templates/site-sag.html.j2"),
    ),
    (
        "site-optegnelse.html.j2",
        include_str!("../../templates/site-optegnelse.html.j2"),
    ),
    (
        "site-soeg.html.j2",
        include_str!("../../templates/site-soeg.html.j2"),
    ),
    ("site.css", include_str!("../../templates/site.css")),
    ("site-soeg.js", include_str!("../../templates/site-soeg.js")),
];

const TYPST: AutoEscape = AutoEscape::Custom("typst");

/// The templates of one project.
pub struct Templates {
    env: Environment<'static>,
    /// The same templates with a mark at the end of each line, when the project has
    /// overrides: a Typst error can then be traced to the override line behind it.
    marked: Option<Environment<'static>>,
    /// Template names by the index their marks carry.
    names: Arc<Mutex<Vec<String>>>,
    dir: PathBuf,
}

/// Generated Typst source, with the map back to the template lines when there is one.
pub struct Rendered {
    /// The Typst source.
    pub source: String,
    /// Which template line produced which part of it (projects with overrides only).
    pub map: Option<SourceMap>,
}

impl Templates {
    /// Sets up the environment for a project root (its `templates/` folder overrides).
    pub fn new(root: &Path) -> Self {
        let dir = root.join("templates");
        let mut env = environment();
        let loader_dir = dir.clone();
        env.set_loader(move |name| load(&loader_dir, name));
        let names = Arc::new(Mutex::new(Vec::new()));
        let marked = has_overrides(&dir).then(|| {
            let mut env = environment();
            let (loader_dir, names) = (dir.clone(), names.clone());
            env.set_loader(move |name| {
                let text = load(&loader_dir, name)?;
                Ok(text.map(|text| instrument(register(&names, name), &text)))
            });
            env
        });
        Self {
            env,
            marked,
            names,
            dir,
        }
    }

    /// Renders a template with a view, giving Typst source.
    pub fn render(&self, name: &str, view: &impl Serialize) -> Result<Rendered, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(&e, None))?;
        let source = template
            .render(view)
            .map_err(|e| self.diagnostic(&e, Some(&Value::from_serialize(view))))?;
        let map = self.marked.as_ref().and_then(|env| {
            let marked = env.get_template(name).ok()?.render(view).ok()?;
            SourceMap::from_marked(&marked, &source)
        });
        Ok(Rendered { source, map })
    }

    /// Renders a web page template (`*.html.j2`, escaped for HTML) with a view.
    pub fn render_page(&self, name: &str, view: &impl Serialize) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(&e, None))?;
        template
            .render(view)
            .map_err(|e| self.diagnostic(&e, Some(&Value::from_serialize(view))))
    }

    /// A file of the website copied as it is (`site.css`, `site-soeg.js`): the project's
    /// own in `templates/`, else the built-in one.
    pub fn asset(&self, name: &str) -> Result<String, Diagnostic> {
        match load(&self.dir, name) {
            Ok(Some(text)) => Ok(text),
            Ok(None) => Err(Diagnostic::error(tr!("template-no-such", name = name))),
            Err(e) => Err(Diagnostic::error(tr!(
                "template-error",
                name = name,
                detail = e.detail().unwrap_or_default()
            ))),
        }
    }

    /// The project's override file for a template, if it has one.
    pub fn override_path(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.join(name);
        path.is_file().then_some(path)
    }

    /// [`Self::locate`] for every diagnostic of a failed typesetting.
    pub fn locate_all(
        &self,
        diagnostics: Vec<Diagnostic>,
        map: Option<&SourceMap>,
    ) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .map(|d| self.locate(d, map))
            .collect()
    }

    /// Points a Typst error into the user's template override whose line produced the
    /// generated Typst it points at (errors from the built-in templates stay as they are).
    pub fn locate(&self, mut diagnostic: Diagnostic, map: Option<&SourceMap>) -> Diagnostic {
        let Some((index, line)) = map
            .zip(diagnostic.generated_offset())
            .and_then(|(m, o)| m.lookup(o))
        else {
            return diagnostic;
        };
        let name = self.names.lock().ok().and_then(|n| n.get(index).cloned());
        let Some(path) = name.and_then(|n| self.override_path(&n)) else {
            return diagnostic;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return diagnostic;
        };
        let source = SourceText::new(shown_path(&path), text);
        let span = line_span(&source.text, line);
        diagnostic.location = Some(crate::diag::Location {
            source,
            span: Some(span),
        });
        diagnostic.help(tr!("template-invalid-typst"));
        diagnostic
    }

    /// A template error in the user's terms, pointing at the override it is in.
    /// `context` (the values the template was given) lets an undefined name get a
    /// did-you-mean.
    fn diagnostic(&self, error: &Error, context: Option<&Value>) -> Diagnostic {
        let error = innermost(error);
        let name = error.name().unwrap_or("?");
        let Some(path) = self.override_path(name) else {
            let detail = error
                .detail()
                .map_or_else(|| error.kind().to_string(), str::to_string);
            return Diagnostic::error(tr!("template-error", name = name, detail = detail))
                .with_note(tr!("template-built-in-bug", name = name));
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let source = SourceText::new(shown_path(&path), text);
        let span = error
            .range()
            .filter(|r| {
                source.text.get(r.clone()).is_some()
                    && error.template_source() == Some(&source.text)
            })
            .or_else(|| error.line().map(|line| line_span(&source.text, line)))
            .unwrap_or(0..0);
        if let Some((block, at)) = unclosed_block(error, &source.text) {
            return Diagnostic::error(tr!("template-unclosed-block", name = name, block = &block))
                .at(&source, at)
                .with_help(tr!("template-unclosed-block.help", block = block));
        }
        let code = source.text.get(span.clone()).unwrap_or("").trim();
        let (message, help) = explain_template_error(error, code, context);
        Diagnostic::error(tr!("template-error", name = name, detail = message))
            .at(&source, span)
            .with_help(help)
    }
}

/// What a template error means and what to do, for the kinds a template author meets.
fn explain_template_error(error: &Error, code: &str, context: Option<&Value>) -> (String, Message) {
    let detail = error
        .detail()
        .map_or_else(|| error.kind().to_string(), str::to_string);
    match error.kind() {
        ErrorKind::UndefinedError if !code.is_empty() && !code.contains(['{', '}', '\n']) => {
            let help = context.and_then(|c| nearest_value(c, code)).map_or_else(
                || tr!("template-undefined.help"),
                |near| tr!("did-you-mean", near = near),
            );
            (tr!("template-undefined", code = code).text, help)
        }
        ErrorKind::SyntaxError => (detail, tr!("template-syntax.help")),
        ErrorKind::UnknownFilter | ErrorKind::UnknownFunction | ErrorKind::UnknownTest => {
            (detail, tr!("template-unknown-filter.help"))
        }
        ErrorKind::TemplateNotFound => (
            detail,
            tr!(
                "template-not-found.help",
                templates = BUILTIN
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        _ => (detail, tr!("template-other.help")),
    }
}

/// For a template that ends inside a block: the block (`if`, `for`, …) and where it opens.
fn unclosed_block(error: &Error, text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let at_end = error.kind() == ErrorKind::SyntaxError
        && error.detail().is_some_and(|d| d.contains("end of input"));
    if !at_end {
        return None;
    }
    const BLOCKS: [&str; 8] = [
        "if", "for", "macro", "with", "block", "filter", "call", "raw",
    ];
    let mut open: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for (span, word) in block_tags(text) {
        if BLOCKS.contains(&word) {
            open.push((word.to_string(), span));
        } else if let Some(i) = word
            .strip_prefix("end")
            .and_then(|closed| open.iter().rposition(|(w, _)| w == closed))
        {
            open.truncate(i);
        }
    }
    open.pop()
}

/// `doc.titl` → `doc.titel`: the nearest name where an attribute path stops existing.
fn nearest_value(context: &Value, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('.').map(str::trim).collect();
    let mut current = context.clone();
    for (depth, part) in parts.iter().enumerate() {
        match current.get_attr(part) {
            Ok(next) if !next.is_undefined() => current = next,
            _ => {
                let keys: Vec<String> = current
                    .try_iter()
                    .ok()?
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect();
                let known: Vec<&str> = keys.iter().map(String::as_str).collect();
                let near = crate::input::fields::suggest(part, &known)?;
                let mut fixed: Vec<&str> = parts[..depth].to_vec();
                fixed.push(near);
                return Some(fixed.join("."));
            }
        }
    }
    None
}

/// An error in an included template is wrapped in its includer's: report the innermost.
fn innermost(error: &Error) -> &Error {
    let mut current = error;
    while let Some(inner) =
        std::error::Error::source(current).and_then(|e| e.downcast_ref::<Error>())
    {
        if inner.name().is_none() {
            break;
        }
        current = inner;
    }
    current
}

fn line_span(text: &str, line: usize) -> std::ops::Range<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

/// The environment's settings, shared by the plain and the marked one.
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Errors then carry the byte range of the failing expression.
    env.set_debug(true);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") {
            AutoEscape::Html
        } else {
            TYPST
        }
    });
    env.set_formatter(format_value);
    env.add_filter("str", typst_string);
    env
}

/// Whether the project's `templates/` folder holds any template.
fn has_overrides(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".j2"))
    })
}

/// The index of a template name in the marks, registering it the first time.
fn register(names: &Mutex<Vec<String>>, name: &str) -> usize {
    let Ok(mut names) = names.lock() else {
        return usize::MAX;
    };
    names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    })
}

fn load(dir: &Path, name: &str) -> Result<Option<String>, Error> {
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return Ok(None);
    }
    let path = dir.join(name);
    if path.is_file() {
        return std::fs::read_to_string(&path).map(Some).map_err(|e| {
            Error::new(
                ErrorKind::InvalidOperation,
                Diagnostic::cannot_read(&shown_path(&path), &e)
                    .message
                    .into_string(),
            )
        });
    }
    Ok(BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| text.to_string()))
}

/// Writes a value into Typst markup: safe values as they are, text escaped.
fn format_value(out: &mut minijinja::Output, state: &State, value: &Value) -> Result<(), Error> {
    if state.auto_escape() == TYPST && !value.is_safe() {
        if value.is_undefined() || value.is_none() {
            return Ok(());
        }
        let text = value.to_string();
        return out.write_str(&escape::markup(&text)).map_err(Error::from);
    }
    if value.is_undefined() || value.is_none() {
        // An absent value prints as nothing on a web page too.
        return Ok(());
    }
    if state.auto_escape() == AutoEscape::Html && !value.is_safe() {
        // The five characters HTML needs escaped, and no more: addresses keep their `/`.
        return out
            .write_str(&escape::html(&value.to_string()))
            .map_err(Error::from);
    }
    minijinja::escape_formatter(out, state, value)
}

/// `{{ x | str }}`: a Typst string literal.
fn typst_string(value: Value) -> Value {
    let text = if value.is_none() || value.is_undefined() {
        String::new()
    } else {
        value.to_string()
    };
    Value::from_safe_string(escape::string_literal(&text))
}
