//! `sagsgen new` and `sagsgen init`: files to start from. Neither ever overwrites a file.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Exit, GlobalArgs};
use crate::dates::Date;
use crate::diag::{self, Diagnostic};
use crate::project::Project;
use crate::project::schema::schema_directive;
use crate::project::schema::{CASE_SCHEMA_FILE, case_schema, to_file_text};
use crate::scaffold::{Filling, NewKind, new_file, project_files};
use crate::tr;

/// Arguments of `sagsgen new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to write.
    #[arg(value_enum)]
    pub kind: KindArg,
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
    // sagsgen builds `.toml` files only: `cases/budget` becomes `cases/budget.toml`.
    let path = if args.path.extension().is_some_and(|e| e == "toml") {
        args.path.clone()
    } else {
        let mut name = args.path.clone().into_os_string();
        name.push(".toml");
        PathBuf::from(name)
    };
    if path.exists() {
        let d = Diagnostic::error(tr!("new-exists", file = path.display().to_string()));
        diag::print(&[d], global.color_choice());
        return Exit::InputErrors;
    }
    let place = match Placement::of(&path) {
        Ok(place) => place,
        Err(d) => {
            diag::print(&[d], global.color_choice());
            return Exit::InputErrors;
        }
    };
    let filling = place.filling();
    let contents = format!(
        "{}{}",
        schema_directive(place.depth, CASE_SCHEMA_FILE),
        new_file(args.kind.into(), &filling)
    );
    let schema_file = place.root.join(CASE_SCHEMA_FILE);
    let mut written = Vec::new();
    if !schema_file.exists() {
        // The `#:schema` line must point at something: the project gets the schema.
        written.push((schema_file, to_file_text(&case_schema())));
    }
    written.push((path.clone(), contents));
    for (path, contents) in &written {
        if let Err(d) = write_new(path, contents) {
            diag::print(&[d], global.color_choice());
            return Exit::InputErrors;
        }
        if !global.quiet {
            eprintln!("{:>9} {}", tr!("status-created").text, path.display());
        }
    }
    Exit::Ok
}

/// Where a new file goes: its project's root and how many folders below it.
struct Placement {
    root: PathBuf,
    depth: usize,
}

impl Placement {
    /// The project of a new file is the nearest folder above it holding `sagsgen.toml`,
    /// else the current folder (as for `build`), else the file's own folder.
    fn of(path: &Path) -> Result<Self, Diagnostic> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error(tr!(
                "cannot-create-folder",
                folder = dir.display().to_string(),
                reason = crate::i18n::io_error(&e)
            ))
        })?;
        let dir = dir.canonicalize().map_err(|e| {
            Diagnostic::error(tr!(
                "cannot-open-folder",
                folder = dir.display().to_string(),
                reason = crate::i18n::io_error(&e)
            ))
        })?;
        let cwd = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .unwrap_or_else(|_| dir.clone());
        let fallback = if dir.starts_with(&cwd) {
            cwd
        } else {
            dir.clone()
        };
        let root = Project::find_root(&dir, &fallback);
        let depth = dir
            .strip_prefix(&root)
            .map_or(0, |rel| rel.components().count());
        Ok(Self { root, depth })
    }

    /// Committees of the project (the built-in ones if its `sagsgen.toml` is missing or
    /// broken: `check` will say what is wrong with it).
    fn filling(&self) -> Filling {
        let config = Project::load(&self.root)
            .map(|p| p.config)
            .unwrap_or_default();
        let abbreviations = config.committees.abbreviations();
        Filling::for_committees(Date::today(), &abbreviations)
    }
}

/// Runs `sagsgen init`.
pub fn init(global: &GlobalArgs, args: &InitArgs) -> Exit {
    let mut failed = false;
    for (relative, contents) in project_files(Date::today(), args.templates) {
        let path = args.dir.join(&relative);
        if path.exists() {
            if !global.quiet {
                eprintln!(
                    "{:>9} {} ({})",
                    tr!("status-kept").text,
                    path.display(),
                    tr!("status-kept-exists")
                );
            }
            continue;
        }
        match write_new(&path, &contents) {
            Ok(()) if !global.quiet => {
                eprintln!("{:>9} {}", tr!("status-created").text, path.display());
            }
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
            "{}",
            tr!("init-ready", folder = args.dir.display().to_string())
        );
    }
    Exit::Ok
}

/// Writes a file that does not exist yet, creating its folder.
fn write_new(path: &Path, contents: &str) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::cannot_write(&path.display().to_string(), &e);
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

/// What `sagsgen new` can write, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// A memo to a committee.
    Notat,
    /// An agenda item that asks for a decision.
    Beslutningssag,
    /// An agenda item that informs.
    Orienteringssag,
    /// A committee meeting (agenda, minutes).
    #[value(alias = "møde")]
    Moede,
}

impl From<KindArg> for NewKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Notat => NewKind::Notat,
            KindArg::Beslutningssag => NewKind::Beslutningssag,
            KindArg::Orienteringssag => NewKind::Orienteringssag,
            KindArg::Moede => NewKind::Moede,
        }
    }
}
