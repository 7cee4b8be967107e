use axum::http::StatusCode;

use crate::common::{settings, spawn, spawn_with};

#[tokio::test]
async fn anonymous_users_are_refused_the_inbox() {
    let app = spawn().await;
    let res = app.get("/staff").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().starts_with("/staff/login"));
    let res = app.get("/staff/questions/1").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app.get("/staff/export.csv").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = app
        .post_form("/staff/questions/1/notes", &[("body", "x")], &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .get_h("/staff", &[("cookie", "landed_session=forged")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn login_page_in_both_languages() {
    let app = spawn().await;
    let en = app
        .get_h("/staff/login", &[("accept-language", "en")])
        .await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains("Staff login"));
    let fr = app
        .get_h("/staff/login", &[("accept-language", "fr-CA")])
        .await;
    assert!(fr.body.contains("Connexion du personnel"));
    let switched = app.get("/staff/lang?to=fr&next=/staff/login").await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER);
    assert!(
        switched
            .set_cookie()
            .unwrap()
            .starts_with("landed_staff_lang=fr")
    );
    let fr = app
        .get_h("/staff/login", &[("cookie", "landed_staff_lang=fr")])
        .await;
    assert!(fr.body.contains("Connexion du personnel"));
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_wrong_password_fails() {
    let app = spawn().await;
    let hash = landed_store::hash_password("correct horse battery").unwrap();
    app.state
        .store()
        .create_staff_user("staff@example.org", &hash)
        .await
        .unwrap();
    let token = app.get("/staff/login").await.hidden("form_token");
    let bad = app
        .post_form(
            "/staff/login",
            &[
                ("email", "staff@example.org"),
                ("password", "wrong password"),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(bad.body.contains("not right"));
    assert!(bad.set_cookie().is_none());
    let ok = app
        .post_form(
            "/staff/login",
            &[
                ("email", "Staff@Example.org"),
                ("password", "correct horse battery"),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let cookie = ok.set_cookie().unwrap();
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"));
}

#[tokio::test]
async fn secure_cookies_when_configured_or_behind_https() {
    let mut s = settings();
    s.secure_cookies = true;
    let app = spawn_with(s).await;
    let hash = landed_store::hash_password("correct horse battery").unwrap();
    app.state
        .store()
        .create_staff_user("s@example.org", &hash)
        .await
        .unwrap();
    let token = app.get("/staff/login").await.hidden("form_token");
    let ok = app
        .post_form(
            "/staff/login",
            &[
                ("email", "s@example.org"),
                ("password", "correct horse battery"),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert!(ok.set_cookie().unwrap().contains("; Secure"));
}

#[tokio::test]
async fn login_attempts_are_rate_limited() {
    let mut s = settings();
    s.login_failures_limit = 3;
    let app = spawn_with(s).await;
    let hash = landed_store::hash_password("correct horse battery").unwrap();
    app.state
        .store()
        .create_staff_user("staff@example.org", &hash)
        .await
        .unwrap();
    let token = app.get("/staff/login").await.hidden("form_token");
    for _ in 0..3 {
        let r = app
            .post_form(
                "/staff/login",
                &[
                    ("email", "staff@example.org"),
                    ("password", "nope"),
                    ("form_token", &token),
                ],
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused now.
    let r = app
        .post_form(
            "/staff/login",
            &[
                ("email", "staff@example.org"),
                ("password", "correct horse battery"),
                ("form_token", &token),
            ],
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Too many failed attempts"));
}

#[tokio::test]
async fn staff_finds_a_question_adds_a_note_and_marks_it_answered() {
    let app = spawn().await;
    let reference = app
        .submit_question("en", "Ana Souza", "How do I count my part-time hours?")
        .await;
    app.submit_question(
        "fr",
        "Jean Tremblay",
        "Est-ce que mon emploi FEER 3 compte?",
    )
    .await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];

    let inbox = app.get_h("/staff", &h).await;
    assert!(inbox.body.contains(&reference));
    assert!(inbox.body.contains("Jean Tremblay"));
    let search = app.get_h("/staff?q=part-time", &h).await;
    assert!(search.body.contains("Ana Souza"));
    assert!(!search.body.contains("Jean Tremblay"));
    let by_lang = app.get_h("/staff?language=fr", &h).await;
    assert!(by_lang.body.contains("Jean Tremblay"));
    assert!(!by_lang.body.contains("Ana Souza"));

    let q = app
        .state
        .store()
        .get_question_by_reference(&reference)
        .await
        .unwrap();
    let detail = app.get_h(&format!("/staff/questions/{}", q.id), &h).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(detail.body.contains("How do I count my part-time hours?"));

    // A note without the CSRF token is refused.
    let r = app
        .post_form(
            &format!("/staff/questions/{}/notes", q.id),
            &[("body", "no token")],
            &h,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post_form(
            &format!("/staff/questions/{}/notes", q.id),
            &[("body", "x"), ("csrf", "wrong")],
            &h,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An empty note gets a field error.
    let r = app
        .post_form(
            &format!("/staff/questions/{}/notes", q.id),
            &[("body", "  "), ("csrf", &csrf)],
            &h,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Write a note first"));

    let r = app
        .post_form(
            &format!("/staff/questions/{}/notes", q.id),
            &[
                ("body", "Checked: 20 h/week during studies does not count."),
                ("csrf", &csrf),
            ],
            &h,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post_form(
            &format!("/staff/questions/{}/status", q.id),
            &[("status", "answered"), ("csrf", &csrf)],
            &h,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let detail = app.get_h(&format!("/staff/questions/{}", q.id), &h).await;
    assert!(
        detail
            .body
            .contains("Checked: 20 h/week during studies does not count.")
    );
    assert!(detail.body.contains("staff@example.org"));
    assert!(detail.body.contains("id=\"current-status\">Answered"));
    assert!(detail.body.contains("New → Answered"));
    let answered = app.get_h("/staff?status=answered", &h).await;
    assert!(answered.body.contains(&reference));
}

#[tokio::test]
async fn csv_export_follows_the_filter_and_neutralises_formulas() {
    let app = spawn().await;
    app.submit_question(
        "en",
        "=HYPERLINK(\"http://evil\")",
        "Plain question text here",
    )
    .await;
    app.submit_question("fr", "Jean, Tremblay", "Une autre question ici")
        .await;
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];
    let csv = app.get_h("/staff/export.csv", &h).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        csv.body.starts_with("\u{feff}reference,"),
        "UTF-8 byte-order mark first"
    );
    assert!(csv.body.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""));
    assert!(csv.body.contains("\"Jean, Tremblay\""));
    let only_fr = app.get_h("/staff/export.csv?language=fr", &h).await;
    assert!(only_fr.body.contains("Jean"));
    assert!(!only_fr.body.contains("HYPERLINK"));
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn().await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];
    let r = app.post_form("/staff/logout", &[("csrf", "bad")], &h).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.post_form("/staff/logout", &[("csrf", &csrf)], &h).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get_h("/staff", &h).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn cross_site_staff_post_is_refused_even_with_a_session() {
    let app = spawn().await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let r = app
        .post_form(
            "/staff/questions/1/status",
            &[("status", "closed"), ("csrf", &csrf)],
            &[("cookie", &cookie), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn unknown_question_is_404() {
    let app = spawn().await;
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let r = app
        .get_h("/staff/questions/999", &[("cookie", &cookie)])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn inbox_and_detail_in_french_and_never_cached() {
    let app = spawn().await;
    app.submit_question(
        "fr",
        "Jean Tremblay",
        "Est-ce que mon emploi FEER 3 compte?",
    )
    .await;
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str()), ("accept-language", "fr-CA")];
    let inbox = app.get_h("/staff", &h).await;
    assert!(inbox.body.contains("Boîte de réception"));
    assert!(inbox.body.contains("Nouvelle"));
    assert_eq!(inbox.headers.get("cache-control").unwrap(), "no-store");
    let q = &app
        .state
        .store()
        .export_questions(&Default::default())
        .await
        .unwrap()[0];
    let detail = app.get_h(&format!("/staff/questions/{}", q.id), &h).await;
    assert!(detail.body.contains("Notes internes"));
    assert!(detail.body.contains("Aucune évaluation n’a été jointe."));
}
