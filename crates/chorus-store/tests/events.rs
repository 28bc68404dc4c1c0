//! `set_events` writes only what changed: after a report that grows some events, drops one and
//! leaves others alone, everything read back (events in rank order, each event, entities and
//! their links, source and entity filters, cleaned texts, and the bulk read a refresh starts
//! from) is what the new report says.

mod backends;

use backends::{Backend, Opened};
use chorus_ingest::{ingest_paths, IngestConfig};
use chorus_model::{Article, Report};
use chorus_store::{ArticleLines, Collection, EventFilter, LinesUpdate};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn all() -> EventFilter {
    EventFilter {
        limit: None,
        ..EventFilter::default()
    }
}

/// Checks that what `store` answers is `report`, event ids aside.
fn holds(store: &dyn Collection, report: &Report) {
    let listed = store.events(&all()).unwrap();
    assert_eq!(listed.len(), report.events.len());
    for (summary, want) in listed.iter().zip(&report.events) {
        let got = store.event(&summary.id).unwrap().unwrap();
        let mut want = want.clone();
        want.id = summary.id.clone();
        assert_eq!(got, want, "event {}", summary.id);
        for source in &want.sources {
            let by_source = store
                .events(&EventFilter {
                    source: Some(source.clone()),
                    ..all()
                })
                .unwrap();
            assert!(by_source.iter().any(|e| e.id == summary.id));
        }
    }
    let ids: BTreeSet<String> = listed.iter().map(|e| e.id.clone()).collect();
    let entities = store.entities().unwrap();
    let want: BTreeSet<(String, String)> = report
        .events
        .iter()
        .flat_map(|e| e.entities.iter())
        .map(|e| (e.kind.as_str().to_string(), e.name.to_lowercase()))
        .collect();
    let got: BTreeSet<(String, String)> = entities
        .iter()
        .map(|e| (e.kind.as_str().to_string(), e.name.to_lowercase()))
        .collect();
    assert_eq!(got, want);
    for ent in &entities {
        for e in &ent.events {
            assert!(ids.contains(e), "{} links to a gone event {e}", ent.name);
            let of_event = store.event_entities(e).unwrap();
            assert!(of_event.iter().any(|x| x.id == ent.id));
        }
        let by_entity = store
            .events(&EventFilter {
                entity: Some(ent.name.clone()),
                ..all()
            })
            .unwrap();
        let by_entity: BTreeSet<String> = by_entity.into_iter().map(|e| e.id).collect();
        assert_eq!(by_entity, ent.events.iter().cloned().collect());
    }
    for id in &ids {
        for x in store.event_entities(id).unwrap() {
            assert!(x.events.contains(id));
        }
    }
    for a in &report.articles {
        assert_eq!(store.clean_article(&a.id).unwrap().as_ref(), Some(a));
    }
    // What a refresh starts from, read in bulk: the events as listed one by one, the
    // articles of each, and the cleaned text of every article they hold.
    let earlier = store.stored_grouping().unwrap();
    let (groups, texts) = (earlier.groups, earlier.texts);
    let events = store.all_events().unwrap();
    let one_by_one: Vec<_> = listed
        .iter()
        .map(|e| store.event(&e.id).unwrap().unwrap())
        .collect();
    assert_eq!(events, one_by_one);
    let as_sets = |ids: &[String]| ids.iter().cloned().collect::<BTreeSet<String>>();
    let grouped: Vec<_> = groups.iter().map(|g| as_sets(g)).collect();
    let held_by_events: Vec<_> = events.iter().map(|e| as_sets(&e.articles)).collect();
    assert_eq!(grouped, held_by_events);
    let held: BTreeSet<&str> = report
        .events
        .iter()
        .flat_map(|e| e.articles.iter().map(String::as_str))
        .collect();
    let want: BTreeMap<String, String> = report
        .articles
        .iter()
        .filter(|a| held.contains(a.id.as_str()))
        .map(|a| (a.id.clone(), a.text.clone()))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(texts, want);
}

/// The example corpus's articles, and an empty collection.
fn example_and_store(backend: Backend) -> (Vec<Article>, Opened) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let articles = ingest_paths(&[corpus], &IngestConfig::default()).articles;
    (articles, backend.open())
}

on_both!(
    events_written_again_read_back_as_the_new_report,
    a_refresh_finishing_after_a_later_one_writes_nothing,
    a_phrase_leads_to_the_events_whose_articles_hold_it,
    an_articles_lines_are_kept_with_the_events,
);

/// Each article's lines are written with the events, read back by outlet in the order the
/// articles were first stored, and known only while every article's are.
fn an_articles_lines_are_kept_with_the_events(backend: Backend) {
    let (articles, store) = example_and_store(backend);
    store.add_articles(&articles).unwrap();
    let config = chorus_pipeline::Config::default();
    let mut report = chorus_pipeline::digest(articles.clone(), vec![], &config);
    let lines = |a: &Article, first: u64| ArticleLines {
        id: a.id.clone(),
        source: a.source.clone(),
        // The full range of the hashes, beyond what a signed column holds.
        lines: vec![first, u64::MAX - first],
    };
    let all: Vec<ArticleLines> = articles.iter().map(|a| lines(a, 1)).collect();
    let source = articles[0].source.clone();
    let of_source = |l: &[ArticleLines]| -> Vec<ArticleLines> {
        l.iter().filter(|a| a.source == source).cloned().collect()
    };
    store.set_events(&mut report, &[]).unwrap();
    assert_eq!(store.outlet_lines(&[]).unwrap(), None, "none known yet");
    store
        .set_events_lined(&mut report, &[], LinesUpdate::All(&all))
        .unwrap();
    let read = store.outlet_lines(std::slice::from_ref(&source)).unwrap();
    assert_eq!(read, Some(of_source(&all)));
    // A new version of the first article: its lines take their place, the rest stay.
    let mut changed = articles[0].clone();
    changed.body.push_str("\n\nA further paragraph.");
    store.add_articles(std::slice::from_ref(&changed)).unwrap();
    let mut report = chorus_pipeline::digest(articles.clone(), vec![], &config);
    let new = [lines(&changed, 7)];
    store
        .set_events_lined(&mut report, &[], LinesUpdate::Changed(&new))
        .unwrap();
    let mut want = all.clone();
    want[0] = new[0].clone();
    let read = store.outlet_lines(std::slice::from_ref(&source)).unwrap();
    assert_eq!(read, Some(of_source(&want)));
    // Events written without lines leave them unknown.
    store.set_events(&mut report, &[]).unwrap();
    assert_eq!(
        store.outlet_lines(std::slice::from_ref(&source)).unwrap(),
        None
    );
}

/// `events_with_phrases`, which the intake asks whether a name is rare: the events whose
/// articles hold a phrase (its words in order), at most `limit` of them.
fn a_phrase_leads_to_the_events_whose_articles_hold_it(backend: Backend) {
    let (articles, store) = example_and_store(backend);
    store.add_articles(&articles).unwrap();
    let config = chorus_pipeline::Config::default();
    let mut report = chorus_pipeline::digest(articles, vec![], &config);
    store.set_events(&mut report, &[]).unwrap();
    let listed = store.events(&all()).unwrap();
    let holding = |phrase: &str| -> BTreeSet<String> {
        let words: Vec<String> = phrase.split(' ').map(str::to_lowercase).collect();
        listed
            .iter()
            .filter(|e| {
                let event = store.event(&e.id).unwrap().unwrap();
                event.articles.iter().any(|a| {
                    let text = store
                        .clean_article(a)
                        .unwrap()
                        .map_or(String::new(), |c| c.text);
                    let lower: Vec<String> = text
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_lowercase)
                        .collect();
                    lower.windows(words.len()).any(|w| w == words.as_slice())
                })
            })
            .map(|e| e.id.clone())
            .collect()
    };
    let phrases: Vec<String> = ["Port Workers", "Workers Port", "Renée Castellane"]
        .map(String::from)
        .to_vec();
    let found = store.events_with_phrases(&phrases, 10).unwrap();
    assert_eq!(found.len(), 3);
    let want = holding("Port Workers");
    assert!(!want.is_empty());
    assert_eq!(found[0].iter().cloned().collect::<BTreeSet<_>>(), want);
    // The words out of order are no phrase.
    assert!(found[1].is_empty(), "{:?}", found[1]);
    assert_eq!(
        found[2].iter().cloned().collect::<BTreeSet<_>>(),
        holding("Renée Castellane")
    );
    // At most `limit`.
    assert!(store.events_with_phrases(&phrases, 1).unwrap()[0].len() <= 1);
    if backend == Backend::Sqlite {
        // SQLite reads only ids and events, not whole hits: the same events in the same
        // order as the events of the best hits of `search` for the phrase.
        for limit in [1, 2, 10] {
            let searched: Vec<Vec<String>> = phrases
                .iter()
                .map(|p| {
                    let mut events: Vec<String> = Vec::new();
                    for hit in store.search(&format!("\"{p}\""), 4 * limit).unwrap() {
                        let e = hit.event.unwrap();
                        if !events.contains(&e) && events.len() < limit {
                            events.push(e);
                        }
                    }
                    events
                })
                .collect();
            assert_eq!(
                store.events_with_phrases(&phrases, limit).unwrap(),
                searched
            );
        }
    }
}

fn events_written_again_read_back_as_the_new_report(backend: Backend) {
    let (articles, store) = example_and_store(backend);
    // First: without the articles of two outlets, plus a story of its own that the second
    // report no longer has.
    let lone = Article {
        id: "lone".into(),
        source: "Lone Gazette".into(),
        title: Some("Ferry Quillon returns to Tessaly harbour".into()),
        body: "The ferry Quillon returned to Tessaly harbour on Sunday after a refit in \
               Vornholt, the Tessaly Ferry Company said. Captain Ysolde Brackwater thanked the crew."
            .into(),
        ..Article::default()
    };
    let mut early: Vec<Article> = articles
        .iter()
        .filter(|a| !a.id.starts_with("valley-tribune") && !a.id.starts_with("unsorted"))
        .cloned()
        .collect();
    early.push(lone);
    let config = chorus_pipeline::Config::default();
    let mut first = chorus_pipeline::digest(early, vec![], &config);
    store.set_events(&mut first, &[]).unwrap();
    holds(&*store, &first);
    assert!(store
        .entities()
        .unwrap()
        .iter()
        .any(|e| e.name.contains("Brackwater")));
    let mut second = chorus_pipeline::digest(articles, vec![], &config);
    assert_ne!(first.events.len(), 0);
    assert_ne!(second.events, first.events);
    store.set_events(&mut second, &[]).unwrap();
    holds(&*store, &second);
    assert_eq!(store.clean_article("lone").unwrap(), None);
    assert!(store
        .entities()
        .unwrap()
        .iter()
        .all(|e| !e.name.contains("Brackwater") && !e.name.contains("Quillon")));
    // The same report again: nothing moves.
    store.set_events(&mut second, &[]).unwrap();
    holds(&*store, &second);
    assert_eq!(store.stats().unwrap().events, second.events.len());
}

/// Two refreshes at once (two POSTs to the server, or the server and `chorus ingest`): the one
/// computed from fewer articles, finishing last, must not replace the events of the one
/// computed from more.
fn a_refresh_finishing_after_a_later_one_writes_nothing(backend: Backend) {
    let (articles, store) = example_and_store(backend);
    let (early, late) = articles.split_at(articles.len() - 3);
    store.add_articles(early).unwrap();
    let config = chorus_pipeline::Config::default();
    // Computed before the last articles were stored, written after the refresh that has them.
    let mut stale = chorus_pipeline::digest(early.to_vec(), vec![], &config);
    store.add_articles(late).unwrap();
    let mut newer = chorus_pipeline::digest(articles.clone(), vec![], &config);
    assert_ne!(stale.events, newer.events);
    assert!(store.set_events(&mut newer, &[]).unwrap());
    assert!(!store.set_events(&mut stale, &[]).unwrap());
    holds(&*store, &newer);
    assert!(!store.events_outdated().unwrap());
    // The same articles again are not older: a refresh over them is written.
    let mut again = chorus_pipeline::digest(articles, vec![], &config);
    assert!(store.set_events(&mut again, &[]).unwrap());
    holds(&*store, &again);
}
