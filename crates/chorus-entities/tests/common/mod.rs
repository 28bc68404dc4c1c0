//! What the tests on real data share: a data set's gold events with their articles.

use chorus_model::Article;

/// Each gold event of a data set beside the checkout with its articles, in the order its
/// `events.jsonl` lists them; the articles as the pipeline sees them (an article without a
/// source is its own outlet). None when the data is not there.
pub(crate) fn event_articles(set: &str) -> Option<Vec<(String, Vec<Article>)>> {
    let dir = chorus_testdata::shared(set)?;
    let texts = chorus_testdata::article_texts(&dir.join("articles.jsonl"));
    let events = chorus_testdata::gold_event_members(&dir.join("events.jsonl"));
    Some(
        events
            .into_iter()
            .map(|(event, ids)| {
                let articles = ids
                    .into_iter()
                    .map(|id| Article {
                        source: id.clone(),
                        body: texts[&id].clone(),
                        id,
                        ..Article::default()
                    })
                    .collect();
                (event, articles)
            })
            .collect(),
    )
}
