//! Issue 13: two `landed serve` processes on one PostgreSQL database behave as one site: a
//! question sent to one is in the inbox of staff logged in on the other, and a session made on
//! one works on the other. Needs `LANDED_TEST_POSTGRES_URL`: `#[ignore]`d, run by `.ci/run`; fails when it is
//! unset or the server does not answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use support::{Server, free_addr, get, post, runtime, send_question};

const EMAIL: &str = "staff@example.ca";
const PASSWORD: &str = "correct horse battery staple";

fn create_staff(database: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_landed"))
        .args(["admin", "create-user", EMAIL, "--database", database])
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{PASSWORD}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "create-user: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Log in on `server`; the session cookie.
fn login(server: &Server) -> String {
    let form = get(server.addr, "/staff/login", &[]).unwrap();
    assert_eq!(form.status, 200);
    let token = form.hidden("form_token").expect("login form token");
    let res = post(
        server.addr,
        "/staff/login",
        &[],
        &[
            ("email", EMAIL),
            ("password", PASSWORD),
            ("form_token", &token),
            ("next", "/staff"),
        ],
    )
    .unwrap();
    assert_eq!(res.status, 303, "login: {}", res.body);
    res.cookie().expect("session cookie")
}

#[test]
#[ignore = "needs PostgreSQL (LANDED_TEST_POSTGRES_URL); run by .ci/run"]
fn two_processes_share_questions_and_sessions_on_postgres() {
    let rt = runtime();
    let pg = support::PgDb::create(&rt, "two_processes_share_questions_and_sessions");
    let dir = tempfile::tempdir().unwrap();
    // The first start migrates; the second finds the schema in place.
    let a = Server::start(free_addr(), &pg.url, dir.path());
    let b = Server::start(free_addr(), &pg.url, dir.path());
    create_staff(&pg.url);

    // A session made on A works on B, and the other way round.
    let cookie_a = login(&a);
    let inbox_b = get(b.addr, "/staff", &[("Cookie", &cookie_a)]).unwrap();
    assert_eq!(inbox_b.status, 200, "A's session on B");
    let cookie_b = login(&b);
    assert_eq!(
        get(a.addr, "/staff", &[("Cookie", &cookie_b)])
            .unwrap()
            .status,
        200,
        "B's session on A"
    );
    // Anonymous is still refused on both.
    assert_eq!(get(a.addr, "/staff", &[]).unwrap().status, 303);
    assert_eq!(get(b.addr, "/staff", &[]).unwrap().status, 303);

    // A question sent to B is in the inbox of staff logged in on A, and the other way round.
    let to_b = send_question(b.addr, "Sent to B", "Which instance stores my question?")
        .unwrap()
        .expect("B acknowledges");
    let to_a = send_question(a.addr, "Sent to A", "And this one, sent to the other?")
        .unwrap()
        .expect("A acknowledges");
    let inbox_a = get(a.addr, "/staff", &[("Cookie", &cookie_a)]).unwrap();
    assert_eq!(inbox_a.status, 200);
    assert!(inbox_a.body.contains(&to_b), "B's question in A's inbox");
    let inbox_b = get(b.addr, "/staff", &[("Cookie", &cookie_a)]).unwrap();
    assert!(inbox_b.body.contains(&to_a), "A's question in B's inbox");

    // Logging out on B ends the session on A too.
    let csrf = inbox_b.hidden("csrf").expect("csrf in the inbox");
    let out = post(
        b.addr,
        "/staff/logout",
        &[("Cookie", &cookie_a)],
        &[("csrf", &csrf)],
    )
    .unwrap();
    assert_eq!(out.status, 303);
    assert_eq!(
        get(a.addr, "/staff", &[("Cookie", &cookie_a)])
            .unwrap()
            .status,
        303,
        "logged out everywhere"
    );
    drop((a, b));
    pg.drop_with(&rt);
}
