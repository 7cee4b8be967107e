//! The public question form: `GET/POST /{lang}/questions/new` and the confirmation page.
//!
//! Spam protection without any third-party service: a honeypot field, a signed form token
//! (HMAC of render time, form and language) that also stands in for CSRF protection on this
//! session-less form, a minimum fill time, and limits counted in the database (shared by every
//! instance, checked in the transaction that inserts): per IP address (high, so a campus or
//! office behind one address is not blocked) and per browser (low), the browser known by a
//! random first-party cookie ([`BROWSER_COOKIE`]); posts without that cookie share one
//! per-browser count per IP address. A form sent too fast with empty fields gets the
//! field errors (each naming its field), not only the spam message. A form token stores one
//! question: a resend gets the same reference, a resend with changed text is refused (409)
//! with a message. A question is committed to the database before the visitor is redirected
//! (303) to the confirmation page, which shows its reference only to the browser that sent it.

use crate::i18n::Messages as _;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_store::{NewQuestion, StoreError, Submission, Submitted};

use super::{Errors, L, field_id, internal_error, see_other};
use crate::form::{TOPICS, read_form};
use crate::i18n::Lang;
use crate::page::Page;
use crate::question::{
    BROWSER_COOKIE, QuestionValues, RETRY_AFTER_SECS, browser_hash, browser_id, decode_attachment,
    limits, validate,
};
use crate::security::{self, TokenProblem};
use crate::state::AppState;

const FORM_ID: &str = "question";
const HONEYPOT: &str = "website";
/// A new random browser id (32 hex digits), or `None` if the OS random source fails.
fn new_browser_id() -> Option<String> {
    let mut b = [0u8; 16];
    getrandom::getrandom(&mut b).ok()?;
    Some(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// The `Set-Cookie` value for a browser id.
fn browser_cookie(id: &str, secure: bool) -> String {
    let mut c = format!("{BROWSER_COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000");
    if secure {
        c.push_str("; Secure");
    }
    c
}

#[derive(Template, WebTemplate)]
#[template(path = "question_form.html")]
pub struct QuestionForm {
    pub p: Page,
    pub v: QuestionValues,
    pub errors: Errors,
    /// A message about the whole form (spam check, token, rate limit).
    pub form_error: String,
    pub token: String,
    pub topics: Vec<(&'static str, String)>,
    /// A short description of the attached assessment, when there is one.
    pub attached: Option<String>,
}

impl QuestionForm {
    pub fn id(&self, field: &str) -> String {
        field_id(field)
    }
}

fn now_secs() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn render_form(
    state: &AppState,
    lang: Lang,
    v: QuestionValues,
    errors: Errors,
    form_error: String,
) -> QuestionForm {
    let attached = if v.assessment.is_empty() {
        None
    } else {
        attached_summary(lang, &v.assessment)
    };
    QuestionForm {
        p: Page::public(lang, "question", "q-title", "questions/new"),
        token: security::issue_form_token(state.key(), FORM_ID, lang.code(), now_secs()),
        topics: TOPICS
            .iter()
            .map(|k| (*k, lang.t(&format!("topic-{k}"))))
            .collect(),
        attached,
        v,
        errors,
        form_error,
    }
}

fn attached_summary(lang: Lang, packed: &str) -> Option<String> {
    let text = decode_attachment(packed)?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let as_of = value
        .get("as_of")
        .and_then(|v| v.as_str())
        .map(|d| lang.date_str(d))
        .unwrap_or_default();
    Some(lang.t1("q-attached-summary", "date", &as_of))
}

#[derive(Debug, serde::Deserialize)]
pub struct NewParams {
    pub topic: Option<String>,
    pub assessment: Option<String>,
}

/// `GET /{lang}/questions/new[?topic=…&assessment=…]`. Gives the browser its random
/// [`BROWSER_COOKIE`] if it has none.
pub async fn form(
    State(state): State<AppState>,
    L(lang): L,
    headers: axum::http::HeaderMap,
    Query(params): Query<NewParams>,
) -> Response {
    let mut v = QuestionValues {
        preferred_language: lang.code().to_string(),
        ..QuestionValues::default()
    };
    if let Some(t) = params.topic.filter(|t| TOPICS.contains(&t.as_str())) {
        v.topic = t;
    }
    if let Some(a) = params.assessment.filter(|a| decode_attachment(a).is_some()) {
        v.assessment = a;
        if v.topic.is_empty() {
            v.topic = "cec".to_string();
        }
    }
    let mut res = render_form(&state, lang, v, Errors::default(), String::new()).into_response();
    if browser_id(&headers).is_none()
        && let Some(id) = new_browser_id()
    {
        let secure = state.settings().secure_cookies || security::is_https(&headers);
        if let Ok(v) = axum::http::HeaderValue::from_str(&browser_cookie(&id, secure)) {
            res.headers_mut().append(axum::http::header::SET_COOKIE, v);
        }
    }
    res
}

/// `POST /{lang}/questions/new`.
pub async fn submit(State(state): State<AppState>, L(lang): L, req: Request) -> Response {
    let ip = state
        .trusted_proxies()
        .client_of(req.extensions(), req.headers());
    let https = security::is_https(req.headers());
    let browser = browser_id(req.headers()).map(str::to_string);
    let pairs = match read_form(req).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let v = QuestionValues::from_pairs(&pairs);
    let settings = state.settings();

    // 1. Honeypot: a field people never see. Refuse without saying why.
    if pairs.get(HONEYPOT).is_some_and(|h| !h.trim().is_empty()) {
        // Each outcome of a post logs at debug: info is for errors and slow requests only, so
        // a flood of posts cannot flood the log (issue 13 §1).
        tracing::debug!("question refused: honeypot filled");
        let f = render_form(&state, lang, v, Errors::default(), lang.t("q-error-spam"));
        return (StatusCode::UNPROCESSABLE_ENTITY, f).into_response();
    }
    // 2. Signed form token: proves the form came from us, and was not sent too fast.
    let token = pairs.get("form_token").map(String::as_str).unwrap_or("");
    if let Err(problem) = security::check_form_token(
        state.key(),
        token,
        FORM_ID,
        lang.code(),
        now_secs(),
        settings.min_fill_secs,
        settings.max_form_age_secs,
    ) {
        tracing::debug!(?problem, "question refused: form token");
        // Sent too fast with answers missing or wrong: a person who pressed Send early. Say
        // which fields (each error names its field) rather than only "That was quick!".
        let errors = validate(lang, &v);
        if problem == TokenProblem::TooFast && !errors.is_empty() {
            let f = render_form(&state, lang, v, errors, String::new());
            return (StatusCode::UNPROCESSABLE_ENTITY, f).into_response();
        }
        let key = match problem {
            TokenProblem::TooFast => "q-error-too-fast",
            TokenProblem::Expired => "q-error-expired",
            TokenProblem::Invalid => "q-error-token",
        };
        let f = render_form(&state, lang, v, errors, lang.t(key));
        return (StatusCode::UNPROCESSABLE_ENTITY, f).into_response();
    }
    // 3. Field validation.
    let errors = validate(lang, &v);
    if !errors.is_empty() {
        let f = render_form(&state, lang, v, errors, String::new());
        return (StatusCode::UNPROCESSABLE_ENTITY, f).into_response();
    }
    // 4. Store exactly once, durably, then redirect. In one transaction the store checks the
    //    form token (a resend of the same form gets the same reference; the same form with other
    //    text is refused) and the per-IP and per-browser limits shared by every instance, then
    //    inserts.
    let assessment_json = if v.assessment.is_empty() {
        None
    } else {
        decode_attachment(&v.assessment)
    };
    let ip_hash = security::ip_hash(state.key(), &ip);
    let new = NewQuestion {
        name: v.name.trim().to_string(),
        email: v.email.trim().to_string(),
        topic: v.topic.clone(),
        message: v.message.trim().to_string(),
        preferred_language: v.preferred_language.clone(),
        assessment_json,
        consent: v.consent,
        ip_hash: Some(ip_hash.clone()),
    };
    let (per_ip, per_browser) = limits(settings);
    let browser_hash = browser_hash(state.key(), browser.as_deref(), &ip_hash);
    let opts = Submission {
        form_token: Some(token),
        per_ip: Some(per_ip),
        browser_hash: Some(&browser_hash),
        per_browser: Some(per_browser),
    };
    match state.store().submit_question(&new, &opts).await {
        Ok(submitted) => {
            let q = submitted.question();
            if matches!(submitted, Submitted::Stored(_)) {
                tracing::debug!(reference = %q.reference, "question stored");
            } else {
                tracing::debug!(reference = %q.reference, "question resent: already stored");
            }
            sent_redirect(&state, lang, &q.reference, https)
        }
        Err(StoreError::TokenReused { reference }) => {
            // Never dropped silently: say the change was not saved, keep the new text, and give
            // a fresh form so it can be sent as a new question.
            tracing::debug!(%reference, "question refused: form resent with other text");
            let msg = lang.t1("q-error-resent-changed", "reference", &reference);
            let f = render_form(&state, lang, v, Errors::default(), msg);
            (StatusCode::CONFLICT, f).into_response()
        }
        Err(StoreError::RateLimited) => {
            tracing::debug!("question refused: rate limit");
            let f = render_form(&state, lang, v, Errors::default(), lang.t("q-error-rate"));
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(
                    axum::http::header::RETRY_AFTER,
                    RETRY_AFTER_SECS.to_string(),
                )],
                f,
            )
                .into_response()
        }
        Err(StoreError::Invalid { field, .. }) => {
            let mut errors = Errors::default();
            let f = if field == "preferred_language" || field == "consent" || field == "name" {
                field
            } else {
                "message"
            };
            errors.add(f, lang.t("q-error-store"));
            let form = render_form(&state, lang, v, errors, String::new());
            (StatusCode::UNPROCESSABLE_ENTITY, form).into_response()
        }
        Err(e) => internal_error(lang, "insert question", &e),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "question_sent.html")]
pub struct QuestionSent {
    pub p: Page,
    pub reference: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct SentParams {
    #[serde(rename = "ref")]
    pub reference: Option<String>,
}

fn valid_reference(r: &str) -> bool {
    r.len() <= 20
        && r.starts_with("Q-")
        && r.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// `303` to the confirmation page, with the signed cookie that lets this browser, and only
/// it, see the reference there for an hour.
pub fn sent_redirect(state: &AppState, lang: Lang, reference: &str, https: bool) -> Response {
    let mut res = see_other(&format!("/{}/questions/sent?ref={reference}", lang.code()));
    let cookie = security::sent_cookie(
        state.key(),
        reference,
        state.settings().secure_cookies || https,
    );
    if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
    res
}

/// `GET /{lang}/questions/sent?ref=Q-…`: the confirmation page, shown only to the browser
/// whose signed cookie names that reference; any other request gets the 404 page, so the
/// page confirms nothing about a reference someone merely typed.
pub async fn sent(
    State(state): State<AppState>,
    L(lang): L,
    headers: axum::http::HeaderMap,
    Query(params): Query<SentParams>,
) -> Response {
    let now = jiff::Timestamp::now().as_second();
    let cookie = security::cookie(&headers, security::SENT_COOKIE)
        .and_then(|c| security::check_sent_cookie(state.key(), c, now));
    let Some(reference) = params
        .reference
        .filter(|r| valid_reference(r))
        .filter(|r| cookie.as_deref() == Some(r.as_str()))
    else {
        return super::not_found(lang);
    };
    let mut p = Page::public(lang, "question", "q-sent-title", "questions/sent");
    p.alt_href = format!("/{}/questions/sent?ref={}", lang.other().code(), reference);
    QuestionSent { p, reference }.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert!(valid_reference("Q-2026-7F3K9A"));
        assert!(!valid_reference("<script>"));
    }
}
