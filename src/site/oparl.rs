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

use super::model::SiteMeeting;
use super::pages::LinkView;
use crate::case::{Adgang, Body};
use crate::dates::Date;
use crate::meeting::Punkt;

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
    let (first, last) = span(meetings);
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
    // Each committee's meetings, as the list its Organization links.
    let mut by_committee: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (m, object) in meetings.iter().zip(&meeting_objects) {
        by_committee
            .entry(&m.udvalg)
            .or_default()
            .push(object.clone());
    }
    for (folder, own) in by_committee {
        for (rel, page) in o.pages(&format!("organization/{folder}-meetings"), own) {
            put(rel, page);
        }
    }
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

/// The first and last meeting dates (for `created` and `modified` of what spans them).
fn span(meetings: &[SiteMeeting]) -> (Date, Date) {
    let dates = meetings.iter().map(|m| m.meeting().dato);
    let first = dates.clone().min().unwrap_or(Date {
        year: 2000,
        month: 1,
        day: 1,
    });
    let last = dates.max().unwrap_or(first);
    (first, last)
}

struct Oparl<'a> {
    /// `https://…/oparl`.
    base: String,
    /// `https://…`.
    site: String,
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
            "product": "https://sagsgen.dk",
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
        self.id(&format!("paper/{}.json", super::cases::slug(sagsnummer)))
    }

    /// A committee per folder, with its members' memberships and its meetings.
    fn organizations(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        let mut by_folder: BTreeMap<&str, Vec<&SiteMeeting>> = BTreeMap::new();
        for m in meetings {
            by_folder.entry(&m.udvalg).or_default().push(m);
        }
        by_folder
            .into_iter()
            .map(|(folder, own)| {
                let committee = &own[0].meeting().udvalg;
                let (first, last) = dates(&own);
                let members: Vec<String> = members_of(&own)
                    .into_iter()
                    .map(|name| self.membership_id(folder, &name))
                    .collect();
                json!({
                    "id": self.organization_id(folder),
                    "type": format!("{T}Organization"),
                    "body": self.id("body.json"),
                    "name": committee.full,
                    "shortName": committee.short,
                    "membership": members,
                    // An external list of the committee's meetings (OParl 1.1).
                    "meeting": self.id(&format!("organization/{folder}-meetings.json")),
                    "organizationType": "Gremium",
                    "classification": "Udvalg",
                    "web": self.web(&format!("{folder}/index.html")),
                    "created": timestamp(first, None),
                    "modified": timestamp(last, None),
                })
            })
            .collect()
    }

    fn membership_id(&self, folder: &str, name: &str) -> String {
        self.id(&format!(
            "membership/{folder}-{}.json",
            crate::danish::slug(name, usize::MAX)
        ))
    }

    /// A person per member named in a meeting file, with a membership per committee
    /// (embedded, as OParl 1.1 has it).
    fn people(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        let mut people: BTreeMap<String, Vec<Seat>> = BTreeMap::new();
        let mut by_folder: BTreeMap<&str, Vec<&SiteMeeting>> = BTreeMap::new();
        for m in meetings {
            by_folder.entry(&m.udvalg).or_default().push(m);
        }
        for (folder, own) in by_folder {
            let (first, last) = dates(&own);
            for member in own.iter().flat_map(|m| &m.meeting().medlemmer) {
                let entry = people.entry(member.navn.clone()).or_default();
                if !entry.iter().any(|(f, ..)| f == folder) {
                    let role = member.rolle.map(|r| r.name().to_string());
                    entry.push((folder.to_string(), role, first, last));
                }
            }
            // A substitute took part: a person too, in the committee as a substitute.
            for s in own.iter().flat_map(|m| &m.meeting().stedfortraedere) {
                let entry = people.entry(s.navn.clone()).or_default();
                if !entry.iter().any(|(f, ..)| f == folder) {
                    entry.push((
                        folder.to_string(),
                        Some("stedfortræder".into()),
                        first,
                        last,
                    ));
                }
            }
        }
        people
            .into_iter()
            .filter(|(name, _)| !crate::danish::slug(name, usize::MAX).is_empty())
            .map(|(name, memberships)| {
                let (created, modified) = memberships
                    .iter()
                    .fold((None::<Date>, None::<Date>), |(a, b), (_, _, f, l)| {
                        (Some(a.map_or(*f, |a| a.min(*f))), Some(b.map_or(*l, |b| b.max(*l))))
                    });
                let embedded: Vec<Value> = memberships
                    .iter()
                    .map(|(folder, role, first, last)| {
                        let mut membership = json!({
                            "id": self.membership_id(folder, &name),
                            "type": format!("{T}Membership"),
                            "person": self.person_id(&name),
                            "organization": self.organization_id(folder),
                            "votingRight": true,
                            "created": timestamp(*first, None),
                            "modified": timestamp(*last, None),
                        });
                        membership["role"] = json!(role.clone().unwrap_or_else(|| "medlem".into()));
                        membership
                    })
                    .collect();
                json!({
                    "id": self.person_id(&name),
                    "type": format!("{T}Person"),
                    "body": self.id("body.json"),
                    "name": name,
                    "membership": embedded,
                    "created": timestamp(created.unwrap_or(Date { year: 2000, month: 1, day: 1 }), None),
                    "modified": timestamp(modified.unwrap_or(Date { year: 2000, month: 1, day: 1 }), None),
                })
            })
            .collect()
    }

    fn meeting(&self, m: &SiteMeeting, published: Option<&Published<'_>>) -> Value {
        let meeting = m.meeting();
        let id = self.meeting_id(m);
        let folder = m.folder();
        let state = if meeting.aflyst || meeting.is_planned() {
            "terminiert"
        } else if m.referat {
            "durchgeführt"
        } else {
            "eingeladen"
        };
        let present: Vec<String> = if m.referat {
            meeting
                .present()
                .iter()
                .map(|p| self.person_id(p.navn))
                .collect()
        } else {
            Vec::new()
        };
        let mut value = json!({
            "id": id,
            "type": format!("{T}Meeting"),
            "name": format!("{} {}", meeting.udvalg.full, meeting.dato.long()),
            "meetingState": state,
            "cancelled": meeting.aflyst,
            "start": timestamp(meeting.dato, meeting.tid.as_deref()),
            "organization": [self.organization_id(&m.udvalg)],
            "participant": present,
            "agendaItem": meeting.punkter.iter().enumerate()
                .map(|(i, p)| self.agenda_item(m, &id, i + 1, p, published)).collect::<Vec<_>>(),
            "web": self.web(&format!("{folder}/index.html")),
            "created": timestamp(meeting.dato, None),
            "modified": timestamp(meeting.godkendelse.as_ref().map_or(meeting.dato, |g| g.dato), None),
        });
        if let Some(sted) = &meeting.sted {
            value["location"] = json!({
                "id": self.id(&format!("location/{}.json", folder.replace('/', "-"))),
                "type": format!("{T}Location"),
                "description": sted,
            });
        }
        let file = |name: &str| {
            published
                .and_then(|p| p.dokumenter.iter().find(|d| d.adresse == name))
                .map(|d| self.file(&format!("{folder}/{}", d.adresse), &d.titel, meeting.dato))
        };
        if let Some(f) = file("dagsorden.pdf") {
            value["invitation"] = f;
        }
        if let Some(f) = file("referat.pdf") {
            value["resultsProtocol"] = f;
        }
        if let Some(f) = file("dagsorden-med-bilag.pdf") {
            value["auxiliaryFile"] = json!([f]);
        }
        value
    }

    fn file(&self, rel: &str, name: &str, date: Date) -> Value {
        let file_name = rel.rsplit('/').next().unwrap_or(rel);
        json!({
            "id": self.id(&format!("file/{}.json", rel.replace('/', "-").trim_end_matches(".pdf"))),
            "type": format!("{T}File"),
            "name": name,
            "fileName": file_name,
            "mimeType": "application/pdf",
            "accessUrl": self.web(rel),
            "downloadUrl": self.web(rel),
            "date": date.iso(),
            "created": timestamp(date, None),
            "modified": timestamp(date, None),
        })
    }

    fn agenda_item(
        &self,
        m: &SiteMeeting,
        meeting_id: &str,
        anker: usize,
        punkt: &Punkt,
        published: Option<&Published<'_>>,
    ) -> Value {
        let meeting = m.meeting();
        let folder = m.folder();
        let closed = punkt.adgang() == Adgang::Lukket;
        let number = punkt
            .nummer()
            .map_or_else(|| anker.to_string(), str::to_string);
        let mut item = json!({
            "id": self.id(&format!("agendaitem/{}-{anker}.json", folder.replace('/', "-"))),
            "type": format!("{T}AgendaItem"),
            "meeting": meeting_id,
            "number": number,
            "order": anker,
            "name": punkt.offentlig_titel(),
            "public": !closed,
            "web": self.web(&format!("{folder}/index.html#punkt-{anker}")),
            "created": timestamp(meeting.dato, None),
            "modified": timestamp(meeting.dato, None),
        });
        let decision = match punkt {
            Punkt::Sag { case, .. } if m.referat => meeting.decision_of(case).and_then(|b| {
                if closed {
                    b.offentlig_tekst.clone()
                } else {
                    Some(b.tekst.clone())
                }
            }),
            Punkt::Staaende { beslutning, .. } if m.referat => beslutning.clone(),
            _ => None,
        };
        if let Some(text) = decision {
            item["resolutionText"] = json!(text);
        }
        if closed {
            return item;
        }
        if let Punkt::Sag { case, .. } = punkt {
            if let Some(result) = m
                .referat
                .then(|| meeting.decision_of(case))
                .flatten()
                .and_then(|b| b.record.afstemning.as_ref())
                .and_then(|a| a.resultat)
            {
                item["result"] = json!(match result {
                    crate::case::record::Resultat::Vedtaget => "vedtaget",
                    crate::case::record::Resultat::Forkastet => "forkastet",
                });
            }
            if let Some(nummer) = &case.sagsnummer {
                item["consultation"] = json!(self.consultation_id(nummer, &m.udvalg, meeting.dato));
            }
            if let (Body::Sag(sag), Some(p)) = (&case.body, published) {
                let files: Vec<Value> = sag
                    .bilag
                    .iter()
                    .enumerate()
                    .filter_map(|(i, b)| {
                        let address = p.bilag.get(&format!("{anker}-{}", i + 1))?;
                        (!address.is_empty()).then(|| {
                            self.file(&format!("{folder}/{address}"), &b.titel, meeting.dato)
                        })
                    })
                    .collect();
                if !files.is_empty() {
                    item["auxiliaryFile"] = json!(files);
                }
            }
        }
        item
    }

    fn consultation_id(&self, sagsnummer: &str, folder: &str, date: Date) -> String {
        self.id(&format!(
            "consultation/{}-{folder}-{}.json",
            super::cases::slug(sagsnummer),
            date.iso()
        ))
    }

    /// A paper per open case with a number, its consultations the meetings that had it.
    fn papers(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        super::cases::gather(meetings)
            .into_iter()
            .map(|case| {
                let id = self.paper_id(&case.sagsnummer);
                let mut held: Vec<(&SiteMeeting, usize)> = Vec::new();
                for m in meetings {
                    for (i, p) in m.meeting().punkter.iter().enumerate() {
                        if let Punkt::Sag { case: c, .. } = p
                            && c.adgang == Adgang::Aaben
                            && c.sagsnummer.as_deref() == Some(&case.sagsnummer)
                        {
                            held.push((m, i + 1));
                        }
                    }
                }
                let dates: Vec<Date> = held.iter().map(|(m, _)| m.meeting().dato).collect();
                let first = dates.iter().min().copied().unwrap_or(Date { year: 2000, month: 1, day: 1 });
                let last = dates.iter().max().copied().unwrap_or(first);
                let consultations: Vec<Value> = held
                    .iter()
                    .map(|(m, anker)| {
                        let meeting = m.meeting();
                        let authoritative = case.cases.iter().any(|c| match &c.body {
                            Body::Sag(s) => s
                                .beslutningskompetence
                                .as_ref()
                                .is_some_and(|k| k.full == meeting.udvalg.full),
                            _ => false,
                        });
                        json!({
                            "id": self.consultation_id(&case.sagsnummer, &m.udvalg, meeting.dato),
                            "type": format!("{T}Consultation"),
                            "paper": id,
                            "agendaItem": self.id(&format!("agendaitem/{}-{anker}.json", m.folder().replace('/', "-"))),
                            "meeting": self.meeting_id(m),
                            "organization": [self.organization_id(&m.udvalg)],
                            "authoritative": authoritative,
                            "role": if authoritative { "Beslutning" } else { "Behandling" },
                            "created": timestamp(meeting.dato, None),
                            "modified": timestamp(meeting.dato, None),
                        })
                    })
                    .collect();
                json!({
                    "id": id,
                    "type": format!("{T}Paper"),
                    "body": self.id("body.json"),
                    "name": case.titel,
                    "reference": case.sagsnummer,
                    "date": first.iso(),
                    "paperType": "Sag",
                    "consultation": consultations,
                    "web": self.web(&format!("{}/index.html", super::cases::folder(&case.sagsnummer))),
                    "created": timestamp(first, None),
                    "modified": timestamp(last, None),
                })
            })
            .collect()
    }
}

/// A person's seat in a committee: its folder, the role, and the first and last meeting.
type Seat = (String, Option<String>, Date, Date);

/// The members (and substitutes) named in a committee's meetings, each once, in name
/// order.
fn members_of(meetings: &[&SiteMeeting]) -> Vec<String> {
    let mut names: Vec<String> = meetings
        .iter()
        .flat_map(|m| {
            let meeting = m.meeting();
            meeting
                .medlemmer
                .iter()
                .map(|x| x.navn.clone())
                .chain(meeting.stedfortraedere.iter().map(|s| s.navn.clone()))
        })
        .filter(|n| !crate::danish::slug(n, usize::MAX).is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn dates(meetings: &[&SiteMeeting]) -> (Date, Date) {
    let first = meetings
        .iter()
        .map(|m| m.meeting().dato)
        .min()
        .unwrap_or(Date {
            year: 2000,
            month: 1,
            day: 1,
        });
    let last = meetings
        .iter()
        .map(|m| m.meeting().dato)
        .max()
        .unwrap_or(first);
    (first, last)
}

/// A date (and time of day, `HH:MM`) in Copenhagen as an RFC 3339 date-time with the
/// offset in force that day: +02:00 from the last Sunday of March to the last Sunday of
/// October, else +01:00.
pub fn timestamp(date: Date, time: Option<&str>) -> String {
    let time = time.unwrap_or("00:00");
    let offset = if summer_time(date, time) {
        "+02:00"
    } else {
        "+01:00"
    };
    format!("{}T{time}:00{offset}", date.iso())
}

/// Whether Copenhagen keeps summer time at this moment (the clocks change at 02:00 and
/// 03:00 local time on the last Sundays of March and October).
fn summer_time(date: Date, time: &str) -> bool {
    let last_sunday = |month: u8| -> u8 {
        (25..=31)
            .rev()
            .find(|d| weekday(date.year, month, *d) == 0)
            .unwrap_or(31)
    };
    match date.month {
        4..=9 => true,
        3 => date.day > last_sunday(3) || (date.day == last_sunday(3) && time >= "02:00"),
        10 => date.day < last_sunday(10) || (date.day == last_sunday(10) && time < "03:00"),
        _ => false,
    }
}

/// The day of the week (0 = Sunday), by Sakamoto's method.
fn weekday(year: u16, month: u8, day: u8) -> u32 {
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = u32::from(year) - u32::from(month < 3);
    (y + y / 4 - y / 100 + y / 400 + T[usize::from(month - 1)] + u32::from(day)) % 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copenhagen_times_carry_the_offset_of_their_day() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(
            timestamp(d(2025, 5, 5), Some("16:00")),
            "2025-05-05T16:00:00+02:00"
        );
        assert_eq!(timestamp(d(2025, 1, 8), None), "2025-01-08T00:00:00+01:00");
        // 2025: summer time from 30 March to 26 October.
        assert_eq!(timestamp(d(2025, 3, 29), None), "2025-03-29T00:00:00+01:00");
        assert_eq!(timestamp(d(2025, 3, 30), None), "2025-03-30T00:00:00+01:00");
        assert_eq!(
            timestamp(d(2025, 3, 30), Some("10:00")),
            "2025-03-30T10:00:00+02:00"
        );
        assert_eq!(
            timestamp(d(2025, 10, 25), None),
            "2025-10-25T00:00:00+02:00"
        );
        assert_eq!(
            timestamp(d(2025, 10, 26), Some("16:00")),
            "2025-10-26T16:00:00+01:00"
        );
        assert_eq!(weekday(2025, 12, 7), 0);
    }
}
