//! Issue 12 §3: the question form's title and errors, the per-IP and per-browser limits, the
//! staff profile's time zone, the inbox preview and marker, the applicant's answers, replies
//! (without SMTP: ready to copy; with SMTP: sent to a local sink) and the CSV export.

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use landed_store::{NewQuestion, QuestionStatus, ReplyDelivery};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::common::{TestApp, settings, spawn, spawn_with};

const PROFILE: &str = r#"{"as_of": "2026-09-30", "date_of_birth": "1998-02-11", "marital_status": "single", "education": [{"level": "two_year", "program_years": 2, "in_canada": true, "completed_on": "2025-04-30", "eca": true}], "study_periods": [{"start": "2023-09-05", "end": "2025-04-30", "full_time": true, "in_canada": true}], "language_tests": [{"test": "ielts_general", "test_date": "2025-11-20", "listening": 7.5, "reading": 6.5, "writing": 6.5, "speaking": 7.0}], "work_history": [{"noc": "13110", "title": "Administrative assistant", "country": "CA", "province": "BC", "start": "2025-07-14", "end": null, "hours_per_week": 37.5}], "intended_province": "BC"}"#;

fn form<'a>(token: &'a str, message: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Zoé Tremblay"),
        ("email", "zoe@example.ca"),
        ("topic", "cec"),
        ("message", message),
        ("preferred_language", "fr"),
        ("consent", "yes"),
        ("website", ""),
        ("form_token", token),
    ]
}

async fn question_with_profile(app: &TestApp, message: &str) -> i64 {
    let q = app
        .state
        .store()
        .insert_question(&NewQuestion {
            name: "Zoé Tremblay".into(),
            email: "zoe@example.ca".into(),
            topic: "cec".into(),
            message: message.into(),
            preferred_language: "fr".into(),
            assessment_json: Some(PROFILE.into()),
            consent: true,
            ip_hash: None,
        })
        .await
        .unwrap();
    q.id
}

#[tokio::test]
async fn the_form_is_titled_by_what_people_need() {
    let app = spawn().await;
    let en = app.get("/en/questions/new").await;
    assert!(
        en.body.contains("<h1>What do you need help with?</h1>"),
        "{}",
        en.body
    );
    assert!(en.body.contains("<title>What do you need help with?"));
    let fr = app.get("/fr/questions/new").await;
    assert!(fr.body.contains("Comment pouvons-nous vous aider ?</h1>"));
    let home = app.get("/en/").await;
    assert!(home.body.contains("What do you need help with?"));
}

#[tokio::test]
async fn sending_too_early_with_empty_fields_names_them() {
    let app = spawn().await;
    let token = app.question_token("en", 0);
    let res = app
        .post_form(
            "/en/questions/new",
            &[
                ("website", ""),
                ("form_token", &token),
                ("preferred_language", "en"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.body.contains("That was quick"), "{}", res.body);
    for msg in [
        "Enter your name",
        "Enter your email address",
        "Choose a topic",
        "Enter your question",
    ] {
        assert!(res.body.contains(msg), "{msg}");
    }
    // Complete but too fast: the spam message (nothing stored).
    let token = app.question_token("en", 0);
    let res = app
        .post_form(
            "/en/questions/new",
            &form(&token, "A complete question sent at once"),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("That was quick"));
    // French names the fields too.
    let token = app.question_token("fr", 0);
    let res = app
        .post_form("/fr/questions/new", &[("form_token", &token)], &[])
        .await;
    assert!(
        res.body.contains("Entrez votre nom") || res.body.contains("nom"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn a_changed_resubmission_is_refused_with_a_message() {
    let app = spawn().await;
    let token = app.question_token("fr", 10);
    let first = app
        .post_form(
            "/fr/questions/new",
            &form(&token, "Ma première version de la question"),
            &[],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let again = app
        .post_form(
            "/fr/questions/new",
            &form(&token, "Une version corrigée de la question"),
            &[],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again.body.contains("Une version corrigée"),
        "the new text is kept"
    );
    assert!(again.body.contains("role=\"alert\""));
}

#[tokio::test]
async fn an_office_is_limited_per_browser_not_as_one_person() {
    let mut s = settings();
    s.questions_per_ip_per_hour = 4;
    s.questions_per_browser_per_hour = 2;
    let app = spawn_with(s).await;
    // The form gives each browser its cookie.
    let page = app.get("/en/questions/new").await;
    let set = page.set_cookie().expect("a browser cookie");
    assert!(set.starts_with("landed_browser="), "{set}");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    let desk1 = set.split(';').next().unwrap().to_string();
    let desk2 = format!("landed_browser={}", "b".repeat(32));
    let post = |cookie: String, i: u32| {
        let app = &app;
        async move {
            let token = app.question_token("en", 10);
            let msg = format!("Question number {i} from the office");
            app.post_form(
                "/en/questions/new",
                &form(&token, &msg),
                &[("cookie", &cookie)],
            )
            .await
        }
    };
    assert_eq!(post(desk1.clone(), 1).await.status, StatusCode::SEE_OTHER);
    assert_eq!(post(desk1.clone(), 2).await.status, StatusCode::SEE_OTHER);
    let refused = post(desk1.clone(), 3).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.get("retry-after").is_some());
    // Another browser at the same address still gets through, up to the address's limit.
    assert_eq!(post(desk2.clone(), 4).await.status, StatusCode::SEE_OTHER);
    assert_eq!(post(desk2.clone(), 5).await.status, StatusCode::SEE_OTHER);
    let desk3 = format!("landed_browser={}", "c".repeat(32));
    assert_eq!(post(desk3, 6).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_privacy_page_says_how_questions_are_counted() {
    let app = spawn().await;
    let en = app.get("/en/privacy").await;
    assert!(en.body.contains("landed_browser"));
    assert!(en.body.contains("campus or office"));
    let fr = app.get("/fr/privacy").await;
    assert!(fr.body.contains("campus ou un bureau"));
}

#[tokio::test]
async fn staff_times_follow_their_time_zone() {
    let app = spawn().await;
    let id = question_with_profile(&app, "Mes heures de co-op comptent-elles pour la CEC ? Merci d'avance pour votre aide, c'est une longue question qui dépasse largement cent quarante caractères au total.").await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];
    let inbox = app.get_h("/staff", &h).await;
    assert!(inbox.body.contains(" UTC"), "UTC until set");
    assert!(inbox.body.contains("Mes heures de co-op"), "a preview");
    assert!(inbox.body.contains("…"), "cut");
    assert!(inbox.body.contains("Assessment attached"));

    let bad = app
        .post_form(
            "/staff/profile",
            &[("csrf", &csrf), ("time_zone", "Mars/Olympus")],
            &h,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("Time zone: “Mars/Olympus” is not a time zone name"),
        "{}",
        bad.body
    );
    let ok = app
        .post_form(
            "/staff/profile",
            &[("csrf", &csrf), ("time_zone", "America/Toronto")],
            &h,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let inbox = app.get_h("/staff", &h).await;
    assert!(inbox.body.contains("America/Toronto"));
    assert!(
        inbox.body.contains(" EST") || inbox.body.contains(" EDT"),
        "{}",
        inbox.body
    );
    let detail = app.get_h(&format!("/staff/questions/{id}"), &h).await;
    assert!(detail.body.contains(" EST") || detail.body.contains(" EDT"));
    // The applicant's answers, then the summary, the long detail folded.
    assert!(detail.body.contains("February 11, 1998"), "date of birth");
    assert!(detail.body.contains("NOC 13110"));
    assert!(
        detail.body.contains("IELTS General Training"),
        "codes in words"
    );
    let answers = detail.body.find("class=\"answers\"").unwrap();
    let folded = detail
        .body
        .find("<details class=\"result-detail\">")
        .unwrap();
    assert!(answers < folded);
    let fr = app
        .get_h(
            &format!("/staff/questions/{id}"),
            &[("cookie", cookie.as_str()), ("accept-language", "fr")],
        )
        .await;
    assert!(fr.status == StatusCode::OK);
}

#[tokio::test]
async fn a_reply_without_smtp_is_stored_and_ready_to_copy() {
    let app = spawn().await;
    let id = question_with_profile(&app, "Est-ce que mon stage compte ?").await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];
    let empty = app
        .post_form(
            &format!("/staff/questions/{id}/replies"),
            &[("csrf", &csrf), ("reply", " ")],
            &h,
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Reply: write the reply first"));
    let res = app
        .post_form(
            &format!("/staff/questions/{id}/replies"),
            &[
                ("csrf", &csrf),
                ("reply", "Bonjour Zoé, oui : un stage rémunéré compte."),
            ],
            &h,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let q = app.state.store().get_question(id).await.unwrap();
    assert_eq!(q.status, QuestionStatus::Answered);
    let replies = app.state.store().list_replies(id).await.unwrap();
    assert_eq!(replies[0].delivery, ReplyDelivery::Manual);
    let page = app.get_h(&format!("/staff/questions/{id}"), &h).await;
    assert!(
        page.body
            .contains("mailto:zoe@example.ca?subject=Votre%20question%20"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("readonly>Bonjour Zoé, oui : un stage rémunéré compte.</textarea>")
    );
}

/// A one-connection SMTP server that accepts one message and keeps its DATA.
async fn smtp_sink() -> (u16, Arc<Mutex<String>>) {
    smtp_server(b"250 ok\r\n").await
}

/// A one-connection SMTP server answering `rcpt` to `RCPT TO` (and `250 ok` to the rest)
/// that keeps the DATA of a message it accepts.
async fn smtp_server(rcpt: &'static [u8]) -> (u16, Arc<Mutex<String>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let got = Arc::new(Mutex::new(String::new()));
    let keep = got.clone();
    tokio::spawn(async move {
        let (sock, _) = listener.accept().await.unwrap();
        let (r, mut w) = sock.into_split();
        let mut lines = BufReader::new(r).lines();
        w.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            if in_data {
                if line == "." {
                    in_data = false;
                    w.write_all(b"250 queued\r\n").await.unwrap();
                } else {
                    let mut g = keep.lock().unwrap();
                    g.push_str(&line);
                    g.push('\n');
                }
                continue;
            }
            let cmd = line.to_ascii_uppercase();
            let answer: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                b"250 sink\r\n"
            } else if cmd.starts_with("DATA") {
                in_data = true;
                b"354 go ahead\r\n"
            } else if cmd.starts_with("RCPT") {
                rcpt
            } else if cmd.starts_with("QUIT") {
                w.write_all(b"221 bye\r\n").await.unwrap();
                break;
            } else {
                b"250 ok\r\n"
            };
            w.write_all(answer).await.unwrap();
        }
    });
    (port, got)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_goes_out_through_smtp() {
    let (port, got) = smtp_sink().await;
    let mut s = settings();
    s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    s.mail_from = Some("Landed <answers@example.org>".into());
    let app = spawn_with(s).await;
    let id = question_with_profile(&app, "Is my internship counted?").await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let h = [("cookie", cookie.as_str())];
    let page = app.get_h(&format!("/staff/questions/{id}"), &h).await;
    assert!(
        page.body.contains("Sent by e-mail to zoe@example.ca"),
        "{}",
        page.body
    );
    let res = app
        .post_form(
            &format!("/staff/questions/{id}/replies"),
            &[
                ("csrf", &csrf),
                ("reply", "Hello Zoe, yes: a paid internship counts."),
            ],
            &h,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let replies = app.state.store().list_replies(id).await.unwrap();
    assert_eq!(
        replies[0].delivery,
        ReplyDelivery::Sent,
        "{:?}",
        replies[0].delivery_error
    );
    let mail = got.lock().unwrap().clone();
    assert!(mail.contains("zoe@example.ca"), "{mail}");
    assert!(mail.contains("answers@example.org"), "{mail}");
    assert!(mail.contains("a paid internship counts"), "{mail}");
    assert_eq!(
        app.state.store().get_question(id).await.unwrap().status,
        QuestionStatus::Answered
    );
    let list = app.get_h("/staff", &h).await;
    assert!(list.body.contains("badge-answered"), "{}", list.body);
    assert!(!list.body.contains("badge-reply-failed"), "{}", list.body);
}

/// An app whose replies go to `smtp://127.0.0.1:{port}`, a question, and a staff session.
async fn app_mailing_to(port: u16) -> (TestApp, i64, String, String) {
    let mut s = settings();
    s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
    s.mail_from = Some("Landed <answers@example.org>".into());
    let app = spawn_with(s).await;
    let id = question_with_profile(&app, "Is my internship counted?").await;
    let (cookie, csrf) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    (app, id, cookie, csrf)
}

/// Reply to question `id`; the reply must be stored (303, status answered) whatever happens
/// to its e-mail. Returns what was recorded about the e-mail and the detail page in `lang`.
async fn reply_and_look(
    app: &TestApp,
    id: i64,
    cookie: &str,
    csrf: &str,
    lang: &str,
) -> (ReplyDelivery, Option<String>, String) {
    let h = [("cookie", cookie)];
    let res = app
        .post_form(
            &format!("/staff/questions/{id}/replies"),
            &[
                ("csrf", csrf),
                ("reply", "Hello Zoe, yes: a paid internship counts."),
            ],
            &h,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), format!("/staff/questions/{id}#replies"));
    let replies = app.state.store().list_replies(id).await.unwrap();
    assert_eq!(replies.len(), 1, "the reply is stored");
    assert_eq!(
        app.state.store().get_question(id).await.unwrap().status,
        QuestionStatus::Answered
    );
    let page = app
        .get_h(
            &format!("/staff/questions/{id}"),
            &[("cookie", cookie), ("accept-language", lang)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    (
        replies[0].delivery,
        replies[0].delivery_error.clone(),
        page.body,
    )
}

/// What every failed send shows: "E-mail not sent" beside the status and on the reply, the
/// reason, and the reply ready for the staff member's own mail client; never "sent".
fn assert_not_sent_page(body: &str, reason: &str) {
    assert!(
        body.contains(r##"<a href="#replies" class="badge badge-reply-failed" id="mail-note">E-mail not sent</a>"##),
        "{body}"
    );
    assert!(body.contains("<strong>E-mail not sent.</strong>"), "{body}");
    assert!(body.contains(reason), "{reason} in {body}");
    assert!(body.contains("the person has not received it"), "{body}");
    assert!(body.contains("mailto:zoe@example.ca?subject="), "{body}");
    assert!(
        body.contains("readonly>Hello Zoe, yes: a paid internship counts.</textarea>"),
        "{body}"
    );
    assert!(!body.contains("badge-reply-sent"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_smtp_connection_is_shown_and_the_reply_kept() {
    // A port with nothing listening: the connection is refused.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (app, id, cookie, csrf) = app_mailing_to(port).await;
    let (delivery, error, page) = reply_and_look(&app, id, &cookie, &csrf, "en").await;
    assert_eq!(delivery, ReplyDelivery::Failed);
    assert_eq!(error.as_deref(), Some("refused"));
    assert_not_sent_page(&page, "The mail server refused the connection");
    // In the staff member's language.
    let fr = app
        .get_h(
            &format!("/staff/questions/{id}"),
            &[("cookie", &cookie), ("accept-language", "fr")],
        )
        .await;
    assert!(fr.body.contains(">Courriel non envoyé</a>"), "{}", fr.body);
    assert!(
        fr.body
            .contains("Le serveur de courriel a refusé la connexion"),
        "{}",
        fr.body
    );
    assert!(
        fr.body.contains("la personne ne l’a pas reçue"),
        "{}",
        fr.body
    );
    // The inbox list marks the question too, so nobody takes "answered" for done.
    let list = app.get_h("/staff", &[("cookie", &cookie)]).await;
    assert!(
        list.body
            .contains(r#"<span class="badge badge-reply-failed">E-mail not sent</span>"#),
        "{}",
        list.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_rejected_by_the_smtp_server_is_shown_without_its_words() {
    let (port, got) =
        smtp_server(b"550 5.1.1 <zoe@example.ca>: Recipient address rejected\r\n").await;
    let (app, id, cookie, csrf) = app_mailing_to(port).await;
    let (delivery, error, page) = reply_and_look(&app, id, &cookie, &csrf, "en").await;
    assert_eq!(delivery, ReplyDelivery::Failed);
    // The code only: the server's words may quote the person's address.
    assert_eq!(error.as_deref(), Some("rejected 550"));
    assert_not_sent_page(
        &page,
        "The mail server rejected the message (SMTP code 550).",
    );
    assert!(got.lock().unwrap().is_empty(), "no message data was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_smtp_connection_is_shown_as_unreachable() {
    // Accepts the connection and closes it before any greeting.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            drop(sock);
        }
    });
    let (app, id, cookie, csrf) = app_mailing_to(port).await;
    let (delivery, error, page) = reply_and_look(&app, id, &cookie, &csrf, "en").await;
    assert_eq!(delivery, ReplyDelivery::Failed);
    assert_eq!(error.as_deref(), Some("unreachable"));
    assert_not_sent_page(&page, "The mail server could not be reached");
}

#[tokio::test]
async fn a_reply_sent_is_not_flagged() {
    let app = spawn().await;
    let id = question_with_profile(&app, "Is my internship counted?").await;
    let (reply, _) = app
        .state
        .store()
        .add_reply(id, "staff@example.org", "Yes.", ReplyDelivery::Pending)
        .await
        .unwrap();
    app.state
        .store()
        .set_reply_delivery(reply.id, ReplyDelivery::Sent, None)
        .await
        .unwrap();
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    let page = app
        .get_h(&format!("/staff/questions/{id}"), &[("cookie", &cookie)])
        .await;
    assert!(page.body.contains("badge-reply-sent"), "{}", page.body);
    assert!(!page.body.contains("id=\"mail-note\""), "{}", page.body);
    assert!(!page.body.contains("E-mail not sent"), "{}", page.body);
}

#[tokio::test]
async fn the_confirmation_says_how_the_answer_comes() {
    let app = spawn().await;
    let token = app.question_token("en", 10);
    let res = app
        .post_form(
            "/en/questions/new",
            &form(&token, "How do I count my hours?"),
            &[],
        )
        .await;
    let cookie = res.set_cookie().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let page = app.get_h(res.location(), &[("cookie", &cookie)]).await;
    assert!(
        page.body.contains("by email, to the address you gave"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn the_csv_has_a_bom_accents_neutralised_formulas_and_the_columns() {
    let app = spawn().await;
    let id = question_with_profile(&app, "Question de Zoé à Montréal; =cmd|' /C calc'!A0").await;
    let (cookie, _) = app
        .login("staff@example.org", "correct horse battery")
        .await;
    app.state
        .store()
        .add_note(id, "staff@example.org", "-2+3 vérifié")
        .await
        .unwrap();
    app.state
        .store()
        .add_reply(
            id,
            "staff@example.org",
            "@SUM(1) réponse",
            ReplyDelivery::Manual,
        )
        .await
        .unwrap();
    let csv = app
        .get_h("/staff/export.csv", &[("cookie", cookie.as_str())])
        .await;
    assert!(csv.body.starts_with('\u{feff}'));
    let header = csv.body.lines().next().unwrap();
    assert!(
        header.ends_with("assessment_attached,crs_score,notes,replies"),
        "{header}"
    );
    assert!(csv.body.contains("Zoé à Montréal; '=cmd"), "{}", csv.body);
    assert!(
        csv.body.contains("] '-2+3 vérifié") || csv.body.contains("vérifié"),
        "{}",
        csv.body
    );
    assert!(
        !csv.body.contains(",=") && !csv.body.contains(",\"="),
        "{}",
        csv.body
    );
    // The CRS score of the attached profile is a number column.
    let row = csv.body.lines().nth(1).unwrap();
    assert!(row.contains(",yes,"), "{row}");
}
