//! Open data and feeds: per meeting a JSON file (`moede.json`), an index of all meetings
//! (`data/moeder.json`), their JSON Schemas, and Atom feeds — one per committee and one for
//! all. Only what the public pages show: a closed item's public title and public decision.

use serde::Serialize;
use serde_json::{Value, json};

use super::model::SiteMeeting;
use super::pages::MeetingPage;
use crate::case::Adgang;
use crate::case::record::{Afstemning, Record, Resultat, Stemmer};
use crate::meeting::Punkt;
// XML needs the characters escaped that HTML does: the site's one escaper serves both.
use crate::render::escape::html as xml;

/// Where the schemas lie, from the site's root.
pub const MEETING_SCHEMA: &str = "data/moede.schema.json";
/// The schema of the index of meetings.
pub const INDEX_SCHEMA: &str = "data/moeder.schema.json";
/// The schema of the cases' paths through the committees.
pub const CASES_SCHEMA: &str = "data/sager.schema.json";

#[derive(Serialize)]
struct MeetingData<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    licens: Option<&'a str>,
    udvalg: &'a str,
    udvalg_navn: &'a str,
    dato: &'a str,
    tid: Option<&'a str>,
    sted: Option<&'a str>,
    referat: bool,
    adresse: &'static str,
    medlemmer: Vec<String>,
    afbud: Vec<String>,
    deltagere: Vec<Value>,
    stedfortraedere: Vec<Value>,
    godkendelse: Option<Value>,
    aflyst: bool,
    planlagt: bool,
    dokumenter: Vec<Value>,
    punkter: Vec<ItemData>,
}

#[derive(Serialize)]
struct ItemData {
    nummer: String,
    titel: String,
    adgang: &'static str,
    adresse: String,
    sagsnummer: Option<String>,
    sag: Option<Value>,
    beslutning: Option<String>,
    afstemning: Option<Value>,
    protokolbemaerkninger: Vec<Value>,
    inhabile: Vec<String>,
    fravaerende: Vec<String>,
    bilag: Vec<Value>,
}

/// A meeting's `moede.json`.
pub fn meeting_json(m: &SiteMeeting, page: &MeetingPage, licens: Option<&str>) -> String {
    let meeting = m.meeting();
    let punkter = meeting
        .punkter
        .iter()
        .enumerate()
        .map(|(i, p)| item(m, page, i + 1, p))
        .collect();
    let data = MeetingData {
        schema: format!("../../{MEETING_SCHEMA}"),
        licens,
        udvalg: &meeting.udvalg.short,
        udvalg_navn: &meeting.udvalg.full,
        dato: &m.dato,
        tid: meeting.tid.as_deref(),
        sted: meeting.sted.as_deref(),
        referat: m.referat,
        adresse: "index.html",
        medlemmer: meeting.medlemmer.iter().map(|m| m.navn.clone()).collect(),
        afbud: if m.referat {
            meeting.afbud.clone()
        } else {
            Vec::new()
        },
        deltagere: meeting
            .medlemmer
            .iter()
            .map(
                |p| json!({ "navn": p.navn, "parti": p.parti, "rolle": p.rolle.map(|r| r.name()) }),
            )
            .collect(),
        stedfortraedere: meeting
            .stedfortraedere
            .iter()
            .filter(|_| m.referat)
            .map(|s| json!({ "navn": s.navn, "for": s.for_ }))
            .collect(),
        godkendelse: meeting
            .godkendelse
            .as_ref()
            .filter(|_| m.referat)
            .map(|g| json!({ "dato": g.dato.iso(), "af": g.af })),
        aflyst: meeting.aflyst,
        planlagt: meeting.is_planned(),
        dokumenter: page
            .dokumenter
            .iter()
            .map(|d| json!({ "titel": d.titel, "adresse": d.adresse }))
            .collect(),
        punkter,
    };
    pretty(&data)
}

fn item(m: &SiteMeeting, page: &MeetingPage, anker: usize, punkt: &Punkt) -> ItemData {
    let meeting = m.meeting();
    let view = &page.view.punkter[anker - 1];
    let closed = punkt.adgang() == Adgang::Lukket;
    let own = match punkt {
        Punkt::Sag { case, .. } if m.referat => meeting.decision_of(case),
        _ => None,
    };
    let beslutning = if m.referat {
        match punkt {
            Punkt::Sag { .. } => own.and_then(|b| {
                if closed {
                    b.offentlig_tekst.clone()
                } else {
                    Some(b.tekst.clone())
                }
            }),
            Punkt::Staaende { beslutning, .. } => beslutning.clone(),
        }
    } else {
        None
    };
    // Of a closed item, the public minutes show only the public decision: no vote, no
    // remarks, no names.
    let record = own.filter(|_| !closed).map(|b| &b.record);
    let bilag = view
        .doc
        .as_ref()
        .map(|doc| {
            doc.bilag
                .iter()
                .map(|b| {
                    let adresse = page
                        .bilag
                        .get(&format!("{anker}-{}", b.nummer))
                        .filter(|a| !a.is_empty());
                    json!({ "nummer": b.nummer, "titel": b.titel, "adresse": adresse })
                })
                .collect()
        })
        .unwrap_or_default();
    let sagsnummer = match punkt {
        Punkt::Sag { case, .. } if !closed => case.sagsnummer.clone(),
        _ => None,
    };
    let sag = sagsnummer.as_ref().and_then(|nummer| {
        let Punkt::Sag { case, .. } = punkt else {
            return None;
        };
        Some(json!({ "sagsnummer": nummer, "titel": case.titel,
            "adresse": format!("../../{}/index.html", super::cases::folder(nummer)) }))
    });
    ItemData {
        nummer: view.nummer.clone(),
        titel: view.titel.clone(),
        adgang: if closed { "lukket" } else { "åben" },
        adresse: format!("index.html#punkt-{anker}"),
        sagsnummer,
        sag,
        beslutning,
        afstemning: record.and_then(|r| r.afstemning.as_ref()).map(vote),
        protokolbemaerkninger: record.map(remarks).unwrap_or_default(),
        inhabile: record.map(|r| r.inhabile.clone()).unwrap_or_default(),
        fravaerende: record.map(|r| r.fravaerende.clone()).unwrap_or_default(),
        bilag,
    }
}

/// A vote as data: each side a number or a list of who, and the outcome.
fn vote(a: &Afstemning) -> Value {
    let side = |s: &Option<Stemmer>| match s {
        Some(Stemmer::Antal(n)) => json!(n),
        Some(Stemmer::Hvem(who)) => json!(who),
        None => Value::Null,
    };
    let resultat = a.resultat.map(|r| match r {
        Resultat::Vedtaget => "vedtaget",
        Resultat::Forkastet => "forkastet",
    });
    json!({ "for": side(&a.for_), "imod": side(&a.imod), "undlod": side(&a.undlod), "resultat": resultat })
}

fn remarks(record: &Record) -> Vec<Value> {
    record
        .protokolbemaerkninger
        .iter()
        .map(|p| json!({ "af": p.af, "tekst": p.tekst }))
        .collect()
}

/// One case's path through the committees, as `data/sager.json` holds it.
pub fn case_data(case: &super::cases::SiteCase, treatments: &[super::cases::Treatment]) -> Value {
    let decisions: Vec<&crate::case::Beslutning> = case
        .cases
        .iter()
        .filter_map(|c| match &c.body {
            crate::case::Body::Sag(sag) => Some(&sag.beslutninger),
            _ => None,
        })
        .flatten()
        .collect();
    let behandlinger: Vec<Value> = treatments
        .iter()
        .map(|t| {
            let record = decisions
                .iter()
                .find(|b| {
                    b.dato.iso() == t.dato && b.udvalg.full == t.udvalg && b.tekst == t.markdown
                })
                .map(|b| &b.record);
            json!({
                "dato": t.dato,
                "udvalg": t.udvalg,
                "beslutning": t.markdown,
                "afstemning": record.and_then(|r| r.afstemning.as_ref()).map(vote),
                "protokolbemaerkninger": record.map(remarks).unwrap_or_default(),
                "inhabile": record.map(|r| r.inhabile.clone()).unwrap_or_default(),
                "fravaerende": record.map(|r| r.fravaerende.clone()).unwrap_or_default(),
                "moede": t.moede.as_ref().map(|m| format!("../{m}")),
            })
        })
        .collect();
    json!({
        "sagsnummer": case.sagsnummer,
        "titel": case.titel,
        "adresse": format!("../{}/index.html", super::cases::folder(&case.sagsnummer)),
        "behandlinger": behandlinger,
    })
}

/// `data/sager.json`: every case page's data.
pub fn cases_json(cases: Vec<Value>, licens: Option<&str>) -> String {
    pretty(&json!({ "$schema": "sager.schema.json", "licens": licens, "sager": cases }))
}

/// The shared parts of the schemas: a vote, protokolbemærkninger and a list of names.
fn record_schemas() -> (Value, Value, Value) {
    let names = json!({ "type": "array", "items": { "type": "string" } });
    let side = json!({ "anyOf": [{ "type": "integer", "minimum": 0 }, names, { "type": "null" }] });
    let vote = json!({ "type": ["object", "null"], "additionalProperties": false,
        "required": ["for", "imod", "undlod", "resultat"],
        "description": "Afstemningen: hver side et antal eller en liste over hvem (partibogstaver eller navne)",
        "properties": { "for": side, "imod": side, "undlod": side,
            "resultat": { "enum": ["vedtaget", "forkastet", null] } } });
    let remarks = json!({ "type": "array", "description": "Protokolbemærkninger (kommunestyrelsesloven § 13, stk. 2)",
        "items": { "type": "object", "additionalProperties": false, "required": ["af", "tekst"],
            "properties": { "af": { "type": "string" }, "tekst": { "type": "string" } } } });
    (vote, remarks, names)
}

/// The JSON Schema of `data/sager.json`: each case (OParl's Paper) with its treatments by
/// the committees (OParl's Consultation).
pub fn cases_schema() -> String {
    let text = json!({ "type": "string" });
    let (vote, remarks, names) = record_schemas();
    let treatment = json!({ "type": "object", "additionalProperties": false,
        "required": ["dato", "udvalg", "beslutning", "afstemning", "protokolbemaerkninger", "inhabile", "fravaerende", "moede"],
        "properties": {
            "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "udvalg": text, "beslutning": text, "afstemning": vote,
            "protokolbemaerkninger": remarks, "inhabile": names, "fravaerende": names,
            "moede": { "type": ["string", "null"], "description": "Mødets side i forhold til data/, når den findes på sitet" } } });
    pretty(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Sagernes forløb gennem udvalgene",
        "type": "object", "additionalProperties": false, "required": ["licens", "sager"],
        "properties": { "$schema": text, "licens": licence(), "sager": { "type": "array", "items": {
            "type": "object", "additionalProperties": false,
            "required": ["sagsnummer", "titel", "adresse", "behandlinger"],
            "properties": { "sagsnummer": text, "titel": text, "adresse": text,
                "behandlinger": { "type": "array", "items": treatment } } } } } }))
}

/// `data/moeder.json`: every meeting, newest first.
pub fn index_json(meetings: &[SiteMeeting], licens: Option<&str>) -> String {
    let mut sorted: Vec<&SiteMeeting> = meetings.iter().collect();
    sorted.sort_by(|a, b| b.dato.cmp(&a.dato).then(a.udvalg.cmp(&b.udvalg)));
    let list: Vec<Value> = sorted
        .iter()
        .map(|m| {
            let meeting = m.meeting();
            json!({
                "udvalg": meeting.udvalg.short,
                "udvalg_navn": meeting.udvalg.full,
                "dato": m.dato,
                "referat": m.referat,
                "aflyst": meeting.aflyst,
                "planlagt": meeting.is_planned(),
                "punkter": meeting.punkter.len(),
                "adresse": format!("../{}/index.html", m.folder()),
                "data": format!("../{}/moede.json", m.folder()),
            })
        })
        .collect();
    pretty(&json!({ "$schema": "moeder.schema.json", "licens": licens, "moeder": list }))
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("the data serialises");
    text.push('\n');
    text
}

/// The licence the data are published under (`[site] licens`), or `null` when none is
/// stated.
fn licence() -> Value {
    json!({ "type": ["string", "null"], "description": "Licensen for de åbne data (en adresse), eller null når ingen er angivet" })
}

/// The JSON Schema of `moede.json`.
pub fn meeting_schema() -> String {
    let text = json!({ "type": "string" });
    let nullable = json!({ "type": ["string", "null"] });
    let link = json!({ "type": "object", "additionalProperties": false, "required": ["titel", "adresse"],
        "properties": { "titel": text, "adresse": text } });
    let attachment = json!({ "type": "object", "additionalProperties": false, "required": ["nummer", "titel", "adresse"],
        "properties": { "nummer": { "type": "integer", "minimum": 1 }, "titel": text,
            "adresse": { "type": ["string", "null"], "description": "Bilagets PDF i forhold til mødets mappe; null når bilaget ikke er offentliggjort som fil" } } });
    let (vote, remarks, names) = record_schemas();
    let paper = json!({ "type": ["object", "null"], "additionalProperties": false,
        "required": ["sagsnummer", "titel", "adresse"],
        "description": "Sagen bag punktet (OParl: Paper), med dens side på sitet",
        "properties": { "sagsnummer": text, "titel": text, "adresse": text } });
    let item = json!({ "type": "object", "additionalProperties": false,
        "required": ["nummer", "titel", "adgang", "adresse", "sagsnummer", "sag", "beslutning", "afstemning", "protokolbemaerkninger", "inhabile", "fravaerende", "bilag"],
        "properties": {
            "nummer": text, "titel": text,
            "adgang": { "enum": ["åben", "lukket"] },
            "adresse": text,
            "sagsnummer": nullable,
            "sag": paper,
            "beslutning": { "type": ["string", "null"], "description": "Beslutningen (Markdown) når referatet findes; for et lukket punkt den offentlige tekst" },
            "afstemning": vote,
            "protokolbemaerkninger": remarks,
            "inhabile": names,
            "fravaerende": names,
            "bilag": { "type": "array", "items": attachment } } });
    let member = json!({ "type": "object", "additionalProperties": false, "required": ["navn", "parti", "rolle"],
        "properties": { "navn": text, "parti": nullable, "rolle": { "enum": ["formand", "næstformand", null] } } });
    let substitute = json!({ "type": "object", "additionalProperties": false, "required": ["navn", "for"],
        "properties": { "navn": text, "for": text } });
    let approval = json!({ "type": ["object", "null"], "additionalProperties": false, "required": ["dato", "af"],
        "properties": { "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }, "af": names } });
    pretty(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Et møde (dagsorden eller referat)",
        "type": "object", "additionalProperties": false,
        "required": ["licens", "udvalg", "udvalg_navn", "dato", "referat", "adresse", "medlemmer", "afbud", "deltagere", "stedfortraedere", "godkendelse", "aflyst", "planlagt", "dokumenter", "punkter"],
        "properties": {
            "$schema": text, "licens": licence(), "udvalg": text, "udvalg_navn": text,
            "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "tid": nullable, "sted": nullable, "referat": { "type": "boolean" }, "adresse": text,
            "medlemmer": { "type": "array", "items": text },
            "afbud": { "type": "array", "items": text },
            "deltagere": { "type": "array", "items": member },
            "stedfortraedere": { "type": "array", "items": substitute },
            "godkendelse": approval,
            "aflyst": { "type": "boolean" },
            "planlagt": { "type": "boolean", "description": "Et planlagt møde: endnu ingen punkter" },
            "dokumenter": { "type": "array", "items": link },
            "punkter": { "type": "array", "items": item } } }))
}

/// The JSON Schema of `data/moeder.json`.
pub fn index_schema() -> String {
    let text = json!({ "type": "string" });
    pretty(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Alle møder på sitet",
        "type": "object", "additionalProperties": false, "required": ["licens", "moeder"],
        "properties": { "$schema": text, "licens": licence(), "moeder": { "type": "array", "items": {
            "type": "object", "additionalProperties": false,
            "required": ["udvalg", "udvalg_navn", "dato", "referat", "aflyst", "planlagt", "punkter", "adresse", "data"],
            "properties": { "udvalg": text, "udvalg_navn": text,
                "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                "referat": { "type": "boolean" }, "aflyst": { "type": "boolean" }, "planlagt": { "type": "boolean" },
                "punkter": { "type": "integer", "minimum": 0 },
                "adresse": text, "data": text } } } } }))
}

/// An Atom feed of meetings. `prefix` leads from the feed to the meetings' folders (the
/// page the feed stands for is `index.html` beside it); `id` names the feed, and an entry
/// is named `<entry_base><folder>/<dagsorden|referat>` in every feed it is in.
pub fn atom(
    title: &str,
    id: &str,
    entry_base: &str,
    self_link: &str,
    org: &str,
    prefix: &str,
    meetings: &[&SiteMeeting],
) -> String {
    let mut sorted: Vec<&&SiteMeeting> = meetings.iter().collect();
    sorted.sort_by(|a, b| b.dato.cmp(&a.dato).then(a.udvalg.cmp(&b.udvalg)));
    let updated = sorted
        .first()
        .map_or("1970-01-01".to_string(), |m| m.dato.clone());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n<title>{}</title>\n<id>{}</id>\n<updated>{updated}T00:00:00Z</updated>\n<author><name>{}</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(title),
        xml(id),
        xml(org),
        xml(self_link)
    );
    for m in sorted {
        let meeting = m.meeting();
        let titles: Vec<String> = m
            .meeting()
            .punkter
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let nummer = p.nummer().map_or((i + 1).to_string(), str::to_string);
                format!("{nummer}. {}", p.offentlig_titel())
            })
            .collect();
        let kind = if m.referat { "referat" } else { "dagsorden" };
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}{}/{kind}</id>\n<updated>{}T00:00:00Z</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}{}/index.html\"/>\n<summary>{}</summary>\n</entry>\n",
            xml(&m.title()),
            xml(entry_base),
            xml(&m.folder()),
            m.dato,
            xml(prefix),
            xml(&m.folder()),
            xml(&format!("{} punkter: {}", meeting.punkter.len(), titles.join("; ")))
        ));
    }
    out.push_str("</feed>\n");
    out
}
