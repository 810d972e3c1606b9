//! Export formats a project describes in `sagsgen.toml` (`[import.formater.<navn>]`): for
//! an XML export sagsgen has no reader of its own, where the meeting, its items and their
//! parts are, as simple element paths. The table of fields below is the one list that
//! the config's reader, its JSON Schema and the handbook's table follow.

use std::ops::Range;

use toml::de::DeTable;

use crate::i18n::Message;
use crate::input::fields::{Fields, Reader};
use crate::tr;

/// One field of a format description.
#[derive(Debug, Clone, Copy)]
pub struct FormatField {
    /// The key as written in `sagsgen.toml`.
    pub name: &'static str,
    /// Whether every description must have it.
    pub required: bool,
    /// What it holds: an element path, unless it is `rod` or `tekstformat`.
    pub holds: FormatValue,
    /// What it says, in Danish (schema and handbook).
    pub description: &'static str,
    /// An example value (SBSYS's Publication XML described).
    pub example: &'static str,
}

/// What a format field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatValue {
    /// An element name.
    Name,
    /// An element path.
    Path,
    /// `"html"` or `"tekst"`.
    TextKind,
}

const fn field(
    name: &'static str,
    required: bool,
    holds: FormatValue,
    description: &'static str,
    example: &'static str,
) -> FormatField {
    FormatField {
        name,
        required,
        holds,
        description,
        example,
    }
}

use FormatValue::{Name, Path, TextKind};

/// Every field of `[import.formater.<navn>]`, in the order the handbook lists them.
pub const FORMAT_FIELDS: &[FormatField] = &[
    field(
        "rod",
        true,
        Name,
        "Rodelementets navn: sådan genkendes formatet",
        "Publication",
    ),
    field(
        "kendetegn",
        false,
        Path,
        "Et element, filen også skal have (sti fra roden)",
        "Agendas/Agenda",
    ),
    field(
        "moede",
        false,
        Path,
        "Hvert møde i filen (sti fra roden; standard: roden selv)",
        "Agendas/Agenda",
    ),
    field(
        "udvalg",
        true,
        Path,
        "Udvalgets navn (sti fra mødet)",
        "Committee/Name",
    ),
    field(
        "dato",
        true,
        Path,
        "Mødets dato, evt. med klokkeslæt (sti fra mødet)",
        "Meeting/When",
    ),
    field(
        "tid",
        false,
        Path,
        "Mødets klokkeslæt, hvis datoen ikke har det (sti fra mødet)",
        "Meeting/Start",
    ),
    field(
        "sted",
        false,
        Path,
        "Mødestedet (sti fra mødet)",
        "Meeting/Where",
    ),
    field(
        "medlemmer",
        false,
        Path,
        "Hvert medlem (sti fra mødet)",
        "Meeting/Members/MeetingMember/Name",
    ),
    field(
        "punkter",
        true,
        Path,
        "Hvert punkt (sti fra mødet)",
        "Items/Item",
    ),
    field(
        "nummer",
        false,
        Path,
        "Punktets nummer (sti fra punktet)",
        "Number",
    ),
    field(
        "titel",
        true,
        Path,
        "Punktets titel (sti fra punktet)",
        "Caption",
    ),
    field(
        "offentlig_titel",
        false,
        Path,
        "Den titel, offentligheden ser af et lukket punkt (sti fra punktet)",
        "NeutralTitle",
    ),
    field(
        "sagsnummer",
        false,
        Path,
        "Sagsnummeret (sti fra punktet)",
        "Case/Number",
    ),
    field(
        "aaben",
        false,
        Path,
        "Ja/nej: punktet er åbent (sti fra punktet; standard: åbent)",
        "IsPublic",
    ),
    field(
        "lukket",
        false,
        Path,
        "Ja/nej: punktet er lukket (i stedet for aaben)",
        "IsClosed",
    ),
    field(
        "tekst",
        false,
        Path,
        "Punktets tekst samlet i ét element (sti fra punktet)",
        "FullText",
    ),
    field(
        "tekstformat",
        false,
        TextKind,
        "Hvordan tekst og afsnit er skrevet: \"html\" (standard) eller \"tekst\" (ren tekst, afsnit delt ved overskriftslinjer)",
        "html",
    ),
    field(
        "afsnit",
        false,
        Path,
        "Hvert afsnit af punktet (sti fra punktet)",
        "Fields/ItemField",
    ),
    field(
        "afsnit_overskrift",
        false,
        Path,
        "Afsnittets overskrift (sti fra afsnittet)",
        "Caption",
    ),
    field(
        "afsnit_indhold",
        false,
        Path,
        "Afsnittets indhold (sti fra afsnittet)",
        "Content",
    ),
    field(
        "afsnit_beslutning",
        false,
        Path,
        "Ja/nej: afsnittet er en beslutning (sti fra afsnittet)",
        "IsFeedback",
    ),
    field(
        "bilag",
        false,
        Path,
        "Hvert bilag (sti fra punktet)",
        "Enclosures/Enclosure",
    ),
    field(
        "bilag_titel",
        false,
        Path,
        "Bilagets titel (sti fra bilaget)",
        "Name | Title | FileName",
    ),
    field(
        "bilag_fil",
        false,
        Path,
        "Bilagets fil, i forhold til eksportfilens mappe (sti fra bilaget)",
        "InstantiationFilePathRelative | FileName",
    ),
    field(
        "bilag_aaben",
        false,
        Path,
        "Ja/nej: bilaget er åbent (sti fra bilaget; standard: som punktet)",
        "IsPublic",
    ),
    field(
        "bilag_lukket",
        false,
        Path,
        "Ja/nej: bilaget er lukket (i stedet for bilag_aaben)",
        "IsClosed",
    ),
];

/// The names of [`FORMAT_FIELDS`].
pub fn field_names() -> Vec<&'static str> {
    FORMAT_FIELDS.iter().map(|f| f.name).collect()
}

/// Fields that only mean something beside another: (field, the one it needs).
const NEEDS: &[(&str, &str)] = &[
    ("afsnit_overskrift", "afsnit"),
    ("afsnit_indhold", "afsnit"),
    ("afsnit_beslutning", "afsnit"),
    ("bilag_titel", "bilag"),
    ("bilag_fil", "bilag"),
    ("bilag_aaben", "bilag"),
    ("bilag_lukket", "bilag"),
];

/// A described export format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFormat {
    /// The name it is described under (`[import.formater.<navn>]`).
    pub navn: String,
    /// The root element's name.
    pub rod: String,
    /// The paths it gives, by field name (`rod` and `tekstformat` aside).
    pub paths: Vec<(&'static str, ElementPath)>,
    /// Whether texts are plain text rather than HTML.
    pub plain_text: bool,
}

impl ExportFormat {
    /// The path given for `name`, if any.
    pub fn path(&self, name: &str) -> Option<&ElementPath> {
        self.paths.iter().find(|(n, _)| *n == name).map(|(_, p)| p)
    }
}

/// A path to elements (or an attribute) below a node: `Items/Item`, `//table[@name='x']`,
/// `Document/@id`, `.` (the node itself); alternatives separated by `|` are tried in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementPath {
    /// The path as written.
    pub written: String,
    /// Its alternatives.
    pub alternatives: Vec<Route>,
}

/// One alternative of an [`ElementPath`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    /// The element steps from the node.
    pub steps: Vec<Step>,
    /// The attribute read from the last element, when the path ends in `@name`.
    pub attribute: Option<String>,
}

/// One step of a [`Route`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The element's local name (`*`: any element).
    pub name: String,
    /// Whether the element may lie at any depth below (`//name`), not only as a child.
    pub any_depth: bool,
    /// An attribute the element must have with this value (`name[@attr='value']`).
    pub having: Option<(String, String)>,
}

impl ElementPath {
    /// Reads a path as written in `sagsgen.toml`, or says what is wrong with it.
    pub fn parse(written: &str) -> Result<Self, Message> {
        let alternatives = written
            .split('|')
            .map(|alt| Route::parse(alt.trim()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            written: written.trim().to_string(),
            alternatives,
        })
    }
}

impl Route {
    fn parse(written: &str) -> Result<Self, Message> {
        if written.is_empty() {
            return Err(tr!("path-empty"));
        }
        let mut route = Route::default();
        if written == "." {
            return Ok(route);
        }
        let mut any_depth = false;
        let mut rest = written.strip_prefix("./").unwrap_or(written);
        if let Some(r) = rest.strip_prefix("//") {
            (any_depth, rest) = (true, r);
        } else if rest.starts_with('/') {
            return Err(tr!(
                "path-absolute",
                written = written,
                example = rest.trim_start_matches('/')
            ));
        }
        let parts: Vec<&str> = rest.split('/').collect();
        for (i, part) in parts.iter().enumerate() {
            if part.is_empty() {
                if i + 1 == parts.len() || any_depth {
                    return Err(tr!("path-empty-step", written = written));
                }
                any_depth = true;
                continue;
            }
            if let Some(attribute) = part.strip_prefix('@') {
                if i + 1 != parts.len() || !is_name(attribute) {
                    return Err(tr!("path-attribute-not-last", written = written));
                }
                route.attribute = Some(attribute.to_string());
                continue;
            }
            route.steps.push(Step::parse(part, any_depth, written)?);
            any_depth = false;
        }
        Ok(route)
    }
}

impl Step {
    fn parse(part: &str, any_depth: bool, written: &str) -> Result<Self, Message> {
        let (name, having) = match part.split_once('[') {
            None => (part, None),
            Some((name, condition)) => {
                let condition = condition.strip_suffix(']').ok_or_else(|| {
                    tr!(
                        "path-unclosed-condition",
                        written = written,
                        condition = condition
                    )
                })?;
                (name, Some(Self::condition(condition, written)?))
            }
        };
        if name != "*" && !is_name(name) {
            return Err(tr!("path-not-a-name", written = written, name = name));
        }
        Ok(Self {
            name: name.to_string(),
            any_depth,
            having,
        })
    }

    /// `@attr='value'` (or with double quotes).
    fn condition(condition: &str, written: &str) -> Result<(String, String), Message> {
        let wrong = || {
            tr!(
                "path-bad-condition",
                written = written,
                condition = condition
            )
        };
        let (attr, value) = condition.split_once('=').ok_or_else(wrong)?;
        let attr = attr.trim().strip_prefix('@').ok_or_else(wrong)?;
        let value = value.trim();
        let unquoted = value
            .strip_prefix('\'')
            .and_then(|v| v.strip_suffix('\''))
            .or_else(|| value.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
            .ok_or_else(wrong)?;
        if !is_name(attr) {
            return Err(wrong());
        }
        Ok((attr.to_string(), unquoted.to_string()))
    }
}

/// Whether `s` can be an XML name (with a prefix, which is ignored when read).
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// `[import.formater]`: each described format, checked field by field.
pub fn parse_formats(reader: &mut Reader, table: &DeTable<'_>) -> Vec<ExportFormat> {
    let mut out = Vec::new();
    for (name, value) in table.iter() {
        let navn = name.get_ref().to_string();
        match value.get_ref() {
            toml::de::DeValue::Table(t) => {
                if let Some(format) = parse_format(reader, &navn, t, value.span()) {
                    out.push(format);
                }
            }
            _ => {
                reader.error(
                    value.span(),
                    tr!("format-not-section", name = navn.as_str()),
                );
            }
        }
    }
    out
}

fn parse_format(
    reader: &mut Reader,
    navn: &str,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<ExportFormat> {
    let anchor = reader.first_line(span);
    let what = tr!("table-section", name = format!("import.formater.{navn}"));
    let names = field_names();
    let errors_before = reader.diagnostics.len();
    let fields = Fields::new(reader, table, what.clone(), anchor, &names);
    let what = what.text;
    let mut format = ExportFormat {
        navn: navn.to_string(),
        rod: String::new(),
        paths: Vec::new(),
        plain_text: false,
    };
    for f in FORMAT_FIELDS {
        let Some(value) = fields.text(reader, f.name, false) else {
            if f.required && !fields.has(f.name) {
                fields.missing(reader, f.name, &format!("\"{}\"", f.example));
            }
            continue;
        };
        let span = fields.value_span(f.name).unwrap_or(0..0);
        match f.holds {
            Name if is_name(value.trim()) => format.rod = value.trim().to_string(),
            Name => {
                reader.error(
                    span,
                    tr!("format-root-not-a-name", written = value.as_str()),
                );
            }
            TextKind => match value.trim() {
                "html" => {}
                "tekst" => format.plain_text = true,
                _ => {
                    reader.error(
                        span,
                        tr!("format-text-kind-unknown", written = value.as_str()),
                    );
                }
            },
            Path => match ElementPath::parse(&value) {
                Ok(path) => format.paths.push((f.name, path)),
                Err(why) => {
                    reader.error(span, tr!("format-path-invalid", field = f.name, why = why));
                }
            },
        }
    }
    for (name, needs) in NEEDS {
        if fields.has(name) && !fields.has(needs) {
            let span = fields.value_span(name).unwrap_or(0..0);
            reader
                .error(span, tr!("format-needs", field = name, needs = needs))
                .help(tr!(
                    "format-needs.help",
                    needs = needs,
                    table = what.as_str()
                ));
        }
    }
    for (entry, content) in [("afsnit", "afsnit_indhold"), ("bilag", "bilag_titel")] {
        if fields.has(entry) && !fields.has(content) {
            fields.missing(reader, content, &format!("\"{}\"", example_of(content)));
        }
    }
    (reader.diagnostics.len() == errors_before).then_some(format)
}

fn example_of(name: &str) -> &'static str {
    FORMAT_FIELDS
        .iter()
        .find(|f| f.name == name)
        .map_or("", |f| f.example)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(written: &str) -> Route {
        ElementPath::parse(written).unwrap().alternatives.remove(0)
    }

    #[test]
    fn a_path_is_read_into_steps_conditions_and_an_attribute() {
        let r = route("//table[@name='agendaitem']/fields/@id");
        assert_eq!(r.steps.len(), 2);
        assert!(r.steps[0].any_depth && !r.steps[1].any_depth);
        assert_eq!(
            r.steps[0].having,
            Some(("name".to_string(), "agendaitem".to_string()))
        );
        assert_eq!(r.attribute.as_deref(), Some("id"));
        assert_eq!(route("."), Route::default());
        assert!(route("A//B").steps[1].any_depth);
        let alternatives = ElementPath::parse("Name | Title").unwrap().alternatives;
        assert_eq!(alternatives.len(), 2);
    }

    #[test]
    fn a_wrong_path_says_what_is_wrong() {
        let err = |w: &str| ElementPath::parse(w).unwrap_err().text;
        assert_eq!(
            err("/Publication/Items"),
            "\"/Publication/Items\" begynder med /; en sti går fra det element, den læses fra, fx \"Publication/Items\""
        );
        assert_eq!(err("Items/"), "\"Items/\" har et tomt trin");
        assert_eq!(
            err("@id/Name"),
            "i \"@id/Name\" kan en attribut (@navn) kun være det sidste trin"
        );
        assert_eq!(
            err("table[name=x]"),
            "i \"table[name=x]\" skal [name=x] skrives [@attribut='værdi']"
        );
        assert_eq!(
            err("Items/<Item>"),
            "i \"Items/<Item>\" er \"<Item>\" ikke et elementnavn"
        );
        assert_eq!(err("A | "), "en tom sti");
    }
}

#[cfg(test)]
mod readme {
    use super::*;

    /// The handbook's table of the fields (docs/src/import.md), generated from [`FORMAT_FIELDS`].
    fn table() -> String {
        let mut out = String::from(
            "<!-- format fields -->\n| Felt | Påkrævet | Betydning | Eksempel (SBSYS) |\n| --- | --- | --- | --- |\n",
        );
        for f in FORMAT_FIELDS {
            out.push_str(&format!(
                "| `{}` | {} | {} | `{}` |\n",
                f.name,
                if f.required { "ja" } else { "" },
                f.description.replace('|', "\\|"),
                f.example.replace('|', "\\|"),
            ));
        }
        out.push_str("<!-- end of format fields -->");
        out
    }

    #[test]
    fn the_handbook_shows_the_format_fields() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/src/import.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let start = readme
            .find("<!-- format fields -->")
            .expect("the handbook has the table");
        let end_mark = "<!-- end of format fields -->";
        let end = readme.find(end_mark).expect("and its end") + end_mark.len();
        let expected = table();
        if readme[start..end] == expected {
            return;
        }
        if std::env::var_os("SAGSGEN_BLESS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "The handbook's table of format fields (docs/src/import.md) is not FORMAT_FIELDS; run `SAGSGEN_BLESS=1 cargo test format_fields`. Expected:\n{expected}"
            );
        }
    }
}
