//! The staff endpoints of the JSON API, behind a bearer token
//! (`Authorization: Bearer landed_<id>_<secret>`, from `landed admin token create --email E`):
//! list, read, set status, add a note, export. No cookie is read here, so no CSRF check is
//! needed; a missing, malformed, unknown or revoked token is a 401 with `WWW-Authenticate`.
//!
//! Here the handlers; the token extractor is in [`token`], what the endpoints answer in
//! [`responses`], the inbox's filters in [`params`].

use crate::i18n::Messages as _;
use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use landed_store::{QuestionStatus, StoreError};
use serde::Deserialize;

use super::body;
use super::{msg, to_json};
use crate::error::{Problem, WebError};
use crate::i18n::Lang;
use crate::question::NOTE_MAX;
use crate::state::AppState;

pub mod params;
pub mod responses;
pub mod token;

pub use params::ListParams;
pub use responses::{
    QuestionStatusName, StaffExport, StaffNote, StaffQuestion, StaffQuestionDetail,
    StaffQuestionPage, StaffReply, StaffStatusChange,
};
pub use token::TokenStaff;

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
