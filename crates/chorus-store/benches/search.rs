//! Ingest throughput and search latency on a generated collection (default 100,000 articles;
//! the first argument changes it): `cargo bench -p chorus-store --bench search [-- N]`.
//! Articles are made by a seeded generator (topic words among 20,000 rarer fillers), so runs
//! compare.

use chorus_model::Article;
use chorus_store::{Collection, OpenOptions, SearchRequest, Store};
use std::time::{Duration, Instant};

/// A small linear congruential generator: reproducible, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        // Skewed towards the front, like word frequencies.
        let a = self.next() as usize % words.len();
        let b = self.next() as usize % words.len();
        words[a.min(b)]
    }
}

const WORDS: &[&str] = &[
    "the",
    "said",
    "government",
    "minister",
    "police",
    "city",
    "year",
    "people",
    "report",
    "council",
    "strike",
    "port",
    "workers",
    "union",
    "flood",
    "river",
    "bridge",
    "collapse",
    "election",
    "vote",
    "court",
    "judge",
    "trial",
    "hospital",
    "doctors",
    "health",
    "school",
    "teachers",
    "storm",
    "wind",
    "rain",
    "fire",
    "forest",
    "army",
    "rebels",
    "capital",
    "president",
    "parliament",
    "budget",
    "tax",
    "prices",
    "inflation",
    "bank",
    "market",
    "company",
    "shares",
    "profit",
    "energy",
    "oil",
    "gas",
    "power",
    "grid",
    "water",
    "drought",
    "harvest",
    "farmers",
    "comet",
    "telescope",
    "astronomer",
    "museum",
    "festival",
    "football",
    "match",
    "coach",
    "injury",
    "railway",
    "train",
    "airport",
    "flight",
    "ship",
    "harbour",
    "negotiations",
    "talks",
    "agreement",
    "ceasefire",
    "protest",
    "crowd",
    "square",
    "mayor",
];

const FILLERS: u64 = 20_000;

const OUTLETS: &[&str] = &[
    "Wire",
    "Daily",
    "Courier",
    "Gazette",
    "Tribune",
    "Chronicle",
];

fn article(rng: &mut Lcg, i: usize) -> Article {
    let title: Vec<&str> = (0..8).map(|_| rng.pick(WORDS)).collect();
    let mut body = String::with_capacity(2400);
    for s in 0..20 {
        let words: Vec<String> = (0..18)
            .map(|_| {
                // News text: a few topic words among many rarer ones (20,000 fillers).
                if rng.next() % 10 < 3 {
                    rng.pick(WORDS).to_string()
                } else {
                    let (a, b) = (rng.next() % FILLERS, rng.next() % FILLERS);
                    format!("w{}", a.min(b))
                }
            })
            .collect();
        body.push_str(&words.join(" "));
        body.push_str(if s % 5 == 4 { ".\n\n" } else { ". " });
    }
    Article {
        id: format!("gen-{i}"),
        source: OUTLETS[i % OUTLETS.len()].to_string(),
        title: Some(title.join(" ")),
        published: Some(format!("2026-03-{:02}", 1 + i % 28)),
        body,
        ..Article::default()
    }
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: true,
        },
    )
    .expect("a new store");
    let mut rng = Lcg(7);
    let start = Instant::now();
    let batch = 5_000;
    let mut done = 0;
    while done < n {
        let articles: Vec<Article> = (done..n.min(done + batch))
            .map(|i| article(&mut rng, i))
            .collect();
        store.add_articles(&articles).expect("stored");
        done += articles.len();
    }
    let took = start.elapsed();
    println!(
        "ingest: {n} articles in {:.1} s ({:.0} articles/s)",
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64()
    );
    let stats = store.stats().expect("stats");
    assert_eq!(stats.indexed, n, "every article indexed");

    let queries = [
        "strike",
        "port workers union",
        "\"river flood\"",
        "comet telescope",
        "minister +budget",
        "ceasefire talks",
        "harbour -ship",
        "election court judge",
        "drought farmers harvest",
        "railway bridge collapse",
    ];
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..20 {
        for q in queries {
            let t = Instant::now();
            let hits = store.search(q, 10).expect("search");
            times.push(t.elapsed());
            if round == 0 {
                assert!(!hits.is_empty(), "no hit for {q}");
            }
        }
    }
    for (i, q) in queries.iter().enumerate() {
        let mut mine: Vec<Duration> = times
            .iter()
            .skip(i)
            .step_by(queries.len())
            .copied()
            .collect();
        mine.sort();
        println!(
            "  {q:<28} median {:.2} ms",
            mine[mine.len() / 2].as_secs_f64() * 1e3
        );
    }
    times.sort();
    let pct = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "search (top 10 with snippets, {} queries): p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        pct(50).as_secs_f64() * 1e3,
        pct(95).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );

    // Issue #28: three words, all of which must match, a page of 20 grouped by event.
    let three = [
        "port workers union",
        "election court judge",
        "drought farmers harvest",
        "railway bridge collapse",
        "river flood city",
    ];
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..20 {
        for q in three {
            let t = Instant::now();
            let page = store
                .search_page(&SearchRequest {
                    query: q.into(),
                    limit: 20,
                    ..SearchRequest::default()
                })
                .expect("search");
            times.push(t.elapsed());
            if round == 0 {
                println!("  {q:<28} {} articles hold all three words", page.total);
            }
        }
    }
    times.sort();
    println!(
        "search of three words (all must match, page of 20 grouped by event, {} queries): median {:.2} ms, p95 {:.2} ms",
        times.len(),
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[(times.len() * 95 / 100).min(times.len() - 1)].as_secs_f64() * 1e3
    );
}
