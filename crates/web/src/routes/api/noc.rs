//! `GET /api/v1/noc/search?q=…` and `GET /api/v1/noc/{code}`.

use axum::extract::{Path, Query};
use axum::http::HeaderMap;
use axum::response::Response;
use landed_rules::RulesError;
use landed_rules::noc::{Noc, SearchLang};
use serde::Serialize;

use super::{header_lang, msg, to_json};
use crate::error::{Problem, WebError};

/// Most NOC hits one search returns.
pub const NOC_LIMIT_MAX: usize = 50;
/// Longest query accepted, in characters.
pub const QUERY_MAX: usize = 200;

/// Search the NOC catalogue; shared by the API and the wizard's type-ahead.
pub fn noc_hits(
    query: &str,
    lang: SearchLang,
    limit: usize,
) -> Result<Vec<landed_rules::noc::SearchHit>, RulesError> {
    let cat = landed_rules::noc::catalogue()?;
    Ok(cat.search(query, lang, limit.clamp(1, NOC_LIMIT_MAX)))
}

/// `q`, `lang`, `limit`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NocParams {
    /// A job title (English or French) or the start of a NOC code.
    #[param(required = true, min_length = 1, max_length = 200)]
    pub q: Option<String>,
    /// Which titles to search: `en`, `fr` or `any` (default).
    #[param(value_type = Option<SearchIn>)]
    pub lang: Option<String>,
    /// How many hits at most, 1 to 50 (default 10).
    #[param(value_type = Option<u8>, minimum = 1, maximum = 50)]
    pub limit: Option<String>,
}

/// The titles searched.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum SearchIn {
    En,
    Fr,
    Any,
}

/// NOC unit groups by job title or code, best first.
#[utoipa::path(
    get,
    path = "/api/v1/noc/search",
    tag = "noc",
    params(NocParams),
    responses(
        (status = 200, description = "The hits, best first", body = super::doc::NocSearchResult),
        (status = 422, description = "A bad parameter, named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn search(
    headers: HeaderMap,
    Query(params): Query<NocParams>,
) -> Result<Response, WebError> {
    let l = header_lang(&headers);
    let q = params.q.unwrap_or_default();
    let q = q.trim();
    if q.is_empty() {
        return Err(WebError::invalid_param(
            l,
            "q",
            msg(
                l,
                "enter a job title or a NOC code",
                "entrez un titre d’emploi ou un code CNP",
            ),
        ));
    }
    if q.chars().count() > QUERY_MAX {
        return Err(WebError::invalid_param(
            l,
            "q",
            msg(l, "at most 200 characters", "au plus 200 caractères"),
        ));
    }
    let lang = match params.lang.as_deref() {
        None | Some("any") => SearchLang::Any,
        Some("en") => SearchLang::En,
        Some("fr") => SearchLang::Fr,
        Some(_) => {
            return Err(WebError::invalid_param(
                l,
                "lang",
                msg(l, "use en, fr or any", "utilisez en, fr ou any"),
            ));
        }
    };
    let limit = match params.limit.as_deref() {
        None => 10,
        Some(s) => match super::parse_digits::<usize>(s) {
            Some(n) if (1..=NOC_LIMIT_MAX).contains(&n) => n,
            _ => {
                return Err(WebError::invalid_param(
                    l,
                    "limit",
                    msg(
                        l,
                        "a whole number from 1 to 50",
                        "un nombre entier de 1 à 50",
                    ),
                ));
            }
        },
    };
    let hits = noc_hits(q, lang, limit).map_err(|e| WebError::internal(l, "NOC catalogue", &e))?;
    #[derive(Serialize)]
    struct Out<'a> {
        query: &'a str,
        hits: Vec<landed_rules::noc::SearchHit>,
    }
    Ok(to_json(&Out { query: q, hits }, l))
}

/// One class of the NOC hierarchy above (or at) a unit group.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NocClass {
    /// `broad_category`, `major_group`, `sub_major_group`, `minor_group` or `unit_group`.
    pub level: String,
    /// 1 to 5 digits.
    pub code: String,
    pub title_en: String,
}

/// A NOC 2021 unit group.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct NocUnitGroup {
    /// Five digits.
    #[schema(pattern = "^[0-9]{5}$", example = "21231")]
    pub code: String,
    /// TEER category 0 to 5 (0 to 3 is skilled work for Express Entry).
    #[schema(minimum = 0, maximum = 5)]
    pub teer: u8,
    pub title_en: String,
    pub title_fr: String,
    /// Statistics Canada's definition (English), when published.
    pub definition_en: Option<String>,
    /// From the broad category down to the unit group.
    pub hierarchy: Vec<NocClass>,
    /// Example job titles.
    pub examples_en: Vec<String>,
    pub examples_fr: Vec<String>,
}

/// One NOC 2021 unit group by its five-digit code.
#[utoipa::path(
    get,
    path = "/api/v1/noc/{code}",
    tag = "noc",
    params(("code" = String, Path, description = "A five-digit NOC 2021 code", pattern = "^[0-9]{5}$", example = "21232")),
    responses(
        (status = 200, description = "The unit group", body = NocUnitGroup),
        (status = 404, description = "No unit group has this code", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not five digits", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn unit_group(
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let l = header_lang(&headers);
    let valid = code.len() == 5 && code.bytes().all(|b| b.is_ascii_digit());
    let noc = match Noc::parse(&code) {
        Ok(n) if valid => n,
        _ => {
            return Err(WebError::invalid_param(
                l,
                "code",
                msg(
                    l,
                    "a NOC code is five digits",
                    "un code CNP a cinq chiffres",
                ),
            ));
        }
    };
    let cat =
        landed_rules::noc::catalogue().map_err(|e| WebError::internal(l, "NOC catalogue", &e))?;
    let Some(ug) = cat.get(noc) else {
        return Err(super::body::not_found(
            l,
            msg(
                l,
                &format!("no NOC 2021 unit group has the code {code}"),
                &format!("aucun groupe de base de la CNP 2021 n’a le code {code}"),
            ),
        ));
    };
    let hierarchy = cat
        .hierarchy(noc)
        .map(|h| {
            h.levels()
                .iter()
                .map(|c| NocClass {
                    level: serde_json::to_value(c.level)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    code: c.code.clone(),
                    title_en: c.title_en.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let out = NocUnitGroup {
        code: ug.code.as_str().to_string(),
        teer: ug.teer.level(),
        title_en: ug.title_en.clone(),
        title_fr: ug.title_fr.clone(),
        definition_en: ug.definition_en.clone(),
        hierarchy,
        examples_en: ug.examples_en.clone(),
        examples_fr: ug.examples_fr.clone(),
    };
    Ok(to_json(&out, l))
}
