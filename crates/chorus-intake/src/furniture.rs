//! Each outlet's furniture decided from the stored lines of all of its articles. A refresh of
//! the open events reads only a part of an outlet's articles, too few to learn its furniture
//! from; the collection keeps every article's distinct lines (paragraph hashes,
//! `chorus_store::ArticleLines`), so the lines a refresh's articles are cleaned against are
//! decided over all of them, as a digest of the whole collection decides them. A line that
//! pending articles make furniture (or no longer furniture) reopens the closed events of the
//! stored articles holding it, and only those, so that they are cleaned again.

use chorus_model::Article;
use chorus_pipeline::CleanConfig;
use chorus_store::{ArticleLines, Collection, Result};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// The lines of the pending articles (stored or changed since the events were computed).
pub(crate) fn pending_lines(pending: &[Article], config: &CleanConfig) -> Vec<ArticleLines> {
    pending
        .iter()
        .zip(chorus_pipeline::article_lines(pending, config))
        .map(|(a, lines)| ArticleLines {
            id: a.id.clone(),
            source: a.source.clone(),
            lines,
        })
        .collect()
}

/// The outlets of these articles (an article without one is its own and has no furniture).
fn outlets<'a>(sources: impl Iterator<Item = &'a str>) -> Vec<String> {
    let set: BTreeSet<&str> = sources.filter(|s| !s.is_empty()).collect();
    set.into_iter().map(str::to_string).collect()
}

/// Per outlet, its articles' lines in the order they were first stored, `pending` in place of
/// what is stored of them (a new version where its article stood, a new article after all
/// stored ones, as it was stored after them).
fn merged(
    stored: Vec<ArticleLines>,
    pending: &[ArticleLines],
) -> BTreeMap<String, Vec<ArticleLines>> {
    let mut replaced: BTreeMap<&str, &ArticleLines> =
        pending.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out: BTreeMap<String, Vec<ArticleLines>> = BTreeMap::new();
    let mut place = |a: ArticleLines| out.entry(a.source.clone()).or_default().push(a);
    for a in stored {
        match replaced.remove(a.id.as_str()) {
            Some(p) => place(p.clone()),
            None => place(a),
        }
    }
    for p in pending
        .iter()
        .filter(|p| replaced.contains_key(p.id.as_str()))
    {
        place(p.clone());
    }
    out.remove("");
    out
}

/// Each outlet's furniture over these articles' lines.
fn decide(
    by_outlet: &BTreeMap<String, Vec<ArticleLines>>,
    config: &CleanConfig,
) -> BTreeMap<String, HashSet<u64>> {
    by_outlet
        .iter()
        .map(|(source, articles)| {
            let lines: Vec<&[u64]> = articles.iter().map(|a| &a.lines[..]).collect();
            let set = chorus_pipeline::outlet_furniture_lines(&lines, config);
            (source.clone(), set)
        })
        .filter(|(_, set)| !set.is_empty())
        .collect()
}

/// The furniture of the outlets of `articles` (the refresh's), with the pending articles'
/// lines in place of the stored ones; `None` when the collection does not know every
/// article's lines.
pub(crate) fn furniture_of(
    collection: &dyn Collection,
    articles: &[Article],
    pending: &[ArticleLines],
    config: &CleanConfig,
) -> Result<Option<BTreeMap<String, HashSet<u64>>>> {
    let sources = outlets(articles.iter().map(|a| a.source.as_str()));
    let Some(stored) = collection.outlet_lines(&sources)? else {
        return Ok(None);
    };
    Ok(Some(decide(&merged(stored, pending), config)))
}

/// The stored articles, pending ones aside, holding a line of their outlet whose verdict the
/// pending articles change; `None` when the collection does not know every article's lines.
pub(crate) fn recleaned(
    collection: &dyn Collection,
    pending: &[ArticleLines],
    config: &CleanConfig,
) -> Result<Option<Vec<String>>> {
    let sources = outlets(pending.iter().map(|p| p.source.as_str()));
    let Some(stored) = collection.outlet_lines(&sources)? else {
        return Ok(None);
    };
    let mut before: BTreeMap<String, Vec<ArticleLines>> = BTreeMap::new();
    for a in &stored {
        before.entry(a.source.clone()).or_default().push(a.clone());
    }
    let (before, after) = (
        decide(&before, config),
        decide(&merged(stored.clone(), pending), config),
    );
    let none = HashSet::new();
    let mut changed: HashSet<(&str, u64)> = HashSet::new();
    for source in before.keys().chain(after.keys()) {
        let (b, a) = (
            before.get(source).unwrap_or(&none),
            after.get(source).unwrap_or(&none),
        );
        changed.extend(b.symmetric_difference(a).map(|&l| (source.as_str(), l)));
    }
    if changed.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let pending: HashSet<&str> = pending.iter().map(|p| p.id.as_str()).collect();
    let again = stored
        .into_iter()
        .filter(|a| !pending.contains(a.id.as_str()))
        .filter(|a| {
            a.lines
                .iter()
                .any(|&l| changed.contains(&(a.source.as_str(), l)))
        })
        .map(|a| a.id)
        .collect();
    Ok(Some(again))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(id: &str, source: &str, lines: &[u64]) -> ArticleLines {
        ArticleLines {
            id: id.to_string(),
            source: source.to_string(),
            lines: lines.to_vec(),
        }
    }

    #[test]
    fn pending_lines_take_their_articles_place_and_new_ones_come_last() {
        let stored = vec![
            lines("a", "X", &[1]),
            lines("b", "X", &[2]),
            lines("c", "Y", &[3]),
        ];
        let pending = [
            lines("d", "X", &[4]),
            lines("a", "X", &[5]),
            lines("e", "", &[6]),
        ];
        let by = merged(stored, &pending);
        let ids = |s: &str| -> Vec<(String, Vec<u64>)> {
            by[s]
                .iter()
                .map(|a| (a.id.clone(), a.lines.clone()))
                .collect()
        };
        assert_eq!(
            ids("X"),
            [
                ("a".to_string(), vec![5]),
                ("b".to_string(), vec![2]),
                ("d".to_string(), vec![4])
            ]
        );
        assert_eq!(ids("Y"), [("c".to_string(), vec![3])]);
        assert!(
            !by.contains_key(""),
            "an article without an outlet has no furniture"
        );
    }
}
