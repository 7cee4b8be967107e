//! `GET /staff/questions/{id}` and its forms: notes, status changes and replies.
//!
//! The page reads top to bottom as staff work: who asked and what, the applicant's own answers
//! (a compact table from the attached profile), the result in one line per program and the CRS,
//! the full result folded in `<details>`, then the replies (sent by e-mail through
//! `--smtp-url`, or ready to copy into the staff member's own mail client), notes and status.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_store::{
    Note, Question, QuestionStatus, Reply, ReplyDelivery, StatusChange, StoreError,
};

use super::answers::{Answer, answers};
use super::{NOTE_MAX, Staff, staff_not_found, staff_page, status_label, topic_label};
use crate::form::{read_form, urlencode};
use crate::i18n::Lang;
use crate::mail::failure_reason;
use crate::page::Page;
use crate::replies::{REPLY_MAX, reply_subject, send_reply};
use crate::routes::{Errors, internal_error, see_other};
use crate::security;
use crate::state::AppState;

pub struct NoteView {
    pub author: String,
    pub at: String,
    pub body: String,
}

pub struct ReplyView {
    pub author: String,
    pub at: String,
    pub body: String,
    /// `sent`, `failed`, `manual` or `pending` (for the badge's class).
    pub delivery: &'static str,
    pub delivery_label: String,
    /// Why sending failed, in the staff member's language, when it did.
    pub failure: String,
    /// `mailto:` with subject and body, for replies not sent by the server.
    pub mailto: String,
}

/// Text typed into the page's forms, kept when the page comes back with an error.
#[derive(Default)]
pub struct Drafts {
    pub note: String,
    pub reply: String,
}

/// A `mailto:` link to the person with this subject and body (every part percent-encoded).
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        urlencode(to).replace("%40", "@"),
        urlencode(subject),
        urlencode(body)
    )
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
    pub reply_draft: String,
    pub replies: Vec<ReplyView>,
    /// Replies go out by e-mail (an SMTP server is configured).
    pub mail_configured: bool,
    /// The last reply's e-mail when the person has not been e-mailed it (failed, manual or
    /// pending): its delivery key and label, shown beside the status so that "Answered" never
    /// reads as "e-mailed".
    pub mail_note: Option<(&'static str, String)>,
    /// Subject of a reply, in the person's language.
    pub reply_subject: String,
    /// The applicant's answers (from the attached profile).
    pub answers: Vec<Answer>,
    /// One line per program (name, verdict label, verdict key) and the CRS total.
    pub summary: Vec<(String, String, String)>,
    pub crs_total: String,
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
    drafts: Drafts,
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
    let replies: Vec<Reply> = state
        .store()
        .list_replies(id)
        .await
        .map_err(|e| internal_error(lang, "list replies", &e))?;
    let subject = reply_subject(&q);
    let mail_note = replies
        .last()
        .filter(|r| r.delivery != ReplyDelivery::Sent)
        .map(|r| {
            let key = r.delivery.as_str();
            (key, lang.t(&format!("staff-reply-{key}")))
        });
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
        received: staff.time(q.created_at),
        topic: topic_label(lang, &q.topic),
        language: Lang::parse(&q.preferred_language)
            .map(|l| l.endonym().to_string())
            .unwrap_or_default(),
        status_label: status_label(lang, q.status),
        notes: notes
            .into_iter()
            .map(|n| NoteView {
                author: n.author_email,
                at: staff.time(n.created_at),
                body: n.body,
            })
            .collect(),
        changes: changes
            .into_iter()
            .map(|c| ChangeView {
                from: status_label(lang, c.from),
                to: status_label(lang, c.to),
                by: c.by_email,
                at: staff.time(c.at),
            })
            .collect(),
        statuses: QuestionStatus::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), status_label(lang, *s)))
            .collect(),
        errors,
        note_draft: drafts.note,
        reply_draft: drafts.reply,
        replies: replies
            .into_iter()
            .map(|r| ReplyView {
                at: staff.time(r.created_at),
                delivery: r.delivery.as_str(),
                delivery_label: lang.t(&format!("staff-reply-{}", r.delivery.as_str())),
                failure: if r.delivery == ReplyDelivery::Failed {
                    failure_reason(lang, r.delivery_error.as_deref().unwrap_or(""))
                } else {
                    String::new()
                },
                mailto: if r.delivery == ReplyDelivery::Sent {
                    String::new()
                } else {
                    mailto(&q.email, &subject, &r.body)
                },
                author: r.author_email,
                body: r.body,
            })
            .collect(),
        mail_configured: state.mailer().is_some(),
        mail_note,
        reply_subject: subject,
        answers: q
            .assessment_json
            .as_deref()
            .map(|j| answers(lang, j))
            .unwrap_or_default(),
        summary: assessment
            .as_ref()
            .map(|a| {
                a.programs
                    .iter()
                    .map(|p| (p.name.clone(), p.verdict_label.clone(), p.verdict.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        crs_total: assessment
            .as_ref()
            .and_then(|a| a.crs.as_ref())
            .map(|c| c.total.clone())
            .unwrap_or_default(),
        assessment,
        assessment_problem,
        results_href,
        q,
    })
}

/// `GET /staff/questions/{id}`.
pub async fn detail(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Response {
    match detail_page(&state, &staff, id, Errors::default(), Drafts::default()).await {
        Ok(page) => page.into_response(),
        Err(r) => r,
    }
}

/// A staff form sent from the detail page: read, and refused (403) without the session's
/// CSRF token.
async fn staff_form(staff: &Staff, req: Request) -> Result<BTreeMap<String, String>, Response> {
    let form = read_form(req).await?;
    if !staff.csrf_ok(form.get("csrf")) {
        return Err((StatusCode::FORBIDDEN, staff.lang.t("staff-csrf")).into_response());
    }
    Ok(form)
}

/// A note's or a reply's text: trimmed, required, at most `max` characters, no NUL; the
/// error (by Fluent id) is placed on `field`.
fn staff_text(
    lang: Lang,
    form: &BTreeMap<String, String>,
    field: &str,
    max: usize,
    (required, too_long): (&str, &str),
) -> (String, Errors) {
    let text = form
        .get(field)
        .map(|b| b.trim().to_string())
        .unwrap_or_default();
    let mut errors = Errors::default();
    if text.is_empty() {
        errors.add(field, lang.t(required));
    } else if text.chars().count() > max || text.contains('\0') {
        errors.add(field, lang.t(too_long));
    }
    (text, errors)
}

/// The detail page again with the errors and what was typed (422).
async fn detail_again(
    state: &AppState,
    staff: &Staff,
    id: i64,
    errors: Errors,
    drafts: Drafts,
) -> Response {
    match detail_page(state, staff, id, errors, drafts).await {
        Ok(page) => (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
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
    let form = match staff_form(&staff, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let (body, errors) = staff_text(
        lang,
        &form,
        "body",
        NOTE_MAX,
        ("staff-note-required", "staff-note-long"),
    );
    if !errors.is_empty() {
        let drafts = Drafts {
            note: body,
            ..Drafts::default()
        };
        return detail_again(&state, &staff, id, errors, drafts).await;
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
    let form = match staff_form(&staff, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let Some(to) = form.get("status").and_then(|s| QuestionStatus::parse(s)) else {
        let mut errors = Errors::default();
        errors.add("status", lang.t("staff-status-invalid"));
        return detail_again(&state, &staff, id, errors, Drafts::default()).await;
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

/// `POST /staff/questions/{id}/replies`: store the reply with the question (status →
/// answered), then send it by e-mail when an SMTP server is configured; otherwise, or when
/// sending fails, the page offers it for the staff member's own mail client.
pub async fn add_reply(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    req: Request,
) -> Response {
    let lang = staff.lang;
    let form = match staff_form(&staff, req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let (body, errors) = staff_text(
        lang,
        &form,
        "reply",
        REPLY_MAX,
        ("staff-reply-required", "staff-reply-long"),
    );
    if !errors.is_empty() {
        let drafts = Drafts {
            reply: body,
            ..Drafts::default()
        };
        return detail_again(&state, &staff, id, errors, drafts).await;
    }
    match send_reply(&state, id, &staff.user.email, &body).await {
        Ok(_) => see_other(&format!("/staff/questions/{id}#replies")),
        Err(StoreError::NotFound) => staff_not_found(lang, &staff),
        Err(e) => internal_error(lang, "add reply", &e),
    }
}
