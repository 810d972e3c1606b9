//! A generated source cut into files at its `// sagsgen:fil` marks: the shared style, each
//! meeting item, and in a packet its definitions and each attachment's pages, in a file of
//! its own. Typst identifies content by where in which file
//! it was written, so an item written in one file of its own is the same content in every
//! edition that has it — the agenda, its public version, its packet — and Typst lays it
//! out once for all of them; in one file, every edition's text is different throughout.

use std::ops::Range;
use std::sync::LazyLock;

use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};

/// The line that opens a part: `// sagsgen:fil stil`, `punkt`, `pakke` or `bilag`.
const OPEN: &str = "// sagsgen:fil ";
/// The line that closes it.
const CLOSE: &str = "// sagsgen:slut";
/// What the main file and each item file say to see the style's definitions.
const IMPORT: &str = "#import \"/.sagsgen/stil.typ\": *\n";

/// What each attachment's file also says, to see the packet's definitions.
const IMPORT_PACKET: &str = "#import \"/.sagsgen/pakke.typ\": *\n";

/// The shared style's file: what each item file imports.
static STYLE: LazyLock<FileId> = LazyLock::new(|| file_id("/.sagsgen/stil.typ"));
/// The packet's definitions' file: what each attachment's file imports.
static PACKET: LazyLock<FileId> = LazyLock::new(|| file_id("/.sagsgen/pakke.typ"));

/// A file id in the project root. Ids are interned for the life of the process, so parts
/// are named by their place (the style; the first, second … item), never by their text.
fn file_id(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

/// One file cut out of the generated source.
pub struct Part {
    /// The file as Typst reads it.
    pub source: Source,
    /// Where its text starts in the generated source.
    start: usize,
    /// How many bytes before that text the file has (the import of the style).
    prefix: usize,
}

/// A stretch of the main file copied from the generated source: (main offset, generated
/// offset, length).
type Copied = (usize, usize, usize);

/// The generated source as Typst reads it: a main file and the parts cut out of it.
pub struct Split {
    /// The main file's text (the world takes it for its main source).
    pub main: String,
    /// The parts.
    pub parts: Vec<Part>,
    /// Where the main file's text came from.
    copied: Vec<Copied>,
}

impl Split {
    /// Cuts `text` at its marks. Without exactly one style part, or with marks that do not
    /// pair up (an override may have lost one), nothing is cut: the text is one file, as
    /// written.
    pub fn new(text: &str) -> Self {
        cut(text).unwrap_or_else(|| Self::whole(text))
    }

    fn whole(text: &str) -> Self {
        Self {
            main: text.to_string(),
            parts: Vec::new(),
            copied: vec![(0, 0, text.len())],
        }
    }

    /// Whether the style has been cut out.
    fn has_style(&self) -> bool {
        self.has(*STYLE)
    }

    /// Whether the file `id` has been cut out.
    fn has(&self, id: FileId) -> bool {
        self.parts.iter().any(|p| p.source.id() == id)
    }

    /// Where in the generated source a span of the main file or a part points.
    pub fn offset(&self, id: FileId, range: Range<usize>) -> Option<usize> {
        if let Some(part) = self.parts.iter().find(|p| p.source.id() == id) {
            return Some(part.start + range.start.saturating_sub(part.prefix));
        }
        // In the main file: in a copied stretch, or on a line that stands for a part (the
        // part's start is as near as it gets).
        let at = range.start;
        self.copied
            .iter()
            .find(|(main, _, len)| (*main..main + len).contains(&at))
            .map(|(main, generated, _)| generated + (at - main))
            .or_else(|| {
                self.copied
                    .iter()
                    .take_while(|(main, _, _)| *main <= at)
                    .last()
                    .map(|(_, generated, len)| generated + len)
            })
    }
}

/// The cut, or `None` when the marks do not allow one.
fn cut(text: &str) -> Option<Split> {
    let mut split = Split {
        main: String::with_capacity(text.len() / 2),
        parts: Vec::new(),
        copied: Vec::new(),
    };
    let mut items = 0;
    let mut attachments = 0;
    let mut copied_from = 0;
    let mut open: Option<(String, usize, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let bare = line.trim_end();
        match (&open, bare.strip_prefix(OPEN), bare == CLOSE) {
            (None, Some(name), _) => {
                copy(&mut split, text, copied_from..start);
                open = Some((name.to_string(), start, at));
            }
            (Some((name, _, body)), None, true) => {
                let (id, in_main, prefix) = match name.as_str() {
                    "stil" if !split.has_style() => (*STYLE, IMPORT.to_string(), String::new()),
                    "punkt" => {
                        items += 1;
                        let path = format!("/.sagsgen/punkt-{items}.typ");
                        (
                            file_id(&path),
                            format!("#include \"{path}\"\n"),
                            IMPORT.to_string(),
                        )
                    }
                    "pakke" if !split.has(*PACKET) => {
                        (*PACKET, IMPORT_PACKET.to_string(), IMPORT.to_string())
                    }
                    "bilag" if split.has(*PACKET) => {
                        attachments += 1;
                        let path = format!("/.sagsgen/bilag-{attachments}.typ");
                        let prefix = format!("{IMPORT}{IMPORT_PACKET}");
                        (file_id(&path), format!("#include \"{path}\"\n"), prefix)
                    }
                    _ => return None,
                };
                split.main.push_str(&in_main);
                split.parts.push(Part {
                    source: Source::new(id, format!("{prefix}{}", &text[*body..start])),
                    start: *body,
                    prefix: prefix.len(),
                });
                copied_from = at;
                open = None;
            }
            (Some(_), Some(_), _) | (None, None, true) => return None,
            _ => {}
        }
    }
    if open.is_some() || !split.has_style() {
        return None;
    }
    copy(&mut split, text, copied_from..text.len());
    Some(split)
}

/// Appends a stretch of the generated source to the main file, noting where it came from.
fn copy(split: &mut Split, text: &str, range: Range<usize>) {
    if range.is_empty() {
        return;
    }
    split
        .copied
        .push((split.main.len(), range.start, range.len()));
    split.main.push_str(&text[range]);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "#let a = 1\n// sagsgen:fil stil\n#let s = 2\n// sagsgen:slut\n#show: x\n\
                        // sagsgen:fil punkt\n#pagebreak()\nEt punkt\n// sagsgen:slut\nSlut\n";

    #[test]
    fn the_style_and_each_item_become_files_the_main_file_imports_and_includes() {
        let split = Split::new(TEXT);
        assert_eq!(
            split.main,
            "#let a = 1\n#import \"/.sagsgen/stil.typ\": *\n#show: x\n\
             #include \"/.sagsgen/punkt-1.typ\"\nSlut\n"
        );
        let texts: Vec<_> = split.parts.iter().map(|p| p.source.text()).collect();
        assert_eq!(
            texts,
            [
                "#let s = 2\n",
                "#import \"/.sagsgen/stil.typ\": *\n#pagebreak()\nEt punkt\n"
            ]
        );
    }

    #[test]
    fn every_offset_leads_back_to_the_generated_text() {
        let split = Split::new(TEXT);
        let item = &split.parts[1];
        let in_item = item.source.text().find("Et punkt").unwrap();
        let offset = split.offset(item.source.id(), in_item..in_item + 1);
        assert_eq!(offset, TEXT.find("Et punkt"));
        let in_main = split.main.find("Slut").unwrap();
        let offset = split.offset(
            FileId::new(RootedPath::new(
                VirtualRoot::Project,
                VirtualPath::new("/main.typ").unwrap(),
            )),
            in_main..in_main + 1,
        );
        assert_eq!(offset, TEXT.find("Slut"));
    }

    #[test]
    fn a_packets_attachments_become_files_that_import_its_definitions() {
        let text = "// sagsgen:fil stil\nS\n// sagsgen:slut\n// sagsgen:fil pakke\nP\n\
                    // sagsgen:slut\n// sagsgen:fil bilag\nB1\n// sagsgen:slut\n\
                    // sagsgen:fil bilag\nB2\n// sagsgen:slut\n";
        let split = Split::new(text);
        assert_eq!(
            split.main,
            "#import \"/.sagsgen/stil.typ\": *\n#import \"/.sagsgen/pakke.typ\": *\n\
             #include \"/.sagsgen/bilag-1.typ\"\n#include \"/.sagsgen/bilag-2.typ\"\n"
        );
        let second = &split.parts[3];
        assert_eq!(
            second.source.text(),
            "#import \"/.sagsgen/stil.typ\": *\n#import \"/.sagsgen/pakke.typ\": *\nB2\n"
        );
        let at = second.source.text().find("B2").unwrap();
        assert_eq!(
            split.offset(second.source.id(), at..at + 1),
            text.find("B2")
        );
        // An attachment before the definitions could not see them: nothing is cut.
        let early = "// sagsgen:fil stil\nS\n// sagsgen:slut\n// sagsgen:fil bilag\nB\n\
                     // sagsgen:slut\n";
        assert_eq!(Split::new(early).main, early);
    }

    #[test]
    fn without_one_style_part_or_with_unpaired_marks_the_text_stays_one_file() {
        for text in [
            "// sagsgen:fil punkt\nA\n// sagsgen:slut\n",
            "// sagsgen:fil stil\nA\n",
            "// sagsgen:fil stil\nA\n// sagsgen:fil punkt\n// sagsgen:slut\n",
            "A\n// sagsgen:slut\n",
            "// sagsgen:fil stil\nA\n// sagsgen:slut\n// sagsgen:fil stil\nB\n// sagsgen:slut\n",
        ] {
            let split = Split::new(text);
            assert_eq!(split.main, text);
            assert!(split.parts.is_empty());
        }
    }
}
