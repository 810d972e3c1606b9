//! The one table of fields: for every kind of file and entry, each field's name, what it
//! holds, whether it is required, its Danish description and an example value. The loader's
//! field lists and required fields, the sections of a document, the JSON Schema, the files
//! `sagsgen new` writes and the handbook's field tables all come from here, so adding a field is
//! one row (and, unless it is a Markdown section, one line of a template).
//!
//! Names are the ASCII spellings TOML bare keys allow; the Danish spelling (`økonomiske_…`)
//! is derived by [`crate::danish::unfold`] and accepted everywhere.

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// The kind of file: `type = "…"`.
    Type,
    /// One line of text.
    Text,
    /// Markdown text.
    Markdown,
    /// A date: `2025-05-05`.
    Date,
    /// A time of day: `"15:30"`.
    Time,
    /// `true` or `false`.
    Bool,
    /// A list of texts (one text counts as a list of one).
    Texts,
    /// `"åben"` or `"lukket"`.
    Adgang,
    /// An `https://` address.
    Url,
    /// Where an extra section stands: `"før <section>"` or `"efter <section>"`, naming a
    /// standard section of the kind.
    Placement,
    /// Repeated `[[name]]` entries, each with the fields of an [`Entries`] table.
    Entries(&'static Entries),
    /// Headings of the kind's standard sections, by field: `{ sagsfremstilling = "…" }`.
    Headings,
    /// One sub-table (`afstemning = { … }`), with the fields of an [`Entries`] table.
    Table(&'static Entries),
    /// A list whose entries are texts or tables with the fields of an [`Entries`] table
    /// (`medlemmer = ["Navn", { navn = "…", parti = "A" }]`).
    TextsOrTables(&'static Entries),
    /// A number of votes, or a list of who voted so (party letters or members' names).
    Votes,
    /// One of a few words.
    Choice(&'static [&'static str]),
}

/// The fields of one kind of `[[…]]` entry.
#[derive(Debug, PartialEq, Eq)]
pub struct Entries {
    /// What one entry is, in Danish: "En lov".
    pub one: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
}

/// One field of a kind of file or entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key, in its ASCII spelling.
    pub name: &'static str,
    /// What it holds.
    pub holds: Holds,
    /// Whether the file or entry must have it.
    pub required: bool,
    /// What it is, in Danish (editors show it; `new` writes it above the field).
    pub beskrivelse: &'static str,
    /// An example value as TOML, written by `new`. `{dato}`, `{udvalg}` and `{beslutter}`
    /// are filled in from the project.
    pub eksempel: &'static str,
    /// Whether `new` writes an optional field switched on (otherwise commented out).
    pub foreslaaet: bool,
    /// The heading of the section the field becomes in the document, for a section.
    pub overskrift: Option<&'static str>,
}

impl Field {
    /// The Danish spelling of the key (the same as the name when it has no æ, ø or å).
    pub fn danish(&self) -> String {
        crate::danish::unfold(self.name)
    }
}

/// The defaults every row starts from: an optional one-line text.
const TEXT: Field = Field {
    name: "",
    holds: Holds::Text,
    required: false,
    beskrivelse: "",
    eksempel: "",
    foreslaaet: false,
    overskrift: None,
};

const fn section(
    name: &'static str,
    overskrift: &'static str,
    beskrivelse: &'static str,
    eksempel: &'static str,
) -> Field {
    Field {
        name,
        holds: Holds::Markdown,
        beskrivelse,
        eksempel,
        overskrift: Some(overskrift),
        ..TEXT
    }
}

const fn required(field: Field) -> Field {
    Field {
        required: true,
        ..field
    }
}

const fn optional(field: Field) -> Field {
    Field {
        required: false,
        ..field
    }
}

const TYPE: Field = Field {
    name: "type",
    holds: Holds::Type,
    required: true,
    beskrivelse: "Dokumenttypen",
    ..TEXT
};
const TITEL: Field = Field {
    name: "titel",
    required: true,
    beskrivelse: "Titlen",
    eksempel: "\"Titel på sagen\"",
    ..TEXT
};
const OFFENTLIG_TITEL: Field = Field {
    name: "offentlig_titel",
    beskrivelse: "Den titel, de offentlige udgaver viser for et lukket punkt (uden fortrolige oplysninger)",
    eksempel: "\"Salg af grund\"",
    ..TEXT
};
const SAGSNUMMER: Field = Field {
    name: "sagsnummer",
    required: true,
    beskrivelse: "Sagsnummer i ESDH, fx \"20/15629\"",
    eksempel: "\"25/12345\"",
    ..TEXT
};
const DATO: Field = Field {
    name: "dato",
    holds: Holds::Date,
    beskrivelse: "Dokumentets dato",
    eksempel: "{dato}",
    foreslaaet: true,
    ..TEXT
};
const FORFATTER: Field = Field {
    name: "forfatter",
    beskrivelse: "Sagsbehandler",
    eksempel: "\"Navn Navnesen\"",
    ..TEXT
};
const AFSENDER: Field = Field {
    name: "afsender",
    beskrivelse: "Afsendende enhed",
    eksempel: "\"Økonomi og Digitalisering\"",
    ..TEXT
};
const ADGANG: Field = Field {
    name: "adgang",
    holds: Holds::Adgang,
    beskrivelse: "\"åben\" eller \"lukket\" (standard: \"åben\"; et lukket punkt vises ikke i de offentlige udgaver)",
    eksempel: "\"åben\"",
    ..TEXT
};
const KILDE: Field = Field {
    name: "kilde",
    beskrivelse: "Hvor sagen er importeret fra (skrives af sagsgen import). En importeret sag har de afsnit, kilden har: kun type og titel er påkrævet",
    eksempel: "\"SBSYS: Publication32.xml, punkt 2\"",
    ..TEXT
};
const OVERSKRIFTER: Field = Field {
    name: "overskrifter",
    holds: Holds::Headings,
    beskrivelse: "Standardafsnittenes overskrifter, hvor sagen skal vise andre end de faste (fx kildens ord), pr. felt",
    eksempel: "{ sagsfremstilling = \"Baggrund\" }",
    ..TEXT
};
const UDKAST: Field = Field {
    name: "udkast",
    holds: Holds::Bool,
    beskrivelse: "true sætter UDKAST på hver side",
    eksempel: "true",
    ..TEXT
};
const EMNEORD: Field = Field {
    name: "emneord",
    holds: Holds::Texts,
    beskrivelse: "Emneord til PDF'ens metadata",
    eksempel: "[\"budget\", \"økonomi\"]",
    ..TEXT
};

/// A notat.
pub const NOTAT: &[Field] = &[
    TYPE,
    Field {
        eksempel: "\"Titel på notatet\"",
        ..TITEL
    },
    Field {
        name: "til",
        required: true,
        beskrivelse: "Modtager, fx et udvalg",
        eksempel: "\"Økonomiudvalget\"",
        ..TEXT
    },
    Field {
        name: "fra",
        beskrivelse: "Afsender, vist som \"Fra:\"",
        eksempel: "\"Økonomi og Digitalisering\"",
        ..TEXT
    },
    DATO,
    optional(SAGSNUMMER),
    FORFATTER,
    AFSENDER,
    ADGANG,
    UDKAST,
    EMNEORD,
    Field {
        name: "tekst",
        holds: Holds::Markdown,
        required: true,
        beskrivelse: "Brødteksten",
        eksempel: "\"\"\"\nSkriv notatet her.\n\n## Baggrund\n\n- et punkt\n- et andet punkt\n\"\"\"",
        ..TEXT
    },
];

const UDVALG: Field = Field {
    name: "udvalg",
    holds: Holds::Texts,
    beskrivelse: "Udvalgene, der behandler sagen: forkortelser fra sagsgen.toml eller fulde navne",
    eksempel: "[\"{udvalg}\"]",
    foreslaaet: true,
    ..TEXT
};
const BESLUTNINGSKOMPETENCE: Field = Field {
    name: "beslutningskompetence",
    beskrivelse: "Hvem der træffer beslutningen (forkortelse eller navn)",
    eksempel: "\"{beslutter}\"",
    ..TEXT
};
const BESLUTNINGSTEMA: Field = section(
    "beslutningstema",
    "Beslutningstema",
    "Hvad udvalget skal tage stilling til",
    "\"Udvalget skal tage stilling til …\"",
);
const SAGSFREMSTILLING: Field = required(section(
    "sagsfremstilling",
    "Sagsfremstilling",
    "Sagsfremstillingen",
    "\"\"\"\nBeskriv sagen her.\n\"\"\"",
));
const OEKONOMI: Field = required(section(
    "oekonomiske_konsekvenser",
    "Økonomiske konsekvenser",
    "Økonomiske konsekvenser",
    "\"Ingen.\"",
));
const BORGERINDDRAGELSE: Field = section(
    "borgerinddragelse",
    "Borgerinddragelse",
    "Borgerinddragelse",
    "\"Handicaprådet har høringsret.\"",
);
const LOVGRUNDLAG: Field = Field {
    name: "lovgrundlag",
    holds: Holds::Entries(&LOV),
    beskrivelse: "Lovgrundlag: en [[lovgrundlag]]-blok pr. lov; titlen bliver et link til url",
    overskrift: Some("Lovgrundlag"),
    ..TEXT
};
const DET_VIDERE_FORLOEB: Field = section(
    "det_videre_forloeb",
    "Det videre forløb",
    "Det videre forløb",
    "\"Sagen sendes til Byrådet.\"",
);
const INDSTILLING: Field = required(section(
    "indstilling",
    "Indstilling",
    "Forvaltningens indstilling",
    "\"Forvaltningen indstiller, at …\"",
));
const AFSNIT_FIELD: Field = Field {
    name: "afsnit",
    holds: Holds::Entries(&AFSNIT),
    beskrivelse: "Afsnit ud over standardafsnittene (fx Resumé, Baggrund, Høring): en [[afsnit]]-blok pr. afsnit",
    ..TEXT
};
const BESLUTNINGER: Field = Field {
    name: "beslutninger",
    holds: Holds::Entries(&BESLUTNING),
    beskrivelse: "Beslutninger: en [[beslutninger]]-blok pr. udvalg og dato",
    ..TEXT
};
const BILAG_FIELD: Field = Field {
    name: "bilag",
    holds: Holds::Entries(&BILAG),
    beskrivelse: "Bilag: en [[bilag]]-blok pr. bilag",
    ..TEXT
};

/// A beslutningssag: an item that asks for a decision.
pub const BESLUTNINGSSAG: &[Field] = &SAG;

/// An orienteringssag: an item that informs — a beslutningssag's fields, without the
/// requirement of what a decision needs.
pub const ORIENTERINGSSAG: &[Field] = &informing(SAG);

/// The fields of a sag, as a beslutningssag requires them.
const SAG: [Field; 24] = [
    TYPE,
    TITEL,
    OFFENTLIG_TITEL,
    SAGSNUMMER,
    UDVALG,
    required(BESLUTNINGSKOMPETENCE),
    DATO,
    FORFATTER,
    AFSENDER,
    ADGANG,
    UDKAST,
    EMNEORD,
    KILDE,
    OVERSKRIFTER,
    required(BESLUTNINGSTEMA),
    SAGSFREMSTILLING,
    OEKONOMI,
    BORGERINDDRAGELSE,
    LOVGRUNDLAG,
    DET_VIDERE_FORLOEB,
    INDSTILLING,
    AFSNIT_FIELD,
    BESLUTNINGER,
    BILAG_FIELD,
];

/// What only a decision needs.
const FOR_DECISIONS: [&str; 2] = ["beslutningskompetence", "beslutningstema"];

/// A sag's fields with those that only a decision needs made optional.
const fn informing<const N: usize>(mut fields: [Field; N]) -> [Field; N] {
    let mut i = 0;
    while i < N {
        let mut d = 0;
        while d < FOR_DECISIONS.len() {
            if same(fields[i].name, FOR_DECISIONS[d]) {
                fields[i].required = false;
            }
            d += 1;
        }
        i += 1;
    }
    fields
}

/// String equality, usable in constants.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A `[[lovgrundlag]]` entry.
pub const LOV: Entries = Entries {
    one: "En lov",
    fields: &[
        Field {
            name: "titel",
            required: true,
            beskrivelse: "Lovens titel (bliver et link)",
            eksempel: "\"Serviceloven\"",
            ..TEXT
        },
        Field {
            name: "henvisning",
            beskrivelse: "Henvisning, fx \"LBK nr. 102 af 29/01/2018\"",
            eksempel: "\"LBK nr. 102 af 29/01/2018\"",
            ..TEXT
        },
        Field {
            name: "url",
            holds: Holds::Url,
            beskrivelse: "Adresse (kun https://)",
            eksempel: "\"https://www.retsinformation.dk/eli/lta/2018/102\"",
            ..TEXT
        },
    ],
};

/// A `[[afsnit]]` entry: a section the standard fields have no room for, under its own
/// heading, where the source had it.
pub const AFSNIT: Entries = Entries {
    one: "Et afsnit ud over standardafsnittene",
    fields: &[
        Field {
            name: "overskrift",
            beskrivelse: "Afsnittets overskrift (uden overskrift står teksten for sig, som i kilden)",
            eksempel: "\"Resumé\"",
            ..TEXT
        },
        Field {
            name: "tekst",
            holds: Holds::Markdown,
            required: true,
            beskrivelse: "Afsnittets tekst",
            eksempel: "\"Kort om sagen.\"",
            ..TEXT
        },
        Field {
            name: "placering",
            holds: Holds::Placement,
            beskrivelse: "Hvor afsnittet står: \"før <afsnit>\" eller \"efter <afsnit>\", fx \"før sagsfremstilling\" (uden placering: efter de andre afsnit). Afsnit og beslutninger med samme placering står i filens rækkefølge",
            eksempel: "\"før sagsfremstilling\"",
            ..TEXT
        },
    ],
};

/// The standard sections an extra section can be placed by: the fields with a heading.
pub fn sections(fields: &'static [Field]) -> impl Iterator<Item = &'static Field> {
    fields.iter().filter(|f| f.overskrift.is_some())
}

/// A `[[beslutninger]]` entry.
pub const BESLUTNING: Entries = Entries {
    one: "En beslutning",
    fields: &[
        Field {
            name: "udvalg",
            required: true,
            beskrivelse: "Udvalget (forkortelse eller navn)",
            eksempel: "\"{udvalg}\"",
            ..TEXT
        },
        Field {
            name: "dato",
            holds: Holds::Date,
            required: true,
            beskrivelse: "Beslutningens dato",
            eksempel: "{dato}",
            ..TEXT
        },
        Field {
            name: "tekst",
            holds: Holds::Markdown,
            required: true,
            beskrivelse: "Beslutningen",
            eksempel: "\"Godkendt.\"",
            ..TEXT
        },
        Field {
            name: "offentlig_tekst",
            holds: Holds::Markdown,
            beskrivelse: "Det, der må offentliggøres af en beslutning på et lukket punkt",
            eksempel: "\"Godkendt.\"",
            ..TEXT
        },
        Field {
            name: "overskrift",
            beskrivelse: "Beslutningens overskrift, hvor den skal være en anden end \"Beslutning i <udvalg> den <dato>\" (fx kildens ord)",
            eksempel: "\"Beslutninger\"",
            ..TEXT
        },
        Field {
            name: "placering",
            holds: Holds::Placement,
            beskrivelse: "Hvor beslutningen står i sagen: \"før <afsnit>\" eller \"efter <afsnit>\" (uden placering: efter alle afsnit). Afsnit og beslutninger med samme placering står i filens rækkefølge",
            eksempel: "\"efter indstilling\"",
            ..TEXT
        },
        Field {
            name: "afstemning",
            holds: Holds::Table(&AFSTEMNING),
            beskrivelse: "Afstemningen: for, imod og undlod, hver et antal stemmer eller en liste over hvem (partibogstaver eller navne), og resultat",
            eksempel: "{ for = [\"A\", \"F\"], imod = [\"V\"], resultat = \"vedtaget\" }",
            ..TEXT
        },
        Field {
            name: "protokolbemaerkninger",
            holds: Holds::Entries(&PROTOKOLBEMAERKNING),
            beskrivelse: "Protokolbemærkninger: et medlems eller partis afvigende opfattelse, ført til protokol (kommunestyrelsesloven § 13, stk. 2)",
            ..TEXT
        },
        Field {
            name: "inhabile",
            holds: Holds::Texts,
            beskrivelse: "Medlemmer, der ikke deltog i behandlingen af punktet på grund af inhabilitet",
            eksempel: "[\"Navn Navnesen\"]",
            ..TEXT
        },
        Field {
            name: "fravaerende",
            holds: Holds::Texts,
            beskrivelse: "Medlemmer, der var fraværende under netop dette punkt",
            eksempel: "[\"Navn Navnesen\"]",
            ..TEXT
        },
    ],
};

/// `afstemning = { … }` in a `[[beslutninger]]` entry: how the committee voted.
pub const AFSTEMNING: Entries = Entries {
    one: "En afstemning",
    fields: &[
        Field {
            name: "for",
            holds: Holds::Votes,
            beskrivelse: "Stemmer for: et antal, eller hvem (partibogstaver eller navne)",
            eksempel: "[\"A\", \"F\", \"Ø\"]",
            ..TEXT
        },
        Field {
            name: "imod",
            holds: Holds::Votes,
            beskrivelse: "Stemmer imod: et antal, eller hvem",
            eksempel: "[\"V\"]",
            ..TEXT
        },
        Field {
            name: "undlod",
            holds: Holds::Votes,
            beskrivelse: "Undlod at stemme: et antal, eller hvem",
            eksempel: "2",
            ..TEXT
        },
        Field {
            name: "resultat",
            holds: Holds::Choice(&["vedtaget", "forkastet"]),
            beskrivelse: "Resultatet: \"vedtaget\" eller \"forkastet\"",
            eksempel: "\"vedtaget\"",
            ..TEXT
        },
    ],
};

/// A `[[protokolbemaerkninger]]` entry of a decision.
pub const PROTOKOLBEMAERKNING: Entries = Entries {
    one: "En protokolbemærkning",
    fields: &[
        Field {
            name: "af",
            required: true,
            beskrivelse: "Hvem bemærkningen er fra: et medlem eller et parti",
            eksempel: "\"V\"",
            ..TEXT
        },
        Field {
            name: "tekst",
            holds: Holds::Markdown,
            required: true,
            beskrivelse: "Bemærkningen",
            eksempel: "\"V finder, at sagen burde have været sendt i høring.\"",
            ..TEXT
        },
    ],
};

/// A `[[bilag]]` entry.
pub const BILAG: Entries = Entries {
    one: "Et bilag",
    fields: &[
        Field {
            name: "titel",
            required: true,
            beskrivelse: "Bilagets titel",
            eksempel: "\"Bilagets titel\"",
            ..TEXT
        },
        Field {
            name: "dokumentnummer",
            beskrivelse: "Dokumentnummer",
            eksempel: "\"2400017\"",
            ..TEXT
        },
        Field {
            name: "henvisning",
            beskrivelse: "Henvisning, vist i parentes",
            eksempel: "\"127520/20\"",
            ..TEXT
        },
        Field {
            name: "markering",
            beskrivelse: "Kort markering, fx \"H\"",
            eksempel: "\"H\"",
            ..TEXT
        },
        Field {
            eksempel: "\"åben\"",
            beskrivelse: "\"åben\" eller \"lukket\" (standard: \"åben\")",
            ..ADGANG
        },
        Field {
            name: "fil",
            beskrivelse: "PDF-fil i projektet, i forhold til denne fil",
            eksempel: "\"../bilag/bilag.pdf\"",
            ..TEXT
        },
    ],
};

/// A committee meeting.
pub const MOEDE: &[Field] = &[
    TYPE,
    Field {
        name: "udvalg",
        required: true,
        beskrivelse: "Udvalget (forkortelse fra sagsgen.toml eller fulde navn)",
        eksempel: "\"{udvalg}\"",
        ..TEXT
    },
    Field {
        name: "dato",
        holds: Holds::Date,
        required: true,
        beskrivelse: "Mødedato",
        eksempel: "{dato}",
        ..TEXT
    },
    Field {
        name: "tid",
        holds: Holds::Time,
        beskrivelse: "Mødetidspunkt, fx \"15:30\"",
        eksempel: "\"15:00\"",
        foreslaaet: true,
        ..TEXT
    },
    Field {
        name: "sted",
        beskrivelse: "Mødested",
        eksempel: "\"Rådhuset, mødelokale 1\"",
        foreslaaet: true,
        ..TEXT
    },
    Field {
        name: "medlemmer",
        holds: Holds::TextsOrTables(&MEDLEM),
        beskrivelse: "Medlemmer: navne, eller { navn, parti, rolle } (rolle: formand eller næstformand)",
        eksempel: "[\"Navn Navnesen (formand)\", \"Navn Navnesen\"]",
        foreslaaet: true,
        ..TEXT
    },
    Field {
        name: "afbud",
        holds: Holds::Texts,
        beskrivelse: "Afbud (vises i referatet)",
        eksempel: "[\"Navn Navnesen\"]",
        ..TEXT
    },
    Field {
        name: "stedfortraedere",
        holds: Holds::Entries(&STEDFORTRAEDER),
        beskrivelse: "Stedfortrædere: hvem der deltog i stedet for hvem",
        ..TEXT
    },
    Field {
        name: "godkendelse",
        holds: Holds::Table(&GODKENDELSE),
        beskrivelse: "Godkendelsen af referatet: hvornår, og af hvem",
        eksempel: "{ dato = {dato}, af = [\"Navn Navnesen\"] }",
        ..TEXT
    },
    Field {
        name: "aflyst",
        holds: Holds::Bool,
        beskrivelse: "Mødet er aflyst (der bygges ingen dokumenter; hjemmesiden viser det som aflyst)",
        eksempel: "true",
        ..TEXT
    },
    Field {
        name: "punkter",
        holds: Holds::Entries(&PUNKT),
        beskrivelse: "Punkterne i rækkefølge: en [[punkter]]-blok pr. punkt, en sag (sag = sti til sagens fil) eller et stående punkt (titel). Et møde uden punkter er planlagt: der bygges ingen dokumenter, men hjemmesiden viser det",
        ..TEXT
    },
];

/// A member given as a table in a meeting's `medlemmer`.
pub const MEDLEM: Entries = Entries {
    one: "Et medlem",
    fields: &[
        Field {
            name: "navn",
            required: true,
            beskrivelse: "Medlemmets navn",
            eksempel: "\"Navn Navnesen\"",
            ..TEXT
        },
        Field {
            name: "parti",
            beskrivelse: "Partiets bogstav",
            eksempel: "\"A\"",
            ..TEXT
        },
        Field {
            name: "rolle",
            holds: Holds::Choice(&["formand", "næstformand"]),
            beskrivelse: "Rolle i udvalget: \"formand\" eller \"næstformand\"",
            eksempel: "\"formand\"",
            ..TEXT
        },
    ],
};

/// A `[[stedfortraedere]]` entry of a meeting.
pub const STEDFORTRAEDER: Entries = Entries {
    one: "En stedfortræder",
    fields: &[
        Field {
            name: "navn",
            required: true,
            beskrivelse: "Stedfortræderens navn",
            eksempel: "\"Navn Navnesen\"",
            ..TEXT
        },
        Field {
            name: "for",
            required: true,
            beskrivelse: "Det medlem, stedfortræderen deltog i stedet for",
            eksempel: "\"Navn Navnesen\"",
            ..TEXT
        },
    ],
};

/// `godkendelse = { … }` of a meeting: who approved the minutes, and when.
pub const GODKENDELSE: Entries = Entries {
    one: "En godkendelse af referatet",
    fields: &[
        Field {
            name: "dato",
            holds: Holds::Date,
            required: true,
            beskrivelse: "Dagen, referatet blev godkendt",
            eksempel: "{dato}",
            ..TEXT
        },
        Field {
            name: "af",
            holds: Holds::Texts,
            required: true,
            beskrivelse: "De medlemmer, der godkendte det",
            eksempel: "[\"Navn Navnesen\"]",
            ..TEXT
        },
    ],
};

/// A `[[punkter]]` entry: a case file, or a standing item with a title — never both.
pub const PUNKT: Entries = Entries {
    one: "Et punkt: en sag (sag = \"…\") eller et stående punkt (titel = \"…\")",
    fields: &[
        Field {
            name: "nummer",
            beskrivelse: "Punktets nummer, når det ikke blot er dets plads i rækkefølgen, fx \"12a\" eller \"1.1\"",
            eksempel: "\"1\"",
            ..TEXT
        },
        Field {
            name: "sag",
            beskrivelse: "Sagens fil, i forhold til denne fil",
            eksempel: "\"../cases/sagen.toml\"",
            ..TEXT
        },
        Field {
            name: "titel",
            beskrivelse: "Det stående punkts titel",
            eksempel: "\"Eventuelt\"",
            ..TEXT
        },
        Field {
            name: "tekst",
            holds: Holds::Markdown,
            beskrivelse: "Det stående punkts tekst",
            eksempel: "\"Formanden orienterer.\"",
            ..TEXT
        },
        Field {
            name: "beslutning",
            holds: Holds::Markdown,
            beskrivelse: "Beslutningen til referatet",
            eksempel: "\"Godkendt.\"",
            ..TEXT
        },
    ],
};

/// Every kind of file: its `type`, what it is in Danish, and its fields.
pub const KINDS: &[(&str, &str, &[Field])] = &[
    ("notat", "Et notat", NOTAT),
    ("beslutningssag", "En beslutningssag", BESLUTNINGSSAG),
    ("orienteringssag", "En orienteringssag", ORIENTERINGSSAG),
    ("moede", "Et udvalgsmøde", MOEDE),
];

/// The names of a table's fields, in order.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The words a choice field of `fields` allows (`Holds::Choice`), in the table's order.
///
/// # Panics
///
/// When the field is not a choice: a mistake in the caller, caught by every test that
/// reads such a field.
pub fn choices(fields: &'static [Field], name: &str) -> &'static [&'static str] {
    match field(fields, name).holds {
        Holds::Choice(words) => words,
        _ => panic!("`{name}` is not a choice field"),
    }
}

/// A table's field by name.
///
/// # Panics
/// When the table has no such field: a name in code that is not in the table is a bug
/// that every test run would show.
pub fn field(fields: &'static [Field], name: &str) -> &'static Field {
    fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("`{name}` is not in the field table"))
}

/// Whether a table requires a field.
pub fn is_required(fields: &'static [Field], name: &str) -> bool {
    field(fields, name).required
}

/// What an imported case (one with `kilde`) must still have. Sources leave out sections
/// sagsgen otherwise requires, and an imported case shows what its source had.
pub const IMPORTED_REQUIRED: [&str; 2] = ["type", "titel"];

/// Whether a case must have the field; `imported` when it has `kilde`.
pub fn is_required_for(fields: &'static [Field], name: &str, imported: bool) -> bool {
    is_required(fields, name) && (!imported || IMPORTED_REQUIRED.contains(&name))
}

/// The captions an imported agenda gives each section field, as seen in real exports
/// (compared without regard to letter case, spacing or a trailing colon).
pub const CAPTIONS: &[(&str, &[&str])] = &[
    (
        "beslutningstema",
        &["beslutningstema", "problemstilling", "hvad skal besluttes"],
    ),
    (
        "sagsfremstilling",
        &[
            "sagsfremstilling",
            "baggrund",
            "sagsbeskrivelse",
            "sagens indhold",
            "beskrivelse",
            "sagen",
            "sagsforklaring",
        ],
    ),
    (
        "oekonomiske_konsekvenser",
        &[
            "økonomiske konsekvenser",
            "økonomiske konsekvenser og finansiering",
            "økonomi og organisatoriske konsekvenser",
            "økonomi og finansiering",
            "økonomiske og personalemæssige konsekvenser",
            "økonomi",
            "bevillingsmæssige konsekvenser",
        ],
    ),
    (
        "lovgrundlag",
        &[
            "lovgrundlag",
            "lovgivning",
            "retsgrundlag",
            "hjemmel",
            "lovhjemmel",
        ],
    ),
    ("borgerinddragelse", &["borgerinddragelse", "inddragelse"]),
    (
        "det_videre_forloeb",
        &[
            "det videre forløb",
            "videre forløb",
            "videre proces",
            "tidsplan og videre forløb",
        ],
    ),
    (
        "indstilling",
        &[
            "indstilling",
            "forvaltningen foreslår",
            "forvaltningen indstiller",
            "forvaltningens indstilling",
            "administrationens indstilling",
            "administrationen indstiller",
            "direktionens indstilling",
            "beslutningspunkter",
            "forslag til beslutning",
            "indstilling fra forvaltningen",
        ],
    ),
];

/// What `[import.overskrifter]` may send a caption to: a field, `afsnit` (an extra
/// section) or `beslutning`.
pub fn caption_targets() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = CAPTIONS.iter().map(|(field, _)| *field).collect();
    out.extend(["afsnit", "beslutning", "beslutninger"]);
    out
}

#[cfg(test)]
mod tests;
