//! Store behaviour on small inline collections: idempotence, versions, search, events and
//! their stable ids, entity filters, the write lock, and index recovery after a crash.

use super::*;
use chorus_model::{Entity, EntityKind};

fn article(id: &str, source: &str, title: &str, body: &str) -> Article {
    Article {
        title: Some(title.into()),
        published: Some("2024-12-08".into()),
        ..Article::new(id, source, body)
    }
}

fn open(dir: &Path) -> Store {
    Store::open(
        dir,
        &OpenOptions {
            create: true,
            exclusive: true,
        },
    )
    .unwrap()
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "a1",
            "Wire",
            "Rebels take Damascus",
            "Rebels entered Damascus at dawn.",
        ),
        article(
            "a2",
            "Daily",
            "Assad flees",
            "Assad and his family arrived in Moscow.",
        ),
        article(
            "a3",
            "Gazette",
            "Harbour strike",
            "Dock workers walked out on Monday.",
        ),
    ]
}

/// Built from JSON so that fields the model gains later (with defaults) need no edit here.
fn event(id: &str, articles: &[&str], sources: &[&str], entities: Vec<Entity>) -> Event {
    serde_json::from_value(serde_json::json!({
        "id": id, "title": format!("event {id}"), "articles": articles, "sources": sources,
        "first_published": "2024-12-08", "last_published": "2024-12-09", "members": [],
        "shared_terms": [], "account": [], "corroborated": [], "single_source": [],
        "differences": [], "quotes": [], "entities": entities
    }))
    .unwrap()
}

fn assad() -> Entity {
    Entity {
        name: "Bashar al-Assad".into(),
        kind: EntityKind::Person,
        aliases: vec!["Assad".into()],
        mentions: 3,
        sources: vec!["Daily".into()],
    }
}

#[test]
fn the_same_article_twice_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert_eq!(store.article_version().unwrap(), 0);
    let first = store.add_articles(&corpus()).unwrap();
    let version = store.article_version().unwrap();
    assert!(version > 0);
    assert_eq!(
        first,
        AddOutcome {
            added: 3,
            unchanged: 0,
            new_versions: 0
        }
    );
    let mut again = corpus();
    again[0].path = Some("elsewhere/a1.txt".into());
    let second = store.add_articles(&again).unwrap();
    assert_eq!(second.unchanged, 3);
    // Nothing new stored: what was computed from the articles still holds.
    assert_eq!(store.article_version().unwrap(), version);
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.versions, stats.indexed), (3, 3, 3));
    assert_eq!(
        store
            .articles()
            .unwrap()
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a2", "a3"]
    );
}

#[test]
fn new_content_under_a_known_id_or_url_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let mut a = article("x", "Wire", "Old", "First text.");
    a.url = Some("https://example.org/story".into());
    store.add_articles(std::slice::from_ref(&a)).unwrap();
    let before = store.article_version().unwrap();
    a.body = "Updated text about harbours.".into();
    let out = store.add_articles(std::slice::from_ref(&a)).unwrap();
    assert_eq!(out.new_versions, 1);
    // A new version of a known article (no new article) moves the version too.
    assert!(store.article_version().unwrap() > before);
    // Same URL under another id: a third version of `x`.
    let mut b = a.clone();
    b.id = "y".into();
    b.body = "Third text.".into();
    assert_eq!(store.add_articles(&[b]).unwrap().new_versions, 1);
    let stored = store.article("x").unwrap().unwrap();
    assert_eq!(
        (stored.version, stored.article.body.as_str()),
        (3, "Third text.")
    );
    assert!(store.article("y").unwrap().is_none());
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.versions, stats.indexed), (1, 3, 1));
    // The index holds only the current version.
    assert!(store.search("harbours", 10).unwrap().is_empty());
    assert_eq!(store.search("third", 10).unwrap().len(), 1);
}

#[test]
fn search_finds_titles_and_bodies_with_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    store.add_articles(&corpus()).unwrap();
    let hits = store.search("moscow", 10).unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!((hit.article.as_str(), hit.source.as_str()), ("a2", "Daily"));
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|r| &hit.snippet[r.clone()])
        .collect();
    assert_eq!(marked, ["Moscow"]);
    // Stemming, and bad query syntax never fails.
    assert_eq!(store.search("strikes", 10).unwrap()[0].article, "a3");
    assert!(store.search("\"unclosed AND (", 10).is_ok());
    assert!(store.search("", 10).unwrap().is_empty());
}

#[test]
fn events_keep_their_ids_and_filter_by_date_source_and_entity() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    store.add_articles(&corpus()).unwrap();
    let mut report = Report {
        articles: vec![],
        events: vec![
            event("e1", &["a1", "a2"], &["Wire", "Daily"], vec![assad()]),
            event("e2", &["a3"], &["Gazette"], vec![]),
        ],
        diagnostics: vec![],
    };
    store.set_events(&mut report, &[]).unwrap();
    let ids = |f: &EventFilter| -> Vec<String> {
        store.events(f).unwrap().into_iter().map(|e| e.id).collect()
    };
    assert_eq!(ids(&EventFilter::default()), ["e1", "e2"]);
    let by_source = EventFilter {
        source: Some("gazette".into()),
        ..EventFilter::default()
    };
    assert_eq!(ids(&by_source), ["e2"]);
    let by_alias = EventFilter {
        entity: Some("ASSAD".into()),
        ..EventFilter::default()
    };
    assert_eq!(ids(&by_alias), ["e1"]);
    let later = EventFilter {
        since: Some("2025-01-01".into()),
        ..EventFilter::default()
    };
    assert!(ids(&later).is_empty());

    // The digest numbers events afresh; the store keeps each story's id.
    let mut regrouped = Report {
        articles: vec![],
        events: vec![
            event("e1", &["a3"], &["Gazette"], vec![]),
            event("e2", &["a1", "a2"], &["Wire", "Daily"], vec![assad()]),
        ],
        diagnostics: vec![],
    };
    store.set_events(&mut regrouped, &[]).unwrap();
    // Listed by size (then outlets, then the report's order): the two-article story first.
    assert_eq!(ids(&EventFilter::default()), ["e1", "e2"]);
    // The report's events now carry those ids.
    let given: Vec<&str> = regrouped.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(given, ["e2", "e1"]);
    assert_eq!(store.event("e1").unwrap().unwrap().articles, ["a1", "a2"]);
    let entities = store.entities().unwrap();
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].id, "person-bashar-al-assad");
    assert_eq!(entities[0].events, ["e1"]);
    assert_eq!(store.article("a1").unwrap().unwrap().events, ["e1"]);
}

#[test]
fn a_second_writer_is_told_the_directory_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    let err = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: true,
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("data directory is busy"),
        "{err}"
    );
    // A shared reader opens, reads, and cannot write while the lock is held.
    let reader = Store::open(dir.path(), &OpenOptions::default()).unwrap();
    assert!(matches!(
        reader.add_articles(&corpus()),
        Err(StoreError::Busy(_))
    ));
    // Recording no diagnostics is no write: it needs no lock.
    reader.add_diagnostics(&[]).unwrap();
    first.add_articles(&corpus()).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 3);
    drop(first);
    assert_eq!(reader.add_articles(&corpus()).unwrap().unchanged, 3);
}

#[test]
fn a_missing_collection_is_not_created_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let err = Store::open(&missing, &OpenOptions::default()).unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
    assert!(!missing.exists());
}

#[test]
fn an_index_that_lags_or_is_lost_is_rebuilt_from_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = open(dir.path());
        store.add_articles(&corpus()[..1]).unwrap();
    }
    // As if a process died after committing to SQLite but before indexing.
    {
        let mut conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        let tx = conn.transaction().unwrap();
        Store::add_in(&tx, &corpus()[1..]).unwrap();
        tx.commit().unwrap();
    }
    {
        let store = open(dir.path());
        assert_eq!(store.stats().unwrap().indexed, 3);
        assert_eq!(store.search("moscow", 5).unwrap().len(), 1);
    }
    std::fs::remove_dir_all(dir.path().join(INDEX_DIR)).unwrap();
    let store = open(dir.path());
    assert_eq!(store.stats().unwrap().indexed, 3);
    assert_eq!(store.search("dawn", 5).unwrap()[0].article, "a1");
}

#[test]
fn content_hash_ignores_where_an_article_was_read_from() {
    let a = article("a", "Wire", "T", "Body.");
    let mut b = a.clone();
    b.path = Some("x/y.txt".into());
    b.body_offset = 40;
    assert_eq!(content_hash(&a), content_hash(&b));
    b.title = None;
    assert_ne!(content_hash(&a), content_hash(&b));
}

#[test]
fn a_pages_source_map_is_stored_with_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let mut a = article("page", "Wire", "T", "Dam held & rain.");
    a.source_map = Some(chorus_model::SourceMap {
        runs: vec![chorus_model::SourceRun {
            body_start: 0,
            body_len: 8,
            source_start: 312,
            source_len: 8,
        }],
        decoded_from: Some("windows-1252".into()),
    });
    let plain = article("text", "Wire", "T", "Plain text.");
    store.add_articles(&[a.clone(), plain.clone()]).unwrap();
    let back = store
        .articles_by_id(&["page".to_string(), "text".to_string()])
        .unwrap();
    let got = |id: &str| back.iter().find(|x| x.id == id).unwrap().clone();
    assert_eq!(got("page").source_map, a.source_map);
    assert_eq!(got("text").source_map, None);
}
