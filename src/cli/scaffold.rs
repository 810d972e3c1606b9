//! `sagsgen new` and `sagsgen init`: files to start from. Neither ever overwrites a file.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Exit, GlobalArgs};
use crate::dates::Date;
use crate::diag::{self, Diagnostic};
use crate::project::Project;
use crate::scaffold::{NewKind, new_file, project_files, schema_directive};
use crate::schema::CASE_SCHEMA_FILE;

/// Arguments of `sagsgen new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to write.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// The new file (e.g. `cases/2025/budget.toml`).
    pub path: PathBuf,
}

/// Arguments of `sagsgen init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The project folder (created if needed; default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Also write the built-in templates into `templates/`, for editing.
    #[arg(long)]
    pub templates: bool,
}

/// Runs `sagsgen new`.
pub fn new(global: &GlobalArgs, args: &NewArgs) -> Exit {
    if args.path.exists() {
        let d = Diagnostic::error(format!(
            "{} already exists; sagsgen new never overwrites a file",
            args.path.display()
        ))
        .with_help("choose another file name, or delete the file first");
        diag::print(&[d], global.color_choice());
        return Exit::InputErrors;
    }
    let contents = format!(
        "{}{}",
        directive_for(&args.path),
        new_file(args.kind, Date::today())
    );
    match write_new(&args.path, &contents) {
        Ok(()) => {
            if !global.quiet {
                eprintln!("  Created {}", args.path.display());
            }
            Exit::Ok
        }
        Err(d) => {
            diag::print(&[d], global.color_choice());
            Exit::InputErrors
        }
    }
}

/// Runs `sagsgen init`.
pub fn init(global: &GlobalArgs, args: &InitArgs) -> Exit {
    let mut failed = false;
    for (relative, contents) in project_files(Date::today(), args.templates) {
        let path = args.dir.join(&relative);
        if path.exists() {
            if !global.quiet {
                eprintln!("     Kept {} (it exists)", path.display());
            }
            continue;
        }
        match write_new(&path, &contents) {
            Ok(()) if !global.quiet => eprintln!("  Created {}", path.display()),
            Ok(()) => {}
            Err(d) => {
                diag::print(&[d], global.color_choice());
                failed = true;
            }
        }
    }
    if failed {
        return Exit::InputErrors;
    }
    if !global.quiet {
        eprintln!(
            "Ready: run `sagsgen build` in {} to build the examples",
            args.dir.display()
        );
    }
    Exit::Ok
}

/// A `#:schema` line pointing at the project's schema file, when the project has one.
fn directive_for(path: &Path) -> String {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).ok();
    let Ok(dir) = dir.canonicalize() else {
        return String::new();
    };
    let root = Project::find_root(&dir, &dir);
    if !root.join(CASE_SCHEMA_FILE).is_file() {
        return String::new();
    }
    let depth = dir
        .strip_prefix(&root)
        .map_or(0, |rel| rel.components().count());
    schema_directive(depth, CASE_SCHEMA_FILE)
}

/// Writes a file that does not exist yet, creating its folder.
fn write_new(path: &Path, contents: &str) -> Result<(), Diagnostic> {
    let fail =
        |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    // create_new: never replace a file that appeared since the check above.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    std::io::Write::write_all(&mut file, contents.as_bytes()).map_err(fail)
}
