//! A step's checks (presence, format, scores on their test's scale, dates in order), the
//! field names people see, and messages that name their field.

use crate::i18n::Messages as _;

use serde_json::Value;

use super::fields::{
    ALL_LISTS, FieldDef, GROUPS, Kind, LIST_EDUCATION, LIST_JOBS, LIST_PERMITS, LIST_SPOUSE_JOBS,
    LIST_TESTS, step_parts,
};
use super::input::number;
use super::{Draft, count, entry_is_blank, entry_key, group_is_blank, has_partner};
use crate::i18n::{Arg, Lang};
use crate::routes::Errors;

fn is_date(v: &str) -> bool {
    v.len() == 10 && v.parse::<jiff::civil::Date>().is_ok()
}

fn check(lang: Lang, fd: &FieldDef, name: &str, value: Option<&String>, e: &mut Errors) {
    let v = value.map(String::as_str).unwrap_or("");
    if v.is_empty() {
        if fd.required {
            e.add(name, lang.t("err-required"));
        }
        return;
    }
    match fd.kind {
        Kind::Date => {
            if !is_date(v) {
                e.add(name, lang.t("err-date"));
            }
        }
        Kind::Number => match number(v) {
            Some(x) if x >= 0.0 => {}
            _ => e.add(name, lang.t("err-number")),
        },
        Kind::Choice(allowed) => {
            if !allowed.contains(&v) {
                e.add(name, lang.t("err-choose"));
            }
        }
        Kind::YesNo => {
            if v != "yes" && v != "no" {
                e.add(name, lang.t("err-choose"));
            }
        }
        Kind::Noc => {
            if !(v.len() == 5 && v.chars().all(|c| c.is_ascii_digit())) {
                e.add(name, lang.t("err-noc"));
            } else if let Ok(code) = landed_rules::noc::Noc::parse(v)
                && landed_rules::noc::catalogue().is_ok_and(|c| c.get(code).is_none())
            {
                e.add(name, lang.t1("wiz-err-noc-unknown", "code", v));
            }
        }
        Kind::Country => {
            if !(v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic())) {
                e.add(name, lang.t("err-country"));
            }
        }
        Kind::Text => {}
    }
}

/// Check a step's fields (format and presence); the rules engine checks the rest at the end.
pub fn validate_step(lang: Lang, d: &Draft, step: &str, today: jiff::civil::Date) -> Errors {
    let mut e = Errors::default();
    let (fields, lists) = step_parts(step);
    let partner = has_partner(d);
    for fd in fields {
        if fd.key.starts_with("spouse.") && !partner {
            continue;
        }
        if let Some((_, group)) = GROUPS.iter().find(|(g, _)| group_of(fd.key) == Some(*g))
            && group_is_blank(d, group)
        {
            continue;
        }
        check(lang, fd, fd.key, d.get(fd.key), &mut e);
    }
    if let Some(n) = d.get("family_size")
        && let Some(x) = number(n)
        && !(x.fract() == 0.0 && (1.0..=30.0).contains(&x))
    {
        e.add(
            "family_size",
            lang.ta(
                "err-number-range",
                &[
                    ("min", Arg::Str("1".into())),
                    ("max", Arg::Str("30".into())),
                ],
            ),
        );
    }
    for l in &lists {
        if l.path.starts_with("spouse.") && !partner {
            continue;
        }
        for i in 0..count(d, l.path) {
            if entry_is_blank(d, l, i) {
                continue;
            }
            for fd in l.fields {
                let name = entry_key(l.path, i, fd.key);
                check(lang, fd, &name, d.get(&name), &mut e);
            }
            if l.stem == LIST_TESTS.stem {
                check_scores(lang, d, l.path, i, &mut e);
            }
            // A job in Canada: whether the work was authorized is asked, never assumed
            // (the contract's default is yes); listed permits answer it day by day.
            // (The permits are the applicant's: a partner's job is always asked.)
            let permits_listed = l.path == LIST_JOBS.path
                && (0..count(d, LIST_PERMITS.path)).any(|p| !entry_is_blank(d, &LIST_PERMITS, p));
            if (l.path == LIST_JOBS.path || l.path == LIST_SPOUSE_JOBS.path)
                && d.get(&entry_key(l.path, i, "country"))
                    .is_none_or(|c| c.eq_ignore_ascii_case("CA"))
                && d.get(&entry_key(l.path, i, "authorized")).is_none()
                && !permits_listed
            {
                e.add(
                    entry_key(l.path, i, "authorized"),
                    lang.t("wiz-err-authorized"),
                );
            }
            // A credential earned in Canada: its program's dates are a period of study
            // (work while studying full time does not count for CEC), asked here only.
            if l.path == LIST_EDUCATION.path
                && d.get(&entry_key(l.path, i, "in_canada"))
                    .map(String::as_str)
                    == Some("yes")
            {
                for (field, message) in [
                    ("studied_from", "wiz-err-studied-from"),
                    ("completed_on", "wiz-err-completed-in-canada"),
                ] {
                    let name = entry_key(l.path, i, field);
                    if d.get(&name).is_none_or(|v| v.is_empty()) {
                        e.add(name, lang.t(message));
                    }
                }
                let from = d.get(&entry_key(l.path, i, "studied_from"));
                let completed = d.get(&entry_key(l.path, i, "completed_on"));
                if let (Some(s), Some(c)) = (from, completed)
                    && is_date(s)
                    && is_date(c)
                    && c < s
                {
                    e.add(
                        entry_key(l.path, i, "completed_on"),
                        lang.t("wiz-err-completed-before-start"),
                    );
                }
            }
            // Dates in order.
            let start = d.get(&entry_key(l.path, i, "start"));
            let end = d.get(&entry_key(l.path, i, "end"));
            if let (Some(s), Some(en)) = (start, end)
                && is_date(s)
                && is_date(en)
                && en < s
            {
                e.add(entry_key(l.path, i, "end"), lang.t("err-end-before-start"));
            }
            let hours = entry_key(l.path, i, "hours_per_week");
            if let Some(h) = d.get(&hours).and_then(|h| number(h))
                && !(h > 0.0 && h <= 168.0)
            {
                e.add(
                    hours,
                    lang.ta(
                        "err-number-range",
                        &[
                            ("min", Arg::Str("1".into())),
                            ("max", Arg::Str("168".into())),
                        ],
                    ),
                );
            }
        }
    }
    if step == "about"
        && let Some(dob) = d.get("date_of_birth").filter(|v| is_date(v))
        && dob.as_str() >= today.to_string().as_str()
    {
        e.add("date_of_birth", lang.t("err-dob-future"));
    }
    e
}

/// Each score of test entry `i` on the scale of the chart in force on its test date, checked
/// as the person moves on (the rules engine checks the same scale at the end, in English only).
fn check_scores(lang: Lang, d: &Draft, list: &str, i: usize, e: &mut Errors) {
    use landed_rules::clb::Ability;
    use landed_rules::language::{TestKind, score_scale};
    let get = |field: &str| d.get(&entry_key(list, i, field));
    let Some(test) =
        get("test").and_then(|t| serde_json::from_value::<TestKind>(Value::String(t.clone())).ok())
    else {
        return;
    };
    let Some(date) = get("test_date")
        .filter(|v| is_date(v))
        .and_then(|v| v.parse::<jiff::civil::Date>().ok())
    else {
        return;
    };
    for ability in Ability::ALL {
        let name = entry_key(list, i, ability.as_str());
        if e.has(&name) {
            continue;
        }
        let (Some(score), Some(scale)) = (
            d.get(&name).and_then(|v| number(v)),
            score_scale(test, None, date, ability),
        ) else {
            continue;
        };
        if scale.accepts(score) {
            continue;
        }
        e.add(name, score_message(lang, test, scale));
    }
}

/// What a score of `test` must be, e.g. "IELTS General Training bands go from 0 to 9 in
/// steps of 0.5, e.g. 6.5", with an example 70 % of the way up the scale, on a step.
pub fn score_message(
    lang: Lang,
    test: landed_rules::language::TestKind,
    scale: landed_rules::language::ScoreScale,
) -> String {
    let steps = ((scale.max - scale.min) * 0.7 / scale.step).round();
    let example = scale.min + steps * scale.step;
    let n = |x: f64| Arg::Str(lang.num(x, 1));
    let test_name = Arg::Str(lang.t(&format!("test-{}", test.as_str())));
    if scale.step == 1.0 {
        lang.ta(
            "wiz-err-score-whole",
            &[
                ("test", test_name),
                ("min", n(scale.min)),
                ("max", n(scale.max)),
                ("example", n(example)),
            ],
        )
    } else {
        lang.ta(
            "wiz-err-score-bands",
            &[
                ("test", test_name),
                ("min", n(scale.min)),
                ("max", n(scale.max)),
                ("step", n(scale.step)),
                ("example", n(example)),
            ],
        )
    }
}

/// The name a person sees for a field: its label, after the entry's legend in a list
/// ("Job 2 – NOC code (5 digits)"). `None` for a name without a label.
pub fn field_label(lang: Lang, name: &str) -> Option<String> {
    let (key, legend) = ALL_LISTS
        .iter()
        .find_map(|l| {
            let rest = name.strip_prefix(l.path)?.strip_prefix('[')?;
            let (i, field) = rest.split_once("].")?;
            let i = i.parse::<usize>().ok()?;
            let legend = lang.t1(
                &format!("wiz-{}-legend", l.path.replace('.', "-")),
                "n",
                &(i + 1).to_string(),
            );
            Some((
                format!("{}-{}", l.stem, field.replace('.', "-")),
                Some(legend),
            ))
        })
        .unwrap_or_else(|| (format!("wiz-f-{}", name.replace('.', "-")), None));
    if !lang.has(&key) {
        return None;
    }
    let label = lang.t(&key);
    Some(match legend {
        Some(legend) => format!("{legend} – {label}"),
        None => label,
    })
}

/// In the list at the top of a step, each message starts with the name of its field ("Date
/// of birth: enter a date like 2024-03-31"), so the list reads on its own (issue 12); next
/// to the field, under its label, the message says what is expected.
pub fn name_fields(lang: Lang, errors: Errors) -> Errors {
    let separator = match lang {
        Lang::En => ": ",
        // French puts a no-break space before the colon.
        Lang::Fr => "\u{a0}: ",
    };
    Errors(
        errors
            .0
            .into_iter()
            .map(|mut e| {
                // A question ("Were you allowed …?") is followed by the message as a sentence.
                match field_label(lang, &e.field) {
                    Some(label) if label.ends_with('?') => {
                        e.summary = format!("{label} {}", e.message);
                    }
                    Some(label) => {
                        e.summary = format!("{label}{separator}{}", lower_first(&e.message));
                    }
                    None => {}
                }
                e
            })
            .collect(),
    )
}

/// "Answer this question" → "answer this question"; "NOC …" and "IELTS …" stay.
fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(message[first.len_utf8()..].chars())
            .collect(),
        _ => message.to_string(),
    }
}

/// The optional object a top-level key belongs to (`job_offer` for `job_offer.noc`).
fn group_of(key: &str) -> Option<&str> {
    key.split_once('.')
        .map(|(g, _)| g)
        .filter(|g| GROUPS.iter().any(|(x, _)| x == g))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::wizard::tests::form;
    use crate::wizard::{from_profile, merge_step, step_of, to_profile};
    use serde_json::json;

    #[test]
    fn a_canadian_credential_needs_its_program_dates_in_order() {
        let today = jiff::civil::date(2026, 12, 6);
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "education",
            &form(&[
                ("_n.education", "1"),
                ("education[0].level", "two_year"),
                ("education[0].in_canada", "yes"),
            ]),
        );
        let e = validate_step(Lang::En, &d, "education", today);
        assert!(e.msg("education[0].studied_from").contains("started"));
        assert!(e.msg("education[0].completed_on").contains("completed"));
        d.insert("education[0].studied_from".into(), "2024-09-01".into());
        d.insert("education[0].completed_on".into(), "2023-04-30".into());
        let e = validate_step(Lang::Fr, &d, "education", today);
        assert!(e.msg("education[0].completed_on").contains("doit suivre"));
        d.insert("education[0].in_canada".into(), "no".into());
        assert!(validate_step(Lang::En, &d, "education", today).0.is_empty());
    }
    /// Issue 12: each message names its field and says what is expected, in both languages.
    fn summary<'a>(e: &'a Errors, field: &str) -> &'a str {
        e.0.iter()
            .find(|x| x.field == field)
            .map_or("", |x| x.summary.as_str())
    }
    #[test]
    fn messages_name_the_field_and_the_scale() {
        let today = jiff::civil::date(2026, 12, 6);
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "language",
            &form(&[
                ("_n.language_tests", "1"),
                ("language_tests[0].test", "ielts_general"),
                ("language_tests[0].test_date", "2026-01-10"),
                ("language_tests[0].listening", "7"),
                ("language_tests[0].reading", "6.3"),
                ("language_tests[0].writing", "6,5"),
                ("language_tests[0].speaking", "7"),
            ]),
        );
        let en = name_fields(Lang::En, validate_step(Lang::En, &d, "language", today));
        assert_eq!(en.0.len(), 1, "{:?}", en.0);
        assert_eq!(
            summary(&en, "language_tests[0].reading"),
            "Test 1 – Reading score: IELTS General Training bands go from 0 to 9 in steps of 0.5, e.g. 6.5"
        );
        let fr = name_fields(Lang::Fr, validate_step(Lang::Fr, &d, "language", today));
        assert!(
            fr.msg("language_tests[0].reading")
                .contains("de 0 à 9 par pas de 0,5, p. ex. 6,5"),
            "{}",
            fr.msg("language_tests[0].reading")
        );
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "work",
            &form(&[
                ("_n.work_history", "1"),
                ("work_history[0].noc", "99999"),
                ("work_history[0].start", "2024-01-01"),
                ("work_history[0].hours_per_week", "40"),
            ]),
        );
        let en = name_fields(Lang::En, validate_step(Lang::En, &d, "work", today));
        assert_eq!(
            summary(&en, "work_history[0].noc"),
            "Job 1 – NOC code (5 digits): NOC 99999 does not exist: search by job title"
        );
        let about = name_fields(
            Lang::En,
            validate_step(Lang::En, &Draft::new(), "about", today),
        );
        assert_eq!(
            summary(&about, "date_of_birth"),
            "Date of birth: answer this question"
        );
        assert_eq!(about.msg("date_of_birth"), "Answer this question");
    }
    /// Issue 12: "were you allowed to work" is asked for a job in Canada, never assumed;
    /// listed permits answer it, and reach the profile.
    #[test]
    fn work_authorization_is_asked_or_answered_by_permits() {
        let today = jiff::civil::date(2026, 12, 6);
        let job = [
            ("_n.work_history", "1"),
            ("work_history[0].noc", "21232"),
            ("work_history[0].country", "CA"),
            ("work_history[0].start", "2024-01-01"),
            ("work_history[0].hours_per_week", "40"),
        ];
        let mut d = Draft::new();
        merge_step(Lang::En, &mut d, "work", &form(&job));
        let e = name_fields(Lang::En, validate_step(Lang::En, &d, "work", today));
        assert!(
            summary(&e, "work_history[0].authorized").starts_with("Job 1 – Were you allowed"),
            "{:?}",
            e.0
        );
        let mut with_permit = job.to_vec();
        with_permit.extend([
            ("_n.permits", "1"),
            ("permits[0].kind", "pgwp"),
            ("permits[0].end", "2027-05-31"),
        ]);
        let mut d = Draft::new();
        merge_step(Lang::En, &mut d, "work", &form(&with_permit));
        assert!(validate_step(Lang::En, &d, "work", today).is_empty());
        let p = to_profile(&d);
        assert_eq!(p["permits"], json!([{"kind": "pgwp", "end": "2027-05-31"}]));
        assert!(p["work_history"][0].get("authorized").is_none());
        assert_eq!(from_profile(&p).get("permits[0].kind").unwrap(), "pgwp");
        assert_eq!(step_of("permits[0].end"), "work");
    }
}
