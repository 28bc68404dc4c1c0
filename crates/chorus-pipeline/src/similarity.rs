//! "Are these the same story?" for two articles, against the term statistics of a background
//! collection: what `chorus similarity` prints and `POST /api/similarity` answers.

use crate::Config;
use chorus_clean::CleanConfig;
use chorus_cluster::{graded_score, Similarity, SHARED_TERMS};
use chorus_model::{Article, CleanArticle, SameStory};
use chorus_text::language_code;
use std::collections::BTreeMap;

/// Articles cleaned and counted at a time (whole outlets) when a comparer is built.
const BATCH: usize = 4096;

/// Compares pairs of articles against one background, whose terms are counted once.
pub struct Comparer {
    similarity: Similarity,
    clean: CleanConfig,
    threshold: f32,
    background: usize,
}

impl Comparer {
    /// Cleans `background` and counts its terms (linear in its size); with no background,
    /// every word counts alike.
    pub fn new(background: Vec<Article>, config: &Config) -> Comparer {
        Comparer::in_batches(background, config, BATCH)
    }

    /// Outlet furniture is learned within one outlet, so whole outlets cleaned `batch`
    /// articles or so at a time give the texts of one cleaning of all, without every cleaned
    /// article in memory at once (at 99,000 articles that alone took 850 MB).
    fn in_batches(background: Vec<Article>, config: &Config, batch: usize) -> Comparer {
        let n = background.len();
        let mut similarity = Similarity::new(&[], &config.cluster);
        let mut by_outlet: BTreeMap<String, Vec<Article>> = BTreeMap::new();
        for a in background {
            by_outlet.entry(a.source.clone()).or_default().push(a);
        }
        let mut next = Vec::new();
        let count = |next: Vec<Article>, similarity: &mut Similarity| {
            similarity.add_background(&chorus_clean::clean(next, &config.clean));
        };
        for (_, mut articles) in by_outlet {
            next.append(&mut articles);
            if next.len() >= batch {
                count(std::mem::take(&mut next), &mut similarity);
            }
        }
        if !next.is_empty() {
            count(next, &mut similarity);
        }
        Comparer {
            similarity,
            clean: config.clean.clone(),
            threshold: config.cluster.online.threshold,
            background: n,
        }
    }

    /// How alike `a` and `b` are, each cleaned on its own: two articles are too few to learn
    /// an outlet's furniture from (of one outlet, a short story sent twice would be taken for
    /// a line the outlet repeats, and emptied).
    pub fn compare(&self, a: Article, b: Article) -> SameStory {
        let clean = |x: Article| chorus_clean::clean(vec![x], &self.clean).remove(0);
        let (a, b) = (clean(a), clean(b));
        let (cosine, shared_terms) = self.similarity.explain(&a, &b, SHARED_TERMS);
        let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
        let language = |x: &CleanArticle| x.article.language.as_deref().map(language_code);
        let (language_a, language_b) = (language(&a), language(&b));
        SameStory {
            a: a.article.id,
            b: b.article.id,
            cosine: round(cosine),
            score: round(graded_score(cosine)),
            same_story: cosine >= self.threshold,
            threshold: round(self.threshold),
            background: self.background,
            shared_terms,
            language_a,
            language_b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_story_from_two_outlets_is_told_apart_from_another() {
        let flood = "The river Aln burst its banks at Thornbury on Monday. Rescue crews \
                     evacuated forty homes as the water rose through the night.";
        let flood2 = "Forty homes were evacuated in Thornbury after the Aln burst its banks on \
                      Monday night, rescue crews said.";
        let budget = "The council of Marrow Vale approved its budget for the coming year, \
                      with more money for libraries and less for roads.";
        let background = vec![
            Article::new("x", "P", flood),
            Article::new("y", "Q", flood2),
            Article::new("z", "R", budget),
        ];
        let c = Comparer::new(background, &Config::default());
        let same = c.compare(
            Article::new("a", "P", flood),
            Article::new("b", "Q", flood2),
        );
        assert!(same.same_story, "{same:?}");
        for word in ["thornbury", "aln", "forty"] {
            assert!(same.shared_terms.iter().any(|t| t == word), "{same:?}");
        }
        assert_eq!(
            (same.a.as_str(), same.b.as_str(), same.background),
            ("a", "b", 3)
        );
        assert!((same.score - same.cosine.sqrt()).abs() < 1e-3);
        let other = c.compare(
            Article::new("a", "P", flood),
            Article::new("c", "R", budget),
        );
        assert!(!other.same_story && other.cosine < same.cosine, "{other:?}");
        // One outlet's short story, sent twice, is not taken for the outlet's furniture.
        let twice = c.compare(
            Article::new("a", "P", flood2),
            Article::new("b", "P", flood2),
        );
        assert!(twice.same_story && twice.cosine > 0.99, "{twice:?}");
        // The answer says which languages the two were read in.
        let german = Article {
            language: Some("de".into()),
            ..Article::new(
                "d",
                "S",
                "Die Aln ist am Montag in Thornbury über die Ufer getreten.",
            )
        };
        let english = Article {
            language: Some("en".into()),
            ..Article::new("e", "Q", flood2)
        };
        let across = c.compare(german.clone(), english);
        assert_eq!(across.languages_differ(), Some(("de", "en")), "{across:?}");
        // Tags are named by their language: "de-AT" and "de" are one.
        let austrian = Article {
            language: Some("de-AT".into()),
            ..german.clone()
        };
        let within = c.compare(austrian, german);
        assert_eq!(within.language_a.as_deref(), Some("de"), "{within:?}");
        assert_eq!(within.languages_differ(), None, "{within:?}");
    }

    #[test]
    fn counting_the_background_by_outlets_gives_the_statistics_of_one_cleaning_of_all() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let read = chorus_ingest::ingest_paths(&[corpus], &Default::default()).articles;
        assert!(read.len() >= 10);
        let config = Config::default();
        // Outlet furniture (the lines one outlet repeats) must be learned from all of it.
        let one = Comparer::in_batches(read.clone(), &config, usize::MAX);
        let small = Comparer::in_batches(read.clone(), &config, 1);
        let cleaned = chorus_clean::clean(read.clone(), &config.clean);
        let whole = Similarity::new(&cleaned, &config.cluster);
        for (i, a) in read.iter().enumerate() {
            for (j, b) in read.iter().enumerate().skip(i + 1) {
                let x = one.compare(a.clone(), b.clone());
                assert_eq!(x, small.compare(a.clone(), b.clone()));
                let alone = |x: &Article| chorus_clean::clean(vec![x.clone()], &config.clean);
                let direct = whole.score(&alone(a)[0], &alone(b)[0]);
                assert!((x.cosine - f64::from(direct)).abs() < 1e-4, "{i} {j}");
            }
        }
    }
}
