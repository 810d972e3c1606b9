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
    fn rejects_times() {
        let dt: toml::value::Datetime = "2020-10-20T10:00:00".parse().unwrap();
        assert_eq!(Date::from_toml(&dt), None);
        let d: toml::value::Datetime = "2020-10-20".parse().unwrap();
        assert_eq!(Date::from_toml(&d), Some(date(2020, 10, 20)));
    }
}
