//! The inbox's filters (`?status=&topic=&language=&q=&page=&per_page=`), checked into the
//! store's filter; a bad one is a 422 naming it.

use landed_store::{QuestionFilter, QuestionStatus};
use serde::Deserialize;

use super::responses::QuestionStatusName;
use crate::error::WebError;
use crate::form::TOPICS;
use crate::i18n::Lang;
use crate::routes::api::msg;

/// The inbox's filters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only this status.
    #[param(value_type = Option<QuestionStatusName>)]
    pub status: Option<String>,
    /// Only this topic.
    pub topic: Option<String>,
    /// Only this preferred language (`en`, `fr`).
    pub language: Option<String>,
    /// Words in the name, email, topic or message.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// The page, from 1 (list only).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 2147483647)]
    pub page: Option<String>,
    /// Questions a page, 1 to 100 (default 20; list only).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    pub per_page: Option<String>,
}

/// The last page number accepted (the largest 32-bit signed integer, as documented).
const PAGE_MAX: u32 = 2_147_483_647;

fn number_param(
    lang: Lang,
    name: &str,
    v: Option<&str>,
    default: u32,
    max: u32,
) -> Result<u32, WebError> {
    match v {
        None => Ok(default),
        Some(s) => match crate::routes::api::parse_digits::<u32>(s) {
            Some(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(WebError::invalid_param(
                lang,
                name,
                msg(
                    lang,
                    &format!("a whole number from 1 to {max}"),
                    &format!("un nombre entier de 1 à {max}"),
                ),
            )),
        },
    }
}

impl ListParams {
    pub(super) fn filter(&self, lang: Lang) -> Result<QuestionFilter, WebError> {
        let status = match self.status.as_deref() {
            None => None,
            Some(s) => Some(QuestionStatus::parse(s).ok_or_else(|| {
                WebError::invalid_param(
                    lang,
                    "status",
                    msg(
                        lang,
                        "use new, in_progress, answered or closed",
                        "utilisez new, in_progress, answered ou closed",
                    ),
                )
            })?),
        };
        let topic = match self.topic.as_deref() {
            None => None,
            Some(t) if TOPICS.contains(&t) => Some(t.to_string()),
            Some(_) => {
                return Err(WebError::invalid_param(
                    lang,
                    "topic",
                    format!(
                        "{}: {}",
                        msg(lang, "use one of", "utilisez l’un de"),
                        TOPICS.join(", ")
                    ),
                ));
            }
        };
        let language = match self.language.as_deref() {
            None => None,
            Some(l @ ("en" | "fr")) => Some(l.to_string()),
            Some(_) => {
                return Err(WebError::invalid_param(
                    lang,
                    "language",
                    msg(lang, "use en or fr", "utilisez en ou fr"),
                ));
            }
        };
        let text = match self.q.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(q) if q.chars().count() > 200 || q.contains('\0') => {
                return Err(WebError::invalid_param(
                    lang,
                    "q",
                    msg(lang, "at most 200 characters", "au plus 200 caractères"),
                ));
            }
            Some(q) => Some(q.to_string()),
        };
        Ok(QuestionFilter {
            status,
            topic,
            language,
            text,
            page: number_param(lang, "page", self.page.as_deref(), 1, PAGE_MAX)?,
            per_page: number_param(lang, "per_page", self.per_page.as_deref(), 20, 100)?,
        })
    }
}
