//! The `sagsgen` binary: parse the command line, run it, exit with its status.

fn main() -> std::process::ExitCode {
    sagsgen::cli::main()
}
