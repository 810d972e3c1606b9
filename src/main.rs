//! The `sagsgen` binary: parse the command line, run it, exit with its status.

use std::process::ExitCode;

use clap::Parser;
use sagsgen::cli::{Cli, run};

fn main() -> ExitCode {
    // clap exits with status 2 on usage errors and 0 for --help/--version.
    let cli = Cli::parse();
    ExitCode::from(run(cli) as u8)
}
