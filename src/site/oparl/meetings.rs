//! The meetings and the cases: each Meeting with its AgendaItems, Location and Files, and
//! a Paper per open case with its Consultations.

use serde_json::{Value, json};

use super::{Oparl, Published, T, timestamp};
use crate::case::{Adgang, Body};
use crate::dates::Date;
use crate::meeting::Punkt;
use crate::site::model::SiteMeeting;

impl Oparl<'_> {
    /// A meeting with its items, place and public PDFs.
    pub(super) fn meeting(&self, m: &SiteMeeting, published: Option<&Published<'_>>) -> Value {
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
                "created": value["created"].clone(),
                "modified": value["modified"].clone(),
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

    /// A paper per open case with a number, its consultations the meetings that had it.
    pub(super) fn papers(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        crate::site::cases::gather(meetings)
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
                let (first, last) = super::span(held.iter().map(|(m, _)| m.meeting().dato));
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
                    "web": self.web(&format!("{}/index.html", crate::site::cases::folder(&case.sagsnummer))),
                    "created": timestamp(first, None),
                    "modified": timestamp(last, None),
                })
            })
            .collect()
    }
}
