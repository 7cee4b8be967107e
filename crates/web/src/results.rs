//! View models for an assessment and a CRS result, built from their JSON form (the public
//! contract), so the pages render whatever requirements, lines and facts the rules engine
//! returns: the program an invitation would be issued under, a checklist per program (with
//! the FSW selection grid), category-based selection, the CRS total with a bar chart, and
//! the derived facts (hours by window and per program, language levels, education).
//!
//! Titles are translated by stable id (`req-*`, `grid-*`, `cat-*`, `crs-factor-*`); the
//! engine's sentences arrive already in the page's language (the assessment is serialized
//! inside `landed_rules::text::in_language`). Source titles name English documents and are
//! marked `lang="en"` on French pages.

use landed_rules::noc::{Noc, SearchLang};
use serde_json::Value;

use crate::i18n::{Arg, Lang};

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
    /// FSW: the 67-point selection grid.
    pub grid: Option<GridView>,
}

/// One factor (or adaptability item) of the FSW selection grid.
#[derive(Debug, Clone)]
pub struct GridRow {
    pub id: String,
    pub label: String,
    pub points: String,
    pub max: String,
    /// "up to N" when facts the profile does not hold could add points, else empty.
    pub up_to: String,
    /// The engine's explanation (English).
    pub detail: String,
    /// An item of the factor above it (adaptability); `parent` is that factor's label.
    pub parent: String,
}

/// The FSW selection grid ready to render.
#[derive(Debug, Clone)]
pub struct GridView {
    pub total: String,
    pub max: String,
    pub pass_mark: String,
    /// The best case with facts the profile does not hold, when above the total; else empty.
    pub possible: String,
    /// `met`, `not_met` or `unknown` (against the pass mark).
    pub status: String,
    pub status_label: String,
    /// One sentence: the total against the pass mark.
    pub summary: String,
    pub rows: Vec<GridRow>,
}

/// One reason for a category's status: a requirement's title and the engine's sentence.
#[derive(Debug, Clone)]
pub struct CategoryReason {
    pub title: String,
    pub status: String,
    pub detail: String,
}

/// One category of category-based selection.
#[derive(Debug, Clone)]
pub struct CategoryView {
    pub slug: String,
    pub title: String,
    /// The title is the engine's English text (no translation matches it).
    /// `met`, `not_met` or `unknown`.
    pub status: String,
    pub status_label: String,
    pub reasons: Vec<CategoryReason>,
    pub list_verified: bool,
    pub list_complete: bool,
    /// The engine's notes on the list and the category (English).
    pub notes: Vec<String>,
}

/// Category-based selection in force on the assessment date.
#[derive(Debug, Clone, Default)]
pub struct CategoriesView {
    /// The first day the categories shown are in force (formatted), empty when none.
    pub rules_from: String,
    /// The engine's experience rule (English).
    pub experience_rule: String,
    pub source_title: String,
    pub source_href: String,
    pub items: Vec<CategoryView>,
    /// The engine's general notes (English).
    pub notes: Vec<String>,
}

/// The program an invitation would be issued under.
#[derive(Debug, Clone, Default)]
pub struct InvitedView {
    /// `cec`, `fsw`, `fst`, `unknown` (a program is undecided) or `none`.
    pub key: String,
    pub sentence: String,
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

/// The work one program counts (`facts.program_work`).
#[derive(Debug, Clone)]
pub struct WorkRow {
    pub key: String,
    pub program: String,
    /// How the program counts work (one line).
    pub basis: String,
    pub window: String,
    pub hours: String,
    pub needed: String,
    /// FSW: the period without a gap that counts.
    pub continuous: String,
    /// The occupation(s) the hours count in, "13110 Administrative assistants".
    pub occupations: Vec<String>,
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
    pub program_work: Vec<WorkRow>,
    pub excluded: Vec<String>,
    pub tests: Vec<TestRow>,
    pub education: String,
    pub canadian_education: String,
    pub reached_on: String,
}

impl FactsView {
    pub fn is_empty(&self) -> bool {
        self.age.is_empty()
            && self.windows.is_empty()
            && self.program_work.is_empty()
            && self.tests.is_empty()
    }
}

/// A whole assessment ready to render.
#[derive(Debug, Clone)]
pub struct ResultsView {
    pub as_of: String,
    pub programs: Vec<ProgramView>,
    pub invited: InvitedView,
    pub categories: CategoriesView,
    pub crs: Option<CrsView>,
    pub facts: FactsView,
    /// General notes from the engine (English).
    pub notes: Vec<String>,
    /// Past rounds of invitations against this profile (`outlook`).
    pub outlook: Option<crate::outlook_view::OutlookView>,
    /// "How to raise your score" (results page only).
    pub whatif: Option<crate::whatif_view::WhatIfView>,
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

/// `met`, `not_met` or `unknown` from a program's `eligible` (`true`, `false`, `null`).
fn eligible_status(v: &Value) -> &'static str {
    match v.get("eligible") {
        Some(Value::Bool(true)) => "met",
        Some(Value::Bool(false)) => "not_met",
        _ => "unknown",
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
        let verdict = match eligible_status(p) {
            "met" => "eligible",
            "not_met" => "not_eligible",
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
            grid: p
                .get("grid")
                .filter(|g| g.is_object())
                .map(|g| grid_view(lang, g)),
        });
    }
    let invited = invited_view(lang, a.get("programs").unwrap_or(&Value::Null));
    let categories = a
        .get("categories")
        .filter(|c| c.is_object())
        .map(|c| categories_view(lang, c))
        .unwrap_or_default();
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
        invited,
        categories,
        crs,
        facts,
        notes,
        outlook: a
            .get("outlook")
            .and_then(|o| crate::outlook_view::outlook_view(lang, o)),
        whatif: None,
    }
}

/// The program an invitation would be issued under (`programs.invited_under`).
fn invited_view(lang: Lang, programs: &Value) -> InvitedView {
    let key = match programs.get("invited_under").and_then(Value::as_str) {
        Some(k @ ("cec" | "fsw" | "fst")) => k,
        _ => {
            let undecided = ["cec", "fsw", "fst"].iter().any(|k| {
                programs
                    .get(*k)
                    .is_some_and(|p| eligible_status(p) == "unknown")
            });
            if undecided { "unknown" } else { "none" }
        }
    };
    InvitedView {
        key: key.to_string(),
        sentence: lang.t(&format!("res-invited-{key}")),
    }
}

/// "up to N" for a grid line whose `up_to` is above its points.
fn up_to_text(lang: Lang, line: &Value) -> String {
    let points = int_of(line, "points");
    match line.get("up_to").and_then(Value::as_i64) {
        Some(u) if u > points => lang.t1("grid-up-to", "points", &lang.int(u)),
        _ => String::new(),
    }
}

/// The Fluent id of a grid line: `fsw.grid.adaptability.study_in_canada` → `grid-adaptability-study_in_canada`.
fn grid_label(lang: Lang, id: &str) -> String {
    let short = id.strip_prefix("fsw.grid.").unwrap_or(id);
    label(
        lang,
        &format!("grid-{}", short.replace('.', "-")),
        short.rsplit('.').next().unwrap_or(short),
    )
}

/// Build the view of the FSW selection grid (`programs.fsw.grid`).
pub fn grid_view(lang: Lang, g: &Value) -> GridView {
    let total = int_of(g, "total");
    let max = int_of(g, "max");
    let pass = int_of(g, "pass_mark");
    let possible = int_of(g, "possible").max(total);
    let mut rows = Vec::new();
    for l in g
        .get("lines")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let id = str_of(l, "id");
        let parent = grid_label(lang, &id);
        rows.push(GridRow {
            label: parent.clone(),
            points: lang.int(int_of(l, "points")),
            max: lang.int(int_of(l, "max")),
            up_to: up_to_text(lang, l),
            detail: str_of(l, "detail"),
            parent: String::new(),
            id,
        });
        for item in l
            .get("items")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let id = str_of(item, "id");
            rows.push(GridRow {
                label: grid_label(lang, &id),
                points: lang.int(int_of(item, "points")),
                max: lang.int(int_of(item, "max")),
                up_to: up_to_text(lang, item),
                detail: str_of(item, "detail"),
                parent: parent.clone(),
                id,
            });
        }
    }
    // The same rule as the engine's `fsw.selection_grid` requirement.
    let status = if total >= pass {
        "met"
    } else if possible < pass {
        "not_met"
    } else {
        "unknown"
    };
    let args = [
        ("total", Arg::Str(lang.int(total))),
        ("max", Arg::Str(lang.int(max))),
        ("pass", Arg::Str(lang.int(pass))),
        ("possible", Arg::Str(lang.int(possible))),
    ];
    let summary_key = match status {
        "met" => "grid-summary-met",
        "not_met" if possible > total => "grid-summary-not_met-possible",
        "not_met" => "grid-summary-not_met",
        _ => "grid-summary-unknown",
    };
    GridView {
        total: lang.int(total),
        max: lang.int(max),
        pass_mark: lang.int(pass),
        possible: if possible > total {
            lang.int(possible)
        } else {
            String::new()
        },
        status: status.to_string(),
        status_label: status_label(lang, status),
        summary: lang.ta(summary_key, &args),
        rows,
    }
}

/// Build the view of category-based selection (`categories`).
pub fn categories_view(lang: Lang, c: &Value) -> CategoriesView {
    let rules_from = str_of(c, "rules_from");
    let source = c.get("source").cloned().unwrap_or(Value::Null);
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut items = Vec::new();
    for r in c
        .get("results")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let slug = str_of(r, "slug");
        let engine_title = str_of(r, "title");
        let status = eligible_status(r);
        let reqs: &[Value] = r
            .get("requirements")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        // The reasons: the requirements that decide the status (every one but the common
        // "eligible for a program" one when the category is met).
        let reasons = reqs
            .iter()
            .filter(|q| {
                let s = str_of(q, "status");
                match status {
                    "met" => !str_of(q, "id").ends_with(".program"),
                    _ => s == status,
                }
            })
            .map(|q| {
                let id = str_of(q, "id");
                let what = id.rsplit('.').next().unwrap_or(&id).to_string();
                CategoryReason {
                    title: label(lang, &format!("cat-req-{what}"), &what),
                    status: str_of(q, "status"),
                    detail: str_of(q, "detail"),
                }
            })
            .collect();
        let mut notes: Vec<String> = Vec::new();
        let list_note = str_of(r, "list_note");
        if !list_note.is_empty() {
            notes.push(list_note);
        }
        notes.extend(strings(r.get("notes")));
        items.push(CategoryView {
            // The engine writes the title in the page's language.
            title: engine_title,
            status: status.to_string(),
            status_label: lang.t(match status {
                "met" => "res-verdict-eligible",
                "not_met" => "res-verdict-not_eligible",
                _ => "res-verdict-unknown",
            }),
            reasons,
            list_verified: r.get("list_verified").and_then(Value::as_bool) != Some(false),
            list_complete: r.get("list_complete").and_then(Value::as_bool) != Some(false),
            notes,
            slug,
        });
    }
    CategoriesView {
        rules_from: if rules_from.is_empty() {
            String::new()
        } else {
            lang.date_str(&rules_from)
        },
        experience_rule: str_of(c, "experience_rule"),
        source_title: str_of(&source, "title"),
        source_href: safe_href(&str_of(&source, "href")),
        items,
        notes: strings(c.get("notes")),
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
    if let Some(work) = f.get("program_work") {
        out.program_work = ["cec", "fsw", "fst"]
            .iter()
            .filter_map(|k| work.get(*k).map(|w| work_row(lang, k, w)))
            .collect();
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

/// "from A to B" in `lang`, or empty when either date is missing.
fn range_text(lang: Lang, v: &Value, from: &str, to: &str) -> String {
    match (
        v.get(from).and_then(Value::as_str),
        v.get(to).and_then(Value::as_str),
    ) {
        (Some(a), Some(b)) => lang.ta(
            "fact-window-range",
            &[
                ("from", Arg::Str(lang.date_str(a))),
                ("to", Arg::Str(lang.date_str(b))),
            ],
        ),
        _ => String::new(),
    }
}

/// "13110 Administrative assistants" with the unit group's title in `lang`; the code alone
/// when it is not in the catalogue.
pub fn occupation_label(lang: Lang, code: &str) -> String {
    let search_lang = match lang {
        Lang::En => SearchLang::En,
        Lang::Fr => SearchLang::Fr,
    };
    match Noc::parse(code).and_then(landed_rules::noc::lookup) {
        Ok(g) => format!("{code} {}", g.title(search_lang)),
        Err(_) => code.to_string(),
    }
}

/// One program's work fact (`facts.program_work.{cec,fsw,fst}`).
fn work_row(lang: Lang, key: &str, w: &Value) -> WorkRow {
    let continuous = w
        .get("continuous")
        .filter(|c| c.is_object())
        .map(|c| {
            lang.t1(
                "fact-work-continuous",
                "range",
                &range_text(lang, c, "from", "to"),
            )
        })
        .unwrap_or_default();
    WorkRow {
        key: key.to_string(),
        program: lang.t(&format!("program-{key}")),
        basis: lang.t(&format!("fact-work-basis-{key}")),
        window: range_text(lang, w, "window_from", "window_to"),
        hours: hours_text(lang, w.get("qualifying_hours")),
        needed: lang.int(int_of(w, "needed_hours")),
        continuous,
        occupations: w
            .get("counted_in")
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(Value::as_str)
                    .map(|c| occupation_label(lang, c))
                    .collect()
            })
            .unwrap_or_default(),
    }
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
    fn grid_marks_up_to_and_decides_against_the_pass_mark() {
        let g = serde_json::json!({
            "total": 48, "max": 100, "pass_mark": 67, "possible": 86,
            "lines": [
                {"id": "fsw.grid.first_language", "points": 0, "max": 24, "up_to": 24, "detail": "No language test recorded"},
                {"id": "fsw.grid.age", "points": 12, "max": 12, "detail": "Age 32"},
                {"id": "fsw.grid.adaptability", "points": 0, "max": 10, "up_to": 10, "detail": "0 points",
                 "items": [{"id": "fsw.grid.adaptability.relatives_in_canada", "points": 0, "max": 5, "up_to": 5, "detail": "No sibling"}]},
                {"id": "fsw.grid.new_factor", "points": 1, "max": 2, "detail": "?"}
            ]
        });
        let v = grid_view(Lang::Fr, &g);
        assert_eq!(v.status, "unknown");
        assert_eq!(v.possible, "86");
        assert_eq!(v.rows.len(), 5);
        assert_eq!(v.rows[0].label, "Première langue officielle");
        assert_eq!(v.rows[0].up_to, "jusqu’à 24");
        assert_eq!(v.rows[1].up_to, "");
        assert_eq!(v.rows[3].parent, "Capacité d’adaptation");
        assert_eq!(v.rows[3].label, "Membres de la famille au Canada");
        // An id without a message is humanised rather than shown raw.
        assert_eq!(v.rows[4].label, "New factor");
        assert!(
            v.summary
                .starts_with("48 points sur 100 d’après vos réponses, jusqu’à 86")
        );
        let mut low = g.clone();
        low["possible"] = 60.into();
        assert_eq!(grid_view(Lang::En, &low).status, "not_met");
        assert!(grid_view(Lang::En, &low).summary.contains("at most 60"));
        low["total"] = 67.into();
        assert_eq!(grid_view(Lang::En, &low).status, "met");
        assert_eq!(grid_view(Lang::En, &low).possible, "");
    }

    #[test]
    fn categories_show_the_engine_titles_and_translated_requirement_names() {
        let c = serde_json::json!({
            "rules_from": "2023-05-31",
            "experience_rule": "6 months",
            "source": {"title": "Category-based selection", "href": "https://www.canada.ca/c"},
            "results": [
                {"slug": "healthcare", "title": "Healthcare occupations", "eligible": null,
                 "list_verified": false, "list_complete": false, "list_note": "Partial list",
                 "requirements": [
                    {"id": "categories.healthcare.program", "status": "unknown", "detail": "not yet known for FSW"},
                    {"id": "categories.healthcare.work_experience", "status": "not_met", "detail": "no work"}
                 ], "notes": ["Incomplete"]},
                {"slug": "stem", "title": "STEM jobs (renamed)", "eligible": true,
                 "list_verified": true, "list_complete": true,
                 "requirements": [
                    {"id": "categories.stem.program", "status": "met", "detail": "You are eligible for CEC"},
                    {"id": "categories.stem.work_experience", "status": "met", "detail": "1,600 hours"}
                 ]},
                {"slug": "french", "title": "French-language proficiency", "eligible": false,
                 "list_verified": false, "list_complete": true,
                 "requirements": [
                    {"id": "categories.french.program", "status": "met", "detail": "You are eligible for CEC"},
                    {"id": "categories.french.french", "status": "not_met", "detail": "NCLC 7 needed"}
                 ]}
            ],
            "notes": ["General"]
        });
        let v = categories_view(Lang::Fr, &c);
        assert_eq!(v.rules_from, "31 mai 2023");
        assert_eq!(v.source_href, "https://www.canada.ca/c");
        let [health, stem, french] = &v.items[..] else {
            panic!("three categories")
        };
        // Titles are the engine's, already in the page's language.
        assert_eq!(health.title, "Healthcare occupations");
        assert_eq!(health.status, "unknown");
        assert_eq!(health.status_label, "impossible de le dire pour l’instant");
        assert!(!health.list_verified && !health.list_complete);
        // Undecided: the reasons are the unknown requirements.
        assert_eq!(health.reasons.len(), 1);
        assert_eq!(health.reasons[0].title, "Admissibilité à un programme");
        assert_eq!(health.notes, vec!["Partial list", "Incomplete"]);
        assert_eq!(stem.title, "STEM jobs (renamed)");
        assert_eq!(stem.status, "met");
        assert_eq!(stem.reasons.len(), 1, "the common program line is left out");
        assert_eq!(
            stem.reasons[0].title,
            "Travail dans une profession de la liste"
        );
        assert_eq!(french.title, "French-language proficiency");
        assert_eq!(french.reasons[0].detail, "NCLC 7 needed");
    }

    #[test]
    fn invitation_program_and_work_per_program() {
        let a = serde_json::json!({
            "as_of": "2026-11-24",
            "programs": {"cec": {"eligible": false, "requirements": []},
                         "fsw": {"eligible": true, "requirements": []},
                         "fst": {"eligible": null, "requirements": []},
                         "invited_under": "fsw"},
            "facts": {"program_work": {"fsw": {
                "window_from": "2016-11-24", "window_to": "2026-11-23", "needed_hours": 1560,
                "qualifying_hours": 13924.9, "counted_in": ["21231", "99999"],
                "continuous": {"from": "2018-01-01", "to": "2026-11-23", "hours": 13924.9}}}}
        });
        let v = assessment_view(Lang::Fr, &a);
        assert_eq!(v.invited.key, "fsw");
        assert!(
            v.invited
                .sentence
                .contains("Programme des travailleurs qualifiés")
        );
        let w = &v.facts.program_work[0];
        assert_eq!(w.hours, "13\u{202F}924");
        assert_eq!(w.needed, "1\u{202F}560");
        assert_eq!(w.window, "du 24 novembre 2016 au 23 novembre 2026");
        assert_eq!(
            w.continuous,
            "sans interruption, du 1er janvier 2018 au 23 novembre 2026"
        );
        assert_eq!(
            w.occupations,
            vec![
                "21231 Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel",
                "99999"
            ]
        );
        let mut none = a.clone();
        none["programs"]["invited_under"] = serde_json::Value::Null;
        assert_eq!(assessment_view(Lang::En, &none).invited.key, "unknown");
        none["programs"]["fst"]["eligible"] = false.into();
        none["programs"]["fsw"]["eligible"] = false.into();
        assert_eq!(assessment_view(Lang::En, &none).invited.key, "none");
    }

    #[test]
    fn unsafe_links_are_dropped() {
        assert_eq!(safe_href("javascript:alert(1)"), "");
        assert_eq!(safe_href("https://canada.ca"), "https://canada.ca");
    }
}
