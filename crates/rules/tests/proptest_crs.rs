//! Invariants of the CRS, over generated answers (proptest).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::clb::{Clb, Language, LanguageLevels};
use landed_rules::crs::{
    CanadianEducation, CrsAnswers, EducationLevel, JobOfferAnswer, SpouseAnswers, score_explained,
};
use proptest::prelude::*;

fn levels(language: Language) -> impl Strategy<Value = LanguageLevels> {
    prop::array::uniform4(0u8..=12).prop_map(move |v| LanguageLevels {
        language,
        listening: Clb::new(v[0]).unwrap(),
        reading: Clb::new(v[1]).unwrap(),
        writing: Clb::new(v[2]).unwrap(),
        speaking: Clb::new(v[3]).unwrap(),
    })
}

fn education() -> impl Strategy<Value = EducationLevel> {
    prop::sample::select(EducationLevel::ALL.to_vec())
}

fn date() -> impl Strategy<Value = Date> {
    (2015i16..=2028, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

prop_compose! {
    fn answers()(
        age in 0u8..=80,
        edu in education(),
        ce in prop::sample::select(vec![CanadianEducation::None, CanadianEducation::OneOrTwoYear, CanadianEducation::ThreeYearOrLonger]),
        first_french in any::<bool>(),
        first_e in levels(Language::English),
        first_f in levels(Language::French),
        has_second in any::<bool>(),
        cdn in 0u8..=12,
        foreign in 0u8..=12,
        coq in any::<bool>(),
        offer in prop::sample::select(vec![JobOfferAnswer::None, JobOfferAnswer::MajorGroup00, JobOfferAnswer::Teer0123]),
        pnp in any::<bool>(),
        sibling in any::<bool>(),
        spouse in prop::option::of((education(), prop::option::of(levels(Language::English)), 0u8..=8)),
    ) -> CrsAnswers {
        let (first, second) = if first_french { (first_f, first_e) } else { (first_e, first_f) };
        CrsAnswers {
            as_of: None,
            age,
            education: edu,
            canadian_education: ce,
            first_language: first,
            second_language: has_second.then_some(second),
            canadian_experience_years: cdn,
            foreign_experience_years: foreign,
            certificate_of_qualification: coq,
            job_offer: offer,
            provincial_nomination: pnp,
            sibling_in_canada: sibling,
            spouse: spouse.map(|(education, first_language, years)| SpouseAnswers {
                education,
                first_language,
                canadian_experience_years: years,
            }),
        }
    }
}

fn total(a: &CrsAnswers, on: Date) -> u16 {
    score_explained(a, on).unwrap().total
}

fn bump(l: &mut LanguageLevels, which: usize) {
    let c = match which {
        0 => &mut l.listening,
        1 => &mut l.reading,
        2 => &mut l.writing,
        _ => &mut l.speaking,
    };
    if c.level() < 12 {
        *c = Clb::new(c.level() + 1).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn totals_add_up_and_caps_hold(a in answers(), on in date()) {
        let r = score_explained(&a, on).unwrap();
        prop_assert!(r.total <= 1200);
        prop_assert_eq!(r.total, r.core + r.spouse + r.skill_transferability + r.additional);
        prop_assert_eq!(r.lines.iter().map(|l| l.points).sum::<u16>(), r.total);
        for l in &r.lines {
            prop_assert!(l.points <= l.max, "{} {} > {}", l.factor, l.points, l.max);
        }
        let core_cap = if a.spouse.is_some() { 460 } else { 500 };
        prop_assert!(r.core <= core_cap);
        prop_assert!(r.spouse <= 40);
        prop_assert!(r.core + r.spouse <= 500);
        prop_assert!(r.skill_transferability <= 100);
        prop_assert!(r.additional <= 600);
        if a.spouse.is_none() { prop_assert_eq!(r.spouse, 0); }
    }

    #[test]
    fn a_better_clb_never_lowers_the_score(a in answers(), on in date(), which in 0usize..4, second in any::<bool>()) {
        let before = total(&a, on);
        let mut b = a.clone();
        match (second, b.second_language.as_mut()) {
            (true, Some(l)) => bump(l, which),
            _ => bump(&mut b.first_language, which),
        }
        prop_assert!(total(&b, on) >= before);
    }

    #[test]
    fn more_education_or_experience_never_lowers_the_score(a in answers(), on in date(), what in 0usize..4) {
        let before = total(&a, on);
        let mut b = a.clone();
        match what {
            0 => if let Some(next) = EducationLevel::ALL.iter().find(|e| **e > a.education) { b.education = *next },
            1 => b.canadian_experience_years = a.canadian_experience_years.saturating_add(1).min(60),
            2 => b.foreign_experience_years = a.foreign_experience_years.saturating_add(1).min(60),
            _ => if let Some(sp) = b.spouse.as_mut() { sp.canadian_experience_years = sp.canadian_experience_years.saturating_add(1) },
        }
        prop_assert!(total(&b, on) >= before);
    }

    #[test]
    fn the_score_never_panics_on_any_date(a in answers(), y in -9999i16..=9999, m in 1i8..=12, d in 1i8..=28) {
        let on = Date::new(y, m, d).unwrap();
        let _ = score_explained(&a, on);
    }
}
