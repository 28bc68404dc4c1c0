//! The fetcher against a tiny HTTP server on 127.0.0.1 started by each test: pages, feeds,
//! robots.txt, conditional GET, redirects, gzip, errors, size and time limits, politeness.

use chorus_fetch::{parse_feed, FetchConfig, FetchError, Fetched, Fetcher, Validators};
use chorus_testdata::http::{read_request, Request};
use flate2::{write::GzEncoder, Compression};
use std::collections::HashMap;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it (header names lower-cased).
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    headers: HashMap<String, String>,
}

#[derive(Default)]
struct State {
    seen: Mutex<Vec<Seen>>,
    active: AtomicUsize,
    max_active: AtomicUsize,
}

struct Server {
    base: String,
    state: Arc<State>,
}

impl Server {
    /// Starts a server whose `/robots.txt` answers with `robots` (status, body).
    fn start(robots: (u16, &'static str)) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State::default());
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || serve(stream, &state, robots));
            }
        });
        Server { base, state }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn count(&self, path: &str) -> usize {
        self.seen().iter().filter(|s| s.path == path).count()
    }
}

const ROBOTS: &str = "User-agent: *\nDisallow: /private/\n";
const PAGE: &str = "<html><head><title>Dam</title></head><body><p>The dam held.</p></body></html>";
const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Dam holds</title><link>/news/dam</link><guid>dam-1</guid>
<description>The dam &lt;b&gt;held&lt;/b&gt;.</description><pubDate>Sun, 08 Dec 2024 10:00:00 +0100</pubDate></item>
</channel></rss>"#;

fn serve(stream: TcpStream, state: &State, robots: (u16, &str)) {
    let Some(Request { path, headers }) = read_request(&stream) else {
        return;
    };
    state.seen.lock().unwrap().push(Seen {
        path: path.clone(),
        headers: headers.clone(),
    });
    let now = state.active.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_active.fetch_max(now, Ordering::SeqCst);

    let html = "Content-Type: text/html; charset=iso-8859-1\r\n".to_string();
    if path == "/drip" {
        // A page a byte at a time, 20 a second, for 10 s.
        let mut out = stream;
        state.active.fetch_sub(1, Ordering::SeqCst);
        let head = format!("HTTP/1.1 200 X\r\n{html}Content-Length: 200\r\n\r\n");
        let _ = out.write_all(head.as_bytes());
        for _ in 0..200 {
            if out.write_all(b"x").and_then(|()| out.flush()).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        return;
    }
    if path == "/stall" {
        // Headers, then nothing for 5 s.
        let mut out = stream;
        state.active.fetch_sub(1, Ordering::SeqCst);
        let head = format!("HTTP/1.1 200 X\r\n{html}Content-Length: 200\r\n\r\n");
        let _ = out.write_all(head.as_bytes());
        std::thread::sleep(Duration::from_secs(5));
        return;
    }
    let typed = |t: &str| format!("Content-Type: {t}\r\n");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let (status, extra, body): (u16, String, Vec<u8>) = match path.as_str() {
        "/robots.txt" => (robots.0, String::new(), robots.1.into()),
        "/page.html" | "/private/secret" => (200, html, PAGE.into()),
        "/feed.xml" => (
            200,
            "Content-Type: application/rss+xml\r\n".into(),
            FEED.into(),
        ),
        "/etag" => {
            if headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                (304, String::new(), Vec::new())
            } else {
                (
                    200,
                    "ETag: \"v1\"\r\nLast-Modified: Sun, 08 Dec 2024 10:00:00 GMT\r\n".into(),
                    b"versioned".to_vec(),
                )
            }
        }
        "/always-304" => (304, String::new(), Vec::new()),
        "/redirect" => (302, "Location: /hop\r\n".into(), Vec::new()),
        "/hop" => (301, "Location: page.html\r\n".into(), Vec::new()),
        "/loop" => (302, "Location: /loop\r\n".into(), Vec::new()),
        "/error" => (500, String::new(), b"oops".to_vec()),
        "/gzip" => {
            let mut enc = GzEncoder::new(Vec::new(), Compression::default());
            enc.write_all(PAGE.as_bytes()).unwrap();
            (
                200,
                format!("{html}Content-Encoding: gzip\r\n"),
                enc.finish().unwrap(),
            )
        }
        "/big" | "/big-chunked" => (200, html, vec![b'x'; 5000]),
        "/png" => (200, typed("image/png"), png),
        "/png-as-html" => (200, html, png),
        "/pdf" => (200, typed("application/pdf"), b"%PDF-1.7\n%binary".to_vec()),
        "/json" => (200, typed("application/json"), b"{\"a\": 1}".to_vec()),
        "/untyped-json" => (200, String::new(), b" [1, 2]".to_vec()),
        "/octets" => (
            200,
            typed("application/octet-stream"),
            (0..=255u8).cycle().take(600).collect(),
        ),
        "/untyped-page" => (200, String::new(), PAGE.into()),
        "/text" => (
            200,
            typed("text/plain; charset=utf-8"),
            b"The dam held.".to_vec(),
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_millis(1500));
            (200, html, PAGE.into())
        }
        p if p.starts_with("/busy") => {
            std::thread::sleep(Duration::from_millis(100));
            (200, html, PAGE.into())
        }
        _ => (404, String::new(), b"not found".to_vec()),
    };
    let mut out = stream;
    let big_chunked = path == "/big-chunked";
    let head = if big_chunked {
        format!("HTTP/1.1 {status} X\r\n{extra}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n", body.len())
    } else {
        format!(
            "HTTP/1.1 {status} X\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
    };
    state.active.fetch_sub(1, Ordering::SeqCst);
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(&body);
    if big_chunked {
        let _ = out.write_all(b"\r\n0\r\n\r\n");
    }
}

fn config() -> FetchConfig {
    FetchConfig {
        host_delay: Duration::ZERO,
        timeout: Duration::from_secs(10),
        max_body_bytes: 1000,
        ..FetchConfig::default()
    }
}

fn page(fetched: Fetched) -> chorus_fetch::Page {
    match fetched {
        Fetched::Page(p) => p,
        other => panic!("expected a page, got {other:?}"),
    }
}

#[test]
fn fetches_a_page_with_its_content_type_and_reads_robots_once() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    for _ in 0..3 {
        let p = page(fetcher.fetch(&server.url("/page.html")).unwrap());
        assert_eq!(p.body, PAGE.as_bytes());
        assert_eq!(p.status, 200);
        assert_eq!(p.final_url, server.url("/page.html"));
        assert_eq!(
            p.content_type.as_deref(),
            Some("text/html; charset=iso-8859-1")
        );
    }
    assert_eq!(server.count("/robots.txt"), 1);
    let ua = &server.seen()[0].headers["user-agent"];
    assert!(
        ua.starts_with("chorus/") && ua.ends_with("(+https://example.invalid/chorus)"),
        "{ua}"
    );
}

#[test]
fn robots_disallow_is_respected() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let url = server.url("/private/secret");
    assert_eq!(
        fetcher.fetch(&url),
        Err(FetchError::RobotsDisallowed { url: url.clone() })
    );
    assert_eq!(server.count("/private/secret"), 0);
    // Unless asked not to.
    let rude = Fetcher::new(FetchConfig {
        respect_robots: false,
        ..config()
    })
    .unwrap();
    assert!(rude.fetch(&url).is_ok());
}

#[test]
fn robots_status_decides_for_the_whole_host() {
    let missing = Server::start((404, "no"));
    let fetcher = Fetcher::new(config()).unwrap();
    assert!(fetcher.fetch(&missing.url("/private/secret")).is_ok());

    let broken = Server::start((503, "down"));
    let err = fetcher.fetch(&broken.url("/page.html")).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: robots.txt could not be read (HTTP status 503); not fetching",
            broken.url("/page.html")
        )
    );
    assert_eq!(broken.count("/page.html"), 0);
}

#[test]
fn conditional_get_gives_not_modified_and_validators_round_trip() {
    let server = Server::start((200, ROBOTS));
    let url = server.url("/etag");
    let fetcher = Fetcher::new(config()).unwrap();
    assert_eq!(page(fetcher.fetch(&url).unwrap()).body, b"versioned");
    assert_eq!(
        fetcher.fetch(&url).unwrap(),
        Fetched::NotModified { url: url.clone() }
    );
    let seen: Vec<Seen> = server
        .seen()
        .into_iter()
        .filter(|s| s.path == "/etag")
        .collect();
    assert_eq!(seen[0].headers.get("if-none-match"), None);
    assert_eq!(seen[1].headers["if-none-match"], "\"v1\"");
    assert_eq!(
        seen[1].headers["if-modified-since"],
        "Sun, 08 Dec 2024 10:00:00 GMT"
    );

    let json = fetcher.validators().to_json();
    assert!(json.contains("\\\"v1\\\""), "{json}");
    let later = Fetcher::new(config()).unwrap();
    later.set_validators(Validators::from_json(&json).unwrap());
    assert!(matches!(
        later.fetch(&url).unwrap(),
        Fetched::NotModified { .. }
    ));
}

#[test]
fn redirects_are_followed_and_bounded() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let p = page(fetcher.fetch(&server.url("/redirect")).unwrap());
    assert_eq!(p.url, server.url("/redirect"));
    assert_eq!(p.final_url, server.url("/page.html"));
    assert_eq!(p.body, PAGE.as_bytes());
    assert_eq!(
        fetcher.fetch(&server.url("/loop")),
        Err(FetchError::TooManyRedirects {
            url: server.url("/loop"),
            max: 10
        })
    );
    assert_eq!(server.count("/loop"), 11);
}

#[test]
fn gzip_bodies_are_decoded() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let p = page(fetcher.fetch(&server.url("/gzip")).unwrap());
    assert_eq!(p.body, PAGE.as_bytes());
    let seen = server.seen();
    let asked = &seen.iter().find(|s| s.path == "/gzip").unwrap().headers;
    assert!(asked["accept-encoding"].contains("gzip"), "{asked:?}");
    assert!(asked["accept-encoding"].contains("br"), "{asked:?}");
}

#[test]
fn failures_name_the_url_and_reason() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let url = server.url("/error");
    assert_eq!(
        fetcher.fetch(&url),
        Err(FetchError::Status {
            url: url.clone(),
            status: 500
        })
    );
    assert_eq!(
        fetcher.fetch(&url).unwrap_err().to_diagnostic().message,
        "HTTP status 500"
    );
    assert!(matches!(
        fetcher.fetch(&server.url("/nothing-here")),
        Err(FetchError::Status { status: 404, .. })
    ));
    assert_eq!(
        fetcher.fetch(&server.url("/big")),
        Err(FetchError::TooLarge {
            url: server.url("/big"),
            limit: 1000
        })
    );
    assert_eq!(
        fetcher.fetch(&server.url("/big-chunked")),
        Err(FetchError::TooLarge {
            url: server.url("/big-chunked"),
            limit: 1000
        })
    );
    let impatient = Fetcher::new(FetchConfig {
        timeout: Duration::from_millis(500),
        ..config()
    })
    .unwrap();
    assert_eq!(
        impatient.fetch(&server.url("/slow")),
        Err(FetchError::Timeout {
            url: server.url("/slow")
        })
    );
    assert!(matches!(
        fetcher.fetch("ftp://example.invalid/x"),
        Err(FetchError::InvalidUrl { .. })
    ));
    assert!(matches!(
        fetcher.fetch("not a url"),
        Err(FetchError::InvalidUrl { .. })
    ));

    // Nobody listens on a port just released.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/page.html", closed.local_addr().unwrap());
    drop(closed);
    let rude = Fetcher::new(FetchConfig {
        respect_robots: false,
        ..config()
    })
    .unwrap();
    match rude.fetch(&url) {
        Err(FetchError::Network { url: u, reason }) => {
            assert_eq!(u, url);
            assert!(
                reason.starts_with("cannot connect: Connection refused"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    // With robots respected, the unreachable robots.txt is the reason given.
    let message = fetcher.fetch(&url).unwrap_err().to_string();
    let expected =
        format!("{url}: robots.txt could not be read (cannot connect: Connection refused");
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.ends_with("; not fetching"), "{message}");
}

/// Issue #25, item 6: only pages, feeds and plain text are read; anything else, declared or
/// found in the first bytes, is an error naming the URL and the type.
#[test]
fn issue_25_responses_that_are_not_pages_feeds_or_text_are_refused() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let mut got = String::new();
    for path in [
        "/png",
        "/png-as-html",
        "/pdf",
        "/json",
        "/untyped-json",
        "/octets",
        "/untyped-page",
        "/text",
        "/feed.xml",
    ] {
        let answer = match fetcher.fetch(&server.url(path)) {
            Ok(Fetched::Page(p)) => format!("read {} bytes", p.body.len()),
            Ok(other) => format!("{other:?}"),
            Err(e) => e.to_diagnostic().message,
        };
        got.push_str(&format!("{path}: {answer}\n"));
    }
    expect_test::expect![[r#"
        /png: not HTML, a feed or plain text (image/png); not read
        /png-as-html: not HTML, a feed or plain text (a PNG image, sent as text/html; charset=iso-8859-1); not read
        /pdf: not HTML, a feed or plain text (application/pdf); not read
        /json: not HTML, a feed or plain text (application/json); not read
        /untyped-json: not HTML, a feed or plain text (JSON); not read
        /octets: not HTML, a feed or plain text (binary data (NUL bytes), sent as application/octet-stream); not read
        /untyped-page: read 77 bytes
        /text: read 13 bytes
        /feed.xml: read 280 bytes
    "#]]
    .assert_eq(&got);
}

/// Issue #25, item 5: the timeout bounds the whole fetch, a body dripped a byte at a time
/// included (the server would take 10 s).
#[test]
fn issue_25_a_dripped_body_is_cut_at_the_timeout() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(FetchConfig {
        timeout: Duration::from_secs(1),
        ..config()
    })
    .unwrap();
    let start = Instant::now();
    let result = fetcher.fetch(&server.url("/drip"));
    let took = start.elapsed();
    assert_eq!(
        result,
        Err(FetchError::Timeout {
            url: server.url("/drip")
        })
    );
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

/// A server that sends its headers and then stalls: a timeout, named so (it was "reading the
/// body: error decoding response body: operation timed out").
#[test]
fn a_stall_after_the_headers_is_a_timeout() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(FetchConfig {
        timeout: Duration::from_secs(1),
        ..config()
    })
    .unwrap();
    let start = Instant::now();
    assert_eq!(
        fetcher.fetch(&server.url("/stall")),
        Err(FetchError::Timeout {
            url: server.url("/stall")
        })
    );
    assert!(start.elapsed() < Duration::from_secs(4));
}

/// A 304 to a request that sent no validators says nothing of the resource: it is an error,
/// not "unchanged" (a feed answered so was never read, and nothing said why).
#[test]
fn a_304_without_validators_sent_is_an_error() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let url = server.url("/always-304");
    let err = fetcher.fetch(&url).unwrap_err();
    assert_eq!(err.to_diagnostic().message, "HTTP status 304");
    // Asked with validators, it is "not modified".
    let mut known = Validators::default();
    known.0.insert(
        url.clone(),
        chorus_fetch::Validator {
            etag: Some("\"v1\"".into()),
            last_modified: None,
        },
    );
    fetcher.set_validators(known);
    assert_eq!(fetcher.fetch(&url), Ok(Fetched::NotModified { url }));
}

#[test]
fn feeds_fetched_over_http_parse_with_links_resolved() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Fetcher::new(config()).unwrap();
    let p = page(fetcher.fetch(&server.url("/feed.xml")).unwrap());
    let items = parse_feed(&p.body, Some(&p.final_url)).unwrap();
    assert_eq!(items.len(), 1);
    let a = items[0].to_article();
    assert_eq!(a.id, server.url("/news/dam"));
    assert_eq!(a.source, "Valley Post");
    assert_eq!(a.published.as_deref(), Some("2024-12-08T09:00:00Z"));
    assert_eq!(a.body, "The dam held.");
}

#[test]
fn one_request_per_host_at_a_time_with_a_delay() {
    let server = Server::start((200, ROBOTS));
    let fetcher = Arc::new(
        Fetcher::new(FetchConfig {
            host_delay: Duration::from_millis(150),
            ..config()
        })
        .unwrap(),
    );
    let start = Instant::now();
    let threads: Vec<_> = (0..3)
        .map(|i| {
            let f = fetcher.clone();
            let url = server.url(&format!("/busy{i}"));
            std::thread::spawn(move || f.fetch(&url).map(|_| ()))
        })
        .collect();
    for t in threads {
        t.join().unwrap().unwrap();
    }
    // robots.txt plus three pages of 100 ms each, 150 ms apart.
    let elapsed = start.elapsed();
    assert!(elapsed >= Duration::from_millis(750), "{elapsed:?}");
    assert_eq!(server.state.max_active.load(Ordering::SeqCst), 1);
}
