//! New files for users: a case or meeting with every field present and explained
//! (`sagsgen new`), and a whole example project (`sagsgen init`).

use crate::dates::Date;
use crate::field_table::{self, Field, Holds};
use crate::project::schema::{
    CASE_SCHEMA_FILE, CONFIG_SCHEMA_FILE, case_schema, config_schema, schema_directive,
    to_file_text,
};
use crate::render::templates::BUILTIN;

/// What `sagsgen new` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    /// A memo to a committee.
    Notat,
    /// An agenda item that asks for a decision.
    Beslutningssag,
    /// An agenda item that informs.
    Orienteringssag,
    /// A committee meeting (agenda, minutes).
    Moede,
}

/// What a new file is filled in with, so that it checks in the project it is written to.
#[derive(Debug, Clone)]
pub struct Filling {
    /// Today's date.
    pub today: Date,
    /// A committee of the project (its abbreviation).
    pub udvalg: String,
    /// Who decides (an abbreviation of the project, or a full name).
    pub kompetence: String,
    /// A case file for the meeting's case item, relative to the meeting; without one the
    /// case item is written commented out.
    pub case_item: Option<String>,
}

impl Filling {
    /// Filled in from the project's committees: `OEU` and `BR` where the project has
    /// them, else its first committee.
    pub fn for_committees(today: Date, abbreviations: &[&str]) -> Self {
        let pick = |wanted: &str, fallback: &str| {
            if abbreviations.contains(&wanted) {
                wanted.to_string()
            } else {
                abbreviations
                    .first()
                    .map_or(fallback.to_string(), |a| a.to_string())
            }
        };
        Self {
            today,
            udvalg: pick("OEU", "Økonomiudvalget"),
            kompetence: pick("BR", "Byrådet"),
            case_item: None,
        }
    }
}

/// A new case or meeting file of `kind`: every field of the field table, with its
/// description above it; optional fields commented out unless the table suggests them.
pub fn new_file(kind: NewKind, filling: &Filling) -> String {
    let (type_name, fields) = match kind {
        NewKind::Notat => ("notat", field_table::NOTAT),
        NewKind::Beslutningssag => ("beslutningssag", field_table::BESLUTNINGSSAG),
        NewKind::Orienteringssag => ("orienteringssag", field_table::ORIENTERINGSSAG),
        NewKind::Moede => ("moede", field_table::MOEDE),
    };
    let mut text = match kind {
        NewKind::Moede => {
            "# Et udvalgsmøde: dagsorden, referat og deres offentlige udgaver.\n".to_string()
        }
        _ => format!(
            "# {}. Linjer med # foran er valgfrie felter: fjern # for at bruge dem.\n",
            with_article(type_name)
        ),
    };
    text.push_str(&format!("type = \"{type_name}\"\n\n"));
    let mut markdown_said = false;
    // Plain fields before every `[[…]]` block: TOML reads a line below such a block as
    // part of the block.
    let (plain, blocks): (Vec<&Field>, Vec<&Field>) = fields
        .iter()
        .filter(|f| f.holds != Holds::Type)
        .partition(|f| !matches!(f.holds, Holds::Entries(_)));
    for field in plain.into_iter().chain(blocks) {
        match field.holds {
            Holds::Entries(_) if field.name == "punkter" => {
                text.push_str(&format!("\n# {}.\n", field.beskrivelse));
                text.push_str(&items(filling));
            }
            Holds::Entries(entries) => {
                text.push_str(&format!(
                    "\n# {}.\n# [[{}]]\n",
                    field.beskrivelse, field.name
                ));
                // An entry's own entries come after its values, as TOML reads them.
                let (values, nested): (Vec<&Field>, Vec<&Field>) = entries
                    .fields
                    .iter()
                    .partition(|f| !matches!(f.holds, Holds::Entries(_)));
                for f in values {
                    text.push_str(&format!("# {} = {}\n", f.name, f.eksempel));
                }
                for f in nested {
                    let Holds::Entries(inner) = f.holds else {
                        continue;
                    };
                    text.push_str(&format!("# [[{}.{}]]\n", field.name, f.name));
                    for g in inner.fields {
                        text.push_str(&format!("# {} = {}\n", g.name, g.eksempel));
                    }
                }
            }
            holds => {
                if holds == Holds::Markdown && !markdown_said {
                    markdown_said = true;
                    text.push_str(MARKDOWN_HINT);
                }
                let on = if field.required || field.foreslaaet {
                    ""
                } else {
                    "# "
                };
                text.push_str(&format!(
                    "# {}.\n{on}{} = {}\n",
                    field.beskrivelse, field.name, field.eksempel
                ));
            }
        }
    }
    text.replace("{dato}", &filling.today.iso())
        .replace("{udvalg}", &filling.udvalg)
        .replace("{beslutter}", &filling.kompetence)
}

const MARKDOWN_HINT: &str = "\n# Teksterne er Markdown: afsnit, ## overskrifter, - punkter, **fed**, *kursiv*,\n# [link](https://…) og tabeller.\n";

/// A meeting's items: a standing item, the case item (commented out without a case), and
/// Eventuelt.
fn items(filling: &Filling) -> String {
    let (on, path) = match &filling.case_item {
        Some(path) => ("", path.as_str()),
        None => ("# ", "../cases/sagen.toml"),
    };
    format!(
        "[[punkter]]\ntitel = \"Godkendelse af dagsorden\"\n# Beslutningen til referatet.\n# beslutning = \"Godkendt.\"\n\n\
         # En sag: stien til sagens fil, i forhold til denne fil.\n{on}[[punkter]]\n{on}sag = \"{path}\"\n\n\
         [[punkter]]\ntitel = \"Eventuelt\"\n"
    )
}

/// "Et notat", "En beslutningssag".
fn with_article(kind: &str) -> String {
    let article = if kind == "notat" { "Et" } else { "En" };
    format!("{article} {kind}")
}

/// The files of a new project: (path, contents). `with_templates` adds the built-in
/// templates for editing.
pub fn project_files(today: Date, with_templates: bool) -> Vec<(String, String)> {
    let filling = Filling {
        case_item: Some("../cases/eksempel-beslutningssag.toml".to_string()),
        ..Filling::for_committees(today, &["OEU", "BR"])
    };
    let case = |kind| {
        format!(
            "{}{}",
            schema_directive(1, CASE_SCHEMA_FILE),
            new_file(kind, &filling)
        )
    };
    let mut files = vec![
        (
            "sagsgen.toml".to_string(),
            format!("{}{CONFIG}", schema_directive(0, CONFIG_SCHEMA_FILE)),
        ),
        (CASE_SCHEMA_FILE.to_string(), to_file_text(&case_schema())),
        (
            CONFIG_SCHEMA_FILE.to_string(),
            to_file_text(&config_schema()),
        ),
        (
            "cases/eksempel-notat.toml".to_string(),
            case(NewKind::Notat),
        ),
        (
            "cases/eksempel-beslutningssag.toml".to_string(),
            case(NewKind::Beslutningssag),
        ),
        (
            "cases/eksempel-orienteringssag.toml".to_string(),
            case(NewKind::Orienteringssag),
        ),
        (
            "moeder/eksempel-moede.toml".to_string(),
            case(NewKind::Moede),
        ),
        (
            "templates/README.md".to_string(),
            TEMPLATES_README.to_string(),
        ),
        ("fonts/README.md".to_string(), FONTS_README.to_string()),
    ];
    if with_templates {
        files.extend(
            BUILTIN
                .iter()
                .map(|(name, text)| (format!("templates/{name}"), text.to_string())),
        );
    }
    files
}

const CONFIG: &str = r#"# Projektets opsætning.

[organisation]
# Navnet øverst på hver side.
navn = "Eksempel Kommune"
# Adressen under navnet.
adresse = "Rådhuspladsen 1, 9999 Eksempelby"
# Logo (SVG, PNG eller JPEG) i forhold til denne mappe.
# logo = "logo.svg"

# Udvalgene: forkortelse = fulde navn. Sagerne kan skrive enten forkortelsen eller navnet.
[udvalg]
OEU = "Økonomiudvalget"
BR = "Byrådet"

[pdf]
# PDF/A-niveau: "a-2a" (standard), "a-2b", "a-3a" eller "a-3b". PDF/UA-1 altid.
standard = "a-2a"
"#;

const TEMPLATES_README: &str = "# Skabeloner\n\nEn fil her med samme navn som en af sagsgens indbyggede skabeloner erstatter den\n(fx `notat.typ.j2`). `*.typ.j2` laver PDF'erne, `site-*.html.j2`, `site.css` og\n`site-soeg.js` den offentlige hjemmeside (`sagsgen site`). `sagsgen init --templates`\nskriver de indbyggede skabeloner ud her, så de kan rettes. Slet en fil for at bruge den\nindbyggede igen.\n";
const FONTS_README: &str = "# Skrifttyper\n\nSkrifttyper (.ttf, .otf) i denne mappe kan bruges af egne skabeloner. sagsgen bruger\naldrig systemets skrifttyper, så dokumenterne ser ens ud på alle maskiner.\n";
