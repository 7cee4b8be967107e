//! The staff endpoints of the JSON API, behind a bearer token
//! (`Authorization: Bearer landed_<id>_<secret>`, from `landed admin token create --email E`):
//! list, read, set status, add a note, export. No cookie is read here, so no CSRF check is
//! needed; a missing, malformed, unknown or revoked token is a 401 with `WWW-Authenticate`.

use crate::i18n::Messages as _;
use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use landed_store::{
    Note, Question, QuestionFilter, QuestionStatus, StaffUser, StatusChange, StoreError, TokenScope,
};
use serde::{Deserialize, Serialize};

use super::body;
use super::{header_lang, msg, to_json};
use crate::error::{Problem, WebError};
use crate::form::TOPICS;
use crate::i18n::Lang;
use crate::question::NOTE_MAX;
use crate::state::AppState;

/// The staff member a valid bearer token acts as.
pub struct TokenStaff {
    pub user: StaffUser,
    pub lang: Lang,
    /// What the token may do.
    pub scope: TokenScope,
}

impl TokenStaff {
    /// 403 unless the token may change questions (a read-only token lists, reads and exports).
    fn may_change(&self) -> Result<(), WebError> {
        match self.scope {
            TokenScope::Full => Ok(()),
            TokenScope::ReadOnly => Err(WebError::problem(StatusCode::FORBIDDEN, self.lang)
                .with_detail(msg(
                    self.lang,
                    "this token is read-only: it can list, read and export questions, not change them (landed admin token create without --read-only)",
                    "ce jeton est en lecture seule : il peut lister, lire et exporter les questions, pas les modifier (landed admin token create sans --read-only)",
                ))),
        }
    }
}

fn unauthorized(lang: Lang, error: Option<&str>) -> WebError {
    let challenge = match error {
        Some(e) => format!("Bearer realm=\"landed\", error=\"{e}\""),
        None => "Bearer realm=\"landed\"".to_string(),
    };
    WebError::problem(StatusCode::UNAUTHORIZED, lang)
        .with_detail(msg(
            lang,
            "send a staff token: Authorization: Bearer <token> (landed admin token create)",
            "envoyez un jeton du personnel : Authorization: Bearer <jeton> (landed admin token create)",
        ))
        .with_header(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_str(&challenge)
                .unwrap_or_else(|_| HeaderValue::from_static("Bearer")),
        )
}

impl FromRequestParts<AppState> for TokenStaff {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let lang = header_lang(&parts.headers);
        let Some(value) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
        else {
            return Err(unauthorized(lang, None));
        };
        let token = match value.split_once(' ') {
            Some((scheme, t)) if scheme.eq_ignore_ascii_case("bearer") => t.trim(),
            _ => return Err(unauthorized(lang, Some("invalid_request"))),
        };
        match state.store().verify_api_token(token).await {
            Ok(Some((token, user))) => Ok(TokenStaff {
                user,
                lang,
                scope: token.scope,
            }),
            Ok(None) => Err(unauthorized(lang, Some("invalid_token"))),
            Err(e) => Err(WebError::internal(lang, "verify API token", &e)),
        }
    }
}

/// A question as staff see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestion {
    pub id: i64,
    #[schema(example = "Q-2026-7F3K9A")]
    pub reference: String,
    #[schema(value_type = QuestionStatusName)]
    pub status: QuestionStatus,
    pub name: String,
    pub email: String,
    pub topic: String,
    pub message: String,
    /// `en` or `fr`.
    pub preferred_language: String,
    /// The attached profile, if any.
    #[schema(value_type = Option<Object>)]
    pub assessment: Option<serde_json::Value>,
    /// Received (UTC, RFC 3339).
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
    /// Last activity (UTC, RFC 3339).
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: jiff::Timestamp,
}

/// A question's status.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum QuestionStatusName {
    New,
    InProgress,
    Answered,
    Closed,
}

impl From<Question> for StaffQuestion {
    fn from(q: Question) -> StaffQuestion {
        StaffQuestion {
            id: q.id,
            reference: q.reference,
            status: q.status,
            name: q.name,
            email: q.email,
            topic: q.topic,
            message: q.message,
            preferred_language: q.preferred_language,
            assessment: q
                .assessment_json
                .and_then(|t| serde_json::from_str(&t).ok()),
            created_at: q.created_at,
            updated_at: q.updated_at,
        }
    }
}

/// An internal note.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffNote {
    pub id: i64,
    pub author_email: String,
    pub body: String,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<Note> for StaffNote {
    fn from(n: Note) -> StaffNote {
        StaffNote {
            id: n.id,
            author_email: n.author_email,
            body: n.body,
            created_at: n.created_at,
        }
    }
}

/// A change of status: who, when, from and to.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffStatusChange {
    #[schema(value_type = QuestionStatusName)]
    pub from: QuestionStatus,
    #[schema(value_type = QuestionStatusName)]
    pub to: QuestionStatus,
    pub by_email: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: jiff::Timestamp,
}

impl From<StatusChange> for StaffStatusChange {
    fn from(c: StatusChange) -> StaffStatusChange {
        StaffStatusChange {
            from: c.from,
            to: c.to,
            by_email: c.by_email,
            at: c.at,
        }
    }
}

/// A question with its notes and status history.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestionDetail {
    pub question: StaffQuestion,
    pub notes: Vec<StaffNote>,
    pub status_changes: Vec<StaffStatusChange>,
}

/// One page of questions, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffQuestionPage {
    pub items: Vec<StaffQuestion>,
    /// How many questions match the filter.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

/// Every question matching the filter.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffExport {
    pub questions: Vec<StaffQuestion>,
}

/// The inbox's filters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this status.
    #[param(value_type = Option<QuestionStatusName>)]
    pub status: Option<String>,
    /// Only this topic.
    pub topic: Option<String>,
    /// Only this preferred language (`en`, `fr`).
    pub language: Option<String>,
    /// Words in the name, email, topic or message.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// The page, from 1 (list only).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 2147483647)]
    pub page: Option<String>,
    /// Questions a page, 1 to 100 (default 20; list only).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub per_page: Option<String>,
}

/// The last page number accepted (the largest 32-bit signed integer, as documented).
const PAGE_MAX: u32 = 2_147_483_647;

fn number_param(
    lang: Lang,
    name: &str,
    v: Option<&str>,
    default: u32,
    max: u32,
) -> Result<u32, WebError> {
    match v {
        None => Ok(default),
        Some(s) => match super::parse_digits::<u32>(s) {
            Some(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(WebError::invalid_param(
                lang,
                name,
                msg(
                    lang,
                    &format!("a whole number from 1 to {max}"),
                    &format!("un nombre entier de 1 à {max}"),
                ),
            )),
        },
    }
}

impl ListParams {
    fn filter(&self, lang: Lang) -> Result<QuestionFilter, WebError> {
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(QuestionStatus::parse(s).ok_or_else(|| {
                WebError::invalid_param(
                    lang,
                    "status",
                    msg(
                        lang,
                        "use new, in_progress, answered or closed",
                        "utilisez new, in_progress, answered ou closed",
                    ),
                )
            })?),
        };
        let topic = match self.topic.as_deref() {
            None => None,
            Some(t) if TOPICS.contains(&t) => Some(t.to_string()),
            Some(_) => {
                return Err(WebError::invalid_param(
                    lang,
                    "topic",
                    format!(
                        "{}: {}",
                        msg(lang, "use one of", "utilisez l’un de"),
                        TOPICS.join(", ")
                    ),
                ));
            }
        };
        let language = match self.language.as_deref() {
            None => None,
            Some(l @ ("en" | "fr")) => Some(l.to_string()),
            Some(_) => {
                return Err(WebError::invalid_param(
                    lang,
                    "language",
                    msg(lang, "use en or fr", "utilisez en ou fr"),
                ));
            }
        };
        let text = match self.q.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(q) if q.chars().count() > 200 || q.contains('\0') => {
                return Err(WebError::invalid_param(
                    lang,
                    "q",
                    msg(lang, "at most 200 characters", "au plus 200 caractères"),
                ));
            }
            Some(q) => Some(q.to_string()),
        };
        Ok(QuestionFilter {
            status,
            topic,
            language,
            text,
            page: number_param(lang, "page", self.page.as_deref(), 1, PAGE_MAX)?,
            per_page: number_param(lang, "per_page", self.per_page.as_deref(), 20, 100)?,
        })
    }
}

fn question_not_found(lang: Lang, id: i64) -> WebError {
    super::body::not_found(
        lang,
        msg(
            lang,
            &format!("there is no question {id}"),
            &format!("il n’y a pas de question {id}"),
        ),
    )
}

/// The inbox: questions matching the filters, newest first, a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/staff/questions",
    tag = "staff",
    params(ListParams),
    security(("staff_token" = [])),
    responses(
        (status = 200, description = "A page of questions", body = StaffQuestionPage),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad filter, named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    staff: TokenStaff,
    Query(params): Query<ListParams>,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    let filter = params.filter(lang)?;
    let page = state
        .store()
        .list_questions(&filter)
        .await
        .map_err(|e| WebError::internal(lang, "list questions", &e))?;
    let out = StaffQuestionPage {
        items: page.items.into_iter().map(StaffQuestion::from).collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    };
    Ok(to_json(&out, lang))
}

/// The path's question id.
fn question_id(lang: Lang, raw: &str) -> Result<i64, WebError> {
    super::parse_digits::<i64>(raw)
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            WebError::invalid_param(
                lang,
                "id",
                msg(
                    lang,
                    "a question id is a whole number from 1",
                    "un numéro de question est un entier à partir de 1",
                ),
            )
        })
}

async fn detail(state: &AppState, lang: Lang, id: i64) -> Result<StaffQuestionDetail, WebError> {
    let q = match state.store().get_question(id).await {
        Ok(q) => q,
        Err(StoreError::NotFound) => return Err(question_not_found(lang, id)),
        Err(e) => return Err(WebError::internal(lang, "get question", &e)),
    };
    let notes = state
        .store()
        .list_notes(id)
        .await
        .map_err(|e| WebError::internal(lang, "list notes", &e))?;
    let changes = state
        .store()
        .list_status_changes(id)
        .await
        .map_err(|e| WebError::internal(lang, "list status changes", &e))?;
    Ok(StaffQuestionDetail {
        question: q.into(),
        notes: notes.into_iter().map(StaffNote::from).collect(),
        status_changes: changes.into_iter().map(StaffStatusChange::from).collect(),
    })
}

/// One question with its notes and status history.
#[utoipa::path(
    get,
    path = "/api/v1/staff/questions/{id}",
    tag = "staff",
    params(("id" = i64, Path, description = "The question's id", minimum = 1)),
    security(("staff_token" = [])),
    responses(
        (status = 200, description = "The question", body = StaffQuestionDetail),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a question id", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn read(
    State(state): State<AppState>,
    staff: TokenStaff,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    let id = question_id(lang, &id)?;
    Ok(to_json(&detail(&state, lang, id).await?, lang))
}

/// The new status.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetStatus {
    #[schema(inline, value_type = QuestionStatusName)]
    pub status: String,
}

/// A note's text.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    /// 1 to 20,000 characters.
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
}

static STATUS_VALIDATOR: LazyLock<Option<jsonschema::Validator>> =
    LazyLock::new(body::validator_for::<SetStatus>);
static NOTE_VALIDATOR: LazyLock<Option<jsonschema::Validator>> =
    LazyLock::new(body::validator_for::<NewNote>);

/// Move a question to another status (recorded in its history).
#[utoipa::path(
    post,
    path = "/api/v1/staff/questions/{id}/status",
    tag = "staff",
    params(("id" = i64, Path, description = "The question's id", minimum = 1)),
    request_body(content = SetStatus, content_type = "application/json"),
    security(("staff_token" = [])),
    responses(
        (status = 200, description = "The question after the change", body = StaffQuestionDetail),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown status or not a question id", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn set_status(
    State(state): State<AppState>,
    staff: TokenStaff,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    staff.may_change()?;
    let id = question_id(lang, &id)?;
    let req: SetStatus = body::typed(&headers, &body, lang, STATUS_VALIDATOR.as_ref())?;
    let Some(to) = QuestionStatus::parse(req.status.trim()) else {
        return Err(WebError::invalid_field(
            lang,
            "status",
            msg(
                lang,
                "use new, in_progress, answered or closed",
                "utilisez new, in_progress, answered ou closed",
            ),
        ));
    };
    match state.store().change_status(id, to, &staff.user.email).await {
        Ok(_) => {
            tracing::info!(
                question_id = id,
                status = to.as_str(),
                "status changed (API)"
            );
            Ok(to_json(&detail(&state, lang, id).await?, lang))
        }
        Err(StoreError::NotFound) => Err(question_not_found(lang, id)),
        Err(e) => Err(WebError::internal(lang, "change status", &e)),
    }
}

/// Add an internal note to a question.
#[utoipa::path(
    post,
    path = "/api/v1/staff/questions/{id}/notes",
    tag = "staff",
    params(("id" = i64, Path, description = "The question's id", minimum = 1)),
    request_body(content = NewNote, content_type = "application/json"),
    security(("staff_token" = [])),
    responses(
        (status = 201, description = "The note", body = StaffNote),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An empty or too long note, or not a question id", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_note(
    State(state): State<AppState>,
    staff: TokenStaff,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    staff.may_change()?;
    let id = question_id(lang, &id)?;
    let req: NewNote = body::typed(&headers, &body, lang, NOTE_VALIDATOR.as_ref())?;
    let text = req.body.trim();
    if text.is_empty() {
        return Err(WebError::invalid_field(
            lang,
            "body",
            lang.t("staff-note-required"),
        ));
    }
    if text.chars().count() > NOTE_MAX || text.contains('\0') {
        return Err(WebError::invalid_field(
            lang,
            "body",
            lang.t("staff-note-long"),
        ));
    }
    match state.store().add_note(id, &staff.user.email, text).await {
        Ok(note) => {
            let mut r = to_json(&StaffNote::from(note), lang);
            *r.status_mut() = StatusCode::CREATED;
            Ok(r)
        }
        Err(StoreError::NotFound) => Err(question_not_found(lang, id)),
        Err(StoreError::Invalid { field, message }) => {
            Err(WebError::invalid_field(lang, field, message))
        }
        Err(e) => Err(WebError::internal(lang, "add note", &e)),
    }
}

/// A reply sent (or to send) to the person who asked.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StaffReply {
    pub id: i64,
    pub question_id: i64,
    pub author_email: String,
    pub body: String,
    /// `sent` (accepted by the SMTP server), `failed` (see `delivery_error`), `manual` (no
    /// SMTP server configured: send it from your own mail client) or `pending`.
    pub delivery: String,
    /// Why the e-mail was not sent, with `failed`: `refused` (nothing accepted the connection),
    /// `timeout` (the SMTP server did not answer in time), `unreachable` (name lookup, network
    /// or TLS failed, or the connection dropped), `rejected CODE` (the SMTP server refused the
    /// message with that reply code) or `address` (the person's address cannot take mail).
    pub delivery_error: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: jiff::Timestamp,
}

impl From<landed_store::Reply> for StaffReply {
    fn from(r: landed_store::Reply) -> StaffReply {
        StaffReply {
            id: r.id,
            question_id: r.question_id,
            author_email: r.author_email,
            body: r.body,
            delivery: r.delivery.as_str().to_string(),
            delivery_error: r.delivery_error,
            created_at: r.created_at,
        }
    }
}

/// A reply's text.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewReply {
    /// 1 to 20,000 characters.
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
}

static REPLY_VALIDATOR: LazyLock<Option<jsonschema::Validator>> =
    LazyLock::new(body::validator_for::<NewReply>);

/// Reply to the person who asked: stored with the question, which moves to `answered`, then
/// sent by e-mail when the server has an SMTP server (`--smtp-url`); otherwise `delivery` is
/// `manual` and the reply is to be sent from your own mail client.
#[utoipa::path(
    post,
    path = "/api/v1/staff/questions/{id}/replies",
    tag = "staff",
    params(("id" = i64, Path, description = "The question's id", minimum = 1)),
    request_body(content = NewReply, content_type = "application/json"),
    security(("staff_token" = [])),
    responses(
        (status = 201, description = "The reply, with what happened to its e-mail", body = StaffReply),
        (status = 400, description = "The body is not UTF-8 JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A read-only token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such question", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not declared JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An empty or too long reply, or not a question id", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn add_reply(
    State(state): State<AppState>,
    staff: TokenStaff,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    staff.may_change()?;
    let id = question_id(lang, &id)?;
    let req: NewReply = body::typed(&headers, &body, lang, REPLY_VALIDATOR.as_ref())?;
    let text = req.body.trim();
    if text.is_empty() {
        return Err(WebError::invalid_field(
            lang,
            "body",
            lang.t("staff-reply-required"),
        ));
    }
    if text.chars().count() > crate::replies::REPLY_MAX || text.contains('\0') {
        return Err(WebError::invalid_field(
            lang,
            "body",
            lang.t("staff-reply-long"),
        ));
    }
    match crate::replies::send_reply(&state, id, &staff.user.email, text).await {
        Ok(reply) => {
            let mut r = to_json(&StaffReply::from(reply), lang);
            *r.status_mut() = StatusCode::CREATED;
            Ok(r)
        }
        Err(StoreError::NotFound) => Err(question_not_found(lang, id)),
        Err(StoreError::Invalid { field, message }) => {
            Err(WebError::invalid_field(lang, field, message))
        }
        Err(e) => Err(WebError::internal(lang, "add reply", &e)),
    }
}

/// Every question matching the filters (no paging), newest first.
#[utoipa::path(
    get,
    path = "/api/v1/staff/export",
    tag = "staff",
    params(ListParams),
    security(("staff_token" = [])),
    responses(
        (status = 200, description = "The questions", body = StaffExport),
        (status = 401, description = "No valid staff token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad filter, named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    staff: TokenStaff,
    Query(params): Query<ListParams>,
) -> Result<Response, WebError> {
    let lang = staff.lang;
    let filter = params.filter(lang)?;
    let rows = state
        .store()
        .export_questions(&filter)
        .await
        .map_err(|e| WebError::internal(lang, "export questions", &e))?;
    tracing::info!(staff_id = staff.user.id, rows = rows.len(), "export (API)");
    let out = StaffExport {
        questions: rows.into_iter().map(StaffQuestion::from).collect(),
    };
    let mut r = to_json(&out, lang);
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}
