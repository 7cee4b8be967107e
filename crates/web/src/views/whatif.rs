//! "How to raise your score" on the results page: the what-if engine
//! (`landed_rules::planning::whatif`) made ready to render — the best change
//! of each field by gain, every option behind a disclosure, and the smallest
//! plan for a target the person types in (a GET form: no JavaScript needed).

use crate::i18n::Messages as _;
use landed_rules::assess::Assessment;
use landed_rules::planning::whatif::{Field, Target, WhatIf, whatif};
use landed_rules::profile::Profile;
use landed_rules::text::in_language;

use crate::i18n::Lang;

/// How many options are shown before "all options".
pub const TOP: usize = 6;

#[derive(Debug, Clone)]
pub struct OptionRow {
    pub gain: String,
    pub crs: String,
    pub field: String,
    pub detail: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct PlanView {
    pub changes: Vec<String>,
    pub crs: String,
    pub detail: String,
}

#[derive(Debug, Clone)]
pub struct WhatIfView {
    pub crs: String,
    /// The best option of each field, by gain.
    pub top: Vec<OptionRow>,
    /// Every option.
    pub all: Vec<OptionRow>,
    /// The target as typed back into the form ("" when none).
    pub target: String,
    pub target_basis: String,
    pub target_error: String,
    pub plan: Option<PlanView>,
    pub plan_note: String,
    /// The form: where it goes and the packed profile it carries.
    pub action: String,
    pub packed: String,
}

impl WhatIfView {
    pub fn has_target(&self) -> bool {
        !self.target.is_empty() && self.target_error.is_empty()
    }
}

fn row(lang: Lang, o: &landed_rules::planning::whatif::WhatIfOption) -> OptionRow {
    OptionRow {
        gain: format!("+{}", lang.int(i64::from(o.gain))),
        crs: lang.int(i64::from(o.crs)),
        field: o.field.path().to_string(),
        detail: crate::views::words::dates_and_places(lang, &o.detail.to_string()),
        source: o.source.to_string(),
    }
}

/// The section for an assessed profile, or `None` when there is no CRS
/// (no valid language test). `target`: the form's text, parsed here; a bad
/// one is shown next to the field and the rest still renders.
pub fn whatif_view(
    lang: Lang,
    profile: &Profile,
    assessment: &Assessment,
    target: Option<&str>,
    packed: &str,
) -> Option<WhatIfView> {
    assessment.crs_answers.as_ref()?;
    let typed = target.map(str::trim).filter(|t| !t.is_empty());
    let (parsed, target_error) = match typed.map(Target::parse) {
        None => (None, String::new()),
        Some(Ok(t)) => (Some(t), String::new()),
        Some(Err(_)) => (None, lang.t("whatif-target-error")),
    };
    let w: WhatIf = whatif(
        profile,
        assessment,
        parsed,
        landed_rules::planning::whatif::DefaultTarget::from_assessment(assessment).as_ref(),
    )
    .ok()?;
    in_language(lang, || {
        let all: Vec<OptionRow> = w.options.iter().map(|o| row(lang, o)).collect();
        let mut seen: Vec<Field> = Vec::new();
        let mut top = Vec::new();
        for o in &w.options {
            if !seen.contains(&o.field) {
                seen.push(o.field);
                top.push(row(lang, o));
            }
            if top.len() == TOP {
                break;
            }
        }
        Some(WhatIfView {
            crs: lang.int(i64::from(w.crs)),
            top,
            all,
            target: typed.unwrap_or_default().chars().take(12).collect(),
            target_basis: w
                .target_basis
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            target_error,
            plan: w.plan.as_ref().map(|p| PlanView {
                changes: p
                    .changes
                    .iter()
                    .map(|c| crate::views::words::dates_and_places(lang, &c.detail.to_string()))
                    .collect(),
                crs: lang.int(i64::from(p.crs)),
                detail: crate::views::words::dates_and_places(lang, &p.detail.to_string()),
            }),
            plan_note: w
                .plan_note
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            action: format!("/{}/assessment/results#whatif-h", lang.code()),
            packed: packed.to_string(),
        })
    })
}
