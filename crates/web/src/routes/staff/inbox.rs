//! `GET /staff`: the list of questions with filters, search and paging.

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use landed_store::{QuestionFilter, QuestionStatus};

use super::{Staff, staff_page, status_label, topic_label};
use crate::form::{TOPICS, urlencode};
use crate::i18n::Lang;
use crate::page::Page;
use crate::routes::internal_error;
use crate::state::AppState;

#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct InboxParams {
    pub status: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub q: Option<String>,
    pub page: Option<u32>,
}

impl InboxParams {
    pub(super) fn filter(&self) -> QuestionFilter {
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
    /// The first [`PREVIEW_CHARS`] characters of the question, on one line.
    pub preview: String,
    /// An assessment is attached.
    pub has_assessment: bool,
    /// The latest reply could not be sent by e-mail: someone must send it another way.
    pub reply_failed: bool,
}

/// How much of each question the inbox shows.
pub const PREVIEW_CHARS: usize = 140;

/// The start of a question on one line: whitespace runs become one space, cut at a word
/// boundary near `max` characters with an ellipsis.
pub fn preview(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[derive(Template, WebTemplate)]
#[template(path = "staff_inbox.html")]
pub struct InboxPage {
    pub p: Page,
    /// The time zone times are shown in (its IANA name, or UTC).
    pub zone: String,
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
    let ids: Vec<i64> = page.items.iter().map(|q| q.id).collect();
    let failed = match state.store().with_failed_last_reply(&ids).await {
        Ok(f) => f,
        Err(e) => return internal_error(lang, "failed replies", &e),
    };
    let rows = page
        .items
        .iter()
        .map(|q| Row {
            id: q.id,
            reference: q.reference.clone(),
            received: staff.time(q.created_at),
            name: q.name.clone(),
            topic: topic_label(lang, &q.topic),
            language: Lang::parse(&q.preferred_language)
                .map(|l| l.endonym().to_string())
                .unwrap_or_default(),
            status: q.status,
            status_label: status_label(lang, q.status),
            preview: preview(&q.message, PREVIEW_CHARS),
            has_assessment: q.assessment_json.is_some(),
            reply_failed: failed.binary_search(&q.id).is_ok(),
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
        zone: staff
            .user
            .time_zone
            .clone()
            .unwrap_or_else(|| "UTC".to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_are_one_line_and_cut_at_a_word() {
        assert_eq!(preview("Short\n\n  question", 140), "Short question");
        let long =
            "Mes heures de travail à temps partiel pendant mes études comptent-elles ? ".repeat(4);
        let p = preview(&long, 140);
        assert!(p.ends_with('…'), "{p}");
        assert!(p.chars().count() <= 141, "{p}");
        assert!(!p.contains("  "));
    }
}
