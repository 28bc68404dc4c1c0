//! Server time of the pages, feeds and API answers of issue #28 on a stored collection: each
//! asked of the real router in-process (no network) 21 times, the median printed (and the
//! first answer, which counts the outlet figures once, on its own). Run on a generated
//! collection, e.g. `cargo xtask gen 100000 > g.jsonl; chorus ingest --data-dir DIR g.jsonl;
//! cargo bench -p chorus-web --bench pages -- DIR`. Given a `postgres://` URL instead of a
//! directory, the same pages are asked of that PostgreSQL collection
//! (`chorus ingest --database-url URL g.jsonl` fills one).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chorus_store::{Collection, OpenOptions, PgStore, Store};
use chorus_web::{app, AppState, WebConfig};
use http_body_util::BodyExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const ROUNDS: usize = 21;

/// `path` with its id part percent-encoded.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn main() {
    let place = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .expect("usage: cargo bench -p chorus-web --bench pages -- DATA_DIR|postgres://URL");
    let store: Arc<dyn Collection> =
        if place.starts_with("postgres://") || place.starts_with("postgresql://") {
            Arc::new(PgStore::open(&place).expect("a PostgreSQL collection"))
        } else {
            Arc::new(
                Store::open(
                    std::path::Path::new(&place),
                    &OpenOptions {
                        create: false,
                        exclusive: false,
                    },
                )
                .expect("a stored collection"),
            )
        };
    println!("{}", store.backend());
    let stats = store.stats().expect("stats");
    let events = store.events(&Default::default()).expect("events");
    let event = events.first().expect("an event").id.clone();
    let outlet = store.outlets(0, 1).expect("outlets").items[0].name.clone();
    let entity = store
        .entities_page(&chorus_store::EntityQuery {
            q: None,
            limit: 1,
            offset: 0,
        })
        .expect("entities")
        .items
        .first()
        .map(|e| e.id.clone())
        .unwrap_or_default();
    let site = app(AppState::new(
        Arc::clone(&store),
        chorus_pipeline::Config::default(),
        WebConfig::default(),
    ));
    println!(
        "{} articles, {} events, {} entities, {} outlets",
        stats.articles, stats.events, stats.entities, stats.sources
    );
    // Three words of the largest event's title: a search with hits.
    let words: Vec<String> = events[0]
        .title
        .split_whitespace()
        .filter(|w| w.len() > 3)
        .take(3)
        .map(enc)
        .collect();
    let three = words.join("%20");
    let three = three.as_str();
    let uris = [
        "/".to_string(),
        "/?offset=500".to_string(),
        format!("/?q={three}"),
        "/entities".to_string(),
        "/entities?q=port".to_string(),
        "/outlets".to_string(),
        format!("/outlets/{}", enc(&outlet)),
        format!("/events/{}", enc(&event)),
        format!("/events/{}?since=2026-03-10", enc(&event)),
        format!("/search?q={three}"),
        format!("/api/search?q={three}"),
        format!("/search?q={three}&source={}&from=2026-03-05", enc(&outlet)),
        "/events.atom".to_string(),
        format!("/events.atom?q={three}"),
        format!("/events/{}/feed.atom", enc(&event)),
        format!("/entities/{}/feed.atom", enc(&entity)),
        format!("/api/events/{}.csv", enc(&event)),
        format!("/api/events/{}", enc(&event)),
        "/api/outlets".to_string(),
        format!("/api/outlets/{}", enc(&outlet)),
    ];
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        for uri in &uris {
            let mut times: Vec<Duration> = Vec::with_capacity(ROUNDS);
            let mut bytes = 0;
            for _ in 0..ROUNDS {
                let t = Instant::now();
                let res = site
                    .clone()
                    .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let status = res.status();
                let body = res.into_body().collect().await.unwrap().to_bytes();
                times.push(t.elapsed());
                assert_eq!(status, StatusCode::OK, "{uri}");
                bytes = body.len();
            }
            let first = times[0];
            times.sort();
            println!(
                "{uri:<60} median {:>8.2} ms  first {:>8.2} ms  {:>8} bytes",
                times[ROUNDS / 2].as_secs_f64() * 1e3,
                first.as_secs_f64() * 1e3,
                bytes
            );
        }
    });
}
