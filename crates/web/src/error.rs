//! The web crate's one error type: [`WebError`] renders either an RFC 9457 problem
//! (`application/problem+json`, for the JSON API) or an HTML error page (for pages), from
//! the same status, title, detail and field errors.
//!
//! A problem body:
//! ```json
//! {"type": "about:blank", "title": "Invalid input", "status": 422,
//!  "detail": "first_language.reading: …",
//!  "errors": [{"field": "first_language.reading", "pointer": "/first_language/reading",
//!              "detail": "…"}]}
//! ```
//! `field` is the dotted path the CLI prints (`work_history[1].noc`), `pointer` the same
//! place as a JSON Pointer (RFC 6901) into the request body or, for a query parameter,
//! absent (`parameter` names it instead).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::Lang;

/// The media type of a problem document.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One field error of a problem: where, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The dotted path of the field (`work_history[1].noc`), or the query parameter's name.
    pub field: String,
    /// The field as a JSON Pointer into the request body; absent for a query parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The query parameter this error is about (absent for a body field).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    /// What is wrong, in the language of the response.
    pub detail: String,
}

impl FieldProblem {
    /// An error about a field of the JSON body at dotted path `field`.
    pub fn body(field: &str, detail: impl Into<String>) -> FieldProblem {
        FieldProblem {
            field: field.to_string(),
            pointer: Some(pointer_of(field)),
            parameter: None,
            detail: detail.into(),
        }
    }

    /// An error about the query parameter `name`.
    pub fn param(name: &str, detail: impl Into<String>) -> FieldProblem {
        FieldProblem {
            field: name.to_string(),
            pointer: None,
            parameter: Some(name.to_string()),
            detail: detail.into(),
        }
    }

    /// An error about the request header `name` (a parameter `in: header` in OpenAPI terms).
    pub fn header(name: &str, detail: impl Into<String>) -> FieldProblem {
        FieldProblem::param(name, detail)
    }
}

/// `work_history[1].noc` → `/work_history/1/noc` (RFC 6901, `~` and `/` escaped); the empty
/// path (the whole body) → the empty pointer.
pub fn pointer_of(field: &str) -> String {
    let mut out = String::new();
    for part in field.split('.').filter(|p| !p.is_empty()) {
        // `a[1][2]` → `a`, `1`, `2`
        let mut rest = part;
        let name_end = rest.find('[').unwrap_or(rest.len());
        let name = &rest[..name_end];
        if !name.is_empty() {
            out.push('/');
            out.push_str(&name.replace('~', "~0").replace('/', "~1"));
        }
        rest = &rest[name_end..];
        while let Some(stripped) = rest.strip_prefix('[') {
            let close = stripped.find(']').unwrap_or(stripped.len());
            out.push('/');
            out.push_str(&stripped[..close]);
            rest = stripped.get(close + 1..).unwrap_or("");
        }
    }
    out
}

/// The RFC 9457 problem document as sent.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status code says what kind of problem this is.
    #[serde(rename = "type")]
    #[schema(example = "about:blank")]
    pub kind: String,
    /// The status code's phrase, in the language of the response.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this case, in the language of the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// One entry per invalid field or parameter (validation errors only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(default = json!([]))]
    pub errors: Vec<FieldProblem>,
}

/// How a [`WebError`] is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Render {
    /// `application/problem+json` (the API).
    Problem,
    /// An HTML page (the site).
    Page,
}

/// An error response of the web app: a status, a localised title, an optional detail and
/// field errors, and extra headers (`Retry-After`, `Allow`). Boxed, so that a `Result`
/// carrying one stays small; its parts are read through `Deref`.
#[derive(Debug, Clone)]
pub struct WebError(Box<WebErrorParts>);

/// The parts of a [`WebError`].
#[derive(Debug, Clone)]
pub struct WebErrorParts {
    pub status: StatusCode,
    pub lang: Lang,
    pub render: Render,
    pub detail: Option<String>,
    pub errors: Vec<FieldProblem>,
    pub retry_after: Option<u64>,
    pub allow: Option<HeaderValue>,
    /// Other headers to send (e.g. `WWW-Authenticate`).
    pub headers: Vec<(axum::http::HeaderName, HeaderValue)>,
}

impl WebError {
    /// A problem (the API's form) with `status`.
    pub fn problem(status: StatusCode, lang: Lang) -> WebError {
        WebError(Box::new(WebErrorParts {
            status,
            lang,
            render: Render::Problem,
            detail: None,
            errors: Vec::new(),
            retry_after: None,
            allow: None,
            headers: Vec::new(),
        }))
    }

    /// An HTML page with `status`.
    pub fn page(status: StatusCode, lang: Lang) -> WebError {
        let mut e = WebError::problem(status, lang);
        e.render = Render::Page;
        e
    }

    /// A 422 with one field error in the body at `field`.
    pub fn invalid_field(lang: Lang, field: &str, message: impl Into<String>) -> WebError {
        WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang)
            .with_errors(vec![FieldProblem::body(field, message)])
    }

    /// A 422 with one error about the query parameter `name`.
    pub fn invalid_param(lang: Lang, name: &str, message: impl Into<String>) -> WebError {
        WebError::problem(StatusCode::UNPROCESSABLE_ENTITY, lang)
            .with_errors(vec![FieldProblem::param(name, message)])
    }

    /// A logged 500; `what` says what failed (never personal data).
    pub fn internal(lang: Lang, what: &str, err: &dyn std::error::Error) -> WebError {
        // The cause too ("database is locked", a constraint's name): the database's message
        // names tables and constraints, not the values stored in them.
        match err.source() {
            Some(cause) => tracing::error!(what, error = %err, %cause, "internal error"),
            None => tracing::error!(what, error = %err, "internal error"),
        }
        WebError::problem(StatusCode::INTERNAL_SERVER_ERROR, lang)
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> WebError {
        self.detail = Some(detail.into());
        self
    }

    /// Set the field errors; without a detail of its own, the first becomes the detail.
    pub fn with_errors(mut self, errors: Vec<FieldProblem>) -> WebError {
        if self.detail.is_none()
            && let Some(first) = errors.first()
        {
            self.detail = Some(if first.field.is_empty() {
                first.detail.clone()
            } else {
                format!("{}: {}", first.field, first.detail)
            });
        }
        self.errors = errors;
        self
    }

    pub fn with_retry_after(mut self, secs: u64) -> WebError {
        self.retry_after = Some(secs);
        self
    }

    pub fn with_header(mut self, name: axum::http::HeaderName, value: HeaderValue) -> WebError {
        self.headers.push((name, value));
        self
    }

    pub fn with_allow(mut self, allow: Option<HeaderValue>) -> WebError {
        self.allow = allow;
        self
    }

    /// The title: the status phrase in the response's language.
    pub fn title(&self) -> String {
        title(self.status, self.lang).to_string()
    }

    /// The problem document.
    pub fn to_problem(&self) -> Problem {
        Problem {
            kind: "about:blank".to_string(),
            title: self.title(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            errors: self.errors.clone(),
        }
    }
}

impl std::ops::Deref for WebError {
    type Target = WebErrorParts;
    fn deref(&self) -> &WebErrorParts {
        &self.0
    }
}

impl std::ops::DerefMut for WebError {
    fn deref_mut(&mut self) -> &mut WebErrorParts {
        &mut self.0
    }
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status.as_u16(), self.title())?;
        if let Some(d) = &self.detail {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for WebError {}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let problem = self.to_problem();
        let title = self.title();
        let this = *self.0;
        let mut response = match this.render {
            Render::Problem => {
                let body = serde_json::to_vec(&problem).unwrap_or_else(|_| {
                    br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
                        .to_vec()
                });
                let mut r = (this.status, body).into_response();
                r.headers_mut()
                    .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
                r.headers_mut().insert(
                    header::CONTENT_LANGUAGE,
                    HeaderValue::from_static(this.lang.code()),
                );
                r
            }
            Render::Page => {
                let mut p = crate::page::Page::public(this.lang, "", "error-title", "");
                p.alt_href = format!("/{}/", this.lang.other().code());
                let heading = title;
                let body = this.detail.clone().unwrap_or_default();
                (this.status, crate::routes::ErrorPage { p, heading, body }).into_response()
            }
        };
        let headers = response.headers_mut();
        if let Some(secs) = this.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(allow) = this.allow {
            headers.insert(header::ALLOW, allow);
        }
        for (name, value) in this.headers {
            headers.insert(name, value);
        }
        response
    }
}

/// The status phrase in `lang` (RFC 9110's phrases in English).
pub fn title(status: StatusCode, lang: Lang) -> &'static str {
    let (en, fr) = match status.as_u16() {
        400 => ("Bad Request", "Requête incorrecte"),
        401 => ("Unauthorized", "Authentification requise"),
        403 => ("Forbidden", "Accès refusé"),
        404 => ("Not Found", "Introuvable"),
        405 => ("Method Not Allowed", "Méthode non autorisée"),
        406 => ("Not Acceptable", "Non acceptable"),
        408 => ("Request Timeout", "Délai de requête dépassé"),
        409 => ("Conflict", "Conflit"),
        413 => ("Content Too Large", "Contenu trop volumineux"),
        414 => ("URI Too Long", "URI trop longue"),
        415 => ("Unsupported Media Type", "Type de média non pris en charge"),
        422 => ("Unprocessable Content", "Contenu invalide"),
        429 => ("Too Many Requests", "Trop de requêtes"),
        500 => ("Internal Server Error", "Erreur interne du serveur"),
        503 => ("Service Unavailable", "Service indisponible"),
        _ => ("Error", "Erreur"),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn pointers_follow_rfc_6901() {
        assert_eq!(pointer_of(""), "");
        assert_eq!(pointer_of("age"), "/age");
        assert_eq!(
            pointer_of("first_language.reading"),
            "/first_language/reading"
        );
        assert_eq!(pointer_of("work_history[1].noc"), "/work_history/1/noc");
        assert_eq!(pointer_of("a[0][2]"), "/a/0/2");
        assert_eq!(pointer_of("a/b~c"), "/a~1b~0c");
    }

    #[test]
    fn a_field_error_is_a_422_problem_whose_detail_names_the_field() {
        let e = WebError::invalid_field(Lang::Fr, "age", "trop grand");
        let p = e.to_problem();
        assert_eq!(p.status, 422);
        assert_eq!(p.title, "Contenu invalide");
        assert_eq!(p.detail.as_deref(), Some("age: trop grand"));
        let r = e.with_retry_after(3).into_response();
        assert_eq!(r.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
        assert_eq!(r.headers()[header::RETRY_AFTER], "3");
    }
}
