//! `GET/POST /staff/profile`: the staff user's own settings, today the time zone every staff
//! page shows times in (an IANA name such as `America/Toronto`, checked against the bundled tz
//! database; empty = UTC).

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{Staff, local_time, staff_page, time_zone};
use crate::form::read_form;
use crate::page::Page;
use crate::routes::{Errors, internal_error, see_other};
use crate::state::AppState;

/// Zones offered first (Canada's), before every other name the tz database knows.
const CANADIAN_ZONES: [&str; 9] = [
    "America/St_Johns",
    "America/Halifax",
    "America/Moncton",
    "America/Toronto",
    "America/Winnipeg",
    "America/Regina",
    "America/Edmonton",
    "America/Vancouver",
    "America/Whitehorse",
];

#[derive(Template, WebTemplate)]
#[template(path = "staff_profile.html")]
pub struct ProfilePage {
    pub p: Page,
    pub email: String,
    /// The value in the field (as typed, on error).
    pub zone: String,
    /// What "now" looks like with the saved zone.
    pub now: String,
    pub zones: Vec<String>,
    pub errors: Errors,
    pub saved: bool,
}

fn page(staff: &Staff, zone: String, errors: Errors, saved: bool) -> ProfilePage {
    let lang = staff.lang;
    let mut zones: Vec<String> = CANADIAN_ZONES.iter().map(|z| z.to_string()).collect();
    let mut others: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.to_string())
        .filter(|n| !CANADIAN_ZONES.contains(&n.as_str()) && n.contains('/'))
        .collect();
    others.sort();
    zones.extend(others);
    zones.push("UTC".to_string());
    ProfilePage {
        p: staff_page(
            lang,
            lang.t("staff-profile-title"),
            "/staff/profile",
            Some(staff.ctx()),
        ),
        email: staff.user.email.clone(),
        now: local_time(lang, &staff.tz(), jiff::Timestamp::now()),
        zone,
        zones,
        errors,
        saved,
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct ProfileParams {
    pub saved: Option<String>,
}

/// `GET /staff/profile`.
pub async fn profile(
    staff: Staff,
    axum::extract::Query(q): axum::extract::Query<ProfileParams>,
) -> ProfilePage {
    let zone = staff.user.time_zone.clone().unwrap_or_default();
    page(&staff, zone, Errors::default(), q.saved.is_some())
}

/// `POST /staff/profile`: save the time zone (empty = UTC).
pub async fn save_profile(State(state): State<AppState>, staff: Staff, req: Request) -> Response {
    let lang = staff.lang;
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !staff.csrf_ok(form.get("csrf")) {
        return (StatusCode::FORBIDDEN, lang.t("staff-csrf")).into_response();
    }
    let typed = form
        .get("time_zone")
        .map(|z| z.trim().to_string())
        .unwrap_or_default();
    let value = if typed.is_empty() {
        None
    } else if time_zone(&typed).is_some() {
        Some(typed.as_str())
    } else {
        let mut errors = Errors::default();
        errors.add(
            "time_zone",
            lang.t1("staff-profile-zone-unknown", "zone", &typed),
        );
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            page(&staff, typed, errors, false),
        )
            .into_response();
    };
    match state
        .store()
        .set_staff_time_zone(staff.user.id, value)
        .await
    {
        Ok(()) => see_other("/staff/profile?saved=1"),
        Err(e) => internal_error(lang, "set time zone", &e),
    }
}
