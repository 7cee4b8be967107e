//! The assessment wizard's state and its translation into a profile.
//!
//! The whole draft is a flat map from **profile-contract paths** (`date_of_birth`,
//! `work_history[1].hours_per_week`, `spouse.language_tests[0].reading`) to the text typed.
//! Form inputs carry those same names, so an error from the rules engine (which names the
//! path) is shown next to the right input, and the draft travels between steps as one
//! hidden field (deflated JSON, base64url; it is the person's own data, so it needs no
//! signature: everything is validated again at the end). Nothing is stored on the server.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::i18n::{Arg, Lang};
use crate::routes::Errors;
use crate::security;

/// The draft: contract path → text as typed.
pub type Draft = BTreeMap<String, String>;

/// Largest inflated draft accepted (bytes).
pub const DRAFT_MAX: usize = 64 * 1024;
/// At most this many entries in each list.
pub const MAX_ENTRIES: usize = 20;

/// The steps, in order.
pub const STEPS: [&str; 7] = [
    "about",
    "language",
    "education",
    "work",
    "study",
    "family",
    "plans",
];

/// The kinds of value a field holds (decides its JSON type and its check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    Number,
    /// A choice among fixed values (stored as the value string).
    Choice(&'static [&'static str]),
    /// yes / no → true / false.
    YesNo,
    Noc,
    Country,
}

/// One field of a list entry or of the top level.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn f(key: &'static str, kind: Kind, required: bool) -> FieldDef {
    FieldDef {
        key,
        kind,
        required,
    }
}

pub const MARITAL: [&str; 7] = [
    "single",
    "married",
    "common_law",
    "separated",
    "divorced",
    "widowed",
    "annulled",
];
pub const TESTS: [&str; 5] = [
    "ielts_general",
    "celpip_general",
    "pte_core",
    "tef_canada",
    "tcf_canada",
];
pub const LEVELS: [&str; 7] = [
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "bachelors",
    "masters",
    "doctoral",
];
pub const JOB_KINDS: [&str; 5] = [
    "employee",
    "self_employed",
    "volunteer",
    "unpaid_internship",
    "coop",
];
pub const PROVINCES: [&str; 13] = [
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];
pub const OFFICIAL: [&str; 2] = ["english", "french"];
pub const PERMIT_KINDS: [&str; 4] = ["pgwp", "work_permit", "study_permit", "visitor_record"];

pub const ABOUT: [FieldDef; 3] = [
    f("date_of_birth", Kind::Date, true),
    f("marital_status", Kind::Choice(&MARITAL), true),
    f("first_official_language", Kind::Choice(&OFFICIAL), false),
];
pub const TEST_FIELDS: [FieldDef; 6] = [
    f("test", Kind::Choice(&TESTS), true),
    f("test_date", Kind::Date, true),
    f("listening", Kind::Number, true),
    f("reading", Kind::Number, true),
    f("writing", Kind::Number, true),
    f("speaking", Kind::Number, true),
];
pub const CREDENTIAL_FIELDS: [FieldDef; 5] = [
    f("level", Kind::Choice(&LEVELS), true),
    f("program_years", Kind::Number, false),
    f("completed_on", Kind::Date, false),
    f("in_canada", Kind::YesNo, false),
    f("eca", Kind::YesNo, false),
];
/// The applicant's own credentials: the contract's credential fields and, for one earned in
/// Canada, when its program started and whether it was full time. A Canadian credential is
/// also a period of study (work while studying full time does not count for CEC: IRPR
/// s.87.1(3)(b)), so the wizard asks for it once, here, and builds the profile's
/// `study_periods` entry from it (issue 12: the college program was asked on two steps).
/// `studied_*` are the wizard's own names ([`is_wizard_only`]), never sent as credential keys.
pub const OWN_CREDENTIAL_FIELDS: [FieldDef; 7] = [
    CREDENTIAL_FIELDS[0],
    CREDENTIAL_FIELDS[1],
    CREDENTIAL_FIELDS[3],
    f("studied_from", Kind::Date, false),
    CREDENTIAL_FIELDS[2],
    f("studied_full_time", Kind::YesNo, false),
    CREDENTIAL_FIELDS[4],
];
/// Fields of a list entry that the wizard asks but the contract's entry does not hold.
pub fn is_wizard_only(key: &str) -> bool {
    key.starts_with("studied_")
}
/// Asked only for a credential earned in Canada (hidden by CSS when "no" is checked).
pub fn only_in_canada(key: &str) -> bool {
    is_wizard_only(key)
}
pub const JOB_FIELDS: [FieldDef; 10] = [
    f("title", Kind::Text, false),
    f("noc", Kind::Noc, true),
    f("country", Kind::Country, false),
    f("province", Kind::Choice(&PROVINCES), false),
    f("start", Kind::Date, true),
    f("end", Kind::Date, false),
    f("hours_per_week", Kind::Number, true),
    f("kind", Kind::Choice(&JOB_KINDS), false),
    f("authorized", Kind::YesNo, false),
    // Only for a self-employed physician (NOC 31100–31102): publicly funded services count
    // as Canadian work experience for CEC (canada.ca CEC page; issue 9, item 5).
    f("publicly_funded", Kind::YesNo, false),
];
/// A temporary resident document held in Canada (the profile's `permits`): work in Canada
/// counts only on the days a listed permit that allows work covers (issue 11).
pub const PERMIT_FIELDS: [FieldDef; 3] = [
    f("kind", Kind::Choice(&PERMIT_KINDS), true),
    f("start", Kind::Date, false),
    f("end", Kind::Date, true),
];
pub const STUDY_FIELDS: [FieldDef; 4] = [
    f("start", Kind::Date, true),
    f("end", Kind::Date, true),
    f("full_time", Kind::YesNo, false),
    f("in_canada", Kind::YesNo, false),
];
pub const SPOUSE_FIELDS: [FieldDef; 2] = [
    f("spouse.accompanying", Kind::YesNo, false),
    f("spouse.canadian_citizen_or_pr", Kind::YesNo, false),
];
/// `relative_in_canada` decides FSW's adaptability item (IRPR s.83(5)); `sibling_in_canada`
/// implies it, so it is asked as well only to say "no relative" (issue 9, item 8).
pub const FAMILY_FIELDS: [FieldDef; 2] = [
    f("sibling_in_canada", Kind::YesNo, false),
    f("relative_in_canada", Kind::YesNo, false),
];
pub const PLANS: [FieldDef; 4] = [
    // Asked as the CEC requirement it is (plan to live outside Quebec, IRPR s.87.1(2)(c)).
    f("intended_province", Kind::Choice(&PROVINCES), true),
    f("provincial_nomination", Kind::YesNo, false),
    f("settlement_funds_cad", Kind::Number, false),
    f("family_size", Kind::Number, false),
];
/// A job offer (`job_offer.*`); the title only helps find the NOC code and is not sent.
pub const OFFER_FIELDS: [FieldDef; 6] = [
    f("job_offer.title", Kind::Text, false),
    f("job_offer.noc", Kind::Noc, true),
    // Required once an offer is entered: the contract defaults them to "yes",
    // and an unanswered question must not make an offer qualify.
    f("job_offer.full_time", Kind::YesNo, true),
    f("job_offer.non_seasonal", Kind::YesNo, true),
    f("job_offer.at_least_one_year", Kind::YesNo, true),
    f("job_offer.lmia_or_exempt", Kind::YesNo, true),
];
/// A certificate of qualification (`certificate_of_qualification.*`); title as above.
pub const COQ_FIELDS: [FieldDef; 3] = [
    f("certificate_of_qualification.title", Kind::Text, false),
    f("certificate_of_qualification.noc", Kind::Noc, true),
    f(
        "certificate_of_qualification.province",
        Kind::Choice(&PROVINCES),
        false,
    ),
];
/// Optional objects of the profile: their contract key and fields. All fields empty = absent.
pub const GROUPS: [(&str, &[FieldDef]); 2] = [
    ("job_offer", &OFFER_FIELDS),
    ("certificate_of_qualification", &COQ_FIELDS),
];
/// The plans step, in page order.
const PLANS_STEP: [FieldDef; 13] = [
    PLANS[0],
    PLANS[1],
    OFFER_FIELDS[0],
    OFFER_FIELDS[1],
    OFFER_FIELDS[2],
    OFFER_FIELDS[3],
    OFFER_FIELDS[4],
    OFFER_FIELDS[5],
    COQ_FIELDS[0],
    COQ_FIELDS[1],
    COQ_FIELDS[2],
    PLANS[2],
    PLANS[3],
];

/// A repeatable list: its contract path and its entry fields.
#[derive(Debug, Clone, Copy)]
pub struct ListDef {
    pub path: &'static str,
    pub fields: &'static [FieldDef],
    /// Fluent stem for labels (`wiz-job-title` …).
    pub stem: &'static str,
}

pub const LIST_TESTS: ListDef = ListDef {
    path: "language_tests",
    fields: &TEST_FIELDS,
    stem: "wiz-test",
};
pub const LIST_EDUCATION: ListDef = ListDef {
    path: "education",
    fields: &OWN_CREDENTIAL_FIELDS,
    stem: "wiz-cred",
};
pub const LIST_JOBS: ListDef = ListDef {
    path: "work_history",
    fields: &JOB_FIELDS,
    stem: "wiz-job",
};
pub const LIST_PERMITS: ListDef = ListDef {
    path: "permits",
    fields: &PERMIT_FIELDS,
    stem: "wiz-permit",
};
pub const LIST_STUDY: ListDef = ListDef {
    path: "study_periods",
    fields: &STUDY_FIELDS,
    stem: "wiz-study",
};
pub const LIST_SPOUSE_EDUCATION: ListDef = ListDef {
    path: "spouse.education",
    fields: &CREDENTIAL_FIELDS,
    stem: "wiz-cred",
};
pub const LIST_SPOUSE_JOBS: ListDef = ListDef {
    path: "spouse.work_history",
    fields: &JOB_FIELDS,
    stem: "wiz-job",
};
pub const LIST_SPOUSE_TESTS: ListDef = ListDef {
    path: "spouse.language_tests",
    fields: &TEST_FIELDS,
    stem: "wiz-test",
};

/// What a step holds: top-level fields and lists.
pub fn step_parts(step: &str) -> (&'static [FieldDef], Vec<ListDef>) {
    match step {
        "about" => (&ABOUT, vec![]),
        "language" => (&[], vec![LIST_TESTS]),
        "education" => (&[], vec![LIST_EDUCATION]),
        "work" => (&[], vec![LIST_PERMITS, LIST_JOBS]),
        "study" => (&[], vec![LIST_STUDY]),
        "family" => (
            &FAMILY_FIELDS_AND_SPOUSE,
            vec![LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS],
        ),
        "plans" => (&PLANS_STEP, vec![]),
        _ => (&[], vec![]),
    }
}

const FAMILY_FIELDS_AND_SPOUSE: [FieldDef; 4] = [
    SPOUSE_FIELDS[0],
    SPOUSE_FIELDS[1],
    FAMILY_FIELDS[0],
    FAMILY_FIELDS[1],
];

/// The step a contract path belongs to (for placing a rules-engine error).
pub fn step_of(path: &str) -> &'static str {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "date_of_birth" | "marital_status" | "first_official_language" | "as_of" | "" => "about",
        "language_tests" => "language",
        "education" => "education",
        "work_history" | "permits" => "work",
        "study_periods" => "study",
        "spouse" | "sibling_in_canada" | "relative_in_canada" => "family",
        _ => "plans",
    }
}

/// The count key of a list in the draft.
pub fn count_key(list: &str) -> String {
    format!("_n.{list}")
}

/// How many entries a list has in the draft.
pub fn count(d: &Draft, list: &str) -> usize {
    d.get(&count_key(list))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(0)
        .min(MAX_ENTRIES)
}

pub fn entry_key(list: &str, i: usize, field: &str) -> String {
    format!("{list}[{i}].{field}")
}

/// Decode the hidden state; anything unreadable is an empty draft.
pub fn decode(state: &str) -> Draft {
    if state.is_empty() {
        return Draft::new();
    }
    security::unpack(state, DRAFT_MAX)
        .and_then(|b| serde_json::from_slice::<Draft>(&b).ok())
        .unwrap_or_default()
}

pub fn encode(d: &Draft) -> String {
    match serde_json::to_vec(d) {
        Ok(bytes) => security::pack(&bytes),
        Err(_) => String::new(),
    }
}

/// The definition of `name` if this step accepts it (top-level, or an entry field of a list).
fn field_def(step: &str, name: &str) -> Option<&'static FieldDef> {
    let (fields, lists) = step_parts(step);
    if let Some(fd) = fields.iter().find(|f| f.key == name) {
        return Some(fd);
    }
    lists.into_iter().find_map(|l| {
        let (i, field) = name
            .strip_prefix(l.path)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.split_once("]."))?;
        if i.parse::<usize>().is_ok_and(|i| i < MAX_ENTRIES) {
            l.fields.iter().find(|f| f.key == field)
        } else {
            None
        }
    })
}

/// Replace the step's part of the draft with what the form sent.
pub fn merge_step(lang: Lang, d: &mut Draft, step: &str, form: &BTreeMap<String, String>) {
    let (fields, lists) = step_parts(step);
    for fd in fields {
        d.remove(fd.key);
    }
    for l in &lists {
        let prefix = format!("{}[", l.path);
        d.retain(|k, _| !k.starts_with(&prefix));
        let n = form
            .get(&count_key(l.path))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
            .min(MAX_ENTRIES);
        d.insert(count_key(l.path), n.to_string());
    }
    for (k, v) in form {
        if let Some(fd) = field_def(step, k) {
            let v: String = v.chars().take(200).collect();
            let mut v = v.trim().to_string();
            // "12,000" means twelve thousand in English and twelve in French: settled here,
            // where the language is known, so the draft reads the same in both.
            if fd.kind == Kind::Number && lang == Lang::En && is_english_thousands(&v) {
                v.retain(|c| c != ',');
            }
            if !v.is_empty() {
                d.insert(k.clone(), v);
            }
        }
    }
}

/// Add an empty entry to a list.
pub fn add_entry(d: &mut Draft, list: &str) -> usize {
    let n = count(d, list);
    let new = (n + 1).min(MAX_ENTRIES);
    d.insert(count_key(list), new.to_string());
    n.min(MAX_ENTRIES - 1)
}

/// Remove entry `i` of a list, shifting the ones after it.
pub fn remove_entry(d: &mut Draft, list: &str, i: usize) {
    let n = count(d, list);
    if i >= n {
        return;
    }
    let prefix = format!("{list}[");
    let old: Vec<(String, String)> = d
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    d.retain(|k, _| !k.starts_with(&prefix));
    for (k, v) in old {
        let rest = &k[prefix.len()..];
        if let Some((idx, field)) = rest.split_once("].")
            && let Ok(idx) = idx.parse::<usize>()
        {
            if idx == i {
                continue;
            }
            let j = if idx > i { idx - 1 } else { idx };
            d.insert(entry_key(list, j, field), v);
        }
    }
    d.insert(count_key(list), (n - 1).to_string());
}

/// Whether every field of entry `i` is empty (such entries are ignored).
pub fn entry_is_blank(d: &Draft, l: &ListDef, i: usize) -> bool {
    l.fields.iter().all(|fd| {
        d.get(&entry_key(l.path, i, fd.key))
            .is_none_or(|v| v.is_empty())
    })
}

/// A number as people type it in either language: spaces (also no-break and narrow no-break,
/// as French writes them) group digits ("12 000"); a comma is the decimal mark ("7,5") unless
/// a point is there too ("12,000.50"). English "12,000" is settled in [`merge_step`].
pub fn number(v: &str) -> Option<f64> {
    let t: String = v
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let t = if t.contains('.') {
        t.replace(',', "")
    } else {
        t.replace(',', ".")
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// `12,000` or `1,250,000`: digits grouped by commas, English style.
fn is_english_thousands(v: &str) -> bool {
    let mut groups = v.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

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

/// Every list of the wizard.
const ALL_LISTS: [ListDef; 8] = [
    LIST_TESTS,
    LIST_EDUCATION,
    LIST_PERMITS,
    LIST_JOBS,
    LIST_STUDY,
    LIST_SPOUSE_EDUCATION,
    LIST_SPOUSE_TESTS,
    LIST_SPOUSE_JOBS,
];

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

/// Whether every field of an optional object is empty (then it is left out).
pub fn group_is_blank(d: &Draft, fields: &[FieldDef]) -> bool {
    fields
        .iter()
        .all(|fd| d.get(fd.key).is_none_or(|v| v.is_empty()))
}

/// Married or common-law: the spouse questions apply.
pub fn has_partner(d: &Draft) -> bool {
    matches!(
        d.get("marital_status").map(String::as_str),
        Some("married" | "common_law")
    )
}

fn typed(fd: &FieldDef, v: &str) -> Value {
    match fd.kind {
        Kind::Number => number(v)
            .and_then(|x| {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    Some(json!(x as i64))
                } else {
                    serde_json::Number::from_f64(x).map(Value::Number)
                }
            })
            .unwrap_or_else(|| json!(v)),
        Kind::YesNo => json!(v == "yes"),
        Kind::Country => json!(v.to_ascii_uppercase()),
        _ => json!(v),
    }
}

fn entries(d: &Draft, l: &ListDef) -> Vec<Value> {
    let mut out = Vec::new();
    for i in 0..count(d, l.path) {
        if entry_is_blank(d, l, i) {
            continue;
        }
        let mut obj = Map::new();
        for fd in l.fields.iter().filter(|fd| !is_wizard_only(fd.key)) {
            if let Some(v) = d
                .get(&entry_key(l.path, i, fd.key))
                .filter(|v| !v.is_empty())
            {
                obj.insert(fd.key.to_string(), typed(fd, v));
            }
        }
        out.push(Value::Object(obj));
    }
    out
}

/// Build the profile JSON (contract names) from the draft. Blank entries are skipped, so
/// list indexes in the profile can differ from the draft's; [`profile_index_map`] maps back.
pub fn to_profile(d: &Draft) -> Value {
    let mut p = Map::new();
    for fd in ABOUT.iter().chain(PLANS.iter()).chain(FAMILY_FIELDS.iter()) {
        if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
            p.insert(fd.key.to_string(), typed(fd, v));
        }
    }
    for l in [
        LIST_TESTS,
        LIST_EDUCATION,
        LIST_PERMITS,
        LIST_JOBS,
        LIST_STUDY,
    ] {
        let mut list = entries(d, &l);
        if l.path == LIST_STUDY.path {
            // The Canadian credentials' periods first (draft_path counts on this order).
            let mut counted: Vec<Value> = credential_study(d).into_iter().map(|(_, v)| v).collect();
            counted.append(&mut list);
            list = counted;
        }
        if !list.is_empty() {
            p.insert(l.path.to_string(), Value::Array(list));
        }
    }
    for (group, fields) in GROUPS {
        if group_is_blank(d, fields) {
            continue;
        }
        let mut obj = Map::new();
        for fd in fields {
            let Some(key) = fd.key.strip_prefix(group).and_then(|k| k.strip_prefix('.')) else {
                continue;
            };
            if key == "title" {
                continue;
            }
            if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
                obj.insert(key.to_string(), typed(fd, v));
            }
        }
        p.insert(group.to_string(), Value::Object(obj));
    }
    if has_partner(d) {
        let mut s = Map::new();
        for fd in SPOUSE_FIELDS {
            if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
                let key = fd.key.trim_start_matches("spouse.");
                s.insert(key.to_string(), typed(&fd, v));
            }
        }
        for l in [LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS] {
            let list = entries(d, &l);
            if !list.is_empty() {
                let key = l.path.trim_start_matches("spouse.");
                s.insert(key.to_string(), Value::Array(list));
            }
        }
        p.insert("spouse".to_string(), Value::Object(s));
    }
    Value::Object(p)
}

/// The periods of study the applicant's Canadian credentials stand for, in the order of the
/// draft: (the credential's draft index, the `study_periods` entry). A credential without
/// both dates gives none (its step asks for them).
pub fn credential_study(d: &Draft) -> Vec<(usize, Value)> {
    (0..count(d, LIST_EDUCATION.path))
        .filter(|&i| !entry_is_blank(d, &LIST_EDUCATION, i))
        .filter_map(|i| {
            let get = |k: &str| {
                d.get(&entry_key(LIST_EDUCATION.path, i, k))
                    .filter(|v| !v.is_empty())
            };
            if get("in_canada").map(String::as_str) != Some("yes") {
                return None;
            }
            let (start, end) = (get("studied_from")?, get("completed_on")?);
            // Unanswered counts as full time, the contract's default (and the careful one:
            // work during full-time study is left out of CEC's hours).
            let full_time = get("studied_full_time").is_none_or(|v| v != "no");
            Some((
                i,
                json!({ "start": start, "end": end, "full_time": full_time, "in_canada": true }),
            ))
        })
        .collect()
}

/// Map a profile error path back to the draft's input name (blank entries were skipped).
pub fn draft_path(d: &Draft, profile_path: &str) -> String {
    // The first study periods come from the Canadian credentials (see to_profile).
    if let Some(rest) = profile_path.strip_prefix("study_periods[")
        && let Some((idx, tail)) = rest.split_once(']')
        && let Ok(k) = idx.parse::<usize>()
    {
        let counted = credential_study(d);
        if let Some((i, _)) = counted.get(k) {
            let field = if tail == ".end" {
                "completed_on"
            } else {
                "studied_from"
            };
            return entry_key(LIST_EDUCATION.path, *i, field);
        }
        let own = format!("study_periods[{}]{tail}", k - counted.len());
        return draft_path_in_lists(d, &own);
    }
    draft_path_in_lists(d, profile_path)
}

fn draft_path_in_lists(d: &Draft, profile_path: &str) -> String {
    for l in ALL_LISTS {
        if let Some(rest) = profile_path
            .strip_prefix(l.path)
            .and_then(|r| r.strip_prefix('['))
            && let Some((idx, tail)) = rest.split_once(']')
            && let Ok(k) = idx.parse::<usize>()
        {
            let mut seen = 0;
            for i in 0..count(d, l.path) {
                if entry_is_blank(d, &l, i) {
                    continue;
                }
                if seen == k {
                    return format!("{}[{i}]{tail}", l.path);
                }
                seen += 1;
            }
        }
    }
    profile_path.to_string()
}

/// The profile without the study periods that belong to a Canadian credential (the in-Canada
/// period ending on its completion day), and for each such credential index its start and
/// whether it was full time.
fn attach_study_to_credentials(p: &Value) -> (Value, Vec<(usize, String, bool)>) {
    let mut p = p.clone();
    let credentials: Vec<(usize, String)> = p
        .get("education")
        .and_then(Value::as_array)
        .map(|c| {
            c.iter()
                .take(MAX_ENTRIES)
                .enumerate()
                .filter(|(_, c)| c.get("in_canada").and_then(Value::as_bool) == Some(true))
                .filter_map(|(i, c)| Some((i, c.get("completed_on")?.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let mut counted = Vec::new();
    if let Some(periods) = p.get_mut("study_periods").and_then(Value::as_array_mut) {
        for (i, completed) in credentials {
            let found = periods.iter().position(|s| {
                s.get("end").and_then(Value::as_str) == Some(completed.as_str())
                    && s.get("in_canada").and_then(Value::as_bool) != Some(false)
            });
            if let Some(k) = found
                && let Some(start) = periods[k].get("start").and_then(Value::as_str)
            {
                let full_time = periods[k].get("full_time").and_then(Value::as_bool) != Some(false);
                counted.push((i, start.to_string(), full_time));
                periods.remove(k);
            }
        }
    }
    (p, counted)
}

/// The draft that edits an existing profile (for "change your answers").
pub fn from_profile(p: &Value) -> Draft {
    let mut d = Draft::new();
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
            _ => None,
        }
    };
    for fd in ABOUT.iter().chain(PLANS.iter()).chain(FAMILY_FIELDS.iter()) {
        if let Some(v) = p.get(fd.key).and_then(text) {
            d.insert(fd.key.to_string(), v);
        }
    }
    for (group, fields) in GROUPS {
        if let Some(obj) = p.get(group).filter(|o| o.is_object()) {
            for fd in fields {
                if let Some(v) = fd
                    .key
                    .strip_prefix(group)
                    .and_then(|k| k.strip_prefix('.'))
                    .and_then(|k| obj.get(k))
                    .and_then(text)
                {
                    d.insert(fd.key.to_string(), v);
                }
            }
        }
    }
    let lists = |d: &mut Draft, obj: &Value, l: &ListDef, key: &str| {
        if let Some(items) = obj.get(key).and_then(Value::as_array) {
            let n = items.len().min(MAX_ENTRIES);
            d.insert(count_key(l.path), n.to_string());
            for (i, item) in items.iter().take(n).enumerate() {
                for fd in l.fields {
                    if let Some(v) = item.get(fd.key).and_then(text) {
                        d.insert(entry_key(l.path, i, fd.key), v);
                    }
                }
            }
        }
    };
    // A study period that ends on the day a Canadian credential was completed is that
    // credential's program: it goes back beside the credential (see OWN_CREDENTIAL_FIELDS).
    let (p, counted) = attach_study_to_credentials(p);
    for l in [
        LIST_TESTS,
        LIST_EDUCATION,
        LIST_PERMITS,
        LIST_JOBS,
        LIST_STUDY,
    ] {
        lists(&mut d, &p, &l, l.path);
    }
    for (i, start, full_time) in counted {
        d.insert(entry_key(LIST_EDUCATION.path, i, "studied_from"), start);
        d.insert(
            entry_key(LIST_EDUCATION.path, i, "studied_full_time"),
            if full_time { "yes" } else { "no" }.to_string(),
        );
    }
    if let Some(s) = p.get("spouse").filter(|s| s.is_object()) {
        for l in [LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS] {
            lists(&mut d, s, &l, l.path.trim_start_matches("spouse."));
        }
        for fd in SPOUSE_FIELDS {
            if let Some(v) = s.get(fd.key.trim_start_matches("spouse.")).and_then(text) {
                d.insert(fd.key.to_string(), v);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn merge_keeps_only_known_fields_of_the_step() {
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "work",
            &form(&[
                ("_n.work_history", "2"),
                ("work_history[0].noc", "21232"),
                ("work_history[1].start", "2024-01-01"),
                ("work_history[0].evil", "x"),
                ("date_of_birth", "1990-01-01"),
            ]),
        );
        assert_eq!(d.get("work_history[0].noc").unwrap(), "21232");
        assert!(!d.contains_key("work_history[0].evil"));
        assert!(!d.contains_key("date_of_birth"));
        assert_eq!(count(&d, "work_history"), 2);
    }

    /// Issue 12: a program completed in Canada is asked once, on the Education step, and is
    /// the profile's study period; editing the profile puts it back beside its credential.
    #[test]
    fn a_canadian_credential_is_its_period_of_study() {
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "education",
            &form(&[
                ("_n.education", "2"),
                ("education[0].level", "bachelors"),
                ("education[0].in_canada", "yes"),
                ("education[0].studied_from", "2019-09-03"),
                ("education[0].completed_on", "2023-04-28"),
                ("education[0].studied_full_time", "yes"),
                ("education[1].level", "masters"),
                ("education[1].in_canada", "no"),
                ("education[1].studied_from", "2010-01-01"),
                ("education[1].completed_on", "2012-01-01"),
            ]),
        );
        merge_step(
            Lang::En,
            &mut d,
            "study",
            &form(&[
                ("_n.study_periods", "1"),
                ("study_periods[0].start", "2024-01-08"),
                ("study_periods[0].end", "2024-04-30"),
                ("study_periods[0].full_time", "no"),
                ("study_periods[0].in_canada", "yes"),
            ]),
        );
        let p = to_profile(&d);
        // The wizard's own names are never credential keys.
        assert!(p["education"][0].get("studied_from").is_none());
        assert_eq!(
            p["study_periods"],
            json!([
                { "start": "2019-09-03", "end": "2023-04-28", "full_time": true, "in_canada": true },
                { "start": "2024-01-08", "end": "2024-04-30", "full_time": false, "in_canada": true },
            ])
        );
        // An engine error on either period lands on the field that holds it.
        assert_eq!(
            draft_path(&d, "study_periods[0].start"),
            "education[0].studied_from"
        );
        assert_eq!(
            draft_path(&d, "study_periods[0].end"),
            "education[0].completed_on"
        );
        assert_eq!(
            draft_path(&d, "study_periods[1].end"),
            "study_periods[0].end"
        );
        // Back to a draft: the period sits beside its credential, the other stays a period.
        let back = from_profile(&p);
        assert_eq!(back.get("education[0].studied_from").unwrap(), "2019-09-03");
        assert_eq!(back.get("education[0].studied_full_time").unwrap(), "yes");
        assert_eq!(count(&back, "study_periods"), 1);
        assert_eq!(back.get("study_periods[0].start").unwrap(), "2024-01-08");
        assert_eq!(to_profile(&back), p);
    }

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

    /// Issue 12: French number input ("12 000", "7,5") and English grouping ("12,000").
    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(number("7,5"), Some(7.5));
        assert_eq!(number("12 000"), Some(12000.0));
        assert_eq!(number("12\u{202f}000,50"), Some(12000.5));
        assert_eq!(number("12,000.50"), Some(12000.5));
        assert_eq!(number("abc"), None);
        assert_eq!(number("inf"), None);
        let mut en = Draft::new();
        let funds = form(&[("settlement_funds_cad", "12,000")]);
        merge_step(Lang::En, &mut en, "plans", &funds);
        assert_eq!(to_profile(&en)["settlement_funds_cad"], 12000);
        let mut fr = Draft::new();
        merge_step(
            Lang::Fr,
            &mut fr,
            "plans",
            &form(&[("settlement_funds_cad", "12 000")]),
        );
        assert_eq!(to_profile(&fr)["settlement_funds_cad"], 12000);
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

    #[test]
    fn remove_shifts_entries() {
        let mut d = Draft::new();
        d.insert(count_key("work_history"), "3".into());
        for i in 0..3 {
            d.insert(entry_key("work_history", i, "noc"), format!("1111{i}"));
        }
        remove_entry(&mut d, "work_history", 1);
        assert_eq!(count(&d, "work_history"), 2);
        assert_eq!(d.get("work_history[0].noc").unwrap(), "11110");
        assert_eq!(d.get("work_history[1].noc").unwrap(), "11112");
    }

    #[test]
    fn profile_round_trip_and_blank_entries() {
        let mut d = Draft::new();
        d.insert("date_of_birth".into(), "1995-05-05".into());
        d.insert("marital_status".into(), "married".into());
        d.insert(count_key("work_history"), "2".into());
        d.insert(entry_key("work_history", 1, "noc"), "21232".into());
        d.insert(
            entry_key("work_history", 1, "hours_per_week"),
            "37.5".into(),
        );
        d.insert(entry_key("work_history", 1, "authorized"), "yes".into());
        d.insert("spouse.accompanying".into(), "no".into());
        let p = to_profile(&d);
        assert_eq!(p["work_history"][0]["noc"], "21232");
        assert_eq!(p["work_history"][0]["hours_per_week"], 37.5);
        assert_eq!(p["work_history"][0]["authorized"], true);
        assert_eq!(p["spouse"]["accompanying"], false);
        assert_eq!(
            draft_path(&d, "work_history[0].hours_per_week"),
            "work_history[1].hours_per_week"
        );
        let back = from_profile(&p);
        assert_eq!(back.get("work_history[0].noc").unwrap(), "21232");
        assert_eq!(back.get("spouse.accompanying").unwrap(), "no");
        assert!(!encode(&back).is_empty());
        assert_eq!(decode(&encode(&back)), back);
    }

    /// Issue 9 item 8: the family step asks `relative_in_canada` (FSW adaptability), and
    /// a physician's job asks `publicly_funded` (issue 9 item 5); both reach the profile.
    #[test]
    fn relative_and_publicly_funded_reach_the_profile() {
        let (fields, _) = step_parts("family");
        assert!(fields.iter().any(|f| f.key == "relative_in_canada"));
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "family",
            &form(&[("relative_in_canada", "no"), ("sibling_in_canada", "no")]),
        );
        merge_step(
            Lang::En,
            &mut d,
            "work",
            &form(&[
                ("_n.work_history", "1"),
                ("work_history[0].noc", "31102"),
                ("work_history[0].publicly_funded", "yes"),
            ]),
        );
        let p = to_profile(&d);
        assert_eq!(p["relative_in_canada"], false);
        assert_eq!(p["work_history"][0]["publicly_funded"], true);
        let back = from_profile(&p);
        assert_eq!(back.get("relative_in_canada").unwrap(), "no");
        assert_eq!(back.get("work_history[0].publicly_funded").unwrap(), "yes");
        assert_eq!(step_of("relative_in_canada"), "family");
    }

    #[test]
    fn steps_own_paths() {
        assert_eq!(step_of("work_history[3].noc"), "work");
        assert_eq!(step_of("spouse.language_tests[0].reading"), "family");
        assert_eq!(step_of("date_of_birth"), "about");
        assert_eq!(step_of("intended_province"), "plans");
        assert_eq!(step_of("family_size"), "plans");
        assert_eq!(step_of("job_offer.noc"), "plans");
        assert_eq!(step_of("spouse.work_history[0].end"), "family");
    }

    #[test]
    fn offer_certificate_and_spouse_jobs_map_to_the_contract() {
        let mut d = Draft::new();
        d.insert("marital_status".into(), "married".into());
        d.insert("job_offer.title".into(), "Carpenter".into());
        d.insert("job_offer.noc".into(), "72310".into());
        d.insert("job_offer.full_time".into(), "no".into());
        d.insert("family_size".into(), "3".into());
        d.insert(count_key("spouse.work_history"), "2".into());
        d.insert(entry_key("spouse.work_history", 1, "noc"), "21231".into());
        let p = to_profile(&d);
        assert_eq!(p["job_offer"], json!({"noc": "72310", "full_time": false}));
        assert!(
            p.get("certificate_of_qualification").is_none(),
            "blank group left out"
        );
        assert_eq!(p["family_size"], 3);
        assert_eq!(p["spouse"]["work_history"][0]["noc"], "21231");
        assert_eq!(
            draft_path(&d, "spouse.work_history[0].noc"),
            "spouse.work_history[1].noc"
        );
        let back = from_profile(&p);
        assert_eq!(back.get("job_offer.noc").unwrap(), "72310");
        assert_eq!(back.get("job_offer.full_time").unwrap(), "no");
        assert_eq!(back.get("spouse.work_history[0].noc").unwrap(), "21231");
        assert_eq!(back.get("family_size").unwrap(), "3");
    }
}
