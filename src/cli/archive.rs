//! `sagsgen archive`, `sagsgen verify` and `sagsgen extract`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::batch::resolve;
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::archive::manifest::Manifest;
use crate::archive::{Stored, extract::embedded_source, meeting_items, prepare, store, verify};
use crate::diag::{self, Diagnostic};
use crate::engine::Engine;
use crate::loader::Loader;
use crate::render::templates::Templates;
use crate::typeset::Typesetter;

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
    let fail = |d: Diagnostic| {
        diag::print(&[d], global.color_choice());
        Exit::InputErrors
    };
    let mut manifest = match Manifest::load(&args.to) {
        Ok(m) => m,
        Err(d) => return fail(d),
    };
    let engine = match Engine::new(&inputs.project.root) {
        Ok(e) => e,
        Err(d) => return fail(d),
    };
    let templates = Templates::new(&inputs.project.root);
    let typesetter = Typesetter::new(&templates, &engine);
    let loader = Loader::new(&inputs.project);
    let loaded: Vec<_> = inputs.files.iter().map(|f| loader.load(f)).collect();
    for file in &loaded {
        // Each file's own problems are said with the file, not with a meeting that includes it.
        file.claim();
    }
    let items = meeting_items(&loaded);
    let before = manifest.clone();
    let mut failed = 0;
    for input in &loaded {
        match prepare(&inputs.project, &typesetter, input, &items) {
            Ok(docs) => {
                for doc in docs {
                    match store(&args.to, &mut manifest, doc, args.new_version) {
                        Ok(stored) => report(global, &stored),
                        Err(e) => {
                            diag::print(&[e], global.color_choice());
                            failed += 1;
                        }
                    }
                }
            }
            Err(diags) => {
                diag::print(&diags, global.color_choice());
                failed += 1;
            }
        }
        typst::comemo::evict(2);
    }
    if manifest != before
        && let Err(e) = manifest.save(&args.to)
    {
        return fail(Diagnostic::error(format!("cannot write the manifest: {e}")));
    }
    if failed > 0 {
        Exit::InputErrors
    } else {
        Exit::Ok
    }
}

fn report(global: &GlobalArgs, stored: &Stored) {
    if global.quiet {
        return;
    }
    match stored {
        Stored::New(file) => eprintln!(" Archived {file}"),
        Stored::Unchanged(file) => eprintln!("Unchanged {file}"),
        Stored::NewVersion(file) => eprintln!(" Archived {file} (new version)"),
    }
}

/// Runs `sagsgen verify`.
pub fn verify_archive(global: &GlobalArgs, args: &VerifyArgs) -> Exit {
    match verify(&args.dir) {
        Ok(problems) if problems.is_empty() => {
            if !global.quiet {
                eprintln!(
                    "The archive is intact: every file matches the manifest and conforms ({}).",
                    crate::archive::CONFORMANCE
                );
            }
            Exit::Ok
        }
        Ok(problems) => {
            let diags: Vec<Diagnostic> = problems
                .iter()
                .map(|p| Diagnostic::error(p.to_string()))
                .collect();
            diag::print(&diags, global.color_choice());
            eprintln!(
                "{} problem{} found",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
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
        .map_err(|e| Diagnostic::error(format!("cannot read {}: {e}", args.file.display())))
        .and_then(|bytes| embedded_source(&bytes));
    let (name, bytes) = match result {
        Ok(found) => found,
        Err(e) => {
            diag::print(&[e.with_path(&args.file)], global.color_choice());
            return Exit::InputErrors;
        }
    };
    let written = match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes).map(|()| eprintln!("Wrote {name} to {}", path.display()))
        }
        None => std::io::stdout().write_all(&bytes),
    };
    match written {
        Ok(()) => Exit::Ok,
        Err(e) => {
            diag::print(
                &[Diagnostic::error(format!("cannot write the source: {e}"))],
                global.color_choice(),
            );
            Exit::InputErrors
        }
    }
}
