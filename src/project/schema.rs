//! JSON Schemas of the input files, for editors with TOML support (Taplo / Even Better
//! TOML): completion of keys, descriptions in Danish, allowed values, and mistakes flagged
//! while typing. `sagsgen schema` prints them; `sagsgen init` writes them into the project.
//!
//! The schemas say what the loader says, no more and no less: the field names are the
//! loader's own lists (unit tests hold the two together), and the integration tests run
//! a JSON Schema validator over every example, every file `init` and `new` write, and
//! every broken fixture. Patterns are ECMA-262 regular expressions, as editors read them.

use serde_json::{Map, Value, json};

use crate::field_table::{self, Entries, Field, Holds};
use crate::input::fields::{MAX_LINE_CHARS, MAX_TEXT_CHARS};

/// The file name of the case/meeting schema in a project.
pub const CASE_SCHEMA_FILE: &str = "sagsgen.schema.json";
/// The file name of the `sagsgen.toml` schema in a project.
pub const CONFIG_SCHEMA_FILE: &str = "sagsgen-config.schema.json";

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";
/// A TOML date reaches the validator as a string; a quoted date is accepted by the loader
/// too, so both are the same here. `format` lets editors reject 2025-02-30 as well.
const DATE: &str = r"^\d{4}-\d{2}-\d{2}$";
/// `tid`, as the loader reads it.
const TIME: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9](:00)?$";
/// `https://`, a host, then anything but white space and control characters.
const URL: &str = r"^https://[^\s\x00-\x1f\x7f-\x9f/?#]+[^\s\x00-\x1f\x7f-\x9f]*$";
const LOGO: &str = r"\.([sS][vV][gG]|[pP][nN][gG]|[jJ][pP][eE]?[gG])$";
/// What a required text must contain: something besides white space.
const NOT_BLANK: &str = r"\S";
/// `adgang`, as the loader reads it: trimmed, any case.
const ADGANG_ANY_CASE: &str =
    r"^\s*([åÅ][bB][eE][nN]|[aA][aA][bB][eE][nN]|[lL][uU][kK][kK][eE][tT])\s*$";
const PDF_ANY_CASE: &str = r"^[aA]-[23][aAbB]$";

fn text(description: &str) -> Value {
    json!({ "type": "string", "maxLength": MAX_LINE_CHARS, "description": description })
}

fn markdown(description: &str) -> Value {
    json!({ "type": "string", "maxLength": MAX_TEXT_CHARS, "description": format!("{description} (Markdown)") })
}

fn date(description: &str) -> Value {
    json!({ "type": "string", "format": "date", "pattern": DATE, "description": format!("{description}, fx 2025-05-05") })
}

/// A list of texts; a single text counts as a list of one.
fn texts(description: &str) -> Value {
    let item = json!({ "type": "string", "maxLength": MAX_LINE_CHARS });
    json!({ "description": description, "anyOf": [ item, { "type": "array", "items": item } ] })
}

/// One of `values`, or the same in other letter case (as the loader reads it).
fn choice(description: &str, values: &[&str], any_case: &str) -> Value {
    json!({ "type": "string", "description": description, "anyOf": [ { "enum": values }, { "pattern": any_case } ] })
}

/// A word in any letter case, its Danish letters also as their ASCII spelling
/// (`næstformand`: `[nN]([æÆ]|[aA][eE])…`), as a regular expression.
fn any_case_word(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'æ' => "([æÆ]|[aA][eE])".to_string(),
            'ø' => "([øØ]|[oO][eE])".to_string(),
            'å' => "([åÅ]|[aA][aA])".to_string(),
            c if c.is_alphabetic() => format!("[{}{}]", c, c.to_uppercase()),
            c => regex_escape(c),
        })
        .collect()
}

fn regex_escape(c: char) -> String {
    if c.is_alphanumeric() || c == ' ' {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

/// An object with these properties and nothing else, these required: required texts
/// must not be blank, and the Danish spelling of a folded key is accepted as the key.
fn object(description: &str, properties: Vec<(&str, Value)>, required: &[&str]) -> Value {
    let mut props = Map::new();
    for (name, mut schema) in properties {
        if required.contains(&name) && schema["type"] == "string" && schema.get("pattern").is_none()
        {
            schema["pattern"] = json!(NOT_BLANK);
        }
        let danish = crate::danish::unfold(name);
        if danish != name {
            props.insert(danish, schema.clone());
        }
        props.insert(name.to_string(), schema);
    }
    let mut rules: Vec<Value> = required
        .iter()
        .map(|r| {
            let danish = crate::danish::unfold(r);
            if danish == *r {
                json!({ "required": [r] })
            } else {
                json!({ "anyOf": [{ "required": [r] }, { "required": [danish] }] })
            }
        })
        .collect();
    // One field in both spellings is the same field given twice.
    for name in props.keys().filter(|k| k.is_ascii()) {
        let danish = crate::danish::unfold(name);
        if danish != *name {
            rules.push(json!({ "not": { "required": [name, danish] } }));
        }
    }
    let mut schema = json!({ "type": "object", "description": description, "properties": props, "additionalProperties": false });
    // Draft-07 wants a non-empty `allOf`; Taplo refuses the whole schema otherwise.
    if !rules.is_empty() {
        schema["allOf"] = Value::Array(rules);
    }
    schema
}

/// A field's value as the loader reads it.
fn value(field: &Field, kind: &str) -> Value {
    let description = field.beskrivelse;
    match field.holds {
        Holds::Type => json!({ "const": kind, "description": description }),
        Holds::Text => text(description),
        Holds::Markdown => markdown(description),
        Holds::Date => date(description),
        Holds::Time => {
            json!({ "type": "string", "pattern": TIME, "description": description })
        }
        Holds::Bool => json!({ "type": "boolean", "description": description }),
        Holds::Texts => texts(description),
        Holds::Adgang => choice(description, &["åben", "lukket"], ADGANG_ANY_CASE),
        Holds::Url => json!({ "type": "string", "pattern": URL, "description": description }),
        Holds::Placement => {
            json!({ "type": "string", "pattern": placement(), "description": description })
        }
        Holds::Entries(entries) => {
            json!({ "type": "array", "description": description, "items": entries_schema(entries) })
        }
        Holds::Table(entries) => {
            let mut schema = entries_schema(entries);
            schema["description"] = json!(description);
            schema
        }
        Holds::TextsOrTables(entries) => {
            let name =
                json!({ "type": "string", "pattern": NOT_BLANK, "maxLength": MAX_LINE_CHARS });
            let entry = json!({ "anyOf": [name, entries_schema(entries)] });
            json!({ "description": description, "anyOf": [name, { "type": "array", "items": entry }] })
        }
        Holds::Votes => {
            let names = json!({ "type": "array", "items": { "type": "string", "pattern": NOT_BLANK, "maxLength": MAX_LINE_CHARS } });
            json!({ "description": description, "anyOf": [{ "type": "integer", "minimum": 0 }, names] })
        }
        Holds::Choice(words) => {
            let mut values: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            values.extend(
                words
                    .iter()
                    .map(|w| crate::danish::fold(w))
                    .filter(|w| !words.contains(&w.as_str())),
            );
            let any_case = format!(
                "^\\s*({})\\s*$",
                words
                    .iter()
                    .map(|w| any_case_word(w))
                    .collect::<Vec<_>>()
                    .join("|")
            );
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            choice(description, &values, &any_case)
        }
        Holds::Headings => {
            let properties = field_table::sections(field_table::BESLUTNINGSSAG)
                .map(|f| (f.name, text(f.overskrift.unwrap_or(f.name))))
                .collect();
            object(description, properties, &[])
        }
    }
}

/// `placering`, as the loader reads it: "før"/"efter" and a standard section of a sag, in
/// any letter case, with Danish letters or their ASCII spelling.
fn placement() -> String {
    let sections: Vec<String> = field_table::sections(field_table::BESLUTNINGSSAG)
        .flat_map(|f| [any_case(f.name), any_case(&f.danish())])
        .collect();
    let sides = [any_case("før"), any_case("foer"), any_case("efter")];
    format!(r"^\s*({})\s+({})\s*$", sides.join("|"), sections.join("|"))
}

/// A word matched in any letter case (ECMA-262 has no inline flag for it).
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            let upper: String = c.to_uppercase().collect();
            if upper == c.to_string() {
                c.to_string()
            } else {
                format!("[{c}{upper}]")
            }
        })
        .collect()
}

/// The object of one table of the field table.
fn table(description: &str, fields: &[Field], kind: &str) -> Value {
    let properties = fields.iter().map(|f| (f.name, value(f, kind))).collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    if !fields.iter().any(|f| f.name == "kilde") {
        return object(description, properties, &required);
    }
    // An imported case (with `kilde`) needs only what every case needs.
    let (always, unless_imported): (Vec<&str>, Vec<&str>) = required
        .iter()
        .partition(|name| field_table::IMPORTED_REQUIRED.contains(name));
    let mut schema = object(description, properties, &always);
    let rest = object("", Vec::new(), &unless_imported);
    if let Some(rules) = rest.get("allOf") {
        // Present, they must not be blank, as when required.
        let mut not_blank = Map::new();
        for name in &unless_imported {
            let is_text = schema["properties"][*name]["type"] == "string";
            if is_text {
                for key in [name.to_string(), crate::danish::unfold(name)] {
                    not_blank.insert(key, json!({ "pattern": NOT_BLANK }));
                }
            }
        }
        let rule = json!({ "if": { "required": ["kilde"] }, "else": { "allOf": rules, "properties": not_blank } });
        match schema.get_mut("allOf").and_then(Value::as_array_mut) {
            Some(all) => all.push(rule),
            None => schema["allOf"] = json!([rule]),
        }
    }
    schema
}

fn entries_schema(entries: &Entries) -> Value {
    if std::ptr::eq(entries, &field_table::PUNKT) {
        return punkt();
    }
    table(entries.one, entries.fields, "")
}

/// A meeting item: a case file, or a standing item with a title — never both.
fn punkt() -> Value {
    let entries = &field_table::PUNKT;
    let mut item = table(entries.one, entries.fields, "");
    for name in ["sag", "titel"] {
        item["properties"][name]["pattern"] = json!(NOT_BLANK);
    }
    item["anyOf"] = json!([{ "required": ["sag"] }, { "required": ["titel"] }]);
    item["if"] = json!({ "required": ["sag"] });
    item["then"] = json!({ "properties": { "titel": false, "tekst": false, "beslutning": false } });
    item
}

/// A schema as the file an editor reads: pretty JSON ending in a newline.
pub fn to_file_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// The schema of case and meeting files.
pub fn case_schema() -> Value {
    let names: Vec<&str> = field_table::KINDS
        .iter()
        .map(|(kind, _, _)| *kind)
        .collect();
    let branches: Vec<Value> = field_table::KINDS
        .iter()
        .map(|(kind, description, fields)| {
            let schema = table(description, fields, kind);
            json!({ "if": { "properties": { "type": { "const": kind } }, "required": ["type"] }, "then": schema })
        })
        .collect();
    json!({
        "$schema": DRAFT,
        "title": "sagsgen: sag eller møde",
        "description": "En sag (notat, beslutningssag, orienteringssag) eller et udvalgsmøde (moede)",
        "type": "object",
        "required": ["type"],
        "properties": { "type": { "enum": names, "description": "Dokumenttypen" } },
        "allOf": branches,
    })
}

/// `[import.formater]`: XML exports a project describes, one table of element paths each.
fn export_formats() -> Value {
    use crate::export_format::{FORMAT_FIELDS, FormatValue};
    let fields: Vec<(&str, Value)> = FORMAT_FIELDS
        .iter()
        .map(|f| {
            let value = match f.holds {
                FormatValue::TextKind => json!({ "enum": ["html", "tekst"], "description": f.description }),
                FormatValue::Name => json!({ "type": "string", "pattern": "^[^\\s<>/]+$", "description": f.description }),
                FormatValue::Path => json!({ "type": "string", "pattern": NOT_BLANK, "description": format!("{} — elementnavne adskilt af /, // for enhver dybde, [@attribut='værdi'] for at vælge, @attribut for en attributs værdi, | mellem alternativer", f.description) }),
            };
            (f.name, value)
        })
        .collect();
    let required: Vec<&str> = FORMAT_FIELDS
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "description": "XML-eksporter, sagsgen ikke kender: hvor møde, punkter og deres dele står, som elementstier",
        "additionalProperties": object("Et eksportformat", fields, &required),
    })
}

/// The schema of `sagsgen.toml`.
pub fn config_schema() -> Value {
    let organisation = object(
        "Organisationen, vist øverst på hver side",
        vec![
            ("navn", text("Navn")),
            (
                "logo",
                json!({ "type": "string", "pattern": LOGO, "description": "Logo (SVG, PNG eller JPEG) i forhold til projektmappen" }),
            ),
            ("adresse", text("Adresse")),
        ],
        &[],
    );
    let udvalg = json!({
        "type": "object",
        "description": "Udvalgene: forkortelse = fulde navn, fx OEU = \"Økonomiudvalget\"",
        "additionalProperties": { "type": "string", "pattern": NOT_BLANK },
    });
    let pdf = object(
        "PDF-indstillinger",
        vec![(
            "standard",
            choice(
                "PDF/A-niveau (PDF/UA-1 altid); standard: \"a-2a\"",
                &crate::project::Conformance::NAMES,
                PDF_ANY_CASE,
            ),
        )],
        &[],
    );
    let targets: Vec<String> = crate::field_table::caption_targets()
        .into_iter()
        .flat_map(|t| [t.to_string(), crate::danish::unfold(t)])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let import = object(
        "Import af dagsordener fra andre systemer",
        vec![
            (
                "overskrifter",
                json!({
                    "type": "object",
                    "description": "Afsnitsoverskrifter → hvad afsnittet bliver: et felt (fx \"sagsfremstilling\"), \"afsnit\" eller \"beslutning\"",
                    "additionalProperties": { "enum": targets },
                }),
            ),
            ("formater", export_formats()),
        ],
        &[],
    );
    let address = |description: &str, pattern: &str| json!({ "type": "string", "pattern": pattern, "description": description });
    let site = object(
        "Den offentlige hjemmeside (sagsgen site)",
        vec![
            (
                "adresse",
                address(
                    "Hvor hjemmesiden offentliggøres, fx \"https://dagsordener.eksempel.dk\": åbne datas id'er og feeds begynder med den",
                    r"^https?://\S+$",
                ),
            ),
            (
                "tilgaengelighedserklaering",
                address(
                    "Organisationens tilgængelighedserklæring (fra WAS-værktøjet), linket fra hver side",
                    r"^https://\S+$",
                ),
            ),
            (
                "licens",
                address(
                    "Licensen for de åbne data, som adresse, fx \"https://creativecommons.org/licenses/by/4.0/\"",
                    r"^https://\S+$",
                ),
            ),
        ],
        &[],
    );
    let mut schema = object(
        "Projektets opsætning",
        vec![
            ("organisation", organisation),
            ("udvalg", udvalg),
            ("pdf", pdf),
            ("import", import),
            ("site", site),
        ],
        &[],
    );
    schema["$schema"] = json!(DRAFT);
    schema["title"] = json!("sagsgen.toml");
    schema
}

/// The `#:schema` line for a file `depth` folders below the project root.
pub fn schema_directive(depth: usize, schema_file: &str) -> String {
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{schema_file}\n")
}

#[cfg(test)]
mod tests;
