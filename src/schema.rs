//! JSON Schemas of the input files, for editors with TOML support (Taplo / Even Better
//! TOML): completion of keys, descriptions in Danish, allowed values, and mistakes flagged
//! while typing. `sagsgen schema` prints them; `sagsgen init` writes them into the project.

use serde_json::{Map, Value, json};

/// The file name of the case/meeting schema in a project.
pub const CASE_SCHEMA_FILE: &str = "sagsgen.schema.json";
/// The file name of the `sagsgen.toml` schema in a project.
pub const CONFIG_SCHEMA_FILE: &str = "sagsgen-config.schema.json";

const DATE: &str = r"^\d{4}-\d{2}-\d{2}$";

fn text(description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": crate::input::fields::MAX_LINE_CHARS, "description": description })
}

fn markdown(description: &str) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": crate::input::fields::MAX_TEXT_CHARS, "description": format!("{description} (Markdown)") })
}

fn date(description: &str) -> Value {
    json!({ "type": "string", "pattern": DATE, "description": format!("{description}, fx 2025-05-05 (uden anførselstegn i TOML)") })
}

fn texts(description: &str) -> Value {
    json!({ "description": description, "anyOf": [ { "type": "string" }, { "type": "array", "items": { "type": "string" } } ] })
}

fn adgang() -> Value {
    json!({ "enum": ["åben", "lukket", "aaben"], "description": "\"åben\" eller \"lukket\"" })
}

/// An object with these properties, nothing else, these required (Danish spellings of
/// folded keys accepted as well).
fn object(description: &str, properties: Vec<(&str, Value)>, required: &[&str]) -> Value {
    let mut props = Map::new();
    for (name, schema) in properties {
        let danish = name.replace("oe", "ø").replace("aa", "å");
        if danish != name && name != "beslutningstema" {
            props.insert(danish, schema.clone());
        }
        props.insert(name.to_string(), schema);
    }
    let required: Vec<Value> = required
        .iter()
        .map(|r| {
            let danish = r.replace("oe", "ø").replace("aa", "å");
            if danish == *r {
                json!({ "required": [r] })
            } else {
                json!({ "anyOf": [{ "required": [r] }, { "required": [danish] }] })
            }
        })
        .collect();
    json!({ "type": "object", "description": description, "properties": props, "additionalProperties": false, "allOf": required })
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
        (
            "emneord",
            json!({ "type": "array", "items": { "type": "string" }, "description": "Emneord til PDF'ens metadata" }),
        ),
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

fn sag(kind: &str) -> Value {
    let decides = kind == "beslutningssag";
    let mut p = shared(kind);
    p.extend([
        ("udvalg", texts("Udvalgene, der behandler sagen: forkortelser fra sagsgen.toml eller fulde navne")),
        ("beslutningskompetence", text("Hvem der træffer beslutningen (forkortelse eller navn)")),
        ("beslutningstema", markdown("Beslutningstema")),
        ("sagsfremstilling", markdown("Sagsfremstilling")),
        ("oekonomiske_konsekvenser", markdown("Økonomiske konsekvenser")),
        ("borgerinddragelse", markdown("Borgerinddragelse")),
        ("lovgrundlag", json!({ "type": "array", "description": "Lovgrundlag", "items": object("En lov", vec![
            ("titel", text("Lovens titel (bliver et link)")),
            ("henvisning", text("Henvisning, fx \"LBK nr. 102 af 29/01/2018\"")),
            ("url", json!({ "type": "string", "pattern": "^https://[^\\s/?#]+", "description": "Adresse (kun https://)" })),
        ], &["titel"]) })),
        ("det_videre_forloeb", markdown("Det videre forløb")),
        ("indstilling", markdown("Indstilling")),
        ("beslutninger", json!({ "type": "array", "description": "Beslutninger", "items": object("En beslutning", vec![
            ("udvalg", text("Udvalget (forkortelse eller navn)")),
            ("dato", date("Beslutningens dato")),
            ("tekst", markdown("Beslutningen")),
            ("offentlig_tekst", markdown("Det, der må offentliggøres af en beslutning på et lukket punkt")),
        ], &["udvalg", "dato", "tekst"]) })),
        ("bilag", json!({ "type": "array", "description": "Bilag", "items": object("Et bilag", vec![
            ("titel", text("Bilagets titel")),
            ("dokumentnummer", text("Dokumentnummer")),
            ("henvisning", text("Henvisning, vist i parentes")),
            ("markering", text("Kort markering, fx \"H\"")),
            ("adgang", adgang()),
            ("fil", text("PDF-fil i projektet, i forhold til denne fil")),
        ], &["titel"]) })),
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
    object(
        if decides {
            "En beslutningssag"
        } else {
            "En orienteringssag"
        },
        p,
        &required,
    )
}

fn moede() -> Value {
    let item = json!({ "description": "Et punkt: en sag eller et stående punkt", "oneOf": [
        object("En sag", vec![("sag", text("Sagens fil, i forhold til denne fil"))], &["sag"]),
        object("Et stående punkt", vec![("titel", text("Punktets titel")), ("tekst", markdown("Tekst")), ("beslutning", markdown("Beslutningen til referatet"))], &["titel"]),
    ] });
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
                json!({ "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "description": "Mødetidspunkt, fx \"15:30\"" }),
            ),
            ("sted", text("Mødested")),
            ("medlemmer", texts("Medlemmer")),
            ("afbud", texts("Afbud (vises i referatet)")),
            (
                "punkter",
                json!({ "type": "array", "items": item, "description": "Punkterne i rækkefølge" }),
            ),
        ],
        &["type", "udvalg", "dato", "punkter"],
    )
}

/// The schema of case and meeting files.
pub fn case_schema() -> Value {
    let kinds = [
        ("notat", notat()),
        ("beslutningssag", sag("beslutningssag")),
        ("orienteringssag", sag("orienteringssag")),
        ("moede", moede()),
    ];
    let branches: Vec<Value> = kinds
        .iter()
        .map(|(kind, schema)| json!({ "if": { "properties": { "type": { "const": kind } }, "required": ["type"] }, "then": schema }))
        .collect();
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "sagsgen: sag eller møde",
        "description": "En sag (notat, beslutningssag, orienteringssag) eller et udvalgsmøde (moede)",
        "type": "object",
        "required": ["type"],
        "properties": { "type": { "enum": ["notat", "beslutningssag", "orienteringssag", "moede"], "description": "Dokumenttypen" } },
        "allOf": branches,
    })
}

/// The schema of `sagsgen.toml`.
pub fn config_schema() -> Value {
    let mut schema = object(
        "Projektets opsætning",
        vec![
            (
                "organisation",
                object(
                    "Organisationen, vist øverst på hver side",
                    vec![
                        ("navn", text("Navn")),
                        (
                            "logo",
                            json!({ "type": "string", "pattern": "(?i)\\.(svg|png|jpe?g)$", "description": "Logo (SVG, PNG eller JPEG) i forhold til projektmappen" }),
                        ),
                        ("adresse", text("Adresse")),
                    ],
                    &[],
                ),
            ),
            (
                "udvalg",
                json!({ "type": "object", "description": "Udvalgene: forkortelse = fulde navn", "additionalProperties": { "type": "string", "minLength": 1 } }),
            ),
            (
                "pdf",
                object(
                    "PDF-indstillinger",
                    vec![(
                        "standard",
                        json!({ "enum": crate::project::Conformance::NAMES, "description": "PDF/A-niveau (PDF/UA-1 altid)" }),
                    )],
                    &[],
                ),
            ),
        ],
        &[],
    );
    schema["$schema"] = json!("http://json-schema.org/draft-07/schema#");
    schema["title"] = json!("sagsgen.toml");
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn branch(kind: &str) -> Value {
        let schema = case_schema();
        let branches = schema["allOf"].as_array().unwrap();
        branches
            .iter()
            .find(|b| b["if"]["properties"]["type"]["const"] == kind)
            .unwrap()["then"]
            .clone()
    }

    fn required(schema: &Value) -> Vec<String> {
        schema["allOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["required"][0]
                    .as_str()
                    .or(r["anyOf"][0]["required"][0].as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn every_kind_requires_what_the_loader_requires() {
        assert_eq!(
            required(&branch("notat")),
            ["type", "titel", "til", "tekst"]
        );
        let b = required(&branch("beslutningssag"));
        for field in [
            "sagsnummer",
            "beslutningskompetence",
            "beslutningstema",
            "sagsfremstilling",
            "oekonomiske_konsekvenser",
            "indstilling",
        ] {
            assert!(b.iter().any(|r| r == field), "{field}");
        }
        assert!(
            !required(&branch("orienteringssag"))
                .iter()
                .any(|r| r == "beslutningstema")
        );
        assert_eq!(
            required(&branch("moede")),
            ["type", "udvalg", "dato", "punkter"]
        );
    }

    #[test]
    fn unknown_keys_are_refused_and_danish_spellings_accepted() {
        let sag = branch("beslutningssag");
        assert_eq!(sag["additionalProperties"], false);
        assert!(sag["properties"].get("økonomiske_konsekvenser").is_some());
        assert!(sag["properties"].get("det_videre_forløb").is_some());
        assert!(
            sag["properties"]["sagsfremstilling"]["description"]
                .as_str()
                .unwrap()
                .contains("Markdown")
        );
        assert_eq!(
            config_schema()["properties"]["pdf"]["properties"]["standard"]["enum"][0],
            "a-2a"
        );
    }
}
