//! "Are these the same story?" for two articles, against the term statistics of a background
//! collection: what `chorus similarity` prints and `POST /api/similarity` answers.

use crate::Config;
use chorus_clean::CleanConfig;
use chorus_cluster::{graded_score, Similarity};
use chorus_model::{Article, SameStory};

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
        let n = background.len();
        let cleaned = chorus_clean::clean(background, &config.clean);
        Comparer {
            similarity: Similarity::new(&cleaned, &config.cluster),
            clean: config.clean.clone(),
            threshold: config.cluster.online.threshold,
            background: n,
        }
    }

    /// How alike `a` and `b` are, each cleaned as in a digest (the two together, so a line
    /// both carry from one outlet is that outlet's furniture).
    pub fn compare(&self, a: Article, b: Article) -> SameStory {
        let cleaned = chorus_clean::clean(vec![a, b], &self.clean);
        let cosine = self.similarity.score(&cleaned[0], &cleaned[1]);
        let round = |x: f32| (f64::from(x) * 1e4).round() / 1e4;
        SameStory {
            a: cleaned[0].article.id.clone(),
            b: cleaned[1].article.id.clone(),
            cosine: round(cosine),
            score: round(graded_score(cosine)),
            same_story: cosine >= self.threshold,
            threshold: round(self.threshold),
            background: self.background,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, source: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            source: source.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn the_same_story_from_two_outlets_is_told_apart_from_another() {
        let flood = "The river Aln burst its banks at Thornbury on Monday. Rescue crews \
                     evacuated forty homes as the water rose through the night.";
        let flood2 = "Forty homes were evacuated in Thornbury after the Aln burst its banks on \
                      Monday night, rescue crews said.";
        let budget = "The council of Marrow Vale approved its budget for the coming year, \
                      with more money for libraries and less for roads.";
        let background = vec![
            article("x", "P", flood),
            article("y", "Q", flood2),
            article("z", "R", budget),
        ];
        let c = Comparer::new(background, &Config::default());
        let same = c.compare(article("a", "P", flood), article("b", "Q", flood2));
        assert!(same.same_story, "{same:?}");
        assert_eq!(
            (same.a.as_str(), same.b.as_str(), same.background),
            ("a", "b", 3)
        );
        assert!((same.score - same.cosine.sqrt()).abs() < 1e-3);
        let other = c.compare(article("a", "P", flood), article("c", "R", budget));
        assert!(!other.same_story && other.cosine < same.cosine, "{other:?}");
    }
}
