//! Markdown fields → HTML for the public website, by the rules the PDF follows
//! ([`super::markdown`]): links only to `https://`, `http://` and `mailto:` addresses
//! (others print as written), headings one level below their section and never skipping
//! a level, raw HTML (but `<br>`) and pictures printed as text. pulldown-cmark writes and escapes the
//! HTML.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The box a table scrolls in.
const TABLE_BOX: &str =
    "<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\">\n";

/// Converts a Markdown field to HTML; `section_level` is the HTML heading level of the
/// section the field sits in.
pub fn to_html(markdown: &str, section_level: u8) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let mut last_level = section_level;
    let mut links: Vec<Option<String>> = Vec::new();
    let mut levels: Vec<HeadingLevel> = Vec::new();
    let events = parser.flat_map(|event| -> Vec<Event<'_>> {
        match event {
            // As in the PDF: `<br>` breaks the line (a table cell's lines); other HTML is text.
            Event::InlineHtml(html) if super::markdown::is_line_break(&html) => {
                vec![Event::HardBreak]
            }
            Event::Html(html) | Event::InlineHtml(html) => vec![Event::Text(html)],
            // A wide table scrolls in a box of its own, which the keyboard can reach
            // (WCAG 2.1.1) and a screen reader names.
            Event::Start(Tag::Table(alignments)) => vec![
                Event::Html(CowStr::Borrowed(TABLE_BOX)),
                Event::Start(Tag::Table(alignments)),
            ],
            Event::End(TagEnd::Table) => vec![
                Event::End(TagEnd::Table),
                Event::Html(CowStr::Borrowed("</div>\n")),
            ],
            Event::Start(Tag::Heading { level, .. }) => {
                let below = match level {
                    HeadingLevel::H1 | HeadingLevel::H2 => 1,
                    HeadingLevel::H3 => 2,
                    HeadingLevel::H4 => 3,
                    _ => 4,
                };
                let wanted = (section_level + below).min(6);
                let level = wanted.min(last_level + 1).max(section_level + 1);
                last_level = level;
                let level = heading_level(level);
                levels.push(level);
                vec![Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })]
            }
            Event::End(TagEnd::Heading(_)) => {
                let level = levels.pop().unwrap_or(HeadingLevel::H6);
                vec![Event::End(TagEnd::Heading(level))]
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let allowed = ["https://", "http://", "mailto:"]
                    .iter()
                    .any(|p| dest_url.starts_with(p));
                if allowed {
                    links.push(None);
                    vec![Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })]
                } else {
                    links.push(Some(dest_url.to_string()));
                    vec![Event::Text(CowStr::from("["))]
                }
            }
            Event::End(TagEnd::Link) => match links.pop().flatten() {
                Some(url) => vec![Event::Text(CowStr::from(format!("]({url})")))],
                None => vec![Event::End(TagEnd::Link)],
            },
            // A picture's description stands as text; the picture is not fetched.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => Vec::new(),
            other => vec![other],
        }
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

fn heading_level(level: u8) -> HeadingLevel {
    match level {
        0 | 1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_br_in_a_table_cell_breaks_the_line_and_other_html_is_text() {
        let html = to_html("| Sygehus |\n| --- |\n| Herlev<br>Gentofte |", 2);
        assert!(html.contains("<td>Herlev<br />\nGentofte</td>"), "{html}");
        assert!(to_html("a <b>fed</b>", 2).contains("&lt;b&gt;"));
    }

    #[test]
    fn headings_sit_below_their_section_without_skipping() {
        let html = to_html("# Et\n\ntekst\n\n#### Dybt", 3);
        assert_eq!(html, "<h4>Et</h4>\n<p>tekst</p>\n<h5>Dybt</h5>\n");
    }

    #[test]
    fn links_only_for_web_addresses_and_html_as_text() {
        let html = to_html(
            "[lov](https://x.dk/a) og [fil](file:///etc/passwd) <script>alert(1)</script> ![kort](k.png)",
            2,
        );
        assert!(
            html.contains("<a href=\"https://x.dk/a\">lov</a>"),
            "{html}"
        );
        assert!(html.contains("[fil](file:///etc/passwd)"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("kort"), "{html}");
    }

    #[test]
    fn tables_have_header_cells() {
        let html = to_html("| År | Beløb |\n|---|---|\n| 2021 | 5 |", 2);
        assert!(html.contains("<thead><tr><th>År</th>"), "{html}");
        assert!(
            html.starts_with(
                "<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\">\n<table>"
            ),
            "{html}"
        );
        assert!(html.trim_end().ends_with("</table>\n</div>"), "{html}");
    }
}
