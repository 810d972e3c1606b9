//! A packet's page numbers, printed as text on its attachment pages.
//!
//! Counted by Typst, "Side X af Y" on each of a packet's thousands of attachment pages asks
//! where the page fell, so every page is laid out again on each of Typst's passes. Instead
//! the numbers are worked out first and the packet is made with them as plain text, which
//! Typst lays out once and reuses; with the items' pages known too (from the agenda), the
//! contents print theirs and link by page number, the footers of the other pages are drawn
//! (see `crate::engine::marginals`), and nothing asks Typst where anything fell: one pass,
//! not two. Worked out how:
//!
//! 1. From its agenda, made just before it ([`Paging::from_agenda`]): every item starts on
//!    a new page in both, so each keeps its length, and the attachments follow it; only the
//!    cover and contents (longer by the attachments' lines) are laid out to count them.
//! 2. Else from a layout of its own with one blank, bare stand-in page per attachment and
//!    no headers or footers ([`Paging::found`]).
//!
//! The made packet is checked against the numbers (where its attachments' labels fell and
//! its page count). Should they differ it tries the next way, and at last has Typst count.

use std::collections::BTreeMap;

use serde::Serialize;

use super::View;
use crate::engine::{AttachmentRun, Placement};

/// What the meeting template is told about a packet's page numbers (`sidetal`).
#[derive(Debug, Clone, Serialize)]
pub struct Paging {
    /// The pass that finds the numbers: attachment pages blank, without header and footer.
    pub forarbejde: bool,
    /// The pass that counts the pages of the cover and the contents alone (when the plain
    /// agenda's layout tells where the items fall).
    pub indhold_alene: bool,
    /// The packet's page count.
    pub i_alt: usize,
    /// The page each attachment starts on, by `"<anker>-<nummer>"`.
    pub start: BTreeMap<String, usize>,
    /// The page each item starts on, by its `anker`, when known (from the agenda): with
    /// them and `start` the contents need not ask Typst where anything fell.
    pub punkter: BTreeMap<String, usize>,
    /// Whether an attachment's pages after the first of each shape are left bare, sagsgen
    /// drawing that page's stamp and footer on them after layout (and its bookmarks are
    /// metadata that sagsgen's PDF export makes bookmarks of).
    pub bare: bool,
    /// Where each attachment runs in the packet, for that drawing.
    #[serde(skip)]
    pub runs: Vec<AttachmentRun>,
}

/// A view together with its packet's page numbers, as the template sees them.
#[derive(Serialize)]
pub struct Paged<'a> {
    #[serde(flatten)]
    pub view: &'a View,
    pub sidetal: &'a Paging,
}

/// The labels on the first page of each of a meeting's items (`punkt-<anker>`), in order.
pub fn item_labels(view: &View) -> Vec<String> {
    item_anchors(view)
        .into_iter()
        .map(|anker| format!("punkt-{anker}"))
        .collect()
}

/// Each of a meeting's items' `anker`, in order.
pub fn item_anchors(view: &View) -> Vec<String> {
    match view {
        View::Meeting(meeting) => meeting
            .punkter
            .iter()
            .map(|p| p.anker.to_string())
            .collect(),
        View::Document(_) => Vec::new(),
    }
}

/// An attachment whose pages a packet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Its key in [`Paging::start`]: `"<anker>-<nummer>"`.
    pub key: String,
    /// The label the template puts on its first page.
    pub label: String,
    /// Its page count.
    pub pages: usize,
    /// The place of its item among the meeting's items (0-based).
    pub item: usize,
}

/// The attachments whose pages a packet holds, in the packet's order.
pub fn attachments(view: &View) -> Vec<Target> {
    let View::Meeting(meeting) = view else {
        return Vec::new();
    };
    meeting
        .punkter
        .iter()
        .enumerate()
        .flat_map(|(item, p)| {
            p.bilag.iter().map(move |b| {
                let key = format!("{}-{}", p.anker, b.nummer);
                Target {
                    label: format!("bilag-{key}"),
                    key,
                    pages: b.sider,
                    item,
                }
            })
        })
        .collect()
}

/// How many attachment pages a packet holds.
pub fn attachment_pages(view: &View) -> usize {
    attachments(view).iter().map(|a| a.pages).sum()
}

/// Whether a packet and its public version have the same pages after their covers: the
/// same attachments, and no item closed in the public one (its text, cut to its title,
/// would move every page after it). Laid out one after the other, the second reuses what
/// Typst laid out for the first.
pub fn same_pages(packet: &View, public: &View) -> bool {
    let closed = match public {
        View::Meeting(meeting) => meeting.punkter.iter().any(|p| p.lukket),
        View::Document(_) => true,
    };
    !closed && attachments(packet) == attachments(public)
}

impl Paging {
    /// The pass that finds the numbers.
    pub fn draft() -> Self {
        Self {
            forarbejde: true,
            indhold_alene: false,
            i_alt: 0,
            start: BTreeMap::new(),
            punkter: BTreeMap::new(),
            bare: false,
            runs: Vec::new(),
        }
    }

    /// The pass that counts the pages of the cover and the contents.
    pub fn contents_only() -> Self {
        Self {
            indhold_alene: true,
            ..Self::draft()
        }
    }

    /// The numbers that follow from the plain agenda's layout — the page each of its items
    /// starts on (`agenda`, labels as [`item_labels`]) — when the packet's cover and contents
    /// take `front` pages: each item as long as in the agenda (every item starts on a new
    /// page in both), followed by its attachments' pages. With them, where the packet's
    /// labels must fall. `anchors` are the items' (as [`item_anchors`]). `None` when the
    /// agenda lacks an item's label.
    pub fn from_agenda(
        front: usize,
        agenda: &Placement,
        attachments: &[Target],
        anchors: &[String],
    ) -> Option<(Self, Placement)> {
        let items: Vec<usize> = agenda.labels.iter().copied().collect::<Option<_>>()?;
        if items.len() != anchors.len() {
            return None;
        }
        let ends = items.iter().skip(1).copied().chain([agenda.pages + 1]);
        let mut page = front + 1;
        let mut starts = Vec::new();
        let mut punkter = BTreeMap::new();
        let mut rest = attachments.iter().peekable();
        for (item, (from, to)) in items.iter().zip(ends).enumerate() {
            punkter.insert(anchors[item].clone(), page);
            page += to.checked_sub(*from)?;
            while let Some(target) = rest.next_if(|t| t.item == item) {
                starts.push(page);
                page += target.pages;
            }
        }
        if rest.next().is_some() {
            return None;
        }
        let (paging, expected) = Self::numbers(attachments, starts, page - 1);
        Some((Self { punkter, ..paging }, expected))
    }

    /// The numbers that follow from the draft pass, where each attachment had one page;
    /// `None` when a stand-in's label was not found (a template of the project's own that
    /// does not place them). With them, where the packet's labels must fall.
    pub fn found(draft: &Placement, attachments: &[Target]) -> Option<(Self, Placement)> {
        let mut later = 0;
        let mut starts = Vec::new();
        for (target, page) in attachments.iter().zip(&draft.labels) {
            starts.push((*page)? + later);
            later += target.pages.saturating_sub(1);
        }
        if starts.len() != attachments.len() {
            return None;
        }
        Some(Self::numbers(attachments, starts, draft.pages + later))
    }

    /// These numbers with every attachment page given its stamp and footer by Typst.
    pub fn with_marginals(&self) -> Self {
        Self {
            bare: false,
            ..self.clone()
        }
    }

    /// The numbers to print — the first page of each of `attachments` (`starts`, in the
    /// same order), and the page count — with where the packet's labels must then fall.
    fn numbers(attachments: &[Target], starts: Vec<usize>, pages: usize) -> (Self, Placement) {
        let labels = starts.iter().map(|page| Some(*page)).collect();
        let runs = attachments
            .iter()
            .zip(&starts)
            .map(|(target, start)| AttachmentRun {
                first: start.saturating_sub(1),
                pages: target.pages,
            })
            .collect();
        let paging = Self {
            forarbejde: false,
            indhold_alene: false,
            i_alt: pages,
            start: attachments
                .iter()
                .map(|target| target.key.clone())
                .zip(starts)
                .collect(),
            punkter: BTreeMap::new(),
            bare: true,
            runs,
        };
        (paging, Placement { pages, labels })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placement(pages: usize, labels: &[Option<usize>]) -> Placement {
        Placement {
            pages,
            labels: labels.to_vec(),
        }
    }

    fn target(key: &str, pages: usize) -> Target {
        Target {
            key: key.to_string(),
            label: format!("bilag-{key}"),
            pages,
            item: key.split('-').next().unwrap().parse::<usize>().unwrap() - 1,
        }
    }

    #[test]
    fn an_agendas_items_keep_their_length_with_their_attachments_after_them() {
        // The agenda: items on pages 3, 5 and 6 of 8 (so 2, 1 and 3 pages long). The packet's
        // cover and contents take 3 pages (one more than the agenda's, for the attachments'
        // lines); item 1 has attachments of 3 and 2 pages, item 3 one of 4.
        let attachments = [target("1-1", 3), target("1-2", 2), target("3-1", 4)];
        let agenda = placement(8, &[Some(3), Some(5), Some(6)]);
        let anchors = ["1", "2", "3"].map(String::from);
        let (paging, expected) = Paging::from_agenda(3, &agenda, &attachments, &anchors).unwrap();
        // Item 1 on 4–5, its attachments 6–8 and 9–10; item 2 on 11; item 3 on 12–14, its
        // attachment 15–18.
        assert_eq!(paging.start["1-1"], 6);
        assert_eq!(paging.start["1-2"], 9);
        assert_eq!(paging.start["3-1"], 15);
        assert_eq!(paging.i_alt, 18);
        let items: Vec<_> = paging
            .punkter
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(items, [("1", 4), ("2", 11), ("3", 12)]);
        assert_eq!(expected, placement(18, &[Some(6), Some(9), Some(15)]));
        assert!(!paging.forarbejde && !paging.indhold_alene);
        // Where the drawn stamps go: each attachment from its first page (0-based).
        let run = |first, pages| AttachmentRun { first, pages };
        assert_eq!(paging.runs, [run(5, 3), run(8, 2), run(14, 4)]);
        assert!(paging.bare && !paging.with_marginals().bare);
    }

    #[test]
    fn an_agenda_without_an_items_label_tells_nothing() {
        let anchors = ["1", "2"].map(String::from);
        let agenda = placement(8, &[Some(3), None]);
        assert!(Paging::from_agenda(3, &agenda, &[target("1-1", 2)], &anchors).is_none());
        // Nor one with fewer items than the packet's attachments belong to.
        let agenda = placement(8, &[Some(3)]);
        assert!(Paging::from_agenda(3, &agenda, &[target("2-1", 2)], &anchors[..1]).is_none());
    }

    #[test]
    fn each_attachment_starts_after_the_pages_of_those_before_it() {
        // Draft: stand-ins on pages 5, 6 and 9 of 12; the attachments have 3, 2 and 4 pages.
        let attachments = [target("1-1", 3), target("1-2", 2), target("3-1", 4)];
        let (paging, expected) =
            Paging::found(&placement(12, &[Some(5), Some(6), Some(9)]), &attachments).unwrap();
        assert!(!paging.forarbejde);
        assert_eq!(paging.start["1-1"], 5);
        assert_eq!(paging.start["1-2"], 5 + 3);
        assert_eq!(paging.start["3-1"], 9 + 2 + 1);
        assert_eq!(paging.i_alt, 12 + 2 + 1 + 3);
        assert_eq!(expected, placement(18, &[Some(5), Some(8), Some(12)]));
    }

    #[test]
    fn a_missing_label_gives_no_numbers() {
        assert!(Paging::found(&placement(40, &[None]), &[target("1-1", 2)]).is_none());
    }
}
