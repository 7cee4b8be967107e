//! The vocabulary every message is made of: the two languages, the [`Say`]
//! trait, the output language of the thread, numbers, lists, levels, NOC
//! labels. A leaf (issue 10): the modules' message enums import this, and
//! [`crate::text`] names those enums, so text never imports a program.

use std::cell::Cell;
use std::fmt::{self, Write as _};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::clb::{Ability, Language};

/// The two languages landed speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The two-letter code used in URLs, forms and `--lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language with this two-letter code.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The other official language (for a language switcher).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// The language's name in itself ("English", "Français").
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// The English or the French of two literal forms.
    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

thread_local! {
    static OUTPUT: Cell<Lang> = const { Cell::new(Lang::En) };
    static UNTRANSLATED: Cell<usize> = const { Cell::new(0) };
}

/// The language texts serialize in on this thread.
pub fn output_language() -> Lang {
    OUTPUT.get()
}

/// Run `f` (typically a serialization) with texts written in `lang`; the
/// previous language comes back afterwards, even if `f` panics.
pub fn in_language<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            OUTPUT.set(self.0);
        }
    }
    let _restore = Restore(OUTPUT.replace(lang));
    f()
}

/// How many English-only texts ([`Text::Plain`]) were written where French was
/// asked for, on this thread: tests hold it at zero for engine output.
pub fn untranslated_count() -> usize {
    UNTRANSLATED.get()
}

/// A message that can be written in either language.
pub trait Say {
    fn say(&self, lang: Lang, out: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// The message as a `String` in `lang`.
    fn text_in(&self, lang: Lang) -> String {
        In(self, lang).to_string()
    }
}

/// `Display` of a message in a given language: `format!("{}", In(&msg, Lang::Fr))`.
pub struct In<'a, T: ?Sized>(pub &'a T, pub Lang);

impl<T: Say + ?Sized> fmt::Display for In<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.say(self.1, f)
    }
}

/// One English-only text written where French was asked for (see [`untranslated_count`]).
pub(crate) fn count_untranslated() {
    UNTRANSLATED.set(UNTRANSLATED.get() + 1);
}

// ---------------------------------------------------------------------------
// Shared vocabulary: the pieces several modules' messages are made of.

/// A whole number with the language's thousands separator: `1,560` / `1 560`
/// (French groups with a narrow no-break space, U+202F, as the web pages' number
/// formatting does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num(pub u64);

impl Say for Num {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = match lang {
            Lang::En => ',',
            Lang::Fr => '\u{202f}',
        };
        let digits = self.0.to_string();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                f.write_char(sep)?;
            }
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// A date written out: "February 19, 2026" / "19 février 2026" ("1er" on the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongDate(pub Date);

impl Say for LongDate {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let d = self.0;
        let m = usize::try_from(d.month()).unwrap_or(1).clamp(1, 12) - 1;
        match lang {
            Lang::En => write!(f, "{} {}, {}", EN[m], d.day(), d.year()),
            Lang::Fr if d.day() == 1 => write!(f, "1er {} {}", FR[m], d.year()),
            Lang::Fr => write!(f, "{} {} {}", d.day(), FR[m], d.year()),
        }
    }
}

/// The one number and date wording of landed, for the engine's sentences ([`Num`],
/// [`LongDate`]) and for the web pages and the CLI (issue 10: one formatter of each).
impl Lang {
    /// A whole number with the language's digit grouping: `1,560` / `1 560`.
    pub fn int(self, n: i64) -> String {
        let grouped = In(&Num(n.unsigned_abs()), self).to_string();
        if n < 0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    }

    /// A number with up to `decimals` decimals (trailing zeros dropped), grouped, with the
    /// language's decimal mark: `7.5` / `7,5`.
    pub fn num(self, x: f64, decimals: usize) -> String {
        if !x.is_finite() {
            return String::new();
        }
        let text = format!("{:.*}", decimals, x.abs());
        let (int_part, frac) = match text.split_once('.') {
            Some((i, f)) => (i, f.trim_end_matches('0')),
            None => (text.as_str(), ""),
        };
        let whole: u64 = int_part.parse().unwrap_or(0);
        let mut out = In(&Num(whole), self).to_string();
        if x < 0.0 && (whole != 0 || !frac.is_empty()) {
            out.insert(0, '-');
        }
        if !frac.is_empty() {
            out.push(match self {
                Lang::En => '.',
                Lang::Fr => ',',
            });
            out.push_str(frac);
        }
        out
    }

    /// A date written out: `November 24, 2026` / `24 novembre 2026` (`1er` on the first).
    pub fn date(self, d: jiff::civil::Date) -> String {
        In(&LongDate(d), self).to_string()
    }
}

/// Hours as a whole number (an hour begun is not yet counted).
pub fn hours_num(h: f64) -> Num {
    Num(h.max(0.0).floor() as u64)
}

/// "English" / "anglais" — as a noun, lower case in French.
pub fn language_name(language: Language, lang: Lang) -> &'static str {
    match (language, lang) {
        (Language::English, Lang::En) => "English",
        (Language::French, Lang::En) => "French",
        (Language::English, Lang::Fr) => "anglais",
        (Language::French, Lang::Fr) => "français",
    }
}

/// "listening" / "compréhension de l'oral" (the names on IRCC's French CRS page).
pub fn ability_name(ability: Ability, lang: Lang) -> &'static str {
    match (ability, lang) {
        (Ability::Listening, Lang::En) => "listening",
        (Ability::Reading, Lang::En) => "reading",
        (Ability::Writing, Lang::En) => "writing",
        (Ability::Speaking, Lang::En) => "speaking",
        (Ability::Listening, Lang::Fr) => "compréhension de l’oral",
        (Ability::Reading, Lang::Fr) => "compréhension de l’écrit",
        (Ability::Writing, Lang::Fr) => "expression écrite",
        (Ability::Speaking, Lang::Fr) => "expression orale",
    }
}

/// A language's four levels: "CLB listening 7, reading 9, writing 9, speaking 9".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Levels(pub crate::clb::LanguageLevels);

impl Say for Levels {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = &self.0;
        write!(f, "{}", l.language.benchmark())?;
        for (i, ab) in Ability::ALL.iter().enumerate() {
            let sep = if i == 0 { " " } else { ", " };
            write!(f, "{sep}{} {}", ability_name(*ab, lang), l.get(*ab))?;
        }
        Ok(())
    }
}

/// A list joined with "and" / "et": "listening and writing".
pub fn and_list<T>(
    items: &[T],
    lang: Lang,
    f: &mut fmt::Formatter<'_>,
    mut each: impl FnMut(&T, &mut fmt::Formatter<'_>) -> fmt::Result,
) -> fmt::Result {
    let and = lang.pick(" and ", " et ");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(if i + 1 == items.len() { and } else { ", " })?;
        }
        each(item, f)?;
    }
    Ok(())
}

/// "21231 Software engineers and designers" / "21231 Ingénieurs et concepteurs en logiciel".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NocLabel(pub crate::noc::Noc);

impl Say for NocLabel {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match crate::noc::lookup(self.0) {
            Ok(g) => write!(
                f,
                "{} {}",
                self.0,
                match lang {
                    Lang::En => &g.title_en,
                    Lang::Fr => &g.title_fr,
                }
            ),
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

/// minimum (minimums in [`Ability::ALL`] order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortfalls {
    pub levels: crate::clb::LanguageLevels,
    pub min: [u8; 4],
}

impl Shortfalls {
    pub fn is_empty(&self) -> bool {
        self.short().next().is_none()
    }
    fn short(&self) -> impl Iterator<Item = (Ability, u8)> + '_ {
        Ability::ALL
            .into_iter()
            .zip(self.min)
            .filter(|(a, m)| self.levels.get(*a).scored() < *m)
    }
}

impl Say for Shortfalls {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (a, m)) in self.short().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(
                f,
                "{} {} ({m} {})",
                ability_name(a, lang),
                self.levels.get(a),
                lang.pick("needed", "requis")
            )?;
        }
        Ok(())
    }
}

/// "within the 5 years from 2021-11-01 to 2026-10-31" (a program's experience window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub years: i16,
    pub from: jiff::civil::Date,
    pub to: jiff::civil::Date,
}

impl Say for Window {
    fn say(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Window { years, from, to } = self;
        match lang {
            Lang::En => write!(f, "within the {years} years from {from} to {to}"),
            Lang::Fr => write!(f, "au cours des {years} années allant du {from} au {to}"),
        }
    }
}

/// The first letter in capitals (a French phrase that opens a sentence).
pub struct Capitalized<'a>(pub &'a str);

impl fmt::Display for Capitalized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        if let Some(c) = chars.next() {
            for u in c.to_uppercase() {
                f.write_char(u)?;
            }
        }
        f.write_str(chars.as_str())
    }
}

/// "heure" or "heures": French puts 0 and 1 in the singular.
pub fn heures(n: Num) -> &'static str {
    if n.0 < 2 { "heure" } else { "heures" }
}
