//! An attachment's stamp and footer drawn onto its pages after layout, copied from its first
//! page with the page number changed: laid out by Typst, the two marginals of each of a
//! packet's thousands of attachment pages took a sixth of its time and memory (each is a
//! tagged artifact with a location of its own, so Typst lays every one out anew).
//!
//! The template leaves an attachment's later pages bare; here each bare page gets the
//! first page's header as it is and its footer with the page's own number, as groups that
//! the PDF export writes as header and footer artifacts (`vendor/typst-pdf`).

use typst::ecow::EcoVec;
use typst::foundations::{Content, Label, StyleChain};
use typst::introspection::Tag;
use typst::layout::{Abs, Em, Frame, FrameItem, GroupItem, Point};
use typst::pdf::{ArtifactElem, ArtifactKind};
use typst::text::{Glyph, TextItem};
use typst::utils::PicoStr;
use typst_layout::{Page, PagedDocument};

/// An attachment's pages in a laid-out packet: its first page (0-based), on which Typst laid
/// out the stamp and the footer, and how many pages it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentRun {
    /// The index of its first page in the document.
    pub first: usize,
    /// Its page count.
    pub pages: usize,
}

/// Why the marginals could not be drawn: a bare page whose first page has no stamp and
/// footer to copy, or a footer without its page number as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undrawable(pub String);

/// The document's pages with the stamp and footer drawn on every bare page of each run, and
/// how many those were (`None` when there was none).
pub fn draw(
    document: &PagedDocument,
    runs: &[AttachmentRun],
) -> Result<Option<(EcoVec<Page>, usize)>, Undrawable> {
    let mut pages: Option<EcoVec<Page>> = None;
    let mut drawn_on = 0;
    for run in runs {
        let all = document.pages();
        let later = (run.first + 1..run.first + run.pages).filter(|&i| i < all.len());
        let bare: Vec<usize> = later
            .filter(|&i| marginals(&all[i].frame).is_none())
            .collect();
        if bare.is_empty() {
            continue;
        }
        let reference = Reference::of(&all[run.first], run.first + 1)?;
        let pages = pages.get_or_insert_with(|| all.iter().cloned().collect());
        let pages = pages.make_mut();
        for i in bare {
            reference.draw_on(&mut pages[i], i + 1)?;
            drawn_on += 1;
        }
    }
    Ok(pages.map(|pages| (pages, drawn_on)))
}

/// The header and footer Typst laid out on a page, with where they sit on it.
struct Marginals {
    header: (Point, Frame),
    footer: (Point, Frame),
}

/// What is copied from an attachment's first page onto the others.
struct Reference {
    marginals: Marginals,
    /// The first page's size: pages of another shape get marginals of their own.
    size: typst::layout::Size,
    /// The first page's number, as its footer prints it.
    number: String,
}

impl Reference {
    /// The stamp and footer of an attachment's first page, page `number` of the packet.
    fn of(page: &Page, number: usize) -> Result<Self, Undrawable> {
        let Some(Marginals { header, footer }) = marginals(&page.frame) else {
            return Err(Undrawable(format!(
                "page {number}, an attachment's first page, has no header and footer to copy"
            )));
        };
        Ok(Self {
            marginals: Marginals {
                header: (header.0, untagged(&header.1)),
                footer: (footer.0, untagged(&footer.1)),
            },
            size: page.frame.size(),
            number: number.to_string(),
        })
    }

    /// Draws the stamp and footer on `page`, page `number` of the packet.
    fn draw_on(&self, page: &mut Page, number: usize) -> Result<(), Undrawable> {
        if page.frame.size() != self.size {
            return Err(Undrawable(format!(
                "page {number} is bare but not the shape of its attachment's first page"
            )));
        }
        let (header_at, header) = &self.marginals.header;
        let (footer_at, footer) = &self.marginals.footer;
        let footer = renumbered(footer, &self.number, &number.to_string()).ok_or_else(|| {
            Undrawable(format!(
                "the footer of page {} does not print its number as text",
                self.number
            ))
        })?;
        page.frame.push(
            *header_at,
            drawn(header.clone(), typst_pdf::DRAWN_HEADER_LABEL),
        );
        page.frame
            .push(*footer_at, drawn(footer, typst_pdf::DRAWN_FOOTER_LABEL));
        Ok(())
    }
}

/// A frame as a group labelled for the PDF export (see `vendor/typst-pdf`).
fn drawn(frame: Frame, label: &str) -> FrameItem {
    let mut group = GroupItem::new(frame);
    group.label = Label::new(PicoStr::intern(label));
    FrameItem::Group(group)
}

/// The page's header and footer as Typst laid them out, when it has both, with where they
/// sit: top-level groups that start as header and footer artifacts, or a top-level run of
/// items from such an artifact's start to its end (Typst inlines a marginal of few items
/// into the page). A page given its marginals here has them too (labelled groups).
fn marginals(page: &Frame) -> Option<Marginals> {
    let items: Vec<&(Point, FrameItem)> = page.items().collect();
    let mut header = None;
    let mut footer = None;
    let mut i = 0;
    while i < items.len() {
        let (at, item) = items[i];
        let found = match item {
            FrameItem::Group(group) => {
                marginal_kind(group).map(|kind| (kind, (*at, group.frame.clone())))
            }
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
                Some((kind, (Point::zero(), inlined)))
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
    Some(Marginals {
        header: header?,
        footer: footer?,
    })
}

/// Whether a group is a page header or footer: laid out by Typst (it opens with the
/// artifact's start) or drawn here (labelled).
fn marginal_kind(group: &GroupItem) -> Option<ArtifactKind> {
    if let Some(label) = group.label {
        match label.resolve().as_str() {
            typst_pdf::DRAWN_HEADER_LABEL => return Some(ArtifactKind::Header),
            typst_pdf::DRAWN_FOOTER_LABEL => return Some(ArtifactKind::Footer),
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
    let mut out = Frame::new(frame.size(), frame.kind());
    if frame.has_baseline() {
        out.set_baseline(frame.baseline());
    }
    for (at, item) in frame.items() {
        if let Some(item) = map(item) {
            out.push(*at, item);
        }
    }
    out
}

/// The frame with the number `old` in its last text that has it changed to `new`, or
/// `None` when no text has it. Text ending at the frame's right edge keeps ending there.
fn renumbered(frame: &Frame, old: &str, new: &str) -> Option<Frame> {
    let items: Vec<&(Point, FrameItem)> = frame.items().collect();
    let (index, at, item) = items.iter().enumerate().rev().find_map(|(i, (at, item))| {
        let replaced = match item {
            FrameItem::Text(text) => {
                let changed = renumbered_text(text, old, new)?;
                let right_aligned = (at.x + text.width() - frame.width()).abs() < Abs::pt(0.5);
                let shift = if right_aligned {
                    text.width() - changed.width()
                } else {
                    Abs::zero()
                };
                (Point::new(at.x + shift, at.y), FrameItem::Text(changed))
            }
            FrameItem::Group(group) => {
                let changed = renumbered(&group.frame, old, new)?;
                let group = GroupItem {
                    frame: changed,
                    ..group.clone()
                };
                (*at, FrameItem::Group(group))
            }
            _ => return None,
        };
        Some((i, replaced.0, replaced.1))
    })?;
    let mut out = Frame::new(frame.size(), frame.kind());
    if frame.has_baseline() {
        out.set_baseline(frame.baseline());
    }
    for (i, (pos, other)) in items.into_iter().enumerate() {
        if i == index {
            out.push(at, item.clone());
        } else {
            out.push(*pos, other.clone());
        }
    }
    Some(out)
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
    let mut glyphs: Vec<Glyph> = before.into_iter().cloned().collect();
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
    let mut changed = text.clone();
    changed.text = format!("{}{new}{}", &text.text[..start], &text.text[end..]).into();
    changed.glyphs = glyphs;
    Some(changed)
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

    #[test]
    fn only_a_whole_number_is_found() {
        assert_eq!(last_number("Side 57 af 3857", "57"), Some(5));
        assert_eq!(last_number("Side 7 af 57", "57"), Some(10));
        assert_eq!(last_number("Side 157 af 3570", "57"), None);
        assert_eq!(last_number("57", "57"), Some(0));
    }
}
