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

/// One of the two official languages: the engine's own (issue 10: one `Lang` for the engine,
/// the web and the CLI, with the engine's one number and date formatter). The web adds its
/// Fluent messages and HTTP negotiation through [`Messages`].
pub use landed_rules::text::Lang;

/// What the web says in a language: its Fluent messages, ISO dates and timestamps as text,
/// and `Accept-Language` negotiation. A trait because [`Lang`] lives in the engine, which
/// knows nothing of Fluent or HTTP.
pub trait Messages: Sized {
    /// The message `key` in this language. A missing key shows as the key
    /// itself (and a test checks that none is missing).
    fn t(self, key: &str) -> String;
    /// Whether a message exists in this language.
    fn has(self, key: &str) -> bool;
    /// The message `key` with arguments.
    fn ta(self, key: &str, args: &[(&'static str, Arg)]) -> String;
    /// Shorthand: one string argument.
    fn t1(self, key: &str, name: &'static str, value: &str) -> String {
        self.ta(key, &[(name, Arg::Str(value.to_string()))])
    }
    /// A date given as ISO text; text that is not a date is returned as is.
    fn date_str(self, iso: &str) -> String;
    /// A timestamp (Unix milliseconds) as a date and time in UTC.
    fn datetime_ms(self, ms: i64) -> String;
    /// Pick a language from an `Accept-Language` header (quality values honoured).
    fn negotiate(header: Option<&str>) -> Self;
}

fn fluent_id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::En => &EN_CA,
        Lang::Fr => &FR_CA,
    }
}

impl Messages for Lang {
    fn t(self, key: &str) -> String {
        LOCALES
            .try_lookup(fluent_id(self), key)
            .unwrap_or_else(|| key.to_string())
    }

    fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(fluent_id(self), key).is_some()
    }

    fn ta(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        for (name, value) in args {
            let v = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            map.insert(Cow::Borrowed(*name), v);
        }
        LOCALES
            .try_lookup_with_args(fluent_id(self), key, &map)
            .unwrap_or_else(|| key.to_string())
    }

    fn date_str(self, iso: &str) -> String {
        match iso.parse::<Date>() {
            Ok(d) => self.date(d),
            Err(_) => iso.to_string(),
        }
    }

    fn datetime_ms(self, ms: i64) -> String {
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

    fn negotiate(header: Option<&str>) -> Lang {
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
