//! The site's meetings as OParl 1.1 (`oparl/`): the System, one Body (the organisation),
//! an Organization per committee, a Person per member with their Memberships, each
//! Meeting with its AgendaItems and Files, and a Paper per open case with its
//! Consultations — every object at an absolute `id` under `[site] adresse`, with a `web`
//! link to its page, lists paginated. Only what the public pages show: a closed item is
//! its public title and its public decision, with no paper, no vote and no attachment.
//!
//! A static site serves each object as a file (`….json`); OParl's `created_since` and
//! `modified_since` filters need a server, and are not offered.

use std::collections::BTreeMap;

use serde_json::{Value, json};

mod meetings;
mod people;
mod time;

pub use time::timestamp;

use super::model::SiteMeeting;
use super::pages::LinkView;
use crate::dates::Date;

/// How many objects a page of a list holds.
const PER_PAGE: usize = 100;

/// What a meeting's page links to: its public PDFs, and its attachments' addresses.
pub struct Published<'a> {
    /// The public PDFs (relative to the meeting's folder).
    pub dokumenter: &'a [LinkView],
    /// Attachments by `"<anker>-<nummer>"` (relative to the meeting's folder; empty: no file).
    pub bilag: &'a BTreeMap<String, String>,
}

/// Every OParl file of the site, by its path from the site's root.
pub fn files(
    adresse: &str,
    org: &str,
    licens: Option<&str>,
    meetings: &[SiteMeeting],
    published: &BTreeMap<String, Published<'_>>,
) -> BTreeMap<String, String> {
    let o = Oparl {
        base: format!("{adresse}/oparl"),
        site: adresse.to_string(),
        licens,
    };
    let mut out = BTreeMap::new();
    let mut put = |rel: String, value: Value| {
        let mut text = serde_json::to_string_pretty(&value).expect("OParl serialises");
        text.push('\n');
        out.insert(format!("oparl/{rel}"), text);
    };
    let (first, last) = span(meetings.iter().map(|m| m.meeting().dato));
    put("system.json".into(), o.system(org, first, last));
    put(
        "bodies.json".into(),
        o.list("bodies", vec![o.body(org, first, last)]),
    );
    put("body.json".into(), o.body(org, first, last));
    let committees = o.organizations(meetings);
    let people = o.people(meetings);
    let meeting_objects: Vec<Value> = meetings
        .iter()
        .map(|m| o.meeting(m, published.get(&m.folder())))
        .collect();
    let papers = o.papers(meetings);
    // The objects embedded in others, by type, for the lists OParl 1.1 adds to a Body.
    let mut embedded: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (name, objects) in [
        ("organizations", committees),
        ("people", people),
        ("meetings", meeting_objects),
        ("papers", papers),
    ] {
        // Every object, embedded ones too, is also at its own id.
        let mut all = Vec::new();
        for object in &objects {
            with_ids(object, &mut all);
        }
        for object in all {
            let id = object["id"].as_str().unwrap_or_default().to_string();
            let rel = id
                .strip_prefix(&format!("{}/", o.base))
                .unwrap_or(&id)
                .to_string();
            let kind = object["type"]
                .as_str()
                .unwrap_or_default()
                .trim_start_matches(T);
            if !objects.iter().any(|top| top["id"] == object["id"]) {
                embedded
                    .entry(kind.to_string())
                    .or_default()
                    .push(object.clone());
            }
            put(rel, object);
        }
        for (rel, page) in o.pages(name, objects) {
            put(rel, page);
        }
    }
    for (name, kind) in EMBEDDED_LISTS {
        let mut objects = embedded.remove(*kind).unwrap_or_default();
        objects.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        objects.dedup_by(|a, b| a["id"] == b["id"]);
        for (rel, page) in o.pages(name, objects) {
            put(rel, page);
        }
    }
    out
}

/// The lists of objects that are embedded elsewhere: (list file, OParl type).
const EMBEDDED_LISTS: &[(&str, &str)] = &[
    ("memberships", "Membership"),
    ("agendaitems", "AgendaItem"),
    ("consultations", "Consultation"),
    ("files", "File"),
    ("locations", "Location"),
    ("legislativeterms", "LegislativeTerm"),
];

/// An object and every object embedded in it (each has an `id` and a `type`).
fn with_ids(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("id") && map.contains_key("type") {
                out.push(value.clone());
            }
            for v in map.values() {
                with_ids(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| with_ids(v, out)),
        _ => {}
    }
}

/// The first and last of some dates (for the `created` and `modified` of what spans them);
/// a fixed day when there are none, so the output never depends on the clock.
fn span(dates: impl IntoIterator<Item = Date>) -> (Date, Date) {
    let dates: Vec<Date> = dates.into_iter().collect();
    let none = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    let first = dates.iter().min().copied().unwrap_or(none);
    let last = dates.iter().max().copied().unwrap_or(first);
    (first, last)
}

/// The meetings of each committee, by its folder.
fn by_committee(meetings: &[SiteMeeting]) -> BTreeMap<&str, Vec<&SiteMeeting>> {
    let mut out: BTreeMap<&str, Vec<&SiteMeeting>> = BTreeMap::new();
    for m in meetings {
        out.entry(m.udvalg.as_str()).or_default().push(m);
    }
    out
}

/// The dates of some meetings.
fn dates_of<'a>(meetings: impl IntoIterator<Item = &'a &'a SiteMeeting>) -> Vec<Date> {
    meetings.into_iter().map(|m| m.meeting().dato).collect()
}

struct Oparl<'a> {
    /// `https://…/oparl`.
    base: String,
    /// `https://…`.
    site: String,
    /// `[site] licens`.
    licens: Option<&'a str>,
}

const T: &str = "https://schema.oparl.org/1.1/";

impl Oparl<'_> {
    fn id(&self, rel: &str) -> String {
        format!("{}/{rel}", self.base)
    }

    fn web(&self, rel: &str) -> String {
        format!("{}/{rel}", self.site)
    }

    fn system(&self, org: &str, first: Date, last: Date) -> Value {
        let mut system = json!({
            "id": self.id("system.json"),
            "type": format!("{T}System"),
            "oparlVersion": T,
            "name": format!("{org}: dagsordener og referater"),
            "body": self.id("bodies.json"),
            "website": self.web("index.html"),
            "web": self.web("index.html"),
            "created": timestamp(first, None),
            "modified": timestamp(last, None),
        });
        if let Some(licens) = self.licens {
            system["license"] = json!(licens);
        }
        system
    }

    fn body(&self, org: &str, first: Date, last: Date) -> Value {
        let mut body = json!({
            "id": self.id("body.json"),
            "type": format!("{T}Body"),
            "system": self.id("system.json"),
            "name": org,
            "website": self.web("index.html"),
            "organization": self.id("organizations.json"),
            "person": self.id("people.json"),
            "meeting": self.id("meetings.json"),
            "paper": self.id("papers.json"),
            "membership": self.id("memberships.json"),
            "agendaItem": self.id("agendaitems.json"),
            "consultation": self.id("consultations.json"),
            "file": self.id("files.json"),
            "locationList": self.id("locations.json"),
            "legislativeTermList": self.id("legislativeterms.json"),
            "legislativeTerm": [],
            "web": self.web("index.html"),
            "created": timestamp(first, None),
            "modified": timestamp(last, None),
        });
        if let Some(licens) = self.licens {
            body["license"] = json!(licens);
        }
        body
    }

    /// A list's pages: `<name>.json` (the first), `<name>-2.json`, …
    fn pages(&self, name: &str, objects: Vec<Value>) -> Vec<(String, Value)> {
        let chunks: Vec<Vec<Value>> = if objects.is_empty() {
            vec![Vec::new()]
        } else {
            objects.chunks(PER_PAGE).map(<[Value]>::to_vec).collect()
        };
        let total = objects.len();
        let pages = chunks.len();
        let rel = |page: usize| {
            if page == 1 {
                format!("{name}.json")
            } else {
                format!("{name}-{page}.json")
            }
        };
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, data)| {
                let page = i + 1;
                let mut links = json!({
                    "first": self.id(&rel(1)),
                    "self": self.id(&rel(page)),
                    "last": self.id(&rel(pages)),
                });
                if page > 1 {
                    links["prev"] = json!(self.id(&rel(page - 1)));
                }
                if page < pages {
                    links["next"] = json!(self.id(&rel(page + 1)));
                }
                let value = json!({
                    "data": data,
                    "pagination": { "totalElements": total, "elementsPerPage": PER_PAGE,
                        "currentPage": page, "totalPages": pages },
                    "links": links,
                });
                (rel(page), value)
            })
            .collect()
    }

    fn list(&self, name: &str, objects: Vec<Value>) -> Value {
        self.pages(name, objects)
            .into_iter()
            .next()
            .map(|(_, v)| v)
            .unwrap_or_default()
    }

    fn organization_id(&self, folder: &str) -> String {
        self.id(&format!("organization/{folder}.json"))
    }

    fn person_id(&self, name: &str) -> String {
        self.id(&format!(
            "person/{}.json",
            crate::danish::slug(name, usize::MAX)
        ))
    }

    fn meeting_id(&self, m: &SiteMeeting) -> String {
        self.id(&format!("meeting/{}.json", m.folder().replace('/', "-")))
    }

    fn paper_id(&self, sagsnummer: &str) -> String {
        self.id(&format!(
            "paper/{}.json",
            crate::site::cases::slug(sagsnummer)
        ))
    }

    fn membership_id(&self, folder: &str, name: &str) -> String {
        self.id(&format!(
            "membership/{folder}-{}.json",
            crate::danish::slug(name, usize::MAX)
        ))
    }

    fn consultation_id(&self, sagsnummer: &str, folder: &str, date: Date) -> String {
        self.id(&format!(
            "consultation/{}-{folder}-{}.json",
            crate::site::cases::slug(sagsnummer),
            date.iso()
        ))
    }
}
