//! Public information pages: `/` (language redirect), home, privacy, health.

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::L;
use crate::i18n::Lang;
use crate::page::Page;
use crate::state::AppState;

/// `GET /`: redirect to `/en/` or `/fr/` by `Accept-Language`.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = Lang::negotiate(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    (
        StatusCode::SEE_OTHER,
        [
            (header::LOCATION, format!("/{}/", lang.code())),
            (header::VARY, "Accept-Language".to_string()),
        ],
    )
        .into_response()
}

/// `GET /{lang}` → `/{lang}/`.
pub async fn lang_root(L(lang): L) -> Response {
    super::see_other(&format!("/{}/", lang.code()))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub struct Home {
    pub p: Page,
}

/// `GET /{lang}/`.
pub async fn home(L(lang): L) -> Home {
    Home {
        p: Page::public(lang, "home", "home-title", ""),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "privacy.html")]
pub struct Privacy {
    pub p: Page,
}

/// `GET /{lang}/privacy`.
pub async fn privacy(L(lang): L) -> Privacy {
    Privacy {
        p: Page::public(lang, "privacy", "privacy-title", "privacy"),
    }
}

/// `GET /health`: 200 when the database answers.
pub async fn health(State(state): State<AppState>) -> Response {
    match state.store().ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Fallback: 404 in the language of the path, else by `Accept-Language`.
pub async fn fallback(uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let first = uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let lang = Lang::parse(first).unwrap_or_else(|| {
        Lang::negotiate(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    });
    super::not_found(lang)
}
