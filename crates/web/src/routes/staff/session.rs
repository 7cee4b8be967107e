//! Who is asking: the [`Staff`] extractor (session cookie → staff user, sliding expiry) and
//! the staff pages' language switch.

use crate::i18n::Messages as _;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use landed_store::{Session, StaffUser, StoreError};

use super::{safe_next, staff_lang};
use crate::form::urlencode;
use crate::i18n::Lang;
use crate::page::StaffCtx;
use crate::routes::{internal_error, see_other};
use crate::security::{self, SESSION_COOKIE, STAFF_LANG_COOKIE as LANG_COOKIE};
use crate::state::AppState;

/// A logged-in staff member (extractor). Anonymous GETs are redirected to the login page;
/// anything else is refused with 403.
pub struct Staff {
    pub user: StaffUser,
    pub session: Session,
    pub lang: Lang,
}

impl Staff {
    pub(super) fn ctx(&self) -> StaffCtx {
        StaffCtx {
            email: self.user.email.clone(),
            csrf: self.session.csrf_token.clone(),
        }
    }

    /// The staff user's time zone (UTC when unset or no longer known).
    pub fn tz(&self) -> jiff::tz::TimeZone {
        self.user
            .time_zone
            .as_deref()
            .and_then(super::time_zone)
            .unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// Format an instant in the staff user's time zone and language.
    pub fn time(&self, at: jiff::Timestamp) -> String {
        super::local_time(self.lang, &self.tz(), at)
    }

    pub(super) fn csrf_ok(&self, sent: Option<&String>) -> bool {
        sent.is_some_and(|s| security::same_secret(s, &self.session.csrf_token))
    }
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let lang = staff_lang(&parts.headers);
        let refuse = |parts: &Parts| -> Response {
            if parts.method == Method::GET || parts.method == Method::HEAD {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/staff");
                see_other(&format!("/staff/login?next={}", urlencode(next)))
            } else {
                (StatusCode::FORBIDDEN, lang.t("staff-forbidden")).into_response()
            }
        };
        let Some(token) = security::cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(refuse(parts));
        };
        let session = match state.store().get_session(token).await {
            Ok(Some(s)) => s,
            Ok(None) => return Err(refuse(parts)),
            Err(e) => return Err(internal_error(lang, "get session", &e)),
        };
        let user = match state.store().get_staff_user(session.staff_id).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => return Err(refuse(parts)),
            Err(e) => return Err(internal_error(lang, "get staff user", &e)),
        };
        let expires = jiff::Timestamp::now()
            .checked_add(jiff::SignedDuration::from_mins(
                state.settings().session_minutes,
            ))
            .unwrap_or(session.expires_at);
        if let Err(e) = state.store().extend_session(token, expires).await {
            tracing::warn!(error = %e, "could not extend a session");
        }
        Ok(Staff {
            user,
            session,
            lang,
        })
    }
}

// --- language switch -----------------------------------------------------------------------

#[derive(Debug, serde::Deserialize)]
pub struct LangParams {
    pub to: Option<String>,
    pub next: Option<String>,
}

/// `GET /staff/lang?to=fr&next=/staff/…`: remember the staff pages' language.
pub async fn switch_lang(Query(q): Query<LangParams>) -> Response {
    let lang = q.to.as_deref().and_then(Lang::parse).unwrap_or_default();
    let next = safe_next(q.next.as_deref());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/staff; SameSite=Lax; Max-Age=31536000",
        lang.code()
    );
    let mut res = see_other(&next);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}
