//! Languages, Fluent messages and per-language number and date formatting.
//!
//! The language of a public page comes from its URL (`/en/…`, `/fr/…`);
//! `Accept-Language` is only read to redirect `/` and to pick the staff pages'
//! language on a first visit.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use jiff::civil::Date;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-CA",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN_CA: LanguageIdentifier = langid!("en-CA");
static FR_CA: LanguageIdentifier = langid!("fr-CA");

/// The narrow no-break space French uses to group thousands (U+202F).
pub const NNBSP: char = '\u{202F}';

/// One of the two official languages.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The two-letter code used in URLs and forms.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The same language for the rules engine's sentences.
    pub fn engine(self) -> landed_rules::text::Lang {
        match self {
            Lang::En => landed_rules::text::Lang::En,
            Lang::Fr => landed_rules::text::Lang::Fr,
        }
    }

    /// The other official language (for the language switcher).
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

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN_CA,
            Lang::Fr => &FR_CA,
        }
    }

    /// The message `key` in this language. A missing key shows as the key
    /// itself (and a test checks that none is missing).
    pub fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(self.id(), key)
            .unwrap_or_else(|| key.to_string())
    }

    /// Whether a message exists in this language.
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }

    /// The message `key` with string arguments.
    pub fn ta(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        for (name, value) in args {
            let v = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            map.insert(Cow::Borrowed(*name), v);
        }
        LOCALES
            .try_lookup_with_args(self.id(), key, &map)
            .unwrap_or_else(|| key.to_string())
    }

    /// Shorthand: one string argument.
    pub fn t1(self, key: &str, name: &'static str, value: &str) -> String {
        self.ta(key, &[(name, Arg::Str(value.to_string()))])
    }

    /// An integer with this language's digit grouping: `1,560` / `1 560` (narrow no-break
    /// space). The engine's one formatter ([`landed_rules::text::Lang::int`]).
    pub fn int(self, n: i64) -> String {
        self.engine().int(n)
    }

    /// A number with up to `decimals` decimals (trailing zeros dropped) and this language's
    /// separators ([`landed_rules::text::Lang::num`]).
    pub fn num(self, x: f64, decimals: usize) -> String {
        self.engine().num(x, decimals)
    }

    /// A long date: `November 24, 2026` / `24 novembre 2026` (`1er` on the first)
    /// ([`landed_rules::text::Lang::date`]).
    pub fn date(self, d: Date) -> String {
        self.engine().date(d)
    }

    /// A date given as ISO text; text that is not a date is returned as is.
    pub fn date_str(self, iso: &str) -> String {
        match iso.parse::<Date>() {
            Ok(d) => self.date(d),
            Err(_) => iso.to_string(),
        }
    }

    /// A timestamp (Unix milliseconds) as a date and time in UTC.
    pub fn datetime_ms(self, ms: i64) -> String {
        match jiff::Timestamp::from_millisecond(ms) {
            Ok(ts) => {
                let dt = jiff::tz::Offset::UTC.to_datetime(ts);
                let date = self.date(dt.date());
                match self {
                    Lang::En => format!("{date}, {:02}:{:02} UTC", dt.hour(), dt.minute()),
                    Lang::Fr => format!("{date}, {:02} h {:02} UTC", dt.hour(), dt.minute()),
                }
            }
            Err(_) => String::new(),
        }
    }

    /// Pick a language from an `Accept-Language` header (quality values honoured).
    pub fn negotiate(header: Option<&str>) -> Lang {
        let Some(header) = header else {
            return Lang::En;
        };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (pos, part) in header.split(',').enumerate() {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let mut q = 1.0_f32;
            for p in pieces {
                if let Some(v) = p.trim().strip_prefix("q=") {
                    q = v.trim().parse().unwrap_or(0.0);
                }
            }
            let primary = tag.split('-').next().unwrap_or("");
            let Some(lang) = Lang::parse(primary) else {
                continue;
            };
            if q <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((bq, bpos, _)) => q > bq || (q == bq && pos < bpos),
            };
            if better {
                best = Some((q, pos, lang));
            }
        }
        best.map(|(_, _, l)| l).unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A Fluent argument.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(Lang::En.int(1560), "1,560");
        assert_eq!(Lang::Fr.int(1560), "1\u{202F}560");
        assert_eq!(Lang::En.int(1_234_567), "1,234,567");
        assert_eq!(Lang::En.int(-472), "-472");
        assert_eq!(Lang::En.int(0), "0");
        assert_eq!(Lang::Fr.num(1612.5, 1), "1\u{202F}612,5");
        assert_eq!(Lang::En.num(7.0, 1), "7");
        assert_eq!(Lang::En.num(6.5, 1), "6.5");
    }

    #[test]
    fn dates_are_written_per_language() {
        let d: Date = "2026-11-24".parse().unwrap();
        assert_eq!(Lang::Fr.date(d), "24 novembre 2026");
        assert_eq!(Lang::En.date(d), "November 24, 2026");
        let first: Date = "2026-02-01".parse().unwrap();
        assert_eq!(Lang::Fr.date(first), "1er février 2026");
    }

    #[test]
    fn accept_language_is_negotiated() {
        assert_eq!(Lang::negotiate(Some("fr-CA,fr;q=0.9,en;q=0.8")), Lang::Fr);
        assert_eq!(Lang::negotiate(Some("en-US,en;q=0.9,fr;q=0.8")), Lang::En);
        assert_eq!(Lang::negotiate(Some("de-DE, fr;q=0.5")), Lang::Fr);
        assert_eq!(Lang::negotiate(Some("de")), Lang::En);
        assert_eq!(Lang::negotiate(None), Lang::En);
        assert_eq!(Lang::negotiate(Some("fr;q=0, en")), Lang::En);
    }
}
