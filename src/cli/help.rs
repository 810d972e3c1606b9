//! The command line's help in the run's language: clap's definition (its doc comments are
//! the English help) with every command's and option's text, clap's own headings and its
//! help and version flags taken from the message files, keyed by where they stand:
//! `cli-build` is what `sagsgen build` does, `cli-build--output` its `--output`.

use clap::builder::{Resettable, StyledStr};
use clap::{Arg, ArgAction, Command};

use crate::i18n::text_of;

/// The command definition with its texts in the run's language.
pub fn localised(command: Command) -> Command {
    // `sagsgen help <command>` would show clap's English; `--help` says the same.
    let command = localise(command, "sagsgen", true).disable_help_subcommand(true);
    let mut built = command.clone();
    built.build();
    with_own_usage(command, &mut built)
}

fn localise(command: Command, path: &str, root: bool) -> Command {
    let key = format!("cli-{path}");
    let mut command = command
        .about(text(&key))
        .long_about(optional(&format!("{key}.long")))
        .help_template(template())
        .subcommand_help_heading(text("cli-heading-commands"))
        .subcommand_value_name(text("cli-value-command"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(text("cli-flag-help"))
                .help_heading(text("cli-heading-options")),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text("cli-flag-version"))
                .help_heading(text("cli-heading-options")),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| localise_arg(arg, path));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let below = below(path, &name);
        command = command.mut_subcommand(&name, |c| localise(c, &below, false));
    }
    command
}

fn localise_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().to_string();
    // A global option is said once, whichever command shows it.
    let key = if arg.is_global_set() || path == "sagsgen" {
        format!("cli-global--{id}")
    } else {
        format!("cli-{path}--{id}")
    };
    let heading = if arg.is_positional() {
        "cli-heading-arguments"
    } else {
        "cli-heading-options"
    };
    let arg = match arg.get_value_names().and_then(|names| names.first()) {
        Some(name) => match text_of(&format!("cli-value-{name}")) {
            Some(own) => arg.value_name(own),
            None => arg,
        },
        None => arg,
    };
    let arg = arg
        .help(text(&key))
        .long_help(optional(&format!("{key}.long")))
        .help_heading(text(heading));
    if arg.get_action().takes_values() {
        // clap would say these in English; the texts name them where they matter.
        arg.hide_possible_values(true).hide_default_value(true)
    } else {
        arg
    }
}

/// Every command's usage line with clap's `[OPTIONS]` in the run's language, rendered from a
/// built copy of the definition: there each command has its full name and the options
/// every command takes, as clap's own line would.
fn with_own_usage(command: Command, built: &mut Command) -> Command {
    let usage = built.render_usage().to_string();
    let usage = usage.trim_start();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    let mut command =
        command.override_usage(usage.replace("[OPTIONS]", &text("cli-value-options")));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        if let Some(below) = built.find_subcommand_mut(&name) {
            command = command.mut_subcommand(&name, |c| with_own_usage(c, below));
        }
    }
    command
}

/// clap's help layout, with its "Usage:" in the run's language.
fn template() -> String {
    format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text("cli-heading-usage")
    )
}

fn text(key: &str) -> String {
    text_of(key).unwrap_or_else(|| key.to_string())
}

/// A text only some commands and options have (a long help): clap's own is reset when the
/// file has none, so no English doc comment shows through.
fn optional(key: &str) -> Resettable<StyledStr> {
    match text_of(key) {
        Some(text) => Resettable::Value(text.into()),
        None => Resettable::Reset,
    }
}

/// The key of a subcommand's texts: `cli-build`, `cli-schema`, …
fn below(path: &str, name: &str) -> String {
    if path == "sagsgen" {
        name.to_string()
    } else {
        format!("{path}-{name}")
    }
}

/// Every help key the command line uses, with the English text its doc comments give, for
/// the test that keeps the message files complete.
#[cfg(test)]
fn keys(command: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(command, "sagsgen", &mut out);
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

#[cfg(test)]
fn collect(command: &Command, path: &str, out: &mut Vec<(String, String)>) {
    let key = format!("cli-{path}");
    let about = command
        .get_about()
        .map(ToString::to_string)
        .unwrap_or_default();
    out.push((key, about));
    for arg in command.get_arguments() {
        let id = arg.get_id().to_string();
        if id == "help" || id == "version" {
            continue;
        }
        let key = if arg.is_global_set() || path == "sagsgen" {
            format!("cli-global--{id}")
        } else {
            format!("cli-{path}--{id}")
        };
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        out.push((key, help));
    }
    for sub in command.get_subcommands() {
        collect(sub, &below(path, sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::i18n::{Language, Message};

    /// Every command's and option's help is in both message files: a command or option
    /// added to the definition without its texts fails here.
    #[test]
    fn every_help_text_is_in_both_languages() {
        let mut missing = Vec::new();
        for (key, english) in keys(&super::super::Cli::command()) {
            for language in [Language::Danish, Language::English] {
                let key: &'static str = Box::leak(key.clone().into_boxed_str());
                if Message::in_language(language, key, &[]).text == key {
                    missing.push(format!("{language:?}: {key} = {english}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "help texts missing:\n{}",
            missing.join("\n")
        );
    }
}
