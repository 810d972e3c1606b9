//! A packet's page numbers, printed as text on its attachment pages.
//!
//! Counted by Typst, "Side X af Y" on each of a packet's thousands of attachment pages asks
//! where the page fell, so every page is laid out again on each of Typst's passes (three, as
//! the table of contents settles). Instead the packet is first laid out with its attachment
//! pages blank and bare — its page count and each attachment's first page read from that —
//! and then made with those numbers as plain text, which Typst lays out once and reuses.
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

/// The attachments whose pages a packet holds: for each, its key in [`Paging::start`] and
/// the label the template puts on its first page.
pub fn attachments(view: &View) -> Vec<(String, String)> {
    let View::Meeting(meeting) = view else {
        return Vec::new();
    };
    meeting
        .punkter
        .iter()
        .flat_map(|p| {
            p.bilag
                .iter()
                .map(move |b| format!("{}-{}", p.anker, b.nummer))
        })
        .map(|key| {
            let label = format!("bilag-{key}");
            (key, label)
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

    /// The numbers found by the draft pass; `None` when an attachment's label was not found
    /// (a template of the project's own that does not place them).
    pub fn found(placement: &Placement, attachments: &[(String, String)]) -> Option<Self> {
        let start = attachments
            .iter()
            .zip(&placement.labels)
            .map(|((key, _), page)| Some((key.clone(), (*page)?)))
            .collect::<Option<BTreeMap<_, _>>>()?;
        Some(Self {
            forarbejde: false,
            i_alt: placement.pages,
            start,
        })
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

    #[test]
    fn numbers_come_from_the_draft_placement() {
        let attachments = vec![
            ("1-1".to_string(), "bilag-1-1".to_string()),
            ("3-2".to_string(), "bilag-3-2".to_string()),
        ];
        let paging = Paging::found(&placement(40, &[Some(5), Some(31)]), &attachments).unwrap();
        assert!(!paging.forarbejde);
        assert_eq!(paging.i_alt, 40);
        assert_eq!(paging.start["1-1"], 5);
        assert_eq!(paging.start["3-2"], 31);
    }

    #[test]
    fn a_missing_label_gives_no_numbers() {
        let attachments = vec![("1-1".to_string(), "bilag-1-1".to_string())];
        assert!(Paging::found(&placement(40, &[None]), &attachments).is_none());
    }
}
