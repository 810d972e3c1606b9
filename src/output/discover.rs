//! Finding the input files in the paths a user names, and where each one's output goes.

use std::path::{Component, Path, PathBuf};

use walkdir::WalkDir;

use crate::project::CONFIG_FILE;

/// Folders never searched for case files when walking a directory.
const SKIPPED_DIRS: &[&str] = &[
    crate::project::OUTPUT_FOLDER,
    "templates",
    "fonts",
    "target",
    "node_modules",
];

/// The `.toml` input files under `path` (or `path` itself), sorted.
pub fn inputs(path: &Path, output_dir: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let output_dir = output_dir.canonicalize().ok();
    let mut files: Vec<PathBuf> = WalkDir::new(path)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(e.path(), output_dir.as_deref()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| is_input(p))
        .collect();
    files.sort();
    files
}

fn skipped(path: &Path, output_dir: Option<&Path>) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') {
        return true;
    }
    if path.is_dir() && SKIPPED_DIRS.contains(&name) {
        return true;
    }
    output_dir.is_some_and(|out| path.canonicalize().is_ok_and(|p| p == out))
}

fn is_input(path: &Path) -> bool {
    let toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    toml && name != CONFIG_FILE && !name.starts_with('.')
}

/// Where a case's PDF goes: its path below the project root, without a leading `cases/`,
/// under the output folder (`cases/2020/x.toml` → `output/2020/x.pdf`).
pub fn output_for(input: &Path, root: &Path, output_dir: &Path) -> Option<PathBuf> {
    let canonical = input.canonicalize().ok()?;
    let relative = canonical.strip_prefix(root).ok()?;
    let mut parts = relative.components().peekable();
    if parts.peek() == Some(&Component::Normal("cases".as_ref()))
        && relative.components().count() > 1
    {
        parts.next();
    }
    let rest: PathBuf = parts.collect();
    Some(output_dir.join(rest).with_extension("pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_mirrors_the_tree_without_cases() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("cases/2020")).unwrap();
        std::fs::create_dir_all(root.join("andet")).unwrap();
        std::fs::write(root.join("cases/2020/x.toml"), "").unwrap();
        std::fs::write(root.join("andet/y.toml"), "").unwrap();
        let out = root.join("output");
        assert_eq!(
            output_for(&root.join("cases/2020/x.toml"), &root, &out).unwrap(),
            out.join("2020/x.pdf")
        );
        assert_eq!(
            output_for(&root.join("andet/y.toml"), &root, &out).unwrap(),
            out.join("andet/y.pdf")
        );
    }

    #[test]
    fn walking_skips_output_and_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.toml",
            "sagsgen.toml",
            "output/b.toml",
            ".git/c.toml",
            "sub/d.toml",
            "e.txt",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let found: Vec<String> = inputs(root, &root.join("output"))
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(found, ["a.toml", "sub/d.toml"]);
    }
}
