//! Where labelled places fell in a laid-out document: a packet prints its attachment pages'
//! numbers as plain text, found by laying it out once without the attachments.

use typst::foundations::Label;
use typst::introspection::Introspector as _;
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

/// A laid-out document's page count, and the page each label asked for fell on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// How many pages the document has.
    pub pages: usize,
    /// For each label asked for, in order: its page (1-based), or `None` when the document
    /// has no such label, or has it more than once.
    pub labels: Vec<Option<usize>>,
}

impl Placement {
    /// The page count and label pages of `document`.
    pub fn of(document: &PagedDocument, labels: &[String]) -> Self {
        let introspector = document.introspector();
        let labels = labels
            .iter()
            .map(|name| {
                let label = Label::new(PicoStr::intern(name))?;
                let element = introspector.query_label(label).ok()?;
                let location = element.location()?;
                introspector.page(location).map(|page| page.get())
            })
            .collect();
        Self {
            pages: document.pages().len(),
            labels,
        }
    }
}
