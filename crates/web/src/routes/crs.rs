//! The quick CRS calculator: the official tool's questions on one page (`GET /{lang}/crs`).
//! The form submits with GET, so a result can be bookmarked; field names are the
//! crs-answers contract's dotted paths, so the rules engine's errors land next to the field.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::{Errors, L, field_id};
use landed_rules::clb::Ability;
use landed_rules::language::{LanguageTest, TestKind, convert, score_scale};

use crate::form::{rules_error, urlencode};
use crate::i18n::Lang;
use crate::page::Page;
use crate::state::AppState;
use crate::views::{CrsView, crs_view};

pub const EDUCATION: [&str; 8] = [
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "bachelors",
    "two_or_more",
    "masters",
    "doctoral",
];
pub const CANADIAN_EDUCATION: [&str; 3] = ["none", "one_or_two_year", "three_year_or_longer"];
pub const JOB_OFFER: [&str; 3] = ["none", "major_group_00", "teer_0_1_2_3"];
pub const ABILITIES: [&str; 4] = ["listening", "reading", "writing", "speaking"];

#[derive(Template, WebTemplate)]
#[template(path = "crs.html")]
pub struct CrsPage {
    pub p: Page,
    pub v: BTreeMap<String, String>,
    pub errors: Errors,
    pub result: Option<CrsView>,
    pub education: Vec<(&'static str, String)>,
    pub canadian_education: Vec<(&'static str, String)>,
    pub job_offer: Vec<(&'static str, String)>,
    pub abilities: Vec<(&'static str, String)>,
    /// How abilities are given (CLB or a test's scores), per language block.
    pub language_input: Vec<(&'static str, String)>,
    /// Whether the job-offer question is asked (offers earn points on this day).
    pub show_job_offer: bool,
}

impl CrsPage {
    pub fn val(&self, name: &str) -> &str {
        self.v.get(name).map(String::as_str).unwrap_or("")
    }
    pub fn is(&self, name: &str, value: &str) -> bool {
        self.val(name) == value
    }
    pub fn id(&self, name: &str) -> String {
        field_id(name)
    }
    pub fn name2(&self, prefix: &str, ability: &str) -> String {
        format!("{prefix}.{ability}")
    }
}

fn options(lang: Lang, prefix: &str, keys: &[&'static str]) -> Vec<(&'static str, String)> {
    keys.iter()
        .map(|k| (*k, lang.t(&format!("{prefix}-{k}"))))
        .collect()
}

fn int_field(
    lang: Lang,
    v: &BTreeMap<String, String>,
    name: &str,
    min: i64,
    max: i64,
    required: bool,
    errors: &mut Errors,
) -> Option<i64> {
    let raw = v.get(name).map(|s| s.trim()).unwrap_or("");
    if raw.is_empty() {
        if required {
            errors.add(name, lang.t("err-required"));
        }
        return None;
    }
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.add(
                name,
                lang.ta(
                    "err-int-range",
                    &[
                        ("min", crate::i18n::Arg::Str(lang.int(min))),
                        ("max", crate::i18n::Arg::Str(lang.int(max))),
                    ],
                ),
            );
            None
        }
    }
}

fn choice<'a>(
    lang: Lang,
    v: &'a BTreeMap<String, String>,
    name: &str,
    allowed: &[&str],
    errors: &mut Errors,
) -> Option<&'a str> {
    match v.get(name).map(String::as_str) {
        Some(x) if allowed.contains(&x) => Some(x),
        _ => {
            errors.add(name, lang.t("err-choose"));
            None
        }
    }
}

/// How a language's four abilities are given: as CLB/NCLC levels, or as the scores of a test
/// (converted with the chart in force today, as a result taken today would be).
pub const LANGUAGE_INPUT: [&str; 6] = [
    "clb",
    "ielts_general",
    "celpip_general",
    "pte_core",
    "tef_canada",
    "tcf_canada",
];

fn language(
    lang: Lang,
    v: &BTreeMap<String, String>,
    prefix: &str,
    language: &str,
    required: bool,
    today: jiff::civil::Date,
    errors: &mut Errors,
) -> Option<Value> {
    let any = ABILITIES.iter().any(|a| {
        v.get(&format!("{prefix}.{a}"))
            .is_some_and(|s| !s.trim().is_empty())
    });
    if !any && !required {
        return None;
    }
    let mut obj = Map::new();
    obj.insert("language".into(), json!(language));
    let input = v
        .get(&format!("{prefix}.test"))
        .map(String::as_str)
        .unwrap_or("clb");
    let test = match input {
        "clb" => None,
        other => match serde_json::from_value::<TestKind>(json!(other)) {
            Ok(test) => Some(test),
            Err(_) => {
                errors.add(format!("{prefix}.test"), lang.t("err-choose"));
                return None;
            }
        },
    };
    let Some(test) = test else {
        for a in ABILITIES {
            let name = format!("{prefix}.{a}");
            if let Some(n) = int_field(lang, v, &name, 0, 12, true, errors) {
                obj.insert(a.into(), json!(n));
            }
        }
        return Some(Value::Object(obj));
    };
    // Scores of a test: each on its scale, then the four converted together.
    let mut scores = [0.0; 4];
    let mut ok = true;
    for (i, ability) in Ability::ALL.into_iter().enumerate() {
        let name = format!("{prefix}.{}", ability.as_str());
        let raw = v.get(&name).map(|s| s.trim()).unwrap_or("");
        let scale = score_scale(test, None, today, ability);
        match (crate::wizard::number(raw), scale) {
            _ if raw.is_empty() => {
                errors.add(&name, lang.t("err-required"));
                ok = false;
            }
            (Some(x), Some(scale)) if scale.accepts(x) => scores[i] = x,
            (_, Some(scale)) => {
                errors.add(&name, crate::wizard::score_message(lang, test, scale));
                ok = false;
            }
            (_, None) => {
                errors.add(&name, lang.t("err-invalid-value"));
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    let [listening, reading, writing, speaking] = scores;
    let converted = convert(&LanguageTest {
        test,
        test_date: today,
        listening,
        reading,
        writing,
        speaking,
        tef_scale: None,
    });
    match converted {
        Ok(c) => {
            for ability in Ability::ALL {
                obj.insert(
                    ability.as_str().into(),
                    json!(c.levels.get(ability).level()),
                );
            }
            Some(Value::Object(obj))
        }
        Err(e) => {
            let (field, message) = rules_error(lang, &e);
            errors.add(format!("{prefix}.{field}"), message);
            None
        }
    }
}

/// Whether a job offer earns CRS points on `day` (none from 2025-03-25): the quick calculator
/// asks only questions that can change its answer (issue 12).
pub fn job_offer_counts(day: jiff::civil::Date) -> bool {
    landed_rules::crs::rule_set_on(day).is_ok_and(|r| r.arranged_employment.iter().any(|p| *p > 0))
}

/// Turn the form into crs-answers JSON, with field errors for what is missing or malformed.
pub fn answers_from_form(
    lang: Lang,
    v: &BTreeMap<String, String>,
    today: jiff::civil::Date,
) -> Result<Value, Errors> {
    let mut e = Errors::default();
    let mut a = Map::new();
    a.insert("as_of".into(), json!(today.to_string()));
    if let Some(n) = int_field(lang, v, "age", 0, 120, true, &mut e) {
        a.insert("age".into(), json!(n));
    }
    if let Some(x) = choice(lang, v, "education", &EDUCATION, &mut e) {
        a.insert("education".into(), json!(x));
    }
    if let Some(x) = choice(lang, v, "canadian_education", &CANADIAN_EDUCATION, &mut e) {
        a.insert("canadian_education".into(), json!(x));
    }
    let first_lang = choice(
        lang,
        v,
        "first_language.language",
        &["english", "french"],
        &mut e,
    )
    .unwrap_or("english");
    if let Some(l) = language(lang, v, "first_language", first_lang, true, today, &mut e) {
        a.insert("first_language".into(), l);
    }
    let second = if first_lang == "english" {
        "french"
    } else {
        "english"
    };
    a.insert(
        "second_language".into(),
        language(lang, v, "second_language", second, false, today, &mut e).unwrap_or(Value::Null),
    );
    if let Some(n) = int_field(lang, v, "canadian_experience_years", 0, 5, true, &mut e) {
        a.insert("canadian_experience_years".into(), json!(n));
    }
    if let Some(n) = int_field(lang, v, "foreign_experience_years", 0, 3, true, &mut e) {
        a.insert("foreign_experience_years".into(), json!(n));
    }
    for flag in [
        "certificate_of_qualification",
        "provincial_nomination",
        "sibling_in_canada",
    ] {
        let yes = choice(lang, v, flag, &["yes", "no"], &mut e) == Some("yes");
        a.insert(flag.into(), json!(yes));
    }
    if !job_offer_counts(today) {
        a.insert("job_offer".into(), json!("none"));
    } else if let Some(x) = choice(lang, v, "job_offer", &JOB_OFFER, &mut e) {
        a.insert("job_offer".into(), json!(x));
    }
    let spouse = choice(lang, v, "has_spouse", &["yes", "no"], &mut e) == Some("yes");
    if spouse {
        let mut s = Map::new();
        if let Some(x) = choice(lang, v, "spouse.education", &EDUCATION, &mut e) {
            s.insert("education".into(), json!(x));
        }
        let sl = choice(
            lang,
            v,
            "spouse.first_language.language",
            &["english", "french"],
            &mut e,
        )
        .unwrap_or("english");
        s.insert(
            "first_language".into(),
            language(lang, v, "spouse.first_language", sl, false, today, &mut e)
                .unwrap_or(Value::Null),
        );
        if let Some(n) = int_field(
            lang,
            v,
            "spouse.canadian_experience_years",
            0,
            5,
            true,
            &mut e,
        ) {
            s.insert("canadian_experience_years".into(), json!(n));
        }
        a.insert("spouse".into(), Value::Object(s));
    } else {
        a.insert("spouse".into(), Value::Null);
    }
    if e.is_empty() {
        Ok(Value::Object(a))
    } else {
        Err(e)
    }
}

/// `GET /{lang}/crs[?…&calc=1]`.
pub async fn page(
    State(state): State<AppState>,
    L(lang): L,
    Query(v): Query<BTreeMap<String, String>>,
) -> Response {
    let mut v: BTreeMap<String, String> = v
        .into_iter()
        .map(|(k, val)| (k, val.chars().take(50).collect()))
        .collect();
    let calc = v.remove("calc").is_some();
    let mut errors = Errors::default();
    let mut result = None;
    if calc {
        match answers_from_form(lang, &v, state.today()) {
            Err(e) => errors = e,
            Ok(json) => {
                let scored = landed_rules::crs::parse_answers(&json.to_string())
                    .and_then(|a| landed_rules::crs::score_answers(&a, state.today()));
                match scored {
                    Ok(r) => result = Some(crs_view(lang, &r)),
                    Err(err) => {
                        let (field, message) = rules_error(lang, &err);
                        let field = if field.is_empty() {
                            "age".to_string()
                        } else {
                            field
                        };
                        errors.add(field, message);
                    }
                }
            }
        }
    } else {
        for (k, d) in [
            ("first_language.language", "english"),
            ("canadian_education", "none"),
            ("job_offer", "none"),
            ("certificate_of_qualification", "no"),
            ("provincial_nomination", "no"),
            ("sibling_in_canada", "no"),
            ("has_spouse", "no"),
            ("foreign_experience_years", "0"),
            ("canadian_experience_years", "0"),
            ("spouse.first_language.language", "english"),
            ("spouse.canadian_experience_years", "0"),
        ] {
            v.entry(k.to_string()).or_insert_with(|| d.to_string());
        }
    }
    let query = serde_urlencoded_like(&v, calc);
    let mut p = Page::public(lang, "crs", "crs-title", "crs");
    if !query.is_empty() {
        p.alt_href = format!("/{}/crs?{query}", lang.other().code());
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = CrsPage {
        p,
        errors,
        result,
        education: options(lang, "edu", &EDUCATION),
        canadian_education: options(lang, "canedu", &CANADIAN_EDUCATION),
        job_offer: options(lang, "joboffer", &JOB_OFFER),
        abilities: ABILITIES
            .iter()
            .map(|a| (*a, lang.t(&format!("ability-{a}"))))
            .collect(),
        language_input: LANGUAGE_INPUT
            .iter()
            .map(|k| {
                let label = if *k == "clb" {
                    lang.t("crs-input-clb")
                } else {
                    lang.t(&format!("test-{k}"))
                };
                (*k, label)
            })
            .collect(),
        show_job_offer: job_offer_counts(state.today()),
        v,
    };
    (status, page).into_response()
}

fn serde_urlencoded_like(v: &BTreeMap<String, String>, calc: bool) -> String {
    if !calc {
        return String::new();
    }
    let mut parts: Vec<String> = v
        .iter()
        .map(|(k, val)| format!("{}={}", urlencode(k), urlencode(val)))
        .collect();
    parts.push("calc=1".to_string());
    parts.join("&")
}
