//! What `build` and `check` share: resolving the project and its inputs, running the
//! batch, and reporting every file's outcome.

use std::path::{Path, PathBuf};

use super::{Exit, GlobalArgs, ProjectArgs};
use crate::build::{self, Options, Outcome, Report};
use crate::diag::{self, Diagnostic, shown_path};
use crate::project::Project;

/// The project and the files a command works on.
pub struct Inputs {
    /// The project.
    pub project: Project,
    /// Input files, in order.
    pub files: Vec<PathBuf>,
}

/// Resolves the project root and the input files, or says why not (with an exit code).
pub fn resolve(
    global: &GlobalArgs,
    args: &ProjectArgs,
    output_dir: Option<&Path>,
) -> Result<Inputs, Exit> {
    let missing: Vec<&PathBuf> = args.paths.iter().filter(|p| !p.exists()).collect();
    if !missing.is_empty() {
        for path in missing {
            let d = Diagnostic::error(format!("no such file or folder: {}", path.display()))
                .with_help("run sagsgen in a project folder (one with cases/), or name the case files or folders to build");
            diag::print(&[d], global.color_choice());
        }
        return Err(Exit::Usage);
    }
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = args.root.clone().unwrap_or_else(|| {
        let first = args.paths.first().map_or(cwd.as_path(), PathBuf::as_path);
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
        Project::find_root(start, &cwd)
    });
    let project = Project::load(&root).map_err(|diags| {
        diag::print(&diags, global.color_choice());
        Exit::InputErrors
    })?;
    let output = output_dir.map_or_else(|| project.root.join("output"), Path::to_path_buf);
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &args.paths {
        for file in build::inputs(path, &output) {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    Ok(Inputs { project, files })
}

/// Runs the batch and prints its report; returns the exit status.
pub fn run_and_report(global: &GlobalArgs, inputs: &Inputs, options: &Options, verb: &str) -> Exit {
    if inputs.files.is_empty() {
        if !global.quiet {
            eprintln!("warning: no case files (.toml) found");
        }
        return Exit::Ok;
    }
    let report = match build::run(&inputs.project, &inputs.files, options) {
        Ok(report) => report,
        Err(d) => {
            diag::print(&[d], global.color_choice());
            return Exit::InputErrors;
        }
    };
    print_report(global, &report, verb);
    if report.failed() > 0 {
        Exit::InputErrors
    } else {
        Exit::Ok
    }
}

fn print_report(global: &GlobalArgs, report: &Report, verb: &str) {
    // A case used by a meeting is validated twice in a run; say each thing once.
    let mut said = std::collections::HashSet::new();
    for file in &report.files {
        let shown: Vec<Diagnostic> = file
            .diagnostics
            .iter()
            .filter(|d| d.is_error() || !global.quiet)
            .filter(|d| said.insert(d.to_string()))
            .cloned()
            .collect();
        diag::print(&shown, global.color_choice());
        if global.quiet {
            continue;
        }
        match &file.outcome {
            Outcome::Built { output, pages } => {
                let pages = if *pages == 1 {
                    "1 page".to_string()
                } else {
                    format!("{pages} pages")
                };
                eprintln!("{verb:>9} {} ({pages})", shown_path(output));
            }
            Outcome::Meeting { folder, files } => {
                let list: Vec<String> = files
                    .iter()
                    .map(|(name, pages)| format!("{name} ({pages} p.)"))
                    .collect();
                eprintln!("{verb:>9} {}/: {}", shown_path(folder), list.join(", "));
            }
            Outcome::Failed => {
                let errors = file.diagnostics.iter().filter(|d| d.is_error()).count();
                let plural = if errors == 1 { "" } else { "s" };
                eprintln!(
                    "   Failed {} ({errors} error{plural}; no PDF written)",
                    shown_path(&file.input)
                );
            }
        }
    }
    if !global.quiet {
        eprintln!("{}", summary(report, verb));
    }
}

fn summary(report: &Report, verb: &str) -> String {
    let mut parts = vec![format!("{} {}", report.built(), verb.to_lowercase())];
    if report.failed() > 0 {
        parts.push(format!("{} failed", report.failed()));
    }
    if report.warnings() > 0 {
        parts.push(format!(
            "{} warning{}",
            report.warnings(),
            if report.warnings() == 1 { "" } else { "s" }
        ));
    }
    format!("Finished: {}", parts.join(", "))
}
