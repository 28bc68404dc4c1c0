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
