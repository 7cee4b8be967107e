use axum::http::StatusCode;

use crate::common::{settings, spawn, spawn_with};

const MESSAGE: &str = "I worked 14 months in Canada; can I apply under the CEC?";

fn valid<'a>(token: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", "person@example.com"),
        ("topic", "cec"),
        ("message", MESSAGE),
        ("preferred_language", "en"),
        ("consent", "yes"),
        ("website", ""),
        ("form_token", token),
    ]
}

#[tokio::test]
async fn form_renders_in_both_languages() {
    let app = spawn().await;
    let en = app.get("/en/questions/new").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("<label for=\"f-name\">Your name</label>"));
    assert!(en.body.contains("name=\"form_token\""));
    assert!(en.body.contains("name=\"website\""), "honeypot");
    let fr = app.get("/fr/questions/new").await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("Votre nom"));
    assert!(fr.body.contains("Envoyer ma question"));
}

#[tokio::test]
async fn a_question_is_stored_and_confirmed_with_a_reference() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let res = app
        .post_form("/en/questions/new", &valid(&token, "Ana Souza"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let loc = res.location().to_string();
    assert!(loc.starts_with("/en/questions/sent?ref=Q-"), "{loc}");
    let reference = loc.split("ref=").nth(1).unwrap();
    // Stored durably before the confirmation.
    let q = app
        .state
        .store()
        .get_question_by_reference(reference)
        .await
        .unwrap();
    assert_eq!(q.name, "Ana Souza");
    assert_eq!(q.message, MESSAGE);
    assert!(q.ip_hash.is_some());
    assert_ne!(q.ip_hash.as_deref(), Some("203.0.113.5"));
    // The confirmation shows the reference only to the browser that sent it (its cookie).
    let set = res.set_cookie().expect("the confirmation cookie");
    let cookie = set.split(';').next().unwrap().to_string();
    assert!(cookie.starts_with("landed_sent="), "{set}");
    let page = app.get_h(&loc, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(reference));
    let fr = app
        .get_h(&loc.replace("/en/", "/fr/"), &[("cookie", &cookie)])
        .await;
    assert!(fr.body.contains("Votre question a été envoyée"));
    // Anyone else, or a reference merely typed: the 404 page, confirming nothing.
    assert_eq!(app.get(&loc).await.status, StatusCode::NOT_FOUND);
    let other = app
        .get_h(
            "/en/questions/sent?ref=Q-2026-ZZZZZZ",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn field_errors_are_shown_next_to_fields_with_values_kept() {
    let app = spawn().await;
    let token = app.question_token("fr", 10);
    let res = app
        .post_form(
            "/fr/questions/new",
            &[
                ("name", "<script>alert(1)</script>"),
                ("email", "not-an-email"),
                ("topic", "bogus"),
                ("message", "short"),
                ("preferred_language", "de"),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"f-email-error\""));
    assert!(res.body.contains("Entrez une adresse courriel valide"));
    assert!(res.body.contains("Choisissez un sujet"));
    assert!(res.body.contains("au moins 10 caractères"));
    assert!(res.body.contains("Cochez la case"));
    assert!(res.body.contains("value=\"not-an-email\""), "value kept");
    assert!(!res.body.contains("<script>alert(1)</script>"), "escaped");
    assert!(
        res.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || res.body.contains("&lt;script&gt;")
    );
    let count = app.state.store().count_by_status().await.unwrap();
    assert!(count.iter().all(|(_, n)| *n == 0));
}

#[tokio::test]
async fn honeypot_is_refused() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let mut form = valid(&token, "Bot");
    form.retain(|(k, _)| *k != "website");
    form.push(("website", "http://spam.example"));
    let res = app.post_form("/en/questions/new", &form, &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("could not be sent"));
    let list = app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap();
    assert!(list.is_empty());
}

#[tokio::test]
async fn too_fast_submission_is_refused() {
    let app = spawn().await;
    let form_page = app.get("/en/questions/new").await;
    let token = form_page.hidden("form_token");
    let res = app
        .post_form("/en/questions/new", &valid(&token, "Quick"), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("That was quick"));
    assert!(res.body.contains("value=\"Quick\""), "values kept");
}

#[tokio::test]
async fn forged_or_missing_token_is_refused() {
    let app = spawn().await;
    let res = app
        .post_form("/en/questions/new", &valid("123.abc", "X"), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A token for the French form does not work on the English one.
    let fr = app.question_token("fr", 10);
    let res = app
        .post_form("/en/questions/new", &valid(&fr, "X"), &[])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn rate_limit_per_ip() {
    let mut s = settings();
    s.questions_per_ip_per_hour = 2;
    let app = spawn_with(s).await;
    for i in 0..2 {
        let token = app.question_token("en", 10);
        let res = app
            .post_form("/en/questions/new", &valid(&token, &format!("P{i}")), &[])
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    let token = app.question_token("en", 10);
    let res = app
        .post_form("/en/questions/new", &valid(&token, "P3"), &[])
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.body.contains("Too many questions"));
    assert!(res.body.contains(MESSAGE), "text kept");
}

#[tokio::test]
async fn rate_limit_counts_the_database_too() {
    // Another instance (fresh in-memory limiter, same database) still sees the count.
    let mut s = settings();
    s.questions_per_ip_per_hour = 1;
    let app = spawn_with(s.clone()).await;
    let token = app.question_token("en", 10);
    let res = app
        .post_form("/en/questions/new", &valid(&token, "A"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let other = landed_web::AppState::new(app.state.store().clone(), s).unwrap();
    let router = landed_web::app(other);
    let app2 = crate::common::TestApp { router, ..app };
    let token = app2.question_token("en", 10);
    let res = app2
        .post_form("/en/questions/new", &valid(&token, "B"), &[])
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn cross_site_post_is_refused() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let res = app
        .post_form(
            "/en/questions/new",
            &valid(&token, "X"),
            &[
                ("origin", "https://evil.example"),
                ("host", "localhost:8080"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn oversized_body_is_refused() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let big = "x".repeat(400 * 1024);
    let mut form = valid(&token, "Big");
    form.retain(|(k, _)| *k != "message");
    form.push(("message", &big));
    let res = app.post_form("/en/questions/new", &form, &[]).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn confirmation_page_refuses_odd_references() {
    let app = spawn().await;
    let res = app.get("/en/questions/sent?ref=%3Cscript%3E").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_double_submit_stores_one_question() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let first = app
        .post_form("/en/questions/new", &valid(&token, "Twice"), &[])
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = app
        .post_form("/en/questions/new", &valid(&token, "Twice"), &[])
        .await;
    assert_eq!(second.status, StatusCode::SEE_OTHER);
    assert_eq!(first.location(), second.location());
    let all = app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
}
