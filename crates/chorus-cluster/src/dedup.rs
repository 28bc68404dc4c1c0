//! Duplicates at article level: exact (the same cleaned text), near (MinHash over word
//! shingles with LSH banding, confirmed on the signatures' agreement), and versions (the same
//! URL with other text: the story updated in place).
//!
//! Thresholds: shingles of 5 lower-cased words; 64 hash functions in 16 bands of 4 rows, so a
//! pair with Jaccard 0.5 becomes a candidate with probability 0.65 and one with 0.8 with
//! probability 0.9996; a candidate is a near-duplicate when its estimated Jaccard is ≥ 0.8.
//! Candidates are the latest 200 articles of each band the new one falls in
//! ([`DedupConfig::bucket_recent`]).

use chorus_model::CleanArticle;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Settings of duplicate detection (see the module doc for the defaults' reasoning).
#[derive(Debug, Clone)]
pub struct DedupConfig {
    /// Words per shingle.
    pub shingle_words: usize,
    /// MinHash functions (a multiple of `bands`).
    pub hashes: usize,
    /// LSH bands.
    pub bands: usize,
    /// Estimated Jaccard similarity from which two articles are near-duplicates.
    pub near: f32,
    /// Of the articles that share a band with a new one, only the latest this many (per band)
    /// are compared with it, as the clustering's index looks only at a term's latest postings.
    /// Buckets stay far smaller on news (at most 165 in a generated 100k collection); where
    /// many articles are alike (templated stories that differ in figures) they share bands by
    /// the thousand, and comparing all of them made the pass quadratic.
    pub bucket_recent: usize,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            shingle_words: 5,
            hashes: 64,
            bands: 16,
            near: 0.8,
            bucket_recent: 200,
        }
    }
}

/// How an article duplicates an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateKind {
    /// The same cleaned text.
    Exact,
    /// Nearly the same text (estimated Jaccard over word shingles ≥ the threshold).
    Near,
    /// The same URL with other text.
    Version,
}

impl DuplicateKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
            DuplicateKind::Version => "version",
        }
    }
}

/// An article's earliest duplicate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duplicate {
    /// Index of the first article of the duplicate group.
    pub of: usize,
    pub kind: DuplicateKind,
    /// Estimated Jaccard similarity of the shingle sets (1 for exact duplicates).
    pub jaccard: f32,
}

/// 64-bit finaliser of SplitMix64: a fast, well-mixed, deterministic hash of a word.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// FNV-1a, fed a byte at a time.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn feed(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// A 64-bit hash of a whole text, for exact duplicates: FxHash reads eight bytes a step
/// where FNV reads one (FNV over every text was a tenth of the time of `duplicates`).
fn text_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

/// FNV-1a of a word's lower-case UTF-8 bytes, without building the lower-case string.
fn word_hash(word: &str) -> u64 {
    let mut h = Fnv::new();
    for c in word.chars() {
        if c.is_ascii() {
            h.feed(c.to_ascii_lowercase() as u8);
        } else {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                l.encode_utf8(&mut buf).bytes().for_each(|b| h.feed(b));
            }
        }
    }
    h.0
}

/// Hashes of the word shingles of `text` (lower-cased words of letters and digits), in text
/// order, repeats included (a minimum over them is the same as over the set).
pub(crate) fn shingles(text: &str, words_per: usize) -> Vec<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.len() < words_per {
        return Vec::new();
    }
    words
        .windows(words_per)
        .map(|w| w.iter().fold(0u64, |h, &x| mix(h ^ x)))
        .collect()
}

/// The MinHash signature of a shingle set. The shingle hashes are already well mixed, so
/// each of the `hashes` functions is a multiply-add with its own odd multiplier and offset
/// (a bijection of 64-bit words whose high bits order the shingles at random): one multiply
/// per shingle and function. Four functions take their minima in one pass over the shingles
/// (independent chains the processor overlaps; 14% faster than one function per pass).
pub(crate) fn signature(shingles: &[u64], hashes: usize) -> Vec<u64> {
    let functions: Vec<(u64, u64)> = (0..hashes as u64)
        .map(|k| {
            let seed = mix(k.wrapping_add(1));
            (seed | 1, mix(seed))
        })
        .collect();
    let hash = |(a, b): (u64, u64), s: u64| a.wrapping_mul(s).wrapping_add(b);
    let mut out = Vec::with_capacity(hashes);
    let mut fours = functions.chunks_exact(4);
    for f in &mut fours {
        let mut m = [u64::MAX; 4];
        for &s in shingles {
            m[0] = m[0].min(hash(f[0], s));
            m[1] = m[1].min(hash(f[1], s));
            m[2] = m[2].min(hash(f[2], s));
            m[3] = m[3].min(hash(f[3], s));
        }
        out.extend_from_slice(&m);
    }
    for &f in fours.remainder() {
        out.push(
            shingles
                .iter()
                .map(|&s| hash(f, s))
                .min()
                .unwrap_or(u64::MAX),
        );
    }
    out
}

/// What duplicate detection needs of an article, computed independently of the others
/// (so a batch can be sketched in parallel).
#[derive(Debug, Clone)]
pub struct Sketch {
    /// Hash of the whole cleaned text; `None` for an empty text.
    text: Option<u64>,
    /// Whether the text has at least one shingle.
    shingled: bool,
    signature: Vec<u64>,
}

impl Sketch {
    /// The sketch of one article.
    pub fn new(article: &CleanArticle, config: &DedupConfig) -> Sketch {
        let text = article.text();
        let shingles = shingles(text, config.shingle_words);
        Sketch {
            text: (!text.trim().is_empty()).then(|| text_hash(text)),
            shingled: !shingles.is_empty(),
            signature: signature(&shingles, config.hashes),
        }
    }
}

fn agreement(a: &[u64], b: &[u64]) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / a.len().max(1) as f32
}

/// Duplicate detection that takes articles one at a time (each compared with the earlier
/// ones through the LSH buckets, never with all of them).
#[derive(Debug, Clone, Default)]
pub struct Deduper {
    config: DedupConfig,
    /// First article of each text (by a 64-bit hash of the cleaned text).
    by_text: HashMap<u64, usize>,
    by_url: HashMap<String, usize>,
    /// The latest entry of every LSH bucket (by the band's hash, which includes the band's
    /// number); see `entries`.
    buckets: HashMap<u64, usize>,
    /// Bucket entries: the article and the bucket's entry before it (`usize::MAX` for none),
    /// so a bucket is a chain from its latest article back to its first.
    entries: Vec<(usize, usize)>,
    signatures: Vec<Vec<u64>>,
    /// First article of every article's duplicate group.
    root: Vec<usize>,
}

impl Deduper {
    /// An empty detector.
    pub fn new(config: DedupConfig) -> Deduper {
        Deduper {
            config,
            ..Deduper::default()
        }
    }

    /// Adds the next article and says which earlier one it duplicates, if any.
    pub fn add(&mut self, article: &CleanArticle) -> Option<Duplicate> {
        let sketch = Sketch::new(article, &self.config);
        self.add_sketched(article, sketch)
    }

    /// Sketches of a batch of articles, computed in parallel, in order.
    pub fn sketch_all(&self, articles: &[CleanArticle]) -> Vec<Sketch> {
        articles
            .par_iter()
            .map(|a| Sketch::new(a, &self.config))
            .collect()
    }

    /// Like [`Deduper::add`], with the article's sketch made beforehand (by
    /// [`Deduper::sketch_all`] with the same settings).
    pub fn add_sketched(&mut self, article: &CleanArticle, sketch: Sketch) -> Option<Duplicate> {
        let i = self.root.len();
        let Sketch {
            text,
            shingled,
            signature,
        } = sketch;
        let mut found: Option<Duplicate> = None;
        if let Some(h) = text {
            match self.by_text.get(&h) {
                Some(&j) => {
                    found = Some(Duplicate {
                        of: self.root[j],
                        kind: DuplicateKind::Exact,
                        jaccard: 1.0,
                    })
                }
                None => {
                    self.by_text.insert(h, i);
                }
            }
        }
        let rows = (self.config.hashes / self.config.bands.max(1)).max(1);
        if shingled {
            let mut best: Option<(f32, usize)> = None;
            let mut seen: HashSet<usize> = HashSet::default();
            for (b, band) in signature.chunks(rows).enumerate() {
                let key = band.iter().fold(b as u64, |h, &x| mix(h ^ x));
                let entry = self.entries.len();
                let mut at = self.buckets.insert(key, entry).unwrap_or(usize::MAX);
                self.entries.push((i, at));
                // The bucket's articles, latest first.
                for _ in 0..self.config.bucket_recent {
                    let Some(&(j, before)) = self.entries.get(at) else {
                        break;
                    };
                    at = before;
                    if !seen.insert(j) {
                        continue;
                    }
                    let s = agreement(&signature, &self.signatures[j]);
                    if s >= self.config.near
                        && best.is_none_or(|(bs, bj)| s > bs || (s == bs && j < bj))
                    {
                        best = Some((s, j));
                    }
                }
            }
            if found.is_none() {
                if let Some((s, j)) = best {
                    found = Some(Duplicate {
                        of: self.root[j],
                        kind: DuplicateKind::Near,
                        jaccard: s,
                    });
                }
            }
        }
        if let Some(url) = article.article.url.as_deref().filter(|u| !u.is_empty()) {
            match self.by_url.get(url) {
                Some(&j) if found.is_none() => {
                    found = Some(Duplicate {
                        of: self.root[j],
                        kind: DuplicateKind::Version,
                        jaccard: agreement(&signature, &self.signatures[j]),
                    })
                }
                Some(_) => {}
                None => {
                    self.by_url.insert(url.to_string(), i);
                }
            }
        }
        self.signatures.push(signature);
        self.root.push(found.map_or(i, |d| d.of));
        found
    }
}

/// For every article, the earliest article of the duplicate group it joins, if any.
pub fn duplicates(articles: &[CleanArticle], config: &DedupConfig) -> Vec<Option<Duplicate>> {
    let mut d = Deduper::new(config.clone());
    let sketches = d.sketch_all(articles);
    articles
        .iter()
        .zip(sketches)
        .map(|(a, s)| d.add_sketched(a, s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_model::Article;

    fn art(text: &str, url: Option<&str>) -> CleanArticle {
        CleanArticle::verbatim(Article {
            body: text.into(),
            url: url.map(String::from),
            ..Article::default()
        })
    }

    const STORY: &str = "The harbour authority of Lerna closed the north pier on Tuesday after \
        inspectors found cracks in three of its concrete pillars, and ferries to the islands \
        will leave from the south quay until repairs are finished, a spokeswoman said, adding \
        that the work could take several weeks and would cost the port about two million euros \
        according to a first estimate by the engineers who examined the pier on Monday night.";

    #[test]
    fn exact_near_versions_and_unrelated() {
        let near = STORY.replace("Tuesday", "Wednesday");
        let other = "A pasta festival opens in the harbour square with chefs from ten towns \
            and music every evening until Sunday, the organisers said on Friday.";
        let articles = vec![
            art(STORY, Some("https://a.example/pier")),
            art(other, None),
            art(STORY, None),
            art(&near, None),
            art(
                "An updated text about the pier at the same address.",
                Some("https://a.example/pier"),
            ),
            art("", None),
            art("", None),
        ];
        let d = duplicates(&articles, &DedupConfig::default());
        assert_eq!(d[0], None);
        assert_eq!(d[1], None);
        assert_eq!(
            d[2].map(|x| (x.of, x.kind)),
            Some((0, DuplicateKind::Exact))
        );
        let n = d[3].unwrap();
        assert_eq!((n.of, n.kind), (0, DuplicateKind::Near));
        assert!(n.jaccard >= 0.8 && n.jaccard < 1.0, "{}", n.jaccard);
        assert_eq!(
            d[4].map(|x| (x.of, x.kind)),
            Some((0, DuplicateKind::Version))
        );
        assert_eq!(d[5], None);
        assert_eq!(d[6], None);
    }

    #[test]
    fn a_near_duplicate_is_looked_for_among_the_latest_articles_of_a_bucket() {
        // The story, then five reprints with one word changed (each a near-duplicate of the
        // story and of one another), then the story with another word changed.
        let mut articles = vec![art(STORY, None)];
        for day in ["Monday", "Wednesday", "Thursday", "Friday", "Saturday"] {
            articles.push(art(&STORY.replace("Tuesday", day), None));
        }
        articles.push(art(&STORY.replace("three", "four"), None));
        let found = |recent: usize| {
            let config = DedupConfig {
                bucket_recent: recent,
                ..DedupConfig::default()
            };
            duplicates(&articles, &config)[6].map(|d| d.of)
        };
        // Every earlier text is the same story, whose root is the first article.
        assert_eq!(found(200), Some(0));
        assert_eq!(found(2), Some(0));
        // With none of a bucket looked at, nothing is found.
        assert_eq!(found(0), None);
    }

    #[test]
    fn jaccard_estimate_tracks_overlap() {
        let set = |mut v: Vec<u64>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        let a = set(shingles(STORY, 5));
        let half: String = STORY
            .split_whitespace()
            .take(35)
            .collect::<Vec<_>>()
            .join(" ");
        let b = set(shingles(&half, 5));
        let exact = b.iter().filter(|x| a.contains(x)).count() as f32
            / (a.len() + b.len() - b.iter().filter(|x| a.contains(x)).count()) as f32;
        let est = agreement(&signature(&a, 256), &signature(&b, 256));
        assert!((est - exact).abs() < 0.12, "estimate {est}, exact {exact}");
    }
}
