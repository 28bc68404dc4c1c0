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
