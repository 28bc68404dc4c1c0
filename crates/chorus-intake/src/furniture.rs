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

/// The furniture of the pending articles' outlets, decided once per refresh (by
/// [`recleaned`]); the outlets of the refresh's other articles have no pending article, and
/// are decided when their articles are known (by [`furniture_of`]).
#[derive(Default)]
pub(crate) struct Decided {
    outlets: BTreeSet<String>,
    furniture: BTreeMap<String, HashSet<u64>>,
}

/// The furniture of the outlets of `articles` (the refresh's), with the pending articles'
/// lines in place of the stored ones: the outlets `decided` holds as decided there, the
/// others from their stored lines; `None` when the collection does not know every article's
/// lines.
pub(crate) fn furniture_of(
    collection: &dyn Collection,
    articles: &[Article],
    pending: &[ArticleLines],
    decided: Decided,
    config: &CleanConfig,
) -> Result<Option<BTreeMap<String, HashSet<u64>>>> {
    let sources: Vec<String> = outlets(articles.iter().map(|a| a.source.as_str()))
        .into_iter()
        .filter(|s| !decided.outlets.contains(s))
        .collect();
    let Some(stored) = collection.outlet_lines(&sources)? else {
        return Ok(None);
    };
    let mut furniture = decide(&merged(stored, pending), config);
    furniture.extend(decided.furniture);
    Ok(Some(furniture))
}

/// The stored articles, pending ones aside, holding a line of their outlet whose verdict the
/// pending articles change, and the furniture of the pending articles' outlets with them;
/// `None` when the collection does not know every article's lines.
pub(crate) fn recleaned(
    collection: &dyn Collection,
    pending: &[ArticleLines],
    config: &CleanConfig,
) -> Result<Option<(Vec<String>, Decided)>> {
    let sources = outlets(pending.iter().map(|p| p.source.as_str()));
    let Some(stored) = collection.outlet_lines(&sources)? else {
        return Ok(None);
    };
    let after = decide(&merged(stored.clone(), pending), config);
    let changed = changed_lines(&stored, pending, &after, config);
    let decided = Decided {
        outlets: sources.into_iter().collect(),
        furniture: after,
    };
    if changed.is_empty() {
        return Ok(Some((Vec::new(), decided)));
    }
    let pending: HashSet<&str> = pending.iter().map(|p| p.id.as_str()).collect();
    let again = stored
        .into_iter()
        .filter(|a| !pending.contains(a.id.as_str()))
        .filter(|a| {
            changed
                .get(&a.source)
                .is_some_and(|c| a.lines.iter().any(|l| c.contains(l)))
        })
        .map(|a| a.id)
        .collect();
    Ok(Some((again, decided)))
}

/// The lines, by outlet, whose verdict differs between the stored articles and `after` (the
/// furniture with the pending articles in). Only a line a pending article holds, as stored or
/// as pending, can change: a line's verdict asks only of the articles holding it
/// (`outlet_furniture_among`), so only those lines are decided over the stored articles.
fn changed_lines(
    stored: &[ArticleLines],
    pending: &[ArticleLines],
    after: &BTreeMap<String, HashSet<u64>>,
    config: &CleanConfig,
) -> BTreeMap<String, HashSet<u64>> {
    let ids: HashSet<&str> = pending.iter().map(|p| p.id.as_str()).collect();
    let mut touched: BTreeMap<&str, HashSet<u64>> = BTreeMap::new();
    let old = stored.iter().filter(|a| ids.contains(a.id.as_str()));
    for a in pending.iter().chain(old) {
        touched
            .entry(a.source.as_str())
            .or_default()
            .extend(&a.lines);
    }
    let mut of_outlet: BTreeMap<&str, Vec<&[u64]>> = BTreeMap::new();
    for a in stored {
        of_outlet
            .entry(a.source.as_str())
            .or_default()
            .push(&a.lines);
    }
    let none = HashSet::new();
    let mut changed = BTreeMap::new();
    for (source, among) in touched.into_iter().filter(|(s, _)| !s.is_empty()) {
        let lines = of_outlet.get(source).map_or(&[][..], |l| &l[..]);
        let before = chorus_pipeline::outlet_furniture_among(lines, &among, config);
        let now = after.get(source).unwrap_or(&none);
        let now: HashSet<u64> = among.iter().filter(|l| now.contains(l)).copied().collect();
        let differ: HashSet<u64> = before.symmetric_difference(&now).copied().collect();
        if !differ.is_empty() {
            changed.insert(source.to_string(), differ);
        }
    }
    changed
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

    /// `changed_lines` over these, with `after` decided as the refresh decides it.
    fn changed(stored: &[ArticleLines], pending: &[ArticleLines]) -> Vec<(String, Vec<u64>)> {
        let config = CleanConfig::default();
        let after = decide(&merged(stored.to_vec(), pending), &config);
        changed_lines(stored, pending, &after, &config)
            .into_iter()
            .map(|(s, l)| {
                let mut l: Vec<u64> = l.into_iter().collect();
                l.sort_unstable();
                (s, l)
            })
            .collect()
    }

    #[test]
    fn a_new_article_changes_only_lines_it_holds() {
        // 8 is X's furniture already (a and b are different stories); 9 is held by a alone.
        let stored = [
            lines("a", "X", &[1, 8, 9]),
            lines("b", "X", &[2, 8]),
            lines("c", "Y", &[3, 9]),
        ];
        let pending = [lines("d", "X", &[4, 8, 9])];
        assert_eq!(changed(&stored, &pending), [("X".to_string(), vec![9])]);
    }

    #[test]
    fn a_new_version_changes_the_lines_it_held_and_no_longer_holds() {
        // 8 is furniture through a and b; a's new version drops it, and shares 9 with b.
        let stored = [lines("a", "X", &[1, 2, 8]), lines("b", "X", &[3, 4, 8, 9])];
        let pending = [lines("a", "X", &[1, 2, 9])];
        assert_eq!(changed(&stored, &pending), [("X".to_string(), vec![8, 9])]);
    }
}
