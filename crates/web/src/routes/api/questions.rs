//! `POST /api/v1/questions`: the question form as JSON. The same rules as the HTML form
//! (`routes::questions`): the same field checks and messages, the honeypot (`website` must
//! be absent or empty), the same limits counted in the database (per IP address, and the
//! per-browser count of cookie-less posts from that address; 429 with `Retry-After`), the
//! same store function; the answer is the question's reference.
//! The form's signed token (which proves a page was shown and filled slowly) has no
//! meaning for a program and is not asked for; its other role, exactly once, is played by
//! the optional `Idempotency-Key` header (draft-ietf-httpapi-idempotency-key-header): the
//! key's hash takes the form token's place under the same unique index, so posts with one
//! key store one question, a repeat gets that question's reference back (200 instead of
//! 201), and a repeat with other content is refused (422), never dropped silently.

use crate::i18n::Messages as _;
use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use landed_store::{NewQuestion, StoreError, Submission, Submitted};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::body::{self, Contract};
use super::{header_lang, msg, to_json};
use crate::error::{FieldProblem, Problem, WebError};
use crate::question::{self as form, QuestionValues};
use crate::security;
use crate::state::AppState;

/// A question.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewQuestionBody {
    /// The person's name (1 to 200 characters).
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Where to answer.
    #[schema(min_length = 3, max_length = 254, format = Email)]
    pub email: String,
    /// `cec`, `work_experience`, `language`, `crs`, `application`, `privacy` or `other`.
    #[schema(value_type = String, pattern = "^(cec|work_experience|language|crs|application|privacy|other)$")]
    pub topic: String,
    /// The question (10 to 5,000 characters, at most 5 links).
    #[schema(min_length = 10, max_length = 5000)]
    pub message: String,
    /// The language to answer in: `en` or `fr`.
    #[schema(pattern = "^(en|fr)$")]
    pub preferred_language: String,
    /// Consent to keep the question to answer it: must be `true`.
    pub consent: bool,
    /// A profile (`docs/contracts/profile.schema.json`) to attach, at most 64 KB.
    #[schema(value_type = Option<Object>)]
    #[serde(default)]
    pub assessment: Option<Value>,
    /// Leave out: a field people never see on the form (a filled one is refused).
    #[schema(max_length = 0)]
    #[serde(default)]
    pub website: Option<String>,
}

/// A stored question's reference.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QuestionCreated {
    /// Quote it in any message about the question.
    #[schema(example = "Q-2026-7F3K9A")]
    pub reference: String,
}

static VALIDATOR: LazyLock<Option<jsonschema::Validator>> =
    LazyLock::new(body::validator_for::<NewQuestionBody>);

/// The `Idempotency-Key` header, as a structured-field string (`"…"`) or bare: 8 to 255
/// visible ASCII characters. `Ok(None)` when absent.
fn idempotency_key(
    headers: &HeaderMap,
    lang: crate::i18n::Lang,
) -> Result<Option<String>, WebError> {
    let Some(raw) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let text = raw.to_str().unwrap_or("").trim();
    let key = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let visible = key
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\');
    if !(8..=255).contains(&key.len()) || !visible {
        return Err(
            WebError::problem(StatusCode::BAD_REQUEST, lang).with_errors(vec![
                FieldProblem::header(
                    IDEMPOTENCY_KEY,
                    msg(
                        lang,
                        "8 to 255 visible ASCII characters, e.g. a UUID",
                        "de 8 à 255 caractères ASCII visibles, p. ex. un UUID",
                    ),
                ),
            ]),
        );
    }
    Ok(Some(key.to_string()))
}

const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Seconds a client is told to wait after the per-IP limit (the window is an hour).
const RETRY_AFTER_SECS: u64 = 3600;

/// Send a question to the team; the answer is its reference.
#[utoipa::path(
    post,
    path = "/api/v1/questions",
    tag = "questions",
    params(
        ("Idempotency-Key" = Option<String>, Header, nullable = false, pattern = "^[!#-\\[\\]-~]{8,255}$", min_length = 8, max_length = 255, description = "Optional, 8 to 255 visible ASCII characters (e.g. a UUID): posts with the same key from the same address store one question"),
    ),
    request_body(content = NewQuestionBody, content_type = "application/json"),
    responses(
        (status = 201, description = "Stored (durably): the reference", body = QuestionCreated),
        (status = 200, description = "Already stored with this Idempotency-Key and the same content: its reference", body = QuestionCreated),
        (status = 400, description = "The body is not UTF-8 JSON, or a malformed Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named; or an Idempotency-Key already used with other content", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many questions from this address in the last hour (see Retry-After)", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    extensions: axum::http::Extensions,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = header_lang(&headers);
    let key = idempotency_key(&headers, lang)?;
    let q: NewQuestionBody = body::typed(&headers, &body, lang, VALIDATOR.as_ref())?;

    if q.website.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        // Each outcome of a post logs at debug: info is for errors and slow requests only, so
        // a flood of posts cannot flood the log (issue 13 §1).
        tracing::debug!("API question refused: honeypot filled");
        return Err(WebError::invalid_field(
            lang,
            "website",
            msg(lang, "leave this field out", "omettez ce champ"),
        ));
    }
    let assessment_json = match &q.assessment {
        None | Some(Value::Null) => None,
        Some(a) => {
            body::validate_at(a, Contract::Profile, lang, "assessment")?;
            let text = a.to_string();
            if text.len() > form::ASSESSMENT_MAX {
                return Err(WebError::invalid_field(
                    lang,
                    "assessment",
                    msg(lang, "at most 64 KB", "au plus 64 Ko"),
                ));
            }
            Some(text)
        }
    };
    let values = QuestionValues {
        name: q.name.clone(),
        email: q.email.clone(),
        topic: q.topic.clone(),
        message: q.message.clone(),
        preferred_language: q.preferred_language.clone(),
        consent: q.consent,
        assessment: String::new(),
    };
    let errors = form::validate(lang, &values);
    if !errors.is_empty() {
        let list = errors
            .list()
            .iter()
            .map(|e| FieldProblem::body(&e.field, e.message.clone()))
            .collect();
        return Err(WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang).with_errors(list));
    }

    // The per-IP limit: the database count, shared by every instance, checked in the same
    // transaction that inserts (`Store::submit_question`, as the HTML form does).
    let ip = state.trusted_proxies().client_of(&extensions, &headers);
    let ip_hash = security::ip_hash(state.key(), &ip);
    // A key is scoped to the client's address: another client's key never collides with it.
    let token = key.map(|k| format!("api:{ip_hash}:{k}"));
    // An API client has no browser cookie: its posts share the per-browser count of its
    // address, as cookie-less form posts do.
    let (per_ip, per_browser) = crate::question::limits(state.settings());
    let browser_hash = crate::question::browser_hash(state.key(), None, &ip_hash);

    let new = NewQuestion {
        name: q.name.trim().to_string(),
        email: q.email.trim().to_string(),
        topic: q.topic,
        message: q.message.trim().to_string(),
        preferred_language: q.preferred_language,
        assessment_json,
        consent: q.consent,
        ip_hash: Some(ip_hash),
    };
    let submission = Submission {
        form_token: token.as_deref(),
        per_ip: Some(per_ip),
        browser_hash: Some(&browser_hash),
        per_browser: Some(per_browser),
    };
    match state.store().submit_question(&new, &submission).await {
        Ok(submitted) => {
            let replayed = matches!(submitted, Submitted::AlreadyStored(_));
            let reference = submitted.question().reference.clone();
            tracing::debug!(%reference, replayed, "question stored (API)");
            let mut r = to_json(&QuestionCreated { reference }, lang);
            if !replayed {
                *r.status_mut() = StatusCode::CREATED;
            }
            Ok(r.into_response())
        }
        Err(StoreError::TokenReused { reference }) => {
            tracing::debug!(%reference, "API question refused: idempotency key reused with other content");
            Err(WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang).with_errors(vec![
                FieldProblem::header(
                    IDEMPOTENCY_KEY,
                    match lang {
                        crate::i18n::Lang::En => format!(
                            "already used for question {reference} with other content: send a new key for a new question"
                        ),
                        crate::i18n::Lang::Fr => format!(
                            "déjà utilisée pour la question {reference} avec un autre contenu : envoyez une nouvelle clé pour une nouvelle question"
                        ),
                    },
                ),
            ]))
        }
        Err(StoreError::RateLimited) => {
            tracing::debug!("API question refused: rate limit");
            Err(WebError::problem(StatusCode::TOO_MANY_REQUESTS, lang)
                .with_detail(lang.t("q-error-rate"))
                .with_retry_after(RETRY_AFTER_SECS))
        }
        Err(StoreError::Invalid { field, .. }) => Err(WebError::invalid_field(
            lang,
            field,
            lang.t("q-error-store"),
        )),
        Err(e) => Err(WebError::internal(lang, "insert question", &e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_derived_schema_compiles() {
        assert!(VALIDATOR.is_some());
    }
}
