//! Plain data types that flow through the chorus pipeline: the article as read, the cleaned
//! article with its offset map, and the event report (whose serde shape is the stable JSON API).

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One article as read from an input, before any cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Given id (JSON input) or the path relative to the input argument.
    pub id: String,
    /// File the article was read from, when it came from a file.
    pub path: Option<String>,
    /// Outlet name. Unknown outlets get a name of their own (the file stem), never a shared one.
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// RFC 3339 timestamp or plain `YYYY-MM-DD` date, as normalised by ingest.
    pub published: Option<String>,
    /// ISO 639-1 code when given or detected.
    pub language: Option<String>,
    /// The body text exactly as read (header block removed).
    pub body: String,
    /// Byte offset of `body` inside the original input (file or JSON string value).
    pub body_offset: usize,
    /// For a body that is not a slice of the input (the main text extracted from an HTML
    /// page): where its pieces stand in the page. Absent: the body is the input's bytes from
    /// `body_offset` on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_map: Option<SourceMap>,
}

/// Where the bytes of an extracted body came from in the page: runs of body bytes, each
/// standing for a run of page bytes. A run whose two lengths are equal is a verbatim copy
/// (offsets inside it map one to one); any other (a character reference such as `&amp;`)
/// maps as a whole. Body bytes in no run (whitespace the extractor collapsed, text it made)
/// stand for nothing in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMap {
    /// Sorted by `body_start`, not overlapping.
    pub runs: Vec<SourceRun>,
    /// The page's character encoding when it was not UTF-8 (or was, with bytes that are not):
    /// offsets then point into the page decoded to UTF-8, not into its bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decoded_from: Option<String>,
}

/// One run of a [`SourceMap`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRun {
    pub body_start: usize,
    pub body_len: usize,
    pub source_start: usize,
    pub source_len: usize,
}

impl SourceMap {
    /// The page bytes a body range stands for: from where its first byte came from to where
    /// its last one did. `None` when either end is in no run.
    pub fn map(&self, body: Range<usize>) -> Option<Range<usize>> {
        if body.is_empty() {
            return None;
        }
        let at = |p: usize| -> Option<&SourceRun> {
            let i = self
                .runs
                .partition_point(|r| r.body_start + r.body_len <= p);
            self.runs.get(i).filter(|r| r.body_start <= p)
        };
        let first = at(body.start)?;
        let last = at(body.end - 1)?;
        let start = if first.body_len == first.source_len {
            first.source_start + (body.start - first.body_start)
        } else {
            first.source_start
        };
        let end = if last.body_len == last.source_len {
            last.source_start + (body.end - last.body_start)
        } else {
            last.source_start + last.source_len
        };
        (start < end).then_some(start..end)
    }

    /// A compact form for storage: the encoding's name (or nothing) and a zero byte, then
    /// each run as four LEB128 numbers, its starts as the distance from the previous run's
    /// ends.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.runs.len() * 5 + 8);
        if let Some(e) = &self.decoded_from {
            out.extend(e.bytes().filter(|&b| b != 0));
        }
        out.push(0);
        let (mut body, mut source) = (0usize, 0usize);
        for r in &self.runs {
            // Runs go forward in the page as in the body; a step back would wrap, and wraps
            // back on reading.
            for n in [
                r.body_start.wrapping_sub(body),
                r.body_len,
                r.source_start.wrapping_sub(source),
                r.source_len,
            ] {
                write_varint(&mut out, n as u64);
            }
            body = r.body_start + r.body_len;
            source = r.source_start + r.source_len;
        }
        out
    }

    /// Reads [`SourceMap::to_bytes`]; `None` for bytes it did not write.
    pub fn from_bytes(bytes: &[u8]) -> Option<SourceMap> {
        let zero = bytes.iter().position(|&b| b == 0)?;
        let name = std::str::from_utf8(&bytes[..zero]).ok()?;
        let mut rest = &bytes[zero + 1..];
        let mut runs = Vec::new();
        let (mut body, mut source) = (0usize, 0usize);
        while !rest.is_empty() {
            let mut next = || read_varint(&mut rest);
            let gap = usize::try_from(next()?).ok()?;
            let body_len = usize::try_from(next()?).ok()?;
            let source_gap = next()? as usize;
            let source_len = usize::try_from(next()?).ok()?;
            let body_start = body.checked_add(gap)?;
            let source_start = source.wrapping_add(source_gap);
            runs.push(SourceRun {
                body_start,
                body_len,
                source_start,
                source_len,
            });
            body = body_start.checked_add(body_len)?;
            source = source_start.checked_add(source_len)?;
        }
        Some(SourceMap {
            runs,
            decoded_from: (!name.is_empty()).then(|| name.to_string()),
        })
    }
}

fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How an article whose outlet is unknown is named: "outlet unknown (its file stem or id)",
/// so every format says so and no two unknown outlets share a name.
pub fn unknown_outlet(name: &str) -> String {
    format!("outlet unknown ({name})")
}

/// Whether an outlet name says the outlet is unknown ([`unknown_outlet`]).
pub fn is_unknown_outlet(source: &str) -> bool {
    source.starts_with("outlet unknown (")
}

impl Article {
    /// An article of `source` with the text `body` under `id`, nothing else known.
    pub fn new(id: &str, source: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            source: source.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    /// The input bytes that body bytes `body` stand for (through the source map when the
    /// body was extracted from a page).
    pub fn source_range(&self, body: Range<usize>) -> Option<Range<usize>> {
        match &self.source_map {
            Some(map) => map.map(body),
            None => Some(body.start + self.body_offset..body.end + self.body_offset),
        }
    }
}

/// Why a piece of the original body is not in the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// Site furniture: promo, navigation, related links, lines recurring across one outlet.
    Boilerplate,
    /// A paragraph that already appeared earlier in the same article.
    RepeatedParagraph,
}

impl RemovalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalKind::Boilerplate => "boilerplate",
            RemovalKind::RepeatedParagraph => "repeated_paragraph",
        }
    }
}

/// The [`Removal::reason`] of a line its outlet repeats across its articles (outlet
/// furniture): written by the cleaning, read back by a collection that keeps an outlet's
/// furniture while it cleans only some of its articles again.
pub const RECURS_IN_OUTLET: &str = "recurs_in_outlet";

/// A removed paragraph, kept so that nothing disappears silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub kind: RemovalKind,
    pub text: String,
    /// Which rule removed it (e.g. `promo`, `related_links`, [`RECURS_IN_OUTLET`]).
    pub reason: String,
    /// Byte range in `Article::body`.
    pub body_start: usize,
    pub body_end: usize,
}

/// One contiguous piece of the cleaned text and where it came from in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub clean_start: usize,
    pub clean_len: usize,
    pub body_start: usize,
    pub body_len: usize,
}

/// Cleaned text plus the map from its bytes back to the body bytes.
///
/// Spans are sorted and cover the cleaned text without gaps, except for the paragraph
/// separators the cleaner inserts (which map to nothing).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedText {
    pub text: String,
    pub spans: Vec<Span>,
}

impl AlignedText {
    /// Appends `s`, which stands for `body` bytes `body_range`. When `s` is a verbatim copy,
    /// offsets inside it map one to one; otherwise the whole piece maps to the whole range.
    pub fn push(&mut self, s: &str, body_range: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let span = Span {
            clean_start: self.text.len(),
            clean_len: s.len(),
            body_start: body_range.start,
            body_len: body_range.len(),
        };
        // Merge with the previous span when both are verbatim and adjacent.
        if let Some(last) = self.spans.last_mut() {
            let verbatim = last.clean_len == last.body_len && span.clean_len == span.body_len;
            if verbatim
                && last.clean_start + last.clean_len == span.clean_start
                && last.body_start + last.body_len == span.body_start
            {
                last.clean_len += span.clean_len;
                last.body_len += span.body_len;
                self.text.push_str(s);
                return;
            }
        }
        self.spans.push(span);
        self.text.push_str(s);
    }

    /// Appends text that stands for nothing in the body (a paragraph separator).
    pub fn push_synthetic(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Maps a cleaned byte offset to a body byte offset (`end` picks the end of a piece).
    fn map_offset(&self, offset: usize, end: bool) -> Option<usize> {
        let idx = self.spans.partition_point(|s| {
            if end {
                s.clean_start + s.clean_len < offset
            } else {
                s.clean_start + s.clean_len <= offset
            }
        });
        let span = self.spans.get(idx)?;
        if offset < span.clean_start {
            // Offset falls in a synthetic separator: snap to the next span.
            return Some(span.body_start);
        }
        let delta = offset - span.clean_start;
        if span.clean_len == span.body_len {
            Some(span.body_start + delta)
        } else if end && delta > 0 {
            Some(span.body_start + span.body_len)
        } else if !end && delta < span.clean_len {
            Some(span.body_start)
        } else {
            Some(span.body_start + span.body_len)
        }
    }

    /// Maps a byte range of the cleaned text back to a byte range of the body.
    pub fn to_body(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = self.map_offset(range.start, false)?;
        let end = self.map_offset(range.end, true)?;
        Some(start..end.max(start))
    }
}

/// One sentence of a cleaned article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte range in the cleaned text.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (among kept paragraphs) holding it.
    pub paragraph: usize,
}

/// An article after cleaning: the text a reader would want, and a record of what went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanArticle {
    pub article: Article,
    pub clean: AlignedText,
    /// Byte ranges of kept paragraphs in the cleaned text.
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
    pub removed: Vec<Removal>,
}

impl CleanArticle {
    /// `article` taken as clean already: its body, verbatim, is the cleaned text and its one
    /// paragraph; nothing removed, no sentences split (a caller that needs them sets them).
    /// For sentences compared apart from any page, and for the stages' unit tests.
    pub fn verbatim(article: Article) -> CleanArticle {
        let mut clean = AlignedText::default();
        clean.push(&article.body, 0..article.body.len());
        let paragraphs = std::iter::once(0..article.body.len()).collect();
        CleanArticle {
            article,
            clean,
            paragraphs,
            sentences: vec![],
            removed: vec![],
        }
    }

    pub fn text(&self) -> &str {
        &self.clean.text
    }

    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.clean.text[s.start..s.end]
    }

    pub fn citation(&self, s: &Sentence) -> Citation {
        let source = self
            .clean
            .to_body(s.start..s.end)
            .and_then(|r| self.article.source_range(r));
        Citation {
            article: self.article.id.clone(),
            start: s.start,
            end: s.end,
            source_start: source.as_ref().map(|r| r.start),
            source_end: source.as_ref().map(|r| r.end),
            support: None,
        }
    }
}

/// A problem with one input; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub message: String,
}

/// The answer to "are these two articles the same story?" (`chorus similarity --json`,
/// `POST /api/similarity`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SameStory {
    /// Ids of the two articles.
    pub a: String,
    pub b: String,
    /// Cosine of their weighted term vectors, damped by their distance in time (0 to 1).
    pub cosine: f64,
    /// The cosine's square root, which follows graded human judgements more linearly.
    pub score: f64,
    /// Whether the cosine reaches the threshold at which articles join one event.
    pub same_story: bool,
    pub threshold: f64,
    /// Articles whose term statistics weighed the words (with none, every word counts alike).
    pub background: usize,
    /// The words both articles hold that weigh most in the cosine, as written, strongest first.
    #[serde(default)]
    pub shared_terms: Vec<String>,
    /// The language each article was read in (ISO 639-1, lower case), where it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_a: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_b: Option<String>,
}

impl SameStory {
    /// The two languages, when both are known and differ. Across languages only names,
    /// numbers and words spelt alike can match, so one story told in two languages scores far
    /// lower than in one.
    pub fn languages_differ(&self) -> Option<(&str, &str)> {
        let (a, b) = (self.language_a.as_deref()?, self.language_b.as_deref()?);
        (!a.eq_ignore_ascii_case(b)).then_some((a, b))
    }

    /// What to tell a reader when [`SameStory::languages_differ`]: how low one story told in
    /// two languages scores (SemEval 2022 Task 8's cross-language pairs: the last line of
    /// `cargo xtask similarity`).
    pub fn cross_language_caveat(&self) -> Option<String> {
        let (a, b) = self.languages_differ()?;
        Some(format!(
            "The two are in different languages ({a}, {b}): across languages only names, numbers \
             and words spelt alike can match. Of SemEval's cross-language pairs that people \
             judged one story, more than half score under 0.08 and one in twelve reaches 0.16, \
             so a low cosine here says little."
        ))
    }
}

/// Points at a sentence: article id plus byte range in that article's cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// For a sentence that supports a corroborated fact: why it does: `same words` (the fact's
    /// words, letter for letter), `reprint` (the same wire text as the fact's sentence) or
    /// `paraphrase` (its own words, judged to state the same claim).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub support: Option<String>,
    /// The same sentence as a byte range of the original input, when it maps back.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_end: Option<usize>,
}

impl Citation {
    /// How many bytes the cited sentence shares with `start..end` of article `article`'s
    /// original input, when that is at least half of the shorter of the two (the same
    /// sentence, however the two were cut); `None` otherwise or without source offsets.
    pub fn source_overlap(&self, article: &str, start: usize, end: usize) -> Option<usize> {
        let (cs, ce) = (self.source_start?, self.source_end?);
        if self.article != article {
            return None;
        }
        let overlap = ce.min(end).saturating_sub(cs.max(start));
        (overlap * 2 >= (ce - cs).min(end.saturating_sub(start)).max(1)).then_some(overlap)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountSentence {
    pub text: String,
    /// Outlets that state it, first the one whose wording is shown.
    pub sources: Vec<String>,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorroboratedFact {
    pub text: String,
    pub sources: Vec<String>,
    pub citations: Vec<Citation>,
    /// Independent known outlets that state it (reprints of one wire text count once).
    #[serde(default)]
    pub outlets: usize,
    /// Articles of unknown outlet that state it: shown, never counted as a further outlet.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unknown_outlets: usize,
    /// Outlets in `sources` that carry this fact only as a reprint of another outlet's wire
    /// text; they do not count as independent corroboration.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_wire_text: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleSourceFact {
    pub text: String,
    pub source: String,
    pub citations: Vec<Citation>,
    /// Other outlets that reprint the same wire text (so they are not a second source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_wire_text: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// The outlet's own wording of the differing value.
    pub text: String,
    pub source: String,
    pub citation: Citation,
    /// The value as it appears (e.g. `24-year`, `50 years`).
    pub value: String,
    /// The value as read: a count, a duration in hours, an age in years, an amount, a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// What `number` is in (`people`, `hours`, `years of age`, `$`, `%`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    pub about: String,
    pub versions: Vec<Version>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub quote: String,
    pub speaker: Option<String>,
    pub sources: Vec<String>,
    pub citations: Vec<Citation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Other surface forms, most frequent first (the canonical name is not repeated).
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub sources: Vec<String>,
}

/// Why the articles of an event belong together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMember {
    pub article: String,
    /// The article's cohesion: its mean similarity to the rest of its event (1.0 for a lone
    /// article). Called `similarity` in the report's JSON, which is kept as it is.
    pub similarity: f32,
    /// The earlier article this one duplicates, if any.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// How it duplicates it: `exact` (same cleaned text), `near` (MinHash estimate of word
    /// shingle overlap ≥ 0.8) or `version` (same URL, other text).
    #[serde(default)]
    pub duplicate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub articles: Vec<String>,
    pub sources: Vec<String>,
    /// Earliest and latest publication among the articles, when known.
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub members: Vec<EventMember>,
    /// Terms the articles share most.
    pub shared_terms: Vec<String>,
    /// Names (people, places, organisations) the articles share most.
    #[serde(default)]
    pub shared_names: Vec<String>,
    /// Specifics (rare names, places, figures) two or more of its articles share: what holds
    /// the event together. Empty for one article, and where only vocabulary that stories of
    /// one kind share holds the articles together (weak evidence, which the report says).
    #[serde(default)]
    pub specifics: Vec<String>,
    pub account: Vec<AccountSentence>,
    pub corroborated: Vec<CorroboratedFact>,
    pub single_source: Vec<SingleSourceFact>,
    pub differences: Vec<Difference>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

/// One article as shown in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportArticle {
    pub id: String,
    pub path: Option<String>,
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// The cleaned text every citation points into.
    pub text: String,
    pub removed: Vec<ReportRemoval>,
    /// Set when the article is a page that was not in UTF-8 (its encoding's name): the
    /// citations' `source_start`/`source_end` then point into the page decoded to UTF-8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_decoded_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRemoval {
    pub kind: RemovalKind,
    pub text: String,
    pub reason: String,
}

/// Everything `chorus digest` reports; its serde form is the stable JSON output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub articles: Vec<ReportArticle>,
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A character that must not reach a page or a terminal from article text: a control
/// character (escape sequences, NUL, ...) or a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069), with which a title or outlet name could reorder what is
/// shown after it ("Trojan Source"). Renderers drop these; `\n` and `\t` are for each
/// renderer to decide.
pub fn is_unsafe_to_show(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_map_maps_runs_and_round_trips_through_bytes() {
        let map = SourceMap {
            runs: vec![
                // "Dam held" copied, "&amp;" for "&", then "rain" further on.
                SourceRun {
                    body_start: 0,
                    body_len: 8,
                    source_start: 100,
                    source_len: 8,
                },
                SourceRun {
                    body_start: 9,
                    body_len: 1,
                    source_start: 109,
                    source_len: 5,
                },
                SourceRun {
                    body_start: 11,
                    body_len: 4,
                    source_start: 130,
                    source_len: 4,
                },
            ],
            decoded_from: Some("windows-1252".into()),
        };
        assert_eq!(map.map(0..3), Some(100..103));
        assert_eq!(map.map(4..10), Some(104..114));
        assert_eq!(map.map(9..15), Some(109..134));
        // A start or an end in no run is not guessed.
        assert_eq!(map.map(8..12), None);
        assert_eq!(map.map(0..16), None);
        assert_eq!(SourceMap::from_bytes(&map.to_bytes()), Some(map.clone()));
        let plain = SourceMap {
            decoded_from: None,
            ..map
        };
        assert_eq!(SourceMap::from_bytes(&plain.to_bytes()), Some(plain));
        assert_eq!(SourceMap::from_bytes(b"no zero byte"), None);
        assert_eq!(SourceMap::from_bytes(b"\0\x80"), None);
    }

    #[test]
    fn a_caveat_only_when_the_languages_are_known_and_differ() {
        let answer = |a: Option<&str>, b: Option<&str>| SameStory {
            a: "a".into(),
            b: "b".into(),
            cosine: 0.05,
            score: 0.22,
            same_story: false,
            threshold: 0.16,
            background: 0,
            shared_terms: Vec::new(),
            language_a: a.map(str::to_string),
            language_b: b.map(str::to_string),
        };
        assert_eq!(
            answer(Some("de"), Some("en")).languages_differ(),
            Some(("de", "en"))
        );
        let caveat = answer(Some("de"), Some("en"))
            .cross_language_caveat()
            .unwrap();
        assert!(caveat.contains("(de, en)"), "{caveat}");
        for (a, b) in [(Some("EN"), Some("en")), (None, Some("en")), (None, None)] {
            assert_eq!(answer(a, b).languages_differ(), None, "{a:?} {b:?}");
            assert_eq!(answer(a, b).cross_language_caveat(), None);
        }
    }

    #[test]
    fn aligned_text_maps_verbatim_and_replaced_pieces() {
        let body = "Hello   cafe\u{301}.";
        let mut a = AlignedText::default();
        a.push("Hello", 0..5);
        a.push(" ", 5..8);
        a.push("caf", 8..11);
        a.push("\u{e9}", 11..14);
        a.push(".", 14..15);
        assert_eq!(a.text, "Hello caf\u{e9}.");
        assert_eq!(a.to_body(0..5), Some(0..5));
        assert_eq!(a.to_body(6..11), Some(8..14));
        assert_eq!(&body[a.to_body(0..a.text.len()).unwrap()], body);
    }

    #[test]
    fn aligned_text_skips_synthetic_separators() {
        let mut a = AlignedText::default();
        a.push("One.", 0..4);
        a.push_synthetic("\n\n");
        a.push("Two.", 10..14);
        assert_eq!(a.to_body(6..10), Some(10..14));
        assert_eq!(a.to_body(0..4), Some(0..4));
    }
}

/// One day of an event's story: what arrived and what was first said that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineDay {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Articles published that day (ids, in the event's order).
    pub articles: Vec<String>,
    /// Facts (corroborated or single-source) no article of an earlier day states.
    pub new_facts: Vec<TimelineFact>,
    /// Figures or names of a difference reported that day with a value no earlier day gave.
    pub changed_figures: Vec<TimelineFigure>,
}

/// A fact on the day it was first reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineFact {
    pub text: String,
    /// The outlets that stated it that day.
    pub sources: Vec<String>,
    /// True when other outlets corroborate it (that day or later).
    pub corroborated: bool,
}

/// A value of a difference on the first day it was reported, after another value earlier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineFigure {
    pub about: String,
    pub value: String,
    pub source: String,
    /// The values reported before that day.
    pub earlier: Vec<String>,
}
