use axum::http::StatusCode;

use crate::common::spawn;

#[tokio::test]
async fn root_redirects_by_accept_language() {
    let app = spawn().await;
    let res = app
        .get_h("/", &[("accept-language", "fr-CA,fr;q=0.9,en;q=0.5")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/fr/");
    let res = app.get_h("/", &[("accept-language", "en-GB")]).await;
    assert_eq!(res.location(), "/en/");
    let res = app.get("/").await;
    assert_eq!(res.location(), "/en/");
}

#[tokio::test]
async fn home_in_both_languages() {
    let app = spawn().await;
    let en = app.get("/en/").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("<html lang=\"en-CA\">"));
    assert!(en.body.contains("Canadian Experience Class"));
    assert!(en.body.contains("href=\"/fr/\""), "language switcher");
    assert!(en.body.contains("href=\"/en/assessment\""));
    assert!(en.body.contains("href=\"/en/questions/new\""));
    let fr = app.get("/fr/").await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("<html lang=\"fr-CA\">"));
    assert!(fr.body.contains("catégorie de l’expérience canadienne"));
    assert!(
        fr.body.contains("1\u{202F}560 heures"),
        "French number format"
    );
    assert!(fr.body.contains("href=\"/en/\""));
}

#[tokio::test]
async fn privacy_in_both_languages() {
    let app = spawn().await;
    let en = app.get("/en/privacy").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("365 days after it was closed"));
    assert!(en.body.contains("href=\"/fr/privacy\""));
    let fr = app.get("/fr/privacy").await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("365 jours après sa fermeture"));
}

#[tokio::test]
async fn unknown_language_and_page_are_404_in_a_language() {
    let app = spawn().await;
    let res = app.get("/de/").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = app.get("/fr/nope").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.body.contains("Page introuvable"));
}

#[tokio::test]
async fn security_headers_are_set() {
    let app = spawn().await;
    let res = app.get("/en/").await;
    let csp = res
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(res.headers.get("referrer-policy").unwrap(), "same-origin");
    assert_eq!(
        res.headers.get("x-content-type-options").unwrap(),
        "nosniff"
    );
}

#[tokio::test]
async fn static_assets_are_embedded() {
    let app = spawn().await;
    let home = app.get("/en/").await;
    let start = home.body.find("/static/style.").unwrap();
    let end = home.body[start..].find('"').unwrap() + start;
    let css = app.get(&home.body[start..end]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers
            .get("cache-control")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let htmx = app.get("/static/vendor/htmx-2.0.11.min.js").await;
    assert_eq!(htmx.status, StatusCode::OK);
    let license = app.get("/static/vendor/htmx-LICENSE.txt").await;
    assert!(license.body.contains("Zero-Clause BSD"));
}

#[tokio::test]
async fn health_answers() {
    let app = spawn().await;
    let res = app.get("/health").await;
    assert_eq!(res.status, StatusCode::OK);
}

use std::collections::BTreeSet;

fn ids(dir: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.starts_with(' ')
                && !id.starts_with('#')
                && !id.is_empty()
            {
                out.insert(id.trim().to_string());
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_both_languages() {
    let root = env!("CARGO_MANIFEST_DIR");
    let en = ids(&format!("{root}/locales/en-CA"));
    let fr = ids(&format!("{root}/locales/fr-CA"));
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
}

#[test]
fn templates_use_only_known_messages() {
    let root = env!("CARGO_MANIFEST_DIR");
    let en = ids(&format!("{root}/locales/en-CA"));
    let fr = ids(&format!("{root}/locales/fr-CA"));
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(format!("{root}/templates")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for pat in ["p.t(\"", "p.t1(\"", "p.tn(\""] {
            for (i, _) in text.match_indices(pat) {
                let rest = &text[i + pat.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if !en.contains(id) || !fr.contains(id) {
                    missing.push(format!("{}: {id}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Issue 9 §2: `/{lang}/rules` lists every rule table (id, periods, source, grade,
/// verified on), the date the data is verified through and the pending changes.
#[tokio::test]
async fn rules_page_lists_every_table_and_pending_change_in_both_languages() {
    let app = spawn().await;
    let c = landed_rules::currency::catalogue().expect("catalogue");
    for lang in ["en", "fr"] {
        let r = app.get(&format!("/{lang}/rules")).await;
        assert_eq!(r.status, StatusCode::OK, "{lang}");
        for t in &c.tables {
            assert!(
                r.body.contains(&format!("id=\"table-{}\"", t.id)),
                "{lang}: table {} missing",
                t.id
            );
            for v in &t.versions {
                let href = v.source.href.replace('&', "&amp;");
                assert!(r.body.contains(&href), "{lang}: source {href} of {}", t.id);
            }
        }
        for p in &c.pending {
            assert!(r.body.contains(&format!("id=\"pending-{}\"", p.id)));
        }
        let through = c.rules_verified_through.expect("verified through");
        assert!(r.body.contains(&format!("datetime=\"{through}\"")));
        assert!(
            r.body
                .contains(&format!("href=\"/{lang}/rules\" aria-current=\"page\"")),
            "{lang}: footer link"
        );
    }
    let fr = app.get("/fr/rules").await;
    assert!(fr.body.contains("Ce que landed sait"));
    assert!(fr.body.contains("Signalé en vigueur à partir du"));
    assert!(fr.body.contains("href=\"/en/rules\""), "language switch");
    let en = app.get("/en/").await;
    assert!(
        en.body.contains("href=\"/en/rules\""),
        "footer link on every page"
    );
}
