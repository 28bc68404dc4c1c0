//! Search queries are user input: whatever the query, `Store::search` answers hits or a
//! `StoreError::Query` saying what is allowed; it never panics, never overflows the stack in
//! tantivy's recursive parser, and never fails inside the index (issue #25, item 1).

use chorus_model::Article;
use chorus_store::{Collection, OpenOptions, Store, StoreError};
use proptest::prelude::*;

fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
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
    (store, dir)
}

/// One store for every generated case (opening one per case would time the disk, not the
/// parser).
fn shared() -> &'static Store {
    static STORE: std::sync::OnceLock<(Store, tempfile::TempDir)> = std::sync::OnceLock::new();
    &STORE.get_or_init(store).0
}

/// What `query` gives: the ids found, or the refusal's message.
fn answer(store: &Store, query: &str) -> String {
    match store.search(query, 10) {
        Ok(hits) => format!(
            "hits {:?}",
            hits.iter().map(|h| h.article.as_str()).collect::<Vec<_>>()
        ),
        Err(StoreError::Query(m)) => format!("refused: {m}"),
        Err(e) => panic!("{query:?}: error inside the index: {e}"),
    }
}

fn check(store: &Store, query: &str, want: &str) {
    let got = answer(store, query);
    assert!(
        got.starts_with(want),
        "{query:?}: got {got:?}, want it to start with {want:?}"
    );
}

#[test]
fn issue_25_deep_brackets_and_field_stars_are_refused_with_what_is_allowed() {
    let (store, _dir) = store();
    let deep = |s: &str, n: usize| s.repeat(n);
    check(&store, "strike", "hits [\"a\"]");
    check(&store, "title:flood", "hits [\"b\"]");
    check(&store, "body:\"end their strike\"", "hits [\"a\"]");
    check(&store, "(strike OR pier) AND dock", "hits [\"a\"]");
    check(&store, "rain -title:flood", "hits []");
    check(&store, "*", "hits [");
    // Unbalanced brackets are read leniently (every word still required).
    check(&store, "((strike dock", "hits [\"a\"]");
    check(&store, "unbalanced ((strike", "hits []");
    check(
        &store,
        &deep("(", 1_000),
        "refused: the query opens 1000 brackets, more than 32",
    );
    check(
        &store,
        &deep("(", 10_000),
        "refused: the query is 10000 characters long",
    );
    check(
        &store,
        &deep("NOT ", 200),
        "refused: the query has 200 NOTs",
    );
    check(&store, &deep("title:(", 30), "hits []");
    check(
        &store,
        "body:*",
        "refused: \"body:*\" (any value of a field) is not supported",
    );
    check(
        &store,
        "title:*",
        "refused: \"title:*\" (any value of a field) is not supported",
    );
    check(
        &store,
        "source:wire",
        "refused: there is no field \"source\"",
    );
    check(&store, "title:[a TO z]", "hits [");
    check(&store, "body:IN [dock rain]", "hits [");
    check(&store, "<script>", "hits [");
    check(
        &store,
        "source:[a TO z]",
        "refused: there is no field \"source\"",
    );
    check(&store, "body:/str.*/", "refused: regular expressions");
    let refused = answer(&store, "body:*");
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
        answer(shared(), &pieces.concat());
    }

    #[test]
    fn deep_queries_are_refused_not_overflowed(open in 33usize..3_000, inner in piece()) {
        let query = format!("{}{inner}{}", "(".repeat(open), ")".repeat(open));
        prop_assert!(answer(shared(), &query).starts_with("refused: "));
    }
}
