//! The staff inbox: login/logout, list with filters, search and paging, detail with notes
//! and status changes, CSV export.
//!
//! Sessions live in the database (store crate); the cookie holds only the session token
//! (HttpOnly, SameSite=Lax, Secure when configured or when a proxy says HTTPS). Every staff
//! form carries the session's synchronizer CSRF token, on top of the Origin check that runs
//! on every unsafe request. The login form (no session yet) uses a signed form token.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use landed_store::{
    LoginAttempt, Note, Question, QuestionFilter, QuestionStatus, Session, StaffUser, StatusChange,
    StoreError,
};

use super::{Errors, internal_error, see_other};
use crate::form::{TOPICS, read_form, urlencode};
use crate::i18n::Lang;
use crate::page::{Page, StaffCtx};
use crate::security::{self, SESSION_COOKIE};
use crate::state::AppState;

use crate::security::STAFF_LANG_COOKIE as LANG_COOKIE;
const LOGIN_FORM: &str = "staff-login";
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
pub const NOTE_MAX: usize = 20_000;

pub use crate::security::staff_lang;

fn staff_page(lang: Lang, title: String, path_and_query: &str, staff: Option<StaffCtx>) -> Page {
    Page {
        lang,
        title,
        alt_href: format!(
            "/staff/lang?to={}&next={}",
            lang.other().code(),
            urlencode(path_and_query)
        ),
        section: "staff",
        staff,
        alt_form: None,
    }
}

/// A safe local redirect target inside the staff area.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with("/staff") && !n.starts_with("//") && !n.contains('\\') => {
            n.to_string()
        }
        _ => "/staff".to_string(),
    }
}

/// A logged-in staff member (extractor). Anonymous GETs are redirected to the login page;
/// anything else is refused with 403.
pub struct Staff {
    pub user: StaffUser,
    pub session: Session,
    pub lang: Lang,
}

impl Staff {
    fn ctx(&self) -> StaffCtx {
        StaffCtx {
            email: self.user.email.clone(),
            csrf: self.session.csrf_token.clone(),
        }
    }

    fn csrf_ok(&self, sent: Option<&String>) -> bool {
        sent.is_some_and(|s| security::same_secret(s, &self.session.csrf_token))
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let lang = staff_lang(&parts.headers);
        let refuse = |parts: &Parts| -> Response {
            if parts.method == Method::GET || parts.method == Method::HEAD {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/staff");
                see_other(&format!("/staff/login?next={}", urlencode(next)))
            } else {
                (StatusCode::FORBIDDEN, lang.t("staff-forbidden")).into_response()
            }
        };
        let Some(token) = security::cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(refuse(parts));
        };
        let session = match state.store().get_session(token).await {
            Ok(Some(s)) => s,
            Ok(None) => return Err(refuse(parts)),
            Err(e) => return Err(internal_error(lang, "get session", &e)),
        };
        let user = match state.store().get_staff_user(session.staff_id).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Err(refuse(parts)),
            Err(e) => return Err(internal_error(lang, "get staff user", &e)),
        };
        let expires = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_mins(
                state.settings().session_minutes,
            ))
            .unwrap_or(session.expires_at);
        if let Err(e) = state.store().extend_session(token, expires).await {
            tracing::warn!(error = %e, "could not extend a session");
        }
        Ok(Staff {
            user,
            session,
            lang,
        })
    }
}

// --- language switch -----------------------------------------------------------------------

#[derive(Debug, serde::Deserialize)]
pub struct LangParams {
    pub to: Option<String>,
    pub next: Option<String>,
}

/// `GET /staff/lang?to=fr&next=/staff/…`: remember the staff pages' language.
pub async fn switch_lang(Query(q): Query<LangParams>) -> Response {
    let lang = q.to.as_deref().and_then(Lang::parse).unwrap_or_default();
    let next = safe_next(q.next.as_deref());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/staff; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    let mut res = see_other(&next);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

// --- login / logout ------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "staff_login.html")]
pub struct LoginPage {
    pub p: Page,
    pub email: String,
    pub next: String,
    pub token: String,
    pub errors: Errors,
    pub form_error: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct LoginParams {
    pub next: Option<String>,
}

fn login_page(
    state: &AppState,
    lang: Lang,
    email: String,
    next: String,
    errors: Errors,
    form_error: String,
) -> LoginPage {
    LoginPage {
        p: staff_page(lang, lang.t("staff-login-title"), "/staff/login", None),
        token: security::issue_form_token(
            state.key(),
            LOGIN_FORM,
            "staff",
            jiff::Timestamp::now().as_second(),
        ),
        email,
        next,
        errors,
        form_error,
    }
}

/// `GET /staff/login`.
pub async fn login_form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<LoginParams>,
) -> LoginPage {
    let lang = staff_lang(&headers);
    login_page(
        &state,
        lang,
        String::new(),
        safe_next(q.next.as_deref()),
        Errors::default(),
        String::new(),
    )
}

/// 429 with `Retry-After`: the login page saying logins are refused for now.
fn locked_page(
    state: &AppState,
    lang: Lang,
    email: String,
    next: String,
    message_key: &str,
    retry_after_secs: i64,
) -> Response {
    let page = login_page(
        state,
        lang,
        email,
        next,
        Errors::default(),
        lang.t(message_key),
    );
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, retry_after_secs.to_string())],
        page,
    )
        .into_response()
}

/// `POST /staff/login`.
pub async fn login(State(state): State<AppState>, req: Request) -> Response {
    let lang = staff_lang(req.headers());
    let https = security::is_https(req.headers());
    let ip = super::client_ip(req.extensions());
    let old_token = security::cookie(req.headers(), SESSION_COOKIE).map(str::to_string);
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let email = form
        .get("email")
        .map(|e| e.trim().to_lowercase())
        .unwrap_or_default();
    let password = form.get("password").cloned().unwrap_or_default();
    let next = safe_next(form.get("next").map(String::as_str));
    let token = form.get("form_token").map(String::as_str).unwrap_or("");
    // The login form is not a "fill" trap: no minimum time, just a valid signature and age.
    if security::check_form_token(
        state.key(),
        token,
        LOGIN_FORM,
        "staff",
        jiff::Timestamp::now().as_second(),
        0,
        state.settings().max_form_age_secs,
    )
    .is_err()
    {
        let page = login_page(
            &state,
            lang,
            email,
            next,
            Errors::default(),
            lang.t("staff-login-expired"),
        );
        return (StatusCode::FORBIDDEN, page).into_response();
    }
    let mut errors = Errors::default();
    if email.is_empty() {
        errors.add("email", lang.t("staff-login-email-required"));
    }
    if password.is_empty() {
        errors.add("password", lang.t("staff-login-password-required"));
    }
    if !errors.is_empty() {
        let page = login_page(&state, lang, email, next, errors, String::new());
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }

    // A place in the bounded password-check pool first (in memory, cheap): a flood of logins
    // waits in a short queue or gets 429, instead of each one holding ~19 MiB of argon2.
    let Some(ticket) = state.hash_pool().enter() else {
        tracing::debug!("staff login refused: password checks busy");
        return locked_page(&state, lang, email, next, "staff-login-busy", 1);
    };
    // Then the attempt limits, per account and per IP (database counters, shared by all
    // instances), checked and counted in one transaction before any hashing: N parallel
    // attempts never get more than the limit through. A locked account locks no other; one
    // IP's own limit bounds how many accounts it can lock.
    let now = jiff::Timestamp::now();
    let window = jiff::SignedDuration::from_mins(FAILURE_WINDOW_MINUTES);
    let email_key = format!("email:{email}");
    let ip_key = format!("ip:{}", security::ip_hash(state.key(), &ip));
    let limits = [
        (
            email_key.as_str(),
            u64::from(state.settings().login_failures_limit),
        ),
        (
            ip_key.as_str(),
            u64::from(state.settings().login_ip_failures_limit),
        ),
    ];
    let counted = match state
        .store()
        .begin_login_attempt(&limits, window, now)
        .await
    {
        Ok(LoginAttempt::Counted(ids)) => ids,
        Ok(LoginAttempt::Refused { retry_at, .. }) => {
            tracing::debug!("staff login refused: too many failures");
            let secs = retry_at.as_second().saturating_sub(now.as_second()).max(1);
            return locked_page(&state, lang, email, next, "staff-login-locked", secs);
        }
        Err(e) => return internal_error(lang, "count login attempt", &e),
    };

    let user = match state.store().find_staff_by_email(&email).await {
        Ok(u) => u,
        Err(e) => return internal_error(lang, "find staff user", &e),
    };
    // Same work whether or not the account exists, on the bounded pool.
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let verified = ticket
        .run(move || match hash {
            Some(h) => landed_store::verify_password(&password, &h),
            None => {
                let _ = landed_store::dummy_verify(&password);
                false
            }
        })
        .await
        .unwrap_or(false);

    let Some(user) = user.filter(|_| verified) else {
        // The failure is already counted.
        tracing::info!("staff login failed");
        let page = login_page(
            &state,
            lang,
            email,
            next,
            Errors::default(),
            lang.t("staff-login-failed"),
        );
        return (StatusCode::UNAUTHORIZED, page).into_response();
    };

    // The right password: this attempt does not count, and the account's failures are reset.
    if let Err(e) = state.store().forget_login_failures(&counted).await {
        tracing::warn!(error = %e, "could not forget the login attempt");
    }
    if let Err(e) = state.store().clear_login_failures(&email_key).await {
        tracing::warn!(error = %e, "could not clear login failures");
    }
    if let Some(old) = old_token {
        let _ = state.store().delete_session(&old).await;
    }
    let minutes = state.settings().session_minutes;
    let expires = now
        .checked_add(jiff::SignedDuration::from_mins(minutes))
        .unwrap_or(now);
    let session = match state.store().create_session(user.id, expires).await {
        Ok(s) => s,
        Err(e) => return internal_error(lang, "create session", &e),
    };
    tracing::info!(staff_id = user.id, "staff login");
    let cookie = security::session_cookie(
        &session.id,
        minutes * 60,
        state.settings().secure_cookies || https,
    );
    let mut res = see_other(&next);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

/// `POST /staff/logout`.
pub async fn logout(State(state): State<AppState>, staff: Staff, req: Request) -> Response {
    let https = security::is_https(req.headers());
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !staff.csrf_ok(form.get("csrf")) {
        return (StatusCode::FORBIDDEN, staff.lang.t("staff-csrf")).into_response();
    }
    if let Err(e) = state.store().delete_session(&staff.session.id).await {
        return internal_error(staff.lang, "delete session", &e);
    }
    tracing::info!(staff_id = staff.user.id, "staff logout");
    let mut res = see_other("/staff/login");
    let cookie = security::session_cookie("", 0, state.settings().secure_cookies || https);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

// --- inbox ---------------------------------------------------------------------------------

#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct InboxParams {
    pub status: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub q: Option<String>,
    pub page: Option<u32>,
}

impl InboxParams {
    fn filter(&self) -> QuestionFilter {
        QuestionFilter {
            status: self.status.as_deref().and_then(QuestionStatus::parse),
            topic: self.topic.clone().filter(|t| TOPICS.contains(&t.as_str())),
            language: self.language.clone().filter(|l| Lang::parse(l).is_some()),
            text: self
                .q
                .clone()
                .map(|q| q.chars().take(200).collect::<String>())
                .filter(|q| !q.trim().is_empty()),
            page: self.page.unwrap_or(1).max(1),
            per_page: 20,
        }
    }

    /// The filter as a query string (without page), for paging and export links.
    fn query(&self) -> String {
        let f = self.filter();
        let mut parts = Vec::new();
        if let Some(s) = f.status {
            parts.push(format!("status={}", s.as_str()));
        }
        if let Some(t) = &f.topic {
            parts.push(format!("topic={}", urlencode(t)));
        }
        if let Some(l) = &f.language {
            parts.push(format!("language={l}"));
        }
        if let Some(q) = &f.text {
            parts.push(format!("q={}", urlencode(q)));
        }
        parts.join("&")
    }
}

/// One inbox row, preformatted.
pub struct Row {
    pub id: i64,
    pub reference: String,
    pub received: String,
    pub name: String,
    pub topic: String,
    pub language: String,
    pub status: QuestionStatus,
    pub status_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "staff_inbox.html")]
pub struct InboxPage {
    pub p: Page,
    pub rows: Vec<Row>,
    pub total: u64,
    pub page: u32,
    pub pages: u32,
    pub status: String,
    pub topic: String,
    pub language: String,
    pub q: String,
    pub query: String,
    pub counts: Vec<(String, String, u64)>,
    pub statuses: Vec<(String, String)>,
    pub topics: Vec<(String, String)>,
}

impl InboxPage {
    pub fn page_href(&self, n: &u32) -> String {
        if self.query.is_empty() {
            format!("/staff?page={n}")
        } else {
            format!("/staff?{}&page={n}", self.query)
        }
    }

    pub fn export_href(&self) -> String {
        if self.query.is_empty() {
            "/staff/export.csv".to_string()
        } else {
            format!("/staff/export.csv?{}", self.query)
        }
    }

    pub fn status_href(&self, status: &str) -> String {
        if status.is_empty() {
            "/staff".to_string()
        } else {
            format!("/staff?status={status}")
        }
    }
}

pub fn status_label(lang: Lang, s: QuestionStatus) -> String {
    lang.t(&format!("status-{}", s.as_str()))
}

fn topic_label(lang: Lang, t: &str) -> String {
    if TOPICS.contains(&t) {
        lang.t(&format!("topic-{t}"))
    } else {
        t.to_string()
    }
}

/// `GET /staff`.
pub async fn inbox(
    State(state): State<AppState>,
    staff: Staff,
    uri: axum::http::Uri,
    Query(params): Query<InboxParams>,
) -> Response {
    let lang = staff.lang;
    let filter = params.filter();
    let page = match state.store().list_questions(&filter).await {
        Ok(p) => p,
        Err(e) => return internal_error(lang, "list questions", &e),
    };
    let counts = match state.store().count_by_status().await {
        Ok(c) => c,
        Err(e) => return internal_error(lang, "count by status", &e),
    };
    let rows = page
        .items
        .iter()
        .map(|q| Row {
            id: q.id,
            reference: q.reference.clone(),
            received: lang.datetime_ms(q.created_at.as_millisecond()),
            name: q.name.clone(),
            topic: topic_label(lang, &q.topic),
            language: Lang::parse(&q.preferred_language)
                .map(|l| l.endonym().to_string())
                .unwrap_or_default(),
            status: q.status,
            status_label: status_label(lang, q.status),
        })
        .collect();
    let total_all: u64 = counts.iter().map(|(_, n)| n).sum();
    let mut count_rows = vec![(String::new(), lang.t("staff-all"), total_all)];
    count_rows.extend(
        counts
            .iter()
            .map(|(s, n)| (s.as_str().to_string(), status_label(lang, *s), *n)),
    );
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/staff");
    InboxPage {
        p: staff_page(lang, lang.t("staff-inbox"), path, Some(staff.ctx())),
        rows,
        total: page.total,
        page: page.page,
        pages: page.total_pages(),
        status: filter
            .status
            .map(|s| s.as_str().to_string())
            .unwrap_or_default(),
        topic: filter.topic.clone().unwrap_or_default(),
        language: filter.language.clone().unwrap_or_default(),
        q: filter.text.clone().unwrap_or_default(),
        query: params.query(),
        counts: count_rows,
        statuses: QuestionStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), status_label(lang, *s)))
            .collect(),
        topics: TOPICS
            .iter()
            .map(|t| (t.to_string(), topic_label(lang, t)))
            .collect(),
    }
    .into_response()
}

// --- detail --------------------------------------------------------------------------------

pub struct NoteView {
    pub author: String,
    pub at: String,
    pub body: String,
}

pub struct ChangeView {
    pub from: String,
    pub to: String,
    pub by: String,
    pub at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "staff_detail.html")]
pub struct DetailPage {
    pub p: Page,
    pub q: Question,
    pub received: String,
    pub topic: String,
    pub language: String,
    pub status_label: String,
    pub notes: Vec<NoteView>,
    pub changes: Vec<ChangeView>,
    pub statuses: Vec<(String, String)>,
    pub errors: Errors,
    pub note_draft: String,
    /// The attached assessment, rendered; or why it could not be.
    pub assessment: Option<crate::views::ResultsView>,
    pub assessment_problem: String,
    pub results_href: String,
}

async fn detail_page(
    state: &AppState,
    staff: &Staff,
    id: i64,
    errors: Errors,
    note_draft: String,
) -> Result<DetailPage, Response> {
    let lang = staff.lang;
    let q = match state.store().get_question(id).await {
        Ok(q) => q,
        Err(StoreError::NotFound) => return Err(staff_not_found(lang, staff)),
        Err(e) => return Err(internal_error(lang, "get question", &e)),
    };
    let notes: Vec<Note> = state
        .store()
        .list_notes(id)
        .await
        .map_err(|e| internal_error(lang, "list notes", &e))?;
    let changes: Vec<StatusChange> = state
        .store()
        .list_status_changes(id)
        .await
        .map_err(|e| internal_error(lang, "list status changes", &e))?;
    let (assessment, assessment_problem, results_href) = match &q.assessment_json {
        None => (None, String::new(), String::new()),
        Some(json) => match crate::views::results_view(lang, json, state.today()) {
            Ok(view) => {
                let href = format!(
                    "/{}/assessment/results?p={}",
                    lang.code(),
                    security::pack(json.as_bytes())
                );
                (Some(view), String::new(), href)
            }
            Err(problem) => (None, problem, String::new()),
        },
    };
    Ok(DetailPage {
        p: staff_page(
            lang,
            format!("{} {}", lang.t("staff-question"), q.reference),
            &format!("/staff/questions/{id}"),
            Some(staff.ctx()),
        ),
        received: lang.datetime_ms(q.created_at.as_millisecond()),
        topic: topic_label(lang, &q.topic),
        language: Lang::parse(&q.preferred_language)
            .map(|l| l.endonym().to_string())
            .unwrap_or_default(),
        status_label: status_label(lang, q.status),
        notes: notes
            .into_iter()
            .map(|n| NoteView {
                author: n.author_email,
                at: lang.datetime_ms(n.created_at.as_millisecond()),
                body: n.body,
            })
            .collect(),
        changes: changes
            .into_iter()
            .map(|c| ChangeView {
                from: status_label(lang, c.from),
                to: status_label(lang, c.to),
                by: c.by_email,
                at: lang.datetime_ms(c.at.as_millisecond()),
            })
            .collect(),
        statuses: QuestionStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), status_label(lang, *s)))
            .collect(),
        errors,
        note_draft,
        assessment,
        assessment_problem,
        results_href,
        q,
    })
}

fn staff_not_found(lang: Lang, staff: &Staff) -> Response {
    let p = staff_page(lang, lang.t("not-found-title"), "/staff", Some(staff.ctx()));
    (
        StatusCode::NOT_FOUND,
        super::ErrorPage {
            heading: lang.t("not-found-title"),
            body: lang.t("staff-not-found"),
            p,
        },
    )
        .into_response()
}

/// `GET /staff/questions/{id}`.
pub async fn detail(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Response {
    match detail_page(&state, &staff, id, Errors::default(), String::new()).await {
        Ok(page) => page.into_response(),
        Err(r) => r,
    }
}

/// `POST /staff/questions/{id}/notes`.
pub async fn add_note(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    let lang = staff.lang;
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !staff.csrf_ok(form.get("csrf")) {
        return (StatusCode::FORBIDDEN, lang.t("staff-csrf")).into_response();
    }
    let body = form
        .get("body")
        .map(|b| b.trim().to_string())
        .unwrap_or_default();
    let mut errors = Errors::default();
    if body.is_empty() {
        errors.add("body", lang.t("staff-note-required"));
    } else if body.chars().count() > NOTE_MAX || body.contains('\0') {
        errors.add("body", lang.t("staff-note-long"));
    }
    if !errors.is_empty() {
        return match detail_page(&state, &staff, id, errors, body).await {
            Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
            Err(r) => r,
        };
    }
    match state.store().add_note(id, &staff.user.email, &body).await {
        Ok(_) => see_other(&format!("/staff/questions/{id}#notes")),
        Err(StoreError::NotFound) => staff_not_found(lang, &staff),
        Err(e) => internal_error(lang, "add note", &e),
    }
}

/// `POST /staff/questions/{id}/status`.
pub async fn change_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    let lang = staff.lang;
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !staff.csrf_ok(form.get("csrf")) {
        return (StatusCode::FORBIDDEN, lang.t("staff-csrf")).into_response();
    }
    let Some(to) = form.get("status").and_then(|s| QuestionStatus::parse(s)) else {
        let mut errors = Errors::default();
        errors.add("status", lang.t("staff-status-invalid"));
        return match detail_page(&state, &staff, id, errors, String::new()).await {
            Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
            Err(r) => r,
        };
    };
    match state.store().change_status(id, to, &staff.user.email).await {
        Ok(_) => {
            tracing::info!(question_id = id, status = to.as_str(), "status changed");
            see_other(&format!("/staff/questions/{id}"))
        }
        Err(StoreError::NotFound) => staff_not_found(lang, &staff),
        Err(e) => internal_error(lang, "change status", &e),
    }
}

// --- CSV export ----------------------------------------------------------------------------

/// One CSV cell: neutralise formulas (cells starting with = + - @ tab or CR get a leading
/// apostrophe), then quote when needed (RFC 4180).
pub fn csv_cell(value: &str) -> String {
    let mut v = value.to_string();
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// `GET /staff/export.csv?…`: every question matching the current filter.
pub async fn export_csv(
    State(state): State<AppState>,
    staff: Staff,
    Query(params): Query<InboxParams>,
) -> Response {
    let filter = params.filter();
    let rows = match state.store().export_questions(&filter).await {
        Ok(r) => r,
        Err(e) => return internal_error(staff.lang, "export questions", &e),
    };
    let mut out = String::from(
        "reference,received_utc,status,name,email,topic,preferred_language,message,last_activity_utc,assessment_attached\r\n",
    );
    for q in &rows {
        let cells = [
            q.reference.clone(),
            q.created_at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            q.status.as_str().to_string(),
            q.name.clone(),
            q.email.clone(),
            q.topic.clone(),
            q.preferred_language.clone(),
            q.message.clone(),
            q.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            if q.assessment_json.is_some() {
                "yes"
            } else {
                "no"
            }
            .to_string(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    tracing::info!(staff_id = staff.user.id, rows = rows.len(), "csv export");
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"questions-{today}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        out,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_neutralised_and_quoted() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    #[test]
    fn next_is_kept_inside_staff() {
        assert_eq!(safe_next(Some("/staff/questions/3")), "/staff/questions/3");
        assert_eq!(safe_next(Some("//evil.example")), "/staff");
        assert_eq!(safe_next(Some("https://evil.example")), "/staff");
        assert_eq!(safe_next(None), "/staff");
    }
}
