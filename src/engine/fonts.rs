//! Fonts: the bundled Noto Sans family (embedded in the binary), Typst's own embedded
//! fonts as a fallback for rare characters, and any fonts in the project's `fonts/` folder.
//! No system fonts are used, so output is the same on every machine.

use std::path::Path;

use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

use crate::diag::{Diagnostic, shown_path};
use crate::tr;

const BUNDLED: &[&[u8]] = &[
    include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
];

/// Loads the bundled fonts, then the project's own (`fonts/*.ttf|otf|ttc|otc`).
pub fn load(project_fonts: &Path) -> Result<FontStore, Diagnostic> {
    let mut store = FontStore::new();
    for data in BUNDLED {
        push_all(&mut store, Bytes::new(*data));
    }
    store.extend(typst_kit::fonts::embedded());
    if project_fonts.is_dir() {
        load_dir(&mut store, project_fonts)?;
    }
    Ok(store)
}

fn load_dir(store: &mut FontStore, dir: &Path) -> Result<(), Diagnostic> {
    let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| is_font(p))
        .collect();
    paths.sort();
    for path in paths {
        let data = std::fs::read(&path).map_err(|e| {
            Diagnostic::error(tr!("font-unreadable", reason = crate::i18n::io_error(&e)))
                .with_path(shown_path(&path))
        })?;
        if push_all(store, Bytes::new(data)) == 0 {
            return Err(Diagnostic::error(tr!("font-not-a-font")).with_path(shown_path(&path)));
        }
    }
    Ok(())
}

fn is_font(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("ttf" | "otf" | "ttc" | "otc"))
}

fn push_all(store: &mut FontStore, data: Bytes) -> usize {
    let mut count = 0;
    for font in Font::iter(data) {
        let info = font.info().clone();
        store.push((font, info));
        count += 1;
    }
    count
}
