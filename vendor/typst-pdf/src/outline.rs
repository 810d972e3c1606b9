use std::num::NonZeroUsize;

use krilla::outline::{Outline as KrillaOutline, OutlineNode as KrillaOutlineNode};
use typst_library::foundations::{
    Content, Label, NativeElement, Packed, Selector, StyleChain, Value,
};
use typst_library::introspection::{Introspector, Location, MetadataElem, PagedPosition};
use typst_library::model::{HeadingElem, OutlineNode};
use typst_utils::PicoStr;
use typst_utils::NonZeroExt;

use crate::convert::GlobalContext;

/// An outline entry — a heading, or a bookmark given as labelled metadata
/// ([`crate::BOOKMARK_LABEL`]).
enum Entry<'a> {
    Heading(&'a Packed<HeadingElem>),
    Bookmark(Location, String),
}

impl Entry<'_> {
    fn location(&self) -> Location {
        match self {
            Self::Heading(heading) => heading.location().unwrap(),
            Self::Bookmark(location, _) => *location,
        }
    }

    fn title(&self) -> String {
        match self {
            // Prepend the numbers to the title if they exist.
            Self::Heading(heading) => {
                let text = heading.body.plain_text();
                match &heading.numbers {
                    Some(num) => format!("{num} {text}"),
                    None => text.to_string(),
                }
            }
            Self::Bookmark(_, title) => title.clone(),
        }
    }
}

pub(crate) fn build_outline(gc: &GlobalContext) -> KrillaOutline {
    let mut selectors = vec![HeadingElem::ELEM.select()];
    selectors.extend(
        Label::new(PicoStr::intern(crate::BOOKMARK_LABEL)).map(Selector::Label),
    );
    let elems = gc.document.introspector().query(&Selector::Or(selectors.into()));

    let flat = elems
        .iter()
        .filter_map(|elem| {
            let visible = gc.options.page_ranges.as_ref().is_none_or(|ranges| {
                !ranges.includes_page(
                    gc.document
                        .introspector()
                        .page(elem.location().unwrap())
                        .unwrap_or(NonZeroUsize::ONE),
                )
            });

            if let Some(heading) = elem.to_packed::<HeadingElem>() {
                let level = heading.resolve_level(StyleChain::default());
                let boomarked = heading
                    .bookmarked
                    .get(StyleChain::default())
                    .unwrap_or_else(|| heading.outlined.get(StyleChain::default()));
                return Some((Entry::Heading(heading), level, boomarked && visible));
            }

            let (level, title) = bookmark(elem)?;
            Some((Entry::Bookmark(elem.location()?, title), level, visible))
        })
        .collect::<Vec<_>>();

    let tree = OutlineNode::build_tree(flat);

    let mut outline = KrillaOutline::new();
    for child in convert_list(&tree, gc) {
        outline.push_child(child);
    }

    outline
}

/// The level and title of a bookmark given as `metadata((level, title))`.
fn bookmark(elem: &Content) -> Option<(NonZeroUsize, String)> {
    let metadata = elem.to_packed::<MetadataElem>()?;
    let Value::Array(array) = &metadata.value else { return None };
    match array.as_slice() {
        [Value::Int(level), Value::Str(title)] => {
            let level = NonZeroUsize::new(usize::try_from(*level).ok()?)?;
            Some((level, title.to_string()))
        }
        _ => None,
    }
}

fn convert_list(nodes: &[OutlineNode<Entry>], gc: &GlobalContext) -> Vec<KrillaOutlineNode> {
    nodes.iter().flat_map(|node| convert_node(node, gc)).collect()
}

fn convert_node(node: &OutlineNode<Entry>, gc: &GlobalContext) -> Option<KrillaOutlineNode> {
    let loc = node.entry.location();
    let pos = gc
        .document
        .introspector()
        .position(loc)
        .unwrap_or(PagedPosition::ORIGIN);

    let title = node.entry.title();

    if let Some(dest) = crate::link::pos_to_xyz(&gc.page_index_converter, pos) {
        let mut outline_node = KrillaOutlineNode::new(title, dest);
        for child in convert_list(&node.children, gc) {
            outline_node.push_child(child);
        }

        return Some(outline_node);
    }

    None
}

#[cfg(test)]
mod bookmark_tests {
    use typst_library::foundations::{NativeElement, Value, array};
    use typst_library::introspection::MetadataElem;

    use super::bookmark;

    #[test]
    fn labelled_metadata_of_a_level_and_a_title_is_a_bookmark() {
        let of = |value: Value| bookmark(&MetadataElem::new(value).pack());
        let (level, title) = of(Value::Array(array![2, "Bilag 1"])).unwrap();
        assert_eq!((level.get(), title.as_str()), (2, "Bilag 1"));
        // Anything else is no bookmark: a level of 0, the wrong order, other values.
        assert!(of(Value::Array(array![0, "Bilag 1"])).is_none());
        assert!(of(Value::Array(array!["Bilag 1", 2])).is_none());
        assert!(of(Value::Int(2)).is_none());
    }
}
