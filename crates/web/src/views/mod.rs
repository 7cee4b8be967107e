//! Typed view models for the pages, built from the engine's Rust types (askama checks the
//! templates against them at compile time): the program an invitation would be issued under,
//! a checklist per program ([`programs`], with the FSW selection grid in [`grid`]),
//! category-based selection ([`categories`]), the CRS total with a bar chart ([`crs`]), the
//! derived facts ([`facts`]: hours by window and per program, language levels, education),
//! past rounds ([`outlook`]), "how to raise your score" ([`whatif`]) and the plan by date
//! ([`timeline`]).
//!
//! Titles are translated by stable id (`req-*`, `grid-*`, `cat-*`, `crs-factor-*`); the
//! engine's sentences are written in the page's language ([`text`]). Source titles name
//! English documents and are marked `lang="en"` on French pages.

use crate::i18n::Messages as _;
use landed_rules::assess::Assessment;
use landed_rules::profile::Profile;

use crate::i18n::Lang;

pub mod categories;
pub mod crs;
pub mod facts;
pub mod grid;
pub mod outlook;
pub mod programs;
pub(crate) mod sources;
pub mod timeline;
pub mod whatif;
pub(crate) mod words;

pub use categories::{CategoriesView, CategoryReason, CategoryView, categories_view};
pub use crs::{Bar, CrsView, LineView, crs_view};
pub use facts::{FactsView, TestRow, WindowRow, WorkRow, facts_view, occupation_label};
pub use grid::{GridRow, GridView, grid_view};
pub use programs::{ProgramView, ReqView};
use words::{eligible_status, text};

/// The program an invitation would be issued under.
#[derive(Debug, Clone, Default)]
pub struct InvitedView {
    /// `cec`, `fsw`, `fst`, `unknown` (a program is undecided) or `none`.
    pub key: String,
    pub sentence: String,
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
    pub outlook: Option<outlook::OutlookView>,
    /// "How to raise your score" (results page only).
    pub whatif: Option<whatif::WhatIfView>,
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

/// Assess a profile (JSON text) and build its view; the error is a message to show. A stored
/// profile (a question's attachment) comes through here too: parsed at the edge into the
/// engine's types, then the same view as the results page.
pub fn results_view(
    lang: Lang,
    profile_json: &str,
    today: jiff::civil::Date,
) -> Result<ResultsView, String> {
    assess_profile(lang, profile_json, today).map(|(_, a)| assessment_view(lang, &a))
}

/// Parse and assess a profile once, with the outlook against the newest rounds in use; the
/// error is a message to show. The results page builds every section from this one pair.
pub fn assess_profile(
    lang: Lang,
    profile_json: &str,
    today: jiff::civil::Date,
) -> Result<(Profile, Assessment), String> {
    let profile = landed_rules::profile::parse_profile(profile_json)
        .map_err(|e| format!("{} ({})", lang.t("res-invalid-profile"), e.field()))?;
    let mut assessment = landed_rules::assess::assess(&profile, today)
        .map_err(|e| format!("{} ({})", lang.t("res-invalid-profile"), e.field()))?;
    crate::draws_store::apply(&mut assessment, profile.provincial_nomination);
    Ok((profile, assessment))
}

/// Build the view of an assessment.
pub fn assessment_view(lang: Lang, a: &Assessment) -> ResultsView {
    let p = &a.programs;
    let programs = [("cec", &p.cec), ("fsw", &p.fsw), ("fst", &p.fst)]
        .into_iter()
        .map(|(key, result)| programs::program_view(lang, key, result))
        .collect();
    let notes = a
        .notes
        .iter()
        .chain(&p.cec.notes)
        .map(|n| text(lang, n))
        .collect();
    ResultsView {
        as_of: lang.date(a.as_of),
        programs,
        invited: invited_view(lang, p),
        categories: categories_view(lang, &a.categories),
        crs: a.crs.as_ref().map(|c| crs_view(lang, c)),
        facts: facts_view(lang, &a.facts),
        notes,
        outlook: a.outlook.as_ref().map(|o| outlook::outlook_view(lang, o)),
        whatif: None,
    }
}

/// The program an invitation would be issued under (`programs.invited_under`).
fn invited_view(lang: Lang, p: &landed_rules::assess::Programs) -> InvitedView {
    use landed_rules::programs::Program;
    let key = match p.invited_under {
        Some(Program::Cec) => "cec",
        Some(Program::Fsw) => "fsw",
        Some(Program::Fst) => "fst",
        None => {
            let undecided = [&p.cec, &p.fsw, &p.fst]
                .iter()
                .any(|r| eligible_status(r) == "unknown");
            if undecided { "unknown" } else { "none" }
        }
    };
    InvitedView {
        key: key.to_string(),
        sentence: lang.t(&format!("res-invited-{key}")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::views::words::{safe_href, wire};

    /// A software engineer abroad with a test and funds: eligible for FSW only.
    const FSW_ONLY: &str = r#"{
      "as_of": "2026-11-24",
      "date_of_birth": "1992-05-01",
      "marital_status": "single",
      "intended_province": "ON",
      "education": [{"level": "bachelors", "program_years": 4, "in_canada": false, "completed_on": "2014-05-30", "eca": true}],
      "language_tests": [{"test": "ielts_general", "test_date": "2026-01-10", "listening": 8, "reading": 7.5, "writing": 7, "speaking": 7.5}],
      "work_history": [
        {"noc": "21231", "title": "Software engineer", "country": "IN", "start": "2018-01-01", "end": null, "hours_per_week": 40}
      ],
      "settlement_funds_cad": 30000
    }"#;

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2026, 11, 24)
    }

    #[test]
    fn an_assessment_becomes_a_typed_view_in_the_page_language() {
        let v = results_view(Lang::Fr, FSW_ONLY, today()).unwrap();
        assert_eq!(v.as_of, "24 novembre 2026");
        assert_eq!(v.cec_verdict(), "not_eligible");
        assert_eq!(v.programs.len(), 3);
        assert_eq!(v.programs[1].verdict, "eligible");
        assert_eq!(v.invited.key, "fsw");
        assert!(
            v.invited
                .sentence
                .contains("Programme des travailleurs qualifiés")
        );
        assert!(v.programs[1].grid.is_some());
        let w = &v.facts.program_work[1];
        assert_eq!(w.key, "fsw");
        assert_eq!(w.window, "du 24 novembre 2016 au 23 novembre 2026");
        assert_eq!(
            w.occupations,
            vec!["21231 Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel"]
        );
        assert_eq!(v.facts.tests[0].levels.len(), 4);
        assert!(v.crs.is_some());
        // The engine's sentences are French: no English-only text on the page.
        let en = results_view(Lang::En, FSW_ONLY, today()).unwrap();
        assert_ne!(
            v.programs[1].requirements[0].detail,
            en.programs[1].requirements[0].detail
        );
    }

    #[test]
    fn undecided_and_no_program_are_told_apart() {
        let mut a = landed_rules::assess::assess(
            &landed_rules::profile::parse_profile(FSW_ONLY).unwrap(),
            today(),
        )
        .unwrap();
        a.programs.invited_under = None;
        a.programs.fst.eligible = None;
        assert_eq!(invited_view(Lang::En, &a.programs).key, "unknown");
        a.programs.fst.eligible = Some(false);
        a.programs.fsw.eligible = Some(false);
        a.programs.cec.eligible = Some(false);
        assert_eq!(invited_view(Lang::En, &a.programs).key, "none");
    }

    #[test]
    fn a_bad_profile_is_a_message_naming_the_field() {
        let e = results_view(Lang::Fr, r#"{"date_of_birth": "soon"}"#, today()).unwrap_err();
        assert!(e.contains("date_of_birth"), "{e}");
    }

    #[test]
    fn unsafe_links_are_dropped() {
        assert_eq!(safe_href("javascript:alert(1)"), "");
        assert_eq!(safe_href("https://canada.ca"), "https://canada.ca");
    }

    #[test]
    fn enum_ids_are_the_contract_names() {
        assert_eq!(
            wire(&landed_rules::hours::ExclusionReason::SelfEmployed),
            "self_employed"
        );
        assert_eq!(
            wire(&landed_rules::crs::EducationLevel::Bachelors),
            "bachelors"
        );
    }
}
