//! The derived facts worth showing: age, hours by window and per program (with the
//! occupations they count in), language levels by ability, education.

use crate::i18n::Messages as _;
use jiff::civil::Date;
use landed_rules::assess::{ExperienceFact, Facts};
use landed_rules::noc::{Noc, SearchLang};
use landed_rules::programs::WorkFact;

use super::words::{label, wire};
use crate::i18n::{Arg, Lang};

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

fn hours_text(lang: Lang, hours: f64) -> String {
    lang.int(hours.floor() as i64)
}

/// "from A to B" in `lang`.
fn range_text(lang: Lang, from: Date, to: Date) -> String {
    lang.ta(
        "fact-window-range",
        &[
            ("from", Arg::Str(lang.date(from))),
            ("to", Arg::Str(lang.date(to))),
        ],
    )
}

/// The curated facts of an assessment.
pub fn facts_view(lang: Lang, f: &Facts) -> FactsView {
    let mut out = FactsView {
        age: lang.int(i64::from(f.age)),
        ..FactsView::default()
    };
    let windows: [(&ExperienceFact, &str); 3] = [
        (&f.cec_experience, "fact-window-cec"),
        (&f.canadian_experience, "fact-window-canadian"),
        (&f.foreign_experience, "fact-window-foreign"),
    ];
    for (x, msg) in windows {
        out.windows.push(WindowRow {
            label: lang.t(msg),
            window: range_text(lang, x.tally.window_from, x.tally.window_to),
            hours: hours_text(lang, x.hours),
            years: lang.int(i64::from(x.years)),
        });
    }
    for e in &f.cec_experience.tally.excluded {
        let reason = wire(&e.reason);
        let reason_text = label(lang, &format!("excl-{reason}"), &reason);
        out.excluded.push(lang.ta(
            "fact-excluded",
            &[
                ("noc", Arg::Str(e.noc.as_str().to_string())),
                ("from", Arg::Str(lang.date(e.from))),
                ("to", Arg::Str(lang.date(e.to))),
                ("hours", Arg::Str(hours_text(lang, e.hours))),
                ("reason", Arg::Str(reason_text)),
            ],
        ));
    }
    let w = &f.program_work;
    out.program_work = [("cec", &w.cec), ("fsw", &w.fsw), ("fst", &w.fst)]
        .into_iter()
        .map(|(key, w)| work_row(lang, key, w))
        .collect();
    for t in &f.language_tests {
        let status = if !t.valid {
            lang.t("fact-test-expired")
        } else if t.used {
            lang.t("fact-test-used")
        } else {
            lang.t("fact-test-not-used")
        };
        let test = wire(&t.test);
        out.tests.push(TestRow {
            test: label(lang, &format!("test-{test}"), &test),
            date: lang.date(t.test_date),
            valid_until: lang.date(t.valid_until),
            status,
            levels: match &t.clb {
                Some(l) => [l.listening, l.reading, l.writing, l.speaking]
                    .iter()
                    .map(|c| c.level().to_string())
                    .collect(),
                None => vec!["—".to_string(); 4],
            },
        });
    }
    let level = wire(&f.education.crs_level);
    if !level.is_empty() {
        out.education = label(lang, &format!("edu-{level}"), &level);
    }
    let ca = wire(&f.education.canadian_education);
    if !ca.is_empty() {
        out.canadian_education = label(lang, &format!("canedu-{ca}"), &ca);
    }
    if let Some(d) = f.cec_hours_reached_on {
        // The hours CEC needs come from its table (cec_minimums.toml), not from the text.
        out.reached_on = lang.ta(
            "fact-reached-on",
            &[
                ("hours", Arg::Str(lang.int(i64::from(w.cec.needed_hours)))),
                ("date", Arg::Str(lang.date(d))),
            ],
        );
    }
    out
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
fn work_row(lang: Lang, key: &str, w: &WorkFact) -> WorkRow {
    WorkRow {
        key: key.to_string(),
        program: lang.t(&format!("program-{key}")),
        basis: lang.t(&format!("fact-work-basis-{key}")),
        window: range_text(lang, w.window_from, w.window_to),
        hours: hours_text(lang, w.qualifying_hours),
        needed: lang.int(i64::from(w.needed_hours)),
        continuous: w
            .continuous
            .as_ref()
            .map(|c| {
                lang.t1(
                    "fact-work-continuous",
                    "range",
                    &range_text(lang, c.from, c.to),
                )
            })
            .unwrap_or_default(),
        occupations: w
            .counted_in
            .iter()
            .map(|c| occupation_label(lang, c.as_str()))
            .collect(),
    }
}
