#![allow(clippy::unwrap_used, clippy::expect_used)]
use proptest::prelude::*;

use super::fields::{canadian_education_of, education_of};
use super::search::{plan_fields, search_with};
use super::*;
use crate::clb::{Clb, Language};
use crate::crs::SpouseAnswers;
use crate::text::{Lang, Say};

fn day() -> Date {
    "2026-11-24".parse().unwrap()
}

fn levels(language: Language, v: [u8; 4]) -> LanguageLevels {
    LanguageLevels {
        language,
        listening: Clb::from_table(v[0]),
        reading: Clb::from_table(v[1]),
        writing: Clb::from_table(v[2]),
        speaking: Clb::from_table(v[3]),
    }
}

fn total(a: &CrsAnswers) -> u16 {
    crs::score_points(a, day()).unwrap().total()
}

/// Trying every combination of the plan fields (each unchanged or at any
/// higher value): the fewest changed fields that reach the target, and the
/// lowest total with that many; `None` when nothing reaches it.
fn brute_force(a: &CrsAnswers, target: u16) -> Option<(usize, u16)> {
    let fields = plan_fields(a);
    let mut best: Option<(usize, u16)> = None;
    let mut codes: Vec<u8> = fields.iter().map(|(f, _, _)| f.code(a)).collect();
    loop {
        let mut x = a.clone();
        let mut changed = 0;
        for (i, &(f, lo, _)) in fields.iter().enumerate() {
            if codes[i] >= lo {
                f.set(&mut x, codes[i]);
                changed += 1;
            }
        }
        let t = total(&x);
        if changed > 0 && t >= target && best.is_none_or(|b| (changed, t) < b) {
            best = Some((changed, t));
        }
        // Next combination (odometer).
        let mut i = 0;
        loop {
            if i == fields.len() {
                return best;
            }
            let (f, _, hi) = fields[i];
            if codes[i] < hi {
                codes[i] += 1;
                break;
            }
            codes[i] = f.code(a);
            i += 1;
        }
    }
}

fn small_answers() -> impl Strategy<Value = (CrsAnswers, u16)> {
    let lang = |lo: u8| prop::array::uniform4(lo..=10u8);
    (
        (20u8..=44, 3u8..=7, 0u8..=2, lang(8)),
        prop::option::of(lang(9)),
        (0u8..=6, 0u8..=3, any::<bool>()),
        prop::option::of((5u8..=7, prop::option::of(lang(9)), 0u8..=3)),
        1u16..=90,
    )
        .prop_map(
            |((age, edu, ce, first), second, (cx, fx, coq), spouse, plus)| {
                let a = CrsAnswers {
                    as_of: None,
                    age,
                    education: education_of(edu),
                    canadian_education: canadian_education_of(ce),
                    first_language: levels(Language::English, first),
                    second_language: second.map(|s| levels(Language::French, s)),
                    canadian_experience_years: cx,
                    foreign_experience_years: fx,
                    certificate_of_qualification: coq,
                    job_offer: Default::default(),
                    provincial_nomination: false,
                    sibling_in_canada: false,
                    spouse: spouse.map(|(e, l, x)| SpouseAnswers {
                        education: education_of(e),
                        first_language: l.map(|l| levels(Language::English, l)),
                        canadian_experience_years: x,
                    }),
                };
                let target = (total(&a) + plus).min(MAX_TARGET);
                (a, target)
            },
        )
}

fn any_answers() -> impl Strategy<Value = CrsAnswers> {
    let lang = || prop::array::uniform4(0u8..=12);
    (
        (17u8..=50, 0u8..=7, 0u8..=2, lang()),
        prop::option::of(lang()),
        (
            0u8..=7,
            0u8..=4,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::option::of((0u8..=7, prop::option::of(lang()), 0u8..=6)),
        any::<bool>(),
    )
        .prop_map(
            |((age, edu, ce, first), second, (cx, fx, coq, pnp, sib), spouse, french_first)| {
                let (l1, l2) = if french_first {
                    (Language::French, Language::English)
                } else {
                    (Language::English, Language::French)
                };
                CrsAnswers {
                    as_of: None,
                    age,
                    education: education_of(edu),
                    canadian_education: canadian_education_of(ce),
                    first_language: levels(l1, first),
                    second_language: second.map(|s| levels(l2, s)),
                    canadian_experience_years: cx,
                    foreign_experience_years: fx,
                    certificate_of_qualification: coq,
                    job_offer: Default::default(),
                    provincial_nomination: pnp,
                    sibling_in_canada: sib,
                    spouse: spouse.map(|(e, l, x)| SpouseAnswers {
                        education: education_of(e),
                        first_language: l.map(|l| levels(l1, l)),
                        canadian_experience_years: x,
                    }),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The pruning's premise: raising any one field one step never lowers the total.
    #[test]
    fn the_crs_is_monotone_in_every_field(a in any_answers()) {
        for f in Field::all_for(&a) {
            let mut x = a.clone();
            let mut prev = total(&x);
            for code in f.code(&a) + 1..=f.max_code() {
                f.set(&mut x, code);
                let t = total(&x);
                prop_assert!(t >= prev, "{} to {code}: {prev} -> {t}", f.path());
                prev = t;
            }
        }
    }

    /// Options: each changes the total, says so, and they come by gain.
    #[test]
    fn options_are_single_changes_sorted_by_gain(a in any_answers()) {
        let base = total(&a);
        let opts = options(&a, day()).unwrap();
        for w in opts.windows(2) {
            prop_assert!(w[0].gain > w[1].gain
                || (w[0].gain == w[1].gain && w[0].field <= w[1].field));
        }
        for o in &opts {
            prop_assert!(o.gain > 0);
            prop_assert_eq!(o.crs, base + o.gain);
            let mut x = a.clone();
            let code = (o.field.code(&a) + 1..=o.field.max_code())
                .find(|&c| o.field.value_of(&a, c) == o.to)
                .unwrap();
            o.field.set(&mut x, code);
            prop_assert_eq!(total(&x), o.crs);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// The search is exact: the same size and the same lowest total as trying
    /// every combination, and the plan is minimal (lowering any field one
    /// step misses the target).
    #[test]
    fn the_plan_search_matches_brute_force((a, target) in small_answers()) {
        let found = search_with(&a, target, &total);
        let reference = brute_force(&a, target);
        match (&found, reference) {
            (Search::AlreadyMet, _) => prop_assert!(total(&a) >= target),
            (Search::OutOfReach, r) => prop_assert_eq!(r, None),
            (Search::Plan(plan, crs), Some((size, lowest))) => {
                prop_assert_eq!(plan.len(), size);
                prop_assert_eq!(*crs, lowest);
                let mut x = a.clone();
                for &(f, c) in plan {
                    prop_assert!(f.in_plans());
                    prop_assert!(c > f.code(&a));
                    f.set(&mut x, c);
                }
                prop_assert_eq!(total(&x), *crs);
                prop_assert!(*crs >= target);
                for &(f, c) in plan {
                    let mut y = x.clone();
                    f.set(&mut y, c - 1);
                    prop_assert!(total(&y) < target, "{} can go lower", f.path());
                }
            }
            (Search::Plan(..), None) => prop_assert!(false, "a plan brute force did not find"),
        }
    }
}

#[test]
fn a_target_outside_1_to_1200_names_target() {
    for bad in [0, -5, 1201, 70000] {
        let e = Target::new(bad).unwrap_err();
        assert_eq!(e.field(), "target");
    }
    assert_eq!(Target::parse("abc").unwrap_err().field(), "target");
    assert_eq!(Target::parse(" 470 ").unwrap().get(), 470);
    assert_eq!(Target::new(1200).unwrap().get(), 1200);
}

#[test]
fn no_plan_when_met_or_out_of_reach() {
    let a = CrsAnswers {
        as_of: None,
        age: 29,
        education: EducationLevel::Bachelors,
        canadian_education: CanadianEducation::None,
        first_language: levels(Language::English, [7, 9, 9, 9]),
        second_language: None,
        canadian_experience_years: 0,
        foreign_experience_years: 0,
        certificate_of_qualification: false,
        job_offer: Default::default(),
        provincial_nomination: false,
        sibling_in_canada: false,
        spouse: None,
    };
    assert_eq!(total(&a), 353);
    let met = whatif_answers(&a, day(), Some(Target::new(300).unwrap()), None).unwrap();
    assert!(met.plan.is_none());
    assert!(matches!(met.plan_note, Some(WhatIfText::TargetMet { .. })));
    let far = whatif_answers(&a, day(), Some(Target::new(1200).unwrap()), None).unwrap();
    assert!(far.plan.is_none());
    assert!(matches!(far.plan_note, Some(WhatIfText::OutOfReach { .. })));
    let none = whatif_answers(&a, day(), None, None).unwrap();
    assert_eq!((none.target, none.plan, none.plan_note), (None, None, None));
    let d = DefaultTarget {
        cutoff: 400,
        types: vec!["cec".into(), "french".into()],
    };
    let by_draws = whatif_answers(&a, day(), None, Some(&d)).unwrap();
    assert_eq!(by_draws.target, Some(400));
    let basis = by_draws.target_basis.unwrap();
    assert_eq!(
        basis.text_in(crate::text::Lang::En),
        "the lowest cutoff of the last 6 months' rounds you are eligible for (cec, french)"
    );
    assert!(by_draws.plan.is_some());
}

#[test]
fn every_sentence_has_its_french() {
    let a = CrsAnswers {
        as_of: None,
        age: 33,
        education: EducationLevel::TwoYear,
        canadian_education: CanadianEducation::None,
        first_language: levels(Language::English, [6, 6, 6, 6]),
        second_language: None,
        canadian_experience_years: 1,
        foreign_experience_years: 0,
        certificate_of_qualification: false,
        job_offer: Default::default(),
        provincial_nomination: false,
        sibling_in_canada: false,
        spouse: Some(SpouseAnswers {
            education: EducationLevel::Secondary,
            first_language: None,
            canadian_experience_years: 0,
        }),
    };
    let w = whatif_answers(&a, day(), Some(Target::new(450).unwrap()), None).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for o in &w.options {
        let (en, fr) = (o.detail.text_in(Lang::En), o.detail.text_in(Lang::Fr));
        assert!(!en.is_empty() && !fr.is_empty());
        assert_ne!(en, fr, "{}", o.field.path());
        assert!(en.ends_with('.') && fr.ends_with('.'));
        seen.insert(o.field.path());
    }
    assert!(seen.contains("spouse.first_language"), "{seen:?}");
    assert!(seen.contains("second_language"));
    let plan = w.plan.unwrap();
    assert_ne!(plan.detail.text_in(Lang::En), plan.detail.text_in(Lang::Fr));
}
