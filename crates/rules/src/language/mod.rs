//! Language tests: each ability's score to a CLB (English) or NCLC (French)
//! level, with the chart in force on the test date, and how long a result
//! stays valid.
//!
//! The charts are the TOML files in `crates/rules/data/language/`, embedded at
//! compile time and parsed once (see [`DATA_FILES`]; their shape, checks and
//! lookups in `chart.rs`). Sources: rules.md §4
//! (charts) and §2/§5 (validity, MI s.3(4)).
//!
//! Decisions this module makes, in one place:
//!
//! - **Each ability separately.** A score reaches the highest level whose
//!   minimum it meets (rules.md §4).
//! - **Below the chart is level 0.** A valid score under the lowest row a chart
//!   publishes has level 0 ("below the first benchmark the test reports", as
//!   [`Clb`] says), which earns no points anywhere. The lowest row is CLB 4 for
//!   every chart except PTE Core, whose chart goes down to CLB 3. CELPIP "M"
//!   and 0 to 3 are therefore level 0, as the IRCC chart says ("below CLB 4"),
//!   not CLB 3 to 0.
//! - **Top of the chart is CLB 10.** CELPIP 10, 11 and 12 are all CLB 10, as
//!   IRCC's chart prints them; no chart yields CLB 11 or 12.
//! - **TEF Canada** carries either its 0–699 scores or the "Équivalence ancien
//!   score" column ([`TefScale`]). The ancien-score chart applies whatever the
//!   test date; the 0–699 scores use the chart for the test date (2019-10-01 to
//!   2023-12-10, or from 2023-12-11). A 0–699 result from before 2019-09-30 is
//!   refused (those tests reported the old scale), and one from exactly
//!   2019-09-30 is refused because that day falls between IRCC's published
//!   charts. The default scale follows the contract: 0–699 from 2019-10-01,
//!   ancien score before.
//! - **PTE Core** counts only for tests taken on or after 2024-01-30: an
//!   earlier test is an error on `test_date`.
//! - **Validity.** MI s.3(4): results "two or more years old" no longer count.
//!   A result is valid from its test date to the day before its second
//!   anniversary ([`valid_until`]). The anniversary of February 29 in a common
//!   year is February 28, so such a result's last valid day is February 27:
//!   the earlier of the two possible readings.

mod chart;
pub(crate) mod kind;
use chart::{CHARTS, Chart, ChartKey, chart_table};
pub use kind::{LeftOut, TefScale, TestKind};

use std::borrow::Cow;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::assess::text::AssessText;
use crate::clb::{Ability, Clb, LanguageLevels};
use crate::dated::{Source, Table, Version};
use crate::error::{Result, RulesError};
use crate::text::Text;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// The contract's `language_test` object, exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageTest {
    pub test: TestKind,
    pub test_date: Date,
    pub listening: f64,
    pub reading: f64,
    pub writing: f64,
    pub speaking: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tef_scale: Option<TefScale>,
}

impl LanguageTest {
    /// The score reported for one ability.
    pub fn score(&self, ability: Ability) -> f64 {
        match ability {
            Ability::Listening => self.listening,
            Ability::Reading => self.reading,
            Ability::Writing => self.writing,
            Ability::Speaking => self.speaking,
        }
    }

    /// For TEF Canada, the scale given or the contract's default; `None` for
    /// other tests.
    pub fn tef_scale_or_default(&self) -> Option<TefScale> {
        match self.test {
            TestKind::TefCanada => Some(
                self.tef_scale
                    .unwrap_or_else(|| TefScale::default_for(self.test_date)),
            ),
            _ => None,
        }
    }
}

/// A test converted to one level per ability, with the chart that did it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConvertedTest {
    pub levels: LanguageLevels,
    pub test: TestKind,
    pub test_date: Date,
    /// The table id and the `effective_from` of the version used, e.g.
    /// `language.tef_canada.score_699_2023_12_11`.
    pub chart: Cow<'static, str>,
    /// Where the chart is published, with its confidence grade.
    pub source: Source,
    /// What a person should know about this conversion (assumed TEF scale,
    /// abilities below the chart, …).
    pub notes: Vec<Text>,
}

/// The validity rule's values (`validity.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Validity {
    /// A result counts while it is less than this many years old.
    pub years: u8,
}

// ---------------------------------------------------------------------------
// Public functions
// ---------------------------------------------------------------------------

/// Convert each ability with the chart in force on the test date.
///
/// Errors name the ability as the field (`reading`), `test_date` when no chart
/// accepts the date, or `tef_scale` when the scale does not fit the test.
pub fn convert(test: &LanguageTest) -> Result<ConvertedTest> {
    let mut notes = Vec::new();
    let tef_scale = test.tef_scale_or_default();
    if test.test != TestKind::TefCanada && test.tef_scale.is_some() {
        return Err(RulesError::invalid(
            "tef_scale",
            format!(
                "tef_scale applies only to TEF Canada results, not to {}",
                test.test.display_name()
            ),
        ));
    }
    if test.test == TestKind::TefCanada
        && test.tef_scale.is_none()
        && let Some(scale) = tef_scale
    {
        notes.push(AssessText::TefScaleAssumed(scale).into());
    }

    let key = ChartKey::for_test(test.test, tef_scale);
    let table = chart_table(key)?;
    let version = match table.in_force(test.test_date) {
        Some(v) => v,
        None => return Err(date_error(test, key, table)),
    };
    let chart = &version.values;

    let mut levels = [Clb::ZERO; 4];
    for (i, ability) in Ability::ALL.into_iter().enumerate() {
        let score = test.score(ability);
        let scale = &chart.scales[i];
        if !scale.accepts(score) {
            return Err(RulesError::invalid(
                ability.as_str(),
                format!(
                    "{score} is not {}: {}",
                    score_name(test.test, tef_scale, ability, chart),
                    scale.describe()
                ),
            ));
        }
        let level = chart.level(i, score);
        if level == Clb::ZERO {
            notes.push(
                AssessText::BelowChart {
                    ability,
                    score,
                    test: test.test,
                    lowest: chart.lowest[i],
                }
                .into(),
            );
        }
        levels[i] = level;
    }

    if key == ChartKey::Tef699 {
        notes.push(AssessText::Tef699Entered.into());
    }

    let [listening, reading, writing, speaking] = levels;
    Ok(ConvertedTest {
        levels: LanguageLevels {
            language: test.test.language(),
            listening,
            reading,
            writing,
            speaking,
        },
        test: test.test,
        test_date: test.test_date,
        chart: Cow::Borrowed(chart.id.as_str()),
        source: version.source.clone(),
        notes,
    })
}

/// The scores a test accepts for one ability, e.g. IELTS 0 to 9 in steps of 0.5.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreScale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl ScoreScale {
    /// Whether `score` is on the scale (in range and on a step).
    pub fn accepts(self, score: f64) -> bool {
        score.is_finite()
            && score >= self.min
            && score <= self.max
            && ((score - self.min) / self.step).fract() == 0.0
    }
}

/// The scale of the chart [`convert`] uses for this test, ability and date
/// (`tef_scale` as in the profile: `None` takes the contract's default), so a
/// form can check each score as it is typed and say what is expected in its
/// own words. `None` when no chart covers the date ([`convert`] says why).
pub fn score_scale(
    test: TestKind,
    tef_scale: Option<TefScale>,
    test_date: Date,
    ability: Ability,
) -> Option<ScoreScale> {
    let tef_scale = match test {
        TestKind::TefCanada => Some(tef_scale.unwrap_or_else(|| TefScale::default_for(test_date))),
        _ => None,
    };
    let table = chart_table(ChartKey::for_test(test, tef_scale)).ok()?;
    let chart = &table.in_force(test_date)?.values;
    let i = Ability::ALL.iter().position(|a| *a == ability)?;
    let s = &chart.scales[i];
    Some(ScoreScale {
        min: s.min,
        max: s.max,
        step: s.step,
    })
}

/// The last day a result is valid: the day before the second anniversary of
/// the test date (MI s.3(4): results "two or more years old" no longer count).
/// A test on February 29 has its anniversary on February 28 of a common year,
/// so e.g. 2024-02-29 is valid until 2026-02-27.
pub fn valid_until(test_date: Date) -> Date {
    let years = i64::from(validity_years());
    match test_date.checked_add(years.years()) {
        Ok(anniversary) => anniversary.yesterday().unwrap_or(anniversary),
        Err(_) => Date::MAX,
    }
}

/// `Some(reason)` when `test` cannot count on `as_of`. A TEF Canada result
/// entered on the 0–699 scale before that scale existed is not left out: its
/// scores were entered on the wrong scale, which the person can fix, so
/// converting it stays an error that says how.
pub fn left_out(test: &LanguageTest, as_of: Date) -> Option<LeftOut> {
    if test.test_date > as_of {
        return Some(LeftOut::TakenLater);
    }
    if !is_valid_on(test.test_date, as_of) {
        return Some(LeftOut::Expired {
            until: valid_until(test.test_date),
        });
    }
    let key = ChartKey::for_test(test.test, test.tef_scale_or_default());
    if key == ChartKey::Tef699 {
        return None;
    }
    let table = chart_table(key).ok()?;
    let from = table.earliest();
    (test.test_date < from).then_some(LeftOut::NotAcceptedYet { from })
}

/// True when a result from `test_date` counts on `as_of`: taken on or before
/// `as_of` and `as_of` no later than [`valid_until`].
pub fn is_valid_on(test_date: Date, as_of: Date) -> bool {
    test_date <= as_of && as_of <= valid_until(test_date)
}

/// The validity rule (`validity.toml`) with its source.
pub fn validity_rule() -> Result<&'static Version<Validity>> {
    let table = VALIDITY.as_ref().map_err(|e| load_error(e))?;
    table
        .versions
        .last()
        .ok_or_else(|| load_error("no versions"))
}

/// The embedded chart files: (file name under `crates/rules/data/language/`,
/// TOML text).
pub const DATA_FILES: [(&str, &str); 7] = [
    (
        "ielts_general.toml",
        include_str!("../../data/language/ielts_general.toml"),
    ),
    (
        "celpip_general.toml",
        include_str!("../../data/language/celpip_general.toml"),
    ),
    (
        "pte_core.toml",
        include_str!("../../data/language/pte_core.toml"),
    ),
    (
        "tef_canada_ancien_score.toml",
        include_str!("../../data/language/tef_canada_ancien_score.toml"),
    ),
    (
        "tef_canada_score_699.toml",
        include_str!("../../data/language/tef_canada_score_699.toml"),
    ),
    (
        "tcf_canada.toml",
        include_str!("../../data/language/tcf_canada.toml"),
    ),
    (
        "validity.toml",
        include_str!("../../data/language/validity.toml"),
    ),
];

/// Parse and check every embedded language table (the copies the engine
/// uses): `Table::check()` plus each chart's own checks (levels in order,
/// ranges contiguous and inside the score scale). Returns the table ids, or
/// every problem found.
pub fn check_embedded_tables() -> std::result::Result<Vec<String>, Vec<String>> {
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for result in CHARTS.iter() {
        match result {
            Ok(table) => ids.push(table.id.clone()),
            Err(e) => problems.push(e.clone()),
        }
    }
    match &*VALIDITY {
        Ok(table) => ids.push(table.id.clone()),
        Err(e) => problems.push(e.clone()),
    }
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(problems)
    }
}

type Loaded<T> = std::result::Result<Table<T>, String>;

static VALIDITY: LazyLock<Loaded<Validity>> = LazyLock::new(|| {
    let (file, text) = DATA_FILES[6];
    Table::from_embedded(text).map_err(|e| format!("{file}: {e}"))
});

/// The validity rule in force now (the newest version); 2 years (MI s.3(4))
/// only if the embedded table failed to load, which `check_embedded_tables`
/// and the tests rule out.
fn validity_years() -> u8 {
    const MI_3_4_YEARS: u8 = 2;
    validity_rule().map_or(MI_3_4_YEARS, |v| v.values.years)
}

fn load_error(e: &str) -> RulesError {
    RulesError::invalid(
        "",
        format!("internal error: an embedded language table failed to load: {e}"),
    )
}

/// "an IELTS General Training", "a TCF Canada writing", "a TEF Canada reading
/// … on the old scale (Équivalence ancien score)".
fn score_name(test: TestKind, tef: Option<TefScale>, ability: Ability, chart: &Chart) -> String {
    let first = &chart.scales[0];
    let uniform = chart
        .scales
        .iter()
        .all(|s| s.min == first.min && s.max == first.max && s.step == first.step);
    let ability_part = if uniform {
        String::new()
    } else {
        format!(" {ability}")
    };
    let scale_part = match tef {
        Some(TefScale::Score699) => " on the 0–699 scale",
        Some(TefScale::AncienScore) => " on the old scale (Équivalence ancien score)",
        None => "",
    };
    format!(
        "{} {}{ability_part} score{scale_part}",
        test.article(),
        test.display_name()
    )
}

/// Why no chart covers the test date, on the field to fix.
fn date_error(test: &LanguageTest, key: ChartKey, table: &Table<Chart>) -> RulesError {
    let d = test.test_date;
    let earliest = table.earliest();
    let name = test.test.display_name();
    if key == ChartKey::Pte && d < earliest {
        return RulesError::invalid(
            "test_date",
            format!(
                "{name} results count for Express Entry only for tests taken on or after {earliest}; this test was taken on {d}"
            ),
        );
    }
    if key == ChartKey::Tef699 && d < earliest {
        let old_scale_until = chart_table(ChartKey::TefAncien).ok().and_then(|t| {
            t.versions
                .iter()
                .find_map(|v| v.values.old_scale_tests_before)
        });
        match old_scale_until {
            Some(before) if d < before => {
                return RulesError::invalid(
                    "tef_scale",
                    format!(
                        "{name} tests taken before {before} report the old scale (reading /300, listening /360, writing and speaking /450) and no 0–699 chart covers them; this test was taken on {d}: enter those scores with tef_scale \"ancien_score\""
                    ),
                );
            }
            Some(before) => {
                return RulesError::invalid(
                    "test_date",
                    format!(
                        "{d} falls between IRCC's published {name} charts (the old-scale chart covers tests taken before {before}, the 0–699 chart tests taken from {earliest}), so a 0–699 score from that day cannot be converted without guessing: enter the attestation's \"Équivalence ancien score\" values with tef_scale \"ancien_score\""
                    ),
                );
            }
            None => {}
        }
    }
    RulesError::invalid(
        "test_date",
        format!(
            "no {name} chart covers a test taken on {d}: the charts held here start with tests taken on {earliest}"
        ),
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::chart::{ChartSpec, Scale};
    use super::*;
    use crate::clb::Language;
    use jiff::civil::date;

    /// The scale a form checks against is the one `convert` applies.
    #[test]
    fn score_scale_is_the_scale_convert_checks() {
        let d = date(2024, 5, 1);
        let ielts = score_scale(TestKind::IeltsGeneral, None, d, Ability::Reading).unwrap();
        assert_eq!((ielts.min, ielts.max, ielts.step), (0.0, 9.0, 0.5));
        assert!(ielts.accepts(6.5) && !ielts.accepts(6.3) && !ielts.accepts(9.5));
        for kind in [
            TestKind::IeltsGeneral,
            TestKind::CelpipGeneral,
            TestKind::PteCore,
            TestKind::TefCanada,
            TestKind::TcfCanada,
        ] {
            for ability in Ability::ALL {
                let s = score_scale(kind, None, d, ability).unwrap();
                let mut scores = [s.min; 4];
                let i = Ability::ALL.iter().position(|a| *a == ability).unwrap();
                scores[i] = s.max + s.step;
                assert!(
                    convert(&test(kind, d, scores)).is_err(),
                    "{kind:?} {ability:?}"
                );
                scores[i] = s.max;
                assert!(
                    convert(&test(kind, d, scores)).is_ok(),
                    "{kind:?} {ability:?}"
                );
            }
        }
    }

    fn test(kind: TestKind, d: Date, scores: [f64; 4]) -> LanguageTest {
        LanguageTest {
            test: kind,
            test_date: d,
            listening: scores[0],
            reading: scores[1],
            writing: scores[2],
            speaking: scores[3],
            tef_scale: None,
        }
    }

    #[test]
    fn every_embedded_table_loads() {
        let ids = check_embedded_tables().unwrap();
        assert_eq!(ids.len(), DATA_FILES.len());
        for key in ChartKey::ALL {
            let table = chart_table(key).unwrap();
            assert!(table.id.starts_with("language."), "{}", table.id);
            table.check().unwrap();
        }
    }

    #[test]
    fn data_files_are_in_chart_key_order() {
        let expected = [
            "language.ielts_general",
            "language.celpip_general",
            "language.pte_core",
            "language.tef_canada.ancien_score",
            "language.tef_canada.score_699",
            "language.tcf_canada",
        ];
        for (key, id) in ChartKey::ALL.into_iter().zip(expected) {
            assert_eq!(chart_table(key).unwrap().id, id);
        }
        assert_eq!(VALIDITY.as_ref().unwrap().id, "language.validity");
    }

    #[test]
    fn contract_default_matches_the_first_699_chart() {
        let t699 = chart_table(ChartKey::Tef699).unwrap();
        assert_eq!(t699.earliest(), TefScale::SCORE_699_DEFAULT_FROM);
        let before = chart_table(ChartKey::TefAncien)
            .unwrap()
            .versions
            .iter()
            .find_map(|v| v.values.old_scale_tests_before)
            .unwrap();
        // Exactly one day (2019-09-30) is covered by neither label.
        assert_eq!(before, date(2019, 9, 30));
        assert_eq!(before.tomorrow().unwrap(), t699.earliest());
    }

    #[test]
    fn serde_names_follow_the_contract() {
        for kind in TestKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(
            serde_json::to_string(&TefScale::Score699).unwrap(),
            "\"score_699\""
        );
        assert_eq!(
            serde_json::to_string(&TefScale::AncienScore).unwrap(),
            "\"ancien_score\""
        );
    }

    #[test]
    fn language_test_rejects_unknown_fields() {
        let json = r#"{"test":"ielts_general","test_date":"2025-01-02","listening":7,"reading":7,"writing":7,"speaking":7,"overall":7}"#;
        assert!(serde_json::from_str::<LanguageTest>(json).is_err());
        let json = r#"{"test":"tef_canada","test_date":"2025-01-02","listening":400,"reading":400,"writing":400,"speaking":400,"tef_scale":"score_699"}"#;
        let t: LanguageTest = serde_json::from_str(json).unwrap();
        assert_eq!(t.tef_scale, Some(TefScale::Score699));
        let back = serde_json::to_value(&t).unwrap();
        assert_eq!(back["test_date"], "2025-01-02");
        assert_eq!(back["tef_scale"], "score_699");
    }

    #[test]
    fn scale_accepts_steps_and_bounds() {
        let ielts = Scale {
            min: 0.0,
            max: 9.0,
            step: 0.5,
            note: None,
        };
        for ok in [0.0, 0.5, 6.5, 9.0] {
            assert!(ielts.accepts(ok), "{ok}");
        }
        for bad in [6.3, 9.5, -0.5, f64::NAN, f64::INFINITY] {
            assert!(!ielts.accepts(bad), "{bad}");
        }
        assert_eq!(ielts.describe(), "bands 0 to 9 in steps of 0.5");
        let pte = Scale {
            min: 10.0,
            max: 90.0,
            step: 1.0,
            note: None,
        };
        assert!(!pte.accepts(9.0) && !pte.accepts(55.5) && pte.accepts(10.0));
        assert_eq!(pte.describe(), "whole numbers from 10 to 90");
    }

    fn spec(text: &str) -> ChartSpec {
        let full = format!(
            "[scale]\nlistening = {{ min = 0, max = 20, step = 1 }}\nreading = {{ min = 0, max = 20, step = 1 }}\nwriting = {{ min = 0, max = 20, step = 1 }}\nspeaking = {{ min = 0, max = 20, step = 1 }}\n{text}"
        );
        toml::from_str(&full).unwrap()
    }

    fn row(clb: u8, cell: &str) -> String {
        format!(
            "[[row]]\nclb = {clb}\nlistening = {cell}\nreading = {cell}\nwriting = {cell}\nspeaking = {cell}\n"
        )
    }

    #[test]
    fn compile_accepts_contiguous_ranges() {
        let chart = Chart::compile(spec(&(row(10, "[16, 20]") + &row(9, "[10, 15]")))).unwrap();
        assert_eq!(chart.level(0, 20.0).level(), 10);
        assert_eq!(chart.level(0, 16.0).level(), 10);
        assert_eq!(chart.level(0, 15.0).level(), 9);
        assert_eq!(chart.level(0, 9.0), Clb::ZERO);
        assert_eq!(chart.lowest[0].level(), 9);
    }

    #[test]
    fn compile_rejects_bad_charts() {
        let cases = [
            (
                row(10, "[16, 20]") + &row(9, "[10, 14]"),
                "should end at 15",
            ),
            (row(10, "[16, 19]"), "should end at 20"),
            (row(9, "[16, 20]") + &row(10, "[10, 15]"), "out of order"),
            (row(10, "16") + &row(9, "[10, 15]"), "mixes"),
            (row(10, "16") + &row(9, "17"), "not below"),
            (row(10, "16.5"), "not on the scale"),
            (row(11, "16"), "outside 1 to 10"),
            (String::new(), "no rows"),
        ];
        for (text, wanted) in cases {
            let err = Chart::compile(spec(&text)).unwrap_err();
            assert!(err.contains(wanted), "{err:?} should contain {wanted:?}");
        }
    }

    #[test]
    fn chart_id_carries_the_version_date() {
        let mut t = test(TestKind::TefCanada, date(2024, 5, 1), [500.0; 4]);
        t.tef_scale = Some(TefScale::Score699);
        let c = convert(&t).unwrap();
        assert_eq!(c.chart, "language.tef_canada.score_699_2023_12_11");
        assert_eq!(c.source.confidence.as_deref(), Some("C2"));
    }

    #[test]
    fn ielts_worked_example() {
        // contracts/examples/profiles.jsonl, first profile.
        let c = convert(&test(
            TestKind::IeltsGeneral,
            date(2025, 11, 20),
            [7.5, 6.5, 6.5, 7.0],
        ))
        .unwrap();
        assert_eq!(c.levels.listening.level(), 8);
        assert_eq!(c.levels.reading.level(), 8);
        assert_eq!(c.levels.writing.level(), 8);
        assert_eq!(c.levels.speaking.level(), 9);
        assert_eq!(c.levels.language, Language::English);
        assert!(c.notes.is_empty(), "{:?}", c.notes);
    }

    #[test]
    fn invalid_score_names_the_ability() {
        let err = convert(&test(
            TestKind::IeltsGeneral,
            date(2025, 1, 1),
            [7.0, 6.3, 7.0, 7.0],
        ))
        .unwrap_err();
        assert_eq!(err.field(), "reading");
        assert_eq!(
            err.message(),
            "6.3 is not an IELTS General Training score: bands 0 to 9 in steps of 0.5"
        );
    }

    #[test]
    fn validity_reads_two_years() {
        assert_eq!(validity_rule().unwrap().values.years, 2);
        assert_eq!(valid_until(date(2024, 2, 29)), date(2026, 2, 27));
        assert_eq!(valid_until(date(2024, 3, 1)), date(2026, 2, 28));
        assert_eq!(valid_until(Date::MAX), Date::MAX);
    }
}
