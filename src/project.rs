//! The project: its root folder and its `sagsgen.toml` (organisation, committees, PDF level).

pub mod schema;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

use crate::committee::Committees;
use crate::diag::{Diagnostic, SourceText, shown_path};
use crate::input::fields::{Fields, Reader};
use crate::input::read_source;
use crate::tr;

/// The name of the project file at the root.
pub const CONFIG_FILE: &str = "sagsgen.toml";

/// The organisation printed in every page header.
#[derive(Debug, Clone, Default)]
pub struct Organisation {
    /// Its name, e.g. "Eksempel Kommune".
    pub navn: String,
    /// The logo, relative to the project root.
    pub logo: Option<String>,
    /// Its address.
    pub adresse: Option<String>,
}

/// `[site]`: how the public website is published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteConfig {
    /// Where the site is published (`https://dagsordener.eksempel.dk`), without a trailing
    /// slash: the open data's ids and the feeds' addresses start with it.
    pub adresse: Option<String>,
    /// The organisation's accessibility statement (tilgængelighedserklæring), linked from
    /// every page.
    pub tilgaengelighedserklaering: Option<String>,
    /// The licence of the open data, as an address.
    pub licens: Option<String>,
}

/// The PDF/A level documents are written in (PDF/UA-1 is always added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Conformance {
    /// PDF/A-2a (accessible), the default.
    #[default]
    A2a,
    /// PDF/A-2b (basic).
    A2b,
    /// PDF/A-3a.
    A3a,
    /// PDF/A-3b.
    A3b,
}

impl Conformance {
    /// The spellings accepted in `[pdf] standard`.
    pub const NAMES: [&'static str; 4] = ["a-2a", "a-2b", "a-3a", "a-3b"];

    /// Parses `a-2a` etc.
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "a-2a" => Some(Self::A2a),
            "a-2b" => Some(Self::A2b),
            "a-3a" => Some(Self::A3a),
            "a-3b" => Some(Self::A3b),
            _ => None,
        }
    }

    /// The name as written in `sagsgen.toml`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::A2a => "a-2a",
            Self::A2b => "a-2b",
            Self::A3a => "a-3a",
            Self::A3b => "a-3b",
        }
    }
}

/// Everything `sagsgen.toml` says, or the built-in defaults.
#[derive(Debug, Clone)]
pub struct Config {
    /// `[organisation]`.
    pub organisation: Organisation,
    /// `[udvalg]`: abbreviation → full name.
    pub committees: Committees,
    /// `[pdf] standard`.
    pub conformance: Conformance,
    /// `[import.overskrifter]`: section captions of imported agendas → what they become
    /// (a field, `afsnit` or `beslutning`), asked before the built-in table.
    pub import_captions: Vec<(String, String)>,
    /// `[import.formater]`: XML exports the project describes, tried before the built-in
    /// readers.
    pub import_formats: Vec<crate::export_format::ExportFormat>,
    /// `[site]`.
    pub site: SiteConfig,
}

/// A project: where it lives and how it is configured.
#[derive(Debug, Clone)]
pub struct Project {
    /// The project root (canonical); nothing outside it is read.
    pub root: PathBuf,
    /// The configuration.
    pub config: Config,
    /// The text of `sagsgen.toml`, when there is one (its bytes count for rebuilds).
    pub config_text: Option<Arc<SourceText>>,
}

/// Where the build's PDFs go for the project at `root`: the folder `asked` for, else
/// `output/` in it.
pub fn output_dir(root: &Path, asked: Option<&Path>) -> PathBuf {
    asked.map_or_else(|| root.join(OUTPUT_FOLDER), Path::to_path_buf)
}

/// The folder of a project that holds the build's PDFs unless `--output` says otherwise.
pub const OUTPUT_FOLDER: &str = "output";

impl Project {
    /// Loads the project at `root`, reading `sagsgen.toml` if present.
    pub fn load(root: &Path) -> Result<Self, Vec<Diagnostic>> {
        let root = root.canonicalize().map_err(|e| {
            vec![
                Diagnostic::error(tr!(
                    "project-unreadable",
                    reason = crate::i18n::io_error(&e)
                ))
                .with_path(root),
            ]
        })?;
        let path = root.join(CONFIG_FILE);
        if !path.exists() {
            return Ok(Self {
                root,
                config: Config::default(),
                config_text: None,
            });
        }
        let source = read_source(&path, &shown_path(&path)).map_err(|d| vec![d])?;
        let config = parse_config(&source, &root)?;
        Ok(Self {
            root,
            config,
            config_text: Some(source),
        })
    }

    /// Where the build's PDFs go: the folder `asked` for (`--output`), else `output/` in
    /// the project.
    pub fn output_dir(&self, asked: Option<&Path>) -> PathBuf {
        output_dir(&self.root, asked)
    }

    /// The folders a command works on when it is given no path: `cases/` and `moeder/`,
    /// those that exist (empty when neither does).
    pub fn input_folders(&self) -> Vec<PathBuf> {
        INPUT_FOLDERS
            .iter()
            .map(|name| self.root.join(name))
            .filter(|dir| dir.is_dir())
            .collect()
    }

    /// Finds the project root: the nearest folder at or above `start` holding
    /// `sagsgen.toml`, or `fallback` when there is none.
    pub fn find_root(start: &Path, fallback: &Path) -> PathBuf {
        let start = start.canonicalize().unwrap_or_else(|_| start.to_path_buf());
        start
            .ancestors()
            .find(|dir| dir.join(CONFIG_FILE).is_file())
            .map_or_else(|| fallback.to_path_buf(), Path::to_path_buf)
    }
}

impl Default for Config {
    /// The built-in defaults used when a project has no `sagsgen.toml`.
    fn default() -> Self {
        Self {
            organisation: Organisation::default(),
            committees: Committees::defaults(),
            conformance: Conformance::default(),
            import_captions: Vec::new(),
            import_formats: Vec::new(),
            site: SiteConfig::default(),
        }
    }
}

/// Where a project keeps its case files and its meeting files.
pub const INPUT_FOLDERS: &[&str] = &["cases", MEETINGS_FOLDER];

/// The folder meeting files are kept in (`sagsgen import` and `sagsgen ny moede` write
/// them there).
pub const MEETINGS_FOLDER: &str = "moeder";

pub(crate) const TOP_FIELDS: &[&str] = &["organisation", "udvalg", "pdf", "import", "site"];
pub(crate) const SITE_FIELDS: &[&str] = &["adresse", "tilgaengelighedserklaering", "licens"];
pub(crate) const IMPORT_FIELDS: &[&str] = &["overskrifter", "formater"];
pub(crate) const ORG_FIELDS: &[&str] = &["navn", "logo", "adresse"];
pub(crate) const PDF_FIELDS: &[&str] = &["standard"];

fn parse_config(source: &Arc<SourceText>, root: &Path) -> Result<Config, Vec<Diagnostic>> {
    let table = crate::input::parse_toml(source).map_err(|d| vec![d])?;
    let mut reader = Reader::new(source.clone());
    let fields = Fields::new(
        &mut reader,
        table.get_ref(),
        tr!("table-file", name = CONFIG_FILE),
        0..0,
        TOP_FIELDS,
    );
    let organisation = fields
        .table(&mut reader, "organisation")
        .map(|(t, span)| parse_organisation(&mut reader, t, span, root))
        .unwrap_or_default();
    let committees = match fields.table(&mut reader, "udvalg") {
        Some((t, _)) => Committees::from_table(&mut reader, t),
        None => Committees::defaults(),
    };
    let conformance = fields
        .table(&mut reader, "pdf")
        .and_then(|(t, span)| parse_pdf(&mut reader, t, span))
        .unwrap_or_default();
    let (import_captions, import_formats) = fields
        .table(&mut reader, "import")
        .map(|(t, span)| parse_import(&mut reader, t, span))
        .unwrap_or_default();
    let site = fields
        .table(&mut reader, "site")
        .map(|(t, span)| parse_site(&mut reader, t, span))
        .unwrap_or_default();
    if reader.has_errors() {
        return Err(reader.diagnostics);
    }
    Ok(Config {
        site,
        organisation,
        committees,
        conformance,
        import_captions,
        import_formats,
    })
}

/// `[site]`: three addresses, each `https://…` (the site's own may be `http://`).
fn parse_site(reader: &mut Reader, table: &DeTable<'_>, span: Range<usize>) -> SiteConfig {
    let anchor = reader.first_line(span);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-section", name = "site"),
        anchor,
        SITE_FIELDS,
    );
    let mut address = |name: &str, plain_http: bool, example: &str| {
        let value = fields.text(reader, name, false)?;
        let value = value.trim().trim_end_matches('/').to_string();
        let ok = value.starts_with("https://") || (plain_http && value.starts_with("http://"));
        let host = value.split_once("://").map_or("", |(_, rest)| rest);
        if !ok || host.is_empty() || value.contains(char::is_whitespace) {
            let span = fields.value_span(name).unwrap_or(0..0);
            reader
                .error(
                    span,
                    tr!(
                        "site-address-invalid",
                        field = name,
                        written = value.as_str()
                    ),
                )
                .help(tr!(
                    "site-address-invalid.help",
                    field = name,
                    example = example
                ));
            return None;
        }
        Some(value)
    };
    SiteConfig {
        adresse: address("adresse", true, "https://dagsordener.eksempel.dk"),
        tilgaengelighedserklaering: address(
            "tilgaengelighedserklaering",
            false,
            "https://was.digst.dk/dagsordener-eksempel-dk",
        ),
        licens: address(
            "licens",
            false,
            "https://creativecommons.org/licenses/by/4.0/",
        ),
    }
}

fn parse_organisation(
    reader: &mut Reader,
    table: &DeTable<'_>,
    span: Range<usize>,
    root: &Path,
) -> Organisation {
    let anchor = reader.first_line(span);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-section", name = "organisation"),
        anchor,
        ORG_FIELDS,
    );
    let navn = fields.text(reader, "navn", false).unwrap_or_default();
    let adresse = fields.text(reader, "adresse", false);
    let logo = fields.text(reader, "logo", false);
    if let (Some(logo), Some(span)) = (&logo, fields.value_span("logo")) {
        check_logo(reader, logo, span, root);
    }
    Organisation {
        navn,
        logo,
        adresse,
    }
}

fn check_logo(reader: &mut Reader, logo: &str, span: Range<usize>, root: &Path) {
    let path = root.join(logo);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("svg" | "png" | "jpg" | "jpeg")) {
        reader.error(span, tr!("logo-wrong-kind", logo = logo));
    } else if !path.is_file() {
        reader.error(span, tr!("logo-missing", logo = logo));
    } else if !path.canonicalize().is_ok_and(|p| p.starts_with(root)) {
        reader.error(span, tr!("logo-outside", logo = logo));
    }
}

/// `[import]`: how imported agendas are read — `[import.overskrifter]`, captions to what
/// they become, and `[import.formater]`, exports the project describes.
fn parse_import(
    reader: &mut Reader,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> (
    Vec<(String, String)>,
    Vec<crate::export_format::ExportFormat>,
) {
    let anchor = reader.first_line(span);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-section", name = "import"),
        anchor,
        IMPORT_FIELDS,
    );
    let formats = fields
        .table(reader, "formater")
        .map(|(t, _)| crate::export_format::parse_formats(reader, t))
        .unwrap_or_default();
    let captions = fields
        .table(reader, "overskrifter")
        .map(|(t, _)| parse_captions(reader, t))
        .unwrap_or_default();
    (captions, formats)
}

/// `[import.overskrifter]`: each caption and what it becomes.
fn parse_captions(reader: &mut Reader, captions: &DeTable<'_>) -> Vec<(String, String)> {
    let targets = crate::field_table::caption_targets();
    let mut out = Vec::new();
    for (key, value) in captions.iter() {
        let Some(target) = value.get_ref().as_str() else {
            reader.error(
                value.span(),
                tr!("caption-not-text", caption = &**key.get_ref()),
            );
            continue;
        };
        let folded = crate::danish::fold(target.trim());
        if !targets.contains(&folded.as_str()) {
            let message = match crate::input::fields::suggest(&folded, &targets) {
                Some(near) => tr!("caption-target-unknown-near", target = target, near = near),
                None => tr!("caption-target-unknown", target = target),
            };
            reader
                .error(value.span(), message)
                .help(tr!("use-one-of", choices = targets.join(", ")));
            continue;
        }
        out.push((key.get_ref().to_string(), folded));
    }
    out
}

fn parse_pdf(reader: &mut Reader, table: &DeTable<'_>, span: Range<usize>) -> Option<Conformance> {
    let anchor = reader.first_line(span);
    let fields = Fields::new(
        reader,
        table,
        tr!("table-section", name = "pdf"),
        anchor,
        PDF_FIELDS,
    );
    let name = fields.text(reader, "standard", false)?;
    let level = Conformance::parse(&name);
    if level.is_none() {
        let span = fields.value_span("standard").unwrap_or(0..0);
        reader
            .error(span, tr!("pdf-standard-unknown", written = name.as_str()))
            .help(tr!("use-one-of", choices = Conformance::NAMES.join(", ")));
    }
    level
}
