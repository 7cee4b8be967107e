//! View models for an assessment and a CRS result, built from their JSON form (the public
//! contract), so the pages render whatever requirements, lines and facts the rules engine
//! returns: a checklist per program, the CRS total with a bar chart, and the derived facts.

use serde_json::Value;

use crate::i18n::Lang;

/// One requirement of a program.
#[derive(Debug, Clone)]
pub struct ReqView {
    pub id: String,
    pub title: String,
    /// `met`, `not_met` or `unknown`.
    pub status: String,
    pub status_label: String,
    pub detail: String,
    pub source_title: String,
    pub source_href: String,
}

/// One program's checklist.
#[derive(Debug, Clone)]
pub struct ProgramView {
    pub key: String,
    pub name: String,
    /// `eligible`, `not_eligible` or `unknown`.
    pub verdict: String,
    pub verdict_label: String,
    pub requirements: Vec<ReqView>,
}

/// One bar of the CRS chart (geometry precomputed for the SVG).
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub points: i64,
    pub max: i64,
    pub y: i64,
    pub text_y: i64,
    pub width: i64,
    pub max_width: i64,
    pub value_x: i64,
    pub value: String,
}

/// One CRS line, for the table.
#[derive(Debug, Clone)]
pub struct LineView {
    pub factor: String,
    pub label: String,
    pub points: String,
    pub max: String,
    pub basis: String,
    pub source: String,
    pub source_is_link: bool,
}

/// A CRS result ready to render.
#[derive(Debug, Clone)]
pub struct CrsView {
    pub total: String,
    pub total_n: i64,
    pub rule_set: String,
    pub subtotals: Vec<(String, String)>,
    pub lines: Vec<LineView>,
    pub bars: Vec<Bar>,
    pub chart_height: i64,
}

/// Hours counted in one window.
#[derive(Debug, Clone)]
pub struct WindowRow {
    pub label: String,
    pub window: String,
    pub hours: String,
    pub years: String,
}

/// A language test with its CLB/NCLC level per ability.
#[derive(Debug, Clone)]
pub struct TestRow {
    pub test: String,
    pub date: String,
    pub valid_until: String,
    pub status: String,
    pub levels: Vec<String>,
}

/// The derived facts worth showing: age, hours by window, levels by ability, education.
#[derive(Debug, Clone, Default)]
pub struct FactsView {
    pub age: String,
    pub windows: Vec<WindowRow>,
    pub excluded: Vec<String>,
    pub tests: Vec<TestRow>,
    pub education: String,
    pub canadian_education: String,
    pub reached_on: String,
}

impl FactsView {
    pub fn is_empty(&self) -> bool {
        self.age.is_empty() && self.windows.is_empty() && self.tests.is_empty()
    }
}

/// A whole assessment ready to render.
#[derive(Debug, Clone)]
pub struct ResultsView {
    pub as_of: String,
    pub programs: Vec<ProgramView>,
    pub crs: Option<CrsView>,
    pub facts: FactsView,
    /// General notes from the engine (English).
    pub notes: Vec<String>,
}

impl ResultsView {
    /// The CEC verdict (`eligible`, `not_eligible`, `unknown`).
    pub fn cec_verdict(&self) -> &str {
        self.programs
            .iter()
            .find(|p| p.key == "cec")
            .map(|p| p.verdict.as_str())
            .unwrap_or("unknown")
    }
}

/// Humanise an identifier: `hours_by_window` → `Hours by window`.
pub fn humanise(key: &str) -> String {
    let text = key.replace(['_', '.'], " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A Fluent message for `key` if it exists, else the humanised fallback.
fn label(lang: Lang, key: &str, fallback: &str) -> String {
    if lang.has(key) {
        lang.t(key)
    } else {
        humanise(fallback)
    }
}

fn str_of(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn int_of(v: &Value, key: &str) -> i64 {
    v.get(key)
        .and_then(|x| x.as_i64().or_else(|| x.as_f64().map(|f| f.round() as i64)))
        .unwrap_or(0)
}

fn status_label(lang: Lang, status: &str) -> String {
    match status {
        "met" => lang.t("res-status-met"),
        "not_met" => lang.t("res-status-not_met"),
        _ => lang.t("res-status-unknown"),
    }
}

/// Build the view of an assessment from its JSON.
pub fn assessment_view(lang: Lang, a: &Value) -> ResultsView {
    let as_of = lang.date_str(&str_of(a, "as_of"));
    let mut programs = Vec::new();
    for key in ["cec", "fsw", "fst"] {
        let Some(p) = a.get("programs").and_then(|ps| ps.get(key)) else {
            continue;
        };
        let verdict = match p.get("eligible") {
            Some(Value::Bool(true)) => "eligible",
            Some(Value::Bool(false)) => "not_eligible",
            _ => "unknown",
        };
        let requirements = p
            .get("requirements")
            .and_then(Value::as_array)
            .map(|reqs| {
                reqs.iter()
                    .map(|r| {
                        let id = str_of(r, "id");
                        let status = str_of(r, "status");
                        let source = r.get("source").cloned().unwrap_or(Value::Null);
                        ReqView {
                            title: label(
                                lang,
                                &format!("req-{}", id.replace('.', "-")),
                                id.rsplit('.').next().unwrap_or(&id),
                            ),
                            status_label: status_label(lang, &status),
                            detail: str_of(r, "detail"),
                            source_title: str_of(&source, "title"),
                            source_href: safe_href(&str_of(&source, "href")),
                            id,
                            status,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        programs.push(ProgramView {
            key: key.to_string(),
            name: lang.t(&format!("program-{key}")),
            verdict: verdict.to_string(),
            verdict_label: lang.t(&format!("res-verdict-{verdict}")),
            requirements,
        });
    }
    let crs = a
        .get("crs")
        .filter(|c| c.is_object())
        .map(|c| crs_view(lang, c));
    let facts = a
        .get("facts")
        .map(|f| facts_view(lang, f))
        .unwrap_or_default();
    let mut notes: Vec<String> = Vec::new();
    for n in [a.get("notes"), a.pointer("/programs/cec/notes")]
        .into_iter()
        .flatten()
    {
        if let Some(list) = n.as_array() {
            notes.extend(list.iter().filter_map(|x| x.as_str().map(str::to_string)));
        }
    }
    ResultsView {
        as_of,
        programs,
        crs,
        facts,
        notes,
    }
}

fn hours_text(lang: Lang, v: Option<&Value>) -> String {
    v.and_then(Value::as_f64)
        .map(|h| lang.int(h.floor() as i64))
        .unwrap_or_default()
}

/// The curated facts from an assessment's `facts` object.
pub fn facts_view(lang: Lang, f: &Value) -> FactsView {
    let mut out = FactsView {
        age: f
            .get("age")
            .and_then(Value::as_i64)
            .map(|a| lang.int(a))
            .unwrap_or_default(),
        ..FactsView::default()
    };
    for (key, msg) in [
        ("cec_experience", "fact-window-cec"),
        ("canadian_experience", "fact-window-canadian"),
        ("foreign_experience", "fact-window-foreign"),
    ] {
        let Some(x) = f.get(key) else { continue };
        let tally = x.get("tally").cloned().unwrap_or(Value::Null);
        let window = match (
            tally.get("window_from").and_then(Value::as_str),
            tally.get("window_to").and_then(Value::as_str),
        ) {
            (Some(a), Some(b)) => lang.ta(
                "fact-window-range",
                &[
                    ("from", crate::i18n::Arg::Str(lang.date_str(a))),
                    ("to", crate::i18n::Arg::Str(lang.date_str(b))),
                ],
            ),
            _ => String::new(),
        };
        out.windows.push(WindowRow {
            label: lang.t(msg),
            window,
            hours: hours_text(lang, x.get("hours")),
            years: x
                .get("years")
                .and_then(Value::as_i64)
                .map(|y| lang.int(y))
                .unwrap_or_default(),
        });
        if key == "cec_experience"
            && let Some(list) = tally.get("excluded").and_then(Value::as_array)
        {
            for e in list {
                let reason = str_of(e, "reason");
                let reason_text = label(lang, &format!("excl-{reason}"), &reason);
                out.excluded.push(lang.ta(
                    "fact-excluded",
                    &[
                        ("noc", crate::i18n::Arg::Str(str_of(e, "noc"))),
                        (
                            "from",
                            crate::i18n::Arg::Str(lang.date_str(&str_of(e, "from"))),
                        ),
                        ("to", crate::i18n::Arg::Str(lang.date_str(&str_of(e, "to")))),
                        (
                            "hours",
                            crate::i18n::Arg::Str(hours_text(lang, e.get("hours"))),
                        ),
                        ("reason", crate::i18n::Arg::Str(reason_text)),
                    ],
                ));
            }
        }
    }
    if let Some(tests) = f.get("language_tests").and_then(Value::as_array) {
        for t in tests {
            let clb = t.get("clb").cloned().unwrap_or(Value::Null);
            let status = match (
                t.get("valid").and_then(Value::as_bool),
                t.get("used").and_then(Value::as_bool),
            ) {
                (Some(false), _) => lang.t("fact-test-expired"),
                (_, Some(true)) => lang.t("fact-test-used"),
                _ => lang.t("fact-test-not-used"),
            };
            out.tests.push(TestRow {
                test: label(
                    lang,
                    &format!("test-{}", str_of(t, "test")),
                    &str_of(t, "test"),
                ),
                date: lang.date_str(&str_of(t, "test_date")),
                valid_until: lang.date_str(&str_of(t, "valid_until")),
                status,
                levels: ["listening", "reading", "writing", "speaking"]
                    .iter()
                    .map(|a| {
                        clb.get(*a)
                            .and_then(Value::as_i64)
                            .map(|n| n.to_string())
                            .unwrap_or_else(|| "—".into())
                    })
                    .collect(),
            });
        }
    }
    if let Some(e) = f.get("education") {
        let level = str_of(e, "crs_level");
        if !level.is_empty() {
            out.education = label(lang, &format!("edu-{level}"), &level);
        }
        let ca = str_of(e, "canadian_education");
        if !ca.is_empty() {
            out.canadian_education = label(lang, &format!("canedu-{ca}"), &ca);
        }
    }
    if let Some(d) = f.get("cec_hours_reached_on").and_then(Value::as_str) {
        out.reached_on = lang.t1("fact-reached-on", "date", &lang.date_str(d));
    }
    out
}

/// Only http(s) links are rendered as links.
fn safe_href(href: &str) -> String {
    if href.starts_with("https://") || href.starts_with("http://") {
        href.to_string()
    } else {
        String::new()
    }
}

const CHART_LABEL_W: i64 = 250;
const CHART_BAR_W: i64 = 300;
const CHART_ROW_H: i64 = 28;

/// Build the view of a CRS result from its JSON.
pub fn crs_view(lang: Lang, c: &Value) -> CrsView {
    let total_n = int_of(c, "total");
    let subtotals = [
        ("core", "crs-section-core"),
        ("spouse", "crs-section-spouse"),
        ("skill_transferability", "crs-section-transferability"),
        ("additional", "crs-section-additional"),
    ]
    .iter()
    .map(|(k, msg)| (lang.t(msg), lang.int(int_of(c, k))))
    .collect();
    let raw_lines: Vec<&Value> = c
        .get("lines")
        .and_then(Value::as_array)
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    let lines: Vec<LineView> = raw_lines
        .iter()
        .map(|l| {
            let factor = str_of(l, "factor");
            let source = str_of(l, "source");
            LineView {
                label: label(
                    lang,
                    &format!("crs-factor-{}", factor.replace('.', "-")),
                    factor.rsplit('.').next().unwrap_or(&factor),
                ),
                points: lang.int(int_of(l, "points")),
                max: lang.int(int_of(l, "max")),
                basis: str_of(l, "basis"),
                source_is_link: !safe_href(&source).is_empty(),
                source,
                factor,
            }
        })
        .collect();
    let bars: Vec<Bar> = raw_lines
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(i, (l, view))| {
            let points = int_of(l, "points");
            let max = int_of(l, "max").max(points).max(1);
            let row = i as i64;
            let width = (points * CHART_BAR_W) / max;
            Bar {
                label: view.label.clone(),
                points,
                max,
                y: row * CHART_ROW_H + 6,
                text_y: row * CHART_ROW_H + 20,
                width,
                max_width: CHART_BAR_W,
                value_x: CHART_LABEL_W + CHART_BAR_W + 8,
                value: format!("{} / {}", lang.int(points), lang.int(max)),
            }
        })
        .collect();
    CrsView {
        total: lang.int(total_n),
        total_n,
        rule_set: str_of(c, "rule_set"),
        subtotals,
        chart_height: (bars.len() as i64) * CHART_ROW_H + 8,
        lines,
        bars,
    }
}

/// The x where bars start (for the template).
pub const fn chart_label_w() -> i64 {
    CHART_LABEL_W
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn renders_generic_assessment_json() {
        let a = serde_json::json!({
            "as_of": "2026-11-24",
            "programs": {
                "cec": {"eligible": true, "requirements": [
                    {"id": "cec.work_experience", "status": "met", "detail": "1,612 hours", "source": {"title": "IRCC", "href": "https://www.canada.ca/x"}}
                ]},
                "fsw": {"eligible": false, "requirements": []},
                "fst": {"eligible": null, "requirements": []}
            },
            "crs": {"total": 472, "rule_set": "crs-2025-03-25", "core": 400, "spouse": 0, "skill_transferability": 50, "additional": 22,
                    "lines": [{"factor": "core.age", "points": 110, "max": 110, "basis": "age 27", "source": "https://www.canada.ca/y"}]},
            "facts": {"age": 27, "cec_experience": {"hours": 1612.4, "years": 1, "tally": {"window_from": "2023-11-24", "window_to": "2026-11-23", "excluded": []}},
                      "language_tests": [{"test": "celpip_general", "test_date": "2026-01-10", "valid_until": "2028-01-09", "valid": true, "used": true,
                                          "clb": {"listening": 9, "reading": 8, "writing": 8, "speaking": 9}}]}
        });
        let v = assessment_view(Lang::Fr, &a);
        assert_eq!(v.cec_verdict(), "eligible");
        assert_eq!(v.programs.len(), 3);
        assert_eq!(v.programs[2].verdict, "unknown");
        let crs = v.crs.unwrap();
        assert_eq!(crs.total, "472");
        assert_eq!(crs.bars[0].width, CHART_BAR_W);
        assert_eq!(v.facts.windows[0].hours, "1\u{202F}612");
        assert_eq!(v.facts.tests[0].levels, vec!["9", "8", "8", "9"]);
        assert_eq!(
            v.facts.windows[0].window,
            "du 24 novembre 2023 au 23 novembre 2026"
        );
        assert_eq!(v.as_of, "24 novembre 2026");
    }

    #[test]
    fn unsafe_links_are_dropped() {
        assert_eq!(safe_href("javascript:alert(1)"), "");
        assert_eq!(safe_href("https://canada.ca"), "https://canada.ca");
    }
}
