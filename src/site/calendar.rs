//! The meeting calendar (`kalender.ics`, and one per committee): every meeting on the site
//! as an iCalendar (RFC 5545) event — planned ones among them, cancelled ones cancelled
//! — with a UID that stays the meeting's however often the site is made, its place, and
//! its time in Europe/Copenhagen (the zone described in the file, as the RFC asks).
//!
//! Written here rather than with a calendar crate: the one widely used adds the time of
//! writing to every event (and the site must give the same bytes for the same input) and
//! writes no VTIMEZONE. The tests read the files back with an independent parser.

use super::model::SiteMeeting;

/// Europe/Copenhagen as RFC 5545 describes a zone: CET, CEST from the last Sunday of March
/// to the last Sunday of October (the rule in force since 1996).
const COPENHAGEN: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19960331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19961027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

/// What the calendar needs to know of the site.
pub struct CalendarSite<'a> {
    /// The calendar's name ("Eksempel Kommune: møder").
    pub navn: &'a str,
    /// The site's address (`[site] adresse`), for the events' links and UIDs.
    pub adresse: Option<&'a str>,
    /// The organisation, for UIDs when the site has no address.
    pub org: &'a str,
}

/// A calendar of `meetings`, oldest first.
pub fn calendar(site: &CalendarSite<'_>, meetings: &[&SiteMeeting]) -> String {
    let mut sorted: Vec<&&SiteMeeting> = meetings.iter().collect();
    sorted.sort_by(|a, b| (&a.dato, &a.udvalg).cmp(&(&b.dato, &b.udvalg)));
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//sagsgen//sagsgen//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push(&mut out, line);
    }
    push(&mut out, &format!("X-WR-CALNAME:{}", text(site.navn)));
    push(&mut out, "X-WR-TIMEZONE:Europe/Copenhagen");
    out.push_str(COPENHAGEN);
    for m in sorted {
        event(&mut out, site, m);
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, site: &CalendarSite<'_>, m: &SiteMeeting) {
    let meeting = m.meeting();
    let date = meeting.dato.iso().replace('-', "");
    let host = site
        .adresse
        .and_then(|a| a.split_once("://"))
        .map(|(_, rest)| rest.split('/').next().unwrap_or(rest).to_string())
        .unwrap_or_else(|| format!("{}.sagsgen", crate::danish::slug(site.org, usize::MAX)));
    push(out, "BEGIN:VEVENT");
    push(
        out,
        &format!("UID:{}-{}@{host}", m.udvalg, meeting.dato.iso()),
    );
    // When the event was last described: the data give no other date than the meeting's,
    // and the same input must give the same file.
    push(out, &format!("DTSTAMP:{date}T000000Z"));
    match &meeting.tid {
        Some(tid) => {
            let start = format!("{date}T{}00", tid.replace(':', ""));
            push(out, &format!("DTSTART;TZID=Europe/Copenhagen:{start}"));
        }
        None => {
            push(out, &format!("DTSTART;VALUE=DATE:{date}"));
        }
    }
    push(
        out,
        &format!(
            "SUMMARY:{}",
            text(&format!("{}: {}", meeting.udvalg.full, m.label()))
        ),
    );
    if let Some(sted) = &meeting.sted {
        push(out, &format!("LOCATION:{}", text(sted)));
    }
    // A planned meeting is on the published meeting plan: it is to be held.
    let status = if meeting.aflyst {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    push(out, &format!("STATUS:{status}"));
    let page = format!("{}/index.html", m.folder());
    match site.adresse {
        Some(adresse) => push(out, &format!("URL:{adresse}/{page}")),
        None => push(
            out,
            &format!(
                "DESCRIPTION:{}",
                text(&format!("Se {page} på dagsordenssiden"))
            ),
        ),
    }
    push(out, "END:VEVENT");
}

/// A text value escaped as RFC 5545 asks (backslash, semicolon, comma, line break).
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A content line, folded at 75 octets (never inside a character) and ended by CRLF.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters_and_text_is_escaped() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "æ".repeat(60));
        push(&mut out, &long);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
        assert_eq!(
            text("Rådhuset, lokale 1; 2. sal"),
            "Rådhuset\\, lokale 1\\; 2. sal"
        );
    }
}
