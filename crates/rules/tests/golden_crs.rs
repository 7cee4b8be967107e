//! Golden tests: one case per row of every published CRS table, transcribed
//! independently from `shared/reference/rules.md` §1 (the canada.ca CRS
//! criteria page as copied), checked against what the engine computes from
//! `crates/rules/data/crs/*.toml`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::clb::{Clb, Language, LanguageLevels};
use landed_rules::crs::{
    CanadianEducation, CrsAnswers, EducationLevel, JobOfferAnswer, SpouseAnswers, score_explained,
};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

const NOW: &str = "2026-11-24";

fn lv(language: Language, l: u8, r: u8, w: u8, s: u8) -> LanguageLevels {
    LanguageLevels {
        language,
        listening: Clb::new(l).unwrap(),
        reading: Clb::new(r).unwrap(),
        writing: Clb::new(w).unwrap(),
        speaking: Clb::new(s).unwrap(),
    }
}

fn base() -> CrsAnswers {
    CrsAnswers {
        as_of: None,
        age: 29,
        education: EducationLevel::Secondary,
        canadian_education: CanadianEducation::None,
        first_language: lv(Language::English, 4, 4, 4, 4),
        second_language: None,
        canadian_experience_years: 0,
        foreign_experience_years: 0,
        certificate_of_qualification: false,
        job_offer: JobOfferAnswer::None,
        provincial_nomination: false,
        sibling_in_canada: false,
        spouse: None,
    }
}

fn spouse() -> Option<SpouseAnswers> {
    Some(SpouseAnswers {
        education: EducationLevel::LessThanSecondary,
        first_language: None,
        canadian_experience_years: 0,
    })
}

fn line(a: &CrsAnswers, date: &str, factor: &str) -> u16 {
    let r = score_explained(a, d(date)).unwrap();
    let sum: u16 = r.lines.iter().map(|l| l.points).sum();
    assert_eq!(sum, r.total, "lines add up to the total");
    r.lines
        .iter()
        .find(|l| l.factor == factor)
        .map(|l| l.points)
        .unwrap_or_else(|| panic!("no line {factor} in {r:#?}"))
}

#[test]
fn age_every_row_both_columns() {
    // (age, with spouse, without spouse) — rules.md §1.1.
    let rows: &[(u8, u16, u16)] = &[
        (0, 0, 0),
        (17, 0, 0),
        (18, 90, 99),
        (19, 95, 105),
        (20, 100, 110),
        (25, 100, 110),
        (29, 100, 110),
        (30, 95, 105),
        (31, 90, 99),
        (32, 85, 94),
        (33, 80, 88),
        (34, 75, 83),
        (35, 70, 77),
        (36, 65, 72),
        (37, 60, 66),
        (38, 55, 61),
        (39, 50, 55),
        (40, 45, 50),
        (41, 35, 39),
        (42, 25, 28),
        (43, 15, 17),
        (44, 5, 6),
        (45, 0, 0),
        (60, 0, 0),
    ];
    for &(age, with, without) in rows {
        let mut a = base();
        a.age = age;
        assert_eq!(line(&a, NOW, "core.age"), without, "age {age} single");
        a.spouse = spouse();
        assert_eq!(line(&a, NOW, "core.age"), with, "age {age} with spouse");
    }
}

#[test]
fn education_every_row_both_columns() {
    use EducationLevel::*;
    // rules.md §1.2 and §1.6 (spouse).
    let rows = [
        (LessThanSecondary, 0, 0, 0),
        (Secondary, 28, 30, 2),
        (OneYear, 84, 90, 6),
        (TwoYear, 91, 98, 7),
        (Bachelors, 112, 120, 8),
        (TwoOrMore, 119, 128, 9),
        (Masters, 126, 135, 10),
        (Doctoral, 140, 150, 10),
    ];
    for (level, with, without, spouse_points) in rows {
        let mut a = base();
        a.education = level;
        assert_eq!(line(&a, NOW, "core.education"), without, "{level:?} single");
        a.spouse = spouse();
        assert_eq!(
            line(&a, NOW, "core.education"),
            with,
            "{level:?} with spouse"
        );
        let mut a = base();
        a.spouse = Some(SpouseAnswers {
            education: level,
            first_language: None,
            canadian_experience_years: 0,
        });
        assert_eq!(
            line(&a, NOW, "spouse.education"),
            spouse_points,
            "spouse {level:?}"
        );
    }
}

#[test]
fn first_language_every_level_both_columns() {
    // rules.md §1.3: (CLB, with spouse, without spouse), per ability.
    let rows = [
        (0, 0, 0),
        (3, 0, 0),
        (4, 6, 6),
        (5, 6, 6),
        (6, 8, 9),
        (7, 16, 17),
        (8, 22, 23),
        (9, 29, 31),
        (10, 32, 34),
        (11, 32, 34),
        (12, 32, 34),
    ];
    let abilities = ["listening", "reading", "writing", "speaking"];
    for (clb, with, without) in rows {
        for (i, ability) in abilities.iter().enumerate() {
            let mut levels = [4u8; 4];
            levels[i] = clb;
            let mut a = base();
            a.first_language = lv(
                Language::English,
                levels[0],
                levels[1],
                levels[2],
                levels[3],
            );
            let f = format!("core.first_language.{ability}");
            assert_eq!(line(&a, NOW, &f), without, "CLB {clb} {ability} single");
            a.spouse = spouse();
            assert_eq!(line(&a, NOW, &f), with, "CLB {clb} {ability} with spouse");
        }
    }
}

#[test]
fn second_language_levels_and_caps() {
    // rules.md §1.4: per ability 0 (≤4), 1 (5–6), 3 (7–8), 6 (9+); caps 22 / 24.
    for (clb, per) in [(4u8, 0u16), (5, 1), (6, 1), (7, 3), (8, 3), (9, 6), (10, 6)] {
        let mut a = base();
        a.second_language = Some(lv(Language::French, clb, 0, 0, 0));
        assert_eq!(line(&a, NOW, "core.second_language"), per, "NCLC {clb}");
    }
    let mut a = base();
    a.second_language = Some(lv(Language::French, 9, 9, 9, 9));
    assert_eq!(line(&a, NOW, "core.second_language"), 24);
    a.spouse = spouse();
    assert_eq!(
        line(&a, NOW, "core.second_language"),
        22,
        "capped at 22 with spouse"
    );
}

#[test]
fn canadian_experience_every_row() {
    // rules.md §1.5 and §1.6 (spouse).
    let rows = [
        (0, 0, 0, 0),
        (1, 35, 40, 5),
        (2, 46, 53, 7),
        (3, 56, 64, 8),
        (4, 63, 72, 9),
        (5, 70, 80, 10),
        (9, 70, 80, 10),
    ];
    for (years, with, without, spouse_points) in rows {
        let mut a = base();
        a.canadian_experience_years = years;
        assert_eq!(line(&a, NOW, "core.canadian_experience"), without);
        a.spouse = spouse();
        assert_eq!(line(&a, NOW, "core.canadian_experience"), with);
        let mut a = base();
        a.spouse = Some(SpouseAnswers {
            education: EducationLevel::LessThanSecondary,
            first_language: None,
            canadian_experience_years: years,
        });
        assert_eq!(line(&a, NOW, "spouse.canadian_experience"), spouse_points);
    }
}

#[test]
fn spouse_language_every_level() {
    // rules.md §1.6: ≤4: 0; 5–6: 1; 7–8: 3; 9+: 5 per ability (max 20).
    for (clb, per) in [(4u8, 0u16), (5, 1), (6, 1), (7, 3), (8, 3), (9, 5), (10, 5)] {
        let mut a = base();
        a.spouse = Some(SpouseAnswers {
            education: EducationLevel::LessThanSecondary,
            first_language: Some(lv(Language::English, clb, clb, clb, clb)),
            canadian_experience_years: 0,
        });
        assert_eq!(line(&a, NOW, "spouse.first_language"), per * 4, "CLB {clb}");
    }
}

#[test]
fn transferability_education_every_cell() {
    use EducationLevel::*;
    // rules.md §1.7 C-1: (level, CLB7 col, CLB9 col, 1 yr Canadian, 2+ yrs Canadian).
    let rows = [
        (Secondary, 0, 0, 0, 0),
        (OneYear, 13, 25, 13, 25),
        (TwoYear, 13, 25, 13, 25),
        (Bachelors, 13, 25, 13, 25),
        (TwoOrMore, 25, 50, 25, 50),
        (Masters, 25, 50, 25, 50),
        (Doctoral, 25, 50, 25, 50),
    ];
    let f = "skill_transferability.education";
    for (level, c7, c9, y1, y2) in rows {
        let mut a = base();
        a.education = level;
        a.first_language = lv(Language::English, 7, 8, 9, 9);
        assert_eq!(line(&a, NOW, f), c7, "{level:?} CLB7 column");
        a.first_language = lv(Language::English, 9, 9, 9, 10);
        assert_eq!(line(&a, NOW, f), c9, "{level:?} CLB9 column");
        a.first_language = lv(Language::English, 6, 9, 9, 9);
        assert_eq!(line(&a, NOW, f), 0, "{level:?} one ability under 7");
        a.canadian_experience_years = 1;
        assert_eq!(line(&a, NOW, f), y1, "{level:?} 1 year Canadian");
        a.canadian_experience_years = 2;
        assert_eq!(line(&a, NOW, f), y2, "{level:?} 2 years Canadian");
        // Both parts add, then the group is capped at 50.
        a.first_language = lv(Language::English, 9, 9, 9, 9);
        assert_eq!(line(&a, NOW, f), (c9 + y2).min(50), "{level:?} capped");
    }
}

#[test]
fn transferability_foreign_experience_every_cell() {
    // rules.md §1.7 C-2: (years, CLB7, CLB9, +1 yr Canadian, +2 yrs Canadian).
    let rows = [
        (0u8, 0u16, 0u16, 0u16, 0u16),
        (1, 13, 25, 13, 25),
        (2, 13, 25, 13, 25),
        (3, 25, 50, 25, 50),
        (7, 25, 50, 25, 50),
    ];
    let f = "skill_transferability.foreign_experience";
    for (years, c7, c9, y1, y2) in rows {
        let mut a = base();
        a.foreign_experience_years = years;
        a.first_language = lv(Language::English, 7, 7, 7, 7);
        assert_eq!(line(&a, NOW, f), c7);
        a.first_language = lv(Language::English, 9, 9, 9, 9);
        assert_eq!(line(&a, NOW, f), c9);
        a.first_language = lv(Language::English, 5, 5, 5, 5);
        a.canadian_experience_years = 1;
        assert_eq!(line(&a, NOW, f), y1);
        a.canadian_experience_years = 2;
        assert_eq!(line(&a, NOW, f), y2);
    }
}

#[test]
fn transferability_certificate_and_total_cap() {
    let f = "skill_transferability.certificate_of_qualification";
    let mut a = base();
    a.certificate_of_qualification = true;
    a.first_language = lv(Language::English, 4, 5, 5, 5);
    assert_eq!(line(&a, NOW, f), 0, "one ability under 5");
    a.first_language = lv(Language::English, 5, 6, 9, 9);
    assert_eq!(line(&a, NOW, f), 25, "CLB 5+, one under 7");
    a.first_language = lv(Language::English, 7, 7, 7, 7);
    assert_eq!(line(&a, NOW, f), 50, "CLB 7+ on all four");
    // All three groups at 50: section C is capped at 100.
    a.first_language = lv(Language::English, 9, 9, 9, 9);
    a.education = EducationLevel::Masters;
    a.foreign_experience_years = 3;
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!(r.skill_transferability, 100);
    assert_eq!(r.lines.iter().map(|l| l.points).sum::<u16>(), r.total);
}

#[test]
fn additional_points_each_rule() {
    // Provincial nomination 600.
    let mut a = base();
    a.provincial_nomination = true;
    assert_eq!(line(&a, NOW, "additional.provincial_nomination"), 600);
    // Sibling 15 (from 2017-06-06).
    let mut a = base();
    a.sibling_in_canada = true;
    assert_eq!(line(&a, NOW, "additional.sibling"), 15);
    assert_eq!(score_explained(&a, d("2017-06-05")).unwrap().additional, 0);
    assert_eq!(score_explained(&a, d("2017-06-06")).unwrap().additional, 15);
    // Canadian education 15 / 30 (from 2016-11-19).
    let mut a = base();
    a.canadian_education = CanadianEducation::OneOrTwoYear;
    assert_eq!(line(&a, NOW, "additional.canadian_education"), 15);
    a.canadian_education = CanadianEducation::ThreeYearOrLonger;
    assert_eq!(line(&a, NOW, "additional.canadian_education"), 30);
    assert_eq!(score_explained(&a, d("2016-11-18")).unwrap().additional, 0);
    // French: 25 with no English / English under CLB 5; 50 with CLB 5+ in English.
    let mut a = base();
    a.first_language = lv(Language::French, 7, 7, 7, 7);
    assert_eq!(line(&a, NOW, "additional.french"), 25);
    a.second_language = Some(lv(Language::English, 5, 5, 5, 4));
    assert_eq!(line(&a, NOW, "additional.french"), 25);
    a.second_language = Some(lv(Language::English, 5, 5, 5, 5));
    assert_eq!(line(&a, NOW, "additional.french"), 50);
    a.first_language = lv(Language::French, 7, 7, 7, 6);
    assert_eq!(line(&a, NOW, "additional.french"), 0);
    // French as the second language counts the same way.
    let mut a = base();
    a.first_language = lv(Language::English, 9, 9, 9, 9);
    a.second_language = Some(lv(Language::French, 7, 8, 9, 10));
    assert_eq!(line(&a, NOW, "additional.french"), 50);
    assert_eq!(score_explained(&a, d("2020-10-26")).unwrap().additional, 30);
    assert_eq!(score_explained(&a, d("2017-06-05")).unwrap().additional, 0);
    // Arranged employment: 600 at launch, 200/50 from 2016-11-19, none from 2025-03-25.
    let mut a = base();
    a.job_offer = JobOfferAnswer::MajorGroup00;
    assert_eq!(
        score_explained(&a, d("2015-06-01")).unwrap().additional,
        600
    );
    assert_eq!(
        score_explained(&a, d("2016-11-19")).unwrap().additional,
        200
    );
    assert_eq!(
        score_explained(&a, d("2025-03-24")).unwrap().additional,
        200
    );
    assert_eq!(score_explained(&a, d("2025-03-25")).unwrap().additional, 0);
    a.job_offer = JobOfferAnswer::Teer0123;
    assert_eq!(score_explained(&a, d("2025-03-24")).unwrap().additional, 50);
    assert_eq!(score_explained(&a, d("2025-03-25")).unwrap().additional, 0);
    // Section D is capped at 600.
    let mut a = base();
    a.provincial_nomination = true;
    a.sibling_in_canada = true;
    a.canadian_education = CanadianEducation::ThreeYearOrLonger;
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!(r.additional, 600);
    assert_eq!(r.lines.iter().map(|l| l.points).sum::<u16>(), r.total);
}

#[test]
fn rule_set_is_named_and_dates_before_2015_are_errors() {
    let a = base();
    assert_eq!(
        score_explained(&a, d("2025-03-24")).unwrap().rule_set,
        "crs-2020-10-27"
    );
    assert_eq!(
        score_explained(&a, d("2025-03-25")).unwrap().rule_set,
        "crs-2025-03-25"
    );
    let e = score_explained(&a, d("2014-12-31")).unwrap_err();
    assert!(e.to_string().contains("2015-01-01"), "{e}");
}

#[test]
fn explanation_snapshot_of_the_worked_example() {
    let mut a = base();
    a.education = EducationLevel::Bachelors;
    a.first_language = lv(Language::English, 7, 9, 9, 9);
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!(r.total, 353);
    insta::assert_json_snapshot!(r);
}

/// Worked examples derived by hand from the tables in rules.md §1 (the
/// derivation is in each comment), checked section by section.
#[test]
fn worked_examples_derived_from_the_reference() {
    // A. Married, spouse accompanying: 35, master's, CLB 9 ×4, 3 years Canadian;
    //    spouse bachelor's, CLB 7 ×4, 1 year Canadian.
    //    Core (with-spouse column): age 70 + master's 126 + 4×29 + 3 years 56 = 368.
    //    Spouse: bachelor's 8 + 4×3 + 1 year 5 = 25.
    //    Transferability: education × CLB 9 (50) + education × 2+ years (50) → capped 50.
    //    Total 443.
    let mut a = base();
    a.age = 35;
    a.education = EducationLevel::Masters;
    a.first_language = lv(Language::English, 9, 9, 9, 9);
    a.canadian_experience_years = 3;
    a.spouse = Some(SpouseAnswers {
        education: EducationLevel::Bachelors,
        first_language: Some(lv(Language::English, 7, 7, 7, 7)),
        canadian_experience_years: 1,
    });
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!(
        (
            r.core,
            r.spouse,
            r.skill_transferability,
            r.additional,
            r.total
        ),
        (368, 25, 50, 0, 443)
    );

    // B. Single, 26, two-year diploma, French NCLC 8 ×4 first, English CLB 6 ×4 second,
    //    1 year Canadian, provincial nomination.
    //    Core: 110 + 98 + 4×23 + second 4×1 + 40 = 344.
    //    Transferability: education × NCLC 7-col 13 + education × 1 year 13 = 26.
    //    Additional: nomination 600 + French bilingual 50 = 650 → capped 600.
    //    Total 970.
    let mut a = base();
    a.age = 26;
    a.education = EducationLevel::TwoYear;
    a.first_language = lv(Language::French, 8, 8, 8, 8);
    a.second_language = Some(lv(Language::English, 6, 6, 6, 6));
    a.canadian_experience_years = 1;
    a.provincial_nomination = true;
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!(
        (
            r.core,
            r.spouse,
            r.skill_transferability,
            r.additional,
            r.total
        ),
        (344, 0, 26, 600, 970)
    );

    // C. The 353 worked example with a TEER 0-3 job offer, the day before the
    //    2025-03-25 change: 353 + 50 = 403 under crs-2020-10-27; 353 from the 25th.
    let mut a = base();
    a.education = EducationLevel::Bachelors;
    a.first_language = lv(Language::English, 7, 9, 9, 9);
    a.job_offer = JobOfferAnswer::Teer0123;
    let r = score_explained(&a, d("2025-03-24")).unwrap();
    assert_eq!((r.total, r.rule_set.as_str()), (403, "crs-2020-10-27"));
    assert_eq!(score_explained(&a, d("2025-03-25")).unwrap().total, 353);

    // D. Single, 45, doctorate, CLB 10 ×4, 5 years Canadian, 3 years foreign, a
    //    certificate of qualification. Core: 0 + 150 + 4×34 + 80 = 366.
    //    Transferability: 50 (education) + 50 (foreign) + 50 (certificate) = 150 → capped 100.
    //    Total 466.
    let mut a = base();
    a.age = 45;
    a.education = EducationLevel::Doctoral;
    a.first_language = lv(Language::English, 10, 10, 10, 10);
    a.canadian_experience_years = 5;
    a.foreign_experience_years = 3;
    a.certificate_of_qualification = true;
    let r = score_explained(&a, d(NOW)).unwrap();
    assert_eq!((r.core, r.skill_transferability, r.total), (366, 100, 466));
}
