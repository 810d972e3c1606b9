//! Times as OParl writes them: RFC 3339 with Copenhagen's offset on that day.

use crate::dates::Date;

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
