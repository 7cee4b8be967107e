//! What every page template gets: language, title, the link to the same page in the
//! other language, the current section, and the staff context on staff pages.

use crate::i18n::Messages as _;
use crate::i18n::{Arg, Lang};
use crate::statics;

/// The logged-in staff member, on staff pages.
#[derive(Clone, Debug)]
pub struct StaffCtx {
    pub email: String,
    pub csrf: String,
}

/// Context shared by all page templates (`p` in templates).
#[derive(Clone, Debug)]
pub struct Page {
    pub lang: Lang,
    pub title: String,
    /// The same page in the other language.
    pub alt_href: String,
    /// Which navigation entry is current: home, assessment, crs, question, privacy, staff.
    pub section: &'static str,
    pub staff: Option<StaffCtx>,
    /// On a page whose answers are not saved yet (the wizard), the id of its form: the
    /// language switch is then a button that posts the form to the other language's address,
    /// so switching language keeps every answer, with or without JavaScript.
    pub alt_form: Option<&'static str>,
}

impl Page {
    /// A public page at `/{lang}/{rest}`; `title_key` is a Fluent message id.
    pub fn public(lang: Lang, section: &'static str, title_key: &str, rest: &str) -> Page {
        Page {
            lang,
            title: lang.t(title_key),
            alt_href: format!("/{}/{}", lang.other().code(), rest),
            section,
            staff: None,
            alt_form: None,
        }
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    pub fn t1(&self, key: &str, name: &'static str, value: &str) -> String {
        self.lang.t1(key, name, value)
    }

    pub fn tn(&self, key: &str, name: &'static str, n: impl AsI64) -> String {
        let n = n.as_i64();
        self.lang.ta(
            key,
            &[
                (name, Arg::Str(self.lang.int(n))),
                ("count", Arg::Num(n as f64)),
            ],
        )
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn other(&self) -> Lang {
        self.lang.other()
    }

    /// `/{lang}/{rest}`.
    pub fn href(&self, rest: &str) -> String {
        format!("/{}/{}", self.lang.code(), rest)
    }

    pub fn current(&self, section: &str) -> bool {
        self.section == section
    }

    pub fn int(&self, n: impl AsI64) -> String {
        self.lang.int(n.as_i64())
    }

    /// The staff session's CSRF token (staff pages), else empty.
    pub fn csrf(&self) -> &str {
        self.staff.as_ref().map(|s| s.csrf.as_str()).unwrap_or("")
    }

    pub fn css(&self) -> &'static str {
        statics::STYLE_HREF.as_str()
    }

    pub fn js(&self) -> &'static str {
        statics::APP_JS_HREF.as_str()
    }

    pub fn htmx(&self) -> &'static str {
        statics::HTMX_HREF
    }
}

/// Integers the templates format (askama passes some by reference).
pub trait AsI64 {
    fn as_i64(&self) -> i64;
}

macro_rules! as_i64 {
    ($($t:ty),*) => {$(
        impl AsI64 for $t {
            fn as_i64(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
        impl AsI64 for &$t {
            fn as_i64(&self) -> i64 {
                i64::try_from(**self).unwrap_or(i64::MAX)
            }
        }
        impl AsI64 for &&$t {
            fn as_i64(&self) -> i64 {
                i64::try_from(***self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
as_i64!(i64, u32, u64, usize, i32);
