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

#[tokio::test]
async fn a_resend_with_changed_text_is_refused_not_dropped() {
    let app = spawn().await;
    let token = app.question_token("fr", 10);
    let first = app
        .post_form("/fr/questions/new", &valid(&token, "Ana"), &[])
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let reference = first.location().rsplit('=').next().unwrap().to_string();
    let mut changed = valid(&token, "Ana");
    changed.retain(|(k, _)| *k != "message");
    let text = "Autre question : puis-je compter mon stage coop ?";
    changed.push(("message", text));
    let res = app.post_form("/fr/questions/new", &changed, &[]).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(
        res.body
            .contains("Vos modifications n’ont pas été enregistrées")
    );
    assert!(res.body.contains(&reference), "names the question stored");
    assert!(res.body.contains("Autre question"), "the new text is kept");
    assert!(!res.body.contains("a été envoyée"), "never claims success");
    let fresh = res.hidden("form_token");
    assert_ne!(fresh, token, "a fresh form to send it as a new question");
    let all = app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].message, MESSAGE, "the first text is kept");
    // English too.
    let token = app.question_token("en", 10);
    app.post_form("/en/questions/new", &valid(&token, "Bo"), &[])
        .await;
    let mut changed = valid(&token, "Bo");
    changed.retain(|(k, _)| *k != "name");
    changed.push(("name", "Bob"));
    let res = app.post_form("/en/questions/new", &changed, &[]).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("Your changes were not saved"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_simultaneous_posts_of_one_form_store_one_question() {
    let app = std::sync::Arc::new(spawn().await);
    let token = app.question_token("en", 10);
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (app, token) = (app.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            app.post_form("/en/questions/new", &valid(&token, "Dup"), &[])
                .await
        }));
    }
    let mut locations = std::collections::BTreeSet::new();
    for t in tasks {
        let res = t.await.unwrap();
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        locations.insert(res.location().to_string());
    }
    assert_eq!(locations.len(), 1, "one reference for all: {locations:?}");
    let all = app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_simultaneous_posts_from_one_ip_store_at_most_the_limit() {
    let mut s = settings();
    s.questions_per_ip_per_hour = 5;
    let app = std::sync::Arc::new(spawn_with(s).await);
    let mut tasks = Vec::new();
    for i in 0..30 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let token = app.question_token("en", 10);
            app.post_form("/en/questions/new", &valid(&token, &format!("P{i}")), &[])
                .await
                .status
        }));
    }
    let (mut stored, mut limited) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::SEE_OTHER => stored += 1,
            StatusCode::TOO_MANY_REQUESTS => limited += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((stored, limited), (5, 25));
    let all = app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 5);
}
