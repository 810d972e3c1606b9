//! `sagsgen site`: the public website of the project's meetings, from their public
//! editions (built first where they are missing or out of date).

use std::path::PathBuf;

use clap::Args;

use super::batch::{resolve, run_and_report};
use super::progress::Doing;
use super::{Exit, GlobalArgs, ProjectArgs};
use crate::batch::Options;
use crate::diag;
use crate::site;

/// Arguments of `sagsgen site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Which files (default: the whole project); meetings are published, with their cases.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Where to write the site (default: `output/site/` in the project folder).
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Where the PDFs are built (default: `output/` in the project folder).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// How many documents to build at once (default: one per CPU core).
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Publish the PDFs `sagsgen build` has made, without building: a meeting whose public
    /// PDFs are missing is published without links to them (and a warning says so).
    #[arg(long)]
    pub no_build: bool,
}

/// Runs `sagsgen site`.
pub fn run(global: &GlobalArgs, args: &SiteArgs) -> Exit {
    let inputs = match resolve(global, &args.project, args.output.as_deref()) {
        Ok(inputs) => inputs,
        Err(exit) => return exit,
    };
    let output_dir = inputs.project.output_dir(args.output.as_deref());
    let site_dir = args.to.clone().unwrap_or_else(|| output_dir.join("site"));
    let meetings: Vec<PathBuf> = inputs
        .files
        .iter()
        .filter(|f| is_meeting_file(f))
        .cloned()
        .collect();
    // The public PDFs the pages link to, built where missing or out of date.
    let build = crate::output::Selection {
        project: inputs.project,
        files: meetings.clone(),
    };
    let options = Options {
        output_dir: output_dir.clone(),
        write: true,
        emit_typst: false,
        jobs: args.jobs,
        incremental: true,
    };
    let built = if args.no_build {
        Exit::Ok
    } else {
        run_and_report(global, &build, &options, Doing::Build)
    };
    if built == Exit::Interrupted {
        return built;
    }
    if !global.quiet {
        eprintln!(
            "{}",
            crate::tr!(
                "site-publishing",
                count = meetings.len(),
                folder = diag::shown_path(&site_dir)
            )
        );
    }
    let report = site::publish(
        &build.project,
        &meetings,
        &site::Options {
            site_dir: site_dir.clone(),
            output_dir,
        },
    );
    diag::print(&report.errors, global.color_choice());
    if !global.quiet {
        diag::print(&report.warnings, global.color_choice());
    }
    if !global.quiet {
        let mut line = crate::tr!(
            "site-published",
            count = report.meetings,
            folder = diag::shown_path(&site_dir),
            written = report.written.len(),
            unchanged = report.unchanged
        )
        .text;
        if !report.removed.is_empty() {
            let removed = crate::tr!("site-removed", count = report.removed.len());
            line.push_str(&format!(", {removed}"));
        }
        eprintln!("{line}");
    }
    if report.errors.is_empty() && built == Exit::Ok {
        Exit::Ok
    } else {
        Exit::InputErrors
    }
}

/// Whether a file says `type = "moede"` (a file that does not parse is left to the build
/// to report).
fn is_meeting_file(path: &std::path::Path) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    toml::from_str::<toml::Table>(&text)
        .ok()
        .and_then(|t| t.get("type").and_then(|v| v.as_str()).map(|s| s == "moede"))
        .unwrap_or(false)
}
