//! `sagsgen import`: agenda exports of SBSYS, Acadre, eDoc and FirstAgenda Publication
//! into the project, with a report of where every section went.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{Exit, GlobalArgs};
use crate::diag::{self, Diagnostic, MessageFormat, shown_path};
use crate::import::report;
use crate::import::run::{Request, import};
use crate::tr;

/// Arguments of `sagsgen import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Export files (SBSYS Publication XML, Acadre agenda XML or its manifest, eDoc agenda
    /// XML, FirstAgenda Publication pages saved as HTML), or folders holding them. The
    /// format is found from each file's content.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The project to import into (created when the folder has no sagsgen.toml; default:
    /// the nearest folder from here up holding sagsgen.toml, else the current folder).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Overwrite files that differ from what the import writes (by default they are kept).
    #[arg(long)]
    pub force: bool,
    /// Exit with status 1 when some of the export's words are not in the files written
    /// (the report names each such item and quotes what is missing).
    #[arg(long)]
    pub strict: bool,
}

/// Runs `sagsgen import`.
pub fn run(global: &GlobalArgs, args: &ImportArgs) -> Exit {
    let root = args.to.clone().unwrap_or_else(|| {
        let here = PathBuf::from(".");
        crate::project::Project::find_root(&here, &here)
    });
    let request = Request {
        inputs: args.files.clone(),
        root: root.clone(),
        force: args.force,
    };
    let report = import(&request);
    let json = diag::format() == MessageFormat::Json;
    let mut problems = report.errors.clone();
    let lost = args.strict && !report.coverage().complete();
    if lost {
        let all = report.coverage();
        problems.push(Diagnostic::error(tr!(
            "import-strict-lost",
            missing = all.words - all.kept,
            words = all.words
        )));
    }
    problems.extend(report.notes.iter().cloned());
    problems.extend(report.kept.iter().map(|k| {
        Diagnostic::error(tr!("import-kept", file = shown_path(k))).with_path(root.join(k))
    }));
    if json {
        // The messages stand before the closing summary, which a tool reads as the end.
        let mut lines = report::json_lines(&report);
        let finished = lines.pop();
        let print = |lines: &[_]| {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for line in lines {
                let _ = writeln!(out, "{line}");
            }
        };
        print(&lines);
        diag::print(&problems, global.color_choice());
        print(finished.as_slice());
    } else {
        if !global.quiet {
            eprint!("{}", report::human(&report));
        }
        let shown: Vec<Diagnostic> = problems
            .into_iter()
            .filter(|d| d.is_error() || !global.quiet)
            .collect();
        diag::print(&shown, global.color_choice());
    }
    if report.errors.is_empty() && report.kept.is_empty() && !lost {
        Exit::Ok
    } else {
        Exit::InputErrors
    }
}
