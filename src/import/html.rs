//! HTML as agenda exports carry it (often pasted from Word) to the Markdown sagsgen reads:
//! paragraphs, line breaks, bold, italic, lists (nested too), tables, links and headings,
//! with Word's debris left behind (`MsoNormal` spans, `&nbsp;` runs, empty paragraphs,
//! inline styles) and text that would read as Markdown escaped, so it prints as written.
//! Parsed with html5ever (through `scraper`), never with regular expressions.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::i18n::Message;
use crate::tr;

/// The Markdown of an HTML fragment, and what could not be kept as it was.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The text as Markdown (blocks separated by blank lines, no trailing newline).
    pub markdown: String,
    /// Plain-language notes: `http://` links kept as text, and the like.
    pub warnings: Vec<Message>,
}

/// The text a browser shows of an HTML fragment, its pieces apart (for counting words and
/// telling an empty section from one with text; not for output).
pub fn shown_text(html: &str) -> String {
    Html::parse_fragment(html)
        .root_element()
        .text()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Converts an HTML fragment. `heading_level` is the Markdown level its own top-level
/// headings get (`##` below a section heading: 2).
pub fn to_markdown(html: &str, heading_level: usize) -> Converted {
    let document = Html::parse_fragment(html);
    // The fragment's highest heading (often an h3 in an export) becomes `heading_level`.
    let top = document
        .tree
        .root()
        .descendants()
        .filter_map(|n| match n.value() {
            Node::Element(e) => heading_depth(e.name()),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut writer = Writer {
        heading_level,
        top_heading: top,
        ..Writer::default()
    };
    for child in document.tree.root().children() {
        writer.block(child);
    }
    writer.finish()
}

#[derive(Default)]
struct Writer {
    heading_level: usize,
    /// The depth of the fragment's highest heading (1 for h1).
    top_heading: usize,
    blocks: Vec<String>,
    /// The paragraph being written.
    line: String,
    warnings: Vec<Message>,
}

impl Writer {
    fn finish(mut self) -> Converted {
        self.end_paragraph();
        Converted {
            markdown: self.blocks.join("\n\n"),
            warnings: self.warnings,
        }
    }

    /// Closes the paragraph being written (an empty one — Word's `<p>&nbsp;</p>` — is
    /// dropped).
    fn end_paragraph(&mut self) {
        let text = escape_line_starts(&tidy_lines(&self.line));
        if !text.is_empty() {
            self.blocks.push(text);
        }
        self.line.clear();
    }

    fn block(&mut self, node: NodeRef<'_, Node>) {
        let Node::Element(element) = node.value() else {
            self.inline(node);
            return;
        };
        match element.name() {
            // The fragment's own wrapper, and containers that are only blocks of blocks.
            "html" | "body" => {
                for child in node.children() {
                    self.block(child);
                }
            }
            "p" | "div" | "blockquote" | "center" | "section" | "article" => {
                self.end_paragraph();
                for child in node.children() {
                    self.block(child);
                }
                self.end_paragraph();
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_paragraph();
                let depth = heading_depth(element.name()).unwrap_or(1);
                let level = (self.heading_level + depth - self.top_heading.min(depth)).min(6);
                let text = tidy_lines(&self.inline_text(node)).replace('\n', " ");
                if !text.is_empty() {
                    self.blocks.push(format!("{} {text}", "#".repeat(level)));
                }
            }
            "ul" | "ol" => {
                self.end_paragraph();
                let mut lines = Vec::new();
                self.list(node, 0, &mut lines);
                if !lines.is_empty() {
                    self.blocks.push(lines.join("\n"));
                }
            }
            "table" => {
                self.end_paragraph();
                if let Some(table) = self.table(node) {
                    self.blocks.push(table);
                }
            }
            "script" | "style" | "head" | "title" | "meta" | "xml" => {}
            _ => self.inline(node),
        }
    }

    /// Inline content into the current paragraph.
    fn inline(&mut self, node: NodeRef<'_, Node>) {
        let text = self.inline_text(node);
        self.line.push_str(&text);
    }

    /// The Markdown of inline content (nested blocks inside inline elements flatten).
    fn inline_text(&mut self, node: NodeRef<'_, Node>) -> String {
        match node.value() {
            Node::Text(text) => escape(&collapse(text)),
            Node::Element(element) => {
                let inner = |this: &mut Self| {
                    node.children()
                        .map(|c| this.inline_text(c))
                        .collect::<String>()
                };
                match element.name() {
                    "br" => "\\\n".to_string(),
                    "strong" | "b" => emphasis(&inner(self), "**"),
                    "em" | "i" => emphasis(&inner(self), "*"),
                    "a" => {
                        let text = inner(self);
                        self.link(&text, element.attr("href").unwrap_or(""))
                    }
                    "script" | "style" => String::new(),
                    "img" => {
                        // A picture cannot be Markdown text: its description is kept, and
                        // the report says a picture was left out.
                        let alt = element.attr("alt").map(str::trim).unwrap_or("");
                        self.warnings.push(if alt.is_empty() {
                            tr!("import-picture-left-out")
                        } else {
                            tr!("import-picture-described", alt = alt)
                        });
                        escape(&collapse(alt))
                    }
                    // Blocks met inside a paragraph or a table cell: their text on a line of
                    // its own, so their words do not run into their neighbours'.
                    name if is_block(name) => format!("\\\n{}\\\n", inner(self).trim()),
                    // Cells met outside a table: kept apart by a space.
                    "td" | "th" => format!(" {} ", inner(self)),
                    _ => inner(self),
                }
            }
            _ => String::new(),
        }
    }

    /// A link: https and mailto as Markdown links; anything else (`http://`) as its text
    /// with the address after it, and a warning — sagsgen links only to https.
    fn link(&mut self, text: &str, href: &str) -> String {
        let href = href.trim();
        let text = text.trim();
        if href.is_empty() || href.starts_with('#') {
            return text.to_string();
        }
        if href.starts_with("https://") || href.starts_with("mailto:") {
            let label = if text.is_empty() {
                escape(href)
            } else {
                text.to_string()
            };
            return format!("[{label}](<{}>)", href.replace('>', "%3E"));
        }
        if href.len() > 300 || href.starts_with("data:") || href.starts_with("javascript:") {
            // An address no reader could type (embedded data): the text alone, said.
            self.warnings.push(tr!("import-link-overlong"));
            return text.to_string();
        }
        self.warnings
            .push(tr!("import-link-not-https", address = href));
        let shown = escape(href);
        if text.is_empty() || text == shown {
            shown
        } else {
            format!("{text} ({shown})")
        }
    }

    /// A list's items, indented by depth; nested lists inside items follow their item.
    fn list(&mut self, node: NodeRef<'_, Node>, depth: usize, lines: &mut Vec<String>) {
        let ordered = matches!(node.value(), Node::Element(e) if e.name() == "ol");
        let lettered = match node.value() {
            Node::Element(e) if ordered => lettering(e),
            _ => None,
        };
        let mut number = 0;
        for item in node.children() {
            let Node::Element(element) = item.value() else {
                continue;
            };
            if element.name() != "li" {
                continue;
            }
            number += 1;
            let mut text = String::new();
            let mut nested = Vec::new();
            for child in item.children() {
                match child.value() {
                    Node::Element(e) if e.name() == "ul" || e.name() == "ol" => {
                        nested.push(child);
                    }
                    _ => text.push_str(&self.inline_text(child)),
                }
            }
            let text = tidy_lines(&text).replace('\n', " ");
            if let Some(upper) = lettered {
                // Markdown numbers its lists; the letters are what people cite
                // ("indstilling B"), so each item is a line of its own that says its
                // letter, ended by a hard line break.
                if let Some(last) = lines.last_mut()
                    && !last.ends_with('\\')
                {
                    last.push('\\');
                }
                lines.push(
                    format!("{}\\. {text}", letter(number, upper))
                        .trim_end()
                        .to_string(),
                );
                continue;
            }
            let marker = if ordered {
                format!("{number}.")
            } else {
                "-".to_string()
            };
            let indent = "  ".repeat(depth * 2);
            lines.push(format!("{indent}{marker} {text}").trim_end().to_string());
            for list in nested {
                self.list(list, depth + 1, lines);
            }
        }
    }

    /// A table as a Markdown table: the first row is its header.
    fn table(&mut self, node: NodeRef<'_, Node>) -> Option<String> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for row in node.descendants().filter(|n| is(n, "tr")) {
            let cells: Vec<String> = row
                .children()
                .filter(|c| is(c, "td") || is(c, "th"))
                .map(|cell| {
                    let text = cell
                        .children()
                        .map(|c| self.inline_text(c))
                        .collect::<String>();
                    // Text is escaped already (a `|` too). A cell's lines (Word writes a
                    // `<p>` a line) stay lines, so the rows of two columns still line up:
                    // `<br>`, the one break a Markdown cell can hold.
                    cell_lines(&tidy_lines(&text))
                })
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells);
            }
        }
        let width = rows.iter().map(Vec::len).max()?;
        let line = |cells: &[String]| {
            let mut padded: Vec<String> = cells.to_vec();
            padded.resize(width, String::new());
            format!("| {} |", padded.join(" | "))
        };
        let mut out = vec![line(&rows[0]), format!("|{}", " --- |".repeat(width))];
        out.extend(rows[1..].iter().map(|r| line(r)));
        Some(out.join("\n"))
    }
}

/// A cell's text on one Markdown line, its line breaks as `<br>`.
fn cell_lines(text: &str) -> String {
    text.split("\\\n")
        .flat_map(|part| part.split('\n'))
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Elements that stand as blocks of their own, wherever they are met.
fn is_block(name: &str) -> bool {
    heading_depth(name).is_some()
        || matches!(
            name,
            "p" | "div"
                | "li"
                | "tr"
                | "ul"
                | "ol"
                | "table"
                | "thead"
                | "tbody"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "nav"
                | "blockquote"
                | "dl"
                | "dt"
                | "dd"
                | "figure"
                | "figcaption"
        )
}

/// 1 for `h1` … 6 for `h6`.
fn heading_depth(name: &str) -> Option<usize> {
    let depth = name.strip_prefix('h')?.parse::<usize>().ok()?;
    (1..=6).contains(&depth).then_some(depth)
}

/// Whether an ordered list is lettered (`type="A"`, `type="a"`, or a `list-style-type`
/// of upper- or lower-alpha or -latin), and in capitals.
fn lettering(list: &scraper::node::Element) -> Option<bool> {
    match list.attr("type") {
        Some("A") => return Some(true),
        Some("a") => return Some(false),
        _ => {}
    }
    let style = list.attr("style")?.to_lowercase();
    if style.contains("upper-alpha") || style.contains("upper-latin") {
        Some(true)
    } else if style.contains("lower-alpha") || style.contains("lower-latin") {
        Some(false)
    } else {
        None
    }
}

/// The letter of the `number`th item (1: A, 26: Z, 27: AA).
fn letter(number: usize, upper: bool) -> String {
    let mut n = number;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
    }
    let word: String = out.into_iter().rev().collect();
    if upper { word.to_uppercase() } else { word }
}

fn is(node: &NodeRef<'_, Node>, name: &str) -> bool {
    matches!(node.value(), Node::Element(e) if e.name() == name)
}

/// White space as a browser shows it: runs (line breaks, `&nbsp;`, tabs) become one space.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// `**text**` around what is not blank, keeping the spaces Word puts inside the tags outside.
fn emphasis(text: &str, mark: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{trimmed}{mark}{trail}")
}

/// Lines with their spaces folded; a line that is only a line break (Word's `<br><br>`)
/// becomes a paragraph break; no line break dangles at the start or end.
fn tidy_lines(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = line
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if line.is_empty() || line == "\\" {
            // A paragraph break: the line before it ends there, not with a line break.
            if let Some(last) = lines.last_mut() {
                drop_break(last);
            }
            if lines.last().is_some_and(|l| !l.is_empty()) {
                lines.push(String::new());
            }
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    if let Some(last) = lines.last_mut() {
        drop_break(last);
    }
    lines.join("\n")
}

/// Removes a hard-break marker ending the line: an odd number of trailing backslashes
/// (an even number is escaped text).
fn drop_break(line: &mut String) {
    let backslashes = line.chars().rev().take_while(|c| *c == '\\').count();
    if backslashes % 2 == 1 {
        line.pop();
        let trimmed = line.trim_end().len();
        line.truncate(trimmed);
    }
}

/// Text that Markdown would read as syntax, escaped so it prints as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Lines of a paragraph that would start a list (`- `, `+ `, `1. `, `1) `) or a
/// thematic break, escaped.
fn escape_line_starts(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            let after = line[digits..].chars().next();
            if line.starts_with("- ")
                || line.starts_with("+ ")
                || line == "-"
                || line.starts_with("---")
            {
                format!("\\{line}")
            } else if digits > 0 && matches!(after, Some('.' | ')')) {
                format!("{}\\{}", &line[..digits], &line[digits..])
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests;
