//! What `build` and `check` share: resolving the project and its inputs, running the
//! batch, and reporting every file's outcome.

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicBool, Ordering};

use super::progress::{Doing, Progress};
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::batch::{self, FileReport, Options, Outcome, Report};
use crate::diag::{self, shown_path};
use crate::output::{Refused, Selection, select};
use crate::tr;

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
            eprintln!("\n{}", tr!("interrupted"));
        }
    });
}

/// Runs the batch and prints its report; returns the exit status.
pub fn run_and_report(
    global: &GlobalArgs,
    inputs: &Selection,
    options: &Options,
    doing: Doing,
) -> Exit {
    if inputs.files.is_empty() {
        if !global.quiet {
            eprintln!("{}: {}", tr!("level-warning"), tr!("no-case-files"));
        }
        return Exit::Ok;
    }
    watch_for_interrupt();
    let progress = Progress::new(global, inputs.files.len(), doing);
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
        print_summary(&report, doing);
    }
    if report.interrupted() > 0 {
        Exit::Interrupted
    } else if report.failed() > 0 || report.incomplete() > 0 {
        Exit::InputErrors
    } else {
        Exit::Ok
    }
}

fn print_summary(report: &Report, doing: Doing) {
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
        let files = failed.join(", ");
        let line = if doing == Doing::Check {
            tr!("summary-files-with-errors", files = files)
        } else {
            tr!("summary-files-with-errors-unwritten", files = files)
        };
        eprintln!("{line}");
    }
    let incomplete = names(&|f| f.outcome != Outcome::Failed && f.has_errors());
    if !incomplete.is_empty() {
        eprintln!(
            "{}",
            tr!("summary-incomplete-files", files = incomplete.join(", "))
        );
    }
    let done = if doing == Doing::Check {
        tr!("summary-checked", count = report.built())
    } else {
        tr!("summary-built", count = report.built())
    };
    let mut parts = vec![done.text];
    let counts = [
        (report.unchanged(), "summary-unchanged"),
        (report.incomplete(), "summary-incomplete"),
        (report.failed(), "summary-failed"),
        (report.interrupted(), "summary-interrupted"),
        (report.warnings(), "summary-warnings"),
    ];
    parts.extend(counts.iter().filter(|(n, _)| *n > 0).map(|(n, code)| {
        crate::i18n::Message::new(code, &[("count", crate::i18n::Arg::from(*n))]).text
    }));
    eprintln!("{}", tr!("summary-finished", parts = parts.join(", ")));
}
