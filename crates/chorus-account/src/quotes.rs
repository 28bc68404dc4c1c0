//! Quotes: quoted speech (curly or straight double quotes, possibly spanning sentences) with its
//! speaker ("X said", "said X", "X told Y", "according to X", a pronoun resolved to the last
//! person named before it), matched across outlets when one is a trimmed form of another.

use chorus_model::{Citation, CleanArticle, Quote};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "declared",
    "declares",
    "described",
    "describes",
    "added",
    "adds",
    "stated",
    "asked",
    "wrote",
    "writes",
    "posted",
    "announced",
    "insisted",
    "warned",
    "urged",
    "explained",
    "shouted",
    "replied",
    "noted",
    "called",
    "according",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];
const FILLERS: &[&str] = &[
    "later",
    "also",
    "then",
    "again",
    "earlier",
    "previously",
    "had",
    "has",
    "have",
    "once",
    "and",
    "but",
];
/// Shortest quote (in words) worth reporting; shorter ones are scare quotes.
const MIN_QUOTE_WORDS: usize = 3;

struct Found {
    text: String,
    /// Its lower-cased words as ids of one event's [`Words`], in order.
    tokens: Vec<u32>,
    /// The same ids sorted, each once.
    token_set: Vec<u32>,
    /// One bit per id (hashed into 64): a bit of one quote missing from another's stands for
    /// a word the other lacks.
    bits: u64,
    speaker: Option<String>,
    source: String,
    citation: Citation,
}

/// Lower-cased words of one event's quotes as ids, so quotes compare by integers.
#[derive(Default)]
struct Words {
    ids: HashMap<String, u32>,
    lower: String,
}

impl Words {
    /// The ids of the lower-cased words of `s`, in order.
    fn tokens(&mut self, s: &str) -> Vec<u32> {
        chorus_text::words(s)
            .map(|(_, w)| {
                self.lower.clear();
                if w.is_ascii() {
                    self.lower
                        .extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    self.lower.extend(w.chars().flat_map(char::to_lowercase));
                }
                match self.ids.get(&self.lower) {
                    Some(&id) => id,
                    None => {
                        let id = self.ids.len() as u32;
                        self.ids.insert(self.lower.clone(), id);
                        id
                    }
                }
            })
            .collect()
    }
}

/// Byte ranges of quoted spans (without the marks) in a paragraph.
fn quoted_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open: Option<usize> = None;
    // Only '"' and the lead byte of '“' and '”' (E2 80 9C, E2 80 9D) can start a mark.
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => match straight_open.take() {
                Some(s) => out.push(s..i),
                None => straight_open = Some(i + 1),
            },
            0xE2 => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0x9C]) => open = Some(i + 3),
                Some([0x80, 0x9D]) => {
                    if let Some(s) = open.take() {
                        out.push(s..i);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    // Mixed marks can nest or overlap ("“… said," X"): keep the first of overlapping spans.
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<std::ops::Range<usize>> = Vec::new();
    for r in out {
        if kept.last().is_none_or(|k| r.start > k.end) {
            kept.push(r);
        }
    }
    kept
}

/// The speaker named around a quote, from the sentence text with quotes blanked out.
fn speaker_in(context: &str, before_quote: &str, names: &Names) -> Option<String> {
    let words: Vec<(usize, &str)> = chorus_text::words(context).collect();
    let verb = words
        .iter()
        .position(|(_, w)| SPEECH_VERBS.contains(&w.to_lowercase().as_str()))?;
    let (voff, vword) = words[verb];
    let chunk = if vword.eq_ignore_ascii_case("according") {
        // "according to X": X follows.
        let after = &context[voff + vword.len()..];
        let after = after.trim_start().strip_prefix("to").unwrap_or(after);
        after
            .split([',', '.', ';', '“', '"'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    } else {
        let head = &context[..voff];
        let mut clauses: Vec<&str> = head
            .split([',', ';', ':', '“', '”', '"', '–', '—'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let mut chunk = clauses.pop().unwrap_or("");
        while ["who ", "which ", "whose "]
            .iter()
            .any(|p| chunk.to_lowercase().starts_with(p))
        {
            chunk = clauses.pop().unwrap_or("");
        }
        if chunk.is_empty() || chunk == "\u{1}" {
            // "… ,” said X": the speaker follows the verb.
            let after = &context[voff + vword.len()..];
            after
                .split([',', '.', ';', '“', '"'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        } else {
            chunk.to_string()
        }
    };
    let mut ws: Vec<&str> = chunk.split_whitespace().collect();
    while ws
        .last()
        .is_some_and(|w| FILLERS.contains(w) || w.ends_with("ly"))
    {
        ws.pop();
    }
    while ws
        .first()
        .is_some_and(|w| FILLERS.contains(&w.to_lowercase().as_str()))
    {
        ws.remove(0);
    }
    let chunk = ws.join(" ");
    if chunk.is_empty() {
        return None;
    }
    if ws.len() == 1 && PRONOUNS.contains(&ws[0]) {
        return names.last_person(before_quote);
    }
    if let Some(name) = names.known_name(&chunk) {
        return Some(name);
    }
    if let Some(name) = capitalised_run(&ws) {
        return Some(name);
    }
    // A short noun phrase ("the coalition", "A Kremlin source"), not a bare verb or adverb.
    let determiner = ws.first().is_some_and(|w| {
        [
            "the", "a", "an", "one", "another", "its", "his", "her", "their",
        ]
        .contains(&w.to_lowercase().as_str())
    });
    (ws.len() <= 5 && determiner).then_some(chunk)
}

/// The longest run of capitalised words (name particles allowed inside) of two or more words.
fn capitalised_run(ws: &[&str]) -> Option<String> {
    const PARTICLES: &[&str] = &[
        "al", "al-", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "du",
    ];
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < ws.len() {
        if ws[i].chars().next().is_some_and(char::is_uppercase) {
            let mut j = i + 1;
            while j < ws.len()
                && (ws[j].chars().next().is_some_and(char::is_uppercase)
                    || (PARTICLES.contains(&ws[j]) && j + 1 < ws.len()))
            {
                j += 1;
            }
            if j - i >= 2 && best.is_none_or(|(s, e)| j - i > e - s) {
                best = Some((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    best.map(|(s, e)| ws[s..e].join(" "))
}

/// How far back (bytes) a pronoun speaker is looked for.
const PRONOUN_REACH: usize = 2000;

/// The event's person names (surface → canonical name), indexed so that a clause or a stretch
/// of text is compared only with the names that can occur in it.
struct Names<'a> {
    /// In the map's order (by surface), which breaks ties below.
    list: Vec<(&'a str, &'a str)>,
    /// Positions in `list` by the surface's first run of letters and digits.
    by_run: HashMap<&'a str, Vec<usize>>,
    /// Positions in `list` of surfaces that start with neither.
    unindexed: Vec<usize>,
}

/// Bits of [`prefix_hash`], for [`Names::last_person`]'s filter.
const PREFIX_BITS: u32 = 16;

/// Hash of (the first) four bytes into [`PREFIX_BITS`] bits.
fn prefix_hash(b: &[u8]) -> usize {
    let x = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    (x.wrapping_mul(0x9E37_79B1) >> (32 - PREFIX_BITS)) as usize
}

impl<'a> Names<'a> {
    fn new(names: &'a BTreeMap<String, String>) -> Self {
        let list: Vec<(&str, &str)> = names.iter().map(|(s, c)| (&**s, &**c)).collect();
        let mut by_run: HashMap<&str, Vec<usize>> = HashMap::default();
        let mut unindexed = Vec::new();
        for (k, (surface, _)) in list.iter().enumerate() {
            match surface.split(|c: char| !c.is_alphanumeric()).next() {
                Some(run) if !run.is_empty() => by_run.entry(run).or_default().push(k),
                _ => unindexed.push(k),
            }
        }
        Names {
            list,
            by_run,
            unindexed,
        }
    }

    /// The canonical name of the longest known name inside `text`. A name found there as
    /// whole words begins with one of the text's runs of letters and digits, so only the
    /// names that begin with one are looked for.
    fn known_name(&self, text: &str) -> Option<String> {
        let mut runs: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|r| !r.is_empty())
            .collect();
        runs.sort_unstable();
        runs.dedup();
        let mut candidates = self.unindexed.clone();
        for r in runs {
            if let Some(list) = self.by_run.get(r) {
                candidates.extend(list);
            }
        }
        candidates.sort_unstable();
        candidates
            .into_iter()
            .map(|k| self.list[k])
            .filter(|(surface, _)| contains_words(text, surface))
            .max_by_key(|(surface, _)| surface.len())
            .map(|(_, canonical)| canonical.to_string())
    }

    /// The person named last in `text` (for "he said"), looking back at most
    /// [`PRONOUN_REACH`] bytes: a pronoun points to a speaker named a few sentences earlier.
    /// Only the names whose first four bytes occur in that stretch are looked for.
    fn last_person(&self, text: &str) -> Option<String> {
        let mut from = text.len().saturating_sub(PRONOUN_REACH);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let text = &text[from..];
        let mut present = [0u64; 1 << (PREFIX_BITS - 6)];
        for w in text.as_bytes().windows(4) {
            let h = prefix_hash(w);
            present[h / 64] |= 1 << (h % 64);
        }
        let may_occur = |surface: &str| {
            let b = surface.as_bytes();
            b.len() < 4 || {
                let h = prefix_hash(b);
                present[h / 64] & (1 << (h % 64)) != 0
            }
        };
        self.list
            .iter()
            .filter(|(surface, _)| may_occur(surface))
            .filter_map(|&(surface, canonical)| {
                text.rmatch_indices(surface)
                    .next()
                    .map(|(i, _)| (i + surface.len(), surface.len(), canonical))
            })
            .max_by_key(|&(end, len, _)| (end, len))
            .map(|(_, _, c)| c.to_string())
    }
}

fn contains_words(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn find_in(a: &CleanArticle, names: &Names, words: &mut Words, out: &mut Vec<Found>) {
    let text = a.text();
    for p in &a.paragraphs {
        let para = &text[p.clone()];
        for q in quoted_spans(para) {
            let quote = para[q.clone()].trim().trim_end_matches(',').trim();
            if quote.split_whitespace().count() < MIN_QUOTE_WORDS {
                continue;
            }
            let (qs, qe) = (p.start + q.start, p.start + q.end);
            let sents: Vec<_> = a
                .sentences
                .iter()
                .filter(|s| s.end > qs && s.start < qe)
                .collect();
            let (Some(first), Some(last)) = (sents.first(), sents.last()) else {
                continue;
            };
            // Blank out every quoted span so the speaker is looked for in the reporting text.
            let span = &text[first.start..last.end];
            let mut context = String::new();
            let mut pos = 0;
            for r in quoted_spans(span) {
                context.push_str(&span[pos..r.start]);
                pos = r.end;
            }
            context.push_str(&span[pos..]);
            let speaker = speaker_in(&context, &text[..first.start], names);
            let mut citation = a.citation(first);
            citation.end = last.end;
            let source = a
                .clean
                .to_body(first.start..last.end)
                .and_then(|r| a.article.source_range(r));
            citation.source_start = source.as_ref().map(|r| r.start);
            citation.source_end = source.as_ref().map(|r| r.end);
            let tokens = words.tokens(quote);
            let mut token_set = tokens.clone();
            token_set.sort_unstable();
            token_set.dedup();
            let bits = token_set
                .iter()
                .fold(0u64, |b, &t| b | 1 << (t.wrapping_mul(0x9E37_79B1) >> 26));
            out.push(Found {
                text: quote.to_string(),
                tokens,
                token_set,
                bits,
                speaker,
                source: a.article.source.clone(),
                citation,
            });
        }
    }
}

/// Whether the shorter quote is (nearly) contained in the longer one.
fn same_quote(a: &Found, b: &Found) -> bool {
    let (short, long) = if a.tokens.len() <= b.tokens.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.tokens.len() < MIN_QUOTE_WORDS {
        return false;
    }
    let enough = |hits: usize| hits as f32 / short.tokens.len() as f32 >= 0.8;
    // Each bit the longer quote lacks is at least one word of the shorter one it lacks.
    let lacking = (short.bits & !long.bits).count_ones() as usize;
    if !enough(short.tokens.len().saturating_sub(lacking)) {
        return false;
    }
    let hits = short
        .tokens
        .iter()
        .filter(|w| long.token_set.binary_search(w).is_ok())
        .count();
    enough(hits)
}

pub(crate) fn find(articles: &[&CleanArticle], names: &BTreeMap<String, String>) -> Vec<Quote> {
    let mut found = Vec::new();
    let mut words = Words::default();
    let names = Names::new(names);
    for a in articles {
        find_in(a, &names, &mut words, &mut found);
    }
    let mut groups: Vec<Vec<Found>> = Vec::new();
    for f in found {
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|x| same_quote(x, &f)))
        {
            Some(g) => g.push(f),
            None => groups.push(vec![f]),
        }
    }
    let mut quotes: Vec<Quote> = groups
        .into_iter()
        .map(|g| {
            let longest = g
                .iter()
                .max_by_key(|f| f.tokens.len())
                .map(|f| f.text.clone())
                .unwrap_or_default();
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &g {
                if let Some(s) = &f.speaker {
                    *counts.entry(s).or_insert(0) += 1;
                }
            }
            let speaker = counts
                .into_iter()
                .max_by_key(|&(_, c)| c)
                .map(|(s, _)| s.to_string());
            let mut sources: Vec<String> = Vec::new();
            for f in &g {
                if !sources.contains(&f.source) {
                    sources.push(f.source.clone());
                }
            }
            Quote {
                quote: longest,
                speaker,
                sources,
                citations: g.into_iter().map(|f| f.citation).collect(),
            }
        })
        .collect();
    quotes.sort_by_key(|q| std::cmp::Reverse(q.sources.len()));
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::art;

    fn check(articles: &[CleanArticle], expected: &str) {
        let names: BTreeMap<String, String> = [
            ("Ilsa Berg", "Ilsa van der Berg"),
            ("Mayor Berg", "Ilsa van der Berg"),
            ("Ilsa van der Berg", "Ilsa van der Berg"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let refs: Vec<&CleanArticle> = articles.iter().collect();
        let got: Vec<String> = find(&refs, &names)
            .into_iter()
            .map(|q| {
                format!(
                    "{} | {} | {}",
                    q.quote,
                    q.speaker.unwrap_or_default(),
                    q.sources.join(",")
                )
            })
            .collect();
        assert_eq!(got.join("\n"), expected);
    }

    #[test]
    fn speakers_before_after_and_pronouns() {
        check(
            &[
                art("A", "Ilsa Berg spoke first. “We will rebuild the bridge,” she said. The engineer told reporters: “The deck was cracked for years.”"),
                art("B", "“We will rebuild the bridge quickly,” said Mayor Berg. Residents were angry, according to the union."),
            ],
            "We will rebuild the bridge quickly | Ilsa van der Berg | A,B\nThe deck was cracked for years. | The engineer | A",
        );
    }
}
