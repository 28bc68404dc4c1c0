//! The sentences of an event as comparable units: text, outlet, position and a TF-IDF vector
//! over stemmed terms, with demonyms folded into their country ("Syrian" → "Syria") and news
//! phrases read as their plain words ("taken into custody" → "arrested", `data/phrases.txt`).

use chorus_model::{Citation, CleanArticle, Sentence};
use chorus_text::{cosine, unit, SparseVector};
use rustc_hash::FxHashMap as HashMap;

/// One sentence of one article of the event.
pub struct Unit<'a> {
    pub article: usize,
    pub sentence: &'a Sentence,
    pub text: &'a str,
    pub source: &'a str,
    /// Position of the sentence in its article (0 = lead).
    pub position: usize,
    pub words: usize,
    pub vector: SparseVector,
    /// Term ids with the word offsets inside `text` where they occur.
    pub terms: Vec<(u32, usize)>,
}

/// All units of an event plus term statistics.
pub struct Units<'a> {
    pub articles: &'a [&'a CleanArticle],
    pub units: Vec<Unit<'a>>,
    /// Fraction of units each term id occurs in.
    pub df: Vec<f32>,
    /// Each term id's stem (demonyms folded).
    pub stems: Vec<String>,
    /// For each article, the first article whose outlet shares wire text with its outlet
    /// (two or more consecutive identical sentences); itself when none.
    pub wire_group: Vec<usize>,
    /// Centrality of each unit: its summed similarity to the units of other articles.
    pub centrality: Vec<f32>,
    /// Each unit's sentence as its lower-case letters and digits ([`sentence_key`]): units
    /// with equal keys say the same words.
    pub keys: Vec<(u64, usize)>,
    /// Whether each unit repeats, letter for letter, an earlier sentence of its own article
    /// (a pull quote, a teaser cut from the text): the article said it once.
    pub repeat: Vec<bool>,
}

/// Term id of a stop word.
const NONE: u32 = u32::MAX;

/// Summed cosine of every unit to the units of the other articles. The vectors are unit
/// length, so the sum is the dot product with (all vectors − its own article's vectors):
/// linear in the number of sentences, however large the event.
fn centrality(units: &[Unit], terms: usize) -> Vec<f32> {
    let mut all = vec![0f32; terms];
    for u in units {
        for &(t, w) in &u.vector {
            all[t as usize] += w;
        }
    }
    // Units come article by article; `own` holds the current article's sum.
    let mut own = vec![0f32; terms];
    let mut c = Vec::with_capacity(units.len());
    for article in units.chunk_by(|a, b| a.article == b.article) {
        for u in article {
            for &(t, w) in &u.vector {
                own[t as usize] += w;
            }
        }
        c.extend(article.iter().map(|u| {
            u.vector
                .iter()
                .map(|&(t, w)| w * (all[t as usize] - own[t as usize]))
                .sum::<f32>()
                .max(0.0)
        }));
        for u in article {
            for &(t, _) in &u.vector {
                own[t as usize] = 0.0;
            }
        }
    }
    c
}

/// Phrases news uses for one action and the plain words each says (`data/phrases.txt`).
const PHRASES: &str = include_str!("../data/phrases.txt");

/// The phrases of `data/phrases.txt` as (lower-case words, plain words), longest first.
fn phrases() -> &'static [(Vec<&'static str>, Vec<&'static str>)] {
    static TABLE: std::sync::OnceLock<Vec<(Vec<&'static str>, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(Vec<&str>, Vec<&str>)> = PHRASES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once("=>"))
            .map(|(p, w)| {
                (
                    p.split_whitespace().collect(),
                    w.split_whitespace().collect(),
                )
            })
            .collect();
        table.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        table
    })
}

/// The words of a sentence (`said`, as `chorus_text::words` gives them) with each phrase of
/// `data/phrases.txt` read as its plain words ("taken into custody" as "arrested"), each plain word at
/// the offset of the phrase's word in its place (the last one's past its end): so two reports
/// that differ only in such phrasing share their terms.
pub(crate) fn plain_words<'w>(said: &[(usize, &'w str)]) -> Vec<(usize, &'w str)> {
    let mut out = Vec::with_capacity(said.len());
    let mut i = 0;
    while i < said.len() {
        let found = phrases().iter().find(|(p, _)| {
            said.len() - i >= p.len()
                && p.iter()
                    .zip(&said[i..])
                    .all(|(x, y)| y.1.eq_ignore_ascii_case(x))
        });
        match found {
            Some((p, plain)) => {
                for (k, w) in plain.iter().enumerate() {
                    out.push((said[i + k.min(p.len() - 1)].0, *w));
                }
                i += p.len();
            }
            None => {
                out.push(said[i]);
                i += 1;
            }
        }
    }
    out
}

impl<'a> Units<'a> {
    pub fn new(articles: &'a [&'a CleanArticle]) -> Self {
        let stems = chorus_text::Terms::default();
        // Every word as written is lower-cased, checked and stemmed once per event.
        let mut written: HashMap<&'a str, u32> = HashMap::default();
        let mut stem_ids: HashMap<String, u32> = HashMap::default();
        let mut stem_list: Vec<String> = Vec::new();
        let mut raw: Vec<Vec<(u32, usize)>> = Vec::new();
        let mut meta = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            for (pos, s) in a.sentences.iter().enumerate() {
                let text = a.sentence_text(s);
                let mut terms = Vec::new();
                let said: Vec<(usize, &str)> = chorus_text::words(text).collect();
                let words = said.len();
                for (off, w) in plain_words(&said) {
                    let id = *written.entry(w).or_insert_with(|| {
                        stems.with_content_word(w, |resolved| {
                            let Some((_, stem)) = resolved else {
                                return NONE;
                            };
                            if let Some(&id) = stem_ids.get(stem) {
                                return id;
                            }
                            stem_list.push(stem.to_string());
                            stem_ids.insert(stem.to_string(), stem_list.len() as u32 - 1);
                            stem_list.len() as u32 - 1
                        })
                    });
                    if id != NONE {
                        terms.push((id, off));
                    }
                }
                raw.push(terms);
                meta.push((ai, s, text, pos, words));
            }
        }
        // Fold demonyms into place names present in the event ("syrian" → "syria"). Term ids
        // are given in order of first occurrence.
        let fold = |t: &str| -> String {
            for suffix in ["ian", "an", "n", "i"] {
                if let Some(base) = t.strip_suffix(suffix) {
                    if base.len() >= 4 && stem_ids.contains_key(base) {
                        return base.to_string();
                    }
                }
            }
            t.to_string()
        };
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut final_id = vec![NONE; stem_list.len()];
        let folded: Vec<Vec<(u32, usize)>> = raw
            .iter()
            .map(|terms| {
                terms
                    .iter()
                    .map(|&(r, off)| {
                        if final_id[r as usize] == NONE {
                            let next = ids.len() as u32;
                            final_id[r as usize] =
                                *ids.entry(fold(&stem_list[r as usize])).or_insert(next);
                        }
                        (final_id[r as usize], off)
                    })
                    .collect()
            })
            .collect();
        let mut df = vec![0f32; ids.len()];
        let mut seen: Vec<u32> = Vec::new();
        for terms in &folded {
            seen.clear();
            seen.extend(terms.iter().map(|t| t.0));
            seen.sort_unstable();
            seen.dedup();
            for &t in &seen {
                df[t as usize] += 1.0;
            }
        }
        let n = folded.len().max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n + 1.0) / (d + 1.0)).ln() + 1.0)
            .collect();
        let units: Vec<Unit> = meta
            .into_iter()
            .zip(folded)
            .map(|((article, sentence, text, position, words), terms)| {
                let mut ids: Vec<u32> = terms.iter().map(|t| t.0).collect();
                ids.sort_unstable();
                let vector = unit(
                    ids.chunk_by(|a, b| a == b)
                        .map(|run| {
                            let t = run[0];
                            (t, (1.0 + (run.len() as f32).ln()) * idf[t as usize])
                        })
                        .collect(),
                );
                Unit {
                    article,
                    sentence,
                    text,
                    source: &articles[article].article.source,
                    position,
                    words,
                    vector,
                    terms,
                }
            })
            .collect();
        let centrality = centrality(&units, ids.len());
        let keys: Vec<Vec<(u64, usize)>> = articles
            .iter()
            .map(|a| a.sentences.iter().map(|s| sentence_key(a, s)).collect())
            .collect();
        let wire_group = wire_groups(articles, &keys);
        let mut repeat = Vec::with_capacity(units.len());
        for article in &keys {
            let mut said = rustc_hash::FxHashSet::default();
            repeat.extend(article.iter().map(|k| !said.insert(*k)));
        }
        let mut stems = vec![String::new(); ids.len()];
        for (stem, id) in ids {
            stems[id as usize] = stem;
        }
        Units {
            articles,
            units,
            df: df.iter().map(|d| d / n).collect(),
            stems,
            wire_group,
            centrality,
            keys: keys.concat(),
            repeat,
        }
    }

    /// Cosine of two units' vectors.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        cosine(&self.units[a].vector, &self.units[b].vector)
    }

    /// Uncommon content words two units share: terms written in lower case in both (so not
    /// names), found in no more sentences of the event than it has articles plus one (about
    /// once per article: the words of one fact). Two of them are evidence of one predicate
    /// ("ransacked the presidential palace" / "ransacking presidential palaces") where a
    /// paraphrase keeps the cosine low.
    pub fn shared_rare_words(&self, a: usize, b: usize) -> usize {
        let n = self.units.len() as f32;
        let limit = (self.articles.len() + 1) as f32 + 0.5;
        let lower =
            |u: &Unit, off: usize| u.text[off..].chars().next().is_some_and(char::is_lowercase);
        let (ua, ub) = (&self.units[a], &self.units[b]);
        let mut shared: Vec<u32> = ua
            .terms
            .iter()
            .filter(|&&(t, off)| lower(ua, off) && self.df[t as usize] * n <= limit)
            .filter(|&&(t, _)| ub.terms.iter().any(|&(x, off)| x == t && lower(ub, off)))
            .map(|&(t, _)| t)
            .collect();
        shared.sort_unstable();
        shared.dedup();
        shared.len()
    }

    pub fn citation(&self, u: usize) -> Citation {
        let unit = &self.units[u];
        self.articles[unit.article].citation(unit.sentence)
    }
}

/// A sentence as its lower-case letters and digits: a 64-bit hash and the length in bytes.
/// ASCII is read a byte at a time; other characters are decoded.
fn sentence_key(a: &CleanArticle, s: &Sentence) -> (u64, usize) {
    let (mut h, mut len) = (0xcbf2_9ce4_8422_2325u64, 0usize);
    let mut add = |c: char| {
        h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
        len += c.len_utf8();
    };
    let text = a.sentence_text(s);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                add(char::from(b.to_ascii_lowercase()));
            }
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            c.to_lowercase().for_each(&mut add);
        }
    }
    (h, len)
}

/// The group of `i` in the union-find forest `g` (each group's root is its smallest member;
/// paths are halved on the way).
pub(crate) fn root(g: &mut [usize], mut i: usize) -> usize {
    while g[i] != i {
        g[i] = g[g[i]];
        i = g[i];
    }
    i
}

/// Puts `i` and `j` in one group of `g`, rooted at the smaller of their roots.
pub(crate) fn join(g: &mut [usize], i: usize, j: usize) {
    let (a, b) = (root(g, i), root(g, j));
    if a != b {
        g[a.max(b)] = a.min(b);
    }
}

/// Groups articles whose outlets reprint the same wire text: two articles from different
/// outlets that share two consecutive identical sentences ([`sentence_key`]s, per article in
/// `keys`), and articles of one outlet.
fn wire_groups(articles: &[&CleanArticle], keys: &[Vec<(u64, usize)>]) -> Vec<usize> {
    // Each article joins the first article of its outlet and the first article holding each
    // of its sentence pairs: the same groups as comparing every two articles, in one pass.
    let mut group: Vec<usize> = (0..articles.len()).collect();
    let mut first_of_outlet: HashMap<&str, usize> = HashMap::default();
    let mut first_of_pair: HashMap<(u64, u64), usize> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        let first = *first_of_outlet.entry(&a.article.source).or_insert(i);
        join(&mut group, first, i);
        for w in keys[i].windows(2).filter(|w| w[0].1 + w[1].1 >= 40) {
            let first = *first_of_pair.entry((w[0].0, w[1].0)).or_insert(i);
            join(&mut group, first, i);
        }
    }
    (0..articles.len()).map(|i| root(&mut group, i)).collect()
}

/// Hours in each unit of time, as a word is written ("day", "weeks", "hrs").
pub(crate) const TIME_UNITS: &[(&str, f64)] = &[
    ("minute", 1.0 / 60.0),
    ("minutes", 1.0 / 60.0),
    ("min", 1.0 / 60.0),
    ("mins", 1.0 / 60.0),
    ("hr", 1.0),
    ("hrs", 1.0),
    ("hour", 1.0),
    ("hours", 1.0),
    ("day", 24.0),
    ("days", 24.0),
    ("week", 168.0),
    ("weeks", 168.0),
    ("month", 730.0),
    ("months", 730.0),
    ("year", 8766.0),
    ("years", 8766.0),
];

/// Hours in a unit of time written as a word ("day", "Weeks"), if it is one.
pub(crate) fn hours_of_unit(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    TIME_UNITS.iter().find(|u| u.0 == lower).map(|u| u.1)
}

/// The interval a hedge written before a figure allows it (the words before it, last last,
/// lower case): "at least 12" is 12 or more, "nearly 200" up to 200, "about 200" a tenth
/// either side; `None` without a hedge.
pub(crate) fn hedged(before: &[&str], v: f64) -> Option<(f64, f64)> {
    let last = before.last().copied().unwrap_or_default();
    let two = before
        .len()
        .checked_sub(2)
        .map(|i| (before[i], before[i + 1]));
    match (two, last) {
        (Some(("at", "most")), _) => Some((0.0, v)),
        (Some(("at", "least")), _) | (Some(("more" | "greater", "than")), _) | (_, "over") => {
            Some((v, f64::INFINITY))
        }
        (Some(("fewer" | "less", "than")), _) | (Some(("up", "to")), _) | (_, "under") => {
            Some((0.0, v))
        }
        (_, "nearly" | "almost") => Some((v * 0.8, v)),
        (_, "about" | "around" | "approximately" | "roughly" | "some" | "estimated") => {
            Some((v * 0.9, v * 1.1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    fn plain(text: &str) -> Vec<String> {
        let said: Vec<(usize, &str)> = chorus_text::words(text).collect();
        plain_words(&said)
            .into_iter()
            .map(|w| w.1.to_lowercase())
            .collect()
    }

    #[test]
    fn news_phrases_read_as_their_plain_words() {
        assert_eq!(
            plain("The man was taken into custody Friday."),
            plain("The man was arrested Friday.")
        );
        assert_eq!(
            plain("A gunman Opened Fire on the crowd."),
            plain("A gunman fired on the crowd.")
        );
        // Only whole phrases: "taken to a hospital" keeps its words.
        assert_eq!(
            plain("He was taken to a hospital."),
            ["he", "was", "taken", "to", "a", "hospital"]
        );
    }
}
