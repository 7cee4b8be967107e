//! The applicant's own answers, read from the profile attached to a question, as short rows
//! (label, value) for a compact table on the detail page: date of birth, family, education,
//! language tests, jobs, where they plan to live. Codes are shown as the person chose them
//! (`ielts_general`, NOC `13110`); dates in words; anything missing is left out.

use crate::i18n::Messages as _;
use serde_json::Value;

use crate::i18n::Lang;

/// One row of the answers table.
pub struct Answer {
    pub label: String,
    pub value: String,
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "✓" } else { "✗" }.to_string()),
        _ => None,
    }
}

/// A contract code in words (`two_year` → "Two-year post-secondary program", `BC` → "British
/// Columbia") from the wizard's and results' own labels (`{prefix}-{code}`); unknown codes as is.
fn coded(lang: Lang, prefix: &str, v: Option<&Value>) -> Option<String> {
    let code = text(v)?;
    let key = format!("{prefix}-{code}");
    Some(if lang.has(&key) { lang.t(&key) } else { code })
}

fn date(lang: Lang, v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(|d| lang.date_str(d))
}

fn yes_no(lang: Lang, v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_bool)
        .map(|b| lang.t(if b { "staff-ans-yes" } else { "staff-ans-no" }))
}

fn join(parts: Vec<Option<String>>) -> String {
    parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

/// The rows for a profile (JSON text); empty when it cannot be read.
pub fn answers(lang: Lang, profile_json: &str) -> Vec<Answer> {
    let Ok(p) = serde_json::from_str::<Value>(profile_json) else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut push = |key: &str, value: String| {
        if !value.is_empty() {
            rows.push(Answer {
                label: lang.t(key),
                value,
            });
        }
    };
    push(
        "staff-ans-as-of",
        date(lang, p.get("as_of")).unwrap_or_default(),
    );
    push(
        "staff-ans-birth",
        date(lang, p.get("date_of_birth")).unwrap_or_default(),
    );
    let family = join(vec![
        coded(lang, "marital", p.get("marital_status")),
        p.get("spouse").filter(|s| s.is_object()).map(|s| {
            join(vec![
                Some(lang.t("staff-ans-spouse")),
                yes_no(lang, s.get("accompanying"))
                    .map(|y| format!("{} {y}", lang.t("staff-ans-accompanying"))),
            ])
        }),
        text(p.get("family_size")).map(|n| format!("{} {n}", lang.t("staff-ans-family-size"))),
    ]);
    push("staff-ans-family", family);
    for c in p
        .get("education")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        push(
            "staff-ans-education",
            join(vec![
                coded(lang, "edu", c.get("level")),
                text(c.get("program_years")).map(|y| lang.t1("staff-ans-years", "years", &y)),
                c.get("in_canada").and_then(Value::as_bool).map(|b| {
                    lang.t(if b {
                        "staff-ans-in-canada"
                    } else {
                        "staff-ans-abroad"
                    })
                }),
                date(lang, c.get("completed_on")),
                yes_no(lang, c.get("eca")).map(|y| format!("ECA {y}")),
            ]),
        );
    }
    for t in p
        .get("language_tests")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let scores = ["listening", "reading", "writing", "speaking"]
            .iter()
            .map(|k| text(t.get(*k)).unwrap_or_else(|| "–".into()))
            .collect::<Vec<_>>()
            .join(" / ");
        push(
            "staff-ans-test",
            join(vec![
                coded(lang, "test", t.get("test")),
                date(lang, t.get("test_date")),
                Some(format!("{} {scores}", lang.t("staff-ans-lrws"))),
            ]),
        );
    }
    for j in p
        .get("work_history")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let start = date(lang, j.get("start")).unwrap_or_else(|| "?".into());
        let end = date(lang, j.get("end")).unwrap_or_else(|| lang.t("staff-ans-ongoing"));
        push(
            "staff-ans-job",
            join(vec![
                text(j.get("noc")).map(|n| format!("NOC {n}")),
                text(j.get("title")),
                Some(
                    [
                        text(j.get("country")),
                        coded(lang, "prov", j.get("province")),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("/"),
                )
                .filter(|s| !s.is_empty()),
                Some(format!("{start} – {end}")),
                text(j.get("hours_per_week")).map(|h| lang.t1("staff-ans-hours", "hours", &h)),
                coded(lang, "jobkind", j.get("kind")),
            ]),
        );
    }
    push(
        "staff-ans-province",
        coded(lang, "prov", p.get("intended_province")).unwrap_or_default(),
    );
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_reads_as_rows() {
        let json = r#"{"as_of":"2026-09-30","date_of_birth":"1998-02-11","marital_status":"single",
            "language_tests":[{"test":"ielts_general","test_date":"2025-11-20","listening":7.5,"reading":6.5,"writing":6.5,"speaking":7.0}],
            "work_history":[{"noc":"13110","title":"Administrative assistant","country":"CA","province":"BC","start":"2025-07-14","end":null,"hours_per_week":37.5}],
            "intended_province":"BC"}"#;
        let rows = answers(Lang::En, json);
        let all: Vec<String> = rows
            .iter()
            .map(|a| format!("{}: {}", a.label, a.value))
            .collect();
        let all = all.join("\n");
        assert!(all.contains("February 11, 1998"), "{all}");
        assert!(all.contains("NOC 13110"), "{all}");
        assert!(all.contains("7.5 / 6.5 / 6.5 / 7.0"), "{all}");
        // Codes in words.
        assert!(all.contains("IELTS General Training"), "{all}");
        assert!(all.contains("British Columbia"), "{all}");
        assert!(!all.contains("ielts_general"), "{all}");
        assert!(answers(Lang::En, "not json").is_empty());
    }
}
