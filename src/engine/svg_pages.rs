//! Pages as SVG for the preview, drawn once per distinct page: a page whose laid-out
//! content did not change since an earlier compile gets the SVG drawn then. After one
//! saved line, a 60-page agenda draws one page instead of sixty.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use typst_layout::Page;

/// How many exports a drawn page is kept for without being used.
const KEPT_FOR: u64 = 32;

/// One page drawn as SVG, with a fingerprint of its laid-out content.
#[derive(Debug, Clone)]
pub struct SvgPage {
    /// The page's SVG.
    pub svg: Arc<String>,
    /// A 128-bit hash of the laid-out page (hex): equal for pages that look the same.
    pub fingerprint: String,
    /// Its size in points, rounded (a packet's landscape pages are wider than tall).
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

/// The pages drawn lately, by the hash of their layout.
#[derive(Default)]
pub struct SvgPages {
    drawn: Mutex<Drawn>,
}

#[derive(Default)]
struct Drawn {
    /// Counts exports, to forget what has not been used for a while.
    export: u64,
    pages: HashMap<u128, (Arc<String>, u64)>,
}

impl SvgPages {
    /// Every page as SVG: drawn anew (on all cores) only where no earlier export drew
    /// the same page.
    pub fn draw(&self, pages: &[Page]) -> Vec<SvgPage> {
        use rayon::prelude::*;
        let hashes: Vec<u128> = pages.iter().map(typst::utils::hash128).collect();
        let mut drawn = self.drawn.lock().unwrap_or_else(|e| e.into_inner());
        drawn.export += 1;
        let export = drawn.export;
        let missing: Vec<usize> = (0..pages.len())
            .filter(|&i| !drawn.pages.contains_key(&hashes[i]))
            .collect();
        let new: Vec<(u128, String)> = missing
            .par_iter()
            .map(|&i| {
                let svg = typst_svg::svg(&pages[i], &typst_svg::SvgOptions::default());
                (hashes[i], svg)
            })
            .collect();
        for (hash, svg) in new {
            drawn.pages.insert(hash, (Arc::new(svg), export));
        }
        let out = pages
            .iter()
            .zip(&hashes)
            .map(|(page, hash)| {
                let entry = drawn
                    .pages
                    .get_mut(hash)
                    .expect("every page was drawn above");
                entry.1 = export;
                let size = page.frame.size();
                SvgPage {
                    svg: entry.0.clone(),
                    fingerprint: format!("{hash:032x}"),
                    width: size.x.to_pt().round() as u32,
                    height: size.y.to_pt().round() as u32,
                }
            })
            .collect();
        drawn.pages.retain(|_, (_, used)| export - *used < KEPT_FOR);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::laid_out;

    fn pages(source: &str) -> Vec<Page> {
        laid_out(source).pages().to_vec()
    }

    const THREE: &str =
        "#set page(width: 200pt, height: 100pt)\nEn\n#pagebreak()\nTo\n#pagebreak()\nTre";

    #[test]
    fn a_page_laid_out_alike_again_is_not_drawn_again_and_a_changed_one_is() {
        let drawn = SvgPages::default();
        let first = drawn.draw(&pages(THREE));
        assert_eq!(first.len(), 3);
        assert!(first.iter().all(|p| p.svg.starts_with("<svg")));
        // Each page says its own size, so the preview lays a landscape page out as one.
        assert!(first.iter().all(|p| (p.width, p.height) == (200, 100)));
        let again = drawn.draw(&pages(&THREE.replace("To", "Two")));
        // Pages one and three: the very SVG drawn before, by the same fingerprint.
        for i in [0, 2] {
            assert!(Arc::ptr_eq(&first[i].svg, &again[i].svg), "page {}", i + 1);
            assert_eq!(first[i].fingerprint, again[i].fingerprint);
        }
        assert!(!Arc::ptr_eq(&first[1].svg, &again[1].svg));
        assert_ne!(first[1].fingerprint, again[1].fingerprint);
        assert!(again[1].svg.len() > 100 && again[1].fingerprint.len() == 32);
    }

    #[test]
    fn pages_not_used_for_a_while_are_forgotten() {
        let drawn = SvgPages::default();
        let old = drawn.draw(&pages(THREE));
        for _ in 0..KEPT_FOR {
            drawn.draw(&pages("#set page(width: 200pt, height: 100pt)\nAndet"));
        }
        let later = drawn.draw(&pages(THREE));
        assert!(!Arc::ptr_eq(&old[0].svg, &later[0].svg), "drawn anew");
        assert_eq!(old[0].fingerprint, later[0].fingerprint);
        let held = drawn.drawn.lock().unwrap().pages.len();
        assert_eq!(held, 4, "the three pages and the other one");
    }
}
