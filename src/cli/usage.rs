//! Usage errors (an unknown option, a missing file name, a wrong value) in the run's
//! language: clap says them in English, so the common kinds are said here from what clap
//! found, and the rest keep clap's words under a translated heading.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use super::Exit;
use crate::i18n::{Language, Message, language};
use crate::tr;

/// Prints a usage error (or the help or version clap was asked for) and gives the exit
/// status: 0 for help and version, 2 for a wrong command line.
pub fn report(error: &clap::Error) -> ExitCode {
    let shows_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shows_help || language() == Language::English {
        // clap's own rendering: the (localised) help, or its English message.
        let _ = error.print();
        return ExitCode::from(error.exit_code() as u8);
    }
    let (message, tip) = explained(error);
    let mut text = format!("{}: {message}\n", tr!("level-error"));
    if let Some(tip) = tip {
        text.push_str(&format!("\n  {tip}\n"));
    }
    if let Some(usage) = context(error, ContextKind::Usage) {
        let usage = usage.trim_start();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        text.push_str(&format!("\n{} {usage}\n", tr!("cli-heading-usage")));
    }
    text.push_str(&format!("\n{}\n", tr!("usage-more")));
    eprint!("{text}");
    ExitCode::from(Exit::Usage as u8)
}

/// What is wrong, and a tip where clap has a suggestion.
fn explained(error: &clap::Error) -> (Message, Option<Message>) {
    let arg = context(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(error, ContextKind::InvalidValue).unwrap_or_default();
    let tip = context(error, ContextKind::SuggestedArg)
        .or_else(|| context(error, ContextKind::SuggestedSubcommand))
        .or_else(|| context(error, ContextKind::SuggestedValue))
        .map(|near| tr!("usage-did-you-mean", near = near));
    let valid = context(error, ContextKind::ValidValue);
    let message = match error.kind() {
        ErrorKind::UnknownArgument => tr!("usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            let command = context(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            tr!("usage-unknown-command", command = command)
        }
        ErrorKind::InvalidValue => {
            let tip = valid.map(|valid| tr!("usage-valid-values", values = valid));
            return (tr!("usage-invalid-value", value = value, arg = arg), tip);
        }
        ErrorKind::MissingRequiredArgument => tr!("usage-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => tr!("usage-missing-command"),
        ErrorKind::ValueValidation => tr!("usage-invalid-value", value = value, arg = arg),
        ErrorKind::ArgumentConflict => tr!("usage-conflict", arg = arg),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!("usage-values-count", arg = arg)
        }
        _ => tr!("usage-other", detail = clap_words(error)),
    };
    (message, tip)
}

/// clap's own message, without its `error: ` and what follows the first line.
fn clap_words(error: &clap::Error) -> String {
    let rendered = error.to_string();
    let first = rendered.lines().next().unwrap_or_default();
    first.strip_prefix("error: ").unwrap_or(first).to_string()
}

/// A value clap found, as text (lists joined with commas).
fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
