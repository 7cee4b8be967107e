//! "Your plan, by date" on the results page: the timeline engine
//! (`landed_rules::planning::timeline`, contract in `docs/contracts/planning.md`) made ready
//! to render — when CEC eligibility starts if not yet, the most urgent deadline, and every
//! dated event of the next five years with its sentence and source.

use crate::i18n::Messages as _;
use landed_rules::assess::Assessment;
use landed_rules::planning::timeline::{Event, EventKind, Timeline, TimelineOptions, timeline};
use landed_rules::profile::Profile;
use landed_rules::programs::Program;
use landed_rules::text::Say;

use crate::i18n::Lang;

/// Events shown before "all events" (the rest are folded).
pub const FIRST: usize = 6;

#[derive(Debug, Clone)]
pub struct EventRow {
    pub date: String,
    pub iso: String,
    pub kind: &'static str,
    pub text: String,
    /// A deadline (permit end, profile expiry, application due) rather than a change.
    pub deadline: bool,
    /// A permit that ends before eligibility starts.
    pub warning: bool,
    pub source_title: String,
    pub source_href: String,
}

#[derive(Debug, Clone)]
pub struct TimelineView {
    /// "From … to …": the horizon.
    pub horizon: String,
    /// When CEC eligibility starts, if it is not met today and starts within the horizon.
    pub when: String,
    /// The first deadline, as one sentence ("" when none).
    pub urgent: String,
    pub first: Vec<EventRow>,
    pub rest: Vec<EventRow>,
}

fn row(lang: Lang, e: &Event) -> EventRow {
    let source = crate::views::words::source_parts(lang, e.source);
    EventRow {
        date: lang.date(e.date),
        iso: e.date.to_string(),
        kind: e.kind.as_str(),
        text: crate::views::words::dates_and_places(lang, &e.detail.text_in(lang)),
        deadline: e.kind.is_deadline(),
        warning: e.warning == Some(true),
        source_title: source.0,
        source_href: source.1,
    }
}

/// The view of a computed timeline; `cec_eligible_now`: the assessment's CEC answer today.
pub fn timeline_view(lang: Lang, t: &Timeline, cec_eligible_now: bool) -> TimelineView {
    let when = if cec_eligible_now {
        String::new()
    } else {
        t.events
            .iter()
            .find(|e| e.kind == EventKind::EligibilityStarts && e.program == Some(Program::Cec))
            .map(|e| lang.t1("tl-when-cec", "date", &lang.date(e.date)))
            .unwrap_or_default()
    };
    let urgent = t
        .most_urgent()
        .map(|e| {
            lang.ta(
                "tl-urgent",
                &[
                    ("date", crate::i18n::Arg::Str(lang.date(e.date))),
                    (
                        "what",
                        crate::i18n::Arg::Str(crate::views::words::dates_and_places(
                            lang,
                            &e.detail.text_in(lang),
                        )),
                    ),
                ],
            )
        })
        .unwrap_or_default();
    let mut rows: Vec<EventRow> = t.events.iter().map(|e| row(lang, e)).collect();
    let rest = if rows.len() > FIRST {
        rows.split_off(FIRST)
    } else {
        Vec::new()
    };
    TimelineView {
        horizon: lang.ta(
            "tl-horizon",
            &[
                ("from", crate::i18n::Arg::Str(lang.date(t.as_of))),
                ("to", crate::i18n::Arg::Str(lang.date(t.until))),
            ],
        ),
        when,
        urgent,
        first: rows,
        rest,
    }
}

/// The results page's timeline: five years from the assessment date, jobs going on as
/// entered. `None` when the timeline cannot be computed (the page says so elsewhere).
pub fn for_assessment(
    lang: Lang,
    profile: &Profile,
    assessment: &Assessment,
    today: jiff::civil::Date,
) -> Option<TimelineView> {
    let t = timeline(profile, today, &TimelineOptions::default()).ok()?;
    let cec_now = assessment.programs.cec.eligible.unwrap_or(false);
    Some(timeline_view(lang, &t, cec_now))
}
