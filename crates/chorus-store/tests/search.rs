//! Search queries are user input: whatever the query, `Store::search` answers hits or a
//! `StoreError::Query` saying what is allowed; it never panics, never overflows the stack in
//! tantivy's recursive parser, and never fails inside the index (issue #25, item 1).

mod backends;

use backends::{Backend, Opened};
use chorus_model::Article;
use chorus_store::{Collection, StoreError};
use proptest::prelude::*;

fn store(backend: Backend) -> Opened {
    let store = backend.open();
    let article = |id: &str, title: &str, body: &str| Article {
        id: id.into(),
        title: Some(title.into()),
        body: body.into(),
        source: "wire".into(),
        ..Article::default()
    };
    store
        .add_articles(&[
            article(
                "a",
                "Harbour strike ends",
                "Dock workers in Rotterdam end their strike.",
            ),
            article(
                "b",
                "Flood warning",
                "Rivers rise after a week of rain (NOT over yet).",
            ),
        ])
        .unwrap();
    store
}

/// One store per backend for every generated case (opening one per case would time the
/// disk, not the parser); `None` for PostgreSQL when no test database is given.
fn shared(backend: Backend) -> Option<&'static dyn Collection> {
    static SQLITE: std::sync::OnceLock<Opened> = std::sync::OnceLock::new();
    static POSTGRES: std::sync::OnceLock<Option<Opened>> = std::sync::OnceLock::new();
    match backend {
        Backend::Sqlite => Some(&**SQLITE.get_or_init(|| store(Backend::Sqlite))),
        Backend::Postgres => POSTGRES
            .get_or_init(|| backends::postgres().map(store))
            .as_ref()
            .map(|o| &**o),
    }
}

/// What `query` gives: the ids found, or the refusal's message.
fn answer(store: &dyn Collection, query: &str) -> String {
    match store.search(query, 10) {
        Ok(hits) => format!(
            "hits {:?}",
            hits.iter().map(|h| h.article.as_str()).collect::<Vec<_>>()
        ),
        Err(StoreError::Query(m)) => format!("refused: {m}"),
        Err(e) => panic!("{query:?}: error inside the index: {e}"),
    }
}

fn check(store: &dyn Collection, query: &str, want: &str) {
    let got = answer(store, query);
    assert!(
        got.starts_with(want),
        "{query:?}: got {got:?}, want it to start with {want:?}"
    );
}

on_both!(issue_25_deep_brackets_and_field_stars_are_refused_with_what_is_allowed);

fn issue_25_deep_brackets_and_field_stars_are_refused_with_what_is_allowed(backend: Backend) {
    let store = store(backend);
    let deep = |s: &str, n: usize| s.repeat(n);
    check(&*store, "strike", "hits [\"a\"]");
    check(&*store, "title:flood", "hits [\"b\"]");
    check(&*store, "body:\"end their strike\"", "hits [\"a\"]");
    check(&*store, "(strike OR pier) AND dock", "hits [\"a\"]");
    check(&*store, "rain -title:flood", "hits []");
    check(&*store, "*", "hits [");
    // Unbalanced brackets are read leniently (every word still required).
    check(&*store, "((strike dock", "hits [\"a\"]");
    check(&*store, "unbalanced ((strike", "hits []");
    check(
        &*store,
        &deep("(", 1_000),
        "refused: the query opens 1000 brackets, more than 32",
    );
    check(
        &*store,
        &deep("(", 10_000),
        "refused: the query is 10000 characters long",
    );
    check(
        &*store,
        &deep("NOT ", 200),
        "refused: the query has 200 NOTs",
    );
    check(&*store, &deep("title:(", 30), "hits []");
    check(
        &*store,
        "body:*",
        "refused: \"body:*\" (any value of a field) is not supported",
    );
    check(
        &*store,
        "title:*",
        "refused: \"title:*\" (any value of a field) is not supported",
    );
    check(
        &*store,
        "source:wire",
        "refused: there is no field \"source\"",
    );
    check(&*store, "title:[a TO z]", "hits [");
    check(&*store, "body:IN [dock rain]", "hits [");
    check(&*store, "<script>", "hits [");
    check(
        &*store,
        "source:[a TO z]",
        "refused: there is no field \"source\"",
    );
    check(&*store, "body:/str.*/", "refused: regular expressions");
    let refused = answer(&*store, "body:*");
    assert!(refused.contains("title:word"), "{refused}");
}

/// Pieces of query syntax, so random queries hit the parser's corners more often than
/// random characters alone would.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\"".to_string()),
        Just("NOT ".to_string()),
        Just(" AND ".to_string()),
        Just(" OR ".to_string()),
        Just("+".to_string()),
        Just("-".to_string()),
        Just("*".to_string()),
        Just("^2".to_string()),
        Just("~3".to_string()),
        Just(":".to_string()),
        Just("title:".to_string()),
        Just("body:".to_string()),
        Just("id:".to_string()),
        Just("[a TO b]".to_string()),
        Just("{1 TO *}".to_string()),
        Just(" IN [".to_string()),
        Just("/".to_string()),
        Just("\\".to_string()),
        Just(" ".to_string()),
        Just("strike".to_string()),
        Just("Überschwemmung".to_string()),
        Just("洪水".to_string()),
        Just("\u{202e}".to_string()),
        "\\PC{0,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_query_gets_hits_or_a_refusal(pieces in prop::collection::vec(piece(), 0..40)) {
        answer(shared(Backend::Sqlite).unwrap(), &pieces.concat());
    }

    #[test]
    fn any_query_gets_hits_or_a_refusal_from_postgres(
        pieces in prop::collection::vec(piece(), 0..40),
    ) {
        if let Some(store) = shared(Backend::Postgres) {
            answer(store, &pieces.concat());
        }
    }

    #[test]
    fn deep_queries_are_refused_not_overflowed(open in 33usize..3_000, inner in piece()) {
        let query = format!("{}{inner}{}", "(".repeat(open), ")".repeat(open));
        prop_assert!(answer(shared(Backend::Sqlite).unwrap(), &query).starts_with("refused: "));
    }

    #[test]
    fn deep_queries_are_refused_not_overflowed_by_postgres(
        open in 33usize..3_000,
        inner in piece(),
    ) {
        if let Some(store) = shared(Backend::Postgres) {
            let query = format!("{}{inner}{}", "(".repeat(open), ")".repeat(open));
            prop_assert!(answer(store, &query).starts_with("refused: "));
        }
    }
}
