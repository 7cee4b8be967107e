//! Text normalisation for NOC title search: case and accent folding,
//! tokenising, a light plural stemmer, and a bounded Damerau–Levenshtein
//! (optimal string alignment) distance.
//!
//! Folding uses a hand-written table for Latin-1 Supplement and Latin
//! Extended-A, which covers every character of the NOC 2021 English and
//! French titles, plus the combining diacritics (U+0300–U+036F) of
//! decomposed input. Other scripts are lower-cased and kept as they are.

/// Words ignored in titles and queries: English and French articles,
/// conjunctions and prepositions, after folding (`à` is `a`, `l'` is `l`).
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "at", "au", "aux", "by", "d", "dans", "de", "des", "du", "en", "et", "for",
    "in", "l", "la", "le", "les", "of", "on", "or", "ou", "par", "pour", "s", "sur", "the", "to",
    "un", "une", "with",
];

/// Appends the folded (lower-case, accent-free) form of `c` to `out`.
/// Characters that cannot be part of a word are written as a space.
fn push_folded(c: char, out: &mut String) {
    let folded: &str = match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return;
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return;
        }
        // Latin-1 Supplement.
        '\u{AA}' => "a",
        '\u{BA}' => "o",
        '\u{B9}' => "1",
        '\u{B2}' => "2",
        '\u{B3}' => "3",
        '\u{C0}'..='\u{C5}' | '\u{E0}'..='\u{E5}' => "a",
        '\u{C6}' | '\u{E6}' => "ae",
        '\u{C7}' | '\u{E7}' => "c",
        '\u{C8}'..='\u{CB}' | '\u{E8}'..='\u{EB}' => "e",
        '\u{CC}'..='\u{CF}' | '\u{EC}'..='\u{EF}' => "i",
        '\u{D0}' | '\u{F0}' => "d",
        '\u{D1}' | '\u{F1}' => "n",
        '\u{D2}'..='\u{D6}' | '\u{D8}' | '\u{F2}'..='\u{F6}' | '\u{F8}' => "o",
        '\u{D9}'..='\u{DC}' | '\u{F9}'..='\u{FC}' => "u",
        '\u{DD}' | '\u{FD}' | '\u{FF}' => "y",
        '\u{DE}' | '\u{FE}' => "th",
        '\u{DF}' => "ss",
        // Latin Extended-A, in code-point order.
        '\u{100}'..='\u{105}' => "a",
        '\u{106}'..='\u{10D}' => "c",
        '\u{10E}'..='\u{111}' => "d",
        '\u{112}'..='\u{11B}' => "e",
        '\u{11C}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        '\u{143}'..='\u{14B}' => "n",
        '\u{14C}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        '\u{15A}'..='\u{161}' => "s",
        '\u{162}'..='\u{167}' => "t",
        '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17E}' => "z",
        '\u{17F}' => "s",
        // Combining diacritical marks (decomposed input): dropped.
        '\u{300}'..='\u{36F}' => return,
        c if c.is_alphanumeric() => {
            out.extend(c.to_lowercase());
            return;
        }
        // Everything else, including ' ’ ‘ ʼ, hyphens, slashes and
        // no-break spaces, separates words.
        _ => " ",
    };
    out.push_str(folded);
}

/// The folded form of `text`: lower case, accents removed, every
/// non-word character replaced by a space.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// A light plural stemmer shared by titles and queries, so only its
/// consistency matters: `nurses` → `nurse`, `secretaries` → `secretary`,
/// `bureaux` → `bureau`, `généraux` → `general`.
pub(crate) fn stem(word: &str) -> String {
    let n = word.len();
    if n >= 5 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    if n >= 6 && word.ends_with("eaux") {
        return word[..n - 1].to_string();
    }
    if n >= 6 && word.ends_with("aux") {
        return format!("{}al", &word[..n - 3]);
    }
    if n >= 4 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// One word of a title or query: `raw` is folded, `stem` is also stemmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub raw: String,
    pub stem: String,
}

/// The words of `text` that are not stop words, in order, without
/// repeats (by stem).
pub(crate) fn words(text: &str) -> Vec<Word> {
    let folded = fold(text);
    let mut out: Vec<Word> = Vec::new();
    for raw in folded.split(' ').filter(|w| !w.is_empty()) {
        if is_stop_word(raw) {
            continue;
        }
        let stem = stem(raw);
        if out.iter().any(|w| w.stem == stem) {
            continue;
        }
        out.push(Word {
            raw: raw.to_string(),
            stem,
        });
    }
    out
}

/// A 32-bit summary of which letters and digits occur in a word. One edit
/// changes at most two bits, so two words within distance `k` differ in at
/// most `2k` bits: a cheap filter before computing the distance.
pub(crate) fn letter_mask(word: &str) -> u32 {
    word.bytes().fold(0u32, |mask, b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0') % 5,
            _ => 31,
        };
        mask | (1 << bit)
    })
}

/// The optimal-string-alignment distance between `a` and `b` (insertions,
/// deletions, substitutions and transpositions of adjacent bytes) if it is
/// at most `max`, else `None`. Works on bytes: the vocabulary is ASCII after
/// folding; a non-ASCII query only ever gets a larger distance.
pub(crate) fn distance_within(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a.is_empty() || b.is_empty() {
        let d = a.len().max(b.len());
        return (d <= max).then_some(d);
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folding_removes_accents_case_and_punctuation() {
        assert_eq!(
            fold("Développeur/développeuse d’applications"),
            "developpeur developpeuse d applications"
        );
        assert_eq!(fold("ŒUVRE Cœur Æsir ß"), "oeuvre coeur aesir ss");
        assert_eq!(fold("ÀÉÎÕÜÇÑŸ łĳ"), "aeioucny lij");
        // Decomposed e + combining acute accent.
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("a\u{A0}b"), "a b");
        assert_eq!(fold("Straße ΣΊΣΥΦΟΣ"), "strasse σίσυφοσ");
    }

    #[test]
    fn every_latin_1_and_extended_a_letter_folds_to_ascii() {
        for c in ('\u{C0}'..='\u{17F}').filter(|c| c.is_alphabetic()) {
            let f = fold(&c.to_string());
            assert!(f.is_ascii() && !f.trim().is_empty(), "{c:?} -> {f:?}");
        }
    }

    #[test]
    fn words_drop_stop_words_and_stem_plurals() {
        let w: Vec<String> = words("Registered nurses and registered psychiatric nurses")
            .into_iter()
            .map(|w| w.stem)
            .collect();
        assert_eq!(w, ["registered", "nurse", "psychiatric"]);
        let w: Vec<String> = words("Secrétaires de l'hôpital, bureaux généraux")
            .into_iter()
            .map(|w| w.stem)
            .collect();
        assert_eq!(w, ["secretaire", "hopital", "bureau", "general"]);
        assert!(words("  ' / - ").is_empty());
        assert!(words("de la").is_empty());
    }

    #[test]
    fn distance_counts_edits_and_transpositions() {
        let d = |a: &str, b: &str, k| distance_within(a.as_bytes(), b.as_bytes(), k);
        assert_eq!(d("software", "software", 2), Some(0));
        assert_eq!(d("sofware", "software", 1), Some(1));
        assert_eq!(d("developr", "developer", 2), Some(1));
        assert_eq!(d("nrse", "nurse", 1), Some(1));
        assert_eq!(d("nusre", "nurse", 1), Some(1));
        assert_eq!(d("kitten", "sitting", 2), None);
        assert_eq!(d("kitten", "sitting", 3), Some(3));
        assert_eq!(d("", "ab", 2), Some(2));
        assert_eq!(d("abc", "", 2), None);
    }

    #[test]
    fn letter_mask_filter_is_sound() {
        for (a, b) in [("sofware", "software"), ("nusre", "nurse"), ("cok", "cook")] {
            let bits = (letter_mask(a) ^ letter_mask(b)).count_ones();
            assert!(bits <= 2, "{a} {b}");
        }
    }
}
