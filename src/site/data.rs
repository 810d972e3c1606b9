//! Open data and feeds: per meeting a JSON file (`moede.json`), an index of all meetings
//! (`data/moeder.json`), their JSON Schemas, and Atom feeds — one per committee and one for
//! all. Only what the public pages show: a closed item's public title and public decision.

use serde::Serialize;
use serde_json::{Value, json};

use super::model::SiteMeeting;
use super::pages::MeetingPage;
use crate::case::Adgang;
use crate::meeting::Punkt;
// XML needs the characters escaped that HTML does: the site's one escaper serves both.
use crate::render::escape::html as xml;

/// Where the schemas lie, from the site's root.
pub const MEETING_SCHEMA: &str = "data/moede.schema.json";
/// The schema of the index of meetings.
pub const INDEX_SCHEMA: &str = "data/moeder.schema.json";

#[derive(Serialize)]
struct MeetingData<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    udvalg: &'a str,
    udvalg_navn: &'a str,
    dato: &'a str,
    tid: Option<&'a str>,
    sted: Option<&'a str>,
    referat: bool,
    adresse: &'static str,
    medlemmer: Vec<String>,
    afbud: Vec<String>,
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
    beslutning: Option<String>,
    bilag: Vec<Value>,
}

/// A meeting's `moede.json`.
pub fn meeting_json(m: &SiteMeeting, page: &MeetingPage) -> String {
    let meeting = m.meeting();
    let punkter = meeting
        .punkter
        .iter()
        .enumerate()
        .map(|(i, p)| item(m, page, i + 1, p))
        .collect();
    let data = MeetingData {
        schema: format!("../../{MEETING_SCHEMA}"),
        udvalg: &meeting.udvalg.short,
        udvalg_navn: &meeting.udvalg.full,
        dato: &m.dato,
        tid: meeting.tid.as_deref(),
        sted: meeting.sted.as_deref(),
        referat: m.referat,
        adresse: "index.html",
        medlemmer: meeting.medlemmer.iter().map(|m| m.shown()).collect(),
        afbud: if m.referat {
            meeting.afbud.clone()
        } else {
            Vec::new()
        },
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
    let beslutning = if m.referat {
        match punkt {
            Punkt::Sag { case, .. } => meeting.decision_of(case).and_then(|b| {
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
    ItemData {
        nummer: view.nummer.clone(),
        titel: view.titel.clone(),
        adgang: if closed { "lukket" } else { "åben" },
        adresse: format!("index.html#punkt-{anker}"),
        sagsnummer,
        beslutning,
        bilag,
    }
}

/// `data/moeder.json`: every meeting, newest first.
pub fn index_json(meetings: &[SiteMeeting]) -> String {
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
                "punkter": meeting.punkter.len(),
                "adresse": format!("../{}/index.html", m.folder()),
                "data": format!("../{}/moede.json", m.folder()),
            })
        })
        .collect();
    pretty(&json!({ "$schema": "moeder.schema.json", "moeder": list }))
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("the data serialises");
    text.push('\n');
    text
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
    let item = json!({ "type": "object", "additionalProperties": false,
        "required": ["nummer", "titel", "adgang", "adresse", "sagsnummer", "beslutning", "bilag"],
        "properties": {
            "nummer": text, "titel": text,
            "adgang": { "enum": ["åben", "lukket"] },
            "adresse": text,
            "sagsnummer": nullable,
            "beslutning": { "type": ["string", "null"], "description": "Beslutningen (Markdown) når referatet findes; for et lukket punkt den offentlige tekst" },
            "bilag": { "type": "array", "items": attachment } } });
    pretty(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Et møde (dagsorden eller referat)",
        "type": "object", "additionalProperties": false,
        "required": ["udvalg", "udvalg_navn", "dato", "referat", "adresse", "medlemmer", "afbud", "dokumenter", "punkter"],
        "properties": {
            "$schema": text, "udvalg": text, "udvalg_navn": text,
            "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            "tid": nullable, "sted": nullable, "referat": { "type": "boolean" }, "adresse": text,
            "medlemmer": { "type": "array", "items": text },
            "afbud": { "type": "array", "items": text },
            "dokumenter": { "type": "array", "items": link },
            "punkter": { "type": "array", "items": item } } }))
}

/// The JSON Schema of `data/moeder.json`.
pub fn index_schema() -> String {
    let text = json!({ "type": "string" });
    pretty(&json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Alle møder på sitet",
        "type": "object", "additionalProperties": false, "required": ["moeder"],
        "properties": { "$schema": text, "moeder": { "type": "array", "items": {
            "type": "object", "additionalProperties": false,
            "required": ["udvalg", "udvalg_navn", "dato", "referat", "punkter", "adresse", "data"],
            "properties": { "udvalg": text, "udvalg_navn": text,
                "dato": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                "referat": { "type": "boolean" }, "punkter": { "type": "integer", "minimum": 0 },
                "adresse": text, "data": text } } } } }))
}

/// An Atom feed of meetings. `prefix` leads from the feed to the meetings' folders (the
/// page the feed stands for is `index.html` beside it); `id` names the feed.
pub fn atom(title: &str, id: &str, org: &str, prefix: &str, meetings: &[&SiteMeeting]) -> String {
    let mut sorted: Vec<&&SiteMeeting> = meetings.iter().collect();
    sorted.sort_by(|a, b| b.dato.cmp(&a.dato).then(a.udvalg.cmp(&b.udvalg)));
    let updated = sorted
        .first()
        .map_or("1970-01-01".to_string(), |m| m.dato.clone());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"da\">\n<title>{}</title>\n<id>{}</id>\n<updated>{updated}T00:00:00Z</updated>\n<author><name>{}</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"index.html\"/>\n",
        xml(title),
        xml(id),
        xml(org)
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
            "<entry>\n<title>{}</title>\n<id>{}:{}:{kind}</id>\n<updated>{}T00:00:00Z</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}{}/index.html\"/>\n<summary>{}</summary>\n</entry>\n",
            xml(&m.title()),
            xml(id),
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
