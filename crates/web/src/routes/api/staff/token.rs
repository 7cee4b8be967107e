//! The bearer token: the [`TokenStaff`] extractor, and a 401 with `WWW-Authenticate` when
//! the token is missing, malformed, unknown or revoked.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use landed_store::{StaffUser, TokenScope};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::routes::api::{header_lang, msg};
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
    pub(super) fn may_change(&self) -> Result<(), WebError> {
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
