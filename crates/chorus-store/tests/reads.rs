//! What a reader asks a collection beyond single records (issue #28): search that means all
//! the words, with filters, grouped by event; pages of events and entities; an entity found
//! by any alias; outlets with their figures.

mod backends;

use backends::{Backend, Opened};
use chorus_model::{Article, Report};
use chorus_store::{Collection, EntityQuery, EventFilter, EventOrder, SearchRequest};

fn article(
    id: &str,
    source: &str,
    day: &str,
    lang: &str,
    title: Option<&str>,
    body: &str,
) -> Article {
    Article {
        title: title.map(str::to_string),
        published: Some(day.into()),
        language: Some(lang.into()),
        ..Article::new(id, source, body)
    }
}

/// Built from JSON so that fields the model gains later (with defaults) need no edit here.
fn event(
    id: &str,
    articles: &[&str],
    sources: &[&str],
    facts: serde_json::Value,
) -> chorus_model::Event {
    let mut v = serde_json::json!({
        "id": id, "title": format!("event {id}"), "articles": articles, "sources": sources,
        "first_published": "2024-12-08", "last_published": "2024-12-09", "members": [],
        "shared_terms": [], "account": [], "corroborated": [], "single_source": [],
        "differences": [], "quotes": [], "entities": []
    });
    for (k, val) in facts.as_object().unwrap() {
        v[k] = val.clone();
    }
    serde_json::from_value(v).unwrap()
}

on_both!(
    search_means_all_the_words_unless_it_says_or,
    search_filters_by_outlet_language_and_days_and_groups_by_event,
    events_and_entities_come_in_pages,
    outlets_have_their_articles_events_and_facts,
    the_counts_the_writer_keeps_follow_new_articles_versions_and_events,
    an_entity_found_by_part_of_a_name_pages_its_matches,
    an_event_report_holds_its_articles_cleaned_texts_in_its_order,
);

fn collection(backend: Backend) -> Opened {
    let store = backend.open();
    store
        .add_articles(&[
            article(
                "a1",
                "Wire",
                "2024-12-08",
                "en",
                Some("Assad flees"),
                "Assad was granted asylum in Moscow, a Kremlin source said.",
            ),
            article(
                "a2",
                "Daily",
                "2024-12-09",
                "en",
                None,
                "Assad reaches Moscow\n\nThe former president landed in Moscow overnight.",
            ),
            article(
                "a3",
                "Gazette",
                "2024-12-10",
                "en",
                Some("Asylum seekers"),
                "Asylum requests rose in Moscow and elsewhere.",
            ),
            article(
                "a4",
                "Zeitung",
                "2024-12-10",
                "de",
                Some("Assad in Moskau"),
                "Assad erhielt Asyl in Moscow, hiess es.",
            ),
        ])
        .unwrap();
    let mut report = Report {
        articles: vec![],
        events: vec![
            event(
                "e1",
                &["a1", "a2", "a4"],
                &["Wire", "Daily", "Zeitung"],
                serde_json::json!({
                    "corroborated": [{"text": "Assad is in Moscow.", "sources": ["Wire", "Daily"], "citations": []}],
                    "single_source": [{"text": "A Kremlin source said so.", "source": "Wire", "citations": []}],
                "entities": [{"name": "Bashar al-Assad", "kind": "person", "aliases": ["Assad", "al-Assad"], "mentions": 3, "sources": ["Wire"]}],
                }),
            ),
            event("e2", &["a3"], &["Gazette"], serde_json::json!({})),
        ],
        diagnostics: vec![],
    };
    store.set_events(&mut report, &[]).unwrap();
    store
}

fn found(store: &dyn Collection, request: SearchRequest) -> Vec<String> {
    let r = store
        .search_page(&SearchRequest {
            limit: 10,
            ..request
        })
        .unwrap();
    r.groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.article.clone()))
        .collect()
}

fn query(q: &str) -> SearchRequest {
    SearchRequest {
        query: q.into(),
        ..SearchRequest::default()
    }
}

fn search_means_all_the_words_unless_it_says_or(backend: Backend) {
    let store = collection(backend);
    let mut all = found(&*store, query("Assad asylum Moscow"));
    all.sort();
    assert_eq!(
        all,
        ["a1"],
        "a2 lacks asylum, a3 lacks Assad; a4 has Asyl, not asylum"
    );
    let mut either = found(&*store, query("asylum OR landed"));
    either.sort();
    assert_eq!(either, ["a1", "a2", "a3"]);
    // Stemmed: "requests" finds "requests", "rising" nothing, "rose" a3.
    assert_eq!(found(&*store, query("request moscow")), ["a3"]);
    assert_eq!(found(&*store, query("moscow -assad")), ["a3"]);
    assert_eq!(found(&*store, query("\"former president\"")), ["a2"]);
}

fn search_filters_by_outlet_language_and_days_and_groups_by_event(backend: Backend) {
    let store = collection(backend);
    let moscow = |f: fn(&mut SearchRequest)| {
        let mut r = query("moscow");
        f(&mut r);
        let mut ids = found(&*store, r);
        ids.sort();
        ids
    };
    assert_eq!(moscow(|r| r.source = Some("daily".into())), ["a2"]);
    assert_eq!(moscow(|r| r.language = Some("de".into())), ["a4"]);
    assert_eq!(
        moscow(|r| r.from = Some("2024-12-09".into())),
        ["a2", "a3", "a4"]
    );
    assert_eq!(moscow(|r| r.to = Some("2024-12-09".into())), ["a1", "a2"]);
    assert_eq!(
        moscow(|r| {
            r.from = Some("2024-12-09".into());
            r.to = Some("2024-12-09".into());
        }),
        ["a2"]
    );
    let r = store
        .search_page(&SearchRequest {
            limit: 10,
            ..query("moscow")
        })
        .unwrap();
    assert_eq!(r.total, 4);
    let groups: Vec<(Option<&str>, usize)> = r
        .groups
        .iter()
        .map(|g| (g.event.as_deref(), g.hits.len()))
        .collect();
    assert!(
        groups.contains(&(Some("e1"), 3)) && groups.contains(&(Some("e2"), 1)),
        "{groups:?}"
    );
    let e1 = r
        .groups
        .iter()
        .find(|g| g.event.as_deref() == Some("e1"))
        .unwrap();
    assert_eq!(e1.title, "event e1");
    // An article without a title is called by its headline line, never by its id.
    let a2 = e1.hits.iter().find(|h| h.article == "a2").unwrap();
    assert_eq!(a2.title.as_deref(), Some("Assad reaches Moscow"));
    // Pages: two at a time, all four seen once.
    let mut seen = Vec::new();
    for offset in [0, 2, 4] {
        let p = store
            .search_page(&SearchRequest {
                limit: 2,
                offset,
                ..query("moscow")
            })
            .unwrap();
        assert_eq!(p.total, 4);
        let on_page: Vec<String> = p
            .groups
            .iter()
            .flat_map(|g| g.hits.iter().map(|h| h.article.clone()))
            .collect();
        assert_eq!(on_page.len(), if offset < 4 { 2 } else { 0 });
        seen.extend(on_page);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 4);
}

fn events_and_entities_come_in_pages(backend: Backend) {
    let store = collection(backend);
    let page = |offset, limit| {
        store
            .events_page(&EventFilter {
                limit: Some(limit),
                offset,
                ..EventFilter::default()
            })
            .unwrap()
    };
    let first = page(0, 1);
    assert_eq!(
        (first.total, first.items[0].id.as_str(), first.next()),
        (2, "e1", Some(1))
    );
    let second = page(1, 1);
    assert_eq!(
        (
            second.items[0].id.as_str(),
            second.next(),
            second.previous()
        ),
        ("e2", None, Some(0))
    );
    // The event list takes a search query.
    let by_query = store
        .events_page(&EventFilter {
            query: Some("asylum requests".into()),
            order: EventOrder::Newest,
            limit: Some(10),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(
        by_query
            .items
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["e2"]
    );
    let entities = store
        .entities_page(&EntityQuery {
            q: None,
            limit: 5,
            offset: 0,
        })
        .unwrap();
    assert_eq!(entities.total, 1);
    // Found by any of its names, in any case, by a part of one.
    for q in ["AL-ASSAD", "bashar", "assad"] {
        let found = store
            .entities_page(&EntityQuery {
                q: Some(q.into()),
                limit: 5,
                offset: 0,
            })
            .unwrap();
        assert_eq!(
            (found.total, found.items[0].name.as_str()),
            (1, "Bashar al-Assad"),
            "{q}"
        );
    }
    let none = store
        .entities_page(&EntityQuery {
            q: Some("50%_".into()),
            limit: 5,
            offset: 0,
        })
        .unwrap();
    assert_eq!(none.total, 0);
}

fn outlets_have_their_articles_events_and_facts(backend: Backend) {
    let store = collection(backend);
    let list = store.outlets(0, 10).unwrap();
    assert_eq!(list.total, 4);
    let wire = list.items.iter().find(|o| o.name == "Wire").unwrap();
    assert_eq!(
        (
            wire.articles,
            wire.events,
            wire.corroborated_facts,
            wire.single_source_facts
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(wire.corroborated_share, Some(0.5));
    assert_eq!(wire.first_seen.as_deref(), Some("2024-12-08"));
    let daily = store.outlet("DAILY", 0, 10).unwrap().unwrap();
    assert_eq!(daily.outlet.corroborated_share, Some(1.0));
    assert_eq!(
        daily
            .events
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["e1"]
    );
    assert_eq!(daily.articles.items[0].title, "Assad reaches Moscow");
    assert_eq!(daily.articles.items[0].events, ["e1"]);
    let wire = store.outlet("wire", 0, 10).unwrap().unwrap();
    assert_eq!(
        wire.single_source,
        [("e1".to_string(), "A Kremlin source said so.".to_string())]
    );
    assert!(store.outlet("Nobody", 0, 10).unwrap().is_none());
}

fn the_counts_the_writer_keeps_follow_new_articles_versions_and_events(backend: Backend) {
    let store = collection(backend);
    let s = store.stats().unwrap();
    assert_eq!(
        (
            s.articles,
            s.versions,
            s.events,
            s.without_event,
            s.sources,
            s.entities
        ),
        (4, 4, 2, 0, 4, 1)
    );
    // A new article, the same one again, and a new version of a1 under another outlet's
    // name (`wire` in another case is the same outlet as far as the counts go).
    store
        .add_articles(&[
            article("a5", "wire", "2024-12-11", "en", None, "Later news."),
            article("a5", "wire", "2024-12-11", "en", None, "Later news."),
            article(
                "a1",
                "Courier",
                "2024-12-08",
                "en",
                None,
                "Assad left, said a source.",
            ),
        ])
        .unwrap();
    let s = store.stats().unwrap();
    assert_eq!(
        (s.articles, s.versions, s.without_event, s.sources),
        (5, 6, 1, 5),
        "{s:?}"
    );
    // Gazette's only article moves to Courier too: Gazette has none left.
    store
        .add_articles(&[article("a3", "Courier", "2024-12-10", "en", None, "Moved.")])
        .unwrap();
    let s = store.stats().unwrap();
    assert_eq!((s.articles, s.versions, s.sources), (5, 7, 4), "{s:?}");
    // Events that leave a2 and a4 out: three articles in an event, two in none.
    let mut report = Report {
        articles: vec![],
        events: vec![event(
            "e9",
            &["a1", "a3", "a5"],
            &["Courier", "wire"],
            serde_json::json!({}),
        )],
        diagnostics: vec![],
    };
    store.set_events(&mut report, &[]).unwrap();
    let s = store.stats().unwrap();
    assert_eq!((s.events, s.without_event, s.entities), (1, 2, 0), "{s:?}");
}

fn an_entity_found_by_part_of_a_name_pages_its_matches(backend: Backend) {
    let store = collection(backend);
    let all = |q: &str, offset: usize, limit: usize| {
        store
            .entities_page(&EntityQuery {
                q: Some(q.into()),
                limit,
                offset,
            })
            .unwrap()
    };
    let page = all("ASSAD", 0, 10);
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].name, "Bashar al-Assad");
    let page = all("ssa", 1, 10);
    assert_eq!((page.total, page.items.len()), (1, 0));
    assert_eq!(all("100%", 0, 10).total, 0);
    // Short, spaced, quoted and punctuated queries alike.
    assert_eq!(all("al", 0, 10).total, 1);
    assert_eq!(all("r al-a", 0, 10).total, 1);
    assert_eq!(all("\"assad", 0, 10).total, 0);
    assert_eq!(all("sad\"", 0, 10).total, 0);
    // Moscow, under the aliases given.
    let named = |aliases: &[&str], mentions: usize| Report {
        articles: vec![],
        events: vec![event(
            "e1",
            &["a1"],
            &["Wire"],
            serde_json::json!({
                "entities": [{"name": "Moscow", "kind": "place", "aliases": aliases, "mentions": mentions, "sources": ["Wire"]}],
            }),
        )],
        diagnostics: vec![],
    };
    // Entities that are gone are not found by their names any more.
    store.set_events(&mut named(&[], 2), &[]).unwrap();
    assert_eq!(all("assad", 0, 10).total, 0);
    assert_eq!(all("osco", 0, 10).items[0].name, "Moscow");
    // An entity that changed keeps the names it still has and loses the one it dropped.
    store.set_events(&mut named(&["Moskva"], 3), &[]).unwrap();
    assert_eq!(all("moskv", 0, 10).items[0].name, "Moscow");
    store.set_events(&mut named(&[], 4), &[]).unwrap();
    assert_eq!(all("moskv", 0, 10).total, 0);
    assert_eq!(all("osco", 0, 10).items[0].name, "Moscow");
    assert_eq!(all("osco", 0, 10).items[0].mentions, 4);
}

fn an_event_report_holds_its_articles_cleaned_texts_in_its_order(backend: Backend) {
    let store = collection(backend);
    let clean = |id: &str| -> chorus_model::ReportArticle {
        serde_json::from_value(serde_json::json!({
            "id": id, "path": null, "source": "Wire", "title": null, "url": null,
            "published": null, "language": null, "text": format!("text of {id}"), "removed": []
        }))
        .unwrap()
    };
    let mut report = Report {
        articles: vec![clean("a4"), clean("a1")],
        events: vec![event(
            "e1",
            &["a1", "a2", "a4"],
            &["Wire"],
            serde_json::json!({}),
        )],
        diagnostics: vec![],
    };
    store.set_events(&mut report, &[]).unwrap();
    let got = store.event_report("e1").unwrap().unwrap();
    // a2 has no cleaned text stored: left out; the others in the event's order.
    assert_eq!(
        got.articles
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>(),
        ["text of a1", "text of a4"]
    );
    assert_eq!(got.events[0].id, "e1");
    assert!(store.event_report("e404").unwrap().is_none());
}
