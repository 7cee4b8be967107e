//! NOC 2021 catalogue, search and code validation, through the public API.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::RulesError;
use landed_rules::noc::{
    Catalogue, Noc, NocLevel, SearchHit, SearchLang, UnitGroup, catalogue, lookup,
};
use proptest::prelude::*;

fn cat() -> &'static Catalogue {
    catalogue().expect("the embedded NOC data parses")
}

fn noc(code: &str) -> Noc {
    Noc::parse(code).unwrap()
}

fn codes(hits: &[SearchHit]) -> Vec<String> {
    hits.iter().map(|h| h.code.to_string()).collect()
}

/// The position of `code` among the hits of `query`, if any.
fn position(query: &str, lang: SearchLang, code: &str) -> Option<usize> {
    codes(&cat().search(query, lang, 10))
        .iter()
        .position(|c| c == code)
}

// ---- the data ----------------------------------------------------------

#[test]
fn embedded_data_has_516_unit_groups() {
    assert_eq!(cat().len(), 516);
    assert_eq!(cat().iter().count(), 516);
    assert!(!cat().is_empty());
    let by_teer = (0..=5)
        .map(|t| cat().iter().filter(|g| g.teer.level() == t).count())
        .collect::<Vec<_>>();
    // Per SOURCES.md: TEER 0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45.
    assert_eq!(by_teer, [48, 97, 162, 69, 95, 45]);
    let by_level = |level| cat().classes().filter(|c| c.level == level).count();
    assert_eq!(
        [
            NocLevel::BroadCategory,
            NocLevel::MajorGroup,
            NocLevel::SubMajorGroup,
            NocLevel::MinorGroup,
            NocLevel::UnitGroup
        ]
        .map(by_level),
        [10, 45, 89, 162, 516]
    );
}

#[test]
fn codes_are_unique_sorted_text_with_leading_zeros() {
    let all: Vec<&str> = cat().iter().map(|g| g.code.as_str()).collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(all[0], "00010");
    assert_eq!(cat().get(noc("00010")).unwrap().title_en, "Legislators");
    assert!(all.iter().all(|c| c.len() == 5));
}

/// The `teer` column of the CSV, read independently of the library.
fn csv_teer_column() -> Vec<(String, u8)> {
    let text = include_str!("../../../data/noc/noc2021_unit_groups.csv");
    text.lines()
        .skip(1)
        .map(|line| {
            // The code is the first field; the TEER is the first field after
            // the two titles, which may be quoted and contain commas.
            let code = line[..5].to_string();
            let mut fields = Vec::new();
            let (mut quoted, mut start) = (false, 0);
            for (i, c) in line.char_indices() {
                match c {
                    '"' => quoted = !quoted,
                    ',' if !quoted => {
                        fields.push(&line[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            (code, fields[3].parse().unwrap())
        })
        .collect()
}

#[test]
fn teer_is_the_second_digit_and_matches_the_csv() {
    let column = csv_teer_column();
    assert_eq!(column.len(), 516);
    for (code, teer) in column {
        let group = cat().get(noc(&code)).unwrap();
        assert_eq!(group.teer.level(), teer, "{code}");
        assert_eq!(group.teer, group.code.teer(), "{code}");
        assert_eq!(
            u32::from(group.teer.level()),
            code.chars().nth(1).unwrap().to_digit(10).unwrap()
        );
    }
}

#[test]
fn hierarchy_codes_are_prefixes() {
    for g in cat().iter() {
        let code = g.code.as_str();
        assert_eq!(g.broad_category.0, code[..1]);
        assert_eq!(g.major_group.0, code[..2]);
        assert_eq!(g.sub_major_group.0, code[..3]);
        assert_eq!(g.minor_group.0, code[..4]);
        let h = cat().hierarchy(g.code).unwrap();
        for (digits, class) in (1..=5).zip(h.levels()) {
            assert_eq!(class.code, code[..digits]);
            assert_eq!(class.level.digits(), digits);
            assert!(!class.title_en.is_empty());
            assert!(class.definition_en.is_some(), "{}", class.code);
        }
        assert_eq!(h.minor_group.title_en, g.minor_group.1);
        assert_eq!(h.broad_category.title_en, g.broad_category.1);
        assert_eq!(h.unit_group.title_en, g.title_en);
        assert_eq!(h.unit_group.definition_en, g.definition_en);
    }
    assert!(cat().hierarchy(noc("21239")).is_none());
}

#[test]
fn show_21231_has_hierarchy_titles_and_examples() {
    let g = cat().get(noc("21231")).unwrap();
    assert_eq!(g.title_en, "Software engineers and designers");
    assert!(
        g.title_fr.starts_with("Ingénieurs/ingénieures"),
        "{}",
        g.title_fr
    );
    assert_eq!(g.teer.level(), 1);
    assert_eq!(g.major_group.0, "21");
    assert!(g.definition_en.as_deref().unwrap().contains("software"));
    assert!(g.examples_en.iter().any(|e| e == "Software engineer"));
    let h = cat().hierarchy(g.code).unwrap();
    assert_eq!(h.broad_category.code, "2");
    assert_eq!(
        h.broad_category.title_en,
        "Natural and applied sciences and related occupations"
    );
    // Serialises with the code as text.
    let json = serde_json::to_value(g).unwrap();
    assert_eq!(json["code"], "21231");
    assert_eq!(json["minor_group"][0], "2123");
    let json = serde_json::to_value(cat().get(noc("00010")).unwrap()).unwrap();
    assert_eq!(json["code"], "00010");
}

#[test]
fn every_example_title_belongs_to_its_group() {
    let json: serde_json::Value = serde_json::from_str(include_str!(
        "../../../data/noc/noc2021_example_titles.json"
    ))
    .unwrap();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 516);
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut en, mut fr) = (0, 0);
    for entry in entries {
        let group = cat()
            .get(noc(entry["category_code"].as_str().unwrap()))
            .unwrap();
        let file_en: Vec<String> = entry["occupations_EN"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| clean(t.as_str().unwrap()))
            .collect();
        let file_fr: Vec<String> = entry["occupations_FR"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| clean(t.as_str().unwrap()))
            .collect();
        assert_eq!(group.examples_en, file_en, "{}", group.code);
        assert_eq!(group.examples_fr, file_fr, "{}", group.code);
        assert!(group.examples_en.len() >= 2 && group.examples_fr.len() >= 2);
        en += file_en.len();
        fr += file_fr.len();
    }
    assert_eq!((en, fr), (27_935, 29_767));
    // No example title is listed under two unit groups.
    let mut seen = std::collections::HashMap::new();
    for g in cat().iter() {
        for e in g.examples_en.iter().chain(&g.examples_fr) {
            if let Some(other) = seen.insert(e.to_lowercase(), g.code) {
                assert_eq!(other, g.code, "{e}");
            }
        }
    }
}

#[test]
fn titles_are_trimmed_and_the_six_non_statcan_titles_are_absent() {
    for g in cat().iter() {
        for t in g.examples_en.iter().chain(&g.examples_fr) {
            assert_eq!(t.trim(), t);
            assert!(!t.contains('\u{a0}') && !t.contains("  "), "{t:?}");
        }
    }
    let senior = cat().get(noc("00013")).unwrap();
    assert!(
        !senior
            .examples_en
            .iter()
            .any(|t| t.starts_with("Political staffer"))
    );
}

// ---- search ------------------------------------------------------------

#[test]
fn software_developer_finds_21232_first() {
    let hits = cat().search("software developer", SearchLang::Any, 10);
    assert_eq!(hits[0].code.as_str(), "21232", "{hits:#?}");
    assert_eq!(hits[0].title, "Software developers and programmers");
    assert_eq!(hits[0].lang, SearchLang::En);
    assert_eq!(hits[0].teer.level(), 1);
    assert!(hits[0].score > 0.99);
    assert_eq!(
        position("software developer", SearchLang::En, "21232"),
        Some(0)
    );
}

#[test]
fn typos_still_find_21232() {
    for q in ["sofware developr", "softwre develoepr", "Software Develper"] {
        assert_eq!(position(q, SearchLang::En, "21232"), Some(0), "{q}");
    }
}

#[test]
fn french_with_or_without_accents_finds_21232() {
    for q in [
        "développeur logiciel",
        "developpeur logiciel",
        "DÉVELOPPEUSE LOGICIELS",
        "de\u{301}veloppeur logiciel",
    ] {
        for lang in [SearchLang::Fr, SearchLang::Any] {
            let hits = cat().search(q, lang, 10);
            assert_eq!(hits[0].code.as_str(), "21232", "{q} {lang}: {hits:#?}");
            assert_eq!(hits[0].lang, SearchLang::Fr);
            assert!(
                hits[0].title.starts_with("Développeurs"),
                "{}",
                hits[0].title
            );
        }
    }
    // English titles only: at best weak (typo) matches on "developer".
    let hits = cat().search("développeur logiciel", SearchLang::En, 10);
    assert!(
        hits.iter()
            .all(|h| h.lang == SearchLang::En && h.score < 0.5)
    );
}

#[test]
fn accents_apostrophes_and_ligatures_are_ignored() {
    let a = cat().search("infirmière", SearchLang::Fr, 10);
    let b = cat().search("INFIRMIERE", SearchLang::Fr, 10);
    assert_eq!(codes(&a), codes(&b));
    assert!(codes(&a).contains(&"31301".to_string()));
    let a = cat().search("chef d'équipe", SearchLang::Fr, 10);
    let b = cat().search("chef d’equipe", SearchLang::Fr, 10);
    assert_eq!(codes(&a), codes(&b));
    assert!(!a.is_empty());
    let a = cat().search("main-d'œuvre", SearchLang::Fr, 10);
    let b = cat().search("main d oeuvre", SearchLang::Fr, 10);
    assert_eq!(codes(&a), codes(&b));
}

#[test]
fn common_occupations_rank_at_the_top() {
    let cases = [
        ("nurse", "31301", 3),
        ("registered nurse", "31301", 1),
        ("cook", "63200", 1),
        ("barista", "65201", 1),
        ("truck driver", "73300", 1),
        ("data scientist", "21211", 1),
        ("electrician", "72200", 3),
        ("cuisinier", "63200", 1),
        ("camionneur", "73300", 1),
    ];
    for (query, code, within) in cases {
        let hits = cat().search(query, SearchLang::Any, 10);
        let at = codes(&hits).iter().position(|c| c == code);
        assert!(
            at.is_some_and(|p| p < within),
            "{query}: {code} at {at:?} in {:?}",
            codes(&hits)
        );
    }
}

#[test]
fn example_title_matches_are_reported() {
    let hits = cat().search("barista", SearchLang::En, 5);
    assert_eq!(hits[0].code.as_str(), "65201");
    assert_eq!(hits[0].matched_title.as_deref(), Some("Barista"));
    assert_eq!(
        hits[0].title,
        "Food counter attendants, kitchen helpers and related support occupations"
    );
    // A match on the unit-group title itself has no matched example.
    let hits = cat().search("cooks", SearchLang::En, 5);
    assert_eq!(hits[0].code.as_str(), "63200");
    assert_eq!(hits[0].matched_title, None);
}

#[test]
fn one_hit_per_group_sorted_and_within_limit() {
    for q in ["manager", "operator", "technician", "a", "ma"] {
        for limit in [1, 5, 50, 1000] {
            let hits = cat().search(q, SearchLang::Any, limit);
            assert!(hits.len() <= limit);
            let mut c = codes(&hits);
            c.sort();
            c.dedup();
            assert_eq!(c.len(), hits.len(), "{q}");
            assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
        }
    }
    assert!(cat().search("manager", SearchLang::Any, 1000).len() > 50);
    assert!(cat().search("manager", SearchLang::Any, 0).is_empty());
}

#[test]
fn empty_and_stop_word_queries_give_nothing() {
    for q in ["", "   ", "-/'", "de la", "the"] {
        assert!(cat().search(q, SearchLang::Any, 10).is_empty(), "{q:?}");
    }
}

#[test]
fn code_prefix_queries_list_groups() {
    let hits = cat().search("2123", SearchLang::Any, 10);
    assert_eq!(codes(&hits), ["21230", "21231", "21232", "21233", "21234"]);
    assert!(
        hits.iter()
            .all(|h| h.score == 1.0 && h.matched_title.is_none())
    );
    let hits = cat().search("NOC 21232", SearchLang::Fr, 10);
    assert_eq!(codes(&hits), ["21232"]);
    assert_eq!(hits[0].lang, SearchLang::Fr);
    assert_eq!(cat().search("0", SearchLang::En, 100).len(), 6);
    assert_eq!(cat().search("00", SearchLang::En, 3).len(), 3);
    assert!(cat().search("99999", SearchLang::En, 10).is_empty());
    assert!(cat().search("212321", SearchLang::En, 10).is_empty());
}

#[test]
fn hits_serialise() {
    let hits = cat().search("cook", SearchLang::En, 1);
    let json = serde_json::to_value(&hits).unwrap();
    assert_eq!(json[0]["code"], "63200");
    assert_eq!(json[0]["lang"], "en");
    assert_eq!(json[0]["teer"], 3);
}

// ---- validation of codes -----------------------------------------------

#[test]
fn unknown_code_suggests_the_same_minor_group() {
    let close: Vec<String> = cat()
        .suggest_codes("21239", 5)
        .iter()
        .map(|g| g.code.to_string())
        .collect();
    // 21230 is in the same minor group as 21231..21234 and as close.
    assert_eq!(close, ["21230", "21231", "21232", "21233", "21234"]);

    let err = lookup(noc("21239")).unwrap_err();
    assert_eq!(err.field(), "");
    let message = err.message();
    assert!(
        message.starts_with(
            "unknown NOC 2021 unit group 21239; close codes: 21230 Computer systems developers and programmers, 21231 Software engineers and designers, 21232 Software developers and programmers, 21233 Web designers, 21234 Web developers and programmers"
        ),
        "{message}"
    );
    let err = err.within("work_history[0].noc");
    assert_eq!(err.field(), "work_history[0].noc");
    assert!(
        err.to_string()
            .starts_with("work_history[0].noc: unknown NOC 2021 unit group 21239")
    );
    assert!(matches!(err, RulesError::InvalidInput { .. }));
}

#[test]
fn suggestions_cover_swaps_missing_digits_and_far_codes() {
    let first = |text: &str| -> Vec<String> {
        cat()
            .suggest_codes(text, 3)
            .iter()
            .map(|g| g.code.to_string())
            .collect()
    };
    assert!(first("12231").contains(&"21231".to_string())); // swapped digits
    assert_eq!(first("2123")[0], "21230"); // a digit missing
    assert_eq!(first("212311")[0], "21231"); // a digit extra
    assert_eq!(first("NOC 21232")[0], "21232");
    assert!(first("").is_empty() && first("abc").is_empty());
    assert!(cat().suggest_codes("21239", 0).is_empty());

    // 99999 is far from every code: an error, with or without suggestions.
    let err = lookup(noc("99999")).unwrap_err();
    assert_eq!(
        err.message(),
        "unknown NOC 2021 unit group 99999; no close codes"
    );
    assert!(cat().suggest_codes("99999", 5).len() <= 5);
}

#[test]
fn lookup_accepts_every_real_code() {
    for g in cat().iter() {
        let found: &UnitGroup = lookup(g.code).unwrap();
        assert_eq!(found.code, g.code);
    }
}

proptest! {
    // Integration tests have no lib.rs next to them to persist failures by.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn search_never_panics_and_respects_the_limit(query in "\\PC{0,40}", limit in 0usize..30) {
        for lang in [SearchLang::En, SearchLang::Fr, SearchLang::Any] {
            let hits = cat().search(&query, lang, limit);
            prop_assert!(hits.len() <= limit);
        }
    }

    #[test]
    fn search_of_latinish_text_never_panics(query in "[a-zA-Zàâçéèêëîïôûùüÿœæ'’ 0-9-]{0,60}") {
        let hits = cat().search(&query, SearchLang::Any, 10);
        prop_assert!(hits.len() <= 10);
    }

    #[test]
    fn suggestions_never_panic(text in "\\PC{0,12}") {
        prop_assert!(cat().suggest_codes(&text, 5).len() <= 5);
    }
}
