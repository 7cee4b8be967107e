//! Days no job would be worked: weekends and the federal general holidays.
//!
//! Used for one reading only: a gap between two jobs in the same occupation
//! made only of such days (a Friday's job, then Monday's) does not break
//! FSW's "continuous" year. Neither IRPR s.75 nor the FSW page defines the
//! gap; this is the reading practitioners give, and the output says so.
//! The holidays are the general holidays of the Canada Labour Code, s.166
//! (https://laws-lois.justice.gc.ca/eng/acts/L-2/section-166.html), with a
//! holiday on a weekend observed on the next working day (s.195).
//! Provincial holidays differ and are not included.

use jiff::civil::{Date, Weekday};

/// A Saturday, a Sunday, or a federal general holiday (or its observed day).
pub fn is_non_working_day(d: Date) -> bool {
    matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) || is_holiday(d)
}

/// The federal general holidays of `d`'s year, observed: a fixed-date
/// holiday on a weekend moves to the next weekday not already a holiday.
fn is_holiday(d: Date) -> bool {
    let y = d.year();
    let Ok(jan1) = Date::new(y, 1, 1) else {
        return false;
    };
    let fixed: [(i8, i8, bool); 6] = [
        (1, 1, true),       // New Year's Day
        (7, 1, true),       // Canada Day
        (9, 30, y >= 2021), // National Day for Truth and Reconciliation
        (11, 11, true),     // Remembrance Day
        (12, 25, true),     // Christmas Day
        (12, 26, true),     // Boxing Day
    ];
    let mut days: smallvec::SmallVec<[Date; 12]> = smallvec::SmallVec::new();
    for (m, day, in_force) in fixed {
        if !in_force {
            continue;
        }
        let Ok(mut h) = Date::new(y, m, day) else {
            continue;
        };
        while matches!(h.weekday(), Weekday::Saturday | Weekday::Sunday) || days.contains(&h) {
            h = h.tomorrow().unwrap_or(h);
        }
        days.push(h);
    }
    if let Some(easter) = easter_sunday(y) {
        days.extend(easter.checked_sub(jiff::Span::new().days(2)).ok()); // Good Friday
    }
    // Victoria Day: the Monday before 25 May.
    if let Ok(may24) = Date::new(y, 5, 24) {
        days.extend(last_weekday_on_or_before(may24, Weekday::Monday));
    }
    // Labour Day: first Monday of September; Thanksgiving: second Monday of October.
    days.extend(nth_weekday(y, 9, Weekday::Monday, 1));
    days.extend(nth_weekday(y, 10, Weekday::Monday, 2));
    let _ = jan1;
    days.contains(&d)
}

fn last_weekday_on_or_before(d: Date, wd: Weekday) -> Option<Date> {
    let back = (d.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
    d.checked_sub(jiff::Span::new().days(i64::from(back))).ok()
}

fn nth_weekday(y: i16, m: i8, wd: Weekday, n: i8) -> Option<Date> {
    let first = Date::new(y, m, 1).ok()?;
    let ahead =
        (wd.to_monday_zero_offset() - first.weekday().to_monday_zero_offset()).rem_euclid(7);
    Date::new(y, m, 1 + ahead + 7 * (n - 1)).ok()
}

/// Gregorian Easter Sunday (the anonymous Gregorian algorithm).
fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn easter_is_known_for_several_years() {
        assert_eq!(easter_sunday(2024), Some(d("2024-03-31")));
        assert_eq!(easter_sunday(2025), Some(d("2025-04-20")));
        assert_eq!(easter_sunday(2026), Some(d("2026-04-05")));
    }

    #[test]
    fn the_federal_holidays_of_2026() {
        for day in [
            "2026-01-01",
            "2026-04-03",
            "2026-05-18",
            "2026-07-01",
            "2026-09-07",
            "2026-09-30",
            "2026-10-12",
            "2026-11-11",
            "2026-12-25",
            "2026-12-28",
        ] {
            assert!(is_holiday(d(day)), "{day}");
        }
        // Boxing Day 2026 is a Saturday: observed Monday 28 (Christmas is Friday).
        assert!(!is_holiday(d("2026-12-29")));
        assert!(!is_non_working_day(d("2026-06-15")));
        assert!(is_non_working_day(d("2026-06-13")));
    }

    #[test]
    fn christmas_and_boxing_day_on_a_weekend_move_to_monday_and_tuesday() {
        // 2021: Christmas Saturday, Boxing Day Sunday.
        assert!(is_holiday(d("2021-12-27")));
        assert!(is_holiday(d("2021-12-28")));
    }
}
