//! Request handlers, one module per area.

pub mod api;
pub mod crs;
pub mod draws;
pub mod pages;
pub mod questions;
pub mod rules;
pub mod staff;
pub mod wizard;

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

pub use crate::form::{Errors, FieldError, field_id};
use crate::i18n::Lang;
use crate::page::Page;

/// The page language, from the first path segment (`/en/…`, `/fr/…`). Anything else is a 404.
#[derive(Debug, Clone, Copy)]
pub struct L(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for L {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let first = parts
            .uri
            .path()
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        match Lang::parse(first) {
            Some(l) => Ok(L(l)),
            None => Err(not_found(Lang::negotiate(
                parts
                    .headers
                    .get(axum::http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok()),
            ))),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub p: Page,
    pub heading: String,
    pub body: String,
}

/// The 404 page in `lang`.
pub fn not_found(lang: Lang) -> Response {
    let mut p = Page::public(lang, "", "not-found-title", "");
    p.alt_href = format!("/{}/", lang.other().code());
    (
        StatusCode::NOT_FOUND,
        ErrorPage {
            heading: lang.t("not-found-title"),
            body: lang.t("not-found-body"),
            p,
        },
    )
        .into_response()
}

/// A logged 500 page in `lang`; `what` says what failed (never personal data).
pub fn internal_error(lang: Lang, what: &str, err: &dyn std::error::Error) -> Response {
    tracing::error!(what, error = %err, cause = ?err.source().map(|s| s.to_string()), "internal error");
    let mut p = Page::public(lang, "", "error-title", "");
    p.alt_href = format!("/{}/", lang.other().code());
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorPage {
            heading: lang.t("error-title"),
            body: lang.t("error-body"),
            p,
        },
    )
        .into_response()
}

/// `303 See Other` to `to`.
pub fn see_other(to: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, to.to_string())],
    )
        .into_response()
}
