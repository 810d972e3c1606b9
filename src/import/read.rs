//! An export file, whatever system wrote it: its format found from its content (not its
//! name), and its meetings read.

use std::path::{Path, PathBuf};

use super::source::SourceMeeting;
use super::{
    acadre, described, edoc, edoc_publishing, firstagenda, organisation, sbsys, text, xml,
};
use crate::export_format::ExportFormat;
use crate::tr;

/// What the formats sagsgen reads look like, for the message about a file it cannot.
/// The formats sagsgen reads, for a message about a file it cannot.
fn formats() -> String {
    tr!("import-formats").text
}

/// The meetings of an export file, or why it cannot be read. Formats the project
/// describes are tried before the built-in ones.
pub fn read_export(file: &Path, described: &[ExportFormat]) -> Result<Vec<SourceMeeting>, String> {
    let bytes = std::fs::read(file)
        .map_err(|e| tr!("file-unreadable", reason = crate::i18n::io_error(&e)).text)?;
    let text = text::decode(&bytes);
    if looks_like_html(&text) {
        if firstagenda::detect(&text) {
            return firstagenda::read(&text, file);
        }
        return Err(tr!("import-unknown-html", formats = formats()).text);
    }
    let cleaned = text::clean_xml(&text);
    let document = xml::parse(&cleaned)
        .map_err(|e| tr!("import-bad-xml", reason = e, formats = formats()).text)?;
    let root = document.root_element();
    let mut meetings = read_xml(root, &cleaned, file, described)?;
    let named = organisation::in_xml(root);
    for meeting in &mut meetings {
        meeting.organisation = meeting.organisation.take().or_else(|| named.clone());
    }
    Ok(meetings)
}

/// The meetings of an XML export, by the reader its root calls for.
fn read_xml(
    root: roxmltree::Node<'_, '_>,
    cleaned: &str,
    file: &Path,
    described: &[ExportFormat],
) -> Result<Vec<SourceMeeting>, String> {
    if let Some(format) = described::detect(described, root) {
        described::read(format, root, cleaned, file)
    } else if sbsys::detect(root) {
        sbsys::read(root, cleaned, file)
    } else if acadre::detect_agenda(root) {
        acadre::read(root, file)
    } else if acadre::detect_manifest(root) {
        read_manifest(root, file, described)
    } else if edoc_publishing::detect(root) {
        edoc_publishing::read(root, file)
    } else if edoc::detect(root) {
        edoc::read(root, cleaned, file)
    } else {
        Err(tr!(
            "import-unknown-xml",
            root = root.tag_name().name(),
            seen = seen_under(root),
            formats = formats()
        )
        .text)
    }
}

/// What a root element holds, for the message about a file sagsgen cannot read: its first
/// few distinct child elements.
fn seen_under(root: roxmltree::Node<'_, '_>) -> String {
    let mut names: Vec<&str> = Vec::new();
    for child in root.children().filter(roxmltree::Node::is_element) {
        let name = child.tag_name().name();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.len() {
        0 => tr!("import-seen-nothing").text,
        n => {
            let mut shown: Vec<String> = names.iter().take(6).map(|n| format!("<{n}>")).collect();
            if n > 6 {
                shown.push(tr!("and-more", count = n - 6).text);
            }
            tr!("import-seen", elements = shown.join(", ")).text
        }
    }
}

/// The agenda files an Acadre manifest names: the first beside it that reads.
fn read_manifest(
    root: roxmltree::Node<'_, '_>,
    file: &Path,
    described: &[ExportFormat],
) -> Result<Vec<SourceMeeting>, String> {
    let agendas: Vec<PathBuf> = acadre::manifest_agendas(root, file);
    let Some(first) = agendas.first() else {
        return Err(tr!("import-manifest-alone").text);
    };
    read_export(first, described)
}

/// The agenda file an Acadre manifest stands for, so that a manifest and its agenda given
/// together are read once.
pub fn manifest_target(file: &Path) -> Option<PathBuf> {
    let bytes = std::fs::read(file).ok()?;
    // Only a manifest names produced agendas: any other export is not parsed here.
    const MARK: &[u8] = b"producedAgenda";
    if !bytes.windows(MARK.len()).any(|w| w == MARK) {
        return None;
    }
    let text = text::decode(&bytes);
    if looks_like_html(&text) {
        return None;
    }
    let cleaned = text::clean_xml(&text);
    let document = xml::parse(&cleaned).ok()?;
    let root = document.root_element();
    (acadre::detect_manifest(root) && !acadre::detect_agenda(root))
        .then(|| acadre::manifest_agendas(root, file).into_iter().next())
        .flatten()
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<html")
}
