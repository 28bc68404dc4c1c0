//! Hostile requests on every route: numbers out of range, ids that are no ids, encoded NUL
//! and broken UTF-8, search metacharacters, a 100 KB query, malformed and wrong-typed bodies.
//! Each answers 2xx or a 4xx that is the client's (never a 5xx, never a panic); and text
//! stored from the web reaches no page or feed unescaped.

use super::*;
use crate::markup::path_part;

/// Fails unless `status` is a success or a client error (a 5xx, or a panic before it, is a
/// bug: the client's mistake must be named as such).
fn client_status(what: &str, status: StatusCode, body: &str) {
    assert!(
        status.is_success() || status.is_client_error(),
        "{what}: {status} {body:.300}"
    );
}

/// The example corpus and one article whose every field is hostile.
async fn hostile_site() -> Site {
    let site = example_site().await;
    let evil = serde_json::json!({
        "id": "x\"><script>alert(1)</script>",
        "title": "Strike \"ends\" <script>alert(1)</script> & 'more'",
        "text": "Dock workers said <script>alert(1)</script> the strike ended. Mayor \
                 Ysolde O'Brien-<b>Quill</b> of \"Tessaly\" & Sons thanked them.\n\n\
                 The port reopened on Tuesday, officials of Tessaly said.",
        "source": "<i>Outlet</i> \"quoted\"",
        "url": "javascript:alert(1)//https://example.org/",
        "published": "2026-03-01T10:00:00Z",
    });
    let (status, body) = call(&site.app, "POST", "/api/articles", evil.to_string().into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    site
}

const METACHARACTERS: &[&str] = &[
    "\"",
    "\"unclosed",
    "*",
    "a*",
    "*a",
    "*:*",
    "NEAR(",
    "NEAR(a b, 5)",
    "-",
    "-a",
    "a -b",
    "AND",
    "OR",
    "NOT",
    "AND AND",
    "a OR",
    "OR a",
    "(",
    ")",
    "((a)",
    "[",
    "]",
    "{",
    "}",
    "^",
    "a^2",
    "a^1e400",
    "~",
    "a~",
    "a~100",
    "\"a b\"~5",
    ":",
    "title:",
    ":a",
    "body:a*",
    "language:en",
    "[a TO b]",
    "title:[a TO z]",
    "title:{a TO *}",
    "IN [a b]",
    "\\",
    "\\\\",
    "+",
    "++",
    "'",
    "';--",
    "%",
    "_",
    "%_%",
    "..",
    "/",
    "a/b",
    "\u{0}",
    "a\u{0}b",
    "\u{FFFF}",
    "\u{202E}",
    "<script>",
    "strike\"",
    "\"strike",
    "strike*",
    "title:\"strike",
];

#[tokio::test]
async fn search_and_filter_metacharacters_are_answers_or_400s() {
    let site = hostile_site().await;
    // An address holds at most 64 KB (the `http` crate's limit; hyper answers 414 beyond).
    let mut queries: Vec<String> = METACHARACTERS.iter().map(|q| q.to_string()).collect();
    queries.push("strike ".repeat(2_000));
    queries.push("a".repeat(20_000));
    queries.push("\"".repeat(6_000));
    for q in &queries {
        let q = query_part(q);
        for uri in [
            format!("/search?q={q}"),
            format!("/api/search?q={q}"),
            format!("/api/search?q=strike&source={q}&language={q}"),
            format!("/?q={q}"),
            format!("/api/events?q={q}"),
            format!("/events.atom?q={q}"),
            format!("/?entity={q}&source={q}"),
            format!("/entities?q={q}"),
            format!("/api/entities?q={q}"),
        ] {
            let (status, body) = get(&site.app, &uri).await;
            client_status(&format!("{uri:.80}"), status, &body);
        }
    }
    for uri in ["/search?q=", "/api/search?q=", "/?q=", "/entities?q="] {
        let uri = format!("{uri}{}", "a".repeat(65_000));
        let (status, body) = get(&site.app, &uri).await;
        client_status(&format!("{uri:.80}"), status, &body);
    }
}

/// An encoded NUL in an address is a 400 on every route, whatever the store: PostgreSQL text
/// cannot hold one (a 500 there), and nothing stored holds one.
#[tokio::test]
async fn an_encoded_nul_anywhere_in_the_address_is_a_400() {
    let site = hostile_site().await;
    for uri in [
        "/?source=a%00b",
        "/?entity=%00",
        "/entities?q=a%00b",
        "/search?q=pier%00",
        "/api/search?q=strike&source=%00",
        "/api/events?q=%00",
        "/events/a%00b",
        "/articles/a%00b",
        "/api/articles/x%00",
        "/entities/%00/feed.atom",
    ] {
        let (status, body) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body:.300}");
        assert!(body.contains("NUL"), "{uri}: {body:.300}");
        assert_eq!(
            uri.starts_with("/api/"),
            body.starts_with("{\"error\""),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn ids_that_are_no_ids_are_404s_or_400s() {
    let site = hostile_site().await;
    let big = "e".repeat(30_000);
    let ids = [
        "..",
        "%2e%2e",
        "%2E%2E%2F%2E%2E",
        "%00",
        "a%00b",
        "%FF",
        "%FF%FE",
        "%C0%AE",
        "%ED%A0%80",
        "a%2Fb",
        ".csv",
        "x.csv",
        "%20",
        "%25",
        "%3Cscript%3E",
        "-1",
        "0",
        "e0",
        &big,
    ];
    for id in ids {
        for uri in [
            format!("/events/{id}"),
            format!("/events/{id}?since=2026-01-01"),
            format!("/events/{id}/feed.atom"),
            format!("/api/events/{id}"),
            format!("/api/events/{id}.csv"),
            format!("/articles/{id}"),
            format!("/articles/{id}/{id}?hl=0-5"),
            format!("/api/articles/{id}"),
            format!("/entities/{id}"),
            format!("/entities/{id}/feed.atom"),
            format!("/api/entities/{id}"),
            format!("/outlets/{id}"),
            format!("/api/outlets/{id}"),
            format!("/{id}"),
            format!("/api/{id}"),
        ] {
            let (status, body) = get(&site.app, &uri).await;
            client_status(&format!("{uri:.80}"), status, &body);
        }
    }
}

#[tokio::test]
async fn numbers_out_of_range_are_answers_or_400s() {
    let site = hostile_site().await;
    let numbers = [
        "limit=0",
        "limit=1",
        "limit=-1",
        "offset=-1",
        "limit=18446744073709551615",
        "limit=18446744073709551616",
        "offset=18446744073709551615",
        "offset=9223372036854775808",
        "offset=10001",
        "limit=0&offset=0",
        "limit=0&offset=18446744073709551615",
        "limit=1e3",
        "limit=",
        "offset=",
        "limit=abc",
        "limit=%00",
        "limit=1&limit=2",
        "offset[]=1",
    ];
    let lists = [
        "/?",
        "/api/events?",
        "/events.atom?",
        "/entities?",
        "/api/entities?",
        "/outlets?",
        "/api/outlets?",
        "/outlets/Meridian%20Wire?",
        "/api/outlets/Meridian%20Wire?",
        "/search?q=strike&",
        "/api/search?q=strike&",
        "/search?q=%22&",
    ];
    for list in lists {
        for n in numbers {
            let uri = format!("{list}{n}");
            let (status, body) = get(&site.app, &uri).await;
            client_status(&uri, status, &body);
        }
    }
    let dates = [
        "%FF",
        "9999-99-99",
        "0000-00-00",
        "99999999999-01-01",
        "-1",
        "2026-02-30",
        "2026-02-29",
        "1-1-1",
        "%00",
        "2026-01-01T99:99:99Z",
    ];
    let events = get_json(&site.app, "/api/events").await;
    let id = events[0]["id"].as_str().unwrap().to_string();
    for d in dates {
        for uri in [
            format!("/?since={d}"),
            format!("/api/events?since={d}"),
            format!("/events.atom?since={d}"),
            format!("/events/{id}?since={d}"),
            format!("/search?q=strike&from={d}&to={d}"),
            format!("/api/search?q=strike&from={d}"),
            format!("/?order={d}"),
        ] {
            let (status, body) = get(&site.app, &uri).await;
            client_status(&uri, status, &body);
        }
    }
    for hl in [
        "0-0",
        "5-0",
        "-1-5",
        "0-18446744073709551616",
        "18446744073709551615-18446744073709551615",
        "0-",
        "-",
        "%FF",
    ] {
        let uri = format!("/articles/harbour-courier/port-strike-day-two.txt?hl={hl}");
        let (status, body) = get(&site.app, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body:.300}");
    }
}

/// A JSON value nested `depth` deep.
fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[tokio::test]
async fn malformed_bodies_are_400s_and_store_nothing() {
    let site = hostile_site().await;
    let before = get_json(&site.app, "/api/stats").await["articles"].clone();
    let bodies: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"null".to_vec(),
        b"1".to_vec(),
        b"\"text\"".to_vec(),
        b"[]".to_vec(),
        b"{}".to_vec(),
        b"[null, 1, \"x\", []]".to_vec(),
        b"{\"text\": 5}".to_vec(),
        b"{\"text\": [\"a\"]}".to_vec(),
        b"{\"text\": {\"a\": 1}}".to_vec(),
        b"{\"html\": 5}".to_vec(),
        b"{\"text\": \"\\ud800\"}".to_vec(),
        b"{\"text\": \"   \"}".to_vec(),
        b"{\"html\": \"<div></div>\"}".to_vec(),
        b"{\"text\": \"unterminated".to_vec(),
        b"\xff\xfe\x00{".to_vec(),
        b"\xef\xbb\xbf".to_vec(),
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00".to_vec(),
        b"a=1&b=2".to_vec(),
        b"<html><body><p>no json</p></body></html>".to_vec(),
        nested(100_000).into_bytes(),
        format!("{{\"text\": {}}}", nested(100_000)).into_bytes(),
        format!("[{{\"text\": \"a\", \"x\": {}}}]", nested(100_000)).into_bytes(),
        "\n".repeat(100_000).into_bytes(),
        "{}\n".repeat(50_000).into_bytes(),
    ];
    for body in &bodies {
        let shown = String::from_utf8_lossy(&body[..body.len().min(40)]).into_owned();
        for uri in ["/api/articles", "/api/similarity"] {
            let (status, answer) = call(&site.app, "POST", uri, body.clone()).await;
            assert_eq!(
                status,
                StatusCode::BAD_REQUEST,
                "{uri} {shown:?}: {answer:.300}"
            );
            assert!(answer.starts_with("{\"error\""), "{uri}: {answer:.300}");
        }
    }
    assert_eq!(get_json(&site.app, "/api/stats").await["articles"], before);
}

#[tokio::test]
async fn wrong_typed_fields_and_odd_ids_are_read_or_named() {
    let site = site_with(WebConfig::default());
    // Each a record of its own: wrong types are named per line, the rest stored.
    let lines = [
        serde_json::json!({"id": "ok-1", "text": "The ferry Quillon returned to Tessaly on Sunday."}),
        serde_json::json!({"id": ["a"], "text": "An id that is a list gets a made one."}),
        serde_json::json!({"id": {"a": 1}, "text": "An id that is an object gets a made one."}),
        serde_json::json!({"id": true, "text": "An id that is true gets a made one."}),
        serde_json::json!({"id": 1.5e300, "text": "A huge numeric id is kept as written."}),
        serde_json::json!({"id": "a\u{0}b", "text": "An id with a NUL in it."}),
        serde_json::json!({"id": "../../etc/passwd", "text": "An id that climbs."}),
        serde_json::json!({"id": "  ", "text": "An id of spaces."}),
        serde_json::json!({"id": "z", "text": "Text.", "published": 5}),
        serde_json::json!({"id": "y", "text": "Text.", "title": ["t"]}),
        serde_json::json!({"id": "w", "text": "Odd dates are kept.", "published": "99999-99-99"}),
        serde_json::json!({"id": "v", "text": "Odd dates are kept.", "published": "next Tuesday, maybe"}),
        serde_json::json!({"id": "u", "text": "Odd dates are kept.", "published": "-0001-01-01"}),
        serde_json::json!({"id": "t", "text": "Nothing but a language.", "language": "\u{0}<x>"}),
        serde_json::json!({"id": "s", "title": "Non\u{FFFF}characters\u{FFFE}", "text": "Ferry Quillon returned to Tessaly on Sunday.", "published": "2026-03-02"}),
    ]
    .map(|v| v.to_string())
    .join("\n");
    let (status, body) = call(&site.app, "POST", "/api/articles", lines.into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let wrong: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("invalid type"))
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(wrong.len(), 2, "{body}");
    assert!(
        wrong
            .iter()
            .all(|p| p.ends_with(":9") || p.ends_with(":10")),
        "{body}"
    );
    // Every stored article and every event page, list and feed answers.
    let ids = v["ids"].as_array().unwrap();
    assert_eq!(ids.len(), 13, "{body}");
    for id in ids {
        let id = path_part(id.as_str().unwrap());
        for uri in [format!("/articles/{id}"), format!("/api/articles/{id}")] {
            let (status, body) = get(&site.app, &uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}: {body:.300}");
        }
    }
    let events = get_json(&site.app, "/api/events").await;
    for e in events.as_array().unwrap() {
        let id = path_part(e["id"].as_str().unwrap());
        for uri in [
            format!("/events/{id}"),
            format!("/events/{id}/feed.atom"),
            format!("/api/events/{id}"),
            format!("/api/events/{id}.csv"),
        ] {
            let (status, body) = get(&site.app, &uri).await;
            assert_eq!(status, StatusCode::OK, "{uri}: {body:.300}");
            if uri.ends_with(".atom") {
                atom_dated(&body);
            }
        }
    }
    let s = get_json(&site.app, "/api/articles/s").await;
    assert_eq!(
        s["article"]["title"], "Non\u{FFFF}characters\u{FFFE}",
        "{s}"
    );
    let event = s["events"][0].as_str().unwrap();
    let (_, feed) = get(&site.app, &format!("/events/{event}/feed.atom")).await;
    assert!(feed.contains("Noncharacters"), "{feed}");
    atom_dated(&feed);
    for uri in ["/", "/events.atom", "/entities", "/outlets", "/api/stats"] {
        let (status, body) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body:.300}");
        if uri.ends_with(".atom") {
            atom_dated(&body);
        }
    }
}

/// An Atom feed that parses, holds no character XML 1.0 forbids, and whose every `updated`
/// is an RFC 3339 date-time, as Atom requires (a reader drops or refuses an entry with another).
fn atom_dated(xml: &str) {
    atom(xml);
    assert!(!xml.contains(['\u{FFFE}', '\u{FFFF}']), "{xml}");
    for (i, _) in xml.match_indices("<updated>") {
        let rest = &xml[i + "<updated>".len()..];
        let value = &rest[..rest.find('<').unwrap()];
        assert!(
            chrono::DateTime::parse_from_rfc3339(value).is_ok(),
            "<updated>{value}</updated> in {xml}"
        );
    }
}

async fn call_typed(app: &Router, uri: &str, content_type: &str, body: Vec<u8>) -> StatusCode {
    let req = Request::builder()
        .method("POST")
        .uri(uri)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap();
    app.clone().oneshot(req).await.unwrap().status()
}

#[tokio::test]
async fn the_compare_form_takes_only_its_form() {
    let site = hostile_site().await;
    let form = "application/x-www-form-urlencoded";
    for (content_type, body) in [
        (form, b"a=%FF%FE&b=%00".to_vec()),
        (form, b"a=1&a=2&b=3".to_vec()),
        (form, b"a[]=1&b[x]=2".to_vec()),
        (form, b"%%%&&&===".to_vec()),
        (form, b"\xff\xfe".to_vec()),
        (form, Vec::new()),
        ("application/json", b"{\"a\": \"x\", \"b\": \"y\"}".to_vec()),
        ("text/plain", b"a=x&b=y".to_vec()),
        ("multipart/form-data; boundary=x", b"--x--".to_vec()),
        ("", b"a=x&b=y".to_vec()),
        (
            "application/x-www-form-urlencoded; charset=bogus",
            b"a=x".to_vec(),
        ),
    ] {
        let status = call_typed(&site.app, "/compare", content_type, body).await;
        assert!(status.is_client_error(), "{content_type}: {status}");
    }
    // A hostile text comes back escaped, compared.
    let body = format!(
        "a={}&b={}",
        query_part("Dock workers <script>alert(1)</script> ended the strike."),
        query_part("\"><img src=x onerror=alert(1)> The strike ended at the port.")
    );
    let req = Request::builder()
        .method("POST")
        .uri("/compare")
        .header("content-type", form)
        .body(Body::from(body))
        .unwrap();
    let res = site.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&html);
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    // A text longer than an article may be is named as such.
    let long = format!(
        "a={}&b=x",
        "word ".repeat(chorus_ingest::MAX_ARTICLE_BYTES / 4)
    );
    let req = Request::builder()
        .method("POST")
        .uri("/compare")
        .header("content-type", form)
        .body(Body::from(long))
        .unwrap();
    let res = site.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let html = res.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8_lossy(&html);
    assert!(html.contains("an article may hold"), "{html:.2000}");
    // Other methods on the routes are 405s.
    for (method, uri) in [
        ("PUT", "/api/articles"),
        ("DELETE", "/api/articles/x"),
        ("PATCH", "/compare"),
        ("POST", "/search"),
        ("POST", "/events.atom"),
    ] {
        let (status, body) = call(&site.app, method, uri, b"x".to_vec()).await;
        assert_eq!(
            status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}: {body}"
        );
    }
}

/// Every page and feed showing the hostile article, its outlet and its entities escapes them.
#[tokio::test]
async fn hostile_fields_are_escaped_on_every_page_and_feed() {
    let site = hostile_site().await;
    let id = path_part("x\"><script>alert(1)</script>");
    let events = get_json(&site.app, "/api/events?limit=500").await;
    let mut uris = vec![
        "/".to_string(),
        "/?limit=500".to_string(),
        "/?order=newest".to_string(),
        "/events.atom".to_string(),
        format!("/articles/{id}"),
        format!("/articles/{id}?hl=0-5"),
        "/search?q=strike".to_string(),
        "/search?q=Quill".to_string(),
        "/entities?limit=500".to_string(),
        "/outlets".to_string(),
        format!("/outlets/{}", query_part("<i>Outlet</i> \"quoted\"")),
        format!("/?source={}", query_part("<i>Outlet</i> \"quoted\"")),
    ];
    for e in events.as_array().unwrap() {
        let e = path_part(e["id"].as_str().unwrap());
        uris.push(format!("/events/{e}"));
        uris.push(format!("/events/{e}/feed.atom"));
    }
    let entities = get_json(&site.app, "/api/entities?limit=500").await;
    for e in entities.as_array().unwrap() {
        let e = path_part(e["id"].as_str().unwrap());
        uris.push(format!("/entities/{e}"));
        uris.push(format!("/entities/{e}/feed.atom"));
    }
    for uri in &uris {
        let (status, body) = get(&site.app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        for raw in ["<script", "<i>", "<b>", "\"quoted\"", "javascript:"] {
            assert!(!body.contains(raw), "{uri} holds {raw}:\n{body}");
        }
        if uri.ends_with(".atom") {
            atom(&body);
        }
    }
}

/// Reads and searches while articles are posted answer, and every post is stored.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reads_during_writes_answer() {
    let site = example_site().await;
    let app = site.app.clone();
    let mut tasks = Vec::new();
    for i in 0..4 {
        let app = app.clone();
        tasks.push(tokio::spawn(async move {
            let body = serde_json::json!({"id": format!("w{i}"),
                "text": format!("Dock workers at berth {i} ended their strike on Friday.")})
            .to_string();
            let (status, body) = call_owned(app, "POST", "/api/articles", body).await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        }));
    }
    for uri in [
        "/",
        "/api/events",
        "/search?q=strike",
        "/entities",
        "/api/stats",
    ] {
        for _ in 0..5 {
            let app = app.clone();
            tasks.push(tokio::spawn(async move {
                let (status, body) = call_owned(app, "GET", uri, String::new()).await;
                assert_eq!(status, StatusCode::OK, "{uri}: {body:.300}");
            }));
        }
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(get_json(&site.app, "/api/stats").await["articles"], 19);
}
