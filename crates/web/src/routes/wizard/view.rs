//! A step's page: its view models (fields, lists and their entries) built from the draft.

use crate::i18n::Messages as _;
use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use serde_json::Value;

use super::noc::{NocSlot, NocView, Suggestion};
use crate::i18n::{Arg, Lang};
use crate::page::Page;
use crate::routes::{Errors, field_id};
use crate::wizard::{self as wz, Draft, FieldDef, Kind, ListDef, STEPS};

#[derive(Debug, Clone)]
pub struct OptView {
    pub value: String,
    pub label: String,
    pub selected: bool,
    pub id: String,
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

pub(super) fn render(
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
