//! TF-IDF vectors of articles over stemmed terms: sublinear term frequency, smoothed inverse
//! document frequency, title terms weighted up, L2-normalised.

use chorus_model::CleanArticle;
use chorus_text::{unit, SparseVector};
use std::collections::{BTreeMap, HashMap};

const NAME_WEIGHT: f32 = 2.0;

/// Term statistics of one collection of articles.
pub struct Vectorizer {
    counts: Vec<HashMap<u32, f32>>,
    idf: Vec<f32>,
    surface: Vec<String>,
}

impl Vectorizer {
    /// Counts terms of every article (title terms count `title_weight` times).
    pub fn fit(articles: &[CleanArticle], title_weight: f32) -> Vectorizer {
        let terms = chorus_text::Terms::default();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut surface_counts: Vec<BTreeMap<String, u32>> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut counts = Vec::with_capacity(articles.len());
        for a in articles {
            let mut c: HashMap<u32, f32> = HashMap::new();
            let mut add = |text: &str, weight: f32, c: &mut HashMap<u32, f32>| {
                for (_, w) in chorus_text::words(text) {
                    let lower = w.to_lowercase().replace('’', "'");
                    if lower.chars().count() < 2 || chorus_text::is_stopword(&lower) {
                        continue;
                    }
                    let stem = terms.stem(&lower);
                    let next = ids.len() as u32;
                    let id = *ids.entry(stem).or_insert(next);
                    if id as usize == surface_counts.len() {
                        surface_counts.push(BTreeMap::new());
                        df.push(0);
                    }
                    *surface_counts[id as usize].entry(lower).or_insert(0) += 1;
                    // Names (capitalised words) say more about the story than common words.
                    let name = w.chars().next().is_some_and(char::is_uppercase);
                    *c.entry(id).or_insert(0.0) += if name { weight * NAME_WEIGHT } else { weight };
                }
            };
            add(a.text(), 1.0, &mut c);
            if let Some(t) = &a.article.title {
                add(t, title_weight, &mut c);
            }
            for &id in c.keys() {
                df[id as usize] += 1;
            }
            counts.push(c);
        }
        let n = articles.len() as f32;
        let idf = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
            .collect();
        let surface = surface_counts
            .into_iter()
            .map(|m| {
                let mut v: Vec<_> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                v.into_iter().next().map(|x| x.0).unwrap_or_default()
            })
            .collect();
        Vectorizer {
            counts,
            idf,
            surface,
        }
    }

    /// The unit TF-IDF vector of article `i`.
    pub fn vector(&self, i: usize) -> SparseVector {
        unit(
            self.counts[i]
                .iter()
                .map(|(&t, &c)| (t, (1.0 + c.ln()) * self.idf[t as usize]))
                .collect(),
        )
    }

    /// Terms that most of the event's articles share, strongest first, as surface words.
    pub fn shared_terms(&self, event: &[usize], vectors: &[SparseVector], k: usize) -> Vec<String> {
        let mut weight: HashMap<u32, (f32, usize)> = HashMap::new();
        for &i in event {
            for &(t, w) in &vectors[i] {
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
        v.into_iter()
            .take(k)
            .map(|(t, _)| self.surface[t as usize].clone())
            .collect()
    }
}
