//! Calendar arithmetic: months, ISO weeks and the tabular Islamic (Hijri) calendar.

use hadath_text::Date;

/// The month `delta` months after (year, month).
pub fn add_months(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let idx = year as i64 * 12 + (month as i64 - 1) + delta as i64;
    ((idx.div_euclid(12)) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// First day of the month after (year, month).
pub fn next_month_start(year: i32, month: u32) -> Option<Date> {
    let (y, m) = add_months(year, month, 1);
    Date::new(y, m, 1)
}

/// Monday of the ISO week containing `d`.
pub fn week_monday(d: Date) -> Date {
    d.add_days(-(d.weekday() as i64 - 1))
}

/// ISO week-numbering year and week of `d`.
pub fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - d.weekday() as i64);
    let year = thursday.year;
    let jan1 = Date { year, month: 1, day: 1 };
    let week = ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32;
    (year, week)
}

/// Days since 1970-01-01 of the Islamic civil epoch, 1 Muharram 1 AH (16 July 622, Julian).
const HIJRI_EPOCH: i64 = -492148;

/// Gregorian date of a tabular (civil, type II) Hijri date; `None` when out of range.
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<Date> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=3000).contains(&year) {
        return None;
    }
    let y = year as i64;
    let m = month as i64;
    let days = day as i64 + (295 * (m - 1) + 9) / 10 + (y - 1) * 354 + (3 + 11 * y) / 30 - 1;
    Some(Date::from_days(HIJRI_EPOCH + days))
}

/// Tabular Hijri year containing the Gregorian date `d`.
pub fn hijri_year_of(d: Date) -> i32 {
    let days = d.to_days() - HIJRI_EPOCH;
    let mut y = ((30 * days + 10646) / 10631) as i32;
    // Correct the estimate by at most a year either way.
    while y > 1 && hijri_to_gregorian(y, 1, 1).is_some_and(|s| s > d) {
        y -= 1;
    }
    while hijri_to_gregorian(y + 1, 1, 1).is_some_and(|s| s <= d) {
        y += 1;
    }
    y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hijri_known_dates() {
        // 1 Muharram 1 AH = 19 July 622 proleptic Gregorian.
        assert_eq!(hijri_to_gregorian(1, 1, 1), Date::new(622, 7, 19));
        // 1 Ramadan 1444 fell on 23 March 2023.
        assert_eq!(hijri_to_gregorian(1444, 9, 1), Date::new(2023, 3, 23));
        assert_eq!(hijri_year_of(Date::new(2023, 3, 23).unwrap()), 1444);
    }

    #[test]
    fn weeks() {
        assert_eq!(iso_week(Date::new(2013, 2, 12).unwrap()), (2013, 7));
        assert_eq!(iso_week(Date::new(2021, 1, 1).unwrap()), (2020, 53));
        assert_eq!(add_months(2020, 12, 1), (2021, 1));
        assert_eq!(add_months(2021, 1, -1), (2020, 12));
    }
}
