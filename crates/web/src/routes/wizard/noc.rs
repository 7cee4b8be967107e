//! NOC codes found from a job title: the slots a search fills, the search itself and the
//! type-ahead's HTML fragment.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_rules::noc::SearchLang;

use crate::i18n::Lang;
use crate::page::Page;
use crate::routes::{L, field_id};
use crate::wizard::{self as wz, Draft};

#[derive(Debug, Clone)]
pub struct Suggestion {
    pub code: String,
    pub teer: String,
    pub title: String,
    pub matched: String,
}

#[derive(Debug, Clone)]
pub struct NocView {
    /// The slot, as written in actions and in the type-ahead's `i` parameter.
    pub slot: String,
    pub noc_id: String,
    pub results_id: String,
    pub status_id: String,
    pub searched: bool,
    pub suggestions: Vec<Suggestion>,
}

/// Where a NOC search belongs: a job title field and the NOC field it fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NocSlot {
    pub slot: String,
    pub title_key: String,
    pub noc_key: String,
    /// Suffix of the results/status element ids (`noc-results-{suffix}`).
    pub suffix: String,
}

impl NocSlot {
    /// Read a slot (`3`, `spouse.work_history:3`, `job_offer`, `certificate_of_qualification`).
    pub fn parse(slot: &str) -> Option<Self> {
        let list_entry = |list: &str, i: &str, prefix: &str| {
            let i = i.parse::<usize>().ok().filter(|i| *i < wz::MAX_ENTRIES)?;
            Some(NocSlot {
                slot: slot.to_string(),
                title_key: wz::entry_key(list, i, "title"),
                noc_key: wz::entry_key(list, i, "noc"),
                suffix: format!("{prefix}{i}"),
            })
        };
        match slot.split_once(':') {
            None if slot.chars().all(|c| c.is_ascii_digit()) => {
                list_entry("work_history", slot, "")
            }
            Some(("spouse.work_history", i)) => list_entry("spouse.work_history", i, "spouse-"),
            None => wz::GROUPS
                .iter()
                .find(|(g, _)| *g == slot)
                .map(|(g, _)| NocSlot {
                    slot: slot.to_string(),
                    title_key: format!("{g}.title"),
                    noc_key: format!("{g}.noc"),
                    suffix: g.replace('_', "-"),
                }),
            _ => None,
        }
    }

    pub(super) fn view(&self, noc: &BTreeMap<String, Vec<Suggestion>>) -> NocView {
        NocView {
            slot: self.slot.clone(),
            noc_id: field_id(&self.noc_key),
            results_id: format!("noc-results-{}", self.suffix),
            status_id: format!("noc-status-{}", self.suffix),
            searched: noc.contains_key(&self.slot),
            suggestions: noc.get(&self.slot).cloned().unwrap_or_default(),
        }
    }

    /// Whether the slot's list entry exists in the draft (top-level slots always do).
    pub(super) fn exists(&self, d: &Draft) -> bool {
        match self.slot.split_once(':') {
            Some((list, i)) => i.parse::<usize>().is_ok_and(|i| i < wz::count(d, list)),
            None if self.slot.chars().all(|c| c.is_ascii_digit()) => self
                .slot
                .parse::<usize>()
                .is_ok_and(|i| i < wz::count(d, "work_history")),
            None => true,
        }
    }
}

pub(super) fn search_noc(lang: Lang, title: &str) -> Vec<Suggestion> {
    let search_lang = match lang {
        Lang::En => SearchLang::En,
        Lang::Fr => SearchLang::Fr,
    };
    // The catalogue directly (not through the API route module): six suggestions.
    let search = |l: SearchLang| {
        landed_rules::noc::catalogue()
            .map(|cat| cat.search(title, l, 6))
            .unwrap_or_default()
    };
    let mut hits = search(search_lang);
    if hits.is_empty() {
        hits = search(SearchLang::Any);
    }
    hits.into_iter()
        .map(|h| Suggestion {
            code: h.code.as_str().to_string(),
            teer: h.teer.level().to_string(),
            title: h.title,
            matched: h.matched_title.unwrap_or_default(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "_noc_suggestions.html")]
pub struct NocFragment {
    pub p: Page,
    pub n: NocView,
}

/// `GET /{lang}/noc/suggest?i=SLOT&work_history[N].title=…`: suggestions as an HTML fragment.
pub async fn noc_suggest(L(lang): L, Query(q): Query<BTreeMap<String, String>>) -> Response {
    let slot = q
        .get("i")
        .and_then(|i| NocSlot::parse(i))
        .or_else(|| NocSlot::parse("0"));
    let Some(slot) = slot else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let title = q
        .iter()
        .find(|(k, _)| k.ends_with(".title") || k.as_str() == "q")
        .map(|(_, v)| v.chars().take(100).collect::<String>())
        .unwrap_or_default();
    let searched = title.trim().chars().count() >= 2;
    let mut noc = BTreeMap::new();
    if searched {
        noc.insert(slot.slot.clone(), search_noc(lang, &title));
    }
    NocFragment {
        p: Page::public(lang, "assessment", "wiz-title", "assessment"),
        n: slot.view(&noc),
    }
    .into_response()
}
