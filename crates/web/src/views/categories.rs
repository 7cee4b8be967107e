//! Category-based selection in force on the assessment date: each category's status and
//! the requirements that decide it.

use crate::i18n::Messages as _;
use landed_rules::programs::CategorySelection;

use super::words::{eligible_status, label, source_parts, status_str, text};
use crate::i18n::Lang;

/// One reason for a category's status: a requirement's title and the engine's sentence.
#[derive(Debug, Clone)]
pub struct CategoryReason {
    pub title: String,
    pub status: String,
    pub detail: String,
}

/// One category of category-based selection.
#[derive(Debug, Clone)]
pub struct CategoryView {
    pub slug: String,
    pub title: String,
    /// The title is the engine's English text (no translation matches it).
    /// `met`, `not_met` or `unknown`.
    pub status: String,
    pub status_label: String,
    pub reasons: Vec<CategoryReason>,
    pub list_verified: bool,
    pub list_complete: bool,
    /// The engine's notes on the list and the category (English).
    pub notes: Vec<String>,
}

/// Category-based selection in force on the assessment date.
#[derive(Debug, Clone, Default)]
pub struct CategoriesView {
    /// The first day the categories shown are in force (formatted), empty when none.
    pub rules_from: String,
    /// The engine's experience rule (English).
    pub experience_rule: String,
    pub source_title: String,
    pub source_href: String,
    pub items: Vec<CategoryView>,
    /// The engine's general notes (English).
    pub notes: Vec<String>,
}

impl CategoriesView {
    /// The categories the person is eligible for or could be: one card each.
    pub fn open(&self) -> Vec<&CategoryView> {
        self.items
            .iter()
            .filter(|c| c.status != "not_met")
            .collect()
    }

    /// The categories the person is not eligible for: one line, the cards folded (issue 12).
    pub fn closed(&self) -> Vec<&CategoryView> {
        self.items
            .iter()
            .filter(|c| c.status == "not_met")
            .collect()
    }

    /// How many there are, as text.
    pub fn closed_count(&self) -> String {
        self.closed().len().to_string()
    }

    /// Their names, in one line.
    pub fn closed_names(&self) -> String {
        self.closed()
            .iter()
            .map(|c| c.title.as_str())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Build the view of category-based selection (`categories`).
pub fn categories_view(lang: Lang, c: &CategorySelection) -> CategoriesView {
    let items = c
        .results
        .iter()
        .map(|r| {
            let status = eligible_status(&r.result);
            // The reasons: the requirements that decide the status (every one but the common
            // "eligible for a program" one when the category is met).
            let reasons = r
                .result
                .requirements
                .iter()
                .filter(|q| match status {
                    "met" => !q.id.ends_with(".program"),
                    _ => status_str(q.status) == status,
                })
                .map(|q| {
                    let what = q.id.rsplit('.').next().unwrap_or(&q.id).to_string();
                    CategoryReason {
                        title: label(lang, &format!("cat-req-{what}"), &what),
                        status: status_str(q.status).to_string(),
                        detail: text(lang, &q.detail),
                    }
                })
                .collect();
            let mut notes: Vec<String> = Vec::new();
            if let Some(n) = &r.list_note {
                let list_note = text(lang, n);
                if !list_note.is_empty() {
                    notes.push(list_note);
                }
            }
            notes.extend(r.result.notes.iter().map(|n| text(lang, n)));
            CategoryView {
                slug: r.slug.to_string(),
                // The engine writes the title in the page's language.
                title: text(lang, &r.title),
                status: status.to_string(),
                status_label: lang.t(match status {
                    "met" => "res-verdict-eligible",
                    "not_met" => "res-verdict-not_eligible",
                    _ => "res-verdict-unknown",
                }),
                reasons,
                list_verified: r.list_verified,
                list_complete: r.list_complete,
                notes,
            }
        })
        .collect();
    let (source_title, source_href) = source_parts(lang, c.source);
    CategoriesView {
        rules_from: c.rules_from.map(|d| lang.date(d)).unwrap_or_default(),
        experience_rule: c
            .experience_rule
            .as_ref()
            .map(|t| text(lang, t))
            .unwrap_or_default(),
        source_title,
        source_href,
        items,
        notes: c.notes.iter().map(|n| text(lang, n)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use landed_rules::assess::{ProgramResult, Requirement, Status};
    use landed_rules::dated::Source;
    use landed_rules::programs::CategoryResult;
    use landed_rules::text::Text;

    use super::*;

    fn req(id: &'static str, status: Status, detail: &'static str) -> Requirement {
        Requirement {
            id: Cow::Borrowed(id),
            status,
            detail: Text::from(detail),
            source: None,
        }
    }

    fn category(
        slug: &'static str,
        title: &'static str,
        eligible: Option<bool>,
        verified: bool,
        complete: bool,
        requirements: Vec<Requirement>,
    ) -> CategoryResult {
        CategoryResult {
            slug,
            title: Text::from(title),
            list_verified: verified,
            list_complete: complete,
            confidence: "C1",
            list_note: None,
            result: ProgramResult {
                eligible,
                requirements,
                notes: Vec::new(),
                grid: None,
            },
        }
    }

    static SOURCE: Source = Source {
        title: Cow::Borrowed("Category-based selection"),
        href: Cow::Borrowed("https://www.canada.ca/c"),
        confidence: None,
        note: None,
    };

    #[test]
    fn categories_show_the_engine_titles_and_translated_requirement_names() {
        let mut health = category(
            "healthcare",
            "Healthcare occupations",
            None,
            false,
            false,
            vec![
                req(
                    "categories.healthcare.program",
                    Status::Unknown,
                    "not yet known for FSW",
                ),
                req(
                    "categories.healthcare.work_experience",
                    Status::NotMet,
                    "no work",
                ),
            ],
        );
        health.list_note = Some(Text::from("Partial list"));
        health.result.notes = vec![Text::from("Incomplete")];
        let c = CategorySelection {
            rules_from: Some(jiff::civil::date(2023, 5, 31)),
            experience_rule: Some(Text::from("6 months")),
            source: Some(&SOURCE),
            results: vec![
                health,
                category(
                    "stem",
                    "STEM jobs (renamed)",
                    Some(true),
                    true,
                    true,
                    vec![
                        req(
                            "categories.stem.program",
                            Status::Met,
                            "You are eligible for CEC",
                        ),
                        req(
                            "categories.stem.work_experience",
                            Status::Met,
                            "1,600 hours",
                        ),
                    ],
                ),
                category(
                    "french",
                    "French-language proficiency",
                    Some(false),
                    false,
                    true,
                    vec![
                        req(
                            "categories.french.program",
                            Status::Met,
                            "You are eligible for CEC",
                        ),
                        req("categories.french.french", Status::NotMet, "NCLC 7 needed"),
                    ],
                ),
            ],
            notes: vec![Text::from("General")],
        };
        let v = categories_view(Lang::Fr, &c);
        assert_eq!(v.rules_from, "31 mai 2023");
        assert_eq!(v.source_href, "https://www.canada.ca/c");
        assert_eq!(v.notes, vec!["General"]);
        let [health, stem, french] = &v.items[..] else {
            panic!("three categories")
        };
        assert_eq!(health.title, "Healthcare occupations");
        assert_eq!(health.status, "unknown");
        assert_eq!(health.status_label, "impossible de le dire pour l’instant");
        assert!(!health.list_verified && !health.list_complete);
        // Undecided: the reasons are the unknown requirements.
        assert_eq!(health.reasons.len(), 1);
        assert_eq!(health.reasons[0].title, "Admissibilité à un programme");
        assert_eq!(health.notes, vec!["Partial list", "Incomplete"]);
        assert_eq!(stem.status, "met");
        assert_eq!(stem.reasons.len(), 1, "the common program line is left out");
        assert_eq!(
            stem.reasons[0].title,
            "Travail dans une profession de la liste"
        );
        assert_eq!(french.title, "French-language proficiency");
        assert_eq!(french.reasons[0].detail, "NCLC 7 needed");
    }
}
