//! Inputs that stalled a run or cost more than themselves (issue #25): a FIFO among the
//! inputs, one bad byte in JSON lines, UTF-16 text. Each case is named after what it fixes.

use chorus_ingest::{ingest_paths, IngestConfig, Ingested};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A directory of the test's own, removed when the test ends (passed or not).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = PathBuf;
    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!(
        "chorus-ingest-hardening-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// `ingest_paths` of `paths` on another thread, failing after `limit` instead of hanging.
fn ingest_within(paths: Vec<PathBuf>, limit: Duration) -> Ingested {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(ingest_paths(&paths, &IngestConfig::default()));
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("ingest did not finish within {limit:?}"))
}

/// What a run read: `id: first words` per article, then `path: message` per diagnostic,
/// with `dir` left out of paths.
fn outline(read: &Ingested, dir: &Path) -> String {
    let mut out = String::new();
    for a in &read.articles {
        let words: Vec<&str> = a.body.split_whitespace().take(4).collect();
        out.push_str(&format!("{}: {}\n", a.id, words.join(" ")));
    }
    let prefix = format!("{}/", dir.display());
    for d in &read.diagnostics {
        out.push_str(&format!("{}: {}\n", d.path.replace(&prefix, ""), d.message));
    }
    out
}

const STORY: &str = "The harbour authority closed the north pier on Tuesday after inspectors \
    found cracks in three of its concrete pillars, a spokeswoman said.";

#[test]
fn issue_25_a_fifo_among_the_inputs_is_a_diagnostic_not_a_hang() {
    let dir = scratch("fifo");
    std::fs::write(dir.join("story.txt"), STORY).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let link = dir.join("link.txt");
    std::os::unix::fs::symlink(dir.join("story.txt"), &link).unwrap();
    // In a directory, and named directly.
    let read = ingest_within(vec![dir.clone(), fifo.clone()], Duration::from_secs(20));
    expect_test::expect![[r#"
        link.txt: The harbour authority closed
        story.txt: The harbour authority closed
        pipe.txt: a FIFO (named pipe), not a regular file; only files (and links to them) are read
        pipe.txt: a FIFO (named pipe), not a regular file; only files (and links to them) are read
    "#]]
    .assert_eq(&outline(&read, &dir));
    assert_eq!(read.skipped, 2);
}

#[test]
fn issue_25_one_bad_utf8_byte_costs_its_json_line_only() {
    let dir = scratch("jsonl");
    let mut bytes = Vec::new();
    for (i, text) in [
        "First story text.",
        "Second caf\u{e9} story.",
        "Third story text.",
    ]
    .iter()
    .enumerate()
    {
        let line = format!("{{\"id\": \"s{i}\", \"text\": \"{text}\"}}\n");
        bytes.extend_from_slice(line.as_bytes());
    }
    // Latin-1 é in the second line.
    let at = bytes.windows(2).position(|w| w == "é".as_bytes()).unwrap();
    bytes.splice(at..at + 2, [0xE9]);
    std::fs::write(dir.join("stories.jsonl"), &bytes).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(20));
    expect_test::expect![[r#"
        s0: First story text.
        s2: Third story text.
        stories.jsonl:2: not valid UTF-8 (first bad byte at offset 32); hint: convert it with `iconv -t UTF-8`
    "#]]
    .assert_eq(&outline(&read, &dir));
    assert_eq!(read.skipped, 1);
}

#[test]
fn issue_25_utf16_text_with_a_bom_is_decoded_not_refused_as_binary() {
    let dir = scratch("utf16");
    let text = format!("Pier closed\n\n{STORY}");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    std::fs::write(dir.join("le.txt"), le).unwrap();
    std::fs::write(dir.join("be.txt"), be).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(20));
    expect_test::expect![[r#"
        be.txt: The harbour authority closed
        le.txt: The harbour authority closed
    "#]]
    .assert_eq(&outline(&read, &dir));
    assert_eq!(read.articles[0].title.as_deref(), Some("Pier closed"));
}

#[test]
fn issue_25_a_page_nested_100k_deep_is_read_flattened_with_a_diagnostic() {
    let dir = scratch("nested");
    let page = format!(
        "<html><head><title>Pier closed</title></head><body>{}<p>{STORY}</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(dir.join("deep.html"), page).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(20));
    expect_test::expect![[r#"
        deep.html: The harbour authority closed
        deep.html: elements nested deeper than 512 were flattened (their text kept at that depth)
    "#]]
    .assert_eq(&outline(&read, &dir));
}

#[test]
fn issue_25_an_empty_warc_gets_a_diagnostic() {
    let dir = scratch("warc");
    std::fs::write(dir.join("empty.warc"), b"").unwrap();
    std::fs::write(dir.join("empty.warc.gz"), b"").unwrap();
    let request = b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: https://a.example/\r\n\
        Content-Length: 0\r\n\r\n\r\n\r\n";
    std::fs::write(dir.join("requests.warc"), request).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(20));
    expect_test::expect![[r#"
        empty.warc: no HTML pages: the archive holds no response record of an HTML page
        empty.warc.gz: no HTML pages: the archive holds no response record of an HTML page
        requests.warc: no HTML pages: the archive holds no response record of an HTML page
    "#]]
    .assert_eq(&outline(&read, &dir));
    assert_eq!(read.skipped, 3);
}

/// A JSON line of megabytes (a dump, a book) is no news article: aligning its sentences pair
/// by pair held the refresh of events for hours (4 MB: over two minutes, 50 MB: hours). It is
/// skipped, named, and the other lines are read; so is such a body posted to the server.
#[test]
fn an_article_of_megabytes_is_skipped_with_a_diagnostic() {
    let dir = scratch("long");
    let long = format!("{STORY} ").repeat(3 * 1024 * 1024 / STORY.len());
    let lines = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "dump", "text": long}),
        serde_json::json!({"id": "pier", "text": STORY}),
    );
    std::fs::write(dir.join("lines.jsonl"), &lines).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(60));
    let size = long.len();
    let want = format!(
        "pier: The harbour authority closed\nlines.jsonl: article \"dump\" has {size} bytes of \
         text, more than the {} an article may hold; split it into articles\n",
        chorus_ingest::MAX_ARTICLE_BYTES
    );
    assert_eq!(outline(&read, &dir), want);
    assert_eq!(read.skipped, 1);
    let posted = chorus_ingest::ingest_named_bytes("post.jsonl", lines.as_bytes());
    assert_eq!(posted.articles.len(), 1);
    assert_eq!(posted.skipped, 1);
    assert!(posted.diagnostics[0].message.contains("\"dump\""));
}

/// A feed of 100,000 items, among them items with no link, no guid, no text, and links given
/// twice: every item with text is an article with an id of its own, each without text a
/// diagnostic, and the feed is read in one pass.
#[test]
fn a_feed_of_a_hundred_thousand_items_is_read_item_by_item() {
    let dir = scratch("feed");
    let mut rss = String::from(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Pier News</title>",
    );
    for i in 0..100_000 {
        match i % 4 {
            0 => rss.push_str(&format!(
                "<item><title>Pier {i}</title><link>https://pier.example/{i}</link>\
                 <description>Story {i}: {STORY}</description></item>"
            )),
            1 => rss.push_str(&format!(
                "<item><description>No link {i}.</description></item>"
            )),
            2 => rss.push_str(
                "<item><link>https://pier.example/same</link>\
                 <description>The same link again.</description></item>",
            ),
            _ => rss.push_str("<item><title>Nothing to read</title></item>"),
        }
    }
    rss.push_str("</channel></rss>");
    std::fs::write(dir.join("pier.rss"), rss).unwrap();
    let read = ingest_within(vec![dir.clone()], Duration::from_secs(120));
    assert_eq!(read.articles.len(), 75_000);
    assert_eq!(read.skipped, 25_000);
    let ids: std::collections::HashSet<&str> =
        read.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 75_000, "every article an id of its own");
    let other: Vec<_> = read
        .diagnostics
        .iter()
        .filter(|d| {
            d.message != "feed item has no summary text"
                && !d
                    .message
                    .starts_with("duplicate article id \"https://pier.example/same\"")
        })
        .take(3)
        .collect();
    assert!(other.is_empty(), "{other:?}");
}

/// A directory of what a crawl or a careless copy leaves: links in a loop, a link to nothing,
/// a link to a directory, an empty and a truncated gzip, a gzip bomb. Each is a diagnostic
/// naming the file; the story beside them is read.
#[test]
fn links_in_a_loop_and_broken_gzips_are_diagnostics() {
    use std::io::Write;
    let dir = scratch("links");
    std::fs::write(dir.join("story.txt"), STORY).unwrap();
    std::os::unix::fs::symlink(dir.join("b.txt"), dir.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("a.txt"), dir.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("gone.txt")).unwrap();
    std::os::unix::fs::symlink(&*dir, dir.join("up.txt")).unwrap();
    std::fs::write(dir.join("empty.html.gz"), b"").unwrap();
    std::fs::write(dir.join("cut.html.gz"), b"\x1f\x8b\x08").unwrap();
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(&vec![b' '; 8 << 20]).unwrap();
    std::fs::write(dir.join("bomb.html.gz"), bomb.finish().unwrap()).unwrap();
    let config = IngestConfig {
        max_file_bytes: 1 << 20,
        ..IngestConfig::default()
    };
    let read = ingest_paths(&[dir.to_path_buf()], &config);
    expect_test::expect![[r#"
        story.txt: The harbour authority closed
        a.txt: cannot read: Too many levels of symbolic links (os error 40)
        b.txt: cannot read: Too many levels of symbolic links (os error 40)
        bomb.html.gz: cannot decompress: decompressed data is larger than the limit of 1048576 bytes
        cut.html.gz: cannot decompress: broken gzip data (unexpected end of file); hint: the file may be truncated
        empty.html.gz: cannot decompress: broken gzip data (unexpected end of file); hint: the file may be truncated
        gone.txt: cannot read: No such file or directory (os error 2)
        up.txt: a directory, not a regular file; only files (and links to them) are read
    "#]]
    .assert_eq(&outline(&read, &dir));
}

/// A NUL escaped in a JSON string (`\u0000`) is no text, and PostgreSQL text cannot hold one:
/// with it, storing failed the whole batch (the record's neighbours too). It reads as a space.
#[test]
fn a_nul_escaped_in_json_reads_as_a_space() {
    let line = "{\"id\": \"pier\\u0000\", \"title\": \"Pier\\u0000closed\", \
                \"source\": \"Harbour\\u0000News\", \"text\": \"The pier\\u0000 closed.\"}\n";
    let read = chorus_ingest::ingest_named_bytes("post.jsonl", line.as_bytes());
    let a = &read.articles[0];
    assert_eq!(
        (
            a.id.as_str(),
            a.title.as_deref(),
            a.source.as_str(),
            a.body.as_str()
        ),
        (
            "pier ",
            Some("Pier closed"),
            "Harbour News",
            "The pier  closed."
        )
    );
}
