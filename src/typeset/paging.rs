//! A packet's page numbers, printed as text on its attachment pages.
//!
//! Counted by Typst, "Side X af Y" on each of a packet's thousands of attachment pages asks
//! where the page fell, so every page is laid out again on each of Typst's passes (three, as
//! the table of contents settles). Instead the packet is first laid out with one blank, bare
//! page standing for each attachment and no headers or footers: where each attachment starts
//! follows from where its stand-in fell and the pages of the attachments before it. Then the
//! packet is made with those numbers as plain text, which Typst lays out once and reuses.
//! The made packet is checked against the numbers; should they differ, it is made again
//! with Typst counting.

use std::collections::BTreeMap;

use serde::Serialize;

use super::View;
use crate::engine::Placement;

/// What the meeting template is told about a packet's page numbers (`sidetal`).
#[derive(Debug, Serialize)]
pub struct Paging {
    /// The pass that finds the numbers: attachment pages blank, without header and footer.
    pub forarbejde: bool,
    /// The packet's page count.
    pub i_alt: usize,
    /// The page each attachment starts on, by `"<anker>-<nummer>"`.
    pub start: BTreeMap<String, usize>,
}

/// A view together with its packet's page numbers, as the template sees them.
#[derive(Serialize)]
pub struct Paged<'a> {
    #[serde(flatten)]
    pub view: &'a View,
    pub sidetal: &'a Paging,
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
}

/// The attachments whose pages a packet holds, in the packet's order.
pub fn attachments(view: &View) -> Vec<Target> {
    let View::Meeting(meeting) = view else {
        return Vec::new();
    };
    meeting
        .punkter
        .iter()
        .flat_map(|p| {
            p.bilag.iter().map(move |b| {
                let key = format!("{}-{}", p.anker, b.nummer);
                Target {
                    label: format!("bilag-{key}"),
                    key,
                    pages: b.sider,
                }
            })
        })
        .collect()
}

impl Paging {
    /// The pass that finds the numbers.
    pub fn draft() -> Self {
        Self {
            forarbejde: true,
            i_alt: 0,
            start: BTreeMap::new(),
        }
    }

    /// The numbers that follow from the draft pass, where each attachment had one page;
    /// `None` when a stand-in's label was not found (a template of the project's own that
    /// does not place them). With them, where the packet's labels must fall.
    pub fn found(draft: &Placement, attachments: &[Target]) -> Option<(Self, Placement)> {
        let mut later = 0;
        let mut start = BTreeMap::new();
        let mut labels = Vec::new();
        for (target, page) in attachments.iter().zip(&draft.labels) {
            let page = (*page)? + later;
            start.insert(target.key.clone(), page);
            labels.push(Some(page));
            later += target.pages.saturating_sub(1);
        }
        if labels.len() != attachments.len() {
            return None;
        }
        let pages = draft.pages + later;
        let paging = Self {
            forarbejde: false,
            i_alt: pages,
            start,
        };
        Some((paging, Placement { pages, labels }))
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
        }
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
