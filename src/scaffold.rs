//! New files for users: a case or meeting with every field present and explained
//! (`sagsgen new`), and a whole example project (`sagsgen init`).

use crate::dates::Date;
use crate::render::templates::BUILTIN;
use crate::schema::{
    CASE_SCHEMA_FILE, CONFIG_SCHEMA_FILE, case_schema, config_schema, to_file_text,
};

/// The `#:schema` line for a file `depth` folders below the project root.
pub fn schema_directive(depth: usize, schema_file: &str) -> String {
    let up = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    format!("#:schema {up}{schema_file}\n")
}

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

/// A new case or meeting file of `kind`.
pub fn new_file(kind: NewKind, filling: &Filling) -> String {
    let text = match kind {
        NewKind::Notat => NOTAT.to_string(),
        NewKind::Beslutningssag => SAG
            .replace("{type}", "beslutningssag")
            .replace("{kompetence}", ""),
        NewKind::Orienteringssag => SAG
            .replace("{type}", "orienteringssag")
            .replace("{kompetence}", "# "),
        NewKind::Moede => {
            let (on, path) = match &filling.case_item {
                Some(path) => ("", path.as_str()),
                None => ("# ", "../cases/sagen.toml"),
            };
            MOEDE.replace("{sag}", &format!("{on}[[punkter]]\n{on}sag = \"{path}\""))
        }
    };
    text.replace("{dato}", &filling.today.iso())
        .replace("{udvalg}", &filling.udvalg)
        .replace("{beslutter}", &filling.kompetence)
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

const NOTAT: &str = r#"# Et notat. Linjer med # foran er valgfrie felter: fjern # for at bruge dem.
type = "notat"

# Dokumentets titel.
titel = "Titel på notatet"
# Modtageren, fx et udvalg.
til = "Økonomiudvalget"
# Afsenderen, vist som "Fra:".
# fra = "Økonomi og Digitalisering"
# Dokumentets dato.
dato = {dato}
# Sagsnummer i ESDH.
# sagsnummer = "25/12345"
# Sagsbehandler.
# forfatter = "Navn Navnesen"
# Afsendende enhed.
# afsender = "Økonomi og Digitalisering"
# "åben" eller "lukket".
# adgang = "åben"
# true sætter UDKAST på hver side.
# udkast = true
# Emneord til PDF'ens metadata.
# emneord = ["budget", "økonomi"]

# Brødteksten i Markdown: afsnit, ## overskrifter, - punkter, **fed**, *kursiv*,
# [link](https://…) og tabeller.
tekst = """
Skriv notatet her.

## Baggrund

- et punkt
- et andet punkt
"""
"#;

const SAG: &str = r#"# En {type}. Linjer med # foran er valgfrie felter: fjern # for at bruge dem.
type = "{type}"

# Sagens titel.
titel = "Titel på sagen"
# Sagsnummer i ESDH.
sagsnummer = "25/12345"
# Udvalgene, der behandler sagen (forkortelser fra sagsgen.toml eller fulde navne).
udvalg = ["{udvalg}"]
# Hvem der træffer beslutningen.
{kompetence}beslutningskompetence = "{beslutter}"
# Dokumentets dato.
dato = {dato}
# Sagsbehandler.
# forfatter = "Navn Navnesen"
# Afsendende enhed.
# afsender = "Økonomi og Digitalisering"
# "åben" eller "lukket" (et lukket punkt vises ikke i de offentlige udgaver).
# adgang = "åben"
# true sætter UDKAST på hver side.
# udkast = true
# Emneord til PDF'ens metadata.
# emneord = ["budget"]

# Teksterne er Markdown: afsnit, ## overskrifter, - punkter, **fed**, *kursiv*, tabeller.
# Hvad udvalget skal tage stilling til.
{kompetence}beslutningstema = "Udvalget skal tage stilling til …"
# Sagens fremstilling.
sagsfremstilling = """
Beskriv sagen her.
"""
# Økonomiske konsekvenser.
oekonomiske_konsekvenser = "Ingen."
# Borgerinddragelse.
# borgerinddragelse = "Handicaprådet har høringsret."
# Det videre forløb.
# det_videre_forloeb = "Sagen sendes til Byrådet."
# Forvaltningens indstilling.
indstilling = "Forvaltningen indstiller, at …"

# Lovgrundlag: en blok pr. lov. Titlen bliver et link til url.
# [[lovgrundlag]]
# titel = "Serviceloven"
# henvisning = "LBK nr. 102 af 29/01/2018"
# url = "https://www.retsinformation.dk/eli/lta/2018/102"

# Beslutninger: en blok pr. udvalg og dato.
# [[beslutninger]]
# udvalg = "{udvalg}"
# dato = {dato}
# tekst = "Godkendt."
# offentlig_tekst = "Godkendt."   # det, der må offentliggøres ved et lukket punkt

# Bilag: en blok pr. bilag. fil er en PDF i projektet, i forhold til denne fil.
# [[bilag]]
# titel = "Bilagets titel"
# dokumentnummer = "2400017"
# henvisning = "127520/20"
# markering = "H"
# adgang = "åben"
# fil = "../bilag/bilag.pdf"
"#;

const MOEDE: &str = r#"# Et udvalgsmøde: dagsorden, referat og deres offentlige udgaver.
type = "moede"

# Udvalget (forkortelse fra sagsgen.toml eller fulde navn).
udvalg = "{udvalg}"
# Mødedato.
dato = {dato}
# Mødetidspunkt.
tid = "15:00"
# Mødested.
sted = "Rådhuset, mødelokale 1"
# Medlemmer.
medlemmer = ["Navn Navnesen (formand)", "Navn Navnesen"]
# Afbud (vises i referatet).
# afbud = ["Navn Navnesen"]

# Punkterne i rækkefølge: en sag (sag = sti til sagens fil) eller et stående punkt.
[[punkter]]
titel = "Godkendelse af dagsorden"
# Beslutningen til referatet.
# beslutning = "Godkendt."

# En sag: stien til sagens fil, i forhold til denne fil.
{sag}

[[punkter]]
titel = "Eventuelt"
"#;

const TEMPLATES_README: &str = "# Skabeloner\n\nEn fil her med samme navn som en af sagsgens indbyggede skabeloner erstatter den\n(fx `notat.typ.j2`). `sagsgen init --templates` skriver de indbyggede skabeloner ud her,\nså de kan rettes. Slet en fil for at bruge den indbyggede igen.\n";
const FONTS_README: &str = "# Skrifttyper\n\nSkrifttyper (.ttf, .otf) i denne mappe kan bruges af egne skabeloner. sagsgen bruger\naldrig systemets skrifttyper, så dokumenterne ser ens ud på alle maskiner.\n";
