//! What the engine says, kept as data — a message and its arguments — until
//! it is shown, then written in English or French.
//!
//! Why: every requirement, grid line, CRS line and note explains itself. Built
//! as `String`s, those sentences were most of the allocations of an
//! assessment and could only be English. As typed messages (one enum per
//! module: [`crate::crs::text::CrsText`], [`crate::programs::cec::text::CecText`], …) they cost
//! nothing until serialized, the compiler checks each message's arguments,
//! and each message has its English and its French wording side by side.
//!
//! A [`Text`] serializes as a plain string (the public contract) in the
//! *output language* of the current thread: English unless the caller wraps
//! the serialization in [`in_language`]:
//!
//! ```
//! use landed_rules::text::{Lang, Text, in_language};
//! let t = Text::from(landed_rules::crs::CrsText::NoSecondLanguage);
//! assert_eq!(serde_json::to_string(&t).unwrap(), "\"no second official language test\"");
//! let fr = in_language(Lang::Fr, || serde_json::to_string(&t).unwrap());
//! assert_eq!(fr, "\"aucun test dans la seconde langue officielle\"");
//! ```

pub(crate) mod say;

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::hours::basis::NotCounted;
pub use say::{
    Capitalized, In, Lang, Levels, LongDate, NocLabel, Num, Say, Shortfalls, Window, ability_name,
    and_list, heures, hours_num, in_language, language_name, output_language, untranslated_count,
};

/// An explanation in the engine's output: a typed message of one of the
/// modules, or plain English text (what deserializing an output gives back).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// English only. Engine output avoids it: [`untranslated_count`] counts it on French output.
    Plain(Cow<'static, str>),
    Crs(crate::crs::text::CrsText),
    Cec(crate::programs::cec::text::CecText),
    Assess(crate::assess::text::AssessText),
    Program(crate::programs::text::ProgramText),
    Fsw(crate::programs::fsw::text::FswText),
    FswGrid(crate::programs::fsw::grid_text::GridText),
    Fst(crate::programs::fst::text::FstText),
    Category(crate::programs::categories::text::CategoryText),
    Draws(crate::draws::text::DrawsText),
    Planning(crate::planning::timeline_text::TimelineText),
    Currency(crate::currency::text::CurrencyText),
}

// Every module's messages become a `Text` here, so the message modules need
// only the vocabulary (`say`) and never this enum (issue 10: no import cycle).

impl From<crate::crs::text::CrsText> for Text {
    fn from(m: crate::crs::text::CrsText) -> Self {
        Text::Crs(m)
    }
}

impl From<crate::programs::cec::text::CecText> for Text {
    fn from(m: crate::programs::cec::text::CecText) -> Self {
        Text::Cec(m)
    }
}

impl From<crate::assess::text::AssessText> for Text {
    fn from(m: crate::assess::text::AssessText) -> Self {
        Text::Assess(m)
    }
}

impl From<crate::programs::fsw::text::FswText> for Text {
    fn from(m: crate::programs::fsw::text::FswText) -> Self {
        Text::Fsw(m)
    }
}

impl From<crate::programs::fsw::grid_text::GridText> for Text {
    fn from(m: crate::programs::fsw::grid_text::GridText) -> Self {
        Text::FswGrid(m)
    }
}

impl From<crate::programs::fst::text::FstText> for Text {
    fn from(m: crate::programs::fst::text::FstText) -> Self {
        Text::Fst(m)
    }
}

impl From<crate::programs::categories::text::CategoryText> for Text {
    fn from(m: crate::programs::categories::text::CategoryText) -> Self {
        Text::Category(m)
    }
}

impl From<crate::draws::text::DrawsText> for Text {
    fn from(m: crate::draws::text::DrawsText) -> Self {
        Text::Draws(m)
    }
}

impl From<crate::planning::timeline_text::TimelineText> for Text {
    fn from(m: crate::planning::timeline_text::TimelineText) -> Self {
        Text::Planning(m)
    }
}

impl From<crate::programs::text::ProgramText> for Text {
    fn from(m: crate::programs::text::ProgramText) -> Self {
        Text::Program(m)
    }
}

impl Say for Text {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Plain(s) => {
                if lang == Lang::Fr {
                    say::count_untranslated();
                }
                f.write_str(s)
            }
            Text::Crs(m) => m.say(lang, f),
            Text::Cec(m) => m.say(lang, f),
            Text::Assess(m) => m.say(lang, f),
            Text::Program(m) => m.say(lang, f),
            Text::Fsw(m) => m.say(lang, f),
            Text::FswGrid(m) => m.say(lang, f),
            Text::Fst(m) => m.say(lang, f),
            Text::Category(m) => m.say(lang, f),
            Text::Currency(m) => m.say(lang, f),
            Text::Draws(m) => m.say(lang, f),
            Text::Planning(m) => m.say(lang, f),
        }
    }
}

impl Text {
    /// The English text.
    pub fn en(&self) -> String {
        self.text_in(Lang::En)
    }
    /// The French text.
    pub fn fr(&self) -> String {
        self.text_in(Lang::Fr)
    }
    /// Whether the English text contains `pat` (handy in tests and filters).
    pub fn contains(&self, pat: &str) -> bool {
        self.en().contains(pat)
    }
    pub fn starts_with(&self, pat: &str) -> bool {
        self.en().starts_with(pat)
    }
    pub fn is_empty(&self) -> bool {
        matches!(self, Text::Plain(s) if s.is_empty())
    }
}

/// Written in the thread's [`output_language`].
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.say(output_language(), f)
    }
}

impl From<&'static str> for Text {
    fn from(s: &'static str) -> Self {
        Text::Plain(Cow::Borrowed(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Plain(Cow::Owned(s))
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&In(self, output_language()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(In(&Num(0), Lang::En).to_string(), "0");
        assert_eq!(In(&Num(999), Lang::En).to_string(), "999");
        assert_eq!(In(&Num(1560), Lang::En).to_string(), "1,560");
        assert_eq!(In(&Num(1234567), Lang::En).to_string(), "1,234,567");
        assert_eq!(In(&Num(1560), Lang::Fr).to_string(), "1\u{202f}560");
    }

    #[test]
    fn the_output_language_is_scoped() {
        let t = Text::from("x");
        assert_eq!(output_language(), Lang::En);
        let before = untranslated_count();
        in_language(Lang::Fr, || {
            assert_eq!(output_language(), Lang::Fr);
            assert_eq!(t.to_string(), "x");
        });
        assert_eq!(untranslated_count(), before + 1);
        assert_eq!(output_language(), Lang::En);
    }
}
