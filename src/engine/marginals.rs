//! An attachment's stamp and footer drawn onto its pages after layout, copied from its first
//! page with the page number changed: laid out by Typst, the two marginals of each of a
//! packet's thousands of attachment pages took a sixth of its time and memory (each is a
//! tagged artifact with a location of its own, so Typst lays every one out anew).
//!
//! The template gives only the first page of each shape (upright, landscape) of an
//! attachment its marginals and leaves the others bare; here each bare page gets the header
//! of the first page of its shape as it is and its footer with the page's own number, as
//! groups that the PDF export writes as header and footer artifacts (`vendor/typst-pdf`).
//!
//! A meeting edition's pages after the cover get the cover's footer the same way: the
//! cover is a page of its own with its footer as text, the later pages have none. Counted
//! by Typst, the footers would cost the packets a second pass, and the editions could not
//! share their items' layout (see moede.typ.j2).

use typst::ecow::EcoVec;
use typst::foundations::{Content, Label, StyleChain};
use typst::introspection::Tag;
use typst::layout::{Abs, Em, Frame, FrameItem, GroupItem, Point, Size};
use typst::pdf::{ArtifactElem, ArtifactKind};
use typst::text::{Glyph, TextItem};
use typst::utils::PicoStr;
use typst_layout::{Page, PagedDocument};

/// The labels of the groups drawn as an attachment page's stamp and footer. typst-pdf, as
/// sagsgen patches it (vendor/patches/typst-pdf-*/0002), writes groups so labelled as
/// header and footer artifacts; an unpatched typst-pdf writes them as plain content.
const DRAWN_HEADER_LABEL: &str = "sagsgen-drawn-header";
/// See [`DRAWN_HEADER_LABEL`].
const DRAWN_FOOTER_LABEL: &str = "sagsgen-drawn-footer";

/// An attachment's pages in a laid-out packet: its first page (0-based), on which Typst laid
/// out the stamp and the footer, and how many pages it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentRun {
    /// The index of its first page in the document.
    pub first: usize,
    /// Its page count.
    pub pages: usize,
}

/// Why the marginals could not be drawn: a bare page with no page of its shape before it
/// in its attachment that has a stamp and footer to copy, or a footer without its page
/// number as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undrawable(pub String);

/// What [`draw`] drew.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The document's pages, drawn on.
    pub pages: EcoVec<Page>,
    /// How many attachment pages got a stamp and a footer.
    pub attachment_pages: usize,
    /// How many other pages got a footer.
    pub footers: usize,
}

/// The document's pages with the stamp and footer drawn on every bare page of each run, and
/// the first page's footer on every other page without one (`None` when no page needed
/// either). A bare attachment page gets those of the first page of its shape in its
/// attachment (an upright page those of the first upright one, a landscape page those of
/// the first landscape one); each footer its page's number.
pub fn draw(document: &PagedDocument, runs: &[AttachmentRun]) -> Result<Option<Drawn>, Undrawable> {
    let all = document.pages();
    let mut pages: Option<EcoVec<Page>> = None;
    let mut drawn_on = 0;
    for run in runs {
        let mut references: Vec<(Size, Result<Reference, Undrawable>)> = Vec::new();
        for i in run.first..(run.first + run.pages).min(all.len()) {
            let size = all[i].frame.size();
            let known = references.iter().find(|(shape, _)| *shape == size);
            match (marginals(&all[i].frame), known) {
                ((None, None), Some((_, reference))) => {
                    let reference = reference.as_ref().map_err(Clone::clone)?;
                    let pages = pages.get_or_insert_with(|| all.iter().cloned().collect());
                    reference.draw_on(&mut pages.make_mut()[i], i + 1)?;
                    drawn_on += 1;
                }
                ((None, None), None) => {
                    return Err(Undrawable(format!(
                        "page {} is bare, and no page of its shape before it in its \
                         attachment has a stamp and footer to copy",
                        i + 1
                    )));
                }
                (found, None) => references.push((size, Reference::of(found, i + 1))),
                (_, Some(_)) => {}
            }
        }
    }
    let footers = draw_footers(all, runs, &mut pages)?;
    Ok(pages.map(|pages| Drawn {
        pages,
        attachment_pages: drawn_on,
        footers,
    }))
}

/// Draws the first page's footer, numbered, on every page outside the attachments that has
/// none (a packet whose numbers are known leaves them to be drawn: the template's footer
/// asks Typst for the page's number, which costs the whole packet a second layout pass);
/// how many pages those were.
fn draw_footers(
    all: &[Page],
    runs: &[AttachmentRun],
    pages: &mut Option<EcoVec<Page>>,
) -> Result<usize, Undrawable> {
    let Some(first) = all.first() else {
        return Ok(0);
    };
    let in_attachment = |i: usize| {
        runs.iter()
            .any(|r| (r.first..r.first + r.pages).contains(&i))
    };
    let mut reference = None;
    let mut drawn_on = 0;
    for i in 1..all.len() {
        if in_attachment(i) || marginals(&all[i].frame).1.is_some() {
            continue;
        }
        if all[i].frame.size() != first.frame.size() {
            return Err(Undrawable(format!(
                "page {} has no footer, and is not of the first page's size",
                i + 1
            )));
        }
        let (footer, at) = reference
            .get_or_insert_with(|| first_footer(first))
            .as_ref()
            .map_err(Clone::clone)?;
        let footer = footer.numbered(i + 1).ok_or_else(|| {
            Undrawable(format!(
                "the font has no digits for page {}'s footer",
                i + 1
            ))
        })?;
        let pages = pages.get_or_insert_with(|| all.iter().cloned().collect());
        let frame = wrapped(&mut pages.make_mut()[i]);
        frame.push(*at, drawn(footer, DRAWN_FOOTER_LABEL));
        drawn_on += 1;
    }
    Ok(drawn_on)
}

/// The first page's footer, numbered 1, and where it sits.
fn first_footer(first: &Page) -> Result<(NumberedFooter, Point), Undrawable> {
    let Some(footer) = marginals(&first.frame).1 else {
        return Err(Undrawable(
            "pages have no footer, and the first page none to copy".to_string(),
        ));
    };
    let edge = (!footer.inlined).then(|| footer.frame.width());
    let numbered = NumberedFooter::of(&untagged(&footer.frame), 1, edge).ok_or_else(|| {
        Undrawable("the footer of page 1 does not print its number as text".to_string())
    })?;
    Ok((numbered, footer.at))
}

/// The page's frame, now holding its own frame whole as a group, for more to be drawn on
/// it. (Shared with the document it came from, the own frame goes in whole: pushing onto it
/// would copy its items for each of thousands of pages.)
fn wrapped(page: &mut Page) -> &mut Frame {
    let mut frame = Frame::new(page.frame.size(), page.frame.kind());
    let own = std::mem::take(&mut page.frame);
    frame.push(Point::zero(), FrameItem::Group(GroupItem::new(own)));
    page.frame = frame;
    &mut page.frame
}

/// A page's header or footer and where it sits on the page.
struct Marginal {
    at: Point,
    frame: Frame,
    /// Whether Typst had inlined it into the page: its items then sit in a page-sized
    /// frame, and the edges of the area it was laid out in are not known.
    inlined: bool,
}

/// What is copied from the first page of a shape in an attachment onto its other pages of
/// that shape: the stamp and the footer, and where each sits.
struct Reference {
    header: Frame,
    header_at: Point,
    footer: NumberedFooter,
    footer_at: Point,
}

impl Reference {
    /// The stamp and footer (`found` on it) of the first page of its shape in an
    /// attachment, page `number` of the packet.
    fn of(found: (Option<Marginal>, Option<Marginal>), number: usize) -> Result<Self, Undrawable> {
        let (Some(header), Some(footer)) = found else {
            return Err(Undrawable(format!(
                "page {number}, the first of its shape in its attachment, has no header and \
                 footer to copy"
            )));
        };
        let edge = (!footer.inlined).then(|| footer.frame.width());
        let numbered = NumberedFooter::of(&untagged(&footer.frame), number, edge);
        let numbered = numbered.ok_or_else(|| {
            Undrawable(format!(
                "the footer of page {number} does not print its number as text"
            ))
        })?;
        Ok(Self {
            header: untagged(&header.frame),
            header_at: header.at,
            footer: numbered,
            footer_at: footer.at,
        })
    }

    /// Draws the stamp and footer on `page`, page `number` of the packet.
    fn draw_on(&self, page: &mut Page, number: usize) -> Result<(), Undrawable> {
        let footer = self.footer.numbered(number).ok_or_else(|| {
            Undrawable(format!("the font has no digits for page {number}'s footer"))
        })?;
        let frame = wrapped(page);
        let header = drawn(self.header.clone(), DRAWN_HEADER_LABEL);
        frame.push(self.header_at, header);
        frame.push(self.footer_at, drawn(footer, DRAWN_FOOTER_LABEL));
        Ok(())
    }
}

/// A frame as a group labelled for the PDF export (see `vendor/typst-pdf`).
fn drawn(frame: Frame, label: &str) -> FrameItem {
    let mut group = GroupItem::new(frame);
    group.label = Label::new(PicoStr::intern(label));
    FrameItem::Group(group)
}

/// The page's header and footer as Typst laid them out, each when it has it: top-level
/// groups that start as header and footer artifacts, or a top-level run of items from such
/// an artifact's start to its end (Typst inlines a marginal of few items into the page). A
/// page given its marginals here has them too (labelled groups).
fn marginals(page: &Frame) -> (Option<Marginal>, Option<Marginal>) {
    let items: Vec<&(Point, FrameItem)> = page.items().collect();
    let mut header = None;
    let mut footer = None;
    let mut i = 0;
    while i < items.len() {
        let (at, item) = items[i];
        let found = match item {
            FrameItem::Group(group) => marginal_kind(group).map(|kind| {
                let marginal = Marginal {
                    at: *at,
                    frame: group.frame.clone(),
                    inlined: false,
                };
                (kind, marginal)
            }),
            FrameItem::Tag(Tag::Start(content, _)) => artifact_kind(content).and_then(|kind| {
                let location = content.location()?;
                let end = items[i..].iter().position(
                    |(_, item)| matches!(item, FrameItem::Tag(Tag::End(l, ..)) if *l == location),
                )?;
                let mut inlined = Frame::soft(page.size());
                for (at, item) in &items[i..=i + end] {
                    inlined.push(*at, item.clone());
                }
                i += end;
                let marginal = Marginal {
                    at: Point::zero(),
                    frame: inlined,
                    inlined: true,
                };
                Some((kind, marginal))
            }),
            _ => None,
        };
        match found {
            Some((ArtifactKind::Header, marginal)) => header = Some(marginal),
            Some((ArtifactKind::Footer, marginal)) => footer = Some(marginal),
            _ => {}
        }
        i += 1;
    }
    (header, footer)
}

/// Whether a group is a page header or footer: laid out by Typst (it opens with the
/// artifact's start) or drawn here (labelled).
fn marginal_kind(group: &GroupItem) -> Option<ArtifactKind> {
    if let Some(label) = group.label {
        match label.resolve().as_str() {
            DRAWN_HEADER_LABEL => return Some(ArtifactKind::Header),
            DRAWN_FOOTER_LABEL => return Some(ArtifactKind::Footer),
            _ => {}
        }
    }
    match group.frame.items().next() {
        Some((_, FrameItem::Tag(Tag::Start(content, _)))) => artifact_kind(content),
        _ => None,
    }
}

/// The kind of an artifact element (a page's header and footer are such).
fn artifact_kind(content: &Content) -> Option<ArtifactKind> {
    content
        .to_packed::<ArtifactElem>()
        .map(|artifact| artifact.kind.get(StyleChain::default()))
}

/// A copy of the frame without its tags (they belong to the page it was laid out on) and
/// without logical parents.
fn untagged(frame: &Frame) -> Frame {
    rebuilt(frame, |item| match item {
        FrameItem::Tag(_) => None,
        FrameItem::Group(group) => Some(FrameItem::Group(GroupItem {
            frame: untagged(&group.frame),
            parent: None,
            ..group.clone()
        })),
        other => Some(other.clone()),
    })
}

/// A frame of the same size, kind and baseline with its items mapped (or left out).
fn rebuilt(frame: &Frame, mut map: impl FnMut(&FrameItem) -> Option<FrameItem>) -> Frame {
    rebuilt_with(frame, |_, item| map(item))
}

/// [`rebuilt`], the map also given each item's index.
fn rebuilt_with(
    frame: &Frame,
    mut map: impl FnMut(usize, &FrameItem) -> Option<FrameItem>,
) -> Frame {
    let mut out = Frame::new(frame.size(), frame.kind());
    if frame.has_baseline() {
        out.set_baseline(frame.baseline());
    }
    for (i, (at, item)) in frame.items().enumerate() {
        if let Some(item) = map(i, item) {
            out.push(*at, item);
        }
    }
    out
}

/// An attachment's footer cut in two: all of it but the text with the page number, which
/// every page shares, and that text, given each page's number.
struct NumberedFooter {
    /// The footer without the number's text.
    rest: Frame,
    /// The text with the first page's number, where it sits in the footer, and whether it
    /// ends at the right edge of the area it was laid out in (a longer number then starts
    /// further left).
    text: TextItem,
    at: Point,
    right_aligned: bool,
    /// The first page's number.
    number: String,
}

impl NumberedFooter {
    /// The footer of page `number`, `None` when no text of it prints the number as a whole
    /// number. Text ending at the right edge of the area it was laid out in is
    /// right-aligned: the frame's own width, or `edge` at the top of a marginal (the
    /// page-sized frame of an inlined one has none: its number is taken to be right-aligned,
    /// as the built-in footer's is).
    fn of(footer: &Frame, number: usize, edge: Option<Abs>) -> Option<Self> {
        let number = number.to_string();
        let (rest, text, at, right_aligned) = without_number(footer, &number, edge)?;
        Some(Self {
            rest,
            text,
            at,
            right_aligned,
            number,
        })
    }

    /// The footer with page `number`; `None` when the font lacks a digit.
    fn numbered(&self, number: usize) -> Option<Frame> {
        let text = renumbered_text(&self.text, &self.number, &number.to_string())?;
        let shift = if self.right_aligned {
            self.text.width() - text.width()
        } else {
            Abs::zero()
        };
        let mut frame = Frame::new(self.rest.size(), self.rest.kind());
        frame.push(
            Point::zero(),
            FrameItem::Group(GroupItem::new(self.rest.clone())),
        );
        frame.push(
            Point::new(self.at.x + shift, self.at.y),
            FrameItem::Text(text),
        );
        Some(frame)
    }
}

/// The frame without its last text that prints `number` as a whole number, that text, where
/// it sits in the frame, and whether it is right-aligned (see [`NumberedFooter::of`]).
/// `None` when no text has the number, or it lies in a transformed group.
fn without_number(
    frame: &Frame,
    number: &str,
    edge: Option<Abs>,
) -> Option<(Frame, TextItem, Point, bool)> {
    let items: Vec<&(Point, FrameItem)> = frame.items().collect();
    let (index, replacement, text, at, right_aligned) =
        items
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, (at, item))| match item {
                FrameItem::Text(text) => {
                    last_number(&text.text, number)?;
                    let end = run_end(&items, *at, text);
                    let right_aligned = edge.is_none_or(|edge| (end - edge).abs() < Abs::pt(0.5));
                    Some((i, None, text.clone(), *at, right_aligned))
                }
                FrameItem::Group(group) if group.transform.is_identity() => {
                    let width = Some(group.frame.width());
                    let (rest, text, inner, right) = without_number(&group.frame, number, width)?;
                    let group = GroupItem {
                        frame: rest,
                        ..group.clone()
                    };
                    Some((i, Some(FrameItem::Group(group)), text, *at + inner, right))
                }
                _ => None,
            })?;
    let rest = rebuilt_with(frame, |i, item| match i == index {
        true => replacement.clone(),
        false => Some(item.clone()),
    });
    Some((rest, text, at, right_aligned))
}

/// Where the run of text that `text` (at `at`) starts ends: texts on its baseline each
/// starting where the one before ends ("Side 1 af " and a total laid out apart, "104") are
/// one run, which a right-aligned footer aligns as a whole.
fn run_end(items: &[&(Point, FrameItem)], at: Point, text: &TextItem) -> Abs {
    let mut end = at.x + text.width();
    while let Some(next) = items.iter().find_map(|(p, item)| match item {
        FrameItem::Text(t)
            if (p.y - at.y).abs() < Abs::pt(0.5)
                && p.x > end - Abs::pt(0.5)
                && p.x < end + Abs::pt(0.5) =>
        {
            Some(p.x + t.width())
        }
        _ => None,
    }) {
        if next <= end {
            break;
        }
        end = next;
    }
    end
}

/// The text with its last whole number `old` changed to `new`: the digits' glyphs taken
/// from the font, the glyphs after them moved along. `None` when the text has no such
/// number or the font no such digits.
fn renumbered_text(text: &TextItem, old: &str, new: &str) -> Option<TextItem> {
    let start = last_number(&text.text, old)?;
    let end = start + old.len();
    let (before, rest): (Vec<&Glyph>, Vec<&Glyph>) = text
        .glyphs
        .iter()
        .partition(|g| usize::from(g.range.end) <= start);
    let (inside, after): (Vec<&Glyph>, Vec<&Glyph>) = rest
        .into_iter()
        .partition(|g| usize::from(g.range.start) < end);
    // A glyph across the number's edge (a ligature) cannot be split.
    if inside
        .iter()
        .any(|g| usize::from(g.range.start) < start || usize::from(g.range.end) > end)
    {
        return None;
    }
    let span = inside.first().map(|g| g.span)?;
    let font = &text.font;
    let mut glyphs = Vec::with_capacity(before.len() + new.len() + after.len());
    glyphs.extend(before.into_iter().cloned());
    for (k, digit) in new.char_indices() {
        let id = font.ttf().glyph_index(digit)?.0;
        let at = u16::try_from(start + k).ok()?;
        glyphs.push(Glyph {
            id,
            x_advance: font.x_advance(id)?,
            x_offset: Em::zero(),
            y_advance: Em::zero(),
            y_offset: Em::zero(),
            range: at..at + 1,
            span,
        });
    }
    for glyph in after {
        let moved = |i: u16| u16::try_from(usize::from(i) - old.len() + new.len()).ok();
        glyphs.push(Glyph {
            range: moved(glyph.range.start)?..moved(glyph.range.end)?,
            ..glyph.clone()
        });
    }
    Some(TextItem {
        font: text.font.clone(),
        size: text.size,
        fill: text.fill.clone(),
        stroke: text.stroke.clone(),
        lang: text.lang,
        region: text.region,
        text: format!("{}{new}{}", &text.text[..start], &text.text[end..]).into(),
        glyphs,
    })
}

/// Where the last occurrence of `number` in `text` that is a whole number (no digit next to
/// it) starts.
fn last_number(text: &str, number: &str) -> Option<usize> {
    text.rmatch_indices(number).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::laid_out;

    /// Eight pages with a footer of their own, then an attachment of three pages whose first
    /// has its stamp and footer ("Side 9 af 12") and whose others are bare.
    const PACKET: &str = r#"
#set page(width: 320pt, height: 220pt, margin: 30pt)
#for n in range(1, 9) { page(footer: [Side #n af 12])[Punkt] }
#let stamp = align(right)[Bilag 1 til punkt 1]
#let footer(n) = [Byrådet #h(1fr) Side #n af 12]
#page(header: stamp, footer: footer(9))[Første side]
#page(header: none, footer: none)[Anden side]
#page(header: none, footer: none)[Tredje side]
"#;

    /// The attachment of `PACKET`'s pages drawn on.
    fn drawn_packet(document: &PagedDocument) -> Result<Option<(EcoVec<Page>, usize)>, Undrawable> {
        pages_and_count(draw(document, &[AttachmentRun { first: 8, pages: 3 }]))
    }

    /// The pages drawn on and on how many attachment pages.
    fn pages_and_count(
        drawn: Result<Option<Drawn>, Undrawable>,
    ) -> Result<Option<(EcoVec<Page>, usize)>, Undrawable> {
        drawn.map(|d| d.map(|d| (d.pages, d.attachment_pages)))
    }

    /// Each text on a page, with where it starts in page coordinates.
    fn texts(frame: &Frame, at: Point, out: &mut Vec<(Point, TextItem)>) {
        for (pos, item) in frame.items() {
            let pos = at + *pos;
            match item {
                FrameItem::Text(text) => out.push((pos, text.clone())),
                FrameItem::Group(group) => texts(&group.frame, pos, out),
                _ => {}
            }
        }
    }

    fn page_texts(pages: &[Page], index: usize) -> Vec<(Point, TextItem)> {
        let mut out = Vec::new();
        texts(&pages[index].frame, Point::zero(), &mut out);
        out
    }

    /// The text `text` on a page and where it starts and ends.
    fn find(pages: &[Page], index: usize, text: &str) -> Option<(TextItem, Abs, Abs)> {
        let texts = page_texts(pages, index);
        let (at, item) = texts.into_iter().find(|(_, t)| t.text.as_str() == text)?;
        let width = item.width();
        Some((item, at.x, at.x + width))
    }

    /// The built-in footer's shape: a rule, then the text — more items than Typst inlines
    /// into the page, so the footer is a group of its own.
    const RULED: &str =
        "[#line(length: 100%) #v(-1mm) #set text(size: 8pt); Byrådet #h(1fr) Side #n af 12]";

    /// The packet with `footer` for the attachment's first page.
    fn with_footer(footer: &str) -> String {
        PACKET.replace("[Byrådet #h(1fr) Side #n af 12]", footer)
    }

    #[test]
    fn the_first_pages_stamp_and_footer_are_drawn_on_the_bare_pages_numbered() {
        for (source, inlined) in [(PACKET.to_string(), true), (with_footer(RULED), false)] {
            let document = laid_out(&source);
            let (_, footer) = marginals(&document.pages()[8].frame);
            assert_eq!(footer.unwrap().inlined, inlined, "{source}");
            assert_drawn_right_aligned(&document);
        }
    }

    fn assert_drawn_right_aligned(document: &PagedDocument) {
        let (pages, drawn_on) = drawn_packet(document).unwrap().unwrap();
        assert_eq!(drawn_on, 2);
        let (_, _, right) = find(&pages, 8, "Side 9 af 12").unwrap();
        for (index, number) in [(9, "10"), (10, "11")] {
            // One more digit, and the number still ends where the first page's does.
            let (_, _, moved) = find(&pages, index, &format!("Side {number} af 12")).unwrap();
            assert!((moved - right).abs() < Abs::pt(0.01), "{moved:?} {right:?}");
            assert!(find(&pages, index, "Bilag 1 til punkt 1").is_some());
            assert!(find(&pages, index, "Byrådet").is_some());
        }
        // The pages with their own marginals are left as they are.
        let own = |pages: &[Page]| -> Vec<String> {
            let texts = page_texts(pages, 3);
            texts.iter().map(|(_, t)| t.text.to_string()).collect()
        };
        assert_eq!(own(&pages), own(document.pages()));
    }

    #[test]
    fn a_number_at_the_left_of_its_footer_keeps_its_start() {
        let document = laid_out(&with_footer(&RULED.replace("Byrådet #h(1fr) ", "")));
        let (_, footer) = marginals(&document.pages()[8].frame);
        assert!(!footer.unwrap().inlined);
        let (pages, _) = drawn_packet(&document).unwrap().unwrap();
        let (_, first, _) = find(&pages, 8, "Side 9 af 12").unwrap();
        let (_, next, _) = find(&pages, 9, "Side 10 af 12").unwrap();
        assert!((next - first).abs() < Abs::pt(0.01), "{first:?} {next:?}");
    }

    #[test]
    fn the_new_numbers_glyphs_cover_its_text() {
        let (pages, _) = drawn_packet(&laid_out(PACKET)).unwrap().unwrap();
        let (footer, _, _) = find(&pages, 9, "Side 10 af 12").unwrap();
        let covered: String = footer
            .glyphs
            .iter()
            .map(|g| &footer.text[usize::from(g.range.start)..usize::from(g.range.end)])
            .collect();
        assert_eq!(covered.replace(' ', ""), "Side10af12");
    }

    /// Why drawing on `PACKET` changed by `from` → `to` is refused.
    fn refused(from: &str, to: &str) -> String {
        let source = PACKET.replace(from, to);
        assert_ne!(source, PACKET);
        drawn_packet(&laid_out(&source)).unwrap_err().0
    }

    #[test]
    fn a_first_page_without_a_footer_leaves_nothing_to_copy() {
        let why = refused("footer: footer(9)", "footer: none");
        assert!(why.contains("page 9"), "{why}");
    }

    #[test]
    fn a_footer_without_its_number_cannot_be_renumbered() {
        let why = refused("footer(9)", "footer(\"IX\")");
        assert!(why.contains("does not print its number"), "{why}");
    }

    #[test]
    fn a_bare_page_gets_the_marginals_of_the_first_page_of_its_shape() {
        // Upright (the test's pages are wider than tall, turned ones taller than wide)
        // first, then the first turned one, then a bare page of each shape.
        let source = PACKET
            .replace(
                "#page(header: none, footer: none)[Anden side]",
                "#page(flipped: true, header: stamp, footer: footer(10))[Anden side]",
            )
            .replace(
                "#page(header: none, footer: none)[Tredje side]",
                "#page(header: none, footer: none)[Tredje side]\n\
                 #page(flipped: true, header: none, footer: none)[Fjerde side]",
            );
        let document = laid_out(&source);
        let run = AttachmentRun { first: 8, pages: 4 };
        let (pages, drawn_on) = pages_and_count(draw(&document, &[run])).unwrap().unwrap();
        assert_eq!(drawn_on, 2);
        for (bare, reference) in [(10, 8), (11, 9)] {
            let number = |index: usize| format!("Side {} af 12", index + 1);
            let (_, _, right) = find(&pages, reference, &number(reference)).unwrap();
            let (_, _, drawn) = find(&pages, bare, &number(bare)).unwrap();
            assert!((drawn - right).abs() < Abs::pt(0.01), "page {bare}");
        }
        assert_ne!(pages[8].frame.width(), pages[9].frame.width());
    }

    #[test]
    fn pages_that_all_have_their_marginals_are_left_alone() {
        let eight: String = PACKET.lines().take(3).collect::<Vec<_>>().join("\n");
        let document = laid_out(&eight);
        assert_eq!(document.pages().len(), 8);
        assert!(
            draw(&document, &[AttachmentRun { first: 0, pages: 8 }])
                .unwrap()
                .is_none()
        );
    }

    /// A cover with its footer, then eleven pages without one (a meeting edition whose
    /// footers sagsgen draws); `total` is the footer's "af …".
    fn edition(total: &str) -> String {
        format!(
            "#set page(width: 320pt, height: 220pt, margin: 30pt, footer: none)\n\
             #page(footer: [#line(length: 100%) #v(-1mm) Byrådet #h(1fr) Side 1 af {total}])[Forside]\n\
             #for n in range(2, 13) {{ page[Punkt] }}\n"
        )
    }

    #[test]
    fn pages_without_a_footer_get_the_first_pages_renumbered() {
        let document = laid_out(&edition("12"));
        let drawn = draw(&document, &[]).unwrap().unwrap();
        assert_eq!((drawn.attachment_pages, drawn.footers), (0, 11));
        let (_, _, first_end) = find(&drawn.pages, 0, "Side 1 af 12").unwrap();
        for index in 1..12 {
            let text = format!("Side {} af 12", index + 1);
            let (_, _, end) = find(&drawn.pages, index, &text).unwrap_or_else(|| {
                panic!("{text:?} on page {}", index + 1);
            });
            assert!(
                (end - first_end).abs() < Abs::pt(0.01),
                "page {}",
                index + 1
            );
        }
    }

    #[test]
    fn a_total_laid_out_apart_stays_where_it_is_and_the_number_grows_to_the_left() {
        // A template that looks the total up apart from the number ("Side 1 af " and the
        // count are then two texts side by side; the built-in one looks up the whole line).
        let document = laid_out(&edition("#context str(12)"));
        let drawn = draw(&document, &[]).unwrap().unwrap();
        let (_, total_start, _) = find(&drawn.pages, 0, "12").unwrap();
        let (_, start, end) = find(&drawn.pages, 11, "Side 12 af ").unwrap();
        let (_, start_1, _) = find(&drawn.pages, 0, "Side 1 af ").unwrap();
        assert!(
            (end - total_start).abs() < Abs::pt(0.01),
            "the number ends where the total starts"
        );
        assert!(start < start_1, "a longer number starts further left");
        let (_, total_12, _) = find(&drawn.pages, 11, "12").unwrap();
        assert!((total_12 - total_start).abs() < Abs::pt(0.01));
    }

    #[test]
    fn pages_without_a_footer_and_a_first_page_without_one_cannot_be_drawn() {
        let source = edition("12").replace("#page(footer: [", "#page(footer: none, header: [");
        let Undrawable(why) = draw(&laid_out(&source), &[]).unwrap_err();
        assert!(why.contains("first page"), "{why}");
    }

    #[test]
    fn only_a_whole_number_is_found() {
        assert_eq!(last_number("Side 57 af 3857", "57"), Some(5));
        assert_eq!(last_number("Side 7 af 57", "57"), Some(10));
        assert_eq!(last_number("Side 157 af 3570", "57"), None);
        assert_eq!(last_number("57", "57"), Some(0));
    }
}
