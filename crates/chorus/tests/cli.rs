//! The `chorus` binary end to end: the example corpus comes out as written, bad inputs become
//! diagnostics with their paths and the right exit code, every format renders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chorus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .output()
        .expect("chorus runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory under the target dir for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn example_corpus_events_come_out_as_written() {
    let corpus = repo().join("examples/corpus");
    let out = chorus(&["digest", corpus.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("examples/corpus-events.json")).unwrap(),
    )
    .unwrap();
    let mut want: Vec<Vec<String>> = expected["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut v: Vec<String> = e["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            v.sort();
            v
        })
        .collect();
    let mut got: Vec<Vec<String>> = report["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut v: Vec<String> = e["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_str().unwrap().to_string())
                .collect();
            v.sort();
            v
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // Every part of the report has something to show on the example corpus.
    let events = report["events"].as_array().unwrap();
    for part in [
        "account",
        "corroborated",
        "single_source",
        "differences",
        "quotes",
        "entities",
    ] {
        assert!(
            events
                .iter()
                .any(|e| !e[part].as_array().unwrap().is_empty()),
            "no event has {part}"
        );
    }
    let removed = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["removed"].as_array().unwrap().iter());
    let kinds: std::collections::BTreeSet<&str> =
        removed.map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["boilerplate", "repeated_paragraph"]
    );
}

#[test]
fn every_format_renders_the_corpus() {
    let corpus = repo().join("examples/corpus");
    for format in ["text", "markdown", "html", "json"] {
        let out = chorus(&["digest", corpus.to_str().unwrap(), "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.len() > 1000, "{format} output is short");
        assert!(!text.contains('\x1b'), "{format}: colour when not a tty");
    }
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = scratch("bad-inputs");
    std::fs::write(dir.join("good.txt"), "Title: Dam holds\nSource: Test Post\n\nThe dam held through the night, engineers said on Tuesday.\n").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(dir.join("latin1.md"), b"Caf\xe9 owners protest.\n").unwrap();
    std::fs::write(
        dir.join("broken.jsonl"),
        "{\"id\":\"j1\",\"text\":\"A working line of text.\"}\n{\"id\":\"j2\",\"text\":\n",
    )
    .unwrap();
    std::fs::write(dir.join("picture.png"), [137u8, 80, 78, 71]).unwrap();
    let out = chorus(&["digest", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2), "some inputs were skipped");
    let report = json(&out);
    let diags: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |file: &str, words: &str| {
        diags
            .iter()
            .any(|(p, m)| p.contains(file) && m.contains(words))
    };
    assert!(has("empty.txt", "empty"), "{diags:#?}");
    assert!(has("binary.txt", "binary"), "{diags:#?}");
    assert!(has("latin1.md", "UTF-8"), "{diags:#?}");
    assert!(has("broken.jsonl:2", "JSON"), "{diags:#?}");
    assert!(has("picture.png", "unsupported"), "{diags:#?}");
    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["j1", "good.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt"),
        "diagnostics go to stderr too: {stderr}"
    );
}

#[test]
fn a_web_address_in_a_diagnostic_cannot_drive_the_terminal() {
    // A WARC record whose URL carries escape sequences (set the window title, turn text red)
    // and whose page has no story: its diagnostic names the URL, stripped of them.
    let dir = scratch("escape-in-diagnostic");
    let page = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body></body></html>";
    let mut warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \
         http://example.org/\x1b]0;owned\x07\x1b[31mred\r\nContent-Length: {}\r\n\r\n",
        page.len()
    )
    .into_bytes();
    warc.extend_from_slice(page);
    warc.extend_from_slice(b"\r\n\r\n");
    let warc_path = dir.join("pages.warc");
    std::fs::write(&warc_path, warc).unwrap();
    let story = dir.join("story.txt");
    std::fs::write(
        &story,
        "The dam held through the night, engineers said on Tuesday.\n",
    )
    .unwrap();
    let (warc_path, story) = (warc_path.to_str().unwrap(), story.to_str().unwrap());
    let data = dir.join("data");
    let runs = [
        chorus(&["digest", warc_path, story]),
        chorus(&["similarity", story, story, "--background", warc_path]),
        chorus(&[
            "ingest",
            "--data-dir",
            data.to_str().unwrap(),
            warc_path,
            story,
        ]),
    ];
    for out in runs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("http://example.org/]0;owned[31mred"),
            "the diagnostic names the page: {stderr}"
        );
        assert!(
            !stderr.contains(['\x1b', '\x07']),
            "no control character reaches the terminal: {stderr:?}"
        );
    }
}

#[test]
fn nothing_readable_exits_1_and_missing_paths_are_named() {
    let dir = scratch("nothing");
    std::fs::write(dir.join("empty.txt"), "   \n").unwrap();
    let out = chorus(&["digest", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let out = chorus(&["digest", "/no/such/place"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/place"));
}

#[test]
fn stdin_jsonl_and_summarize() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["summarize", "-", "--words", "40"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"x1\",\"source\":\"A\",\"text\":\"The river flooded the old town on Sunday night. Hundreds of homes were evacuated by boat.\"}\n{\"id\":\"x2\",\"source\":\"B\",\"text\":\"Floods swept through the old town on Sunday. Rescue boats evacuated hundreds of homes.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().count() >= 2, "{text}");
    assert!(text.lines().all(|l| l.ends_with('.')), "{text}");
}

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Dam holds after a week of heavy rain | Valley Post</title>
<meta property="og:site_name" content="Valley Post"><meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2026-03-14T09:30:00+01:00">
<link rel="canonical" href="https://valley.example/news/dam-holds"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<p>The dam held through the night, engineers said on Tuesday, after a week of rain that filled the reservoir to the brim.</p>
<div class="share"><a href="https://x.example/share">Share</a></div>
<p>Residents downstream were told they could return home, although schools will stay closed until Friday, the council said.</p>
<p>Engineers will inspect the spillway again on Wednesday morning, and the road over the dam stays closed until then.</p>
<p>The reservoir last came this close to overflowing in 1998, when two villages were evacuated for a week.</p>
</article><footer>Copyright Valley Post</footer></body></html>"#;

#[test]
fn extract_prints_a_json_line_per_page_and_names_bad_files() {
    let dir = scratch("extract");
    std::fs::write(dir.join("dam.html"), PAGE).unwrap();
    std::fs::write(dir.join("empty.htm"), "").unwrap();
    // A gzip header and the start of a stream, cut off.
    std::fs::write(
        dir.join("cut.html.gz"),
        [0x1fu8, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xf3, 0x48],
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "Not a page.\n").unwrap();
    let out = chorus(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "some pages were skipped");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let page = &lines[0];
    let mut keys: Vec<&str> = page
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "byline",
            "canonical_url",
            "language",
            "path",
            "published",
            "site_name",
            "text",
            "title"
        ]
    );
    assert!(page["path"].as_str().unwrap().ends_with("dam.html"));
    assert_eq!(page["title"], "Dam holds after a week of heavy rain");
    assert_eq!(page["byline"], "Ann Writer");
    assert_eq!(page["published"], "2026-03-14T09:30:00+01:00");
    assert_eq!(page["site_name"], "Valley Post");
    assert_eq!(page["language"], "en");
    assert_eq!(
        page["canonical_url"],
        "https://valley.example/news/dam-holds"
    );
    let text = page["text"].as_str().unwrap();
    assert!(text.starts_with("The dam held through the night"), "{text}");
    assert_eq!(text.split("\n\n").count(), 4, "{text}");
    for furniture in ["Home", "Share", "Copyright"] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cut.html.gz") && stderr.contains("gzip"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.htm") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("notes.txt"),
        "non-pages in a directory are not pages: {stderr}"
    );

    let out = chorus(&[
        "extract",
        "--format",
        "text",
        dir.join("dam.html").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{text}\n"));

    let out = chorus(&["extract", dir.join("notes.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "nothing could be read");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an HTML page"));
}

#[test]
fn html_pages_are_articles_for_digest() {
    let dir = scratch("digest-html");
    std::fs::write(dir.join("dam.html"), PAGE).unwrap();
    let out = chorus(&["digest", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    let article = &report["articles"][0];
    assert_eq!(article["id"], "dam.html");
    assert_eq!(article["source"], "Valley Post");
    assert_eq!(article["title"], "Dam holds after a week of heavy rain");
}

#[test]
fn similarity_tells_the_same_story_from_another() {
    let corpus = repo().join("examples/corpus");
    let path = |p: &str| corpus.join(p).to_str().unwrap().to_string();
    // Two reprints of the wire story about the viaduct, then the viaduct and the port strike.
    let same = chorus(&[
        "similarity",
        &path("harbour-courier/viaduct-collapse.txt"),
        &path("valley-tribune/caldermoor-viaduct.txt"),
        "--json",
    ]);
    let same = json(&same);
    let other = json(&chorus(&[
        "similarity",
        &path("harbour-courier/viaduct-collapse.txt"),
        &path("meridian-wire/port-strike.md"),
        "--json",
        "--background",
        corpus.to_str().unwrap(),
    ]));
    assert_eq!(same["same_story"], true, "{same}");
    assert_eq!(other["same_story"], false, "{other}");
    assert!(same["cosine"].as_f64().unwrap() > 3.0 * other["cosine"].as_f64().unwrap());
    // Two files alone, no background: two outlets' own reports of the port strike are one
    // story (the words they share are not weighed down for being shared), the strike and the
    // comet are not.
    let alone = |a: &str, b: &str| json(&chorus(&["similarity", &path(a), &path(b), "--json"]));
    let strike = alone(
        "meridian-wire/port-strike.md",
        "valley-tribune/port-strike-supplies.txt",
    );
    assert_eq!(strike["same_story"], true, "{strike}");
    let comet = alone(
        "meridian-wire/port-strike.md",
        "eastgate-chronicle/comet-sighting.md",
    );
    assert_eq!(comet["same_story"], false, "{comet}");
    let missing = chorus(&[
        "similarity",
        "no/such/file.txt",
        &path("meridian-wire/port-strike.md"),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.txt"));
    // A German and an English report: the languages are named, and the caveat says what a
    // low cosine across languages is worth.
    let dir = scratch("similarity-languages");
    let german = dir.join("viadukt.txt");
    std::fs::write(
        &german,
        "Das Viadukt von Caldermoor ist am Dienstagmorgen eingestürzt. Die Polizei sperrte die \
         Straße, und die Feuerwehr suchte in den Trümmern nach Verletzten. Der Bürgermeister \
         sagte, die Brücke sei erst im vergangenen Jahr geprüft worden.",
    )
    .unwrap();
    let german = german.to_str().unwrap();
    let english = path("harbour-courier/viaduct-collapse.txt");
    let across = json(&chorus(&["similarity", german, &english, "--json"]));
    assert_eq!(
        (across["language_a"].as_str(), across["language_b"].as_str()),
        (Some("de"), Some("en")),
        "{across}"
    );
    let said = chorus(&["similarity", german, &english]);
    let said = String::from_utf8_lossy(&said.stdout);
    assert!(said.contains("different languages (de, en)"), "{said}");
    let one_language = chorus(&[
        "similarity",
        &english,
        &path("valley-tribune/caldermoor-viaduct.txt"),
    ]);
    assert!(!String::from_utf8_lossy(&one_language.stdout).contains("different languages"));
}

#[test]
fn issue_28_digest_reads_plain_text_from_stdin_and_similarity_takes_format_json() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["digest", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Dam holds after a week of rain\n\nThe Verrin dam held on Monday after a week of rain, engineers said. Roads reopened by evening.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_eq!(report["articles"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(
        report["articles"][0]["title"],
        "Dam holds after a week of rain"
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let path = |p: &str| corpus.join(p).to_str().unwrap().to_string();
    let a = path("meridian-wire/port-strike.md");
    let b = path("harbour-courier/port-strike-day-two.txt");
    let by_format = json(&chorus(&["similarity", &a, &b, "--format", "json"]));
    let by_flag = json(&chorus(&["similarity", &a, &b, "--json"]));
    assert_eq!(by_format, by_flag);
    assert!(by_format["cosine"].is_number());
    let help = String::from_utf8(chorus(&["digest", "--help"]).stdout).unwrap();
    assert!(help.contains("markdown") && help.contains("csv"), "{help}");
}
