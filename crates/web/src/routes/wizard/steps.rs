//! The wizard's steps: the first one, and each form posted (a step's answers merged, an entry
//! added or removed, a NOC searched or picked, back, next, and the rules engine at the end).

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::PROFILE_MAX;
use super::noc::{NocSlot, search_noc};
use super::view::{WizardPage, render};
use crate::form::{read_form, rules_error};
use crate::routes::{Errors, L, see_other};
use crate::security;
use crate::state::AppState;
use crate::wizard::{self as wz, Draft, STEPS};

fn new_draft() -> Draft {
    let mut d = Draft::new();
    for list in ["language_tests", "work_history"] {
        add_with_defaults(&mut d, list);
    }
    d
}

fn add_with_defaults(d: &mut Draft, list: &str) {
    let i = wz::add_entry(d, list);
    let defaults: &[(&str, &str)] = match list {
        // No "authorized" default: it is asked (or answered by the permits listed).
        "work_history" | "spouse.work_history" => &[("country", "CA"), ("kind", "employee")],
        "study_periods" => &[("full_time", "yes"), ("in_canada", "yes")],
        "education" => &[
            ("in_canada", "no"),
            ("eca", "no"),
            ("studied_full_time", "yes"),
        ],
        "spouse.education" => &[("in_canada", "no"), ("eca", "no")],
        _ => &[],
    };
    for (k, v) in defaults {
        d.entry(wz::entry_key(list, i, k))
            .or_insert_with(|| (*v).to_string());
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct StartParams {
    /// A packed profile to edit ("change your answers").
    pub p: Option<String>,
    /// The step to open (`work`, `language` …): "change" links go to the step that holds
    /// the answer.
    pub step: Option<String>,
}

/// `GET /{lang}/assessment[?p=…]`: the first step.
pub async fn start(L(lang): L, Query(q): Query<StartParams>) -> WizardPage {
    let draft =
        q.p.as_deref()
            .and_then(|p| security::unpack(p, PROFILE_MAX))
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .map(|v| wz::from_profile(&v))
            .unwrap_or_else(new_draft);
    let step = q
        .step
        .as_deref()
        .and_then(|t| STEPS.iter().find(|s| **s == t).copied())
        .unwrap_or("about");
    render(lang, step, &draft, Errors::default(), &BTreeMap::new())
}

/// `POST /{lang}/assessment`: one step of the wizard.
pub async fn submit(State(state): State<AppState>, L(lang): L, req: Request) -> Response {
    let form = match read_form(req).await {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut d = wz::decode(form.get("state").map(String::as_str).unwrap_or(""));
    let Some(step) = form
        .get("step")
        .and_then(|s| STEPS.iter().find(|x| **x == s.as_str()).copied())
    else {
        return see_other(&format!("/{}/assessment", lang.code()));
    };
    wz::merge_step(lang, &mut d, step, &form);
    let action = form.get("action").map(String::as_str).unwrap_or("next");
    let mut noc = BTreeMap::new();
    let idx = STEPS.iter().position(|s| *s == step).unwrap_or(0);

    if let Some(list) = action.strip_prefix("add:") {
        let (_, lists) = wz::step_parts(step);
        if lists.iter().any(|l| l.path == list) {
            add_with_defaults(&mut d, list);
        }
        return render(lang, step, &d, Errors::default(), &noc).into_response();
    }
    if let Some(rest) = action.strip_prefix("remove:")
        && let Some((list, i)) = rest.rsplit_once(':')
        && let Ok(i) = i.parse::<usize>()
    {
        let (_, lists) = wz::step_parts(step);
        if lists.iter().any(|l| l.path == list) {
            wz::remove_entry(&mut d, list, i);
        }
        return render(lang, step, &d, Errors::default(), &noc).into_response();
    }
    if let Some(slot) = action.strip_prefix("find_noc:").and_then(NocSlot::parse)
        && slot.exists(&d)
    {
        let title = d.get(&slot.title_key).cloned().unwrap_or_default();
        let mut errors = Errors::default();
        if title.trim().is_empty() {
            errors.add(slot.title_key.clone(), lang.t("wiz-noc-need-title"));
        }
        noc.insert(slot.slot.clone(), search_noc(lang, &title));
        return render(lang, step, &d, errors, &noc).into_response();
    }
    if let Some(rest) = action.strip_prefix("pick_noc:")
        && let Some((slot, code)) = rest.rsplit_once(':')
        && let Some(slot) = NocSlot::parse(slot)
        && slot.exists(&d)
        && code.len() == 5
        && code.chars().all(|c| c.is_ascii_digit())
    {
        d.insert(slot.noc_key, code.to_string());
        return render(lang, step, &d, Errors::default(), &noc).into_response();
    }
    if action == "back" {
        let prev = STEPS[idx.saturating_sub(1)];
        return render(lang, prev, &d, Errors::default(), &noc).into_response();
    }
    // The language switch and the step links keep every answer: the step's answers are
    // merged above, then the page is shown again (in the language of the address posted
    // to) or the chosen step is shown; answers are checked when the person moves on.
    if action == "stay" {
        return render(lang, step, &d, Errors::default(), &noc).into_response();
    }
    if let Some(to) = action
        .strip_prefix("goto:")
        .and_then(|t| STEPS.iter().find(|s| **s == t).copied())
    {
        return render(lang, to, &d, Errors::default(), &noc).into_response();
    }

    // next
    let today = state.today();
    let errors = wz::validate_step(lang, &d, step, today);
    if !errors.is_empty() {
        let page = render(lang, step, &d, errors, &noc);
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    if idx + 1 < STEPS.len() {
        return render(lang, STEPS[idx + 1], &d, Errors::default(), &noc).into_response();
    }
    // The last step: every step again, then the rules engine.
    for s in STEPS {
        let errors = wz::validate_step(lang, &d, s, today);
        if !errors.is_empty() {
            let page = render(lang, s, &d, errors, &noc);
            return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
        }
    }
    let profile = wz::to_profile(&d);
    let text = profile.to_string();
    let checked = landed_rules::profile::parse_profile(&text)
        .and_then(|p| landed_rules::assess::assess(&p, today).map(|_| ()));
    if let Err(e) = checked {
        let path = wz::draft_path(&d, e.field());
        let s = wz::step_of(&path);
        let s = STEPS.iter().find(|x| **x == s).copied().unwrap_or("about");
        let (_, message) = rules_error(lang, &e);
        let mut errors = Errors::default();
        errors.add(path, message);
        let page = render(lang, s, &d, errors, &noc);
        return (StatusCode::UNPROCESSABLE_ENTITY, page).into_response();
    }
    see_other(&format!(
        "/{}/assessment/results?p={}",
        lang.code(),
        security::pack(text.as_bytes())
    ))
}
