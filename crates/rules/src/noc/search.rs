//! Search over the unit-group titles and example job titles of the NOC
//! catalogue: an inverted index from folded, stemmed words to titles, built
//! once, and a ranking that prefers, in order:
//!
//! 1. titles that match more of the query's words;
//! 2. better word matches: whole word (1000 points) > prefix of a word
//!    (600–900, more when the prefix covers more of the word) > one typo
//!    (500; query words of 4+ letters) > two typos (350; 8+ letters);
//! 3. the unit-group title over an example title;
//! 4. the unit group with more titles that match as well (so "nurse" puts
//!    registered nurses, with dozens of "… nurse" examples, above groups
//!    with a few);
//! 5. shorter titles (fewer words, then fewer characters).
//!
//! Each unit group appears once, with its best-ranked title.

use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use super::text::{Word, distance_within, letter_mask, words};
use super::{Noc, Teer, UnitGroup};

/// Which titles a search looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchLang {
    En,
    Fr,
    /// English and French titles together.
    #[default]
    Any,
}

impl SearchLang {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchLang::En => "en",
            SearchLang::Fr => "fr",
            SearchLang::Any => "any",
        }
    }

    fn admits(self, french: bool) -> bool {
        match self {
            SearchLang::En => !french,
            SearchLang::Fr => french,
            SearchLang::Any => true,
        }
    }
}

impl fmt::Display for SearchLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SearchLang {
    type Err = String;
    /// "en"/"english", "fr"/"french"/"français", "any"/"all" (any case).
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_lowercase().as_str() {
            "en" | "english" | "anglais" => Ok(SearchLang::En),
            "fr" | "french" | "francais" | "français" => Ok(SearchLang::Fr),
            "any" | "all" | "both" => Ok(SearchLang::Any),
            _ => Err(format!("{s:?} is not a search language: use en, fr or any")),
        }
    }
}

/// One unit group found by [`Catalogue::search`](super::Catalogue::search).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub code: Noc,
    pub teer: Teer,
    /// The unit-group title in the language of the hit.
    pub title: String,
    /// The example job title that matched, when it was an example title
    /// rather than the unit-group title itself.
    pub matched_title: Option<String>,
    /// Mean word-match quality, 0 to 1: 1 means every query word matched a
    /// whole word. Hits are already in rank order; equal scores are ordered
    /// by the tie-breaks of the ranking.
    pub score: f32,
    /// The language of the title that matched: `en` or `fr` (for a code
    /// search with [`SearchLang::Any`], `en`).
    pub lang: SearchLang,
}

const EXACT: u16 = 1000;
const PREFIX_MIN: u16 = 600;
const PREFIX_SPAN: usize = 300;
const ONE_TYPO: u16 = 500;
const TWO_TYPOS: u16 = 350;
/// Query words shorter than this match only whole words.
const MIN_PREFIX_LEN: usize = 2;
/// Query words of this many bytes may have one typo; twice as long, two.
const ONE_TYPO_LEN: usize = 4;
const TWO_TYPOS_LEN: usize = 8;
/// Work bounds for pathological queries.
const MAX_QUERY_CHARS: usize = 200;
const MAX_QUERY_WORDS: usize = 8;
const MAX_TYPO_LEN: usize = 40;

/// Marks a unit-group title in [`TitleRef::example`].
const GROUP_TITLE: u32 = u32::MAX;

/// A searchable title: the unit-group title or one example, in one language.
struct TitleRef {
    group: u32,
    /// Index into `examples_en`/`examples_fr`, or [`GROUP_TITLE`].
    example: u32,
    french: bool,
    words: u32,
    chars: u32,
}

/// The inverted index: sorted vocabulary of stemmed words, each with the
/// sorted ids of the titles containing it.
pub(crate) struct SearchIndex {
    titles: Vec<TitleRef>,
    vocab: Vec<Box<str>>,
    masks: Vec<u32>,
    /// `postings[offsets[v]..offsets[v + 1]]` are the titles of word `v`.
    offsets: Vec<usize>,
    postings: Vec<u32>,
}

/// How a unit group ranks, by its best title; smaller is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    missing: usize,
    quality: Reverse<u32>,
    is_example: bool,
    /// How many titles of the group match with the same `missing` and `quality`.
    support: Reverse<u32>,
    words: u32,
    chars: u32,
    title: u32,
}

impl SearchIndex {
    pub(crate) fn build(groups: &[UnitGroup]) -> SearchIndex {
        let mut titles = Vec::new();
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
        for (group, g) in (0u32..).zip(groups) {
            for (french, title, examples) in [
                (false, &g.title_en, &g.examples_en),
                (true, &g.title_fr, &g.examples_fr),
            ] {
                let all = std::iter::once((GROUP_TITLE, title)).chain((0u32..).zip(examples));
                for (example, text) in all {
                    let Ok(id) = u32::try_from(titles.len()) else {
                        continue;
                    };
                    let title_words = words(text);
                    titles.push(TitleRef {
                        group,
                        example,
                        french,
                        words: u32::try_from(title_words.len()).unwrap_or(u32::MAX),
                        chars: u32::try_from(text.chars().count()).unwrap_or(u32::MAX),
                    });
                    for word in title_words {
                        by_word.entry(word.stem).or_default().push(id);
                    }
                }
            }
        }
        let mut entries: Vec<(String, Vec<u32>)> = by_word.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut vocab = Vec::with_capacity(entries.len());
        let mut masks = Vec::with_capacity(entries.len());
        let mut offsets = Vec::with_capacity(entries.len() + 1);
        let mut postings = Vec::new();
        offsets.push(0);
        for (word, ids) in entries {
            masks.push(letter_mask(&word));
            vocab.push(word.into_boxed_str());
            postings.extend(ids);
            offsets.push(postings.len());
        }
        SearchIndex {
            titles,
            vocab,
            masks,
            offsets,
            postings,
        }
    }

    fn postings(&self, word: usize) -> &[u32] {
        match (self.offsets.get(word), self.offsets.get(word + 1)) {
            (Some(&start), Some(&end)) => self.postings.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The vocabulary words that `word` matches, with the match quality.
    fn matches(&self, word: &Word) -> Vec<(usize, u16)> {
        let mut out = Vec::new();
        let stem = word.stem.as_str();
        if let Ok(v) = self.vocab.binary_search_by(|t| (**t).cmp(stem)) {
            out.push((v, EXACT));
        }
        let raw = word.raw.as_str();
        if raw.chars().count() >= MIN_PREFIX_LEN {
            let start = self.vocab.partition_point(|t| **t < *raw);
            let after = self.vocab.get(start..).unwrap_or(&[]);
            for (v, t) in (start..).zip(after).take_while(|(_, t)| t.starts_with(raw)) {
                if **t != *stem {
                    let share = PREFIX_SPAN * raw.len() / t.len().max(1);
                    out.push((v, PREFIX_MIN + u16::try_from(share).unwrap_or(0)));
                }
            }
        }
        let len = stem.len();
        let max = match len {
            _ if len > MAX_TYPO_LEN => 0,
            _ if len >= TWO_TYPOS_LEN => 2,
            _ if len >= ONE_TYPO_LEN => 1,
            _ => 0,
        };
        if max > 0 {
            let mask = letter_mask(stem);
            for (v, (t, m)) in self.vocab.iter().zip(&self.masks).enumerate() {
                if t.len().abs_diff(len) > max
                    || (m ^ mask).count_ones() as usize > 2 * max
                    || **t == *stem
                    || (raw.len() >= MIN_PREFIX_LEN && t.starts_with(raw))
                {
                    continue;
                }
                match distance_within(stem.as_bytes(), t.as_bytes(), max) {
                    Some(1) => out.push((v, ONE_TYPO)),
                    Some(2) => out.push((v, TWO_TYPOS)),
                    _ => {}
                }
            }
        }
        out
    }

    pub(crate) fn search(
        &self,
        groups: &[UnitGroup],
        query: &str,
        lang: SearchLang,
        limit: usize,
    ) -> Vec<SearchHit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        if let Some(prefix) = code_query(&query) {
            return code_hits(groups, prefix, lang, limit);
        }
        let mut query_words = words(&query);
        query_words.truncate(MAX_QUERY_WORDS);
        let n = query_words.len();
        if n == 0 || limit == 0 {
            return Vec::new();
        }

        // One key per (title, query word, match): title id, word index and
        // inverted quality, so that sorting groups a title's matches with
        // the best match for each word first.
        let mut keys: Vec<u64> = Vec::new();
        for (i, word) in (0u64..).zip(&query_words) {
            for (v, quality) in self.matches(word) {
                for &id in self.postings(v) {
                    let admitted = self
                        .titles
                        .get(id as usize)
                        .is_some_and(|t| lang.admits(t.french));
                    if admitted {
                        keys.push(
                            (u64::from(id) << 32) | (i << 16) | u64::from(u16::MAX - quality),
                        );
                    }
                }
            }
        }
        keys.sort_unstable();

        let needed = n.div_ceil(2);
        let mut best: Vec<Option<Rank>> = vec![None; groups.len()];
        for same_title in keys.chunk_by(|a, b| a >> 32 == b >> 32) {
            let Some(&first) = same_title.first() else {
                continue;
            };
            let id = (first >> 32) as u32;
            let mut matched = 0;
            let mut quality = 0u32;
            let mut last_word = None;
            for key in same_title {
                let word = (key >> 16) & 0xFFFF;
                if last_word != Some(word) {
                    last_word = Some(word);
                    matched += 1;
                    quality += u32::from(u16::MAX - (key & 0xFFFF) as u16);
                }
            }
            let Some(title) = self.titles.get(id as usize) else {
                continue;
            };
            if matched < needed {
                continue;
            }
            let mut rank = Rank {
                missing: n - matched,
                quality: Reverse(quality),
                is_example: title.example != GROUP_TITLE,
                support: Reverse(1),
                words: title.words,
                chars: title.chars,
                title: id,
            };
            let Some(slot) = best.get_mut(title.group as usize) else {
                continue;
            };
            match slot {
                Some(b) if (b.missing, b.quality) == (rank.missing, rank.quality) => {
                    b.support.0 += 1;
                    rank.support = b.support;
                    if rank < *b {
                        *b = rank;
                    }
                }
                Some(b) if (b.missing, b.quality) < (rank.missing, rank.quality) => {}
                _ => *slot = Some(rank),
            }
        }

        let mut ranked: Vec<Rank> = best.into_iter().flatten().collect();
        ranked.sort_unstable();
        ranked
            .into_iter()
            .take(limit)
            .filter_map(|rank| self.hit(groups, rank, n))
            .collect()
    }

    fn hit(&self, groups: &[UnitGroup], rank: Rank, words: usize) -> Option<SearchHit> {
        let title = self.titles.get(rank.title as usize)?;
        let group = groups.get(title.group as usize)?;
        let (lang, name, examples) = if title.french {
            (SearchLang::Fr, &group.title_fr, &group.examples_fr)
        } else {
            (SearchLang::En, &group.title_en, &group.examples_en)
        };
        let matched_title = if title.example == GROUP_TITLE {
            None
        } else {
            Some(examples.get(title.example as usize)?.clone())
        };
        Some(SearchHit {
            code: group.code,
            teer: group.teer,
            title: name.clone(),
            matched_title,
            score: rank.quality.0 as f32 / (words as f32 * f32::from(EXACT)),
            lang,
        })
    }
}

/// The digits of a code query: 1 to 5 digits, optionally after "NOC" or
/// "CNP" (any case).
fn code_query(query: &str) -> Option<&str> {
    let q = query.trim();
    let q = match q.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("noc") || p.eq_ignore_ascii_case("cnp") => {
            q.get(3..).unwrap_or("").trim_start()
        }
        _ => q,
    };
    ((1..=5).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_digit())).then_some(q)
}

fn code_hits(groups: &[UnitGroup], prefix: &str, lang: SearchLang, limit: usize) -> Vec<SearchHit> {
    let hit_lang = if lang == SearchLang::Fr {
        SearchLang::Fr
    } else {
        SearchLang::En
    };
    groups
        .iter()
        .filter(|g| g.code.as_str().starts_with(prefix))
        .take(limit)
        .map(|g| SearchHit {
            code: g.code,
            teer: g.teer,
            title: g.title(hit_lang).to_string(),
            matched_title: None,
            score: 1.0,
            lang: hit_lang,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn code_queries() {
        assert_eq!(code_query(" 2123 "), Some("2123"));
        assert_eq!(code_query("NOC 21232"), Some("21232"));
        assert_eq!(code_query("cnp21232"), Some("21232"));
        assert_eq!(code_query("212321"), None);
        assert_eq!(code_query("noc"), None);
        assert_eq!(code_query("é2"), None);
        assert_eq!(code_query(""), None);
    }

    #[test]
    fn languages_parse() {
        assert_eq!("FR".parse::<SearchLang>(), Ok(SearchLang::Fr));
        assert_eq!("english".parse::<SearchLang>(), Ok(SearchLang::En));
        assert_eq!("any".parse::<SearchLang>(), Ok(SearchLang::Any));
        assert!("de".parse::<SearchLang>().is_err());
        assert_eq!(serde_json::to_string(&SearchLang::Fr).unwrap(), "\"fr\"");
    }

    #[test]
    fn rank_orders_by_coverage_then_quality_then_kind_then_length() {
        let r = |missing, quality, is_example, words| Rank {
            missing,
            quality: Reverse(quality),
            is_example,
            support: Reverse(1),
            words,
            chars: 10,
            title: 0,
        };
        assert!(r(0, 700, true, 9) < r(1, 2000, false, 1));
        assert!(r(0, 2000, true, 9) < r(0, 1900, false, 1));
        assert!(r(0, 2000, false, 9) < r(0, 2000, true, 1));
        assert!(r(0, 2000, true, 2) < r(0, 2000, true, 3));
        let more = Rank {
            support: Reverse(9),
            ..r(0, 2000, false, 5)
        };
        assert!(more < r(0, 2000, false, 2));
        assert!(
            r(0, 2000, false, 2)
                < Rank {
                    support: Reverse(9),
                    ..r(0, 2000, true, 1)
                }
        );
    }
}
