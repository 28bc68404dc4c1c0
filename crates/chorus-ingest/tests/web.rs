//! Web inputs end to end through `ingest_paths`: a WARC.gz archive written here (with a
//! corrupt record in the middle), a feed file, and URLs of a page and a feed served by a local
//! server on 127.0.0.1 (no other network).

use chorus_ingest::{ingest_paths, ingest_paths_with, IngestConfig};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::ops::ControlFlow;
use std::path::PathBuf;

const PAGE: &str = "<html lang=\"en\"><head><title>Pier closed after cracks found</title>\
    <meta property=\"og:site_name\" content=\"Lerna Post\"></head><body><nav>Home | News</nav>\
    <article><p>The harbour authority of Lerna closed the north pier on Tuesday after \
    inspectors found cracks in three of its concrete pillars, a spokeswoman said.</p>\
    <p>Ferries to the islands will leave from the south quay until the repairs are finished, \
    which could take several weeks, the authority said in a statement.</p></article></body></html>";

fn feed(base: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lerna Post</title>\
         <link>{base}/</link><item><title>Pier closed</title><link>{base}/pier</link>\
         <guid>{base}/pier</guid><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate>\
         <description>&lt;p&gt;The north pier is closed after cracks were found.&lt;/p&gt;</description>\
         </item></channel></rss>"
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chorus-ingest-web-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn record(kind: &str, uri: &str, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-10T09:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        uri.len(),
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn warc_archives_and_feed_files_become_articles() {
    let dir = scratch("files");
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{PAGE}",
        PAGE.len()
    );
    let mut warc = gz(&record(
        "response",
        "https://lerna.example/pier",
        http.as_bytes(),
    ));
    warc.extend(gz(b"WARC/1.0\r\nContent-Length: 99999\r\n\r\ntruncated"));
    warc.extend(gz(&record(
        "request",
        "https://lerna.example/pier",
        b"GET /pier HTTP/1.1\r\n\r\n",
    )));
    warc.extend(gz(&record(
        "response",
        "https://lerna.example/pier2",
        http.as_bytes(),
    )));
    std::fs::write(dir.join("crawl.warc.gz"), &warc).unwrap();
    std::fs::write(dir.join("lerna.rss"), feed("https://lerna.example")).unwrap();
    std::fs::write(dir.join("broken.xml"), "<rss><channel><item>").unwrap();

    let got = ingest_paths(std::slice::from_ref(&dir), &IngestConfig::default());
    let ids: Vec<&str> = got.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"https://lerna.example/pier"), "{ids:?}");
    assert!(ids.contains(&"https://lerna.example/pier2"), "{ids:?}");
    let page = got
        .articles
        .iter()
        .find(|a| a.id == "https://lerna.example/pier")
        .unwrap();
    assert_eq!(page.source, "Lerna Post");
    assert_eq!(
        page.published.as_deref().map(|d| &d[..10]),
        Some("2026-03-10")
    );
    assert!(page.body.contains("north pier") && !page.body.contains("Home | News"));
    let item = got
        .articles
        .iter()
        .find(|a| a.body.contains("cracks were found"))
        .expect("the feed item");
    assert_eq!(item.title.as_deref(), Some("Pier closed"));
    // The corrupt record and the broken feed are reported with their paths; the rest was read.
    let paths: Vec<&str> = got.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert!(
        paths.iter().any(|p| p.contains("crawl.warc.gz")),
        "{:?}",
        got.diagnostics
    );
    assert!(
        paths.iter().any(|p| p.contains("broken.xml")),
        "{:?}",
        got.diagnostics
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A page of the Lerna Post numbered `k`.
fn numbered_page(k: usize) -> Vec<u8> {
    let page = PAGE.replace("three of its", &format!("{} of its", k + 3));
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{page}",
        page.len()
    )
    .into_bytes()
}

#[test]
fn a_directory_with_an_archive_arrives_in_bounded_batches_in_order() {
    let dir = scratch("batches");
    std::fs::write(
        dir.join("a.txt"),
        "Title: First\n\nThe first story of the day.",
    )
    .unwrap();
    std::fs::write(
        dir.join("z.txt"),
        "Title: Last\n\nThe last story of the day.",
    )
    .unwrap();
    let mut warc = Vec::new();
    for k in 0..150 {
        // The last page has the first one's URL: a duplicate id across batches.
        let uri = format!("https://lerna.example/p{}", if k == 149 { 0 } else { k });
        warc.extend(record("response", &uri, &numbered_page(k)));
    }
    std::fs::write(dir.join("m.warc"), &warc).unwrap();
    let paths = std::slice::from_ref(&dir);

    let mut batches: Vec<Vec<String>> = Vec::new();
    let flow = ingest_paths_with(paths, &IngestConfig::default(), &mut |part| {
        assert!(part
            .diagnostics
            .iter()
            .all(|d| d.message.contains("duplicate")));
        batches.push(part.articles.into_iter().map(|a| a.id).collect());
        ControlFlow::Continue(())
    });
    assert_eq!(flow, ControlFlow::Continue(()));
    // a.txt, then the archive's 150 pages in batches of at most 64, then z.txt.
    assert!(batches.len() >= 5, "{}", batches.len());
    assert!(batches.iter().all(|b| b.len() <= 64));
    let ids: Vec<String> = batches.concat();
    let mut expected = vec!["a.txt".to_string()];
    expected.extend((0..149).map(|k| format!("https://lerna.example/p{k}")));
    expected.push("https://lerna.example/p0~2".into());
    expected.push("z.txt".into());
    assert_eq!(ids, expected);
    // Reading all at once gives the same articles.
    let all = ingest_paths(paths, &IngestConfig::default());
    let all_ids: Vec<String> = all.articles.into_iter().map(|a| a.id).collect();
    assert_eq!(all_ids, expected);

    // Breaking stops the reading: nothing after the batch that asked for it.
    let mut seen = 0;
    let flow = ingest_paths_with(paths, &IngestConfig::default(), &mut |part| {
        seen += part.articles.len();
        if seen > 1 {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(flow, ControlFlow::Break(()));
    assert!((2..=65).contains(&seen), "{seen}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Serves `/page`, `/feed` and `/pier` (404 for everything else, robots.txt included).
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed_body = feed(&base);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut revalidating = false;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map_or(true, |n| n == 0) || h == "\r\n" {
                    break;
                }
                revalidating |= h.to_ascii_lowercase().starts_with("if-none-match: \"v1\"");
            }
            let (status, ct, body) = match path.as_str() {
                "/page" | "/pier" => ("200 OK", "text/html; charset=utf-8", PAGE.to_string()),
                "/feed" | "/etag-feed" if !(revalidating && path == "/etag-feed") => {
                    ("200 OK", "application/rss+xml", feed_body.clone())
                }
                "/etag-feed" => ("304 Not Modified", "application/rss+xml", String::new()),
                _ => ("404 Not Found", "text/plain", "not found".to_string()),
            };
            let mut s = stream;
            let _ = write!(
                s,
                "HTTP/1.1 {status}\r\nContent-Type: {ct}\r\nETag: \"v1\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

#[test]
fn urls_of_pages_and_feeds_are_fetched() {
    let base = serve();
    let got = ingest_paths(
        &[
            PathBuf::from(format!("{base}/page")),
            PathBuf::from(format!("{base}/missing")),
        ],
        &IngestConfig::default(),
    );
    assert_eq!(got.articles.len(), 1, "{:?}", got.diagnostics);
    assert_eq!(
        got.articles[0].title.as_deref(),
        Some("Pier closed after cracks found")
    );
    assert_eq!(got.skipped, 1);
    assert!(
        got.diagnostics[0].path.contains("/missing"),
        "{:?}",
        got.diagnostics
    );

    // A feed URL: its item, first as the summary, then with the page fetched.
    let feed_url = PathBuf::from(format!("{base}/feed"));
    let summary = ingest_paths(std::slice::from_ref(&feed_url), &IngestConfig::default());
    assert_eq!(summary.articles.len(), 1, "{:?}", summary.diagnostics);
    assert!(summary.articles[0].body.contains("cracks were found"));
    let config = IngestConfig {
        fetch_pages: true,
        ..IngestConfig::default()
    };
    let full = ingest_paths(&[feed_url], &config);
    assert_eq!(full.articles.len(), 1, "{:?}", full.diagnostics);
    assert!(
        full.articles[0].body.contains("south quay"),
        "{}",
        full.articles[0].body
    );
    assert_eq!(full.articles[0].title.as_deref(), Some("Pier closed"));
}

#[test]
fn polling_a_feed_again_is_a_conditional_get() {
    let base = serve();
    let dir = scratch("validators");
    let config = IngestConfig {
        validators: Some(dir.join("http-validators.json")),
        ..IngestConfig::default()
    };
    let url = PathBuf::from(format!("{base}/etag-feed"));
    let first = ingest_paths(std::slice::from_ref(&url), &config);
    assert_eq!(first.articles.len(), 1, "{:?}", first.diagnostics);
    assert!(dir.join("http-validators.json").exists());
    // The saved ETag goes out with the next request; the server answers 304: nothing new.
    let again = ingest_paths(std::slice::from_ref(&url), &config);
    assert_eq!(
        (again.articles.len(), again.skipped),
        (0, 0),
        "{:?}",
        again.diagnostics
    );
    let _ = std::fs::remove_dir_all(dir);
}
