//! Calendar dates and their Danish forms (`20. oktober 2020`, `20-10-2020`).
//!
//! Typst only knows English month names, so dates are formatted here, in Rust.

use serde::Serialize;

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// A calendar date as written in a case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, when it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && year >= 1000).then_some(Self { year, month, day })
    }

    /// The first date written in a text the ways Danish exports write them —
    /// `24-04-2013`, `24.04.2013`, `2013-04-24`, `18. september 2012` — and where it is.
    pub fn find_in(text: &str) -> Option<(Self, std::ops::Range<usize>)> {
        let starts = text.char_indices().filter(|(i, c)| {
            c.is_ascii_digit() && !text[..*i].ends_with(|p: char| p.is_ascii_digit())
        });
        for (start, _) in starts {
            if let Some((date, len)) = Self::at(&text[start..]) {
                return Some((date, start..start + len));
            }
        }
        None
    }

    /// A date at the start of `text`, and how many bytes it takes.
    fn at(text: &str) -> Option<(Self, usize)> {
        let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
        let first = digits(text);
        let rest = &text[first..];
        let number = |s: &str| s.parse::<u16>().ok();
        // 2013-04-24
        if first == 4 && rest.starts_with('-') {
            let m = &rest[1..];
            let ml = digits(m);
            if (1..=2).contains(&ml) && m[ml..].starts_with('-') {
                let dl = digits(&m[ml + 1..]);
                let day = number(&m[ml + 1..ml + 1 + dl])?;
                let date = Self::new(number(&text[..4])?, number(&m[..ml])? as u8, day as u8)?;
                return Some((date, 4 + 1 + ml + 1 + dl));
            }
        }
        if !(1..=2).contains(&first) {
            return None;
        }
        let day = number(&text[..first])? as u8;
        // 24-04-2013 or 24.04.2013
        if let Some(sep) = rest.chars().next().filter(|c| *c == '-' || *c == '.') {
            let m = &rest[1..];
            let ml = digits(m);
            if (1..=2).contains(&ml) && m[ml..].starts_with(sep) {
                let y = &m[ml + 1..];
                if digits(y) == 4 {
                    let date = Self::new(number(&y[..4])?, number(&m[..ml])? as u8, day)?;
                    return Some((date, first + 1 + ml + 1 + 4));
                }
            }
        }
        // 18. september 2012
        let words = rest.strip_prefix('.')?;
        let month_text = words.trim_start();
        let skipped = words.len() - month_text.len();
        let lower = month_text.to_lowercase();
        let (index, name) = MONTHS
            .iter()
            .enumerate()
            .find(|(_, m)| lower.starts_with(*m))?;
        // `get`: lower-casing can change byte lengths in text that is not Danish.
        let after = month_text.get(name.len()..)?;
        let year_text = after.trim_start();
        if digits(year_text) != 4 || after.len() == year_text.len() {
            return None;
        }
        let date = Self::new(number(&year_text[..4])?, index as u8 + 1, day)?;
        let len = first + 1 + skipped + name.len() + (after.len() - year_text.len()) + 4;
        Some((date, len))
    }

    /// The date of a TOML date value; `None` for a time, or a date with a time of day.
    pub fn from_toml(value: &toml::value::Datetime) -> Option<Self> {
        if value.time.is_some() || value.offset.is_some() {
            return None;
        }
        let d = value.date?;
        Some(Self {
            year: d.year,
            month: d.month,
            day: d.day,
        })
    }

    /// The long Danish form used in running text: `2. november 2020`.
    pub fn long(&self) -> String {
        format!(
            "{}. {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }

    /// The short form used in decision headings: `02-11-2020`.
    pub fn short(&self) -> String {
        format!("{:02}-{:02}-{:04}", self.day, self.month, self.year)
    }

    /// Today's date (UTC), for pre-filling new case files. Nothing that builds documents
    /// reads the clock: their dates come from the case files.
    pub fn today() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Self::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }

    /// The date `days` after 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        }
    }

    /// ISO form, `2020-11-02`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn long_and_short_forms() {
        assert_eq!(date(2020, 11, 2).long(), "2. november 2020");
        assert_eq!(date(2020, 10, 20).long(), "20. oktober 2020");
        assert_eq!(date(2020, 11, 2).short(), "02-11-2020");
        assert_eq!(date(2021, 5, 1).long(), "1. maj 2021");
    }

    #[test]
    fn days_since_the_epoch() {
        assert_eq!(Date::from_days(0), date(1970, 1, 1));
        assert_eq!(Date::from_days(18_568), date(2020, 11, 2));
        assert_eq!(Date::from_days(20_415), date(2025, 11, 23));
        assert_eq!(Date::from_days(11_016), date(2000, 2, 29));
    }

    #[test]
    fn finds_dates_as_exports_write_them() {
        let find = |t: &str| Date::find_in(t).map(|(d, r)| (d.iso(), t[r].to_string()));
        assert_eq!(
            find("Beslutning i Udvalget (PUK) den 24-04-2013"),
            Some(("2013-04-24".into(), "24-04-2013".into()))
        );
        assert_eq!(
            find("**18. september 2012:** Godkendt"),
            Some(("2012-09-18".into(), "18. september 2012".into()))
        );
        assert_eq!(
            find("mødet 2013-06-20 10:30"),
            Some(("2013-06-20".into(), "2013-06-20".into()))
        );
        assert_eq!(
            find("den 1.10.2025"),
            Some(("2025-10-01".into(), "1.10.2025".into()))
        );
        assert_eq!(
            find("onsdag den 1. Oktober 2025 kl. 16.00"),
            Some(("2025-10-01".into(), "1. Oktober 2025".into()))
        );
        assert_eq!(find("punkt 12. Ingen dato her"), None);
        assert_eq!(find("31-02-2013"), None, "no such day");
    }

    #[test]
    fn rejects_times() {
        let dt: toml::value::Datetime = "2020-10-20T10:00:00".parse().unwrap();
        assert_eq!(Date::from_toml(&dt), None);
        let d: toml::value::Datetime = "2020-10-20".parse().unwrap();
        assert_eq!(Date::from_toml(&d), Some(date(2020, 10, 20)));
    }
}
