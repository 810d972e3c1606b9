//! The committees and the people: an Organization per committee, a Person per member or
//! substitute named in its meetings, with a Membership per committee.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{Oparl, T, timestamp};
use crate::dates::Date;
use crate::site::model::SiteMeeting;

impl Oparl<'_> {
    /// A committee per folder, with its members' memberships and its meetings.
    pub(super) fn organizations(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        let by_folder = super::by_committee(meetings);
        by_folder
            .into_iter()
            .map(|(folder, own)| {
                let committee = &own[0].meeting().udvalg;
                let (first, last) = super::span(super::dates_of(&own));
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
                    // No `meeting`: validators read it as one Meeting's address, not as the
                    // list OParl 1.1 lets it be, and report it missing from the lists. Each
                    // Meeting names its committee in `organization`.
                    "membership": members,
                    "organizationType": "Gremium",
                    "classification": "Udvalg",
                    "web": self.web(&format!("{folder}/index.html")),
                    "created": timestamp(first, None),
                    "modified": timestamp(last, None),
                })
            })
            .collect()
    }

    /// A person per member named in a meeting file, with a membership per committee
    /// (embedded, as OParl 1.1 has it).
    pub(super) fn people(&self, meetings: &[SiteMeeting]) -> Vec<Value> {
        let mut people: BTreeMap<String, Vec<Seat>> = BTreeMap::new();
        let by_folder = super::by_committee(meetings);
        for (folder, own) in by_folder {
            let (first, last) = super::span(super::dates_of(&own));
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
                let (created, modified) =
                    super::span(memberships.iter().flat_map(|(_, _, f, l)| [*f, *l]));
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
                    "created": timestamp(created, None),
                    "modified": timestamp(modified, None),
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
