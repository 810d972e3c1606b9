//! `sagsgen check`: everything `build` does except writing.

use super::batch::{resolve, run_and_report};
use super::progress::Doing;
use super::{CheckArgs, Exit, GlobalArgs};
use crate::batch::Options;

/// Runs `sagsgen check`.
pub fn run(global: &GlobalArgs, args: &CheckArgs) -> Exit {
    let inputs = match resolve(global, &args.project, None) {
        Ok(inputs) => inputs,
        Err(exit) => return exit,
    };
    let output_dir = inputs.project.output_dir(None);
    // check always looks at everything: it is about the input, not about what was built.
    let options = Options {
        output_dir,
        write: false,
        emit_typst: false,
        jobs: 0,
        incremental: false,
    };
    run_and_report(global, &inputs, &options, Doing::Check)
}
