//! The most frequent explanation phrases, formatted once per process: a
//! score then borrows them instead of formatting ~7 strings per candidate
//! (the CRS explanation is on every API, batch and page path).

use std::borrow::Cow;
use std::sync::LazyLock;

use super::EducationLevel;
use crate::clb::{Ability, Clb, Language};

fn spouse_words(with_spouse: bool) -> &'static str {
    if with_spouse {
        "with an accompanying spouse or partner"
    } else {
        "no accompanying spouse or partner"
    }
}

fn age_phrase(age: u8, with_spouse: bool) -> String {
    let words = match age {
        0..=17 => format!("age {age} (17 or less scores 0)"),
        45.. => format!("age {age} (45 or more scores 0)"),
        _ => format!("age {age}"),
    };
    format!("{words}, {}", spouse_words(with_spouse))
}

/// Ages 0–120 × without/with spouse.
static AGES: LazyLock<Vec<[String; 2]>> = LazyLock::new(|| {
    (0..=120u8)
        .map(|a| [age_phrase(a, false), age_phrase(a, true)])
        .collect()
});

static EDUCATION: LazyLock<Vec<[String; 2]>> = LazyLock::new(|| {
    EducationLevel::ALL
        .iter()
        .map(|e| {
            [
                format!("{}, {}", e.describe(), spouse_words(false)),
                format!("{}, {}", e.describe(), spouse_words(true)),
            ]
        })
        .collect()
});

fn ability_phrase(language: Language, ability: Ability, level: u8) -> String {
    format!(
        "{language} {ability}: {} {level}{}",
        language.benchmark(),
        if level > 10 { " (counts as 10)" } else { "" }
    )
}

/// [language][ability][level 0–12].
static ABILITIES: LazyLock<Vec<Vec<Vec<String>>>> = LazyLock::new(|| {
    [Language::English, Language::French]
        .iter()
        .map(|lang| {
            Ability::ALL
                .iter()
                .map(|ab| {
                    (0..=Clb::MAX)
                        .map(|l| ability_phrase(*lang, *ab, l))
                        .collect()
                })
                .collect()
        })
        .collect()
});

pub(super) fn age(age: u8, with_spouse: bool) -> Cow<'static, str> {
    match AGES.get(usize::from(age)) {
        Some(pair) => Cow::Borrowed(pair[usize::from(with_spouse)].as_str()),
        None => Cow::Owned(age_phrase(age, with_spouse)),
    }
}

pub(super) fn education(level: EducationLevel, with_spouse: bool) -> Cow<'static, str> {
    Cow::Borrowed(EDUCATION[level as usize][usize::from(with_spouse)].as_str())
}

pub(super) fn ability(language: Language, ability: Ability, level: Clb) -> Cow<'static, str> {
    let lang = usize::from(language == Language::French);
    let ab = Ability::ALL.iter().position(|a| *a == ability).unwrap_or(0);
    match ABILITIES[lang][ab].get(usize::from(level.level())) {
        Some(p) => Cow::Borrowed(p.as_str()),
        None => Cow::Owned(ability_phrase(language, ability, level.level())),
    }
}

fn experience_phrase(years: u8) -> String {
    format!(
        "{} of skilled Canadian work experience in the last 10 years",
        super::years_words(years, 5)
    )
}

static EXPERIENCE: LazyLock<Vec<String>> =
    LazyLock::new(|| (0..=60u8).map(experience_phrase).collect());

pub(super) fn canadian_experience(years: u8) -> Cow<'static, str> {
    match EXPERIENCE.get(usize::from(years)) {
        Some(p) => Cow::Borrowed(p.as_str()),
        None => Cow::Owned(experience_phrase(years)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_phrases_equal_freshly_formatted_ones() {
        assert_eq!(age(29, false), age_phrase(29, false));
        assert_eq!(canadian_experience(7), experience_phrase(7));
        assert_eq!(canadian_experience(61), experience_phrase(61));
        assert_eq!(age(121, true), age_phrase(121, true));
        assert_eq!(
            ability(Language::French, Ability::Writing, Clb::from_table(11)),
            "French writing: NCLC 11 (counts as 10)"
        );
        assert_eq!(
            education(EducationLevel::Masters, true),
            "master's or entry-to-practice professional degree, with an accompanying spouse or partner"
        );
    }
}
