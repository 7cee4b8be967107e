//! The assessment wizard (`/{lang}/assessment`), its results page and the NOC type-ahead.
//!
//! Works without JavaScript: each step is a server-rendered form whose buttons are named
//! `action` (`next`, `back`, `add:LIST`, `remove:LIST:I`, `find_noc:SLOT`, `pick_noc:SLOT:CODE`;
//! a NOC slot is `I` for the candidate's job I, `spouse.work_history:I`, `job_offer` or
//! `certificate_of_qualification`, see [`NocSlot`]).
//! The draft travels in a hidden `state` field (see [`crate::wizard`]). With JavaScript,
//! htmx adds entries in place and the job title field suggests NOC codes as you type.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use landed_rules::noc::SearchLang;
use serde_json::Value;

use super::{Errors, L, field_id, see_other};
use crate::form::{read_form, rules_error};
use crate::i18n::{Arg, Lang};
use crate::page::Page;
use crate::security;
use crate::state::AppState;
use crate::views::ResultsView;
use crate::wizard::{self as wz, Draft, FieldDef, Kind, ListDef, STEPS};

/// Largest profile accepted in a results URL (inflated bytes).
pub const PROFILE_MAX: usize = 64 * 1024;

// --- view models ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct OptView {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub id: String,
}

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

#[derive(Debug, Clone)]
pub struct FieldView {
    pub name: String,
    pub id: String,
    pub label: String,
    pub hint: String,
    /// text, date, number, select, radio, noc, country
    pub kind: &'static str,
    pub value: String,
    pub options: Vec<OptView>,
    pub error: String,
    pub optional: bool,
    pub noc: Option<NocView>,
    /// A sub-heading shown before the field (starts a group of questions).
    pub heading: String,
    pub heading_intro: String,
    /// Asked only for a credential earned in Canada (CSS hides it when "no" is checked).
    pub only_in_canada: bool,
}

impl FieldView {
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.id));
        }
        if !self.error.is_empty() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

#[derive(Debug, Clone)]
pub struct EntryView {
    pub legend: String,
    pub remove_action: String,
    pub remove_label: String,
    pub fields: Vec<FieldView>,
}

#[derive(Debug, Clone)]
pub struct ListView {
    pub path: String,
    pub id: String,
    pub heading: String,
    pub intro: String,
    pub count: usize,
    pub entries: Vec<EntryView>,
    pub add_action: String,
    pub add_label: String,
    pub empty: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "wizard.html")]
pub struct WizardPage {
    pub p: Page,
    pub step: &'static str,
    pub step_no: usize,
    pub steps: Vec<(&'static str, String, bool)>,
    pub heading: String,
    pub intro: String,
    pub state: String,
    pub fields: Vec<FieldView>,
    pub lists: Vec<ListView>,
    pub errors: Errors,
    pub note: String,
    /// On the study step: the periods already counted from Canadian credentials.
    pub counted_study: Vec<String>,
    pub first: bool,
    pub last: bool,
}

fn option_prefix(allowed: &'static [&'static str]) -> &'static str {
    match allowed.first().copied() {
        Some("single") => "marital",
        Some("ielts_general") => "test",
        Some("less_than_secondary") => "edu",
        Some("employee") => "jobkind",
        Some("AB") => "prov",
        Some("english") => "lang",
        Some("pgwp") => "permit",
        _ => "opt",
    }
}

fn label_key(stem: &str, key: &str) -> String {
    format!("{stem}-{}", key.replace('.', "-"))
}

fn field_view(
    lang: Lang,
    d: &Draft,
    errors: &Errors,
    fd: &FieldDef,
    name: String,
    stem: &str,
) -> FieldView {
    let id = field_id(&name);
    let lk = label_key(stem, fd.key);
    let hint_key = format!("{lk}-hint");
    let value = d.get(&name).cloned().unwrap_or_default();
    let (kind, options) = match fd.kind {
        Kind::Text => ("text", vec![]),
        Kind::Date => ("date", vec![]),
        Kind::Number => ("number", vec![]),
        Kind::Noc => ("noc", vec![]),
        Kind::Country => ("country", vec![]),
        Kind::Choice(allowed) => {
            let prefix = option_prefix(allowed);
            let mut opts = vec![OptView {
                value: String::new(),
                label: if fd.required {
                    lang.t("choose")
                } else {
                    lang.t("wiz-not-sure")
                },
                selected: value.is_empty(),
                id: String::new(),
            }];
            opts.extend(allowed.iter().map(|v| OptView {
                value: (*v).to_string(),
                label: lang.t(&format!("{prefix}-{v}")),
                selected: value == *v,
                id: String::new(),
            }));
            ("select", opts)
        }
        Kind::YesNo => (
            "radio",
            [("yes", "yes"), ("no", "no")]
                .iter()
                .enumerate()
                .map(|(i, (v, k))| OptView {
                    value: (*v).to_string(),
                    label: lang.t(k),
                    selected: value == *v,
                    id: if i == 0 {
                        id.clone()
                    } else {
                        format!("{id}-{v}")
                    },
                })
                .collect(),
        ),
    };
    FieldView {
        label: lang.t(&lk),
        hint: if lang.has(&hint_key) {
            lang.t(&hint_key)
        } else {
            String::new()
        },
        kind,
        error: errors.msg(&name).to_string(),
        optional: !fd.required,
        options,
        value,
        noc: None,
        heading: String::new(),
        heading_intro: String::new(),
        only_in_canada: false,
        id,
        name,
    }
}

fn list_view(
    lang: Lang,
    d: &Draft,
    errors: &Errors,
    l: &ListDef,
    noc: &BTreeMap<String, Vec<Suggestion>>,
) -> ListView {
    let n = wz::count(d, l.path);
    let list_key = l.path.replace('.', "-");
    let entries = (0..n)
        .map(|i| {
            let mut fields: Vec<FieldView> = l
                .fields
                .iter()
                .map(|fd| {
                    let mut f = field_view(
                        lang,
                        d,
                        errors,
                        fd,
                        wz::entry_key(l.path, i, fd.key),
                        l.stem,
                    );
                    f.only_in_canada = wz::only_in_canada(fd.key);
                    // Required when shown; the label says when ("If earned in Canada: …").
                    f.optional &= !f.only_in_canada;
                    f
                })
                .collect();
            let slot = if l.path == "work_history" {
                i.to_string()
            } else {
                format!("{}:{i}", l.path)
            };
            if let Some(slot) = NocSlot::parse(&slot)
                && let Some(title) = fields.iter_mut().find(|f| f.name == slot.title_key)
            {
                title.noc = Some(slot.view(noc));
            }
            EntryView {
                legend: lang.t1(&format!("wiz-{list_key}-legend"), "n", &(i + 1).to_string()),
                remove_action: format!("remove:{}:{i}", l.path),
                remove_label: lang.t1(&format!("wiz-{list_key}-remove"), "n", &(i + 1).to_string()),
                fields,
            }
        })
        .collect();
    ListView {
        path: l.path.to_string(),
        id: format!("list-{list_key}"),
        heading: lang.t(&format!("wiz-{list_key}-heading")),
        intro: lang.t(&format!("wiz-{list_key}-intro")),
        count: n,
        entries,
        add_action: format!("add:{}", l.path),
        add_label: lang.t(&format!("wiz-{list_key}-add")),
        empty: lang.t(&format!("wiz-{list_key}-empty")),
    }
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

    fn view(&self, noc: &BTreeMap<String, Vec<Suggestion>>) -> NocView {
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
    fn exists(&self, d: &Draft) -> bool {
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

fn render(
    lang: Lang,
    step: &'static str,
    d: &Draft,
    errors: Errors,
    noc: &BTreeMap<String, Vec<Suggestion>>,
) -> WizardPage {
    let errors = wz::name_fields(lang, errors);
    let (fields, lists) = wz::step_parts(step);
    let partner = wz::has_partner(d);
    let step_no = STEPS.iter().position(|s| *s == step).unwrap_or(0);
    let mut field_views: Vec<FieldView> = fields
        .iter()
        .filter(|fd| partner || !fd.key.starts_with("spouse."))
        .map(|fd| field_view(lang, d, &errors, fd, fd.key.to_string(), "wiz-f"))
        .collect();
    // Order on the family step: the relatives questions last (after the spouse's).
    if step == "family" {
        field_views
            .sort_by_key(|f| matches!(f.name.as_str(), "sibling_in_canada" | "relative_in_canada"));
    }
    for f in &mut field_views {
        if let Some((group, _)) = f.name.split_once('.')
            && let Some(slot) = NocSlot::parse(group)
            && f.name == slot.title_key
        {
            f.noc = Some(slot.view(noc));
        }
        let heading = match f.name.as_str() {
            "job_offer.title" => "wiz-offer-heading",
            "certificate_of_qualification.title" => "wiz-coq-heading",
            "settlement_funds_cad" => "wiz-funds-heading",
            _ => "",
        };
        if !heading.is_empty() {
            f.heading = lang.t(heading);
            f.heading_intro = lang.t(&format!("{heading}-intro"));
        }
    }
    let list_views = lists
        .iter()
        .filter(|l| partner || !l.path.starts_with("spouse."))
        .map(|l| list_view(lang, d, &errors, l, noc))
        .collect();
    let mut p = Page::public(lang, "assessment", "wiz-title", "assessment");
    // The language switch posts this form to the other language (issue 12: no answer lost).
    p.alt_form = Some("wizard");
    p.title = format!(
        "{} – {}",
        lang.t(&format!("wiz-step-{step}")),
        lang.t("wiz-title")
    );
    WizardPage {
        p,
        step,
        step_no: step_no + 1,
        steps: STEPS
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, lang.t(&format!("wiz-step-{s}")), i < step_no))
            .collect(),
        heading: lang.t(&format!("wiz-step-{step}")),
        intro: lang.t(&format!("wiz-step-{step}-intro")),
        state: wz::encode(d),
        fields: field_views,
        lists: list_views,
        note: if step == "family" && !partner {
            lang.t("wiz-family-no-partner")
        } else {
            String::new()
        },
        counted_study: if step == "study" {
            counted_study(lang, d)
        } else {
            Vec::new()
        },
        errors,
        first: step_no == 0,
        last: step_no + 1 == STEPS.len(),
    }
}

/// "Bachelor's degree (or higher): September 1, 2019 to April 30, 2023, full time" for each
/// Canadian credential's program, so the study step does not ask for it again.
fn counted_study(lang: Lang, d: &Draft) -> Vec<String> {
    wz::credential_study(d)
        .into_iter()
        .map(|(i, period)| {
            let level = d
                .get(&wz::entry_key("education", i, "level"))
                .map(|v| lang.t(&format!("edu-{v}")))
                .unwrap_or_default();
            let date = |k: &str| lang.date_str(period[k].as_str().unwrap_or_default());
            let key = if period["full_time"] == Value::Bool(true) {
                "wiz-study-counted-full-time"
            } else {
                "wiz-study-counted-part-time"
            };
            lang.ta(
                key,
                &[
                    ("level", Arg::Str(level)),
                    ("start", Arg::Str(date("start"))),
                    ("end", Arg::Str(date("end"))),
                ],
            )
        })
        .collect()
}

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

fn search_noc(lang: Lang, title: &str) -> Vec<Suggestion> {
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

// --- results -------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "results.html")]
pub struct ResultsPage {
    pub p: Page,
    pub r: ResultsView,
    /// "Your plan, by date" (`None` when the timeline cannot be computed).
    pub timeline: Option<crate::views::timeline::TimelineView>,
    pub share_url: String,
    pub edit_href: String,
    pub ask_href: String,
}

impl ResultsPage {
    /// The one-sentence CEC verdict.
    pub fn headline(&self) -> String {
        self.p
            .lang
            .t(&format!("res-headline-{}", self.r.cec_verdict()))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "results_invalid.html")]
pub struct ResultsInvalid {
    pub p: Page,
    pub message: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct ResultsParams {
    pub p: Option<String>,
    /// The what-if section's target score (`&target=N`).
    pub target: Option<String>,
}

/// `GET /{lang}/assessment/results?p=…`: the bookmarkable results page.
pub async fn results(
    State(state): State<AppState>,
    L(lang): L,
    Query(q): Query<ResultsParams>,
) -> Response {
    let packed = q.p.unwrap_or_default();
    let invalid = |message: String| {
        let p = Page::public(lang, "assessment", "res-title", "assessment");
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            ResultsInvalid { p, message },
        )
            .into_response()
    };
    let Some(text) = security::unpack(&packed, PROFILE_MAX).and_then(|b| String::from_utf8(b).ok())
    else {
        return invalid(lang.t("res-invalid-link"));
    };
    let today = state.today();
    // One parse and one assessment for every section of the page.
    let (profile, assessment) = match crate::views::assess_profile(lang, &text, today) {
        Ok(pa) => pa,
        Err(message) => return invalid(message),
    };
    let mut view = crate::views::assessment_view(lang, &assessment);
    view.whatif = crate::views::whatif::whatif_view(
        lang,
        &profile,
        &assessment,
        q.target.as_deref(),
        &packed,
    );
    let timeline = crate::views::timeline::for_assessment(lang, &profile, &assessment, today);
    // The attachment keeps the assessment date, so staff see the same result.
    let mut fixed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    if let Some(obj) = fixed.as_object_mut() {
        obj.entry("as_of")
            .or_insert_with(|| Value::String(today.to_string()));
    }
    // The configured public address, never the request's Host header.
    let base = state.settings().public_base();
    let target_q = q
        .target
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
        .map_or(String::new(), |t| format!("&target={t}"));
    let rest = format!("assessment/results?p={packed}{target_q}");
    let mut p = Page::public(lang, "assessment", "res-title", &rest);
    p.alt_href = format!("/{}/{rest}", lang.other().code());
    ResultsPage {
        share_url: format!("{base}/{}/{rest}", lang.code()),
        edit_href: format!("/{}/assessment?p={packed}", lang.code()),
        ask_href: format!(
            "/{}/questions/new?assessment={}",
            lang.code(),
            security::pack(fixed.to_string().as_bytes())
        ),
        p,
        r: view,
        timeline,
    }
    .into_response()
}

// --- NOC type-ahead ------------------------------------------------------------------------

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
