//! The dated records of issue 11 (`permits`, `express_entry`,
//! `education[].eca_issued_on`) and the rules that date them: an ECA counts
//! for 5 years, a profile stays in the pool 12 months, an application is due
//! 60 days after an invitation. The numbers live in `data/planning/*.toml`,
//! each with its source; this module holds the arithmetic.

use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Deserialize;

use crate::dated::{Source, Table, Version};
use crate::error::{Result, RulesError};

pub use crate::profile::{ExpressEntry, Permit, PermitKind};

#[derive(Debug, Clone, Deserialize)]
pub struct Years {
    pub years: i16,
}
#[derive(Debug, Clone, Deserialize)]
pub struct Months {
    pub months: i16,
}
#[derive(Debug, Clone, Deserialize)]
pub struct Days {
    pub days: i16,
}

type Loaded<T> = std::result::Result<Table<T>, String>;

static ECA: LazyLock<Loaded<Years>> = LazyLock::new(|| {
    Table::from_embedded(include_str!("../../data/planning/eca_validity.toml"))
        .map_err(|e| format!("eca_validity.toml: {e}"))
});
static PROFILE: LazyLock<Loaded<Months>> = LazyLock::new(|| {
    Table::from_embedded(include_str!("../../data/planning/profile_validity.toml"))
        .map_err(|e| format!("profile_validity.toml: {e}"))
});
static APPLICATION: LazyLock<Loaded<Days>> = LazyLock::new(|| {
    Table::from_embedded(include_str!(
        "../../data/planning/application_deadline.toml"
    ))
    .map_err(|e| format!("application_deadline.toml: {e}"))
});

fn in_force<T>(
    table: &'static Loaded<T>,
    id: &'static str,
    day: Date,
) -> Result<&'static Version<T>> {
    match table {
        Ok(t) => t.require(id, day),
        Err(e) => Err(RulesError::invalid(
            "rules",
            format!("embedded planning table is invalid: {e}"),
        )),
    }
}

/// The ECA rule in force on `day`.
pub fn eca_rule(day: Date) -> Result<&'static Version<Years>> {
    in_force(&ECA, "planning.eca_validity", day)
}
/// The profile-validity rule in force on `day`.
pub fn profile_rule(day: Date) -> Result<&'static Version<Months>> {
    in_force(&PROFILE, "planning.profile_validity", day)
}
/// The application-deadline rule in force on `day`.
pub fn application_rule(day: Date) -> Result<&'static Version<Days>> {
    in_force(&APPLICATION, "planning.application_deadline", day)
}

/// The first day an ECA issued on `issued` no longer counts: its fifth
/// anniversary (MI s.3(4): "five or more years old"). `None` when no rule
/// covers the day (before 2017-06-06 ECAs did not expire).
pub fn eca_expires_on(issued: Date) -> Option<Date> {
    // The rule in force when the question is asked: the newest version.
    let years = match &*ECA {
        Ok(t) => t.versions.last().map(|v| v.values.years)?,
        Err(_) => return None,
    };
    issued.checked_add(i64::from(years).years()).ok()
}

/// Whether the ECA issued on `issued` still counts on `on`.
pub fn eca_counts_on(issued: Date, on: Date) -> bool {
    issued <= on && eca_expires_on(issued).is_none_or(|x| on < x)
}

/// When the ECA of foreign credential `index` is 5 or more years old on
/// `as_of`, the note saying so: the credential then does not count
/// (CRS education, FSW education). `None` when it counts.
pub fn expired_eca_note(
    index: usize,
    c: &crate::profile::Credential,
    as_of: Date,
) -> Option<crate::text::Text> {
    let issued = c.eca_issued_on?;
    let expired = eca_expires_on(issued).is_some_and(|x| as_of >= x);
    if c.in_canada || !c.eca || !expired {
        return None;
    }
    let years = eca_rule(as_of).map_or(5, |v| v.values.years);
    Some(
        super::timeline_text::TimelineText::EcaExpires {
            index,
            issued_on: issued,
            years,
        }
        .into(),
    )
}

/// The ECA rule's source (what an output cites).
pub fn eca_source() -> Option<&'static Source> {
    ECA.as_ref().ok()?.versions.last().map(|v| &v.source)
}

/// The day a profile submitted on `submitted` leaves the pool, with the source.
pub fn profile_expires_on(submitted: Date) -> Result<(Date, &'static Source)> {
    let rule = profile_rule(submitted)?;
    let day = submitted
        .checked_add(i64::from(rule.values.months).months())
        .map_err(|e| RulesError::invalid("express_entry.profile_submitted_on", e.to_string()))?;
    Ok((day, &rule.source))
}

/// The last day to submit an application after an invitation received on `ita`, with the source.
pub fn application_due_on(ita: Date) -> Result<(Date, &'static Source)> {
    let rule = application_rule(ita)?;
    let day = ita
        .checked_add(i64::from(rule.values.days).days())
        .map_err(|e| RulesError::invalid("express_entry.ita_received_on", e.to_string()))?;
    Ok((day, &rule.source))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn tables_load_and_cite_sources() {
        assert_eq!(eca_rule(d("2026-12-05")).unwrap().values.years, 5);
        assert_eq!(profile_rule(d("2026-12-05")).unwrap().values.months, 12);
        assert_eq!(application_rule(d("2026-12-05")).unwrap().values.days, 60);
        assert_eq!(application_rule(d("2017-01-01")).unwrap().values.days, 90);
        assert!(
            eca_source()
                .unwrap()
                .href
                .starts_with("https://www.canada.ca/")
        );
    }

    #[test]
    fn deadlines() {
        assert_eq!(
            application_due_on(d("2026-11-01")).unwrap().0,
            d("2026-12-31")
        );
        assert_eq!(
            profile_expires_on(d("2026-02-28")).unwrap().0,
            d("2027-02-28")
        );
        assert_eq!(eca_expires_on(d("2021-06-01")), Some(d("2026-06-01")));
        assert!(eca_counts_on(d("2021-06-01"), d("2026-05-31")));
        assert!(!eca_counts_on(d("2021-06-01"), d("2026-06-01")));
    }

    #[test]
    fn an_eca_five_years_old_no_longer_counts_for_crs_education() {
        let profile = |as_of: &str| {
            crate::profile::parse_profile(&format!(
                r#"{{"as_of": "{as_of}", "date_of_birth": "1990-01-01",
                "language_tests": [{{"test": "celpip_general", "test_date": "2026-01-01",
                  "listening": 9, "reading": 9, "writing": 9, "speaking": 9}}],
                "education": [{{"level": "masters", "eca": true, "eca_issued_on": "2021-06-01",
                  "completed_on": "2015-06-01"}}]}}"#
            ))
            .unwrap()
        };
        let before = crate::assess::assess(&profile("2026-05-31"), d("2026-05-31")).unwrap();
        let after = crate::assess::assess(&profile("2026-06-01"), d("2026-06-01")).unwrap();
        assert_eq!(
            before.facts.education.crs_level,
            crate::crs::EducationLevel::Masters
        );
        assert_eq!(
            after.facts.education.crs_level,
            crate::crs::EducationLevel::LessThanSecondary
        );
        let note = after.facts.education.notes[0].en();
        assert!(note.contains("5 years old"), "{note}");
        assert!(after.facts.education.notes[0].fr().contains("a 5 ans"));
    }

    #[test]
    fn a_visitor_record_covers_no_work() {
        let p = Permit {
            kind: PermitKind::VisitorRecord,
            start: None,
            end: d("2027-01-01"),
        };
        assert!(!p.covers_work_on(d("2026-01-01")));
        let p = Permit {
            kind: PermitKind::Pgwp,
            ..p
        };
        assert!(p.covers_work_on(d("2026-01-01")));
        assert!(p.covers_work_on(d("2027-01-01")));
        assert!(!p.covers_work_on(d("2027-01-02")));
    }
}
