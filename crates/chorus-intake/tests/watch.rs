//! The watcher against a tiny HTTP server on 127.0.0.1: a feed that changes between polls,
//! one that fails, one that answers 304, pages fetched once.

use chorus_ingest::FetchConfig;
use chorus_intake::watch::{WatchConfig, Watcher};
use chorus_intake::Intake;
use chorus_store::{OpenOptions, Store};
use chorus_testdata::http::{serve, Request, Response};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Default)]
struct State {
    /// Which version of `/news.xml` is served (1 or 2).
    news_version: AtomicUsize,
    /// Requests per path, and 200 answers with a body per path.
    requests: Mutex<HashMap<String, usize>>,
    bodies: Mutex<HashMap<String, usize>>,
}

fn item(n: &str, base: &str, text: &str) -> String {
    format!(
        "<item><title>Harbour story {n}</title><link>{base}/pages/{n}.html</link>\
         <guid>news-{n}</guid><description>{text}</description>\
         <pubDate>Sun, 08 Dec 2024 10:00:00 +0000</pubDate></item>"
    )
}

const TEXTS: [&str; 3] = [
    "The Tessaly harbour crane collapsed on Sunday morning, injuring two dock workers, the \
     port authority said.",
    "Dock workers at Tessaly harbour walked out on Monday over pay, the Port Workers Union \
     said, halting all container traffic.",
    "A ferry carrying 240 passengers ran aground near Vornholt lighthouse on Tuesday; all \
     were brought ashore, the coast guard said.",
];

fn respond(req: &Request, state: &State, base: &str) -> Response {
    let path = req.path.clone();
    *state
        .requests
        .lock()
        .unwrap()
        .entry(path.clone())
        .or_default() += 1;
    let rss = "Content-Type: application/rss+xml\r\n".to_string();
    let feed = |items: String| {
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Tessaly Post</title>\
             {items}</channel></rss>"
        )
    };
    let (status, extra, body): (u16, String, String) = match path.as_str() {
        "/news.xml" => {
            let mut items = item("1", base, TEXTS[0]) + &item("2", base, TEXTS[1]);
            if state.news_version.load(Ordering::SeqCst) >= 2 {
                items += &item("3", base, TEXTS[2]);
            }
            (200, rss, feed(items))
        }
        "/static.xml" => {
            if req.headers.get("if-none-match").map(String::as_str) == Some("\"s1\"") {
                (304, String::new(), String::new())
            } else {
                let items = "<item><title>Lighthouse keeper retires</title>\
                     <guid>static-1</guid><description>Vornholt lighthouse keeper Ansel Merrow \
                     retired on Friday after 41 years, the harbour board said.</description>\
                     </item>";
                (200, format!("{rss}ETag: \"s1\"\r\n"), feed(items.into()))
            }
        }
        "/broken.xml" => (500, String::new(), "oops".into()),
        p if p.starts_with("/pages/") => {
            let n: usize = p[7..8].parse().unwrap_or(1);
            let text = TEXTS[(n - 1).min(2)];
            (
                200,
                "Content-Type: text/html\r\n".into(),
                format!(
                    "<html><head><title>Harbour story {n}</title></head><body><article>\
                     <h1>Harbour story {n}</h1><p>{text}</p><p>{text}</p></article></body></html>"
                ),
            )
        }
        _ => (404, String::new(), "not here".into()),
    };
    if status == 200 {
        *state.bodies.lock().unwrap().entry(path).or_default() += 1;
    }
    Response::new(status, &extra, body)
}

fn start() -> (String, Arc<State>) {
    let state = Arc::new(State::default());
    state.news_version.store(1, Ordering::SeqCst);
    let shared = Arc::clone(&state);
    // The feed's links name the server, whose address is known once it listens.
    let base = Arc::new(std::sync::OnceLock::<String>::new());
    let known = Arc::clone(&base);
    let url = serve(move |req| respond(req, &shared, known.get().map_or("", String::as_str)));
    base.set(url.clone()).unwrap();
    (url, state)
}

fn intake(dir: &std::path::Path) -> Arc<Intake> {
    let store = Store::open(
        dir,
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
    Arc::new(Intake::new(
        Arc::new(store),
        chorus_pipeline::Config::default(),
    ))
}

fn config(fetch_pages: bool) -> WatchConfig {
    WatchConfig {
        every: Duration::from_secs(60),
        fetch_pages,
        fetch: FetchConfig {
            host_delay: Duration::ZERO,
            timeout: Duration::from_secs(10),
            ..FetchConfig::default()
        },
        ..WatchConfig::default()
    }
}

#[test]
fn polls_store_new_items_once_report_failures_and_cost_nothing_when_not_modified() {
    let (base, server) = start();
    let dir = tempfile::tempdir().unwrap();
    let intake = intake(dir.path());
    let feeds = ["/news.xml", "/static.xml", "/broken.xml"]
        .iter()
        .map(|p| format!("{base}{p}"))
        .collect();
    let mut watcher = Watcher::new(Arc::clone(&intake), feeds, config(false)).unwrap();

    let first = watcher.poll().unwrap();
    assert_eq!(first.fetched, 3);
    assert_eq!(first.stored.added, 3, "{:?}", first.diagnostics);
    assert_eq!(first.failed.len(), 1);
    assert!(first.failed[0].path.ends_with("/broken.xml"));
    assert!(
        first.failed[0].message.contains("500"),
        "{:?}",
        first.failed
    );
    let refreshed = first.refreshed.expect("new articles are grouped");
    assert_eq!(refreshed.articles, 3);
    assert!(intake.collection().stats().unwrap().events >= 2);

    // The feed grows by one item; the unchanged one answers 304; the failing one waits.
    server.news_version.store(2, Ordering::SeqCst);
    let second = watcher.poll().unwrap();
    assert_eq!(second.fetched, 2);
    assert_eq!(second.backing_off, 1);
    assert_eq!(second.not_modified, 1);
    assert_eq!(second.stored.added, 1);
    assert_eq!(second.stored.unchanged, 2);
    assert!(second.failed.is_empty());
    assert!(second.refreshed.is_some());
    let stats = intake.collection().stats().unwrap();
    assert_eq!(stats.articles, 4);
    assert_eq!(stats.versions, 4);
    assert_eq!(stats.without_event, 0);
    let bodies = server.bodies.lock().unwrap().clone();
    assert_eq!(bodies.get("/static.xml"), Some(&1), "the 304 sent no body");
    assert_eq!(server.requests.lock().unwrap().get("/static.xml"), Some(&2));
    assert_eq!(
        server.requests.lock().unwrap().get("/broken.xml"),
        Some(&1),
        "a failed feed waits before it is tried again"
    );

    // Nothing new: nothing stored, nothing recomputed.
    let third = watcher.poll().unwrap();
    assert_eq!(third.stored.added + third.stored.new_versions, 0);
    assert!(third.refreshed.is_none());
}

#[test]
fn pages_of_items_already_stored_are_not_fetched_again() {
    let (base, server) = start();
    let dir = tempfile::tempdir().unwrap();
    let intake = intake(dir.path());
    let mut watcher = Watcher::new(
        Arc::clone(&intake),
        vec![format!("{base}/news.xml")],
        config(true),
    )
    .unwrap();
    let first = watcher.poll().unwrap();
    assert_eq!(first.stored.added, 2, "{:?}", first.diagnostics);
    server.news_version.store(2, Ordering::SeqCst);
    let second = watcher.poll().unwrap();
    assert_eq!(second.stored.added, 1, "{:?}", second.diagnostics);
    assert_eq!(second.stored.new_versions, 0);
    let requests = server.requests.lock().unwrap().clone();
    for n in 1..=3 {
        assert_eq!(
            requests.get(&format!("/pages/{n}.html")),
            Some(&1),
            "{requests:?}"
        );
    }
    // The stored article is the page, not the feed's summary.
    let a = intake
        .collection()
        .articles()
        .unwrap()
        .into_iter()
        .find(|a| {
            a.url
                .as_deref()
                .is_some_and(|u| u.ends_with("/pages/1.html"))
        })
        .expect("the page is stored under its URL");
    assert!(a.body.matches("crane collapsed").count() >= 1);
}

#[test]
fn a_stop_set_during_a_poll_ends_the_watch_after_it() {
    let (base, _server) = start();
    let dir = tempfile::tempdir().unwrap();
    let intake = intake(dir.path());
    let mut watcher = Watcher::new(
        Arc::clone(&intake),
        vec![format!("{base}/news.xml")],
        WatchConfig {
            // Were the stop missed, the test would wait an hour for the next poll.
            every: Duration::from_secs(3600),
            ..config(false)
        },
    )
    .unwrap();
    let stop = AtomicBool::new(false);
    let mut polls = 0;
    watcher
        .run(&stop, &mut |poll, _| {
            polls += 1;
            assert_eq!(poll.stored.added, 2);
            stop.store(true, Ordering::SeqCst);
        })
        .unwrap();
    assert_eq!(polls, 1);
    assert_eq!(intake.collection().stats().unwrap().articles, 2);
}
