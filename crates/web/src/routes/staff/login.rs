//! `GET/POST /staff/login` and `POST /staff/logout`. The login form (no session yet) uses a
//! signed form token; failed attempts are limited per account and per IP in the database.

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use landed_store::LoginAttempt;

use super::{Staff, safe_next, staff_lang, staff_page};
use crate::form::read_form;
use crate::i18n::Lang;
use crate::page::Page;
use crate::routes::{Errors, internal_error, see_other};
use crate::security::{self, SESSION_COOKIE};
use crate::state::AppState;

const LOGIN_FORM: &str = "staff-login";
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

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
    let ip = state
        .trusted_proxies()
        .client_of(req.extensions(), req.headers());
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
