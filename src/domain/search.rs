//! Offline full-text search over the question bank.
//!
//! The content compiler builds a [`SearchIndex`] with [`SearchIndex::build`]
//! and writes it as its own content-hashed data file; the search page fetches
//! it only when it opens and queries it with a [`Searcher`] on every
//! keystroke. The index maps each term to the questions that contain it and
//! the best field it appears in (id or service > stem > options >
//! explanations), so a query never needs the questions themselves; the
//! plain-text stems are in it for the result snippets.
//!
//! Matching: terms are lowercase runs of letters and digits (punctuation
//! folds to a break), every query word must match (AND), the last word also
//! matches as a prefix while it is still being typed, and words of five or
//! more letters also match terms one edit away (two from eight letters:
//! insertion, deletion, substitution or a swap of neighbours), ranked below
//! exact matches.

use serde::{Deserialize, Serialize};

use super::question::Question;

/// Where in a question a term appears; a higher field ranks higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Explanation = 0,
    Option = 1,
    Stem = 2,
    /// The question's id or one of its services.
    IdOrService = 3,
}

impl Field {
    fn from_bits(bits: u32) -> Field {
        match bits & 3 {
            0 => Field::Explanation,
            1 => Field::Option,
            2 => Field::Stem,
            _ => Field::IdOrService,
        }
    }

    /// The ranking weight of a hit in this field.
    pub fn weight(self) -> u32 {
        self as u32 + 1
    }
}

/// The compiled search index (`data/search.<hash>.json`). Questions are
/// numbered in the order of the content index's `questions`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    /// The vocabulary, sorted.
    pub terms: Vec<String>,
    /// For each term, its questions in increasing number, delta-encoded:
    /// `(number − previous number) << 2 | field`, the field being the best
    /// one the term appears in.
    pub postings: Vec<Vec<u32>>,
    /// Each question's stem as plain text, for snippets.
    pub stems: Vec<String>,
}

/// Common words that are neither indexed nor required in a query.
const STOP: [&str; 33] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "for", "from", "has", "in",
    "into", "is", "it", "its", "of", "on", "or", "so", "that", "the", "then", "this", "to", "was",
    "what", "when", "which", "with", "s",
];

fn is_stop(term: &str) -> bool {
    STOP.contains(&term)
}

/// The terms of `text` with their byte ranges: lowercase runs of letters
/// and digits. Every other character (punctuation, spaces) separates terms.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|(_, c)| !c.is_alphanumeric()) {
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        let mut term = String::new();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            term.extend(c.to_lowercase());
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end, term))
    })
}

/// Rendered content HTML (escaped by the compiler) as plain text.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl SearchIndex {
    /// The index of `questions`, numbered in the order given.
    pub fn build(questions: &[Question]) -> SearchIndex {
        use std::collections::BTreeMap;
        // term → (question number → best field)
        let mut map: BTreeMap<String, BTreeMap<u32, Field>> = BTreeMap::new();
        let mut stems = Vec::with_capacity(questions.len());
        for (n, q) in questions.iter().enumerate() {
            let n = n as u32;
            let mut add = |text: &str, field: Field| {
                for (_, _, t) in tokens(text) {
                    if is_stop(&t) {
                        continue;
                    }
                    let best = map.entry(t).or_default().entry(n).or_insert(field);
                    *best = (*best).max(field);
                }
            };
            add(&q.id, Field::IdOrService);
            for s in &q.services {
                add(s, Field::IdOrService);
            }
            let stem = plain_text(&q.stem);
            add(&stem, Field::Stem);
            for o in &q.options {
                add(&plain_text(&o.text), Field::Option);
            }
            for o in &q.options {
                add(&plain_text(&o.explanation), Field::Explanation);
            }
            stems.push(stem);
        }
        let mut terms = Vec::with_capacity(map.len());
        let mut postings = Vec::with_capacity(map.len());
        for (term, qs) in map {
            let mut prev = 0;
            postings.push(
                qs.into_iter()
                    .map(|(n, f)| {
                        let gap = n - prev;
                        prev = n;
                        gap << 2 | f as u32
                    })
                    .collect(),
            );
            terms.push(term);
        }
        SearchIndex {
            terms,
            postings,
            stems,
        }
    }
}

/// How a query word matched a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    Typo = 0,
    Exact = 1,
}

/// One result: a question number (into the content index's questions) and
/// what it scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub question: usize,
    /// Query words matched without a typo.
    pub exact_words: u32,
    /// Sum over query words of the best field weight.
    pub score: u32,
}

/// The results of one query: the ranked hits and the vocabulary terms that
/// matched, for marking snippets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub terms: Vec<String>,
}

/// A loaded index, decoded for querying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Searcher {
    terms: Vec<String>,
    /// Per term: (question number, field).
    postings: Vec<Vec<(u32, Field)>>,
    stems: Vec<String>,
}

impl Searcher {
    pub fn new(index: SearchIndex) -> Searcher {
        let postings = index
            .postings
            .iter()
            .map(|p| {
                let mut n = 0;
                p.iter()
                    .map(|&v| {
                        n += v >> 2;
                        (n, Field::from_bits(v))
                    })
                    .collect()
            })
            .collect();
        Searcher {
            terms: index.terms,
            postings,
            stems: index.stems,
        }
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// The vocabulary terms `word` matches, with how. The last word of a
    /// query still being typed (`prefix`) also matches terms it begins.
    fn matches(&self, word: &str, prefix: bool) -> Vec<(usize, Quality)> {
        let mut out = Vec::new();
        if prefix {
            let start = self.terms.partition_point(|t| t.as_str() < word);
            out.extend(
                self.terms[start..]
                    .iter()
                    .take_while(|t| t.starts_with(word))
                    .enumerate()
                    .map(|(i, _)| (start + i, Quality::Exact)),
            );
        } else if let Ok(i) = self.terms.binary_search_by(|t| t.as_str().cmp(word)) {
            out.push((i, Quality::Exact));
        }
        let len = word.chars().count();
        let max = match len {
            0..=4 => 0,
            5..=7 => 1,
            _ => 2,
        };
        if max > 0 {
            for (i, t) in self.terms.iter().enumerate() {
                if t.len().abs_diff(word.len()) <= max
                    && close_start(t, word)
                    && t != word
                    && !(prefix && t.starts_with(word))
                    && within(word, t, max)
                {
                    out.push((i, Quality::Typo));
                }
            }
        }
        out
    }

    /// Ranked results for `query`. Words are AND-ed; when the query does not
    /// end in a separator, its last word also matches as a prefix. Ranking:
    /// more words matched exactly, then a higher field score, then bank order.
    pub fn search(&self, query: &str) -> Results {
        let words: Vec<String> = tokens(query).map(|(_, _, t)| t).collect();
        let typing = query.chars().last().is_some_and(char::is_alphanumeric);
        let n = self.len();
        let mut alive = vec![true; n];
        let mut exact = vec![0u32; n];
        let mut score = vec![0u32; n];
        let mut terms = Vec::new();
        let mut any = false;
        for (w, word) in words.iter().enumerate() {
            let prefix = typing && w + 1 == words.len();
            if is_stop(word) && !prefix {
                continue;
            }
            any = true;
            // Best (quality, field) per question for this word.
            let mut best: Vec<Option<(Quality, Field)>> = vec![None; n];
            for (t, quality) in self.matches(word, prefix) {
                terms.push(self.terms[t].clone());
                for &(q, field) in &self.postings[t] {
                    let slot = &mut best[q as usize];
                    if slot.is_none_or(|b| (quality, field) > b) {
                        *slot = Some((quality, field));
                    }
                }
            }
            for q in 0..n {
                match best[q] {
                    None => alive[q] = false,
                    Some((quality, field)) => {
                        exact[q] += u32::from(quality == Quality::Exact);
                        score[q] += field.weight() * if quality == Quality::Exact { 2 } else { 1 };
                    }
                }
            }
        }
        if !any {
            return Results::default();
        }
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&q| alive[q])
            .map(|q| Hit {
                question: q,
                exact_words: exact[q],
                score: score[q],
            })
            .collect();
        hits.sort_by(|a, b| {
            (b.exact_words, b.score)
                .cmp(&(a.exact_words, a.score))
                .then(a.question.cmp(&b.question))
        });
        terms.sort();
        terms.dedup();
        Results { hits, terms }
    }

    /// A window of question `q`'s stem around the first of `terms` in it,
    /// as (text, is a hit) pieces; the stem's beginning when none is in it.
    pub fn snippet(&self, q: usize, terms: &[String]) -> Vec<(String, bool)> {
        snippet(self.stems.get(q).map_or("", String::as_str), terms, 180)
    }
}

/// A cheap filter before [`within`]: words with a typo keep their first
/// letter or their second (learners rarely get both wrong).
fn close_start(t: &str, word: &str) -> bool {
    let (t, w) = (t.as_bytes(), word.as_bytes());
    t.first() == w.first() || t.get(1) == w.get(1) || t.get(1) == w.first()
}

/// Whether the edit distance (with swaps of neighbours) between `a` and `b`
/// is at most `max`, on bytes (terms are lowercase; a non-ASCII letter
/// counts as more than one edit). Runs on stack rows, as it is called for
/// much of the vocabulary on every keystroke.
fn within(a: &str, b: &str, max: usize) -> bool {
    const LONGEST: usize = 48;
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > LONGEST || b.len() > LONGEST {
        return false;
    }
    // Three rows of the optimal-string-alignment table: i−2, i−1 and i.
    let mut before = [0usize; LONGEST + 1];
    let mut prev = [0usize; LONGEST + 1];
    let mut cur = [0usize; LONGEST + 1];
    for (j, v) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *v = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return false;
        }
        before = prev;
        prev = cur;
    }
    prev[b.len()] <= max
}

/// About `width` characters of `text` around the first token in `terms`,
/// cut at word boundaries, with every such token marked.
pub fn snippet(text: &str, terms: &[String], width: usize) -> Vec<(String, bool)> {
    let toks: Vec<(usize, usize, String)> = tokens(text).collect();
    let is_hit = |t: &str| terms.iter().any(|x| x == t);
    let first = toks.iter().find(|(_, _, t)| is_hit(t)).map_or(0, |t| t.0);
    // Start a little before the first hit, at a word start.
    let back = width / 4;
    let start = toks
        .iter()
        .map(|t| t.0)
        .filter(|&s| s <= first && first - s <= back)
        .min()
        .unwrap_or(first);
    let start = if first <= back { 0 } else { start };
    let limit = start + width;
    let end = toks
        .iter()
        .map(|t| t.1)
        .filter(|&e| e <= limit)
        .max()
        .unwrap_or(text.len())
        .max(first);
    let end = if text.len() <= limit { text.len() } else { end };
    let mut out: Vec<(String, bool)> = Vec::new();
    if start > 0 {
        out.push(("…".into(), false));
    }
    let mut at = start;
    for (s, e, t) in toks.iter().filter(|t| t.0 >= start && t.1 <= end) {
        if is_hit(t) {
            if *s > at {
                out.push((text[at..*s].to_string(), false));
            }
            out.push((text[*s..*e].to_string(), true));
            at = *e;
        }
    }
    if end > at {
        out.push((text[at..end].to_string(), false));
    }
    if end < text.len() {
        out.push(("…".into(), false));
    }
    out
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
