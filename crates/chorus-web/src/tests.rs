//! The real router driven in-process (`tower::ServiceExt::oneshot`, no network): pages and API
//! on the example corpus, citations that open their sentence highlighted, escaping of hostile
//! article text, size limits, and errors that reveal nothing.

use super::*;
use crate::markup::query_part;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chorus_store::{OpenOptions, Store};
use http_body_util::BodyExt;
use std::path::Path;
use tower::ServiceExt;

struct Site {
    app: Router,
    _dir: tempfile::TempDir,
}

fn site_with(config: WebConfig) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
    let state = AppState::new(Arc::new(store), chorus_pipeline::Config::default(), config);
    Site {
        app: app(state),
        _dir: dir,
    }
}

/// The example corpus as JSON lines, ids kept.
fn corpus_jsonl() -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let read = chorus_ingest::ingest_paths(&[corpus], &chorus_ingest::IngestConfig::default());
    read.articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id, "text": a.body, "title": a.title, "source": a.source,
                "url": a.url, "published": a.published,
            })
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

async fn call(app: &Router, method: &str, uri: &str, body: Vec<u8>) -> (StatusCode, String) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String) {
    call(app, "GET", uri, Vec::new()).await
}

async fn get_json(app: &Router, uri: &str) -> serde_json::Value {
    let (status, body) = get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

async fn example_site() -> Site {
    let site = site_with(WebConfig::default());
    let (status, body) = call(&site.app, "POST", "/api/articles", corpus_jsonl().into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    site
}

/// The `href` values of links in `html` that start with `prefix`.
fn links<'a>(html: &'a str, prefix: &str) -> Vec<&'a str> {
    html.match_indices(&format!("href=\"{prefix}"))
        .filter_map(|(i, _)| {
            let rest = &html[i + 6..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[tokio::test]
async fn posting_the_corpus_twice_stores_it_once() {
    let site = example_site().await;
    let (status, body) = call(&site.app, "POST", "/api/articles", corpus_jsonl().into()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["added"], 0);
    assert_eq!(v["unchanged"], v["articles"]);
    let stats = get_json(&site.app, "/api/stats").await;
    assert_eq!(stats["articles"], stats["versions"]);
}

#[tokio::test]
async fn a_citation_opens_its_sentence_highlighted_in_the_article() {
    let site = example_site().await;
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap().to_string();
    let (status, page) = get(&site.app, &format!("/events/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    for part in [
        "<h2>1. Account</h2>",
        "<h2>2. Corroborated</h2>",
        "<h2>3. Single-source</h2>",
        "<h2>4. Differences</h2>",
        "<h2>5. Quotes</h2>",
        "<h2>The outlets side by side</h2>",
        "<svg class=\"coverage\"",
    ] {
        assert!(page.contains(part), "missing {part}");
    }
    let cited = links(&page, "/articles/");
    let first = cited
        .iter()
        .find(|l| l.contains("?hl="))
        .expect("a citation link");
    let (status, article) = get(&site.app, &first.replace("&amp;", "&")).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    // The highlighted text is the account sentence's cited range.
    let report = get_json(&site.app, &format!("/api/events/{id}")).await;
    let c = &report["events"][0]["account"][0]["citations"][0];
    let text = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["article"] == c["article"] || a["id"] == c["article"])
        .unwrap()["text"]
        .as_str()
        .unwrap();
    let sentence =
        &text[c["start"].as_u64().unwrap() as usize..c["end"].as_u64().unwrap() as usize];
    let mark = article.split("<mark id=\"hl\">").nth(1).unwrap();
    let marked = &mark[..mark.find("</mark>").unwrap()];
    assert_eq!(marked, markup::escape(sentence).replace('\n', " "));
    // Entity links from the event page resolve.
    let entity = links(&page, "/entities/")[0].to_string();
    let (status, _) = get(&site.app, &entity).await;
    assert_eq!(status, StatusCode::OK, "{entity}");
}

#[tokio::test]
async fn pages_and_api_answer_on_the_example_corpus() {
    let site = example_site().await;
    let (status, list) = get(&site.app, "/?order=newest&since=2026-03-15").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("<table>"));
    let newest = get_json(&site.app, "/api/events?order=newest&since=2026-03-15").await;
    assert!(newest
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["last_published"].as_str().unwrap() >= "2026-03-15"));
    let entities = get_json(&site.app, "/api/entities").await;
    let eid = entities[0]["id"].as_str().unwrap();
    let one = get_json(&site.app, &format!("/api/entities/{eid}")).await;
    assert_eq!(one["name"], entities[0]["name"]);
    let (status, _) = get(&site.app, &format!("/entities/{eid}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(&site.app, "/entities").await;
    assert_eq!(status, StatusCode::OK);
    // Article ids are paths with slashes.
    let hits = get_json(&site.app, "/api/search?q=strike").await;
    let aid = hits["groups"][0]["hits"][0]["article"].as_str().unwrap();
    assert!(aid.contains('/'), "{aid}");
    let article = get_json(&site.app, &format!("/api/articles/{aid}")).await;
    assert_eq!(article["article"]["id"], aid);
    assert!(article["clean"]["text"].is_string());
    let (status, page) = get(&site.app, "/search?q=strike").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<mark>"), "{page}");
    let spec = get_json(&site.app, "/api/openapi.json").await;
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/articles",
        "/api/articles/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/search",
        "/api/stats",
        "/api/openapi.json",
        "/api/outlets",
        "/api/outlets/{name}",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} undocumented");
    }
}

#[tokio::test]
async fn hostile_article_text_is_served_only_escaped() {
    let site = site_with(WebConfig::default());
    let evil = serde_json::json!({
        "id": "evil<script>",
        "title": "<script>alert(1)</script> and <img src=x onerror=alert(1)>",
        "text": "Officials said <script>alert(1)</script> was found.\n\n<img src=x onerror=alert(1)> appeared on the page of the council.",
        "source": "<b>Outlet</b>",
        "url": "javascript:alert(1)",
        "published": "2026-03-01",
    });
    let (status, body) = call(&site.app, "POST", "/api/articles", evil.to_string().into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap();
    let mut pages = vec![
        "/".to_string(),
        format!("/events/{id}"),
        "/articles/evil%3Cscript%3E".to_string(),
        "/articles/evil%3Cscript%3E?hl=0-8".to_string(),
        "/search?q=alert".to_string(),
        "/search?q=%3Cscript%3E".to_string(),
        "/entities".to_string(),
        "/entities?q=%3Cscript".to_string(),
        "/?source=%3Cb%3EOutlet%3C%2Fb%3E".to_string(),
        "/outlets".to_string(),
        "/outlets/%3Cb%3EOutlet%3C%2Fb%3E".to_string(),
        "/events.atom".to_string(),
        format!("/events/{id}/feed.atom"),
        format!("/events/{id}?since=2026-01-01"),
    ];
    let entities = get_json(&site.app, "/api/entities").await;
    for e in entities.as_array().unwrap() {
        pages.push(format!("/entities/{}", e["id"].as_str().unwrap()));
    }
    for uri in &pages {
        let (status, html) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        for raw in ["<script", "<img", "onerror=alert(1)>", "<b>", "javascript:"] {
            assert!(!html.contains(raw), "{uri} contains {raw}:\n{html}");
        }
    }
    let (_, article) = get(&site.app, "/articles/evil%3Cscript%3E").await;
    assert!(article.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(article.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn errors_are_statuses_without_internal_detail() {
    let site = site_with(WebConfig {
        max_body_bytes: 1024,
        ..WebConfig::default()
    });
    for uri in [
        "/events/e404",
        "/articles/../../etc/passwd",
        "/articles/%2e%2e/%2e%2e/etc/passwd",
        "/entities/nobody",
        "/no/such/page",
        "/api/events/e404",
        "/api/articles/nothing",
        "/api/entities/nobody",
        "/Cargo.toml",
        "/src/lib.rs",
    ] {
        let (status, body) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            !body.contains("root:") && !body.contains("[package]"),
            "{uri}"
        );
    }
    let (status, body) = get(&site.app, "/api/events?since=someday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("since"), "{body}");
    let (status, _) = get(&site.app, "/api/search").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = call(&site.app, "POST", "/api/articles", b"not json".to_vec()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("no article could be read"), "{body}");
    let big = serde_json::json!({ "text": "word ".repeat(1000) }).to_string();
    let (status, _) = call(&site.app, "POST", "/api/articles", big.into()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_event_page_renders_fast() {
    let site = example_site().await;
    let events = get_json(&site.app, "/api/events").await;
    let uri = format!("/events/{}", events[0]["id"].as_str().unwrap());
    let _ = get(&site.app, &uri).await;
    let runs = 20;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        let (status, _) = get(&site.app, &uri).await;
        assert_eq!(status, StatusCode::OK);
    }
    let each = start.elapsed() / runs;
    eprintln!("event page of the largest example event: {each:?} per request");
    // The issue asks for under 50 ms; a generous bound here keeps slow CI machines green.
    assert!(each.as_millis() < 250, "{each:?}");
}

#[tokio::test]
async fn a_page_with_no_story_text_is_in_no_event_and_shown_as_read() {
    let site = site_with(WebConfig::default());
    let notice = "These crawls are part of an effort to archive pages as they are created and \
                  archive the pages that they refer to.";
    let posted = [
        serde_json::json!({"id": "notice", "text": notice, "source": "Archive"}),
        serde_json::json!({
            "id": "story", "source": "Harbour Courier",
            "text": "The ferry Quillon returned to Tessaly harbour on Sunday after a refit, the \
                     Tessaly Ferry Company said. Captain Ysolde Brackwater thanked the crew.",
        }),
    ]
    .map(|v| v.to_string())
    .join("\n");
    let (status, body) = call(&site.app, "POST", "/api/articles", posted.into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let events = get_json(&site.app, "/api/events").await;
    let held: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(held.len(), 1, "{events}");
    let event = get_json(&site.app, &format!("/api/events/{}", held[0])).await;
    assert_eq!(event["events"][0]["articles"], serde_json::json!(["story"]));
    let stats = get_json(&site.app, "/api/stats").await;
    assert_eq!(stats["without_event"], 1, "{stats}");
    let (_, list) = get(&site.app, "/").await;
    assert!(
        list.contains("2 articles from 2 outlets in 1 event (1 in none)"),
        "{list}"
    );
    let (status, page) = get(&site.app, "/articles/notice").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Cleaning left no story text"), "{page}");
    assert!(
        page.contains("These crawls are part of an effort"),
        "{page}"
    );
    assert!(!page.contains("/events/"), "{page}");
}

#[tokio::test]
async fn two_articles_are_compared_against_the_collection_without_being_stored() {
    let site = example_site().await;
    let corpus: Vec<serde_json::Value> = corpus_jsonl()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let text_of = |id: &str| {
        let a = corpus.iter().find(|a| a["id"] == id).unwrap();
        serde_json::json!({"text": a["text"], "title": a["title"], "source": a["source"]})
    };
    let ask = |a: &str, b: &str| serde_json::json!([text_of(a), text_of(b)]).to_string();
    let strike = "harbour-courier/port-strike-day-two.txt";
    let answer = compare(&site.app, ask(strike, "meridian-wire/port-strike.md")).await;
    assert_eq!(answer["same_story"], true, "{answer}");
    assert_eq!(answer["background"], 15, "{answer}");
    let cosine = answer["cosine"].as_f64().unwrap();
    let answer = compare(
        &site.app,
        ask(strike, "eastgate-chronicle/comet-sighting.md"),
    )
    .await;
    assert_eq!(answer["same_story"], false, "{answer}");
    assert!(answer["cosine"].as_f64().unwrap() < cosine, "{answer}");
    // Nothing asked about was stored.
    assert_eq!(get_json(&site.app, "/api/stats").await["articles"], 15);

    // Not two articles: a 400 that says what to send.
    for body in [
        serde_json::json!([{"text": "Only one."}]).to_string(),
        serde_json::json!([{"text": "One."}, {"text": "Two."}, {"text": "Three."}]).to_string(),
        "\u{0}\u{1}not json".to_string(),
    ] {
        let (status, answer) = call(&site.app, "POST", "/api/similarity", body.into()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
        assert!(answer.contains("exactly two articles"), "{answer}");
    }
    let (status, _) = get(&site.app, "/api/similarity").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The statistics follow the collection as it grows.
    let more = serde_json::json!({"id": "extra", "source": "Tessaly Post",
        "text": "The ferry Quillon returned to Tessaly harbour on Sunday after a refit."});
    let (status, _) = call(&site.app, "POST", "/api/articles", more.to_string().into()).await;
    assert_eq!(status, StatusCode::CREATED);
    let answer = compare(&site.app, ask(strike, "meridian-wire/port-strike.md")).await;
    assert_eq!(answer["background"], 16, "{answer}");
}

/// `POST /api/similarity` with `body`, which must answer 200.
async fn compare(app: &Router, body: String) -> serde_json::Value {
    let (status, answer) = call(app, "POST", "/api/similarity", body.into()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    serde_json::from_str(&answer).unwrap()
}

#[tokio::test]
async fn the_compare_page_answers_its_form_with_the_texts_escaped() {
    let site = example_site().await;
    let (status, form) = get(&site.app, "/compare").await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("<textarea name=\"a\""), "{form}");
    let post = |a: &str, b: &str| {
        let body = format!("a={}&b={}", query_part(a), query_part(b));
        Request::builder()
            .method("POST")
            .uri("/compare")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    let first = "Dock workers at Saltreach stayed out for a second day as ships queued off \
                 the port. <script>alert(1)</script>";
    let second = "Ships queue off Saltreach as the dock strike enters its second day.";
    let res = site.app.clone().oneshot(post(first, second)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&bytes);
    assert!(html.contains("<strong>Same story</strong>"), "{html}");
    assert!(html.contains("the 15 articles of the collection"), "{html}");
    assert!(html.contains("Shared most: "), "{html}");
    assert!(html.contains("saltreach"), "{html}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("different languages"), "{html}");
    // A language given in a header block is the reader's to name, and is escaped too.
    let tagged = format!("Language: <b>xx</b>\n\n{second}");
    let res = site
        .app
        .clone()
        .oneshot(post(first, &tagged))
        .await
        .unwrap();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&bytes);
    assert!(html.contains("different languages"), "{html}");
    assert!(
        html.contains("&lt;b&gt;xx&lt;/b&gt;") && !html.contains("<b>xx"),
        "{html}"
    );
    // Nothing was stored; an empty box is a 400.
    assert_eq!(get_json(&site.app, "/api/stats").await["articles"], 15);
    let res = site.app.clone().oneshot(post(first, "  ")).await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

/// Issue #25, item 1: a query that would overflow tantivy's parser, or a field query the
/// index cannot answer, is a 400 saying what is allowed, on the page and in the API.
#[tokio::test]
async fn issue_25_search_queries_that_crashed_the_server_are_400s() {
    let site = site_with(WebConfig::default());
    let (status, body) = call(
        &site.app,
        "POST",
        "/api/articles",
        br#"{"id": "a", "title": "Harbour strike", "text": "Dock workers end their strike."}"#
            .to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let cases = [
        ("(".repeat(1_000), "more than 32"),
        ("(".repeat(10_000), "characters long"),
        ("body:*".to_string(), "body:*"),
        ("title:*".to_string(), "title:*"),
    ];
    for (query, want) in cases {
        for path in ["/search", "/api/search"] {
            let (status, body) = get(&site.app, &format!("{path}?q={}", query_part(&query))).await;
            assert_eq!(
                status,
                StatusCode::BAD_REQUEST,
                "{path} {query:.20}: {body:.300}"
            );
            assert!(body.contains(want), "{path} {query:.20}: {body:.300}");
            assert!(
                body.contains("not supported") || body.contains("more than"),
                "{body:.300}"
            );
            assert!(body.contains("title:word"), "{path}: {body:.300}");
        }
    }
    let hits = get_json(&site.app, "/api/search?q=title%3Aharbour").await;
    assert_eq!(hits["groups"][0]["hits"][0]["article"], "a");
}

/// A POST body whose reading is real CPU work: JSON lines of generated HTML pages.
fn heavy_post_body(pages: usize) -> String {
    (0..pages)
        .map(|i| {
            let paragraphs: String = (0..20)
                .map(|p| {
                    format!(
                        "<div class=\"c{p}\"><p>Report {i} paragraph {p}: the council of town \
                         {i} met on day {p} and voted on budget line {} after a long debate \
                         about roads, schools and the harbour.</p></div>",
                        i * 31 + p
                    )
                })
                .collect();
            serde_json::json!({
                "id": format!("heavy-{i}"),
                "html": format!(
                    "<html><head><title>Town {i} votes</title></head><body><article>\
                     <h1>Town {i} votes</h1>{paragraphs}</article></body></html>"
                ),
            })
            .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Issue #25, item 3: a POST's parsing and extraction run on the blocking pool, so a read
/// sent while it is parsed answers at once. The test runs on a one-thread runtime, where CPU
/// work done on the runtime would hold the read until it ended: the read must answer in less
/// than half the time the body takes to read on its own (measured here, so the bound
/// follows the machine's speed).
#[tokio::test]
async fn issue_25_reads_answer_while_a_post_is_parsed() {
    let site = site_with(WebConfig {
        max_body_bytes: 64 * 1024 * 1024,
        ..WebConfig::default()
    });
    let body = heavy_post_body(3_000);
    let parse = (0..2)
        .map(|_| {
            let start = std::time::Instant::now();
            let read = chorus_ingest::ingest_named_bytes("post.jsonl", body.as_bytes());
            assert_eq!(read.articles.len(), 3_000);
            start.elapsed()
        })
        .min()
        .unwrap();
    // Spawned, not yet run: the read below yields to it at its first await.
    let post = tokio::spawn(call_owned(site.app.clone(), "POST", "/api/articles", body));
    let start = std::time::Instant::now();
    let (status, _) = get(&site.app, "/api/stats").await;
    let read = start.elapsed();
    assert_eq!(status, StatusCode::OK);
    assert!(
        read < parse / 2,
        "GET /api/stats took {read:?} while a POST was parsed (parsing alone: {parse:?})"
    );
    let (status, body) = post.await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body:.300}");
}

async fn call_owned(app: Router, method: &str, uri: &str, body: String) -> (StatusCode, String) {
    call(&app, method, uri, body.into_bytes()).await
}

/// Issue #25, item 2: 2,000 connections that send nothing, half a header or a dripped body
/// neither keep a normal request from answering within a second nor stay open past their
/// timeout (2 s here, so that the test is quick; 10 s and 30 s by default). Loopback only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue_25_idle_connections_neither_block_requests_nor_stay_open() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    let timeout = std::time::Duration::from_secs(2);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
    let state = AppState::new(
        Arc::new(store),
        chorus_pipeline::Config::default(),
        WebConfig {
            header_timeout: timeout,
            body_timeout: timeout,
            ..WebConfig::default()
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(listener, state, async {
        let _ = stopped.await;
    }));

    let opened = std::time::Instant::now();
    let mut idle = Vec::with_capacity(2_000);
    for i in 0..2_000 {
        let mut s = TcpStream::connect(addr).await.unwrap();
        let sent: &[u8] = match i % 4 {
            0 | 1 => b"",
            2 => b"GET /api/stats HTTP/1.1\r\nHost: chorus\r\n",
            _ => b"POST /api/articles HTTP/1.1\r\nHost: chorus\r\nContent-Length: 100\r\n\r\n{\"te",
        };
        s.write_all(sent).await.unwrap();
        idle.push(s);
    }

    let asked = std::time::Instant::now();
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/stats HTTP/1.1\r\nHost: chorus\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        s.read_to_end(&mut answer),
    )
    .await
    .expect("the server answers")
    .unwrap();
    let took = asked.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:.200}");
    assert!(took < std::time::Duration::from_secs(1), "took {took:?}");

    // Every idle connection is closed by the server (EOF or reset) within its timeout, with
    // a margin for the scheduler; the dripped bodies get a 408 first.
    let deadline = tokio::time::Instant::from_std(opened) + timeout * 2 + timeout;
    let mut timed_out = 0;
    for (i, mut s) in idle.into_iter().enumerate() {
        let mut got = Vec::new();
        match tokio::time::timeout_at(deadline, s.read_to_end(&mut got)).await {
            Err(_) => panic!(
                "idle connection {i} still open after {:?}",
                opened.elapsed()
            ),
            Ok(_) if i % 4 == 3 => {
                let got = String::from_utf8_lossy(&got);
                assert!(got.starts_with("HTTP/1.1 408"), "{i}: {got:.200}");
                timed_out += 1;
            }
            Ok(_) => {}
        }
    }
    assert_eq!(timed_out, 500);
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// Issue #25, item 2: no more than `max_connections` are served at once; one more waits to
/// be accepted until a connection closes (here the two idle ones, at their header timeout).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue_25_connections_over_the_cap_wait_for_a_free_slot() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    let timeout = std::time::Duration::from_millis(800);
    let dir = tempfile::tempdir().unwrap();
    let options = OpenOptions {
        create: true,
        exclusive: false,
    };
    let state = AppState::new(
        Arc::new(Store::open(dir.path(), &options).unwrap()),
        chorus_pipeline::Config::default(),
        WebConfig {
            header_timeout: timeout,
            max_connections: 2,
            ..WebConfig::default()
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(listener, state, async {
        let _ = stopped.await;
    }));
    let opened = std::time::Instant::now();
    let _idle = [
        TcpStream::connect(addr).await.unwrap(),
        TcpStream::connect(addr).await.unwrap(),
    ];
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /api/stats HTTP/1.1\r\nHost: chorus\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(timeout * 5, s.read_to_end(&mut answer))
        .await
        .expect("answered once a slot is free")
        .unwrap();
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));
    let waited = opened.elapsed();
    assert!(
        waited >= timeout,
        "answered after {waited:?}, before any slot was free"
    );
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

/// Issue #25, item 10: bidirectional overrides in a title or an outlet name reach no page.
#[tokio::test]
async fn issue_25_bidi_controls_in_titles_and_outlets_reach_no_page() {
    let site = site_with(WebConfig::default());
    let rlo = "\u{202E}";
    let article = serde_json::json!({
        "id": "spoof",
        "title": format!("Harbour strike {rlo}gpj.exe\u{2066}"),
        "source": format!("Outlet{rlo} News"),
        "text": "Dock workers in the harbour stayed out for a second day, the union said.",
    });
    let (status, body) = call(
        &site.app,
        "POST",
        "/api/articles",
        article.to_string().into(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap();
    for uri in [
        "/".to_string(),
        format!("/events/{id}"),
        "/articles/spoof".to_string(),
        "/search?q=harbour".to_string(),
    ] {
        let (status, html) = get(&site.app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(html.contains("Harbour strike gpj.exe"), "{uri}: title lost");
        assert!(
            !html.contains(rlo) && !html.contains('\u{2066}'),
            "{uri} keeps a bidi control"
        );
    }
}

/// Issue #25, item 2: a response the client stops reading fails its write once it has made
/// no progress for the write timeout, instead of holding the connection forever; a reader
/// that keeps reading is never cut.
#[tokio::test]
async fn issue_25_a_response_nobody_reads_is_dropped_at_the_write_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let limit = std::time::Duration::from_millis(300);
    let (server, _client_not_reading) = tokio::io::duplex(1024);
    let mut stream = WriteDeadline::new(server, limit);
    let big = vec![b'x'; 64 * 1024];
    let start = std::time::Instant::now();
    let err = tokio::time::timeout(limit * 10, stream.write_all(&big))
        .await
        .expect("the write gives up")
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::TimedOut);
    assert!(start.elapsed() >= limit);
    drop(stream);

    let (server, mut client_reading) = tokio::io::duplex(1024);
    let mut stream = WriteDeadline::new(server, limit);
    let reader = tokio::spawn(async move {
        let mut got = Vec::new();
        client_reading.read_to_end(&mut got).await.unwrap();
        got.len()
    });
    stream.write_all(&big).await.unwrap();
    stream.shutdown().await.unwrap();
    assert_eq!(reader.await.unwrap(), big.len());
}

/// Atom parsed by feed-rs; every link absolute.
fn atom(xml: &str) -> feed_rs::model::Feed {
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}: {xml}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    for link in feed
        .links
        .iter()
        .chain(feed.entries.iter().flat_map(|e| &e.links))
    {
        assert!(link.href.starts_with("http"), "relative link {}", link.href);
    }
    feed
}

/// The titles of a search's hits, grouped: (event title, [hit title]).
fn grouped(results: &serde_json::Value) -> Vec<(String, Vec<String>)> {
    results["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["title"].as_str().unwrap().to_string(),
                g["hits"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h["title"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn issue_28_search_means_all_the_words_grouped_by_event_with_filters() {
    let site = example_site().await;
    let any = get_json(&site.app, "/api/search?q=strike%20OR%20viaduct&limit=50").await;
    let all = get_json(&site.app, "/api/search?q=strike%20viaduct&limit=50").await;
    let strike = get_json(&site.app, "/api/search?q=strike&limit=50").await;
    let (any, all, strike) = (
        any["total"].as_u64().unwrap(),
        all["total"].as_u64().unwrap(),
        strike["total"].as_u64().unwrap(),
    );
    assert!(
        all < strike && strike < any,
        "all {all}, strike {strike}, any {any}"
    );
    // Stemmed: "dockers striking" finds what "docker strike" finds.
    let a = get_json(&site.app, "/api/search?q=dockers%20striking").await;
    let b = get_json(&site.app, "/api/search?q=docker%20strike").await;
    assert_eq!(a["total"], b["total"]);
    assert!(a["total"].as_u64().unwrap() > 0);
    // Grouped by event: the strike articles are one group, titled by the event.
    let r = get_json(&site.app, "/api/search?q=saltreach%20strike&limit=50").await;
    let groups = grouped(&r);
    assert!(groups.iter().any(|(_, hits)| hits.len() >= 2), "{groups:?}");
    for (_, hits) in &groups {
        for t in hits {
            assert!(
                !t.contains(".md") && !t.contains(".txt") && t != "(untitled)",
                "{t}"
            );
        }
    }
    // Filters: outlet, language, days.
    let r = get_json(&site.app, "/api/search?q=strike&source=harbour%20courier").await;
    let outlets: Vec<&str> = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["hits"].as_array().unwrap())
        .map(|h| h["source"].as_str().unwrap())
        .collect();
    assert!(
        !outlets.is_empty() && outlets.iter().all(|o| *o == "Harbour Courier"),
        "{outlets:?}"
    );
    let r = get_json(
        &site.app,
        "/api/search?q=strike&from=2026-03-18&to=2026-03-18",
    )
    .await;
    for g in r["groups"].as_array().unwrap() {
        for h in g["hits"].as_array().unwrap() {
            assert!(
                h["published"].as_str().unwrap().starts_with("2026-03-18"),
                "{h}"
            );
        }
    }
    let r = get_json(&site.app, "/api/search?q=strike&language=de").await;
    assert_eq!(r["total"], 0);
    let (status, _) = get(&site.app, "/api/search?q=strike&from=yesterday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The page shows the groups with links to their events, and pages.
    let (status, html) = get(&site.app, "/search?q=strike&limit=1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<section class=\"group\"><h2><a href=\"/events/"),
        "{html}"
    );
    assert!(
        html.contains("rel=\"next\" href=\"/search?q=strike&amp;limit=1&amp;offset=1\""),
        "{html}"
    );
    assert!(!html.contains("(untitled)"));
}

#[tokio::test]
async fn issue_28_search_names_untitled_real_articles_by_their_headline() {
    let Some(path) = chorus_testdata::shared("multinews-val/articles.jsonl") else {
        return;
    };
    let site = site_with(WebConfig::default());
    let lines: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .take(40)
        .map(str::to_string)
        .collect();
    let (status, body) = call(&site.app, "POST", "/api/articles", lines.join("\n").into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // val-000-0 has no title field; its first line is the headline.
    let r = get_json(&site.app, "/api/search?q=good%20country%20index%20sweden").await;
    let hit = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["hits"].as_array().unwrap())
        .find(|h| h["article"] == "val-000-0")
        .expect("val-000-0 found");
    assert_eq!(
        hit["title"],
        "Good Country Index Is Released, US Not In The Top 20"
    );
    let (_, html) = get(&site.app, "/search?q=good%20country%20index%20sweden").await;
    assert!(html.contains("Good Country Index Is Released"));
    assert!(!html.contains(">val-000-0<"), "an id shown as a title");
}

#[tokio::test]
async fn issue_28_lists_page_and_entities_are_found_by_any_alias() {
    let site = example_site().await;
    let all = get_json(&site.app, "/api/events").await;
    let n = all.as_array().unwrap().len();
    assert!(n >= 3);
    let res = site
        .app
        .clone()
        .oneshot(
            Request::builder()
                .uri("/api/events?limit=2&offset=1")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.headers()["x-total-count"], n.to_string().as_str());
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let second: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(second[0]["id"], all[1]["id"]);
    assert_eq!(second.as_array().unwrap().len(), 2);
    let (_, html) = get(&site.app, "/?limit=2").await;
    assert!(
        html.contains("rel=\"next\" href=\"/?limit=2&amp;offset=2\""),
        "{html}"
    );
    let (_, html) = get(&site.app, "/?limit=2&offset=2").await;
    assert!(html.contains("rel=\"prev\" href=\"/?limit=2\""), "{html}");
    // Entities: by an alias, in any case, in the page and the API.
    let entities = get_json(&site.app, "/api/entities").await;
    let with_alias = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| !e["aliases"].as_array().unwrap().is_empty())
        .expect("an entity with an alias");
    let alias = with_alias["aliases"][0].as_str().unwrap().to_uppercase();
    let found = get_json(
        &site.app,
        &format!("/api/entities?q={}", query_part(&alias)),
    )
    .await;
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == with_alias["id"]),
        "{alias}: {found}"
    );
    let (_, html) = get(&site.app, &format!("/entities?q={}", query_part(&alias))).await;
    assert!(html.contains(&format!("/entities/{}", with_alias["id"].as_str().unwrap())));
    let (_, html) = get(&site.app, "/entities?limit=1").await;
    assert!(html.contains("rel=\"next\""), "{html}");
}

#[tokio::test]
async fn issue_28_outlets_have_pages_figures_and_event_coverage() {
    let site = example_site().await;
    let outlets = get_json(&site.app, "/api/outlets").await;
    let list = outlets.as_array().unwrap();
    assert!(list.len() >= 5, "{outlets}");
    let meridian = list
        .iter()
        .find(|o| o["name"] == "Meridian Wire")
        .expect("Meridian Wire");
    assert!(meridian["articles"].as_u64().unwrap() >= 2);
    assert!(meridian["events"].as_u64().unwrap() >= 2);
    assert!(meridian["first_seen"].as_str().unwrap() <= meridian["last_seen"].as_str().unwrap());
    let facts = meridian["corroborated_facts"].as_u64().unwrap()
        + meridian["single_source_facts"].as_u64().unwrap();
    assert!(facts > 0);
    let one = get_json(&site.app, "/api/outlets/meridian%20wire").await;
    assert_eq!(one["outlet"], *meridian);
    assert_eq!(
        one["articles"]["items"].as_array().unwrap().len() as u64,
        meridian["articles"].as_u64().unwrap()
    );
    let (status, html) = get(&site.app, "/outlets").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<a href=\"/outlets/Meridian%20Wire\">Meridian Wire</a>"));
    let (status, html) = get(&site.app, "/outlets/Meridian%20Wire").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Facts only it reports") && html.contains("/articles/meridian-wire/"));
    let (status, _) = get(&site.app, "/outlets/nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The event page: coverage per outlet, the first one marked, the others listed.
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap();
    let (_, html) = get(&site.app, &format!("/events/{id}")).await;
    assert!(html.contains("<h2>Coverage by outlet</h2>"));
    assert!(html.contains("<td>first"), "{html}");
    assert!(html.contains("of the collection did not cover it"));
}

#[tokio::test]
async fn issue_28_atom_feeds_parse_with_absolute_links() {
    let site = example_site().await;
    let events = get_json(&site.app, "/api/events?order=newest").await;
    let (status, xml) = get(&site.app, "/events.atom").await;
    assert_eq!(status, StatusCode::OK);
    let feed = atom(&xml);
    assert_eq!(feed.entries.len(), events.as_array().unwrap().len());
    assert_eq!(
        feed.entries[0].title.as_ref().unwrap().content,
        events[0]["title"].as_str().unwrap()
    );
    // The list's filters apply.
    let (_, xml) = get(&site.app, "/events.atom?source=Harbour%20Courier&q=strike").await;
    let filtered = atom(&xml);
    assert!(!filtered.entries.is_empty() && filtered.entries.len() < feed.entries.len());
    let largest = get_json(&site.app, "/api/events").await;
    let id = largest[0]["id"].as_str().unwrap();
    let (status, xml) = get(&site.app, &format!("/events/{id}/feed.atom")).await;
    assert_eq!(status, StatusCode::OK);
    let story = atom(&xml);
    let report = get_json(&site.app, &format!("/api/events/{id}")).await;
    let articles = report["events"][0]["articles"].as_array().unwrap().len();
    assert!(
        story.entries.len() > articles,
        "articles and days of new facts"
    );
    let entities = get_json(&site.app, "/api/entities").await;
    let eid = entities[0]["id"].as_str().unwrap();
    let (status, xml) = get(&site.app, &format!("/entities/{eid}/feed.atom")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        atom(&xml).entries.len(),
        entities[0]["events"].as_array().unwrap().len()
    );
    // With a public URL, links are made from it.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        dir.path(),
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
    let config = WebConfig {
        public_url: Some("https://news.example.org/".into()),
        ..WebConfig::default()
    };
    let public = app(AppState::new(
        Arc::new(store),
        chorus_pipeline::Config::default(),
        config,
    ));
    let (status, _) = call(&public, "POST", "/api/articles", corpus_jsonl().into()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, xml) = get(&public, "/events.atom").await;
    let feed = atom(&xml);
    assert!(feed.entries[0].links[0]
        .href
        .starts_with("https://news.example.org/events/"));
}

#[tokio::test]
async fn issue_28_event_timeline_since_and_csv() {
    let site = example_site().await;
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap();
    let report = get_json(&site.app, &format!("/api/events/{id}")).await;
    let timeline = report["timeline"].as_array().unwrap();
    assert!(timeline.len() >= 2, "{timeline:?}");
    let dated: usize = timeline
        .iter()
        .map(|d| d["articles"].as_array().unwrap().len())
        .sum();
    assert!(dated <= report["events"][0]["articles"].as_array().unwrap().len());
    let days: Vec<&str> = timeline
        .iter()
        .map(|d| d["day"].as_str().unwrap())
        .collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
    let facts: usize = timeline
        .iter()
        .map(|d| d["new_facts"].as_array().unwrap().len())
        .sum();
    let e = &report["events"][0];
    assert!(
        facts > 0
            && facts
                <= e["corroborated"].as_array().unwrap().len()
                    + e["single_source"].as_array().unwrap().len()
    );
    let (_, html) = get(&site.app, &format!("/events/{id}?since={}", days[0])).await;
    assert!(html.contains("<h2 id=\"timeline\">Timeline</h2>"));
    assert_eq!(
        html.matches("<li class=\"new\">").count(),
        days.len() - 1,
        "{html}"
    );
    let (status, _) = get(&site.app, &format!("/events/{id}?since=soon")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, csv) = get(&site.app, &format!("/api/events/{id}.csv")).await;
    assert_eq!(status, StatusCode::OK);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("event,event_title,section,text,outlets,detail,citations,urls")
    );
    assert!(
        csv.contains(",corroborated,") && csv.contains("https://"),
        "{csv}"
    );
    let (status, _) = get(&site.app, "/api/events/nope.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn issue_28_counts_read_right_and_removals_are_named_in_words() {
    let site = site_with(WebConfig::default());
    let one = serde_json::json!({
        "id": "one", "title": "Dam holds after a week of rain", "source": "Valley Post",
        "published": "2026-03-02",
        "text": "The Verrin dam held on Monday after a week of rain, engineers said.\n\nThe engineers said the dam held on Monday after a week of rain.\n\nThe Verrin dam held on Monday after a week of rain, engineers said.\n\nWater levels fell by evening, the council said, and roads reopened.",
    });
    let (status, body) = call(&site.app, "POST", "/api/articles", one.to_string().into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap();
    let (_, list) = get(&site.app, "/").await;
    assert!(
        list.contains("1 article from 1 outlet in 1 event"),
        "{list}"
    );
    let (_, event) = get(&site.app, &format!("/events/{id}")).await;
    assert!(event.contains("1 article from 1 outlet"), "{event}");
    let (_, article) = get(&site.app, "/articles/one").await;
    assert!(article.contains("1 paragraph</p>"), "{article}");
    assert!(
        article.contains("repeated earlier in this article"),
        "{article}"
    );
    assert!(!article.contains("repeated_in_article"));
    for page in [&list, &event, &article] {
        for wrong in [
            "1 articles",
            "1 events",
            "1 outlets",
            "1 paragraphs",
            "1 mentions",
        ] {
            assert!(
                !page.contains(&format!(">{wrong}")) && !page.contains(&format!(" {wrong}")),
                "{wrong}"
            );
        }
    }
}

#[tokio::test]
async fn issue_28_offsets_past_the_end_are_empty_pages_or_400s_never_500s() {
    let site = example_site().await;
    for uri in [
        "/?offset=9223372036854775807",
        "/entities?offset=9223372036854775807",
        "/outlets?offset=9223372036854775807",
        "/api/events?offset=9223372036854775807&limit=5",
        "/api/outlets?offset=9223372036854775807",
        "/api/outlets/Meridian%20Wire?offset=9223372036854775807",
    ] {
        let (status, body) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    }
    for uri in [
        "/search?q=strike&offset=10000000",
        "/api/search?q=strike&offset=10000000",
    ] {
        let (status, _) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
    }
}

#[tokio::test]
async fn issue_28_an_article_shows_its_versions_and_what_each_changed() {
    let site = site_with(WebConfig::default());
    let post = |text: &str, title: &str| {
        serde_json::json!({
            "id": "dam", "url": "https://valley.example/dam", "source": "Valley Post",
            "title": title, "published": "2026-03-02", "text": text,
        })
        .to_string()
    };
    let first = post(
        "The Verrin dam held on Monday, engineers said.\n\nRain fell all week.",
        "Dam holds",
    );
    let second = post(
        "The Verrin dam held on Monday, engineers said.\n\nRoads reopened <b>by evening</b>.",
        "Dam holds, roads open",
    );
    assert_eq!(
        call(&site.app, "POST", "/api/articles", first.into())
            .await
            .0,
        StatusCode::CREATED
    );
    assert_eq!(
        call(&site.app, "POST", "/api/articles", second.into())
            .await
            .0,
        StatusCode::CREATED
    );
    let (status, html) = get(&site.app, "/articles/dam").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h2 id=\"versions\">Versions</h2>"), "{html}");
    assert!(
        html.contains("added: Roads reopened &lt;b&gt;by evening&lt;/b&gt;."),
        "{html}"
    );
    assert!(
        html.contains("dropped: <del>Rain fell all week.</del>"),
        "{html}"
    );
    assert!(html.contains("title now “Dam holds, roads open”"), "{html}");
    let api = get_json(&site.app, "/api/articles/dam").await;
    assert_eq!(api["version"], 2);
    assert_eq!(api["versions"][1]["removed"][0], "Rain fell all week.");
}

mod hostile;
