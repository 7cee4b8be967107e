//! A CRS result as one JSON line, written without serde: the batch hot path.
//!
//! Why: with serde_json, two thirds of a batch's time went to escaping
//! strings byte by byte — mostly each line's rule address, the same few
//! `&'static str` repeated 17 times per result. Here a string is checked for
//! characters that need escaping eight bytes at a time and copied whole when
//! there are none (always, for our addresses and ids), a sentence is written
//! straight into the output and checked once, and numbers go through `itoa`. The output is byte-identical to `serde_json::to_writer`
//! (same field order, same escapes); a test holds the two together.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use landed_rules::crs::{CrsLine, CrsResult, CrsText};
use landed_rules::text::{Lang, Text, output_language};
use rustc_hash::FxHashMap;

/// The JSON of CRS lines already written in this run, by what they hold.
///
/// Why: a line's JSON depends only on its rule id, points, maximum, typed
/// sentence and source, and those take few values (an age, a CLB level, a
/// number of years): in a batch almost every line has been written before.
/// Copying its bytes replaces formatting the sentence and checking every
/// string for characters to escape. Only lines whose strings are `'static`
/// (compared by address and length: static text never moves or changes) and
/// whose sentence is a typed CRS message are kept; anything else is written
/// afresh. The cache is per thread and per output language, and bounded.
#[derive(Default)]
pub struct LineCache {
    lang: Option<Lang>,
    spans: FxHashMap<LineKey, (u32, u32)>,
    bytes: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct LineKey {
    factor: (usize, usize),
    points: u16,
    max: u16,
    basis: CrsText,
    source: (usize, usize),
}

impl LineCache {
    /// Past these, the cache starts again (a batch has a few hundred distinct lines).
    const MAX_LINES: usize = 1 << 14;
    const MAX_BYTES: usize = 8 << 20;

    fn key(line: &CrsLine) -> Option<LineKey> {
        let (Cow::Borrowed(factor), Text::Crs(basis), Cow::Borrowed(source)) =
            (&line.factor, &line.basis, &line.source)
        else {
            return None;
        };
        Some(LineKey {
            factor: (factor.as_ptr() as usize, factor.len()),
            points: line.points,
            max: line.max,
            basis: *basis,
            source: (source.as_ptr() as usize, source.len()),
        })
    }

    /// The cache for the language being written now (cleared if it changed).
    fn ready(&mut self) -> &mut Self {
        let lang = output_language();
        if self.lang != Some(lang) {
            self.clear();
            self.lang = Some(lang);
        }
        self
    }

    fn clear(&mut self) {
        self.spans.clear();
        self.bytes.clear();
    }

    fn get(&self, key: &LineKey) -> Option<&[u8]> {
        let &(start, end) = self.spans.get(key)?;
        self.bytes.get(start as usize..end as usize)
    }

    fn remember(&mut self, key: LineKey, json: &[u8]) {
        if self.spans.len() >= Self::MAX_LINES || self.bytes.len() + json.len() > Self::MAX_BYTES {
            self.clear();
        }
        let start = self.bytes.len();
        self.bytes.extend_from_slice(json);
        // Bounded by MAX_BYTES, far below u32::MAX.
        let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(self.bytes.len())) else {
            self.clear();
            return;
        };
        self.spans.insert(key, (start, end));
    }
}

/// Append `r` as serde_json would write it (compact), without the newline,
/// copying the lines `cache` has seen before.
pub fn write_crs(r: &CrsResult, out: &mut Vec<u8>, cache: &mut LineCache) {
    let cache = cache.ready();
    let mut n = itoa::Buffer::new();
    out.extend_from_slice(b"{\"total\":");
    out.extend_from_slice(n.format(r.total).as_bytes());
    out.extend_from_slice(b",\"rule_set\":");
    string(out, &r.rule_set);
    out.extend_from_slice(b",\"as_of\":\"");
    date(out, r.as_of);
    out.extend_from_slice(b"\",\"core\":");
    out.extend_from_slice(n.format(r.core).as_bytes());
    out.extend_from_slice(b",\"spouse\":");
    out.extend_from_slice(n.format(r.spouse).as_bytes());
    out.extend_from_slice(b",\"skill_transferability\":");
    out.extend_from_slice(n.format(r.skill_transferability).as_bytes());
    out.extend_from_slice(b",\"additional\":");
    out.extend_from_slice(n.format(r.additional).as_bytes());
    out.extend_from_slice(if r.with_spouse {
        b",\"with_spouse\":true,\"lines\":["
    } else {
        b",\"with_spouse\":false,\"lines\":["
    });
    // Most lines cite the same page: once a source string is known to need no
    // escaping, the same string (same address and length, all borrowed from
    // `r` for this whole call) is copied without looking at it again.
    let mut clean_source: Option<(*const u8, usize)> = None;
    for (i, l) in r.lines.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let key = LineCache::key(l);
        if let Some(json) = key.as_ref().and_then(|k| cache.get(k)) {
            out.extend_from_slice(json);
            continue;
        }
        let start = out.len();
        out.extend_from_slice(b"{\"factor\":");
        string(out, &l.factor);
        out.extend_from_slice(b",\"points\":");
        out.extend_from_slice(n.format(l.points).as_bytes());
        out.extend_from_slice(b",\"max\":");
        out.extend_from_slice(n.format(l.max).as_bytes());
        out.extend_from_slice(b",\"basis\":\"");
        sentence(out, &l.basis);
        out.extend_from_slice(b"\",\"source\":\"");
        let source = (l.source.as_ptr(), l.source.len());
        if clean_source == Some(source) {
            out.extend_from_slice(l.source.as_bytes());
        } else if escape(out, &l.source) {
            clean_source = Some(source);
        }
        out.extend_from_slice(b"\"}");
        if let Some(key) = key {
            cache.remember(key, &out[start..]);
        }
    }
    out.push(b']');
    if !r.notes.is_empty() {
        out.extend_from_slice(b",\"notes\":[");
        for (i, note) in r.notes.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'"');
            sentence(out, note);
            out.push(b'"');
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// A date as JSON writes it, without the quotes (digits and dashes: nothing to escape).
pub(crate) fn date(out: &mut Vec<u8>, d: landed_rules::Date) {
    let _ = write!(Raw(out), "{d}");
}

/// A JSON string, quoted and escaped.
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let _ = escape(out, s);
    out.push(b'"');
}

/// A sentence (written in many small pieces) straight into `out`, then
/// checked once; in the rare case it holds a character to escape, the
/// appended bytes are taken back and written escaped.
fn sentence(out: &mut Vec<u8>, text: &landed_rules::text::Text) {
    let start = out.len();
    let _ = write!(Raw(out), "{text}");
    if !is_clean(&out[start..]) {
        let raw = out.split_off(start);
        let _ = escape(out, &String::from_utf8_lossy(&raw));
    }
}

/// `fmt::Write` appending as is (for text known or checked to need no escaping).
struct Raw<'a>(&'a mut Vec<u8>);

impl fmt::Write for Raw<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// No byte needs escaping: eight bytes at a time with the usual word tricks
/// ("some byte below 0x20", "some byte equal to `"` or `\\`"; exact tests),
/// then the few bytes left one by one.
fn is_clean(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let q = x ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q & HIGH;
        let b = x ^ (ONES * u64::from(b'\\'));
        let backslash = b.wrapping_sub(ONES) & !b & HIGH;
        if below_space | quote | backslash != 0 {
            return false;
        }
    }
    !chunks.remainder().iter().any(|&b| needs_escape(b))
}

fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// serde_json's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other
/// control characters as `\u00xx` (lower-case hex); everything else as is.
/// Returns whether `s` was copied as is (nothing to escape).
fn escape(out: &mut Vec<u8>, s: &str) -> bool {
    let bytes = s.as_bytes();
    if is_clean(bytes) {
        out.extend_from_slice(bytes);
        return true;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !needs_escape(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    false
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use landed_rules::crs::{CrsAnswers, score_explained};
    use landed_rules::text::{Lang, Text, in_language};

    fn fast(r: &CrsResult) -> String {
        fast_with(r, &mut LineCache::default())
    }

    fn fast_with(r: &CrsResult, cache: &mut LineCache) -> String {
        let mut out = Vec::new();
        write_crs(r, &mut out, cache);
        String::from_utf8(out).unwrap()
    }

    /// Answers across the factors that change the lines: spouse or not, a
    /// second language, French points, a certificate, an offer, the 2020 rules.
    fn answers() -> Vec<(CrsAnswers, landed_rules::Date)> {
        let mut all = Vec::new();
        for i in 0..400u32 {
            let clb = 4 + (i % 9);
            let spouse = if i % 3 == 0 {
                format!(
                    r#","spouse":{{"education":"masters","first_language":{{"language":"english","listening":{clb},"reading":7,"writing":8,"speaking":9}},"canadian_experience_years":{}}}"#,
                    i % 6
                )
            } else {
                String::new()
            };
            let first = if i % 7 == 0 { "french" } else { "english" };
            let other = if i % 7 == 0 { "english" } else { "french" };
            let second = if i % 4 == 1 {
                format!(
                    r#","second_language":{{"language":"{other}","listening":{clb},"reading":9,"writing":7,"speaking":10}}"#
                )
            } else {
                String::new()
            };
            let json = format!(
                r#"{{"age":{},"education":"{}","first_language":{{"language":"{}","listening":{clb},"reading":9,"writing":8,"speaking":{}}},"canadian_experience_years":{},"foreign_experience_years":{},"certificate_of_qualification":{},"job_offer":"{}","provincial_nomination":{},"sibling_in_canada":{}{spouse}{second}}}"#,
                17 + i % 32,
                [
                    "secondary",
                    "bachelors",
                    "two_or_more",
                    "masters",
                    "doctoral"
                ][(i % 5) as usize],
                first,
                (clb + 2).min(12),
                i % 7,
                i % 5,
                i % 2 == 0,
                ["none", "teer_0_1_2_3", "major_group_00"][(i % 3) as usize],
                i % 11 == 0,
                i % 5 == 0,
            );
            let a = landed_rules::crs::parse_answers(&json).unwrap();
            let day = if i % 2 == 0 {
                "2026-11-24"
            } else {
                "2021-06-01"
            };
            all.push((a, day.parse().unwrap()));
        }
        all
    }

    #[test]
    fn identical_to_serde_json_in_both_languages() {
        // One cache per language for the whole run: most lines come from
        // the cache, and none may differ from serde's.
        let mut caches = [LineCache::default(), LineCache::default()];
        for (a, day) in answers() {
            let r = score_explained(&a, day).unwrap();
            for (lang, cache) in [Lang::En, Lang::Fr].into_iter().zip(&mut caches) {
                let (ours, fresh, theirs) = in_language(lang, || {
                    (
                        fast_with(&r, cache),
                        fast(&r),
                        serde_json::to_string(&r).unwrap(),
                    )
                });
                assert_eq!(ours, theirs);
                assert_eq!(fresh, theirs);
            }
        }
        // The run did hit the cache: far fewer lines kept than written.
        for cache in &caches {
            assert!(
                cache.spans.len() < 1_000,
                "{} lines kept",
                cache.spans.len()
            );
        }
    }

    #[test]
    fn the_cache_is_used_and_keyed_by_language() {
        let all = answers();
        let mut cache = LineCache::default();
        let (a, day) = &all[0];
        let r = score_explained(a, *day).unwrap();
        let english = fast_with(&r, &mut cache);
        let kept = cache.spans.len();
        assert!(
            kept >= r.lines.len() - 2,
            "{kept} of {} lines kept",
            r.lines.len()
        );
        // Written again: nothing new is kept.
        assert_eq!(fast_with(&r, &mut cache), english);
        assert_eq!(cache.spans.len(), kept);
        // In French the English bytes are not reused.
        let french = in_language(Lang::Fr, || fast_with(&r, &mut cache));
        assert_ne!(french, english);
        assert_eq!(
            french,
            in_language(Lang::Fr, || serde_json::to_string(&r).unwrap())
        );
    }

    #[test]
    fn the_cache_stays_bounded() {
        let mut cache = LineCache::default();
        let (a, day) = answers().remove(0);
        let r = score_explained(&a, day).unwrap();
        let Some(mut key) = LineCache::key(&r.lines[0]) else {
            panic!("the age line is cacheable");
        };
        for i in 0..(LineCache::MAX_LINES as u16 + 10) {
            key.points = i;
            cache.remember(key, b"{}");
        }
        assert!(cache.spans.len() <= LineCache::MAX_LINES);
        assert!(cache.bytes.len() <= LineCache::MAX_BYTES);
    }

    #[test]
    fn the_clean_test_is_exact() {
        for b in 0..=255u8 {
            for pos in 0..17 {
                let mut bytes = vec![b'a'; 17];
                bytes[pos] = b;
                assert_eq!(is_clean(&bytes), !needs_escape(b), "byte {b} at {pos}");
            }
        }
    }

    #[test]
    fn escapes_like_serde_json() {
        let (a, day) = answers().remove(0);
        let mut r = score_explained(&a, day).unwrap();
        let nasty = "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7f} é ✔ \u{1f}";
        r.lines[0].basis = Text::from(nasty.to_string());
        r.notes.push(Text::from(nasty.to_string()));
        r.lines[1].source = nasty.to_string().into();
        r.lines[3].source = nasty.to_string().into();
        r.rule_set = nasty.to_string();
        assert_eq!(fast(&r), serde_json::to_string(&r).unwrap());
    }
}
