//! Golden tests of the language-test charts, through the public API only.
//!
//! The charts below are typed again from rules.md §4 (not read from the TOML
//! files), so a slip in either copy shows up as a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jiff::civil::{Date, date};
use landed_rules::clb::{Ability, Language};
use landed_rules::language::*;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Golden charts: per row (level, [(low, high)] in listening, reading, writing,
// speaking order), highest level first; scales as (min, max, step).
// ---------------------------------------------------------------------------

type Rows = &'static [(u8, [(f64, f64); 4])];

struct Golden {
    name: &'static str,
    kind: TestKind,
    tef: Option<TefScale>,
    date: Date,
    chart: &'static str,
    scales: [(f64, f64, f64); 4],
    rows: Rows,
}

const fn same4<T: Copy>(x: T) -> [T; 4] {
    [x, x, x, x]
}

const IELTS: Rows = &[
    (10, [(8.5, 9.0), (8.0, 9.0), (7.5, 9.0), (7.5, 9.0)]),
    (9, [(8.0, 8.0), (7.0, 7.5), (7.0, 7.0), (7.0, 7.0)]),
    (8, [(7.5, 7.5), (6.5, 6.5), (6.5, 6.5), (6.5, 6.5)]),
    (7, [(6.0, 7.0), (6.0, 6.0), (6.0, 6.0), (6.0, 6.0)]),
    (6, [(5.5, 5.5), (5.0, 5.5), (5.5, 5.5), (5.5, 5.5)]),
    (5, [(5.0, 5.0), (4.0, 4.5), (5.0, 5.0), (5.0, 5.0)]),
    (4, [(4.5, 4.5), (3.5, 3.5), (4.0, 4.5), (4.0, 4.5)]),
];

const CELPIP: Rows = &[
    (10, same4((10.0, 12.0))),
    (9, same4((9.0, 9.0))),
    (8, same4((8.0, 8.0))),
    (7, same4((7.0, 7.0))),
    (6, same4((6.0, 6.0))),
    (5, same4((5.0, 5.0))),
    (4, same4((4.0, 4.0))),
];

const PTE: Rows = &[
    (10, [(89.0, 90.0), (88.0, 90.0), (90.0, 90.0), (89.0, 90.0)]),
    (9, [(82.0, 88.0), (78.0, 87.0), (88.0, 89.0), (84.0, 88.0)]),
    (8, [(71.0, 81.0), (69.0, 77.0), (79.0, 87.0), (76.0, 83.0)]),
    (7, [(60.0, 70.0), (60.0, 68.0), (69.0, 78.0), (68.0, 75.0)]),
    (6, [(50.0, 59.0), (51.0, 59.0), (60.0, 68.0), (59.0, 67.0)]),
    (5, [(39.0, 49.0), (42.0, 50.0), (51.0, 59.0), (51.0, 58.0)]),
    (4, [(28.0, 38.0), (33.0, 41.0), (41.0, 50.0), (42.0, 50.0)]),
    (3, [(18.0, 27.0), (24.0, 32.0), (32.0, 40.0), (34.0, 41.0)]),
];

const TEF_ANCIEN: Rows = &[
    (
        10,
        [
            (316.0, 360.0),
            (263.0, 300.0),
            (393.0, 450.0),
            (393.0, 450.0),
        ],
    ),
    (
        9,
        [
            (298.0, 315.0),
            (248.0, 262.0),
            (371.0, 392.0),
            (371.0, 392.0),
        ],
    ),
    (
        8,
        [
            (280.0, 297.0),
            (233.0, 247.0),
            (349.0, 370.0),
            (349.0, 370.0),
        ],
    ),
    (
        7,
        [
            (249.0, 279.0),
            (207.0, 232.0),
            (310.0, 348.0),
            (310.0, 348.0),
        ],
    ),
    (
        6,
        [
            (217.0, 248.0),
            (181.0, 206.0),
            (271.0, 309.0),
            (271.0, 309.0),
        ],
    ),
    (
        5,
        [
            (181.0, 216.0),
            (151.0, 180.0),
            (226.0, 270.0),
            (226.0, 270.0),
        ],
    ),
    (
        4,
        [
            (145.0, 180.0),
            (121.0, 150.0),
            (181.0, 225.0),
            (181.0, 225.0),
        ],
    ),
];

const TEF_2019: Rows = &[
    (10, same4((566.0, 699.0))),
    (9, same4((533.0, 565.0))),
    (8, same4((500.0, 532.0))),
    (7, same4((450.0, 499.0))),
    (6, same4((400.0, 449.0))),
    (5, same4((350.0, 399.0))),
    (4, same4((300.0, 349.0))),
];

const TEF_2023: Rows = &[
    (
        10,
        [
            (546.0, 699.0),
            (546.0, 699.0),
            (558.0, 699.0),
            (556.0, 699.0),
        ],
    ),
    (
        9,
        [
            (503.0, 545.0),
            (503.0, 545.0),
            (512.0, 557.0),
            (518.0, 555.0),
        ],
    ),
    (
        8,
        [
            (462.0, 502.0),
            (462.0, 502.0),
            (472.0, 511.0),
            (494.0, 517.0),
        ],
    ),
    (
        7,
        [
            (434.0, 461.0),
            (434.0, 461.0),
            (428.0, 471.0),
            (456.0, 493.0),
        ],
    ),
    (
        6,
        [
            (393.0, 433.0),
            (393.0, 433.0),
            (379.0, 427.0),
            (422.0, 455.0),
        ],
    ),
    (
        5,
        [
            (352.0, 392.0),
            (352.0, 392.0),
            (330.0, 378.0),
            (387.0, 421.0),
        ],
    ),
    (
        4,
        [
            (306.0, 351.0),
            (306.0, 351.0),
            (268.0, 329.0),
            (328.0, 386.0),
        ],
    ),
];

const TCF: Rows = &[
    (
        10,
        [(549.0, 699.0), (549.0, 699.0), (16.0, 20.0), (16.0, 20.0)],
    ),
    (
        9,
        [(523.0, 548.0), (524.0, 548.0), (14.0, 15.0), (14.0, 15.0)],
    ),
    (
        8,
        [(503.0, 522.0), (499.0, 523.0), (12.0, 13.0), (12.0, 13.0)],
    ),
    (
        7,
        [(458.0, 502.0), (453.0, 498.0), (10.0, 11.0), (10.0, 11.0)],
    ),
    (6, [(398.0, 457.0), (406.0, 452.0), (7.0, 9.0), (7.0, 9.0)]),
    (5, [(369.0, 397.0), (375.0, 405.0), (6.0, 6.0), (6.0, 6.0)]),
    (4, [(331.0, 368.0), (342.0, 374.0), (4.0, 5.0), (4.0, 5.0)]),
];

fn goldens() -> Vec<Golden> {
    vec![
        Golden {
            name: "IELTS General Training",
            kind: TestKind::IeltsGeneral,
            tef: None,
            date: date(2025, 6, 1),
            chart: "language.ielts_general_2015_01_01",
            scales: same4((0.0, 9.0, 0.5)),
            rows: IELTS,
        },
        Golden {
            name: "CELPIP-General",
            kind: TestKind::CelpipGeneral,
            tef: None,
            date: date(2025, 6, 1),
            chart: "language.celpip_general_2015_01_01",
            scales: same4((0.0, 12.0, 1.0)),
            rows: CELPIP,
        },
        Golden {
            name: "PTE Core",
            kind: TestKind::PteCore,
            tef: None,
            date: date(2025, 6, 1),
            chart: "language.pte_core_2024_01_30",
            scales: same4((10.0, 90.0, 1.0)),
            rows: PTE,
        },
        Golden {
            name: "TEF Canada ancien score",
            kind: TestKind::TefCanada,
            tef: Some(TefScale::AncienScore),
            date: date(2025, 6, 1),
            chart: "language.tef_canada.ancien_score_2015_01_01",
            scales: [
                (0.0, 360.0, 1.0),
                (0.0, 300.0, 1.0),
                (0.0, 450.0, 1.0),
                (0.0, 450.0, 1.0),
            ],
            rows: TEF_ANCIEN,
        },
        Golden {
            name: "TEF Canada 0-699, 2019-10-01 to 2023-12-10",
            kind: TestKind::TefCanada,
            tef: Some(TefScale::Score699),
            date: date(2021, 6, 1),
            chart: "language.tef_canada.score_699_2019_10_01",
            scales: same4((0.0, 699.0, 1.0)),
            rows: TEF_2019,
        },
        Golden {
            name: "TEF Canada 0-699, from 2023-12-11",
            kind: TestKind::TefCanada,
            tef: Some(TefScale::Score699),
            date: date(2024, 6, 1),
            chart: "language.tef_canada.score_699_2023_12_11",
            scales: same4((0.0, 699.0, 1.0)),
            rows: TEF_2023,
        },
        Golden {
            name: "TCF Canada",
            kind: TestKind::TcfCanada,
            tef: None,
            date: date(2025, 6, 1),
            chart: "language.tcf_canada_2015_01_01",
            scales: [
                (0.0, 699.0, 1.0),
                (0.0, 699.0, 1.0),
                (0.0, 20.0, 1.0),
                (0.0, 20.0, 1.0),
            ],
            rows: TCF,
        },
    ]
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn lt(
    kind: TestKind,
    tef: Option<TefScale>,
    test_date: Date,
    [listening, reading, writing, speaking]: [f64; 4],
) -> LanguageTest {
    LanguageTest {
        test: kind,
        test_date,
        listening,
        reading,
        writing,
        speaking,
        tef_scale: tef,
    }
}

fn ability_index(ability: Ability) -> usize {
    Ability::ALL.iter().position(|a| *a == ability).unwrap()
}

/// Scores with `score` for `ability` and each other ability at its scale's minimum.
fn scores_with(g: &Golden, ability: Ability, score: f64) -> [f64; 4] {
    let mut scores = g.scales.map(|(min, _, _)| min);
    scores[ability_index(ability)] = score;
    scores
}

/// The level of one ability's score under a golden chart's test, scale and date.
fn level(g: &Golden, ability: Ability, score: f64) -> landed_rules::Result<u8> {
    let t = lt(g.kind, g.tef, g.date, scores_with(g, ability, score));
    convert(&t).map(|c| c.levels.get(ability).level())
}

/// The level the golden rows give a score: the row containing it, else 0.
fn expected(g: &Golden, ability: Ability, score: f64) -> u8 {
    let i = ability_index(ability);
    g.rows
        .iter()
        .find(|(_, cells)| cells[i].0 <= score && score <= cells[i].1)
        .map_or(0, |(clb, _)| *clb)
}

// ---------------------------------------------------------------------------
// Band edges and every score
// ---------------------------------------------------------------------------

#[test]
fn golden_rows_are_contiguous() {
    // Guards the hand-typed tables above against typos.
    for g in goldens() {
        for i in 0..4 {
            let (_, max, step) = g.scales[i];
            assert_eq!(g.rows[0].1[i].1, max, "{} top", g.name);
            for pair in g.rows.windows(2) {
                let (upper, lower) = (pair[0].1[i], pair[1].1[i]);
                assert_eq!(lower.1 + step, upper.0, "{} {:?}", g.name, pair);
                assert!(lower.0 <= lower.1, "{} {:?}", g.name, pair);
            }
        }
    }
}

#[test]
fn every_band_edge_on_both_sides() {
    let mut checked = 0;
    for g in goldens() {
        for ability in Ability::ALL {
            let i = ability_index(ability);
            let (scale_min, scale_max, step) = g.scales[i];
            for (k, (clb, cells)) in g.rows.iter().enumerate() {
                let (low, high) = cells[i];
                let what = format!("{} {ability}", g.name);
                assert_eq!(level(&g, ability, low).unwrap(), *clb, "{what} {low}");
                assert_eq!(level(&g, ability, high).unwrap(), *clb, "{what} {high}");
                // One step below the band: the next row down, or level 0.
                let below = low - step;
                if below >= scale_min {
                    let want = g.rows.get(k + 1).map_or(0, |(c, _)| *c);
                    assert_eq!(level(&g, ability, below).unwrap(), want, "{what} {below}");
                }
                // One step above the band: the row above (none above the top).
                let above = high + step;
                if above <= scale_max {
                    let want = g.rows[k - 1].0;
                    assert_eq!(level(&g, ability, above).unwrap(), want, "{what} {above}");
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 4 * (7 + 7 + 8 + 7 + 7 + 7 + 7));
}

#[test]
fn every_valid_score_gets_the_golden_level() {
    for g in goldens() {
        for ability in Ability::ALL {
            let (min, max, step) = g.scales[ability_index(ability)];
            let n = ((max - min) / step) as u32;
            for k in 0..=n {
                let score = min + f64::from(k) * step;
                assert_eq!(
                    level(&g, ability, score).unwrap(),
                    expected(&g, ability, score),
                    "{} {ability} {score}",
                    g.name
                );
            }
        }
    }
}

#[test]
fn each_chart_is_named_with_its_version_and_language() {
    for g in goldens() {
        let t = lt(g.kind, g.tef, g.date, g.scales.map(|(_, max, _)| max));
        let c = convert(&t).unwrap();
        assert_eq!(c.chart, g.chart, "{}", g.name);
        assert_eq!(c.test, g.kind);
        assert_eq!(c.test_date, g.date);
        assert_eq!(c.levels.language, g.kind.language());
        assert!(c.levels.all_at_least(10), "{}: {:?}", g.name, c.levels);
        assert!(!c.source.href.is_empty() && c.source.confidence.is_some());
    }
}

#[test]
fn worked_examples() {
    let ielts = &goldens()[0];
    let cases = [
        (Ability::Reading, 6.5, 8),
        (Ability::Reading, 6.0, 7),
        (Ability::Reading, 7.5, 9),
        (Ability::Reading, 8.0, 10),
        (Ability::Listening, 7.0, 7),
        (Ability::Listening, 8.0, 9),
        (Ability::Writing, 7.5, 10),
        (Ability::Speaking, 3.5, 0),
        (Ability::Reading, 3.0, 0),
    ];
    for (ability, score, want) in cases {
        assert_eq!(
            level(ielts, ability, score).unwrap(),
            want,
            "{ability} {score}"
        );
    }
    let c = convert(&lt(
        TestKind::CelpipGeneral,
        None,
        date(2026, 3, 1),
        [6.0, 5.0, 5.0, 6.0],
    ))
    .unwrap();
    assert_eq!(
        c.levels.summary(),
        "CLB listening 6, reading 5, writing 5, speaking 6"
    );
    // CELPIP 11 and 12 are CLB 10; M (0) to 3 are below the chart.
    let c = convert(&lt(
        TestKind::CelpipGeneral,
        None,
        date(2026, 3, 1),
        [12.0, 11.0, 3.0, 0.0],
    ))
    .unwrap();
    assert_eq!(
        [
            c.levels.listening,
            c.levels.reading,
            c.levels.writing,
            c.levels.speaking
        ]
        .map(|l| l.level()),
        [10, 10, 0, 0]
    );
    assert_eq!(c.notes.len(), 2, "{:?}", c.notes);
    assert!(
        c.notes[0].contains("below the lowest level"),
        "{:?}",
        c.notes
    );
}

// ---------------------------------------------------------------------------
// Invalid scores
// ---------------------------------------------------------------------------

#[test]
fn invalid_scores_are_errors_on_the_ability() {
    let g = goldens();
    let (ielts, celpip, pte, ancien, tef2019, tef2023, tcf) =
        (&g[0], &g[1], &g[2], &g[3], &g[4], &g[5], &g[6]);
    let cases: Vec<(&Golden, Ability, f64, &str)> = vec![
        (
            ielts,
            Ability::Reading,
            6.3,
            "6.3 is not an IELTS General Training score: bands 0 to 9 in steps of 0.5",
        ),
        (
            ielts,
            Ability::Listening,
            9.5,
            "9.5 is not an IELTS General Training score",
        ),
        (
            ielts,
            Ability::Speaking,
            -0.5,
            "-0.5 is not an IELTS General Training score",
        ),
        (
            ielts,
            Ability::Writing,
            f64::NAN,
            "NaN is not an IELTS General Training score",
        ),
        (
            ielts,
            Ability::Writing,
            f64::INFINITY,
            "inf is not an IELTS General Training score",
        ),
        (
            celpip,
            Ability::Listening,
            13.0,
            "13 is not a CELPIP-General score: whole numbers from 0 to 12 (enter M as 0)",
        ),
        (
            celpip,
            Ability::Reading,
            6.5,
            "6.5 is not a CELPIP-General score",
        ),
        (
            celpip,
            Ability::Speaking,
            -1.0,
            "-1 is not a CELPIP-General score",
        ),
        (
            pte,
            Ability::Reading,
            95.0,
            "95 is not a PTE Core score: whole numbers from 10 to 90",
        ),
        (pte, Ability::Writing, 9.0, "9 is not a PTE Core score"),
        (pte, Ability::Speaking, 55.5, "55.5 is not a PTE Core score"),
        (pte, Ability::Listening, -5.0, "-5 is not a PTE Core score"),
        (
            ancien,
            Ability::Reading,
            301.0,
            "301 is not a TEF Canada reading score on the old scale (Équivalence ancien score): whole numbers from 0 to 300",
        ),
        (
            ancien,
            Ability::Listening,
            361.0,
            "361 is not a TEF Canada listening score on the old scale",
        ),
        (
            ancien,
            Ability::Writing,
            451.0,
            "whole numbers from 0 to 450",
        ),
        (
            ancien,
            Ability::Speaking,
            451.0,
            "whole numbers from 0 to 450",
        ),
        (
            ancien,
            Ability::Reading,
            200.5,
            "200.5 is not a TEF Canada reading score",
        ),
        (
            tef2019,
            Ability::Speaking,
            700.0,
            "700 is not a TEF Canada score on the 0–699 scale: whole numbers from 0 to 699",
        ),
        (
            tef2023,
            Ability::Writing,
            450.5,
            "450.5 is not a TEF Canada score on the 0–699 scale",
        ),
        (
            tef2023,
            Ability::Reading,
            -1.0,
            "-1 is not a TEF Canada score",
        ),
        (
            tcf,
            Ability::Writing,
            21.0,
            "21 is not a TCF Canada writing score: whole numbers from 0 to 20",
        ),
        (
            tcf,
            Ability::Speaking,
            20.5,
            "20.5 is not a TCF Canada speaking score",
        ),
        (
            tcf,
            Ability::Listening,
            700.0,
            "700 is not a TCF Canada listening score: whole numbers from 0 to 699",
        ),
        (
            tcf,
            Ability::Reading,
            -1.0,
            "-1 is not a TCF Canada reading score",
        ),
    ];
    for (g, ability, score, wanted) in cases {
        let err = level(g, ability, score).unwrap_err();
        assert_eq!(err.field(), ability.as_str(), "{} {score}", g.name);
        assert!(
            err.message().contains(wanted),
            "{} {ability} {score}: {:?} should contain {wanted:?}",
            g.name,
            err.message()
        );
    }
    // The first invalid ability in listening, reading, writing, speaking order is reported.
    let err = convert(&lt(
        TestKind::IeltsGeneral,
        None,
        date(2025, 1, 1),
        [7.0, 9.5, -1.0, 7.0],
    ))
    .unwrap_err();
    assert_eq!(err.field(), "reading");
    // A field path can be prefixed by the caller.
    assert_eq!(
        err.within("language_tests[0]").field(),
        "language_tests[0].reading"
    );
}

#[test]
fn tef_scale_is_for_tef_only() {
    let t = lt(
        TestKind::IeltsGeneral,
        Some(TefScale::AncienScore),
        date(2025, 1, 1),
        [7.0; 4],
    );
    let err = convert(&t).unwrap_err();
    assert_eq!(err.field(), "tef_scale");
    assert!(
        err.message().contains("only to TEF Canada"),
        "{}",
        err.message()
    );
}

// ---------------------------------------------------------------------------
// Chart selection by date
// ---------------------------------------------------------------------------

fn tef(d: Date, scale: Option<TefScale>, score: f64) -> landed_rules::Result<ConvertedTest> {
    convert(&lt(TestKind::TefCanada, scale, d, [score; 4]))
}

#[test]
fn tef_chart_by_test_date() {
    use TefScale::*;
    // Before 2019-09-30: the old scale; the default is ancien_score.
    let c = tef(date(2019, 9, 29), None, 300.0).unwrap();
    assert_eq!(c.chart, "language.tef_canada.ancien_score_2015_01_01");
    assert!(
        c.notes.iter().any(|n| n.contains("tef_scale not given")),
        "{:?}",
        c.notes
    );
    let err = tef(date(2019, 9, 29), Some(Score699), 500.0).unwrap_err();
    assert_eq!(err.field(), "tef_scale");
    assert!(err.message().contains("old scale"), "{}", err.message());

    // 2019-09-30: between the charts for 0-699 scores; the ancien score still works.
    let err = tef(date(2019, 9, 30), Some(Score699), 500.0).unwrap_err();
    assert_eq!(err.field(), "test_date");
    assert!(
        err.message().contains("2019-09-30 falls between"),
        "{}",
        err.message()
    );
    assert!(err.message().contains("ancien_score"), "{}", err.message());
    let c = tef(date(2019, 9, 30), None, 300.0).unwrap();
    assert_eq!(c.chart, "language.tef_canada.ancien_score_2015_01_01");

    // 2019-10-01 .. 2023-12-10: the same-for-all 0-699 chart (the default scale).
    for d in [date(2019, 10, 1), date(2023, 12, 10)] {
        let c = tef(d, None, 546.0).unwrap();
        assert_eq!(c.chart, "language.tef_canada.score_699_2019_10_01", "{d}");
        assert_eq!(c.levels.reading.level(), 9, "{d}");
        assert!(
            c.notes
                .iter()
                .any(|n| n.contains("Équivalence ancien score"))
        );
        assert_eq!(tef(d, None, 566.0).unwrap().levels.writing.level(), 10);
        assert_eq!(tef(d, None, 565.0).unwrap().levels.writing.level(), 9);
        assert_eq!(tef(d, None, 299.0).unwrap().levels.speaking.level(), 0);
    }

    // From 2023-12-11: the per-ability chart.
    let c = tef(date(2023, 12, 11), None, 546.0).unwrap();
    assert_eq!(c.chart, "language.tef_canada.score_699_2023_12_11");
    assert_eq!(c.levels.reading.level(), 10);
    assert_eq!(c.levels.listening.level(), 10);
    assert_eq!(c.levels.writing.level(), 9);
    assert_eq!(c.levels.speaking.level(), 9);
    assert_eq!(
        tef(date(2023, 12, 11), None, 517.0)
            .unwrap()
            .levels
            .speaking
            .level(),
        8
    );
    assert_eq!(c.levels.language, Language::French);
}

#[test]
fn tef_ancien_score_at_any_date() {
    let scores = [298.0, 233.0, 310.0, 226.0]; // listening 9, reading 8, writing 7, speaking 5
    for d in [
        date(2016, 5, 1),
        date(2019, 9, 29),
        date(2019, 9, 30),
        date(2019, 10, 1),
        date(2023, 12, 10),
        date(2023, 12, 11),
        date(2026, 8, 1),
    ] {
        let c = convert(&lt(
            TestKind::TefCanada,
            Some(TefScale::AncienScore),
            d,
            scores,
        ))
        .unwrap();
        assert_eq!(
            c.chart, "language.tef_canada.ancien_score_2015_01_01",
            "{d}"
        );
        assert_eq!(
            c.levels.summary(),
            "NCLC listening 9, reading 8, writing 7, speaking 5"
        );
        assert!(!c.notes.iter().any(|n| n.contains("tef_scale not given")));
    }
}

#[test]
fn pte_core_only_from_2024_01_30() {
    let err = convert(&lt(TestKind::PteCore, None, date(2024, 1, 29), [70.0; 4])).unwrap_err();
    assert_eq!(err.field(), "test_date");
    assert!(
        err.message().contains("on or after 2024-01-30"),
        "{}",
        err.message()
    );
    assert!(err.message().contains("2024-01-29"), "{}", err.message());
    let c = convert(&lt(TestKind::PteCore, None, date(2024, 1, 30), [70.0; 4])).unwrap();
    assert_eq!(c.chart, "language.pte_core_2024_01_30");
    assert_eq!(c.source.confidence.as_deref(), Some("C1"));
}

#[test]
fn tests_before_the_first_chart_are_errors_on_the_date() {
    for kind in [
        TestKind::IeltsGeneral,
        TestKind::CelpipGeneral,
        TestKind::TcfCanada,
        TestKind::TefCanada,
    ] {
        let err = convert(&lt(kind, None, date(2014, 12, 31), [5.0; 4])).unwrap_err();
        assert_eq!(err.field(), "test_date", "{kind}");
        assert!(err.message().contains("2015-01-01"), "{}", err.message());
    }
}

#[test]
fn default_tef_scale_follows_the_contract() {
    assert_eq!(
        TefScale::default_for(date(2019, 9, 30)),
        TefScale::AncienScore
    );
    assert_eq!(TefScale::default_for(date(2019, 10, 1)), TefScale::Score699);
    let t = lt(TestKind::TefCanada, None, date(2024, 1, 1), [400.0; 4]);
    assert_eq!(t.tef_scale_or_default(), Some(TefScale::Score699));
    let t = lt(TestKind::TcfCanada, None, date(2024, 1, 1), [400.0; 4]);
    assert_eq!(t.tef_scale_or_default(), None);
}

#[test]
fn test_kinds_and_contract_json() {
    let names: Vec<_> = TestKind::ALL
        .iter()
        .map(|k| serde_json::to_value(k).unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "ielts_general",
            "celpip_general",
            "pte_core",
            "tef_canada",
            "tcf_canada"
        ]
        .map(serde_json::Value::from)
    );
    assert_eq!(
        TestKind::IeltsGeneral.display_name(),
        "IELTS General Training"
    );
    assert_eq!(TestKind::TcfCanada.language(), Language::French);
    assert_eq!(TestKind::PteCore.language(), Language::English);

    let json = r#"{"test": "tef_canada", "test_date": "2024-03-01", "listening": 300, "reading": 250, "writing": 400, "speaking": 400, "tef_scale": "ancien_score"}"#;
    let t: LanguageTest = serde_json::from_str(json).unwrap();
    assert_eq!(t.tef_scale, Some(TefScale::AncienScore));
    assert_eq!(t.test_date, date(2024, 3, 1));
    let c = convert(&t).unwrap();
    assert_eq!(
        c.levels.summary(),
        "NCLC listening 9, reading 9, writing 10, speaking 10"
    );
    // Round trip, and tef_scale is omitted when absent.
    let back: LanguageTest = serde_json::from_value(serde_json::to_value(&t).unwrap()).unwrap();
    assert_eq!(back, t);
    let ielts = lt(TestKind::IeltsGeneral, None, date(2024, 3, 1), [7.0; 4]);
    assert!(
        serde_json::to_value(&ielts)
            .unwrap()
            .get("tef_scale")
            .is_none()
    );
    for bad in [
        r#"{"test": "ielts_academic", "test_date": "2024-03-01", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}"#,
        r#"{"test": "ielts_general", "test_date": "2024-03-01", "listening": 7, "reading": 7, "writing": 7}"#,
        r#"{"test": "ielts_general", "test_date": "2024-03-01", "listening": 7, "reading": 7, "writing": 7, "speaking": 7, "overall": 7}"#,
        r#"{"test": "tef_canada", "test_date": "2024-03-01", "listening": 7, "reading": 7, "writing": 7, "speaking": 7, "tef_scale": "score_450"}"#,
    ] {
        assert!(serde_json::from_str::<LanguageTest>(bad).is_err(), "{bad}");
    }
}

// ---------------------------------------------------------------------------
// Validity
// ---------------------------------------------------------------------------

#[test]
fn validity_boundaries() {
    let cases = [
        (date(2024, 3, 15), date(2026, 3, 14)),
        (date(2024, 1, 1), date(2025, 12, 31)),
        (date(2023, 12, 31), date(2025, 12, 30)),
        // A Feb 29 test: anniversary Feb 28 of the common year, last valid day Feb 27.
        (date(2024, 2, 29), date(2026, 2, 27)),
        (date(2024, 2, 28), date(2026, 2, 27)),
        (date(2024, 3, 1), date(2026, 2, 28)),
        // Expiring in a leap year.
        (date(2022, 2, 28), date(2024, 2, 27)),
        (date(2022, 3, 1), date(2024, 2, 29)),
    ];
    for (test_date, last) in cases {
        assert_eq!(valid_until(test_date), last, "{test_date}");
        assert!(is_valid_on(test_date, last), "{test_date} on {last}");
        let next = last.tomorrow().unwrap();
        assert!(!is_valid_on(test_date, next), "{test_date} on {next}");
        assert!(is_valid_on(test_date, test_date), "{test_date} same day");
        let before = test_date.yesterday().unwrap();
        assert!(
            !is_valid_on(test_date, before),
            "{test_date} taken after {before}"
        );
    }
    let rule = validity_rule().unwrap();
    assert_eq!(rule.values.years, 2);
    assert_eq!(rule.source.confidence.as_deref(), Some("C1"));
    assert!(
        rule.source
            .href
            .contains("amending-express-entry-system-2017")
    );
}

// ---------------------------------------------------------------------------
// Embedded tables and the transcribed CSV
// ---------------------------------------------------------------------------

#[test]
fn every_embedded_table_parses_and_checks() {
    let ids = check_embedded_tables().unwrap();
    assert_eq!(
        ids,
        [
            "language.ielts_general",
            "language.celpip_general",
            "language.pte_core",
            "language.tef_canada.ancien_score",
            "language.tef_canada.score_699",
            "language.tcf_canada",
            "language.validity",
        ]
    );
    assert_eq!(DATA_FILES.len(), ids.len());
    for (file, text) in DATA_FILES {
        assert!(file.ends_with(".toml"));
        assert!(text.contains("[[version]]"), "{file}");
        assert!(text.contains("source = {"), "{file}");
    }
}

#[test]
fn every_csv_row_agrees_with_the_charts() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/language/language_clb_equivalency.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "test,applies_to,benchmark,level,skill,score_as_published,min_score,max_score"
    );
    let g = goldens();
    let mut rows = 0;
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 8, "{line}");
        let golden = match (f[0], f[1]) {
            ("IELTS General Training", "all current results") => &g[0],
            ("CELPIP-General", "all current results") => &g[1],
            ("PTE Core", "all current results") => &g[2],
            ("TEF Canada", "tests taken after 2023-12-10") => &g[5],
            ("TCF Canada", "all current results") => &g[6],
            other => panic!("unexpected chart {other:?}"),
        };
        let benchmark = golden.kind.language();
        assert_eq!(
            f[2],
            if benchmark == Language::English {
                "CLB"
            } else {
                "NCLC"
            }
        );
        let clb: u8 = f[3].parse().unwrap();
        let ability = Ability::ALL
            .into_iter()
            .find(|a| a.as_str() == f[4])
            .unwrap();
        let min: f64 = f[6].parse().unwrap();
        let (_, scale_max, step) = golden.scales[ability_index(ability)];
        let at = |score: f64| level(golden, ability, score).unwrap();
        assert_eq!(at(min), clb, "{line}");
        assert!(at(min - step) < clb, "{line}: one step below the minimum");
        if f[7].is_empty() {
            // A minimum: the level holds up to the next level's minimum; the
            // top row means "this level and above".
            if clb == 10 {
                assert_eq!(at(scale_max), 10, "{line}");
            }
        } else {
            let max: f64 = f[7].parse().unwrap();
            assert_eq!(f[5], format!("{min}-{max}"), "{line}");
            assert_eq!(at(max), clb, "{line}");
            if max < scale_max {
                assert!(at(max + step) > clb, "{line}: one step above the maximum");
            }
        }
        rows += 1;
    }
    assert_eq!(rows, 144);
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    /// A higher score never gives a lower level, for every chart and ability.
    #[test]
    fn higher_score_never_lower_level(chart in 0usize..7, ability in 0usize..4, a in any::<u32>(), b in any::<u32>()) {
        let goldens = goldens();
        let g = &goldens[chart];
        let ability = Ability::ALL[ability];
        let (min, max, step) = g.scales[ability_index(ability)];
        let n = ((max - min) / step) as u32 + 1;
        let (lo, hi) = ((a % n).min(b % n), (a % n).max(b % n));
        let (lo, hi) = (min + f64::from(lo) * step, min + f64::from(hi) * step);
        let (l_lo, l_hi) = (level(g, ability, lo).unwrap(), level(g, ability, hi).unwrap());
        prop_assert!(l_lo <= l_hi, "{} {ability}: {lo} → {l_lo}, {hi} → {l_hi}", g.name);
    }

    /// Any finite score off the scale is an error on that ability, never a level.
    #[test]
    fn off_scale_scores_are_errors(
        chart in 0usize..7,
        ability in 0usize..4,
        score in prop_oneof![
            -1000.0f64..1000.0,
            (-50i32..800).prop_map(f64::from),
            (-20i32..40).prop_map(|k| f64::from(k) * 0.5),
        ],
    ) {
        let goldens = goldens();
        let g = &goldens[chart];
        let ability = Ability::ALL[ability];
        let (min, max, step) = g.scales[ability_index(ability)];
        let on_scale = score >= min && score <= max && ((score - min) / step).fract() == 0.0;
        match level(g, ability, score) {
            Ok(l) => prop_assert!(on_scale && l == expected(g, ability, score)),
            Err(e) => prop_assert!(!on_scale && e.field() == ability.as_str()),
        }
    }

    /// valid_until is the day before the second anniversary, and is_valid_on agrees with it.
    #[test]
    fn validity_window(days in 0i32..20_000, offset in -5i32..800) {
        let test_date = date(2000, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let as_of = test_date.checked_add(jiff::Span::new().days(offset)).unwrap();
        let last = valid_until(test_date);
        prop_assert!(last > test_date);
        let span = test_date.until(last).unwrap();
        prop_assert!((729..=730).contains(&span.get_days()), "{test_date} → {last}");
        prop_assert_eq!(is_valid_on(test_date, as_of), test_date <= as_of && as_of <= last);
    }
}
