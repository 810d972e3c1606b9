//! The minijinja environment: built-in templates embedded in the binary, overridable by a
//! file of the same name in the project's `templates/` folder; every value auto-escaped
//! for Typst markup unless it is already safe markup.

use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior, Value};
use serde::Serialize;

use super::escape;
use crate::diag::{Diagnostic, SourceText, shown_path};

/// The built-in templates: name → text.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "dokument.typ.j2",
        include_str!("../../templates/dokument.typ.j2"),
    ),
    ("stil.typ.j2", include_str!("../../templates/stil.typ.j2")),
    ("notat.typ.j2", include_str!("../../templates/notat.typ.j2")),
    ("sag.typ.j2", include_str!("../../templates/sag.typ.j2")),
    ("moede.typ.j2", include_str!("../../templates/moede.typ.j2")),
    (
        "forside.typ.j2",
        include_str!("../../templates/forside.typ.j2"),
    ),
];

const TYPST: AutoEscape = AutoEscape::Custom("typst");

/// The templates of one project.
pub struct Templates {
    env: Environment<'static>,
    dir: PathBuf,
}

impl Templates {
    /// Sets up the environment for a project root (its `templates/` folder overrides).
    pub fn new(root: &Path) -> Self {
        let dir = root.join("templates");
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        env.set_auto_escape_callback(|_| TYPST);
        env.set_formatter(format_value);
        env.add_filter("str", typst_string);
        let loader_dir = dir.clone();
        env.set_loader(move |name| load(&loader_dir, name));
        Self { env, dir }
    }

    /// Renders a template with a view, giving Typst source.
    pub fn render(&self, name: &str, view: &impl Serialize) -> Result<String, Diagnostic> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.diagnostic(&e))?;
        template.render(view).map_err(|e| self.diagnostic(&e))
    }

    /// The project's override file for a template, if it has one.
    pub fn override_path(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.join(name);
        path.is_file().then_some(path)
    }

    /// [`Self::locate`] for every diagnostic of a failed typesetting.
    pub fn locate_all(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics.into_iter().map(|d| self.locate(d)).collect()
    }

    /// Points a Typst error into the user's template override it came from, when exactly
    /// one line of one override could have produced the generated line it points at.
    pub fn locate(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        let Some(generated) = diagnostic.generated_line.clone() else {
            return diagnostic;
        };
        let mut found = Vec::new();
        for (name, _) in BUILTIN {
            let Some(path) = self.override_path(name) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (index, line) in text.lines().enumerate() {
                if could_produce(line.trim(), generated.trim()) {
                    found.push((path.clone(), text.clone(), index + 1));
                }
            }
        }
        if let [(path, text, line)] = found.as_slice() {
            let source = SourceText::new(shown_path(path), text.clone());
            let span = line_span(&source.text, *line);
            diagnostic.location = Some(crate::diag::Location {
                source,
                span: Some(span),
            });
            diagnostic.help = Some("this line of your template override produced invalid Typst; fix it, or delete the file to use the built-in template".into());
        }
        diagnostic
    }

    fn diagnostic(&self, error: &Error) -> Diagnostic {
        let error = innermost(error);
        let name = error.name().unwrap_or("?");
        let detail = error
            .detail()
            .map_or_else(|| error.kind().to_string(), str::to_string);
        let diag = Diagnostic::error(format!("template {name}: {detail}"));
        let Some(path) = self.override_path(name) else {
            return diag.with_note(format!(
                "in the built-in template {name}; this is a bug in sagsgen"
            ));
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let source = SourceText::new(shown_path(&path), text);
        let span = error
            .line()
            .map(|line| line_span(&source.text, line))
            .unwrap_or(0..0);
        diag.at(&source, span)
            .with_help("the project's own template overrides the built-in one; fix it, or delete it to use the built-in")
    }
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

/// Whether a template line could have rendered as `generated`: its literal parts appear in
/// order, with `{{ … }}` / `{% … %}` as gaps. Lines with too little literal text to tell
/// (a bare `{{ doc.tekst }}`) never match.
fn could_produce(template_line: &str, generated: &str) -> bool {
    let mut literals = Vec::new();
    let mut rest = template_line;
    while let Some(start) = rest
        .find(['{'])
        .filter(|&i| rest[i..].starts_with("{{") || rest[i..].starts_with("{%"))
    {
        literals.push(&rest[..start]);
        let close = if rest[start..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + 2..],
            None => return false,
        }
    }
    literals.push(rest);
    if literals.iter().map(|l| l.trim().len()).sum::<usize>() < 4 {
        return false;
    }
    let (first, last) = (literals[0], literals[literals.len() - 1]);
    if !generated.starts_with(first.trim_start()) || !generated.ends_with(last.trim_end()) {
        return false;
    }
    let mut at = 0;
    literals
        .iter()
        .all(|l| match generated[at..].find(l.trim()) {
            Some(i) => {
                at += i + l.trim().len();
                true
            }
            None => false,
        })
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

fn load(dir: &Path, name: &str) -> Result<Option<String>, Error> {
    if name.contains(['/', '\\']) || name.starts_with('.') {
        return Ok(None);
    }
    let path = dir.join(name);
    if path.is_file() {
        return std::fs::read_to_string(&path).map(Some).map_err(|e| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("cannot read {}: {e}", path.display()),
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

#[cfg(test)]
mod tests {
    use super::could_produce;

    #[test]
    fn template_lines_match_what_they_render() {
        assert!(could_produce("#let x = (1 + )", "#let x = (1 + )"));
        assert!(could_produce(
            "#heading(depth: 1)[{{ doc.titel }}]",
            "#heading(depth: 1)[Et notat]"
        ));
        assert!(could_produce(
            "{% if x %}#text(fill: nope)[{{ y }}]{% endif %}",
            "#text(fill: nope)[hej]"
        ));
        assert!(!could_produce(
            "#heading(depth: 2)[{{ x }}]",
            "#heading(depth: 1)[Et notat]"
        ));
        assert!(
            !could_produce("{{ doc.tekst }}", "anything at all"),
            "too little to tell"
        );
        assert!(!could_produce("", "#x"));
    }
}
