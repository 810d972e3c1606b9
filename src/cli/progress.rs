//! What a batch prints while it runs: on a terminal a progress bar (count, rate, ETA) with
//! problems printed above it; otherwise one plain line per file; with `--quiet`, only errors.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::GlobalArgs;
use crate::batch::{FileReport, Outcome};
use crate::diag::{self, Diagnostic, shown_path};
use crate::tr;

/// What a batch does with its files: `build` writes PDFs, `check` only reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    /// Build the documents (and write them, unless told not to).
    Build,
    /// Check the files, writing nothing.
    Check,
}

impl Doing {
    /// The word for what was done to a file ("Lavet", "Tjekket") in the run's language.
    pub fn done_word(self) -> String {
        match self {
            Self::Build => tr!("status-built").text,
            Self::Check => tr!("status-checked").text,
        }
    }
}

/// Live output of a batch.
pub struct Progress<'a> {
    global: &'a GlobalArgs,
    doing: Doing,
    bar: Option<ProgressBar>,
}

impl<'a> Progress<'a> {
    /// Output for a batch of `total` files.
    pub fn new(global: &'a GlobalArgs, total: usize, doing: Doing) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar = (terminal && !global.quiet && total > 1).then(|| bar(total));
        Self { global, doing, bar }
    }

    /// Reports one finished file.
    pub fn file_done(&self, report: &FileReport) {
        // Each file's problems reach one report only (the loader hands them out once).
        let shown: Vec<Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.global.quiet)
            .cloned()
            .collect();
        let line = (!self.global.quiet)
            .then(|| self.status_line(report))
            .flatten();
        let print = || {
            diag::print(&shown, self.global.color_choice());
            if let Some(line) = &line {
                eprintln!("{line}");
            }
        };
        match &self.bar {
            Some(bar) => {
                if !shown.is_empty() || matches!(report.outcome, Outcome::Failed) {
                    bar.suspend(print);
                }
                bar.inc(1);
            }
            None => print(),
        }
    }

    /// The line that says what happened to a file (none for unchanged ones, as cargo does).
    fn status_line(&self, report: &FileReport) -> Option<String> {
        let verb = self.doing.done_word();
        match &report.outcome {
            Outcome::Built { output, pages } if self.bar.is_none() => {
                let pages = tr!("status-pages", count = *pages);
                // `check` writes nothing: it names what it checked.
                let shown = if self.writes() { output } else { &report.input };
                Some(format!("{verb:>9} {} ({pages})", shown_path(shown)))
            }
            Outcome::Meeting { folder, files } if self.bar.is_none() => {
                let list: Vec<String> = files
                    .iter()
                    .map(|(name, pages)| {
                        format!("{name} ({})", tr!("status-pages-short", count = *pages))
                    })
                    .collect();
                let shown = if self.writes() {
                    format!("{}/", shown_path(folder))
                } else {
                    shown_path(&report.input)
                };
                Some(format!("{verb:>9} {shown}: {}", list.join(", ")))
            }
            Outcome::NoDocuments { why } if self.bar.is_none() => {
                let why = tr!("status-no-documents", why = why.text.as_str());
                Some(format!("{verb:>9} {}: {why}", shown_path(&report.input)))
            }
            Outcome::Failed => {
                let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
                let detail = if self.writes() {
                    tr!("status-failed-nothing-written", count = errors)
                } else {
                    tr!("summary-errors", count = errors)
                };
                Some(format!(
                    "{:>9} {} ({detail})",
                    tr!("status-failed").text,
                    shown_path(&report.input)
                ))
            }
            _ => None,
        }
    }

    /// Whether the command writes files (`build`), rather than only checking them.
    fn writes(&self) -> bool {
        self.doing == Doing::Build
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn bar(total: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{prefix:>9.cyan.bold} [{bar:30}] {pos}/{len} {rate} ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key(
        "rate",
        |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let rate = format!("{:.0}", state.per_sec());
            let _ = write!(w, "{}", tr!("progress-rate", rate = rate));
        },
    )
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(tr!("progress-building").text);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
