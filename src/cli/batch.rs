//! What `build` and `check` share: resolving the project and its inputs, running the
//! batch, and reporting every file's outcome.

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicBool, Ordering};

use super::progress::Progress;
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::batch::{self, FileReport, Options, Outcome, Report};
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
    let output = project.output_dir(output_dir);
    let paths = if args.paths.is_empty() {
        let folders = project.input_folders();
        if folders.is_empty() {
            let d = Diagnostic::error(format!(
                "the project folder {} has no cases/ or moeder/ folder",
                project.root.display()
            ))
            .with_help("put case files under cases/ and meeting files under moeder/ (`sagsgen init` makes both), or name the files or folders to build");
            diag::print(&[d], global.color_choice());
            return Err(Exit::Usage);
        }
        folders
    } else {
        args.paths.clone()
    };
    // In the order given, each file once (a folder and a file in it may both be named).
    let mut seen = std::collections::HashSet::new();
    let files: Vec<PathBuf> = paths
        .iter()
        .flat_map(|path| crate::output::inputs(path, &output))
        .filter(|file| seen.insert(file.clone()))
        .collect();
    Ok(Inputs { project, files })
}

/// Set by Ctrl-C: files not yet started are left alone, files in progress are finished.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Installs the Ctrl-C handler (once).
pub fn watch_for_interrupt() {
    // Only the first call can install the handler; later calls (none in the binary) are fine.
    let _ = ctrlc::set_handler(|| {
        if !INTERRUPTED.swap(true, Ordering::SeqCst) {
            eprintln!(
                "\nInterrupted: finishing the documents in progress; existing PDFs are kept as they are."
            );
        }
    });
}

/// Runs the batch and prints its report; returns the exit status.
pub fn run_and_report(
    global: &GlobalArgs,
    inputs: &Inputs,
    options: &Options,
    verb: &'static str,
) -> Exit {
    if inputs.files.is_empty() {
        if !global.quiet {
            eprintln!("warning: no case files (.toml) found");
        }
        return Exit::Ok;
    }
    watch_for_interrupt();
    let progress = Progress::new(global, inputs.files.len(), verb);
    let observe = |report: &FileReport| progress.file_done(report);
    let result = batch::run(
        &inputs.project,
        &inputs.files,
        options,
        &observe,
        &INTERRUPTED,
    );
    progress.finish();
    let report = match result {
        Ok(report) => report,
        Err(d) => {
            diag::print(&[d], global.color_choice());
            return Exit::InputErrors;
        }
    };
    if !global.quiet {
        print_summary(&report, verb);
    }
    if report.interrupted() > 0 {
        Exit::Interrupted
    } else if report.failed() > 0 || report.incomplete() > 0 {
        Exit::InputErrors
    } else {
        Exit::Ok
    }
}

fn print_summary(report: &Report, verb: &str) {
    let names = |keep: &dyn Fn(&FileReport) -> bool| -> Vec<String> {
        report
            .files
            .iter()
            .filter(|f| keep(f))
            .map(|f| shown_path(&f.input))
            .collect()
    };
    let failed = names(&|f| f.outcome == Outcome::Failed);
    if !failed.is_empty() {
        let written = if verb == "Checked" {
            ""
        } else {
            " (no PDF written)"
        };
        eprintln!("Files with errors{written}: {}", failed.join(", "));
    }
    let incomplete = names(&|f| f.outcome != Outcome::Failed && f.has_errors());
    if !incomplete.is_empty() {
        eprintln!(
            "Built without the files their errors name: {}",
            incomplete.join(", ")
        );
    }
    let mut parts = vec![format!("{} {}", report.built(), verb.to_lowercase())];
    let counts = [
        (report.unchanged(), "unchanged"),
        (
            report.incomplete(),
            "built without some files (see the errors)",
        ),
        (report.failed(), "failed"),
        (report.interrupted(), "not started (interrupted)"),
    ];
    parts.extend(
        counts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}")),
    );
    if report.warnings() > 0 {
        parts.push(format!(
            "{} warning{}",
            report.warnings(),
            if report.warnings() == 1 { "" } else { "s" }
        ));
    }
    eprintln!("Finished: {}", parts.join(", "));
}
