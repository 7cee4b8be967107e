//! The bookmarkable results page (`/{lang}/assessment/results?p=…`).

use crate::i18n::Messages as _;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::PROFILE_MAX;
use crate::page::Page;
use crate::routes::L;
use crate::security;
use crate::state::AppState;
use crate::views::ResultsView;

#[derive(Template, WebTemplate)]
#[template(path = "results.html")]
pub struct ResultsPage {
    pub p: Page,
    pub r: ResultsView,
    /// "Your plan, by date" (`None` when the timeline cannot be computed).
    pub timeline: Option<crate::views::timeline::TimelineView>,
    pub share_url: String,
    pub edit_href: String,
    pub ask_href: String,
}

impl ResultsPage {
    /// The one-sentence CEC verdict.
    pub fn headline(&self) -> String {
        self.p
            .lang
            .t(&format!("res-headline-{}", self.r.cec_verdict()))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "results_invalid.html")]
pub struct ResultsInvalid {
    pub p: Page,
    pub message: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct ResultsParams {
    pub p: Option<String>,
    /// The what-if section's target score (`&target=N`).
    pub target: Option<String>,
}

/// `GET /{lang}/assessment/results?p=…`: the bookmarkable results page.
pub async fn results(
    State(state): State<AppState>,
    L(lang): L,
    Query(q): Query<ResultsParams>,
) -> Response {
    let packed = q.p.unwrap_or_default();
    let invalid = |message: String| {
        let p = Page::public(lang, "assessment", "res-title", "assessment");
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            ResultsInvalid { p, message },
        )
            .into_response()
    };
    let Some(text) = security::unpack(&packed, PROFILE_MAX).and_then(|b| String::from_utf8(b).ok())
    else {
        return invalid(lang.t("res-invalid-link"));
    };
    let today = state.today();
    // One parse and one assessment for every section of the page.
    let (profile, assessment) = match crate::views::assess_profile(lang, &text, today) {
        Ok(pa) => pa,
        Err(message) => return invalid(message),
    };
    let mut view = crate::views::assessment_view(lang, &assessment);
    view.whatif = crate::views::whatif::whatif_view(
        lang,
        &profile,
        &assessment,
        q.target.as_deref(),
        &packed,
    );
    let timeline = crate::views::timeline::for_assessment(lang, &profile, &assessment, today);
    // The attachment keeps the assessment date, so staff see the same result.
    let mut fixed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if let Some(obj) = fixed.as_object_mut() {
        obj.entry("as_of")
            .or_insert_with(|| Value::String(today.to_string()));
    }
    // The configured public address, never the request's Host header.
    let base = state.settings().public_base();
    let target_q = q
        .target
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .map_or(String::new(), |t| format!("&target={t}"));
    let rest = format!("assessment/results?p={packed}{target_q}");
    let mut p = Page::public(lang, "assessment", "res-title", &rest);
    p.alt_href = format!("/{}/{rest}", lang.other().code());
    ResultsPage {
        share_url: format!("{base}/{}/{rest}", lang.code()),
        edit_href: format!("/{}/assessment?p={packed}", lang.code()),
        ask_href: format!(
            "/{}/questions/new?assessment={}",
            lang.code(),
            security::pack(fixed.to_string().as_bytes())
        ),
        p,
        r: view,
        timeline,
    }
    .into_response()
}
