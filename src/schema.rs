//! JSON Schemas of the input files, for editors with TOML support (Taplo / Even Better
//! TOML): completion of keys, descriptions in Danish, allowed values, and mistakes flagged
//! while typing. `sagsgen schema` prints them; `sagsgen init` writes them into the project.
//!
//! The schemas say what the loader says, no more and no less: the field names are the
//! loader's own lists (unit tests hold the two together), and the integration tests run
//! a JSON Schema validator over every example, every file `init` and `new` write, and
//! every broken fixture. Patterns are ECMA-262 regular expressions, as editors read them.

use serde_json::{Map, Value, json};

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

fn adgang() -> Value {
    choice(
        "\"åben\" eller \"lukket\" (standard: \"åben\")",
        &["åben", "lukket"],
        ADGANG_ANY_CASE,
    )
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

fn shared(kind: &str) -> Vec<(&'static str, Value)> {
    vec![
        (
            "type",
            json!({ "const": kind, "description": "Dokumenttypen" }),
        ),
        ("titel", text("Titel")),
        ("sagsnummer", text("Sagsnummer i ESDH, fx \"20/15629\"")),
        ("dato", date("Dokumentets dato")),
        ("forfatter", text("Sagsbehandler")),
        ("afsender", text("Afsendende enhed")),
        ("adgang", adgang()),
        (
            "udkast",
            json!({ "type": "boolean", "description": "true sætter UDKAST på hver side" }),
        ),
        ("emneord", texts("Emneord til PDF'ens metadata")),
    ]
}

fn notat() -> Value {
    let mut p = shared("notat");
    p.extend([
        ("til", text("Modtager, fx et udvalg")),
        ("fra", text("Afsender, vist som \"Fra:\"")),
        ("tekst", markdown("Brødteksten")),
    ]);
    object("Et notat", p, &["type", "titel", "til", "tekst"])
}

fn lov() -> Value {
    object(
        "En lov",
        vec![
            ("titel", text("Lovens titel (bliver et link)")),
            (
                "henvisning",
                text("Henvisning, fx \"LBK nr. 102 af 29/01/2018\""),
            ),
            (
                "url",
                json!({ "type": "string", "pattern": URL, "description": "Adresse (kun https://)" }),
            ),
        ],
        &["titel"],
    )
}

fn beslutning() -> Value {
    object(
        "En beslutning",
        vec![
            ("udvalg", text("Udvalget (forkortelse eller navn)")),
            ("dato", date("Beslutningens dato")),
            ("tekst", markdown("Beslutningen")),
            (
                "offentlig_tekst",
                markdown("Det, der må offentliggøres af en beslutning på et lukket punkt"),
            ),
        ],
        &["udvalg", "dato", "tekst"],
    )
}

fn bilag() -> Value {
    object(
        "Et bilag",
        vec![
            ("titel", text("Bilagets titel")),
            ("dokumentnummer", text("Dokumentnummer")),
            ("henvisning", text("Henvisning, vist i parentes")),
            ("markering", text("Kort markering, fx \"H\"")),
            ("adgang", adgang()),
            ("fil", text("PDF-fil i projektet, i forhold til denne fil")),
        ],
        &["titel"],
    )
}

fn list_of(description: &str, item: Value) -> Value {
    json!({ "type": "array", "description": description, "items": item })
}

fn sag(kind: &str) -> Value {
    let decides = kind == "beslutningssag";
    let mut p = shared(kind);
    p.extend([
        (
            "udvalg",
            texts(
                "Udvalgene, der behandler sagen: forkortelser fra sagsgen.toml eller fulde navne",
            ),
        ),
        (
            "beslutningskompetence",
            text("Hvem der træffer beslutningen (forkortelse eller navn)"),
        ),
        ("beslutningstema", markdown("Beslutningstema")),
        ("sagsfremstilling", markdown("Sagsfremstilling")),
        (
            "oekonomiske_konsekvenser",
            markdown("Økonomiske konsekvenser"),
        ),
        ("borgerinddragelse", markdown("Borgerinddragelse")),
        (
            "lovgrundlag",
            list_of("Lovgrundlag: [[lovgrundlag]]", lov()),
        ),
        ("det_videre_forloeb", markdown("Det videre forløb")),
        ("indstilling", markdown("Indstilling")),
        (
            "beslutninger",
            list_of("Beslutninger: [[beslutninger]]", beslutning()),
        ),
        ("bilag", list_of("Bilag: [[bilag]]", bilag())),
    ]);
    let mut required = vec![
        "type",
        "titel",
        "sagsnummer",
        "sagsfremstilling",
        "oekonomiske_konsekvenser",
        "indstilling",
    ];
    if decides {
        required.extend(["beslutningskompetence", "beslutningstema"]);
    }
    let description = if decides {
        "En beslutningssag"
    } else {
        "En orienteringssag"
    };
    object(description, p, &required)
}

/// A meeting item: a case file, or a standing item with a title — never both.
fn punkt() -> Value {
    let mut item = object(
        "Et punkt: en sag (sag = \"…\") eller et stående punkt (titel = \"…\")",
        vec![
            ("sag", text("Sagens fil, i forhold til denne fil")),
            ("titel", text("Det stående punkts titel")),
            ("tekst", markdown("Det stående punkts tekst")),
            ("beslutning", markdown("Beslutningen til referatet")),
        ],
        &[],
    );
    for name in ["sag", "titel"] {
        item["properties"][name]["pattern"] = json!(NOT_BLANK);
    }
    item["anyOf"] = json!([{ "required": ["sag"] }, { "required": ["titel"] }]);
    item["if"] = json!({ "required": ["sag"] });
    item["then"] = json!({ "properties": { "titel": false, "tekst": false, "beslutning": false } });
    item
}

fn moede() -> Value {
    object(
        "Et udvalgsmøde",
        vec![
            (
                "type",
                json!({ "const": "moede", "description": "Dokumenttypen" }),
            ),
            ("udvalg", text("Udvalget (forkortelse eller navn)")),
            ("dato", date("Mødedato")),
            (
                "tid",
                json!({ "type": "string", "pattern": TIME, "description": "Mødetidspunkt, fx \"15:30\"" }),
            ),
            ("sted", text("Mødested")),
            ("medlemmer", texts("Medlemmer")),
            ("afbud", texts("Afbud (vises i referatet)")),
            (
                "punkter",
                list_of("Punkterne i rækkefølge: [[punkter]]", punkt()),
            ),
        ],
        &["type", "udvalg", "dato", "punkter"],
    )
}

/// A schema as the file an editor reads: pretty JSON ending in a newline.
pub fn to_file_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// The schema of case and meeting files.
pub fn case_schema() -> Value {
    let kinds = [
        ("notat", notat()),
        ("beslutningssag", sag("beslutningssag")),
        ("orienteringssag", sag("orienteringssag")),
        ("moede", moede()),
    ];
    let names: Vec<&str> = kinds.iter().map(|(kind, _)| *kind).collect();
    let branches: Vec<Value> = kinds
        .iter()
        .map(|(kind, schema)| json!({ "if": { "properties": { "type": { "const": kind } }, "required": ["type"] }, "then": schema }))
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
    let mut schema = object(
        "Projektets opsætning",
        vec![
            ("organisation", organisation),
            ("udvalg", udvalg),
            ("pdf", pdf),
        ],
        &[],
    );
    schema["$schema"] = json!(DRAFT);
    schema["title"] = json!("sagsgen.toml");
    schema
}

#[cfg(test)]
mod tests;
