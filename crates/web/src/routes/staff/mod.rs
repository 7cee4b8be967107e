//! The staff inbox: login/logout, list with filters, search and paging, detail with notes
//! and status changes, CSV export.
//!
//! Sessions live in the database (store crate); the cookie holds only the session token
//! (HttpOnly, SameSite=Lax, Secure when configured or when a proxy says HTTPS). Every staff
//! form carries the session's synchronizer CSRF token, on top of the Origin check that runs
//! on every unsafe request. The login form (no session yet) uses a signed form token.
//!
//! One module per page: [`session`] (the [`Staff`] extractor, the language switch), [`login`]
//! (login, logout), [`profile`] (the staff user's time zone), [`inbox`] (the list), [`detail`]
//! (one question: the applicant's answers, notes, status, replies), [`export`] (CSV).
//!
//! Times on staff pages are in the staff user's time zone (`/staff/profile`; UTC until set).

use crate::i18n::Messages as _;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_store::QuestionStatus;

use crate::form::{TOPICS, urlencode};
use crate::i18n::Lang;
use crate::page::{Page, StaffCtx};

pub mod answers;
pub mod detail;
pub mod export;
pub mod inbox;
pub mod login;
pub mod profile;
pub mod session;

pub use detail::{add_note, add_reply, change_status, detail};
pub use export::{csv_cell, export_csv};
pub use inbox::inbox;
pub use login::{FAILURE_WINDOW_MINUTES, login, login_form, logout};
pub use profile::{profile, save_profile};
pub use session::{Staff, switch_lang};

pub use crate::question::NOTE_MAX;

pub use crate::security::staff_lang;

/// The time zone of an IANA name from the bundled tz database, if it is one.
pub fn time_zone(name: &str) -> Option<jiff::tz::TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > landed_store::limits::TIME_ZONE {
        return None;
    }
    jiff::tz::db().get(name).ok()
}

/// An instant as a staff member reads it: the date in words, the time, and the zone's
/// abbreviation (`December 6, 2026, 09:14 EST` / `6 décembre 2026, 09 h 14 EST`).
pub fn local_time(lang: Lang, tz: &jiff::tz::TimeZone, at: jiff::Timestamp) -> String {
    let z = at.to_zoned_datetime(tz.clone());
    let date = lang.date(z.date());
    let abbr = z.strftime("%Z").to_string();
    match lang {
        Lang::En => format!("{date}, {:02}:{:02} {abbr}", z.hour(), z.minute()),
        Lang::Fr => format!("{date}, {:02} h {:02} {abbr}", z.hour(), z.minute()),
    }
}

fn staff_page(lang: Lang, title: String, path_and_query: &str, staff: Option<StaffCtx>) -> Page {
    Page {
        lang,
        title,
        alt_href: format!(
            "/staff/lang?to={}&next={}",
            lang.other().code(),
            urlencode(path_and_query)
        ),
        section: "staff",
        staff,
        alt_form: None,
    }
}

/// A safe local redirect target inside the staff area.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with("/staff") && !n.starts_with("//") && !n.contains('\\') => {
            n.to_string()
        }
        _ => "/staff".to_string(),
    }
}

pub fn status_label(lang: Lang, s: QuestionStatus) -> String {
    lang.t(&format!("status-{}", s.as_str()))
}

fn topic_label(lang: Lang, t: &str) -> String {
    if TOPICS.contains(&t) {
        lang.t(&format!("topic-{t}"))
    } else {
        t.to_string()
    }
}

fn staff_not_found(lang: Lang, staff: &Staff) -> Response {
    let p = staff_page(lang, lang.t("not-found-title"), "/staff", Some(staff.ctx()));
    (
        StatusCode::NOT_FOUND,
        super::ErrorPage {
            heading: lang.t("not-found-title"),
            body: lang.t("staff-not-found"),
            p,
        },
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_is_kept_inside_staff() {
        assert_eq!(safe_next(Some("/staff/questions/3")), "/staff/questions/3");
        assert_eq!(safe_next(Some("//evil.example")), "/staff");
        assert_eq!(safe_next(Some("https://evil.example")), "/staff");
        assert_eq!(safe_next(None), "/staff");
    }
}
