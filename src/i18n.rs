//! The words sagsgen says on the command line, in Danish (the default) or English, from one
//! Project Fluent resource file per language (`locales/<sprog>/sagsgen.ftl`, embedded).
//!
//! A message is named by its id, which is also its stable machine code (`code` in the JSON
//! messages), and is written with [`tr!`](crate::tr): `tr!("field-unknown", field = key)`.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The Danish messages: every id the program uses.
pub const DANISH_FTL: &str = include_str!("../locales/da/sagsgen.ftl");
/// The English messages: the same ids with the same placeables.
pub const ENGLISH_FTL: &str = include_str!("../locales/en/sagsgen.ftl");

/// A language the command line speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// Dansk: what secretariats read, and what sagsgen says unless told otherwise.
    #[default]
    Danish,
    /// English: with `--sprog en`, or an environment whose language starts with `en`.
    English,
}

impl Language {
    /// The language a `--sprog` value names (`da`, `dansk`, `en`, `engelsk`, `english`).
    pub fn named(name: &str) -> Option<Self> {
        match name.trim().to_lowercase().as_str() {
            "da" | "dansk" | "danish" => Some(Self::Danish),
            "en" | "engelsk" | "english" => Some(Self::English),
            _ => None,
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` that is set (as POSIX orders them); English when it starts with `en`, Danish
    /// otherwise — also when none is set, as on most Windows PCs.
    pub fn from_environment() -> Self {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(std::env::var_os)
            .map(|value| value.to_string_lossy().into_owned())
            .find(|value| !value.is_empty());
        match chosen {
            Some(value) if value.to_lowercase().starts_with("en") => Self::English,
            _ => Self::Danish,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Self::Danish => "da",
            Self::English => "en",
        }
    }

    fn resource(self) -> &'static str {
        match self {
            Self::Danish => DANISH_FTL,
            Self::English => ENGLISH_FTL,
        }
    }
}

static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// Chooses the language for the whole run (once, at start-up, before anything is said).
pub fn set_language(language: Language) {
    let _ = LANGUAGE.set(language);
}

/// The language chosen for the run: the environment's when none was chosen.
pub fn language() -> Language {
    // Unit tests read Danish whatever the machine's environment says.
    let default = if cfg!(test) {
        || Language::Danish
    } else {
        Language::from_environment
    };
    *LANGUAGE.get_or_init(default)
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static DANISH: OnceLock<Bundle> = OnceLock::new();
    static ENGLISH: OnceLock<Bundle> = OnceLock::new();
    let cell = match language {
        Language::Danish => &DANISH,
        Language::English => &ENGLISH,
    };
    cell.get_or_init(|| load(language))
}

fn load(language: Language) -> Bundle {
    let id: LanguageIdentifier = language.tag().parse().expect("a valid language tag");
    let resource = FluentResource::try_new(language.resource().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("locales/{}: {errors:?}", language.tag()));
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Fluent wraps placeables in Unicode isolation marks for right-to-left scripts; in a
    // terminal they show as stray characters, and neither language needs them.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("locales/{}: {errors:?}", language.tag()));
    bundle
}

/// One value put into a message: a text, or a number (which chooses singular or plural).
#[derive(Debug, Clone)]
pub struct Arg(FluentValue<'static>);

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self(FluentValue::String(Cow::Owned(text.to_owned())))
    }
}

impl From<&&str> for Arg {
    fn from(text: &&str) -> Self {
        Self::from(*text)
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self(FluentValue::String(Cow::Owned(text)))
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::from(text.as_str())
    }
}

impl From<&Box<str>> for Arg {
    fn from(text: &Box<str>) -> Self {
        Self::from(&**text)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Self::from(message.text)
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Self {
        Self::from(c.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A message in the run's language, with its id (the stable machine code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message's id in the resource files: stable whatever the language.
    pub code: &'static str,
    /// The text in the run's language.
    pub text: String,
    /// What to do about it: the message's own `.help`, when the message file gives it one
    /// that these values fill (a diagnostic made of the message shows it).
    pub help: Option<String>,
}

impl Message {
    /// The message `code` with these values, in the run's language.
    pub fn new(code: &'static str, args: &[(&'static str, Arg)]) -> Self {
        Self::in_language(language(), code, args)
    }

    /// The message `code` with these values, in a given language.
    pub fn in_language(language: Language, code: &'static str, args: &[(&str, Arg)]) -> Self {
        let args = fluent_args(args);
        Self {
            code,
            text: format(language, code, &args),
            help: own_help(language, code, &args),
        }
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<Message> for String {
    fn from(message: Message) -> Self {
        message.text
    }
}

/// The text of message `id` (or `id.attribute`) without values, in the run's language; `None`
/// when its file has no such message (for texts that are optional, such as a long help).
pub fn text_of(id: &str) -> Option<String> {
    format_in(bundle(language()), id, &FluentArgs::new())
}

/// Formats message `id` (or `id.attribute`) in a language. An id missing from the
/// language's file falls back to the other language, then to the id itself — a test
/// keeps both files complete, so neither happens in a release.
fn format(language: Language, id: &str, args: &FluentArgs<'_>) -> String {
    let other = match language {
        Language::Danish => Language::English,
        Language::English => Language::Danish,
    };
    [language, other]
        .into_iter()
        .find_map(|language| format_in(bundle(language), id, args))
        .unwrap_or_else(|| id.to_owned())
}

fn fluent_args<'a>(args: &[(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent_args = FluentArgs::new();
    for (name, Arg(value)) in args {
        fluent_args.set(*name, value.clone());
    }
    fluent_args
}

/// The help a message gives itself (`code.help`), filled with the message's own values;
/// `None` when it has none, or when its help needs a value the message does not (then the
/// place that says it gives the help, with that value).
fn own_help(language: Language, code: &str, args: &FluentArgs<'_>) -> Option<String> {
    if code.contains('.') {
        return None;
    }
    let (text, missing) = resolve(bundle(language), &format!("{code}.help"), args)?;
    missing.is_empty().then_some(text)
}

fn format_in(bundle: &Bundle, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let (text, errors) = resolve(bundle, id, args)?;
    debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
    Some(text)
}

/// Message `id` (or `id.attribute`) with these values, and what Fluent could not fill.
fn resolve(
    bundle: &Bundle,
    id: &str,
    args: &FluentArgs<'_>,
) -> Option<(String, Vec<fluent_bundle::FluentError>)> {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some((text.into_owned(), errors))
}

/// Why a file could not be read or written, in the run's language: the common reasons in
/// the user's words, any other as the operating system words it.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let code = match error.kind() {
        ErrorKind::NotFound => "io-not-found",
        ErrorKind::PermissionDenied => "io-permission-denied",
        ErrorKind::AlreadyExists => "io-already-exists",
        ErrorKind::IsADirectory => "io-is-a-folder",
        ErrorKind::NotADirectory => "io-not-a-folder",
        ErrorKind::StorageFull => "io-disk-full",
        ErrorKind::InvalidData => "io-invalid-data",
        _ => return error.to_string(),
    };
    Message::new(code, &[]).text
}

/// A message in the run's language: `tr!("id")` or `tr!("id", name = value, …)`, where each
/// value is a text or a number. The id is also the message's machine code.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::Message::new($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names_are_read_in_both_languages() {
        assert_eq!(Language::named("da"), Some(Language::Danish));
        assert_eq!(Language::named("Dansk"), Some(Language::Danish));
        assert_eq!(Language::named("en"), Some(Language::English));
        assert_eq!(Language::named("engelsk"), Some(Language::English));
        assert_eq!(Language::named("de"), None);
    }

    #[test]
    fn numbers_choose_singular_or_plural_in_each_language() {
        let say = |language, n: usize| {
            Message::in_language(language, "summary-errors", &[("count", Arg::from(n))]).text
        };
        assert_eq!(say(Language::Danish, 1), "1 fejl");
        assert_eq!(say(Language::English, 1), "1 error");
        assert_eq!(say(Language::English, 2), "2 errors");
    }

    #[test]
    fn the_common_reasons_a_file_cannot_be_read_are_said_in_the_users_words() {
        use std::io::{Error, ErrorKind};
        let said = |kind| io_error(&Error::from(kind));
        assert_eq!(said(ErrorKind::NotFound), "filen eller mappen findes ikke");
        assert_eq!(
            said(ErrorKind::PermissionDenied),
            "du har ikke adgang til den"
        );
        // Any other reason as the operating system words it.
        let other = Error::other("disk on fire");
        assert_eq!(io_error(&other), "disk on fire");
    }

    #[test]
    fn an_unknown_id_is_shown_as_itself() {
        assert_eq!(
            format(Language::Danish, "no-such-message", &FluentArgs::new()),
            "no-such-message"
        );
    }
}
