//! `sagsgen archive`, `sagsgen verify` and `sagsgen extract`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::batch::resolve;
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::archive::{Stored, extract::embedded_source, verify};
use crate::diag::{self, Diagnostic, shown_path};
use crate::tr;

/// Arguments of `sagsgen archive`.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// Which files.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// The archive folder (created if needed; holds manifest.json and manifest.csv).
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// Archive a changed document as a new version beside the archived one.
    #[arg(long)]
    pub new_version: bool,
}

/// Arguments of `sagsgen verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Arguments of `sagsgen extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// An archive copy made by `sagsgen archive`.
    #[arg(value_name = "FILE.pdf")]
    pub file: PathBuf,
    /// Where to write the source (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `sagsgen archive`.
pub fn archive(global: &GlobalArgs, args: &ArchiveArgs) -> Exit {
    let inputs = match resolve(global, &args.project, None) {
        Ok(inputs) => inputs,
        Err(exit) => return exit,
    };
    let color = global.color_choice();
    let run = crate::archive::run(
        &inputs.project,
        &inputs.files,
        &args.to,
        args.new_version,
        &|stored| report(global, stored),
        &|problems| diag::print(problems, color),
    );
    match run {
        Ok(run) if run.failed == 0 => Exit::Ok,
        Ok(_) => Exit::InputErrors,
        Err(d) => {
            diag::print(&[d], color);
            Exit::InputErrors
        }
    }
}

fn report(global: &GlobalArgs, stored: &Stored) {
    if global.quiet {
        return;
    }
    match stored {
        Stored::New(file) => eprintln!("{:>9} {file}", tr!("status-archived").text),
        Stored::Unchanged(file) => eprintln!("{:>9} {file}", tr!("status-unchanged").text),
        Stored::NewVersion(file) => eprintln!(
            "{:>9} {file} ({})",
            tr!("status-archived").text,
            tr!("status-new-version")
        ),
    }
}

/// Runs `sagsgen verify`.
pub fn verify_archive(global: &GlobalArgs, args: &VerifyArgs) -> Exit {
    match verify(&args.dir) {
        Ok(problems) if problems.is_empty() => {
            if !global.quiet {
                eprintln!(
                    "{}",
                    tr!("verify-intact", conformance = crate::archive::CONFORMANCE)
                );
            }
            Exit::Ok
        }
        Ok(problems) => {
            let diags: Vec<Diagnostic> = problems
                .iter()
                .map(|p| Diagnostic::error(p.message()))
                .collect();
            diag::print(&diags, global.color_choice());
            eprintln!("{}", tr!("verify-problems", count = problems.len()));
            Exit::InputErrors
        }
        Err(d) => {
            diag::print(&[d], global.color_choice());
            Exit::InputErrors
        }
    }
}

/// Runs `sagsgen extract`.
pub fn extract(global: &GlobalArgs, args: &ExtractArgs) -> Exit {
    let result = std::fs::read(&args.file)
        .map_err(|e| Diagnostic::cannot_read(&shown_path(&args.file), &e))
        .and_then(|bytes| embedded_source(&bytes));
    let (name, bytes) = match result {
        Ok(found) => found,
        Err(e) => {
            diag::print(&[e.with_path(&args.file)], global.color_choice());
            return Exit::InputErrors;
        }
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, &bytes).map(|()| {
            eprintln!(
                "{}",
                tr!(
                    "extract-wrote",
                    name = name.as_str(),
                    file = shown_path(path)
                )
            );
        }),
        None => std::io::stdout().write_all(&bytes),
    };
    match written {
        Ok(()) => Exit::Ok,
        Err(e) => {
            diag::print(
                &[Diagnostic::error(tr!(
                    "extract-cannot-write",
                    reason = crate::i18n::io_error(&e)
                ))],
                global.color_choice(),
            );
            Exit::InputErrors
        }
    }
}
