//! `sagsgen build`: compile case files to PDFs.

use super::batch::{resolve, run_and_report};
use super::progress::Doing;
use super::{BuildArgs, Exit, GlobalArgs};
use crate::batch::Options;

/// Runs `sagsgen build`.
pub fn run(global: &GlobalArgs, args: &BuildArgs) -> Exit {
    let inputs = match resolve(global, &args.project, args.output.as_deref()) {
        Ok(inputs) => inputs,
        Err(exit) => return exit,
    };
    let output_dir = inputs.project.output_dir(args.output.as_deref());
    let options = Options {
        output_dir,
        write: true,
        emit_typst: args.emit_typst,
        jobs: args.jobs,
        incremental: !args.force,
    };
    run_and_report(global, &inputs, &options, Doing::Build)
}
