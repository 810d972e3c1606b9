//! FirstAgenda Publication pages (the `dagsordener.<kommune>.dk` sites), saved after their
//! scripts ran: `span.udvalg`, `span.dato` ("onsdag den 1. oktober 2025 kl. 15.45"),
//! `span.sted`; each item an `h2.overskrift` in a `tr.punktrow` whose first cell holds its
//! number, then a `div.details` with `span.sagsnummer`, sections as `<h3>` captions with
//! their text after them, and attachments as `a.bilag-link` (title only). Closed items
//! are left out of the public page or shown as "Lukket punkt" with their title.

use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use super::source::{SourceAttachment, SourceItem, SourceMeeting, SourceSection, System};
use crate::i18n::Message;
use crate::tr;

/// Whether the page is a FirstAgenda Publication agenda or minutes.
pub fn detect(html: &str) -> bool {
    let page = Html::parse_document(html);
    page.select(&selector("span.udvalg")).next().is_some()
        && page.select(&selector("h2.overskrift")).next().is_some()
}

fn selector(text: &str) -> Selector {
    Selector::parse(text).expect("the selectors here are valid CSS")
}

/// Text with white space folded; `None` when empty.
fn text_of(element: ElementRef<'_>) -> Option<String> {
    let text = element.text().collect::<Vec<_>>().join(" ");
    let text = crate::render::escape::plain_line(&text);
    (!text.is_empty()).then_some(text)
}

fn first_text(scope: ElementRef<'_>, css: &str) -> Option<String> {
    scope.select(&selector(css)).find_map(text_of)
}

/// The meeting on the page.
pub fn read(html: &str, file: &Path) -> Result<Vec<SourceMeeting>, String> {
    let page = Html::parse_document(html);
    let root = page.root_element();
    let udvalg = first_text(root, "span.udvalg")
        .ok_or_else(|| tr!("import-no-committee", place = "span.udvalg").text)?;
    let when = first_text(root, "span.dato")
        .or_else(|| first_text(root, ".dato"))
        .ok_or_else(|| {
            tr!(
                "import-no-date",
                committee = udvalg.as_str(),
                place = "span.dato"
            )
            .text
        })?;
    let (dato, tid) =
        super::xml::when(&when).ok_or_else(|| tr!("import-bad-date", date = when.as_str()).text)?;
    let items: Vec<SourceItem> = root
        .select(&selector("h2.overskrift"))
        .enumerate()
        .map(|(i, heading)| item(heading, i))
        .collect();
    let notes = cut_off(html, &items).into_iter().collect();
    Ok(vec![SourceMeeting {
        system: System::FirstAgenda,
        file: file.to_path_buf(),
        udvalg: super::committee_with_short(&udvalg),
        dato,
        tid,
        sted: first_text(root, "span.sted"),
        medlemmer: Vec::new(),
        afbud: Vec::new(),
        items,
        notes,
        organisation: organisation(root),
    }])
}

/// The organisation the page names outside its items: in its title, its metadata, a
/// logo's text alternative, or its header and footer.
fn organisation(root: ElementRef<'_>) -> Option<String> {
    let framing = selector("title, header, footer, .navbar-brand, #header, #footer");
    let labels = selector("meta[content], img[alt]");
    let mut texts = root.select(&framing).filter_map(text_of).chain(
        root.select(&labels)
            .filter_map(|e| e.value().attr("content").or(e.value().attr("alt")))
            .map(str::to_string),
    );
    texts.find_map(|t| super::organisation::named_in(&t))
}

/// A page saved before it finished loading ends before `</html>`: its last items may be
/// missing and the last text cut off. Said, naming the last item read.
fn cut_off(html: &str, items: &[SourceItem]) -> Option<Message> {
    let end = html.trim_end();
    let ends = end
        .get(end.len().saturating_sub("</html>".len())..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case("</html>"));
    if ends {
        return None;
    }
    let last = items
        .last()
        .map_or(tr!("import-cut-off-no-item").text, |i| {
            let numbered = match i.nummer.as_deref() {
                Some(n) => format!("{n} \"{}\"", i.titel),
                None => format!("\"{}\"", i.titel),
            };
            tr!("import-cut-off-last", item = numbered).text
        });
    Some(tr!("import-cut-off", last = last))
}

fn item(heading: ElementRef<'_>, index: usize) -> SourceItem {
    let row = heading
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "tr");
    let nummer = row.and_then(|r| {
        r.child_elements()
            .next()
            .and_then(|cell| first_text(cell, ".label").or_else(|| text_of(cell)))
    });
    let details = details_of(heading);
    let sections = details
        .and_then(|d| d.select(&selector("div.punkt")).next())
        .map(sections)
        .unwrap_or_default();
    let bilag = details
        .map(|d| {
            d.select(&selector("a.bilag-link"))
                .filter_map(text_of)
                .map(|titel| SourceAttachment {
                    titel,
                    aaben: true,
                    ..SourceAttachment::default()
                })
                .collect()
        })
        .unwrap_or_default();
    // The public page leaves closed items out, or shows them as "Lukket punkt" with the
    // title only.
    let closed = row
        .and_then(text_of)
        .is_some_and(|t| t.contains("Lukket punkt"))
        || row.is_some_and(|r| {
            r.select(&selector(".label"))
                .filter_map(text_of)
                .any(|t| t.eq_ignore_ascii_case("lukket"))
        });
    SourceItem {
        nummer: nummer.filter(|n| n.chars().any(|c| c.is_ascii_digit())),
        titel: text_of(heading).unwrap_or_else(|| format!("Punkt {}", index + 1)),
        offentlig_titel: None,
        sagsnummer: details.and_then(|d| first_text(d, "span.sagsnummer")),
        forfatter: None,
        aaben: !closed,
        sections,
        bilag,
        fravaerende: Vec::new(),
        shown_text: details.map(shown_text),
    }
}

/// The site's own furniture in an item's element: not the item's text. Everything else
/// the page shows there is.
const SITE_UI: [&str; 4] = ["button", "script", "style", "span.label"];

/// The heading the site puts over an item's attachment links.
const ATTACHMENTS_HEADING: &str = "Bilag";

/// What the page shows of an item: the text of its element, less the site's furniture.
fn shown_text(details: ElementRef<'_>) -> String {
    let ui: Vec<_> = SITE_UI.iter().map(|s| selector(s)).collect();
    let mut out = String::new();
    for node in details.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let furniture = node.ancestors().filter_map(ElementRef::wrap).any(|e| {
            ui.iter().any(|u| u.matches(&e))
                || (e.value().name() == "h3" && text_of(e).as_deref() == Some(ATTACHMENTS_HEADING))
        });
        if !furniture {
            out.push_str(text);
            out.push(' ');
        }
    }
    out
}

/// The `div.details` after the item's heading (or its button).
fn details_of(heading: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut node = Some(heading);
    while let Some(current) = node {
        let found = current
            .next_siblings()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().classes().any(|c| c == "details"));
        if found.is_some() {
            return found;
        }
        node = current.parent().and_then(ElementRef::wrap);
        if node.is_some_and(|n| n.value().name() == "tr") {
            return None;
        }
    }
    None
}

/// The item's text in document order, as a browser shows it: each `<h3>` caption starts a
/// section holding everything after it up to the next caption, at whatever depth; an
/// element that holds captions is read through. Text before the first caption is a
/// section without one, so nothing the page shows of the item is left out.
fn sections(punkt: ElementRef<'_>) -> Vec<SourceSection> {
    let mut reading = Reading::default();
    reading.walk(*punkt);
    reading.flush();
    reading.out
}

#[derive(Default)]
struct Reading {
    caption: String,
    html: String,
    out: Vec<SourceSection>,
}

impl Reading {
    fn walk(&mut self, node: ego_tree::NodeRef<'_, scraper::Node>) {
        let h3 = selector("h3");
        for child in node.children() {
            match ElementRef::wrap(child) {
                Some(e) if e.value().name() == "h3" => {
                    self.flush();
                    self.caption = text_of(e).unwrap_or_default();
                }
                Some(e) if e.select(&h3).next().is_some() => self.walk(child),
                Some(e) => self.html.push_str(&e.html()),
                None => {
                    if let Some(text) = child.value().as_text() {
                        self.html.push_str(&crate::render::escape::html(text));
                    }
                }
            }
        }
    }

    /// The section read so far, when it has a caption or text.
    fn flush(&mut self) {
        let html = std::mem::take(&mut self.html);
        let caption = std::mem::take(&mut self.caption);
        let has_text = !super::html::shown_text(&html).trim().is_empty();
        if !caption.is_empty() || has_text {
            self.out.push(SourceSection {
                caption,
                html,
                decision: false,
            });
        }
    }
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    fn sections_of(html: &str) -> Vec<(String, String)> {
        let page = scraper::Html::parse_document(html);
        let punkt = page.select(&selector("div.punkt")).next().unwrap();
        sections(punkt)
            .into_iter()
            .map(|s| {
                let text = crate::import::html::shown_text(&s.html);
                (
                    s.caption,
                    text.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn text_before_any_caption_and_blocks_inside_inline_elements_are_kept() {
        // A motion's text straight in the container, in a span whose children are divs
        // (as Word-made HTML has it), before the first caption; then captioned sections
        // at another depth.
        let html = r#"<div class="punkt"><h3></h3><div><div id="sagsfremstillingContainer">
<span class="resume"><div>BESLUTNINGSFORSLAG FRA RV</div><div>Dette udspil har til formål at samle indsatsen.</div></span>
<div><h3>Resume</h3><span class="resume"><div>Puljen er på 1,2 mio. kr.</div></span></div>
<p>Tekst efter resumeet.</p>
<h3>Sagsforløb</h3><span class="resume"><div>Sagen var på mødet i september.</div></span>
</div></div></div>"#;
        assert_eq!(
            sections_of(html),
            [
                (
                    String::new(),
                    "BESLUTNINGSFORSLAG FRA RV Dette udspil har til formål at samle indsatsen."
                        .to_string()
                ),
                (
                    "Resume".to_string(),
                    "Puljen er på 1,2 mio. kr. Tekst efter resumeet.".to_string()
                ),
                (
                    "Sagsforløb".to_string(),
                    "Sagen var på mødet i september.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_page_cut_off_before_its_end_is_said_with_its_last_item() {
        let page = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/import/firstagenda/referat.html"
        ))
        .unwrap();
        let whole = read(&page, Path::new("r.html")).unwrap().remove(0);
        assert!(whole.notes.is_empty());
        // Saved before it finished: cut in the middle of the second item.
        let at = page.find("Eventuelt").unwrap() + 4;
        let cut = read(&page[..at], Path::new("r.html")).unwrap().remove(0);
        assert_eq!(
            cut.notes
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>(),
            [
                "siden slutter før sin afslutning (ingen </html>): den er måske gemt, før den var færdig med at indlæse, så punkter kan mangle og den sidste tekst være skåret af; det sidste punkt, der blev læst, er 2 \"Even\". Gem siden igen, når den er indlæst"
            ]
        );
    }
}
