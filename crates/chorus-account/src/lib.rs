//! The consolidated account of one event: sentences aligned into facts across outlets,
//! corroborated and single-source facts, differing figures, quotes with speakers, and an
//! extractive summary whose every sentence cites the outlets that state it.

mod candidate;
mod differences;
mod facts;
mod quotes;
pub mod statement;
mod summary;
mod units;

/// What the unit tests of the stages share.
#[cfg(test)]
mod testing {
    use chorus_model::{Article, CleanArticle, Sentence};

    /// `text` as the cleaned article of outlet `source` (also its id), one paragraph, split
    /// into sentences as cleaning splits them.
    pub(crate) fn art(source: &str, text: &str) -> CleanArticle {
        let mut a = CleanArticle::verbatim(Article {
            id: source.into(),
            source: source.into(),
            body: text.into(),
            ..Article::default()
        });
        a.sentences = chorus_text::sentences(text)
            .into_iter()
            .map(|r| Sentence {
                start: r.start,
                end: r.end,
                paragraph: 0,
            })
            .collect();
        a
    }
}

use chorus_model::{
    AccountSentence, CleanArticle, CorroboratedFact, Difference, Quote, SingleSourceFact,
};
use std::collections::BTreeMap;

pub use units::{Unit, Units};

/// Settings for the account; defaults chosen on the seed articles, the example corpus and (for
/// the summary) ROUGE on `multinews-val` (see `chorus-eval/tests/multinews.rs`).
#[derive(Debug, Clone)]
pub struct AccountConfig {
    /// Word budget of the summary, in whitespace-separated words; only to reach
    /// `min_sentences` may it be exceeded, by a tenth at most.
    pub words: usize,
    /// Fewest sentences the account aims for (the budget allowing).
    pub min_sentences: usize,
    /// Most sentences the account shows, whatever the budget.
    pub max_sentences: usize,
    /// Probability (of the same-statement model, `statement.rs`) two sentences from different
    /// articles need to state the same fact.
    pub same_statement: f32,
    /// A summary sentence this similar to one already chosen is redundant.
    pub redundancy: f32,
    /// A summary sentence that the same-statement model gives at least this probability of
    /// stating what one already chosen states is redundant (looser than `same_statement`:
    /// the account must not say one thing twice, even where it cannot be sure it is one).
    pub redundant_statement: f32,
    /// Sentences shorter than this many words are not facts on their own (four: "Alcorn
    /// resigned March 2." says who did what and when; captions, credits and headings of as
    /// many words are no prose, `candidate::fitness`).
    pub min_fact_words: usize,
    /// How the summary weighs what makes a sentence worth showing.
    pub summary: SummaryWeights,
}

/// Weights of a summary sentence's score (each term lies in `0..=1`, corroboration in `0..=3`).
#[derive(Debug, Clone)]
pub struct SummaryWeights {
    /// Summed similarity to the sentences of the other articles.
    pub centrality: f32,
    /// Per independent outlet beyond the first that states the same fact.
    pub corroboration: f32,
    /// `1 / sqrt(1 + position)`: news puts the gist first.
    pub position: f32,
}

impl Default for SummaryWeights {
    fn default() -> Self {
        SummaryWeights {
            centrality: 1.0,
            corroboration: 0.5,
            position: 0.3,
        }
    }
}

impl Default for AccountConfig {
    fn default() -> Self {
        AccountConfig {
            words: 150,
            min_sentences: 5,
            max_sentences: 10,
            same_statement: 0.59,
            redundancy: 0.45,
            redundant_statement: 0.2,
            min_fact_words: 4,
            summary: SummaryWeights::default(),
        }
    }
}

/// Everything the account stage says about one event.
#[derive(Debug, Clone, Default)]
pub struct EventAccount {
    pub account: Vec<AccountSentence>,
    pub corroborated: Vec<CorroboratedFact>,
    pub single_source: Vec<SingleSourceFact>,
    pub differences: Vec<Difference>,
    pub quotes: Vec<Quote>,
}

/// Builds the account of one event from its articles. `names` maps surface names to their
/// canonical entity names (from the entities stage) so quotes get one speaker name.
pub fn account(
    articles: &[&CleanArticle],
    names: &BTreeMap<String, String>,
    config: &AccountConfig,
) -> EventAccount {
    let units = Units::new(articles);
    let claims: Vec<statement::Claim> = (0..units.units.len())
        .map(|u| statement::Claim::of(&units, u))
        .collect();
    let facts = facts::align(&units, &claims, config);
    let likely = facts::align_as(
        &units,
        &claims,
        &AccountConfig {
            same_statement: config.redundant_statement,
            ..config.clone()
        },
        false,
    );
    let account = summary::select(&units, &claims, &facts, &likely, config);
    let (corroborated, single_source) = facts::report(&units, &claims, &facts, config);
    let mut differences = differences::find(&units, names);
    differences.extend(differences::name_spellings(&units, names));
    differences.extend(differences::street_names(&units));
    let quotes = quotes::find(articles, names);
    EventAccount {
        account,
        corroborated,
        single_source,
        differences,
        quotes,
    }
}
