//! The public question form: `GET/POST /{lang}/questions/new` and the confirmation page.
//!
//! Spam protection without any third-party service: a honeypot field, a signed form token
//! (HMAC of render time, form and language) that also stands in for CSRF protection on this
//! session-less form, a minimum fill time, and a per-IP limit counted in the database (shared
//! by every instance, checked in the transaction that inserts). A form token stores one
//! question: a resend gets the same reference, a resend with changed text is refused (409)
//! with a message. A question is committed to the database before the visitor is redirected
//! (303) to the confirmation page, which shows its reference only to the browser that sent it.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_store::{NewQuestion, PerIpLimit, StoreError, Submission, Submitted};

use super::{Errors, L, field_id, internal_error, see_other};
use crate::form::{TOPICS, read_form};
use crate::i18n::Lang;
use crate::page::Page;
use crate::security::{self, TokenProblem};
use crate::state::AppState;

pub const NAME_MAX: usize = 200;
pub const EMAIL_MAX: usize = 254;
pub const MESSAGE_MIN: usize = 10;
pub const MESSAGE_MAX: usize = 5000;
const MAX_LINKS: usize = 5;
const FORM_ID: &str = "question";
const HONEYPOT: &str = "website";
/// Largest attached profile accepted (inflated JSON bytes).
pub const ASSESSMENT_MAX: usize = 64 * 1024;

/// A loose email check: one `@`, something before it, a dot in the domain, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && s.len() <= EMAIL_MAX
}

/// The form's values as typed (kept on error).
#[derive(Debug, Clone, Default)]
pub struct QuestionValues {
    pub name: String,
    pub email: String,
    pub topic: String,
    pub message: String,
    pub preferred_language: String,
    pub consent: bool,
    /// Packed profile (see [`crate::security::pack`]) when an assessment is attached.
    pub assessment: String,
}

impl QuestionValues {
    fn from_pairs(pairs: &BTreeMap<String, String>) -> QuestionValues {
        let get = |k: &str| pairs.get(k).cloned().unwrap_or_default();
        QuestionValues {
            name: get("name"),
            email: get("email"),
            topic: get("topic"),
            message: get("message"),
            preferred_language: get("preferred_language"),
            consent: pairs.get("consent").is_some_and(|v| v == "yes"),
            assessment: get("assessment"),
        }
    }
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

/// Decode an attached assessment into its profile JSON text, if valid.
fn decode_attachment(packed: &str) -> Option<String> {
    let bytes = security::unpack(packed, ASSESSMENT_MAX)?;
    let text = String::from_utf8(bytes).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    if !value.is_object() {
        return None;
    }
    Some(text)
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

/// `GET /{lang}/questions/new[?topic=…&assessment=…]`.
pub async fn form(
    State(state): State<AppState>,
    L(lang): L,
    Query(params): Query<NewParams>,
) -> QuestionForm {
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
    render_form(&state, lang, v, Errors::default(), String::new())
}

pub(crate) fn validate(lang: Lang, v: &QuestionValues) -> Errors {
    let mut e = Errors::default();
    let name = v.name.trim();
    if name.is_empty() {
        e.add("name", lang.t("q-error-name-required"));
    } else if name.chars().count() > NAME_MAX {
        e.add("name", lang.t("q-error-name-long"));
    }
    let email = v.email.trim();
    if email.is_empty() {
        e.add("email", lang.t("q-error-email-required"));
    } else if !looks_like_email(email) {
        e.add("email", lang.t("q-error-email-invalid"));
    }
    if !TOPICS.contains(&v.topic.as_str()) {
        e.add("topic", lang.t("q-error-topic"));
    }
    let message = v.message.trim();
    let len = message.chars().count();
    if message.is_empty() {
        e.add("message", lang.t("q-error-message-required"));
    } else if len < MESSAGE_MIN {
        e.add("message", lang.t("q-error-message-short"));
    } else if len > MESSAGE_MAX {
        e.add("message", lang.t("q-error-message-long"));
    } else if message.matches("http://").count() + message.matches("https://").count() > MAX_LINKS {
        e.add("message", lang.t("q-error-message-links"));
    } else if message.contains('\0') {
        e.add("message", lang.t("q-error-message-required"));
    }
    if Lang::parse(&v.preferred_language).is_none() {
        e.add("preferred_language", lang.t("q-error-language"));
    }
    if !v.consent {
        e.add("consent", lang.t("q-error-consent"));
    }
    if !v.assessment.is_empty() && decode_attachment(&v.assessment).is_none() {
        e.add("assessment", lang.t("q-error-assessment"));
    }
    e
}

/// `POST /{lang}/questions/new`.
pub async fn submit(State(state): State<AppState>, L(lang): L, req: Request) -> Response {
    let ip = super::client_ip(req.extensions());
    let https = security::is_https(req.headers());
    let pairs = match read_form(req).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let v = QuestionValues::from_pairs(&pairs);
    let settings = state.settings();

    // 1. Honeypot: a field people never see. Refuse without saying why.
    if pairs.get(HONEYPOT).is_some_and(|h| !h.trim().is_empty()) {
        tracing::info!("question refused: honeypot filled");
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
        tracing::info!(?problem, "question refused: form token");
        let key = match problem {
            TokenProblem::TooFast => "q-error-too-fast",
            TokenProblem::Expired => "q-error-expired",
            TokenProblem::Invalid => "q-error-token",
        };
        let f = render_form(&state, lang, v, Errors::default(), lang.t(key));
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
    //    text is refused) and the per-IP limit shared by every instance, then inserts.
    let assessment_json = if v.assessment.is_empty() {
        None
    } else {
        decode_attachment(&v.assessment)
    };
    let new = NewQuestion {
        name: v.name.trim().to_string(),
        email: v.email.trim().to_string(),
        topic: v.topic.clone(),
        message: v.message.trim().to_string(),
        preferred_language: v.preferred_language.clone(),
        assessment_json,
        consent: v.consent,
        ip_hash: Some(security::ip_hash(state.key(), &ip)),
    };
    let since = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(1))
        .unwrap_or(jiff::Timestamp::MIN);
    let opts = Submission {
        form_token: Some(token),
        per_ip: Some(PerIpLimit {
            max: u64::from(settings.questions_per_ip_per_hour),
            since,
        }),
    };
    match state.store().submit_question(&new, &opts).await {
        Ok(submitted) => {
            let q = submitted.question();
            if matches!(submitted, Submitted::Stored(_)) {
                tracing::info!(reference = %q.reference, "question stored");
            } else {
                tracing::info!(reference = %q.reference, "question resent: already stored");
            }
            sent_redirect(&state, lang, &q.reference, https)
        }
        Err(StoreError::TokenReused { reference }) => {
            // Never dropped silently: say the change was not saved, keep the new text, and give
            // a fresh form so it can be sent as a new question.
            tracing::info!(%reference, "question refused: form resent with other text");
            let msg = lang.t1("q-error-resent-changed", "reference", &reference);
            let f = render_form(&state, lang, v, Errors::default(), msg);
            (StatusCode::CONFLICT, f).into_response()
        }
        Err(StoreError::RateLimited) => {
            tracing::info!("question refused: rate limit");
            let f = render_form(&state, lang, v, Errors::default(), lang.t("q-error-rate"));
            (StatusCode::TOO_MANY_REQUESTS, f).into_response()
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
    fn emails() {
        assert!(looks_like_email("a@b.ca"));
        assert!(looks_like_email("first.last+tag@example.co.uk"));
        assert!(!looks_like_email("a@b"));
        assert!(!looks_like_email("@b.ca"));
        assert!(!looks_like_email("a b@c.ca"));
        assert!(!looks_like_email("a@@b.ca"));
    }

    #[test]
    fn references() {
        assert!(valid_reference("Q-2026-7F3K9A"));
        assert!(!valid_reference("<script>"));
    }
}
