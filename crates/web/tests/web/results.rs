//! The results page from a profile in the URL: the program an invitation would be issued
//! under, the FSW selection grid, category-based selection and per-program work facts.

use axum::http::StatusCode;

use crate::common::{Resp, TestApp, spawn};

/// The contract's example profile (graduate on a PGWP), assessed on 2026-09-30.
const PGWP: &str = include_str!("../../../../docs/examples/pgwp-graduate.json");

/// A software engineer abroad, married with no spouse details and no language test, assessed
/// in 2024 (the 2023 categories, whose occupation lists landed does not have in full).
const ABROAD_2024: &str = r#"{
  "as_of": "2024-06-01",
  "date_of_birth": "1992-05-01",
  "marital_status": "married",
  "education": [{"level": "bachelors", "program_years": 4, "in_canada": false, "completed_on": "2014-05-30", "eca": true}],
  "work_history": [
    {"noc": "21231", "title": "Software engineer", "country": "IN", "start": "2018-01-01", "end": null, "hours_per_week": 40}
  ]
}"#;

/// The same engineer with a test, funds and a province: eligible for FSW only (no Canadian work).
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

async fn results(app: &TestApp, lang: &str, profile: &str) -> Resp {
    let packed = landed_web::security::pack(profile.as_bytes());
    let r = app
        .get(&format!("/{lang}/assessment/results?p={packed}"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r
}

/// The text of the element with `id` up to its closing `</tag>` (first one), tags removed.
fn text_of(body: &str, id: &str, tag: &str) -> String {
    let start = body
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let end = body[start..].find(&format!("</{tag}>")).unwrap() + start;
    let mut out = String::new();
    let mut in_tag = true; // starts inside the opening tag
    for c in body[start..end].chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn pgwp_results_show_invitation_grid_categories_and_work_in_english() {
    let app = spawn().await;
    let r = results(&app, "en", PGWP).await;
    let b = &r.body;
    // Invited under, near the top (before the program checklists).
    assert!(b.contains("id=\"invited-under\" data-program=\"cec\""));
    assert!(b.find("id=\"invited-under\"").unwrap() < b.find("id=\"prog-cec\"").unwrap());
    assert!(b.contains("the invitation would be issued under the Canadian Experience Class."));
    // The FSW grid: a table with a caption and scoped headers, inside the FSW section.
    // Wide tables scroll in a focusable, named region on narrow screens.
    assert!(b.contains(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-fsw-grid\" tabindex=\"0\">"
    ));
    let fsw = b.find("id=\"prog-fsw\"").unwrap();
    let grid = b.find("id=\"fsw-grid\"").unwrap();
    assert!(fsw < grid && grid < b.find("id=\"prog-fst\"").unwrap());
    assert_eq!(
        text_of(b, "grid-total", "p"),
        "71 of 100 points: at or above the pass mark of 67."
    );
    assert!(b.contains(
        "<caption id=\"cap-fsw-grid\">Federal Skilled Worker selection grid: points for each factor</caption>"
    ));
    assert!(b.contains("<th scope=\"row\">First official language <span class=\"cell-note grid-why-inline\">English (CLB): listening 8"));
    assert!(b.contains("<td class=\"num\">71</td><td class=\"num\">100</td><td class=\"grid-why\">Pass mark: 67 — <span class=\"req-status-label\">met</span>"));
    assert!(
        b.contains("<span class=\"visually-hidden\">Adaptability: </span>Your study in Canada")
    );
    let table = &b[grid..b[grid..].find("</table>").unwrap() + grid + "</table>".len()];
    insta::assert_snapshot!(
        "fsw_grid_en",
        format!("<table class=\"grid-table\" {table}")
    );
    // Categories of 2026: each one with its status, reason and the "not verified" tag.
    assert!(b.contains("<h3 id=\"cat-h\">Category-based selection</h3>"));
    assert!(b.contains("categories in force since February 18, 2026"));
    let stem = text_of(b, "cat-stem", "li");
    assert!(
        stem.starts_with(
            "✗ Science, Technology, Engineering and Math (STEM) occupations — not eligible"
        ),
        "{stem}"
    );
    assert!(
        stem.contains("List not verified against canada.ca"),
        "{stem}"
    );
    assert!(!stem.contains("List incomplete"), "{stem}");
    assert!(
        stem.contains(
            "Work in a listed occupation: Your occupations between September 30, 2023 and September 29, 2026"
        ),
        "{stem}"
    );
    assert_eq!(b.matches("class=\"req req-not_met category\"").count(), 10);
    // Work per program, in the facts section.
    let cec = text_of(b, "facts-program-work", "table");
    assert!(cec.contains("Canadian Experience Class All skilled (TEER 0–3) work in Canada, added together. September 30, 2023 to September 29, 2026 1,898 1,560 13110 Administrative assistants"), "{cec}");
    assert!(cec.contains("1,898 without a gap, July 14, 2025 to September 29, 2026 1,560 13110 Administrative assistants"), "{cec}");
    assert!(cec.contains("Federal Skilled Trades Program The skilled trade with the most hours. September 30, 2021 to September 29, 2026 0 3,120 none"), "{cec}");
}

#[tokio::test]
async fn pgwp_results_show_invitation_grid_categories_and_work_in_french() {
    let app = spawn().await;
    let r = results(&app, "fr", PGWP).await;
    let b = &r.body;
    assert!(b.contains("id=\"invited-under\" data-program=\"cec\""));
    assert!(b.contains("elle serait émise au titre de la catégorie de l’expérience canadienne."));
    assert_eq!(
        text_of(b, "grid-total", "p"),
        "71 points sur 100 : au moins la note de passage de 67."
    );
    assert!(b.contains("<caption id=\"cap-fsw-grid\">Grille de sélection des travailleurs qualifiés (fédéral) : points pour chaque facteur</caption>"));
    assert!(b.contains("<th scope=\"row\">Première langue officielle <span class=\"cell-note grid-why-inline\">Anglais (CLB) : compréhension de l’oral 8 → 5"));
    assert!(b.contains("<td class=\"num\">71</td><td class=\"num\">100</td><td class=\"grid-why\">Note de passage : 67 — <span class=\"req-status-label\">rempli</span>"));
    // The engine's sentences are in French too, and not marked as English.
    assert!(b.contains("<td class=\"grid-why\">28 ans le 30 septembre 2026 : 12 points</td>"));
    assert!(b.contains("1\u{202F}898 heures de travail qualifié admissibles au Canada entre le 30 septembre 2023 et le 29 septembre 2026 (1\u{202F}560 requises)"));
    assert!(!b.contains("<p class=\"req-detail\" lang=\"en\">"));
    assert!(b.contains("<h3 id=\"cat-h\">Sélection fondée sur les catégories</h3>"));
    assert!(b.contains("catégories en vigueur depuis le 18 février 2026"));
    let stem = text_of(b, "cat-stem", "li");
    assert!(
        stem.starts_with(
            "✗ Professions en sciences, technologie, génie et mathématiques (STGM) — non admissible"
        ),
        "{stem}"
    );
    assert!(stem.contains("Liste non vérifiée sur canada.ca"), "{stem}");
    assert!(
        b.contains(
            "Travail dans une profession de la liste : <span>Vos professions entre le 30 septembre 2023"
        ),
        "(reason)"
    );
    let work = text_of(b, "facts-program-work", "table");
    assert!(work.contains("du 30 septembre 2023 au 29 septembre 2026 1\u{202F}898 1\u{202F}560 13110 Adjoints administratifs/adjointes administratives"), "{work}");
    assert!(
        work.contains("sans interruption, du 14 juillet 2025 au 29 septembre 2026"),
        "{work}"
    );
}

#[tokio::test]
async fn missing_facts_show_up_to_and_incomplete_lists() {
    let app = spawn().await;
    for (lang, up_to, incomplete, invited) in [
        (
            "en",
            "up to 24",
            "List incomplete",
            "We cannot tell yet which program",
        ),
        (
            "fr",
            "jusqu’à 24",
            "Liste incomplète",
            "Nous ne pouvons pas encore dire",
        ),
    ] {
        let b = results(&app, lang, ABROAD_2024).await.body;
        assert!(b.contains("data-program=\"unknown\""), "{lang}");
        assert!(b.contains(invited), "{lang}");
        // No language test: the first-language line is 0, "up to 24".
        let start = b.find("data-line=\"fsw.grid.first_language\"").unwrap();
        let row = &b[start..start + b[start..].find("</tr>").unwrap()];
        assert!(
            row.contains(&format!("0 <span class=\"up-to\">{up_to}</span>")),
            "{row}"
        );
        assert!(
            b.contains("data-status=\"unknown\""),
            "{lang}: grid undecided"
        );
        // 2023 categories: lists incomplete; the 2023 healthcare title has its own message.
        let health = text_of(&b, "cat-healthcare", "li");
        assert!(health.contains(incomplete), "{health}");
        let title = if lang == "en" {
            "Healthcare occupations —"
        } else {
            "Professions des soins de santé —"
        };
        assert!(health.contains(title), "{health}");
        // The 2023 agriculture list is complete (transcribed, not verified): a
        // software engineer is not on it.
        assert!(
            b.contains("id=\"cat-agriculture\" data-status=\"not_met\""),
            "{lang}"
        );
    }
    let en = results(&app, "en", ABROAD_2024).await.body;
    assert!(en.contains("48 of 100 points from your answers, up to 86 with facts we do not have: the pass mark is 67."));
}

#[tokio::test]
async fn an_fsw_only_candidate_is_invited_under_fsw() {
    let app = spawn().await;
    let en = results(&app, "en", FSW_ONLY).await.body;
    assert!(en.contains("data-program=\"fsw\""));
    assert!(en.contains("issued under the Federal Skilled Worker Program."));
    let fr = results(&app, "fr", FSW_ONLY).await.body;
    assert!(fr.contains("au titre du Programme des travailleurs qualifiés (fédéral)."));
    // Before category-based selection began there is no category to show.
    let old = FSW_ONLY
        .replace("2026-11-24", "2023-01-10")
        .replace("2026-01-10", "2022-06-01");
    let b = results(&app, "en", &old).await.body;
    assert!(b.contains("No category-based rounds were held on the assessment date."));
    assert!(!b.contains("class=\"req req-met category\""));
}

/// A graduate nine months into a full-time job in Canada: CEC not met yet, met later.
const NOT_YET: &str = r#"{
  "as_of": "2026-11-24",
  "date_of_birth": "1998-02-10",
  "marital_status": "single",
  "intended_province": "ON",
  "education": [{"level": "bachelors", "program_years": 4, "in_canada": true, "completed_on": "2025-12-15"}],
  "language_tests": [{"test": "celpip_general", "test_date": "2026-01-10", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}],
  "work_history": [
    {"noc": "21231", "title": "Software developer", "country": "CA", "province": "ON", "start": "2026-03-02", "end": null, "hours_per_week": 37.5}
  ]
}"#;

/// Issue 11 §6: the page leads with the answers — eligible or not (and when), the CRS, the
/// rounds, then the plan by date — and the long detail comes after.
#[tokio::test]
async fn results_lead_with_verdict_crs_rounds_then_plan() {
    let app = spawn().await;
    for lang in ["en", "fr"] {
        let r = results(&app, lang, PGWP).await;
        let at = |id: &str| {
            r.body
                .find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("{lang}: no #{id}"))
        };
        let order = [
            at("cec-verdict"),
            at("crs-summary"),
            at("outlook"),
            at("plan"),
            at("timeline"),
            at("whatif"),
            at("prog-cec"),
        ];
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{lang}: sections out of order: {order:?}"
        );
    }
}

#[tokio::test]
async fn not_yet_eligible_is_told_when_in_both_languages() {
    let app = spawn().await;
    let en = results(&app, "en", NOT_YET).await;
    let when = text_of(&en.body, "cec-when", "p");
    assert!(
        when.starts_with("You would meet the Canadian Experience Class requirements on "),
        "{when}"
    );
    assert!(when.contains("2027"), "{when}");
    let tl = text_of(&en.body, "timeline-first", "ol");
    assert!(tl.contains("1,560 hours"), "{tl}");
    assert!(en.body.contains("data-kind=\"eligibility_starts\""));
    let fr = results(&app, "fr", NOT_YET).await;
    let when = text_of(&fr.body, "cec-when", "p");
    assert!(
        when.starts_with(
            "Vous rempliriez les exigences de la catégorie de l’expérience canadienne le "
        ),
        "{when}"
    );
    let tl = text_of(&fr.body, "timeline-first", "ol");
    assert!(tl.contains("1\u{202F}560 heures"), "{tl}");
}

#[tokio::test]
async fn eligible_candidate_gets_no_when_line() {
    let app = spawn().await;
    let r = results(&app, "en", PGWP).await;
    if r.body.contains("data-verdict=\"eligible\"") {
        assert!(!r.body.contains("id=\"cec-when\""));
    }
    assert!(r.body.contains("id=\"timeline-h\""));
}

/// Issue 12 §2: each source link says what it is, and a French page links the French
/// canada.ca page where one is known (else the English one, said to be in English).
#[tokio::test]
async fn source_links_say_what_they_are_in_the_page_language() {
    let app = spawn().await;
    let en = results(&app, "en", PGWP).await;
    assert!(
        en.body
            .contains(">Six selection factors of the Federal Skilled Worker Program (67-point grid), canada.ca</a>"),
        "{}",
        en.body
    );
    let fr = results(&app, "fr", PGWP).await;
    assert!(fr.body.contains(
        "href=\"https://www.canada.ca/fr/immigration-refugies-citoyennete/services/immigrer-canada/entree-express/admissibilite/travailleurs-qualifies-federal/six-criteres-selection-travailleurs-qualifies-federal.html\""
    ));
    assert!(
        fr.body.contains(", canada.ca (en anglais)</a>"),
        "{}",
        fr.body
    );
}
