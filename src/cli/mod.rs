//! The command line: argument definitions (clap derive; doc comments are the help text)
//! and dispatch to one module per subcommand.

mod archive;
mod batch;
mod build;
mod check;
mod help;
mod import;
mod progress;
mod scaffold;
mod serve;
mod site;
mod usage;
mod watch;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::ColorChoice;

/// How a run ended, as the process exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything was built / is valid.
    Ok = 0,
    /// Some input had errors (the rest was still built).
    InputErrors = 1,
    /// The command was used wrongly.
    Usage = 2,
    /// Ctrl-C stopped the run (what was built is kept).
    Interrupted = 130,
}

/// sagsgen — case files (TOML) to the PDF documents of a committee secretariat.
///
/// Write each case (notat, beslutningssag, orienteringssag) as a TOML file under `cases/`,
/// and each committee meeting (`type = "moede"`) as one listing its items, then run
/// `sagsgen build`: every case becomes an accessible, archivable PDF (PDF/A + PDF/UA) under
/// `output/`, mirroring the folders of `cases/`; every meeting becomes its agenda, minutes,
/// their public versions and reading packets with the attachments.
#[derive(Debug, Parser)]
#[command(name = "sagsgen", version, propagate_version = true)]
pub struct Cli {
    /// Options for every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options that apply to every command.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print only errors (no progress, warnings or summary).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// When to colour messages.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
    /// How to print errors and warnings: for people, or as JSON lines for tools.
    #[arg(long, value_enum, default_value_t = MessageFormatArg::Human, global = true)]
    pub message_format: MessageFormatArg,
    /// The language of messages and help: da (Danish) or en (English). Default: English
    /// when the environment's language (LC_ALL, LC_MESSAGES, LANG) is English, else Danish.
    /// Read by [`main`] before the rest of the command line (so that its help and errors
    /// speak it); declared here so that clap accepts, checks and documents it.
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "SPROG",
        alias = "language"
    )]
    pub sprog: Option<Sprog>,
}

/// A language the command line speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Sprog {
    /// Dansk.
    #[value(alias = "dansk")]
    Da,
    /// English.
    #[value(alias = "engelsk", alias = "english")]
    En,
}

/// How to print errors and warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormatArg {
    /// For people: rustc-style, with the offending line and a caret, on standard error.
    Human,
    /// For tools: one JSON object per line on standard output.
    Json,
}

impl From<MessageFormatArg> for crate::diag::MessageFormat {
    fn from(format: MessageFormatArg) -> Self {
        match format {
            MessageFormatArg::Human => Self::Human,
            MessageFormatArg::Json => Self::Json,
        }
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Color {
    /// When writing to a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl GlobalArgs {
    /// The colour choice for messages on standard error.
    pub fn color_choice(&self) -> ColorChoice {
        match self.color {
            Color::Auto if std::io::stderr().is_terminal() => ColorChoice::Auto,
            Color::Auto | Color::Never => ColorChoice::Never,
            Color::Always => ColorChoice::Always,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build case and meeting files into PDFs under `output/` (only what changed).
    Build(BuildArgs),
    /// Check case and meeting files for every problem, without writing anything.
    Check(CheckArgs),
    /// Rebuild what changes as files are saved (takes the options of `build`).
    Watch(BuildArgs),
    /// Archive finished documents as PDF/A-3a + PDF/UA-1 with their source embedded.
    Archive(archive::ArchiveArgs),
    /// Check an archive against its manifest: hashes, missing and extra files, conformance.
    Verify(archive::VerifyArgs),
    /// Write out the source TOML embedded in an archived PDF.
    Extract(archive::ExtractArgs),
    /// Import agenda exports (SBSYS, Acadre, eDoc, FirstAgenda Publication) as meeting and
    /// case files, with a report of where every section went.
    Import(import::ImportArgs),
    /// A live preview in the browser: every document, its pages and its problems, updated
    /// as files are saved (on 127.0.0.1 only).
    Serve(serve::ServeArgs),
    /// Publish the meetings as a static website of their public editions (pages, search,
    /// feeds, open data) under `output/site/`.
    Site(site::SiteArgs),
    /// Start a new project: sagsgen.toml, an example of every kind, templates/ and fonts/.
    Init(scaffold::InitArgs),
    /// Write a new case or meeting file with every field present and explained.
    New(scaffold::NewArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the JSON Schema of case and meeting files (or of sagsgen.toml), for editors.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value = "sag")]
        of: SchemaOf,
    },
}

/// Which files, in which project.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// Case and meeting files, or folders searched for `.toml` files (default: the whole
    /// project — its `cases/` and `moeder/` folders).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The project folder (default: the nearest folder above PATH holding sagsgen.toml,
    /// else the current folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

/// Arguments of `sagsgen build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Which files.
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Where to write the PDFs (default: `output/` in the project folder).
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// How many documents to build at once (default: one per CPU core).
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Also write the generated Typst source beside each PDF (for template authors).
    #[arg(long)]
    pub emit_typst: bool,
    /// Rebuild everything, even files unchanged since the last build.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `sagsgen check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Which files.
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Parses the command line and runs it; the process exit status: 2 for usage errors, 0 for
/// `--help` and `--version`. The language is chosen first (`--sprog`, else the
/// environment), so that the help and the usage errors speak it too.
pub fn main() -> std::process::ExitCode {
    crate::i18n::set_language(asked_language(std::env::args_os()));
    let parsed = command()
        .try_get_matches()
        .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => std::process::ExitCode::from(run(cli) as u8),
        Err(error) => usage::report(&error),
    }
}

/// The command definition, its help in the run's language.
pub fn command() -> clap::Command {
    help::localised(<Cli as clap::CommandFactory>::command())
}

/// The language `--sprog` asks for (read before the rest of the command line, which may be
/// wrong and needs a message in that language), else the environment's.
fn asked_language(args: impl Iterator<Item = std::ffi::OsString>) -> crate::i18n::Language {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let named = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.split_once('=') {
            Some(("--sprog" | "--language", value)) => Some(value.to_string()),
            _ if arg == "--sprog" || arg == "--language" => args.get(i + 1).cloned(),
            _ => None,
        });
    named
        .as_deref()
        .and_then(crate::i18n::Language::named)
        .unwrap_or_else(crate::i18n::Language::from_environment)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Exit {
    crate::diag::set_format(cli.global.message_format.into());
    match cli.command {
        Command::Build(args) => build::run(&cli.global, &args),
        Command::Check(args) => check::run(&cli.global, &args),
        Command::Watch(args) => watch::run(&cli.global, &args),
        Command::Archive(args) => archive::archive(&cli.global, &args),
        Command::Verify(args) => archive::verify_archive(&cli.global, &args),
        Command::Extract(args) => archive::extract(&cli.global, &args),
        Command::Import(args) => import::run(&cli.global, &args),
        Command::Site(args) => site::run(&cli.global, &args),
        Command::Serve(args) => serve::run(&cli.global, &args),
        Command::Init(args) => scaffold::init(&cli.global, &args),
        Command::New(args) => scaffold::new(&cli.global, &args),
        Command::Completions { shell } => completions(shell),
        Command::Man => man_page(),
        Command::Schema { of } => {
            let schema = match of {
                SchemaOf::Sag => crate::project::schema::case_schema(),
                SchemaOf::Config => crate::project::schema::config_schema(),
            };
            print_stdout(crate::project::schema::to_file_text(&schema).as_bytes())
        }
    }
}

/// Which schema `sagsgen schema` prints.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaOf {
    /// Case and meeting files.
    #[value(alias = "moede", alias = "case", alias = "meeting")]
    Sag,
    /// `sagsgen.toml`.
    Config,
}

/// Prints completions for a shell, generated from the command definition.
fn completions(shell: clap_complete::Shell) -> Exit {
    let mut command = command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "sagsgen", &mut script);
    print_stdout(&script)
}

/// Prints the man page, generated from the command definition.
fn man_page() -> Exit {
    let page = clap_mangen::Man::new(command());
    let mut roff = Vec::new();
    match page.render(&mut roff) {
        Ok(()) => print_stdout(&roff),
        Err(e) => {
            eprintln!(
                "{}: {}",
                crate::tr!("level-error"),
                crate::tr!("man-page-failed", reason = e.to_string())
            );
            Exit::InputErrors
        }
    }
}

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
fn print_stdout(bytes: &[u8]) -> Exit {
    use std::io::Write;
    match std::io::stdout().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!(
                "{}: {}",
                crate::tr!("level-error"),
                crate::tr!("stdout-failed", reason = crate::i18n::io_error(&e))
            );
            Exit::InputErrors
        }
        _ => Exit::Ok,
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }
}
