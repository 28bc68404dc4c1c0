//! Groups cleaned articles into events: TF-IDF vectors over stemmed terms (title weighted),
//! cosine similarity damped by distance in time, average-link agglomerative clustering under a
//! threshold. Deterministic: the same input gives the same events.

mod vectors;

use chorus_model::CleanArticle;
use chorus_text::{cosine, SparseVector};
pub use vectors::Vectorizer;

/// Settings for grouping; defaults chosen on `multinews-val` (see ARCHITECTURE.md).
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Average similarity two groups need to merge.
    pub threshold: f32,
    /// How many times a title term counts compared with a body term.
    pub title_weight: f32,
    /// Articles published further apart than this many days are damped toward zero.
    pub max_days_apart: f32,
    /// Above this many articles, a single online pass against event centroids is used
    /// instead of the all-pairs agglomerative clustering.
    pub max_all_pairs: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: 0.18,
            title_weight: 2.0,
            max_days_apart: 7.0,
            max_all_pairs: 3000,
        }
    }
}

/// Events as lists of article indices, with why the articles are together.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    /// Article indices of each event, in input order; events ordered by first article.
    pub events: Vec<Vec<usize>>,
    /// For each article: its mean similarity to the other articles of its event (1 if alone).
    pub similarity: Vec<f32>,
    /// For each event: the terms its articles share most (surface words, not stems).
    pub shared_terms: Vec<Vec<String>>,
}

/// Day number of a `YYYY-MM-DD…` date, for time proximity.
fn day_number(date: &str) -> Option<i64> {
    let y: i64 = date.get(0..4)?.parse().ok()?;
    let m: i64 = date.get(5..7)?.parse().ok()?;
    let d: i64 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (proleptic Gregorian), after H. Hinnant.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

fn time_factor(a: Option<i64>, b: Option<i64>, max_days: f32) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let apart = (a - b).abs() as f32;
            if apart <= max_days {
                1.0
            } else {
                (max_days / apart).powi(2)
            }
        }
        _ => 1.0,
    }
}

/// Groups `articles` into events.
pub fn cluster(articles: &[CleanArticle], config: &ClusterConfig) -> Clustering {
    let n = articles.len();
    if n == 0 {
        return Clustering::default();
    }
    let vectorizer = Vectorizer::fit(articles, config.title_weight);
    let vectors: Vec<SparseVector> = (0..n).map(|i| vectorizer.vector(i)).collect();
    let days: Vec<Option<i64>> = articles
        .iter()
        .map(|a| a.article.published.as_deref().and_then(day_number))
        .collect();
    let sim = |i: usize, j: usize| {
        cosine(&vectors[i], &vectors[j]) * time_factor(days[i], days[j], config.max_days_apart)
    };
    let mut events = if n <= config.max_all_pairs {
        average_link(n, &sim, config.threshold)
    } else {
        online(&vectors, &days, config)
    };
    for e in &mut events {
        e.sort_unstable();
    }
    events.sort_by_key(|e| e[0]);
    let mut similarity = vec![1.0; n];
    for e in &events {
        if e.len() < 2 {
            continue;
        }
        for &i in e {
            let total: f32 = e.iter().filter(|&&j| j != i).map(|&j| sim(i, j)).sum();
            similarity[i] = total / (e.len() - 1) as f32;
        }
    }
    let shared_terms = events
        .iter()
        .map(|e| vectorizer.shared_terms(e, &vectors, 8))
        .collect();
    Clustering {
        events,
        similarity,
        shared_terms,
    }
}

/// Average-link agglomerative clustering over all pairs (Lance–Williams updates).
fn average_link(n: usize, sim: &dyn Fn(usize, usize) -> f32, threshold: f32) -> Vec<Vec<usize>> {
    let mut s = vec![0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let v = sim(i, j);
            s[i * n + j] = v;
            s[j * n + i] = v;
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive: Vec<bool> = vec![true; n];
    loop {
        let mut best = (threshold, usize::MAX, usize::MAX);
        for i in 0..n {
            if !alive[i] {
                continue;
            }
            let row = &s[i * n..(i + 1) * n];
            for j in i + 1..n {
                if alive[j] && row[j] > best.0 {
                    best = (row[j], i, j);
                }
            }
        }
        let (_, a, b) = best;
        if a == usize::MAX {
            break;
        }
        let (na, nb) = (members[a].len() as f32, members[b].len() as f32);
        for k in 0..n {
            if alive[k] && k != a && k != b {
                let v = (na * s[a * n + k] + nb * s[b * n + k]) / (na + nb);
                s[a * n + k] = v;
                s[k * n + a] = v;
            }
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        alive[b] = false;
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

/// One pass in input order: each article joins the most similar event centroid above the
/// threshold or opens a new event. Used when all pairs would be too many.
fn online(
    vectors: &[SparseVector],
    days: &[Option<i64>],
    config: &ClusterConfig,
) -> Vec<Vec<usize>> {
    let mut centroids: Vec<std::collections::HashMap<u32, f32>> = Vec::new();
    let mut event_day: Vec<Option<i64>> = Vec::new();
    let mut events: Vec<Vec<usize>> = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        let mut best = (config.threshold, usize::MAX);
        for (e, c) in centroids.iter().enumerate() {
            let norm: f32 = c.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            let dot: f32 = v
                .iter()
                .map(|(t, w)| c.get(t).copied().unwrap_or(0.0) * w)
                .sum();
            let score = dot / norm * time_factor(days[i], event_day[e], config.max_days_apart);
            if score > best.0 {
                best = (score, e);
            }
        }
        if best.1 == usize::MAX {
            centroids.push(v.iter().copied().collect());
            event_day.push(days[i]);
            events.push(vec![i]);
        } else {
            let c = &mut centroids[best.1];
            for &(t, w) in v {
                *c.entry(t).or_insert(0.0) += w;
            }
            events[best.1].push(i);
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use chorus_model::{AlignedText, Article};

    fn art(text: &str, published: Option<&str>) -> CleanArticle {
        let mut clean = AlignedText::default();
        clean.push(text, 0..text.len());
        CleanArticle {
            article: Article {
                id: text[..10].into(),
                body: text.into(),
                published: published.map(String::from),
                ..Article::default()
            },
            clean,
            paragraphs: std::iter::once(0..text.len()).collect(),
            sentences: vec![],
            removed: vec![],
        }
    }

    #[test]
    fn related_articles_group_and_unrelated_stay_apart() {
        let arts = vec![
            art(
                "The old bridge over the Lerna river collapsed on Monday, injuring commuters.",
                None,
            ),
            art(
                "A pasta festival opens in the harbour square with chefs from ten towns.",
                None,
            ),
            art(
                "Engineers inspect the collapsed Lerna river bridge after Monday's collapse.",
                None,
            ),
            art(
                "Chefs cook pasta for thousands at the harbour square festival.",
                None,
            ),
        ];
        let c = cluster(&arts, &ClusterConfig::default());
        assert_eq!(c.events, vec![vec![0, 2], vec![1, 3]]);
        assert!(
            c.shared_terms[0].iter().any(|t| t == "bridge"),
            "{:?}",
            c.shared_terms[0]
        );
    }

    #[test]
    fn distant_dates_keep_similar_stories_apart() {
        let arts = vec![
            art(
                "The old bridge over the Lerna river collapsed on Monday.",
                Some("2026-01-01"),
            ),
            art(
                "The old bridge over the Lerna river collapsed on Monday.",
                Some("2026-06-01"),
            ),
        ];
        assert_eq!(cluster(&arts, &ClusterConfig::default()).events.len(), 2);
        assert_eq!(day_number("1970-01-02"), Some(1));
    }

    #[test]
    fn online_pass_agrees_on_easy_input() {
        let arts = vec![
            art(
                "The old bridge over the Lerna river collapsed on Monday, injuring commuters.",
                None,
            ),
            art(
                "A pasta festival opens in the harbour square with chefs from ten towns.",
                None,
            ),
            art(
                "Engineers inspect the collapsed Lerna river bridge after Monday's collapse.",
                None,
            ),
        ];
        let config = ClusterConfig {
            max_all_pairs: 0,
            ..ClusterConfig::default()
        };
        assert_eq!(cluster(&arts, &config).events, vec![vec![0, 2], vec![1]]);
    }
}
