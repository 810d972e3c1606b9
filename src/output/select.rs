//! What a command works on: the project (its root found from the paths named, or given)
//! and the input files under those paths, or under the project's `cases/` and `moeder/`.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, shown_path};
use crate::project::Project;
use crate::tr;

/// The project and the files a command works on.
pub struct Selection {
    /// The project.
    pub project: Project,
    /// Input files, in the order named, each once.
    pub files: Vec<PathBuf>,
}

/// Why there is nothing to work on.
pub enum Refused {
    /// The paths named do not exist, or the project has no input folders (a usage error).
    Usage(Vec<Diagnostic>),
    /// The project's `sagsgen.toml` has errors.
    Input(Vec<Diagnostic>),
}

/// The project and the input files for `paths` (none: the project's input folders), with
/// the project at `root` or else found above the first path (`cwd` when none is named).
/// `output_dir` (`--output`) is never searched for inputs.
pub fn select(
    paths: &[PathBuf],
    root: Option<&Path>,
    output_dir: Option<&Path>,
    cwd: &Path,
) -> Result<Selection, Refused> {
    let missing: Vec<Diagnostic> = paths
        .iter()
        .filter(|p| !p.exists())
        .map(|path| Diagnostic::error(tr!("path-not-found", path = shown_path(path))))
        .collect();
    if !missing.is_empty() {
        return Err(Refused::Usage(missing));
    }
    let root = root.map_or_else(|| root_above(paths.first(), cwd), Path::to_path_buf);
    let project = Project::load(&root).map_err(Refused::Input)?;
    let output = project.output_dir(output_dir);
    let paths = if paths.is_empty() {
        let folders = project.input_folders();
        if folders.is_empty() {
            let d = Diagnostic::error(tr!(
                "project-no-input-folders",
                folder = dunce::simplified(&project.root).display().to_string()
            ));
            return Err(Refused::Usage(vec![d]));
        }
        folders
    } else {
        paths.to_vec()
    };
    // In the order given, each file once (a folder and a file in it may both be named).
    let mut seen = std::collections::HashSet::new();
    let files: Vec<PathBuf> = paths
        .iter()
        .flat_map(|path| super::inputs(path, &output))
        .filter(|file| seen.insert(file.clone()))
        .collect();
    Ok(Selection { project, files })
}

/// The project folder of `first` (a file or folder; `cwd` when none is named): the
/// nearest folder above it holding `sagsgen.toml`, else its own folder.
fn root_above(first: Option<&PathBuf>, cwd: &Path) -> PathBuf {
    let first = first.map_or(cwd, PathBuf::as_path);
    let start = if first.is_dir() {
        first
    } else {
        first.parent().unwrap_or(Path::new("."))
    };
    let start = if start.as_os_str().is_empty() {
        Path::new(".")
    } else {
        start
    };
    Project::find_root(start, cwd)
}
