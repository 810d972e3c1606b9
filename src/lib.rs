//! sagsgen turns case definitions written in TOML into the PDF documents of a Danish
//! municipality's committee secretariat: notater, beslutningssager and orienteringssager.
//!
//! The pipeline, one module per step:
//!
//! ```text
//! case.toml ─input─▶ spanned TOML ─case─▶ validated Case ─render::view─▶ template view
//!   ─render::templates (minijinja, every value Typst-escaped)─▶ Typst source
//!   ─engine (Typst in-process, sandboxed World, embedded fonts)─▶ PDF/A + PDF/UA bytes
//!   ─build (parallel batch, atomic writes)─▶ output/…/case.pdf
//! ```
//!
//! Every problem on the way is a [`diag::Diagnostic`] naming file, line and column.

pub mod archive;
pub mod batch;
pub mod case;
pub mod cli;
pub(crate) mod committee;
pub(crate) mod danish;
pub(crate) mod dates;
pub mod diag;
pub(crate) mod digest;
pub mod engine;
pub mod export_format;
pub(crate) mod field_table;
pub mod i18n;
pub mod import;
pub mod input;
pub(crate) mod loader;
pub(crate) mod meeting;
pub mod output;
pub mod project;
pub mod render;
pub(crate) mod scaffold;
pub mod serve;
pub mod site;
pub(crate) mod typeset;
