//! Article features and TF-IDF vectors: stemmed content words (title and lead weighted up,
//! capitalised words weighted as names), multi-word names as features of their own, a
//! vocabulary whose document frequencies grow as articles arrive, and unit vectors over the
//! terms that can link two articles (seen in at least two).

use chorus_model::CleanArticle;
use chorus_text::{unit, SparseVector, Terms};
use rustc_hash::FxHashMap as HashMap;

/// How article text becomes weighted terms.
#[derive(Debug, Clone)]
pub struct FeatureConfig {
    /// How many times a title word counts compared with a body word.
    pub title_weight: f32,
    /// Weight of a capitalised word (a name) compared with a common word.
    pub name_weight: f32,
    /// Weight of a multi-word name ("Mitch McConnell") as one feature.
    pub phrase_weight: f32,
    /// Words of the body that count as the lead.
    pub lead_words: usize,
    /// How many times a lead word counts.
    pub lead_weight: f32,
    /// Exponent on inverse document frequency (above 1 favours rare terms more).
    pub idf_power: f32,
    /// Only the strongest terms of an article enter its vector.
    pub max_terms: usize,
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            title_weight: 2.0,
            name_weight: 2.0,
            phrase_weight: 2.0,
            lead_words: 0,
            lead_weight: 1.0,
            idf_power: 2.0,
            max_terms: 150,
        }
    }
}

/// Weighted term counts of one article (term ids from a [`Vocabulary`]).
pub type Counts = Vec<(u32, f32)>;

/// Term ids, document frequencies and the most common surface form of every term; grows as
/// articles are added.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    df: Vec<u32>,
    /// Surface forms of every term with their counts (usually one or two).
    surface: Vec<Vec<(String, u32)>>,
    /// Every word as written, resolved once: stemming and lookups happen per distinct word.
    words: HashMap<String, WordInfo>,
    docs: u32,
}

/// What a word as written stands for.
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// Term id and surface form index, or `NONE` for stop words and single letters.
    term: u32,
    form: u32,
    /// Name id and form index when the word is capitalised, else `NONE`.
    name: u32,
    name_form: u32,
}

const NONE: u32 = u32::MAX;

impl Vocabulary {
    /// Number of articles counted.
    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// The id of `key` and the index of its surface form `surface`, counting one occurrence.
    fn id(&mut self, key: &str, surface: &str) -> (u32, u32) {
        // Look up before allocating: most keys are already known.
        let id = match self.ids.get(key) {
            Some(&id) => id,
            None => {
                let id = self.ids.len() as u32;
                self.ids.insert(key.to_string(), id);
                self.keys.push(key.to_string());
                self.df.push(0);
                self.surface.push(Vec::new());
                id
            }
        };
        let forms = &mut self.surface[id as usize];
        let form = match forms.iter().position(|(f, _)| f == surface) {
            Some(i) => {
                forms[i].1 += 1;
                i
            }
            None => {
                forms.push((surface.to_string(), 1));
                forms.len() - 1
            }
        };
        (id, form as u32)
    }

    /// Resolves a word as written (cached after its first sighting).
    fn word(&mut self, w: &str, stems: &Terms) -> WordInfo {
        if let Some(&info) = self.words.get(w) {
            if info.term != NONE {
                self.surface[info.term as usize][info.form as usize].1 += 1;
            }
            if info.name != NONE {
                self.surface[info.name as usize][info.name_form as usize].1 += 1;
            }
            return info;
        }
        let lower = w.to_lowercase().replace('\u{2019}', "'");
        let mut info = WordInfo {
            term: NONE,
            form: NONE,
            name: NONE,
            name_form: NONE,
        };
        if lower.chars().count() >= 2 && !chorus_text::is_stopword(&lower) {
            let stem = stems.stem(&lower);
            (info.term, info.form) = self.id(&stem, &lower);
            if w.chars().next().is_some_and(char::is_uppercase) {
                // The name as written, for showing why articles are together.
                let shown = w.replace('\u{2019}', "'");
                (info.name, info.name_form) = self.id(&format!("\u{3}{shown}"), &shown);
            }
        }
        self.words.insert(w.to_string(), info);
        info
    }

    /// Counts the terms of `article` into the vocabulary and returns them.
    /// Also returns the ids of its names (capitalised words and multi-word names).
    pub fn add(
        &mut self,
        article: &CleanArticle,
        config: &FeatureConfig,
        stems: &Terms,
    ) -> (Counts, Vec<u32>) {
        let mut c: HashMap<u32, f32> = HashMap::default();
        let mut names: Vec<u32> = Vec::new();
        let mut seen_words = 0usize;
        let mut add = |vocab: &mut Self, text: &str, weight: f32, lead: bool| {
            let mut phrase: Vec<&str> = Vec::new();
            let flush = |vocab: &mut Self,
                         phrase: &mut Vec<&str>,
                         c: &mut HashMap<u32, f32>,
                         names: &mut Vec<u32>| {
                if phrase.len() >= 2 {
                    let joined = phrase.join(" ").replace('\u{2019}', "'");
                    let (id, _) = vocab.id(&format!("\u{1}{joined}"), &joined);
                    names.push(id);
                    if config.phrase_weight > 0.0 {
                        *c.entry(id).or_insert(0.0) += config.phrase_weight * weight;
                    }
                }
                phrase.clear();
            };
            for (_, w) in chorus_text::words(text) {
                let w_lead = if lead && seen_words < config.lead_words {
                    config.lead_weight
                } else {
                    1.0
                };
                if lead {
                    seen_words += 1;
                }
                let info = vocab.word(w, stems);
                if info.term == NONE {
                    flush(vocab, &mut phrase, &mut c, &mut names);
                    continue;
                }
                let k = if info.name != NONE {
                    phrase.push(w);
                    names.push(info.name);
                    config.name_weight
                } else {
                    flush(vocab, &mut phrase, &mut c, &mut names);
                    1.0
                };
                *c.entry(info.term).or_insert(0.0) += weight * k * w_lead;
            }
            flush(vocab, &mut phrase, &mut c, &mut names);
        };
        add(self, article.text(), 1.0, true);
        if let Some(t) = &article.article.title {
            add(self, t, config.title_weight, false);
        }
        for &id in c.keys() {
            self.df[id as usize] += 1;
        }
        // Phrases only described (weight 0) still count once for document frequency.
        names.sort_unstable();
        names.dedup();
        for &id in &names {
            if !c.contains_key(&id) {
                self.df[id as usize] += 1;
            }
        }
        self.docs += 1;
        let mut counts: Counts = c.into_iter().collect();
        counts.sort_unstable_by_key(|x| x.0);
        (counts, names)
    }

    /// Smoothed inverse document frequency of a term.
    pub fn idf(&self, term: u32) -> f32 {
        let n = self.docs as f32;
        ((n + 1.0) / (self.df[term as usize] as f32 + 1.0)).ln() + 1.0
    }

    /// Document frequency of a term.
    pub fn df(&self, term: u32) -> u32 {
        self.df[term as usize]
    }

    /// The unit TF-IDF vector of `counts` (ids of `self`) with document frequencies taken
    /// from `background` plus `self` (for comparing a few articles against a collection).
    pub fn vector_against(
        &self,
        counts: &Counts,
        background: &Vocabulary,
        config: &FeatureConfig,
    ) -> SparseVector {
        let n = (background.docs + self.docs) as f32;
        unit(
            counts
                .iter()
                .map(|&(t, c)| {
                    let key = &self.keys[t as usize];
                    let df = self.df[t as usize]
                        + background
                            .ids
                            .get(key)
                            .map_or(0, |&b| background.df[b as usize]);
                    let idf = ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
                    (t, (1.0 + c.ln()) * idf.powf(config.idf_power))
                })
                .collect(),
        )
    }

    /// The unit TF-IDF vector of `counts`: sublinear term frequency, IDF to the configured
    /// power, only terms seen in at least `min_df` articles (in clustering 2: the others
    /// cannot link two articles and only dilute the norm), the strongest `max_terms`.
    pub fn vector(&self, counts: &Counts, config: &FeatureConfig, min_df: u32) -> SparseVector {
        let mut v: SparseVector = counts
            .iter()
            .filter(|(t, _)| self.df[*t as usize] >= min_df)
            .map(|&(t, c)| (t, (1.0 + c.ln()) * self.idf(t).powf(config.idf_power)))
            .collect();
        if v.len() > config.max_terms {
            v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(config.max_terms);
            v.sort_unstable_by_key(|x| x.0);
        }
        unit(v)
    }

    /// The most common surface form of a term.
    pub fn surface(&self, term: u32) -> &str {
        self.surface[term as usize]
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or("", |x| x.0.as_str())
    }
}

/// Names that most of the event's articles share (multi-word names first), most shared first.
pub(crate) fn shared_names(
    vocab: &Vocabulary,
    event: &[usize],
    names: &[Vec<u32>],
    k: usize,
) -> Vec<String> {
    let mut count: HashMap<u32, usize> = HashMap::default();
    for &i in event {
        for &t in &names[i] {
            *count.entry(t).or_insert(0) += 1;
        }
    }
    let need = if event.len() > 1 { 2 } else { 1 };
    let mut v: Vec<(u32, usize, f32)> = count
        .into_iter()
        .filter(|&(_, n)| n >= need)
        .map(|(t, n)| (t, n, vocab.idf(t)))
        .collect();
    // Most shared first, then the rarer name in the collection, then the longer one.
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
    // Multi-word names first; a single name inside one already shown adds nothing.
    v.sort_by_key(|x| !vocab.surface(x.0).contains(' '));
    let mut out: Vec<String> = Vec::new();
    for (t, _, _) in v {
        let s = vocab.surface(t);
        let lower = s.to_lowercase();
        let covered = out.iter().any(|o| {
            let o = o.to_lowercase();
            o == lower || o.split(' ').any(|w| w == lower)
        });
        if !covered && !s.is_empty() {
            out.push(s.to_string());
        }
        if out.len() == k {
            break;
        }
    }
    out
}

/// Terms that most of the event's articles share, strongest first, as surface words.
pub(crate) fn shared_terms<'a>(
    vocab: &Vocabulary,
    event: &[usize],
    vector: impl Fn(usize) -> &'a SparseVector,
    k: usize,
) -> Vec<String> {
    let mut weight: HashMap<u32, (f32, usize)> = HashMap::default();
    for &i in event {
        for &(t, w) in vector(i) {
            let e = weight.entry(t).or_insert((0.0, 0));
            e.0 += w;
            e.1 += 1;
        }
    }
    let need = if event.len() > 1 { 2 } else { 1 };
    let mut v: Vec<(u32, f32)> = weight
        .into_iter()
        .filter(|(_, (_, n))| *n >= need)
        .map(|(t, (w, _))| (t, w))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    for (t, _) in v {
        let s = vocab.surface(t).to_string();
        // Multi-word names are listed among the names.
        if s.contains(' ') {
            continue;
        }
        if !out.contains(&s) {
            out.push(s);
        }
        if out.len() == k {
            break;
        }
    }
    out
}
