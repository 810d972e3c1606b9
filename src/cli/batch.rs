//! What `build` and `check` share: resolving the project and its inputs, running the
//! batch, and reporting every file's outcome.

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicBool, Ordering};

use super::progress::Progress;
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::batch::{self, FileReport, Options, Outcome, Report};
use crate::diag::{self, shown_path};
use crate::output::{Refused, Selection, select};

/// Resolves the project root and the input files, or says why not (with an exit code).
pub fn resolve(
    global: &GlobalArgs,
    args: &ProjectArgs,
    output_dir: Option<&Path>,
) -> Result<Selection, Exit> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    select(&args.paths, args.root.as_deref(), output_dir, &cwd).map_err(|refused| {
        let (diags, exit) = match refused {
            Refused::Usage(diags) => (diags, Exit::Usage),
            Refused::Input(diags) => (diags, Exit::InputErrors),
        };
        diag::print(&diags, global.color_choice());
        exit
    })
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
    inputs: &Selection,
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
