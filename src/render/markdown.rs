//! Markdown fields → Typst markup, through pulldown-cmark (CommonMark + GitHub tables).
//!
//! Only the constructs of `case-format.md` are interpreted; everything else (raw HTML,
//! images, inline code, Typst or template syntax) is printed literally. All text passes
//! through [`escape::markup`].

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::escape;

/// Deepest nesting of quotes, lists and inline styles rendered as such; deeper levels are
/// flattened to plain text. Typst's parser stops at 256 levels, and every level here costs
/// several; no real document nests this deep.
const MAX_NESTING: usize = 16;

/// Converts a Markdown field to Typst markup.
///
/// `section_level` is the heading level of the section the field sits in: a `#`/`##`
/// heading in the field becomes one level below it, `###` two below, and so on.
/// Levels never skip (a screen reader's outline must be a tree).
pub fn to_typst(markdown: &str, section_level: u8) -> String {
    let source = normalise_bullets(markdown);
    let parser = Parser::new_ext(&source, Options::ENABLE_TABLES);
    let mut converter = Converter::new(section_level);
    for event in parser {
        converter.event(event);
    }
    converter.finish()
}

/// Lines starting with `•` (or other bullet characters pasted from word processors)
/// become CommonMark `-` list items.
fn normalise_bullets(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - trimmed.len()];
        let bullet = trimmed.strip_prefix(['•', '◦', '▪', '\u{f0b7}']);
        match bullet {
            Some(rest) if rest.starts_with([' ', '\t']) => {
                out.push_str(indent);
                out.push('-');
                out.push_str(rest);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// What an open Markdown element collects until it ends.
enum Frame {
    Root,
    /// A container nested too deep: its content is passed through unwrapped.
    Flat {
        block: bool,
    },
    Paragraph,
    Heading,
    Quote,
    List {
        start: Option<u64>,
        items: Vec<String>,
    },
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    Link {
        url: String,
    },
    Image {
        url: String,
    },
    Code,
    Html,
    Table {
        alignments: Vec<Alignment>,
        header: Vec<String>,
        cells: Vec<String>,
    },
    Head,
    Row,
    Cell,
}

struct Converter {
    section_level: u8,
    last_level: u8,
    stack: Vec<(Frame, String)>,
}

impl Converter {
    fn new(section_level: u8) -> Self {
        Self {
            section_level,
            last_level: section_level,
            stack: vec![(Frame::Root, String::new())],
        }
    }

    fn out(&mut self) -> &mut String {
        &mut self.stack.last_mut().expect("root frame is never popped").1
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                let escaped = escape::markup(&text);
                self.out().push_str(&escaped);
            }
            Event::Code(code) => {
                let escaped = escape::markup(&format!("`{code}`"));
                self.out().push_str(&escaped);
            }
            // `<br>` breaks a line where Markdown has no other way to: in a table's cell.
            Event::InlineHtml(html) if is_line_break(&html) => self.out().push_str("#linebreak()"),
            Event::Html(html) | Event::InlineHtml(html) => self.raw_lines(&html),
            Event::SoftBreak => self.out().push(' '),
            Event::HardBreak => self.out().push_str("#linebreak()"),
            Event::Rule => self.out().push_str("#line(length: 100%)\n\n"),
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                let escaped = escape::markup(&t);
                self.out().push_str(&escaped);
            }
            Event::TaskListMarker(done) => {
                self.out()
                    .push_str(if done { "\\[x\\] " } else { "\\[ \\] " })
            }
        }
    }

    /// Literal text whose line breaks are kept (code blocks, raw HTML).
    fn raw_lines(&mut self, text: &str) {
        let lines: Vec<String> = text
            .trim_end_matches('\n')
            .split('\n')
            .map(escape::markup)
            .collect();
        let joined = lines.join("#linebreak()");
        self.out().push_str(&joined);
    }

    fn start(&mut self, tag: Tag<'_>) {
        if is_container(&tag) && self.nesting() >= MAX_NESTING {
            let block = matches!(tag, Tag::BlockQuote(_) | Tag::List(_) | Tag::Item);
            self.stack.push((Frame::Flat { block }, String::new()));
            return;
        }
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph,
            Tag::Heading { .. } => Frame::Heading,
            Tag::BlockQuote(_) => Frame::Quote,
            Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => Frame::Code,
            Tag::HtmlBlock => Frame::Html,
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Item => Frame::Item,
            Tag::Emphasis => Frame::Emphasis,
            Tag::Strong => Frame::Strong,
            Tag::Strikethrough => Frame::Strikethrough,
            Tag::Link { dest_url, .. } => Frame::Link {
                url: dest_url.to_string(),
            },
            Tag::Image { dest_url, .. } => Frame::Image {
                url: dest_url.to_string(),
            },
            Tag::Table(alignments) => Frame::Table {
                alignments,
                header: Vec::new(),
                cells: Vec::new(),
            },
            Tag::TableHead => Frame::Head,
            Tag::TableRow => Frame::Row,
            Tag::TableCell => Frame::Cell,
            // Not enabled in the parser options; treat their content as a paragraph.
            _ => Frame::Paragraph,
        };
        self.stack.push((frame, String::new()));
    }

    fn end(&mut self, tag: TagEnd) {
        let (frame, content) = self.stack.pop().expect("every End has a Start");
        let content = content.trim().to_string();
        match frame {
            Frame::Root => unreachable!("the root frame is never ended"),
            Frame::Flat { block: true } => self.block(&content),
            Frame::Flat { block: false } => self.inline(&content),
            Frame::Paragraph | Frame::Code | Frame::Html => self.block(&content),
            Frame::Heading => self.heading(tag, &content),
            Frame::Quote => self.block(&format!("#quote(block: true)[{content}]")),
            Frame::List { start, items } => self.list(start, &items),
            Frame::Item => self.item(content),
            Frame::Emphasis => self.inline(&format!("#emph[{content}]")),
            Frame::Strong => self.inline(&format!("#strong[{content}]")),
            Frame::Strikethrough => self.inline(&format!("#strike[{content}]")),
            Frame::Link { url } => self.link(&url, &content),
            Frame::Image { url } => {
                let literal = format!("!\\[{content}\\]{}", escape::markup(&format!("({url})")));
                self.inline(&literal);
            }
            Frame::Table {
                alignments,
                header,
                cells,
            } => self.table(&alignments, &header, &cells),
            Frame::Head => self.table_head(&content),
            Frame::Row => {}
            Frame::Cell => self.cell(content),
        }
    }

    fn inline(&mut self, text: &str) {
        self.out().push_str(text);
    }

    /// How many containers are open.
    fn nesting(&self) -> usize {
        self.stack.iter().filter(|(f, _)| f.is_container()).count()
    }

    fn block(&mut self, content: &str) {
        if !content.is_empty() {
            let out = self.out();
            // A block after inline text (a nested list in a tight item) starts a new paragraph.
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str("\n\n");
            }
            out.push_str(content);
            out.push_str("\n\n");
        }
    }

    fn heading(&mut self, tag: TagEnd, content: &str) {
        let TagEnd::Heading(level) = tag else { return };
        if content.is_empty() {
            // A bare `##` titles nothing; an empty heading would also break PDF/UA.
            return;
        }
        let below = match level {
            HeadingLevel::H1 | HeadingLevel::H2 => 1,
            HeadingLevel::H3 => 2,
            HeadingLevel::H4 => 3,
            _ => 4,
        };
        let wanted = (self.section_level + below).min(6);
        let level = wanted.min(self.last_level + 1).max(self.section_level + 1);
        self.last_level = level;
        self.block(&format!("#heading(depth: {level})[{content}]"));
    }

    fn list(&mut self, start: Option<u64>, items: &[String]) {
        let body: Vec<String> = items.iter().map(|i| format!("[{i}]")).collect();
        let call = match start {
            Some(n) => format!("#enum(start: {n}, {})", body.join(", ")),
            None => format!("#list({})", body.join(", ")),
        };
        self.block(&call);
    }

    fn item(&mut self, content: String) {
        match self.stack.last_mut() {
            Some((Frame::List { items, .. }, _)) => items.push(content),
            // The list itself was flattened: its items become plain blocks.
            _ => self.block(&content),
        }
    }

    fn link(&mut self, url: &str, content: &str) {
        let allowed = ["https://", "http://", "mailto:"]
            .iter()
            .any(|p| url.starts_with(p));
        if allowed {
            let text = if content.is_empty() {
                escape::markup(url)
            } else {
                content.to_string()
            };
            self.inline(&format!("#link({})[{text}]", escape::string_literal(url)));
        } else {
            let literal = format!("\\[{content}\\]{}", escape::markup(&format!("({url})")));
            self.inline(&literal);
        }
    }

    fn cell(&mut self, content: String) {
        // Cells belong to the enclosing table (through a Head or Row frame).
        for (frame, _) in self.stack.iter_mut().rev() {
            if let Frame::Table { cells, .. } = frame {
                cells.push(content);
                return;
            }
        }
    }

    fn table_head(&mut self, _content: &str) {
        for (frame, _) in self.stack.iter_mut().rev() {
            if let Frame::Table { header, cells, .. } = frame {
                *header = std::mem::take(cells);
                return;
            }
        }
    }

    fn table(&mut self, alignments: &[Alignment], header: &[String], cells: &[String]) {
        let columns = alignments.len().max(1);
        let align: Vec<&str> = alignments.iter().map(align_name).collect();
        let cell = |c: &String| format!("[{c}]");
        let head: Vec<String> = header.iter().map(cell).collect();
        let mut body: Vec<String> = cells.iter().map(cell).collect();
        while !body.len().is_multiple_of(columns) {
            body.push("[]".to_string());
        }
        let call = format!(
            "#table(columns: {columns}, align: ({},), table.header({}), {})",
            align.join(", "),
            head.join(", "),
            body.join(", ")
        );
        self.block(&call);
    }

    fn finish(mut self) -> String {
        while self.stack.len() > 1 {
            // Unbalanced events cannot come from pulldown-cmark; fold anything left over.
            let (_, content) = self.stack.pop().expect("checked length");
            self.out().push_str(&content);
        }
        self.stack
            .pop()
            .map(|(_, s)| s.trim_end().to_string())
            .unwrap_or_default()
    }
}

impl Frame {
    fn is_container(&self) -> bool {
        matches!(
            self,
            Frame::Quote
                | Frame::List { .. }
                | Frame::Item
                | Frame::Emphasis
                | Frame::Strong
                | Frame::Strikethrough
                | Frame::Link { .. }
                | Frame::Flat { .. }
        )
    }
}

fn is_container(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
    )
}

fn align_name(a: &Alignment) -> &'static str {
    match a {
        Alignment::None | Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Right => "right",
    }
}

/// Whether inline HTML is a line break: `<br>`, `<br/>` or `<br />`, any letter case.
pub(crate) fn is_line_break(html: &str) -> bool {
    let tag: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(tag.to_lowercase().as_str(), "<br>" | "<br/>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_br_breaks_the_line_even_in_a_table_cell() {
        let t = to_typst(
            "| Sygehus | Beløb |\n| --- | --- |\n| Herlev<br>Gentofte | 10<br />20 |",
            2,
        );
        assert!(t.contains("Herlev#linebreak()Gentofte"), "{t}");
        assert!(t.contains("10#linebreak()20"), "{t}");
        let other = to_typst("a <b> c", 2);
        assert!(
            !other.contains("linebreak"),
            "other HTML stays text: {other}"
        );
    }

    #[test]
    fn paragraphs_and_emphasis() {
        let t = to_typst("Hej *du* og **dig**.\n\nNy linje", 2);
        assert_eq!(t, "Hej #emph[du] og #strong[dig]\\.\n\nNy linje");
    }

    #[test]
    fn headings_are_below_the_section_and_never_skip() {
        let t = to_typst("## Sub\n\n#### Deep", 2);
        assert!(t.contains("#heading(depth: 3)[Sub]"), "{t}");
        assert!(t.contains("#heading(depth: 4)[Deep]"), "{t}");
        let t = to_typst("### Straight to three", 1);
        assert!(t.contains("#heading(depth: 2)"), "{t}");
    }

    #[test]
    fn empty_headings_are_left_out() {
        assert_eq!(to_typst("##\n\ntekst", 2), "tekst");
        assert_eq!(to_typst("# \u{1}\n", 2), "");
    }

    #[test]
    fn bullet_characters_make_lists() {
        let t = to_typst("Mål:\n\n• et\n• to\n", 2);
        assert!(t.contains("#list([et], [to])"), "{t}");
        let t = to_typst("1. a\n2. b", 2);
        assert!(t.contains("#enum(start: 1, [a], [b])"), "{t}");
    }

    #[test]
    fn html_images_and_code_are_literal() {
        let t = to_typst("<b>x</b> ![alt](/etc/passwd) `#x`", 2);
        assert!(!t.contains("#image"), "{t}");
        assert!(t.contains("\\<b\\>"), "{t}");
        assert!(t.contains("\\`\\#x\\`"), "{t}");
    }

    #[test]
    fn links_only_for_web_addresses() {
        let t = to_typst("[lov](https://x.dk/a) og [fil](file:///etc/passwd)", 2);
        assert!(t.contains("#link(\"https://x.dk/a\")[lov]"), "{t}");
        assert!(!t.contains("#link(\"file"), "{t}");
    }

    #[test]
    fn deep_nesting_is_flattened_not_lost() {
        let t = to_typst(&format!("{} dyb", ">".repeat(500)), 2);
        assert!(t.contains("dyb"), "{t}");
        assert!(t.matches("#quote").count() <= MAX_NESTING, "{t}");
        let lists: String = (0..200)
            .map(|i| format!("{}- punkt{i}\n", "  ".repeat(i)))
            .collect();
        let t = to_typst(&lists, 2);
        assert!(t.contains("punkt0") && t.contains("punkt199"), "{t}");
        let t = to_typst(&format!("{}x{}", "*".repeat(3000), "*".repeat(3000)), 2);
        assert!(
            t.matches("#strong").count() + t.matches("#emph").count() <= MAX_NESTING,
            "{t}"
        );
    }

    #[test]
    fn nested_lists_start_a_new_block() {
        let t = to_typst("- a\n  - b\n", 2);
        assert!(t.contains("[a\n\n#list([b])]"), "{t}");
    }

    #[test]
    fn tables_have_header_rows() {
        let t = to_typst("| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 |", 2);
        assert!(t.contains("#table(columns: 2, align: (left, right,), table.header([a], [b]), [1], [2], [3], [])"), "{t}");
    }
}
