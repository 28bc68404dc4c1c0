//! No input makes the pipeline panic: arbitrary bytes, as text or as JSON lines.

use proptest::prelude::*;

fn run(name: &str, bytes: &[u8]) {
    let ingested = chorus_ingest::ingest_named_bytes(name, bytes);
    let report =
        chorus_pipeline::digest(ingested.articles, ingested.diagnostics, &Default::default());
    for e in &report.events {
        for s in &e.account {
            for c in &s.citations {
                let a = report.articles.iter().find(|a| a.id == c.article).unwrap();
                assert!(a.text.get(c.start..c.end).is_some());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        run("a.txt", &bytes);
        run("a.jsonl", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|[\"“”.!? \n\u{a0}\u{200b}\u{301}-]){0,400}") {
        run("a.txt", text.as_bytes());
        let doubled = format!("{text}\n\n{text}\nRead more:\n{text}");
        run("b.md", doubled.as_bytes());
    }
}

/// One sentence of 50,000 words (200 KB, within an article's limit), twice in other words:
/// reading the words before each word again, for its claim's verbs (the account) and for a
/// title's main clause, cost the square of its length (minutes). A digest takes seconds.
#[test]
fn a_sentence_of_fifty_thousand_words_is_digested_in_seconds() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let lines: String = ["Mr. ", "Aa "]
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let text = w.repeat(50_000);
                format!(
                    "{}\n",
                    serde_json::json!({"id": format!("a{i}"), "text": text})
                )
            })
            .collect();
        let ingested = chorus_ingest::ingest_named_bytes("long.jsonl", lines.as_bytes());
        assert_eq!(ingested.articles.len(), 2);
        let report =
            chorus_pipeline::digest(ingested.articles, ingested.diagnostics, &Default::default());
        let _ = tx.send(report.events.len());
    });
    let events = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("a digest of two sentences of 50,000 words within 30 s");
    assert!(events >= 1);
}
