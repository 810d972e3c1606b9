//! Rendering: case → view → minijinja templates → Typst source.

pub mod escape;
pub mod markdown;
pub mod markdown_html;
pub mod meeting_view;
pub mod record_view;
pub mod source_map;
pub mod templates;
pub mod view;

use crate::case::Case;
use crate::diag::Diagnostic;
use crate::project::Config;
use templates::{DOCUMENT_TEMPLATE, Templates};

/// Generates the Typst source of a standalone case document.
pub fn case_source(
    templates: &Templates,
    case: &Case,
    config: &Config,
) -> Result<templates::Rendered, Diagnostic> {
    templates.render(DOCUMENT_TEMPLATE, &view::document(case, config))
}
