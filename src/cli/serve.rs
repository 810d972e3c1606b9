//! `sagsgen serve`: the live preview.

use std::path::PathBuf;

use clap::Args;

use super::{Exit, GlobalArgs};
use crate::diag;
use crate::project::Project;

/// Arguments of `sagsgen serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port on 127.0.0.1 (0: a free one, printed on start).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Open the overview in the web browser (`--aabn` too).
    #[arg(long, alias = "aabn")]
    pub open: bool,
    /// The project folder (default: the nearest folder from here up holding sagsgen.toml,
    /// else the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// Runs `sagsgen serve` until Ctrl-C.
pub fn run(global: &GlobalArgs, args: &ServeArgs) -> Exit {
    let root = args.root.clone().unwrap_or_else(|| {
        let here = PathBuf::from(".");
        Project::find_root(&here, &here)
    });
    let options = crate::serve::Options {
        root,
        port: args.port,
        open: args.open,
    };
    let quiet = global.quiet;
    let started = |url: &str| {
        // The address is the command's output, what a user (or a script) needs: always
        // printed, on standard output.
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{}", crate::tr!("serve-address", url = url));
        let _ = out.flush();
        if !quiet {
            eprintln!("  {}", crate::tr!("serve-started"));
        }
    };
    match crate::serve::run(&options, &started) {
        Ok(()) => Exit::Ok,
        Err(diags) => {
            diag::print(&diags, global.color_choice());
            Exit::InputErrors
        }
    }
}
