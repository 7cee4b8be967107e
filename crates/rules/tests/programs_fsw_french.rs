//! The FSW requirements, notes and selection grid in French: every sentence
//! is a message (no English-only text), and a few exact sentences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod programs_common;

use landed_rules::assess::{Assessment, ProgramResult};
use landed_rules::text::{self, Lang, Text, in_language};
use programs_common::*;
use serde_json::{Value, json};

/// Every text of a program result: requirement details, notes, grid lines and items.
fn texts(p: &ProgramResult) -> Vec<&Text> {
    let mut out: Vec<&Text> = p.requirements.iter().map(|r| &r.detail).collect();
    out.extend(&p.notes);
    if let Some(g) = &p.grid {
        for l in &g.lines {
            out.push(&l.detail);
            out.extend(l.items.iter().map(|i| &i.detail));
        }
    }
    out
}

/// The FSW result serialized in French, checking that nothing was English-only.
fn french(a: &Assessment) -> String {
    let before = text::untranslated_count();
    let json = in_language(Lang::Fr, || serde_json::to_string(&a.programs.fsw)).unwrap();
    assert_eq!(
        text::untranslated_count(),
        before,
        "English-only text in the French FSW result: {json}"
    );
    for t in texts(&a.programs.fsw) {
        let fr = t.fr();
        for english in [" needed", " hours", " points from", "FSW ", "TEER", "CAD "] {
            assert!(!fr.contains(english), "{english:?} in {fr:?}");
        }
    }
    json
}

fn fsw_profiles() -> Vec<Value> {
    let mut out = vec![fsw_base()];
    let mut push = |f: &dyn Fn(&mut Value)| {
        let mut v = fsw_base();
        f(&mut v);
        out.push(v);
    };
    // A gap in the year, self-employment, unauthorized work in Canada, study.
    push(&|v| {
        v["work_history"] = json!([
            job("21231", "IN", "2023-01-01", Some("2023-06-30"), 30.0),
            job("21231", "IN", "2023-07-02", Some("2023-12-31"), 30.0),
            {"noc": "21232", "country": "IN", "start": "2024-01-01", "end": "2024-03-31", "hours_per_week": 40, "kind": "self_employed"},
            {"noc": "21231", "country": "CA", "start": "2024-04-01", "end": "2024-06-30", "hours_per_week": 40, "authorized": false},
            job("64100", "IN", "2024-07-01", None, 40.0),
        ]);
        v["study_periods"] = json!([{"start": "2022-09-01", "end": "2023-06-30", "full_time": true, "in_canada": true}]);
    });
    // Almost nothing known: married with no spouse record, no education,
    // language test, funds or province; an offer outside TEER 0-3.
    push(&|v| {
        v["marital_status"] = json!("married");
        v["education"] = json!([]);
        v["language_tests"] = json!([]);
        v["job_offer"] = json!({"noc": "65201"});
        let o = v.as_object_mut().unwrap();
        o.remove("settlement_funds_cad");
        o.remove("intended_province");
    });
    // A spouse with a language result, study and work in Canada; a French
    // first language and an English second one; a foreign credential without ECA.
    push(&|v| {
        v["marital_status"] = json!("common_law");
        v["spouse"] = json!({
            "language_tests": [celpip("2026-03-01", 4, 3, 4, 4)],
            "education": [{"level": "two_year", "program_years": 2, "in_canada": true}],
            "work_history": [job("65201", "CA", "2024-01-01", Some("2024-12-31"), 30.0)]
        });
        v["language_tests"] = json!([
            tcf("2026-01-15", 9, 9, 9, 9),
            celpip("2026-01-15", 5, 5, 4, 5)
        ]);
        v["first_official_language"] = json!("french");
        v["education"] = json!([{"level": "secondary", "in_canada": true}, {"level": "masters", "in_canada": false, "eca": false}]);
        v["intended_province"] = json!("QC");
    });
    // Adaptability over its cap, a valid offer, a job in Canada: no funds needed.
    push(&|v| {
        v["sibling_in_canada"] = json!(true);
        v["education"] = json!([{"level": "masters", "program_years": 2, "in_canada": true}]);
        v["work_history"] = json!([job("21231", "CA", "2019-09-01", None, 40.0)]);
        v["job_offer"] = json!({"noc": "21231"});
    });
    // A valid offer without a current job in Canada and too little money; an old test.
    push(&|v| {
        v["job_offer"] = json!({"noc": "21231", "non_seasonal": false});
        v["settlement_funds_cad"] = json!(100);
        v["language_tests"] = json!([celpip("2024-10-01", 9, 9, 9, 9)]);
    });
    // Before the first funds table; before the FSW rules.
    push(&|v| {
        v["as_of"] = json!("2022-06-01");
        v["language_tests"] = json!([celpip("2022-01-15", 9, 9, 9, 9)]);
    });
    push(&|v| {
        v["as_of"] = json!("2014-12-31");
        v["language_tests"] = json!([]);
    });
    out
}

#[test]
fn every_fsw_sentence_has_a_french_wording() {
    for v in fsw_profiles() {
        let a = run(&v);
        let fr = french(&a);
        // English stays the default.
        let en = serde_json::to_string(&a.programs.fsw).unwrap();
        assert_ne!(fr, en);
    }
}

#[test]
fn exact_french_sentences_of_the_base_candidate() {
    let a = run(&fsw_base());
    french(&a);
    let p = &a.programs.fsw;
    assert_eq!(
        req(p, "fsw.selection_grid").detail.fr(),
        "74 points sur 100; la note de passage est de 67"
    );
    let funds = &req(p, "fsw.proof_of_funds").detail;
    assert_eq!(
        funds.fr(),
        "20\u{202f}000\u{202f}$ disponibles; il faut 15\u{202f}263\u{202f}$ pour une famille de 1 personne (tableau d’IRCC en vigueur depuis le 2025-07-07)"
    );
    assert_eq!(
        funds.en(),
        "CAD 20,000 available; CAD 15,263 needed for a family of 1 (IRCC table from 2025-07-07)"
    );
    assert_eq!(
        grid_line(&a, "fsw.grid.age").detail.fr(),
        "31 ans le 2026-11-01 : 12 points"
    );
    assert_eq!(
        grid_line(&a, "fsw.grid.adaptability").detail.fr(),
        "0 point pour les éléments ci-dessous (au plus 10)"
    );
    assert_eq!(
        grid_line(&a, "fsw.grid.first_language").detail.fr(),
        "Anglais (CLB) : compréhension de l’oral 9 → 6, compréhension de l’écrit 9 → 6, expression écrite 9 → 6, expression orale 9 → 6"
    );
    assert!(p.notes.iter().any(|n| n.fr()
        == "Les points du PTQF pour l’âge tiennent compte de votre âge le jour où IRCC reçoit votre demande; landed utilise la date de l’évaluation"));
}

#[test]
fn exact_french_sentences_of_open_and_missing_facts() {
    // Age 41 with a bachelor's: 66, 71 with a relative in Canada.
    let mut v = fsw_base();
    v["date_of_birth"] = json!("1985-06-01");
    v["education"] = json!([{"level": "bachelors", "in_canada": false, "eca": true}]);
    let a = run(&v);
    french(&a);
    let r = req(&a.programs.fsw, "fsw.selection_grid");
    assert_eq!(
        r.detail.fr(),
        "66 points sur 100 selon le profil, jusqu’à 71 avec des renseignements qui n’y figurent pas (membres de la famille au Canada); la note de passage est de 67"
    );
    assert!(
        r.detail
            .en()
            .ends_with("(relatives in canada); the pass mark is 67")
    );

    // A foreign credential without an ECA next to a Canadian one.
    let mut v = fsw_base();
    v["education"] = json!([{"level": "secondary", "in_canada": true}, {"level": "masters", "in_canada": false, "eca": false}]);
    let a = run(&v);
    french(&a);
    let l = grid_line(&a, "fsw.grid.education");
    assert_eq!(
        l.detail.fr(),
        "Diplôme d’études secondaires : 5 points; un diplôme étranger sans évaluation des diplômes d’études (EDE) ne compte pas"
    );
    assert_eq!(
        l.detail.en(),
        "secondary diploma: 5 points; a foreign credential without an Educational Credential Assessment does not count"
    );

    // No FSW rules before 2015.
    let mut v = fsw_base();
    v["as_of"] = json!("2014-12-31");
    v["language_tests"] = json!([]);
    let a = run(&v);
    french(&a);
    assert_eq!(
        req(&a.programs.fsw, "fsw.rules").detail.fr(),
        "landed n’a pas de règles du PTQF pour le 2014-12-31 : la première date qu’il couvre est le 2015-01-01"
    );

    // Before the first proof-of-funds table.
    let mut v = fsw_base();
    v["as_of"] = json!("2022-06-01");
    v["language_tests"] = json!([celpip("2022-01-15", 9, 9, 9, 9)]);
    let a = run(&v);
    french(&a);
    assert_eq!(
        req(&a.programs.fsw, "fsw.proof_of_funds").detail.fr(),
        "Le montant ne peut pas être déterminé : landed ne connaît aucun tableau de preuve de fonds pour le 2022-06-01; la première date prise en charge est le 2023-04-25"
    );
}

#[test]
fn the_fst_proof_of_funds_is_in_french_too() {
    let a = run(&fst_base());
    let r = req(&a.programs.fst, "fst.proof_of_funds");
    let before = text::untranslated_count();
    assert_eq!(
        r.detail.fr(),
        "20\u{202f}000\u{202f}$ disponibles; il faut 15\u{202f}263\u{202f}$ pour une famille de 1 personne (tableau d’IRCC en vigueur depuis le 2025-07-07)"
    );
    assert_eq!(text::untranslated_count(), before);
}
