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
    fn rejects_times() {
        let dt: toml::value::Datetime = "2020-10-20T10:00:00".parse().unwrap();
        assert_eq!(Date::from_toml(&dt), None);
        let d: toml::value::Datetime = "2020-10-20".parse().unwrap();
        assert_eq!(Date::from_toml(&d), Some(date(2020, 10, 20)));
    }
}
