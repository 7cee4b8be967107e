//! Golden cases for every Federal Skilled Trades requirement and every
//! boundary of the eligible NOC groups.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::assess::Status;
use landed_rules::noc::Noc;
use landed_rules::programs::{Program, is_skilled_trade, trade_group};
use programs_common::*;
use serde_json::json;

#[test]
fn the_base_candidate_meets_every_requirement() {
    let a = run(&fst_base());
    let p = &a.programs.fst;
    for r in &p.requirements {
        assert_eq!(r.status, Status::Met, "{r:#?}");
    }
    assert_eq!(p.eligible, Some(true));
    let ids: Vec<&str> = p.requirements.iter().map(|r| r.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "fst.work_experience",
            "fst.language",
            "fst.offer_or_certificate",
            "fst.education",
            "fst.proof_of_funds",
            "fst.province"
        ]
    );
    assert_eq!(
        a.programs.fsw.eligible,
        Some(false),
        "CLB 4-5 is below FSW's 7"
    );
    assert_eq!(a.programs.invited_under, Some(Program::Fst));
}

fn n(s: &str) -> Noc {
    Noc::parse(s).unwrap()
}

#[test]
fn group_boundaries() {
    let on = d("2026-11-01");
    for (code, trade) in [
        ("72410", true),  // 72, not 726
        ("72600", false), // sub-major group 726 excluded
        ("72604", false),
        ("72999", true),
        ("73100", true),
        ("82010", true),
        ("83100", true),
        ("92100", true),
        ("93100", true),  // 93, not 932
        ("93200", false), // sub-major group 932 excluded
        ("63200", true),  // minor group 6320
        ("63202", true),
        ("62200", true),  // unit group 62200
        ("62100", false), // 621 is not a trade group
        ("63100", false), // 631 is not
        ("74100", false), // major group 74 is not
        ("21231", false),
    ] {
        assert_eq!(is_skilled_trade(n(code)), trade, "{code}");
        let why = trade_group(n(code), on).unwrap();
        assert_eq!(why.is_ok(), trade, "{code}: {why:?}");
    }
    assert!(
        trade_group(n("72600"), on)
            .unwrap()
            .unwrap_err()
            .contains("726 Transportation officers and controllers")
    );
    assert!(
        trade_group(n("93200"), on)
            .unwrap()
            .unwrap_err()
            .contains("932")
    );
    assert_eq!(trade_group(n("62200"), on).unwrap().unwrap(), "62200 Chefs");
    assert_eq!(
        trade_group(n("63201"), on).unwrap().unwrap(),
        "6320 Cooks, butchers and bakers"
    );
}

#[test]
fn group_boundaries_through_the_assessment() {
    for (code, met) in [
        ("72410", true),
        ("72600", false),
        ("93100", true),
        ("93200", false),
    ] {
        let mut v = fst_base();
        v["work_history"] = json!([job(code, "PH", "2022-01-01", None, 40.0)]);
        v["certificate_of_qualification"] = json!({"noc": code});
        let a = run(&v);
        let r = req(&a.programs.fst, "fst.work_experience");
        assert_eq!(r.status == Status::Met, met, "{code}: {}", r.detail);
        if !met {
            assert!(
                r.detail
                    .contains("No paid work in an eligible skilled trade"),
                "{}",
                r.detail
            );
            assert!(
                a.facts.program_work.fst.excluded.iter().any(
                    |e| e.reason == landed_rules::hours::ExclusionReason::NotEligibleOccupation
                )
            );
            assert_eq!(
                status(&a.programs.fst, "fst.offer_or_certificate"),
                Status::NotMet
            );
        }
    }
}

#[test]
fn work_3120_hours_in_five_years_met_one_day_less_not() {
    // 728 days at 30 h/week = 3,120 h exactly.
    let mut v = fst_base();
    v["work_history"] = json!([job_days("72310", "PH", "2023-01-01", 728, 30.0)]);
    let a = run(&v);
    assert_eq!(status(&a.programs.fst, "fst.work_experience"), Status::Met);
    assert_eq!(a.facts.program_work.fst.qualifying_hours, 3120.0);
    v["work_history"] = json!([job_days("72310", "PH", "2023-01-01", 727, 30.0)]);
    let a = run(&v);
    let r = req(&a.programs.fst, "fst.work_experience");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("3,115 hours"), "{}", r.detail);
    // Work before the 5-year window (from 2021-11-01) does not count.
    v["work_history"] = json!([job("72310", "PH", "2016-01-01", Some("2021-10-31"), 40.0)]);
    assert_eq!(
        status(&run(&v).programs.fst, "fst.work_experience"),
        Status::NotMet
    );
}

#[test]
fn hours_in_two_trades_do_not_add_up() {
    let mut v = fst_base();
    v["work_history"] = json!([
        job_days("72310", "PH", "2022-01-01", 400, 30.0),
        job_days("72311", "PH", "2023-03-01", 400, 30.0),
    ]);
    let a = run(&v);
    assert_eq!(
        status(&a.programs.fst, "fst.work_experience"),
        Status::NotMet
    );
    assert!(
        a.programs
            .fst
            .notes
            .iter()
            .any(|n| n.contains("does not combine trades"))
    );
    assert_eq!(a.facts.program_work.fst.occupations.len(), 2);
}

#[test]
fn work_while_a_full_time_student_does_not_count_for_fst() {
    let mut v = fst_base();
    v["study_periods"] = json!([{"start": "2022-01-01", "end": "2026-10-31", "full_time": true, "in_canada": false}]);
    let a = run(&v);
    let r = req(&a.programs.fst, "fst.work_experience");
    assert_eq!(r.status, Status::NotMet, "{}", r.detail);
    assert!(r.detail.contains("full-time student"), "{}", r.detail);
    assert!(
        a.programs
            .fst
            .notes
            .iter()
            .any(|n| n.contains("Help Centre"))
    );
}

#[test]
fn language_5_5_4_4_met_below_not_met_none_unknown() {
    let mut v = fst_base();
    for ((l, r, w, s), met) in [
        ((5, 4, 4, 5), true),
        ((9, 9, 9, 9), true),
        ((5, 4, 4, 4), false), // speaking 4
        ((4, 4, 4, 5), false), // listening 4
        ((5, 3, 4, 5), false), // reading 3
        ((5, 4, 3, 5), false), // writing 3
    ] {
        v["language_tests"] = json!([celpip("2026-01-15", l, r, w, s)]);
        let a = run(&v);
        let q = req(&a.programs.fst, "fst.language");
        assert_eq!(
            q.status == Status::Met,
            met,
            "{l}/{r}/{w}/{s}: {}",
            q.detail
        );
    }
    v["language_tests"] = json!([]);
    assert_eq!(
        status(&run(&v).programs.fst, "fst.language"),
        Status::Unknown
    );
}

#[test]
fn offer_or_certificate() {
    let mut v = fst_base();
    // Certificate in the trade: met (base).
    assert_eq!(
        status(&run(&v).programs.fst, "fst.offer_or_certificate"),
        Status::Met
    );
    // A certificate in another trade than the experience: not met.
    v["certificate_of_qualification"] = json!({"noc": "72300"});
    let a = run(&v);
    let r = req(&a.programs.fst, "fst.offer_or_certificate");
    assert_eq!(r.status, Status::NotMet);
    assert!(
        r.detail.contains("not in the trade of your experience"),
        "{}",
        r.detail
    );
    // Neither: not met.
    v.as_object_mut()
        .unwrap()
        .remove("certificate_of_qualification");
    let r = run(&v);
    let r = req(&r.programs.fst, "fst.offer_or_certificate");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("the profile has neither"), "{}", r.detail);
    // A full-time offer for a year in the trade: met.
    v["job_offer"] = json!({"noc": "72310"});
    assert_eq!(
        status(&run(&v).programs.fst, "fst.offer_or_certificate"),
        Status::Met
    );
    // Part-time, or shorter than a year: not met.
    v["job_offer"] = json!({"noc": "72310", "full_time": false});
    assert_eq!(
        status(&run(&v).programs.fst, "fst.offer_or_certificate"),
        Status::NotMet
    );
    v["job_offer"] = json!({"noc": "72310", "at_least_one_year": false});
    assert_eq!(
        status(&run(&v).programs.fst, "fst.offer_or_certificate"),
        Status::NotMet
    );
    // An offer outside the skilled trades: not met.
    v["job_offer"] = json!({"noc": "72600"});
    let a = run(&v);
    let r = req(&a.programs.fst, "fst.offer_or_certificate");
    assert_eq!(r.status, Status::NotMet);
    assert!(r.detail.contains("726"), "{}", r.detail);
}

#[test]
fn funds_met_not_met_unknown_and_exempt() {
    let mut v = fst_base();
    v["settlement_funds_cad"] = json!(1000);
    assert_eq!(
        status(&run(&v).programs.fst, "fst.proof_of_funds"),
        Status::NotMet
    );
    v.as_object_mut().unwrap().remove("settlement_funds_cad");
    assert_eq!(
        status(&run(&v).programs.fst, "fst.proof_of_funds"),
        Status::Unknown
    );
    // Working in Canada with authorization and a valid offer in the trade: exempt.
    v["work_history"] = json!([
        job("72310", "PH", "2022-01-01", Some("2025-12-31"), 40.0),
        job("72310", "CA", "2026-01-05", None, 40.0),
    ]);
    v["job_offer"] = json!({"noc": "72310"});
    let a = run(&v);
    let r = req(&a.programs.fst, "fst.proof_of_funds");
    assert_eq!(r.status, Status::Met, "{}", r.detail);
    assert!(r.detail.starts_with("Not needed"));
}

#[test]
fn education_is_always_met_and_province_is_checked() {
    let mut v = fst_base();
    v["education"] = json!([]);
    assert_eq!(status(&run(&v).programs.fst, "fst.education"), Status::Met);
    v["intended_province"] = json!("QC");
    assert_eq!(
        status(&run(&v).programs.fst, "fst.province"),
        Status::NotMet
    );
    v.as_object_mut().unwrap().remove("intended_province");
    assert_eq!(
        status(&run(&v).programs.fst, "fst.province"),
        Status::Unknown
    );
}

/// The FST result in French: every sentence of fst.rs has its French, so the
/// only English-only texts left are those of other modules (proof of funds,
/// still to be translated there).
fn french_fst(v: &serde_json::Value) -> (landed_rules::assess::Assessment, String) {
    use landed_rules::text::{Lang, Text, in_language, untranslated_count};
    let a = run(v);
    let p = &a.programs.fst;
    let plain = |t: &Text| matches!(t, Text::Plain(_));
    let mut foreign = 0;
    for r in &p.requirements {
        if plain(&r.detail) {
            assert_eq!(r.id, "fst.proof_of_funds", "English-only: {}", r.detail);
            foreign += 1;
        }
    }
    for n in p.notes.iter().filter(|n| plain(n)) {
        assert!(n.starts_with("Proof of funds"), "English-only: {n}");
        foreign += 1;
    }
    let before = untranslated_count();
    let json = in_language(Lang::Fr, || serde_json::to_string(p).unwrap());
    assert_eq!(untranslated_count() - before, foreign, "{json}");
    (a, json)
}

#[test]
fn fst_sentences_have_their_french() {
    // The base carpenter: met with a certificate of qualification.
    let (a, json) = french_fst(&fst_base());
    let p = &a.programs.fst;
    assert_eq!(
        req(p, "fst.work_experience").detail.fr(),
        "7\u{202f}564 heures de travail rémunéré dans le métier 72310 Charpentiers-menuisiers/charpentières-menuisières (un métier spécialisé) au cours des 5 années allant du 2021-11-01 au 2026-10-31 (il en faut 3\u{202f}120 dans un même métier); non comptées : les heures au-delà de 30 par semaine, tous emplois confondus, ne comptent pas"
    );
    assert_eq!(
        req(p, "fst.offer_or_certificate").detail.fr(),
        "Un certificat de compétence canadien dans le métier 72310 Charpentiers-menuisiers/charpentières-menuisières (AB)"
    );
    assert!(json.contains("Le Programme des travailleurs de métiers spécialisés (fédéral) n’a aucune exigence en matière d’études"), "{json}");
    assert!(json.contains("L’interdiction de territoire"), "{json}");

    // Two trades, work while studying, self-employment, an excluded
    // certificate and a part-time offer.
    let mut v = fst_base();
    v["work_history"] = json!([
        job_days("72310", "PH", "2022-01-01", 400, 30.0),
        job_days("72311", "PH", "2023-03-01", 400, 30.0),
        {"noc": "72310", "country": "CA", "start": "2025-01-01", "end": null,
         "hours_per_week": 10.0, "kind": "self_employed"},
    ]);
    v["study_periods"] = json!([{"start": "2022-01-01", "end": "2022-06-30", "full_time": true, "in_canada": false}]);
    v["certificate_of_qualification"] = json!({"noc": "72600"});
    v["job_offer"] = json!({"noc": "72311", "full_time": false});
    let (a, json) = french_fst(&v);
    let p = &a.programs.fst;
    assert!(
        req(p, "fst.work_experience")
            .detail
            .fr()
            .ends_with("; le PTMSF exige 3\u{202f}120 heures dans un même métier; non comptées : le travail pendant des études à temps plein ne compte pas"),
        "{json}"
    );
    assert_eq!(
        req(p, "fst.offer_or_certificate").detail.fr(),
        "Le PTMSF exige une offre d’emploi valide à temps plein d’au moins un an, ou un certificat de compétence canadien, dans votre métier spécialisé : certificat : 72600 Pilotes, navigateurs/navigatrices et instructeurs/instructrices de pilotage du transport aérien fait partie du groupe 726 (Officiers/officières et contrôleurs/contrôleuses des transports), qui n’est pas un métier spécialisé pour le PTMSF; votre offre d’emploi doit être à temps plein, d’au moins un an, et appuyée par une EIMT ou dispensée de l’EIMT"
    );
    for phrase in [
        "landed n’additionne pas les heures de métiers différents",
        "Le travail effectué pendant des études à temps plein ne compte pas pour le PTMSF",
        "PTMSF : landed compte le travail autonome",
    ] {
        assert!(json.contains(phrase), "{phrase}: {json}");
    }

    // No work in a trade, and neither an offer nor a certificate.
    let mut v = fst_base();
    v["work_history"] = json!([job("21231", "IN", "2020-01-01", None, 40.0)]);
    v.as_object_mut()
        .unwrap()
        .remove("certificate_of_qualification");
    let (a, _) = french_fst(&v);
    let p = &a.programs.fst;
    assert!(
        req(p, "fst.work_experience").detail.fr().starts_with(
            "Aucun travail rémunéré dans un métier spécialisé admissible (grands groupes 72 (sauf 726), 73, 82, 83, 92 et 93 (sauf 932), groupe intermédiaire 6320 et groupe de base 62200)"
        )
    );
    assert!(
        req(p, "fst.offer_or_certificate")
            .detail
            .fr()
            .ends_with("; le profil ne contient ni l’un ni l’autre")
    );

    // An offer in another trade than the experience; a date before the rules.
    let mut v = fst_base();
    v.as_object_mut()
        .unwrap()
        .remove("certificate_of_qualification");
    v["job_offer"] = json!({"noc": "72300"});
    let (a, _) = french_fst(&v);
    assert!(
        req(&a.programs.fst, "fst.offer_or_certificate")
            .detail
            .fr()
            .ends_with(": votre offre d’emploi (72300 Plombiers/plombières) ne porte pas sur le métier de votre expérience")
    );
    v["job_offer"] = json!({"noc": "72310"});
    let (a, _) = french_fst(&v);
    assert_eq!(
        req(&a.programs.fst, "fst.offer_or_certificate").detail.fr(),
        "Une offre d’emploi valide à temps plein d’au moins un an dans le métier 72310 Charpentiers-menuisiers/charpentières-menuisières"
    );
}

#[test]
fn trade_groups_in_french() {
    let on = d("2026-11-01");
    assert_eq!(
        trade_group(n("63201"), on).unwrap().unwrap().fr(),
        "6320 Cuisiniers/cuisinières, bouchers/bouchères et boulangers-pâtissiers/boulangères-pâtissières"
    );
    assert_eq!(
        trade_group(n("72600"), on).unwrap().unwrap_err().fr(),
        "72600 fait partie du groupe 726 Officiers/officières et contrôleurs/contrôleuses des transports, qui est exclu"
    );
    assert_eq!(
        trade_group(n("21231"), on).unwrap().unwrap_err().fr(),
        "21231 ne fait partie d’aucun groupe de métiers spécialisés admissible"
    );
    // English as before.
    assert_eq!(
        trade_group(n("21231"), on).unwrap().unwrap_err(),
        "21231 is not in an eligible skilled-trade group"
    );
}
