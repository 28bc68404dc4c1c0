//! The collection commands as real child processes on fresh data directories: ingest is
//! idempotent (`kill -9` at any moment: `tests/crash.rs`), refuses a second writer, and the read
//! commands (`events`, `show`, `search`, `entities`, `stats`) answer from what was stored.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn chorus(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(args)
        .env("CHORUS_DATA", data)
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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}); stderr: {}", stderr(out)))
}

/// `multinews-val` from `../shared/data`, when it sits beside the checkout.
fn multinews() -> Option<PathBuf> {
    chorus_testdata::shared("multinews-val/articles.jsonl")
}

/// Asserts that `out` exited with status 1 and said `message` on stderr.
fn fails_saying(out: &Output, message: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert!(stderr(out).contains(message), "{}", stderr(out));
}

fn stats(data: &Path) -> serde_json::Value {
    let out = chorus(data, &["stats", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)
}

#[test]
fn ingesting_multinews_twice_stores_each_article_once() {
    let Some(articles) = multinews() else { return };
    let data = scratch("ingest-twice").join("data");
    let path = articles.to_str().unwrap();
    let first = chorus(&data, &["ingest", path]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(stdout(&first).contains("690 new"), "{}", stdout(&first));
    let second = chorus(&data, &["ingest", path]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("0 new, 690 unchanged, 0 new versions"),
        "{}",
        stdout(&second)
    );
    let s = stats(&data);
    assert_eq!(s["articles"], 690);
    assert_eq!(s["versions"], 690);
    assert_eq!(s["indexed"], 690);
    assert!(s["events"].as_u64().unwrap() > 50, "{s}");
}

#[test]
fn a_second_writer_is_told_the_directory_is_busy() {
    let dir = scratch("busy");
    let data = dir.join("data");
    let corpus = repo().join("examples/corpus");
    let first = chorus(&data, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let stored = stats(&data)["articles"].clone();
    // Hold the directory's write lock as a running ingest does.
    let lock = File::options()
        .write(true)
        .open(data.join("write.lock"))
        .unwrap();
    lock.try_lock().unwrap();
    let second = chorus(&data, &["ingest", corpus.to_str().unwrap()]);
    fails_saying(&second, "data directory is busy");
    // Readers still work while a writer holds the lock.
    assert_eq!(stats(&data)["articles"], stored);
    drop(lock);
    let third = chorus(&data, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    // `--timings` says where the time of reading and of computing events went.
    let regrouped = chorus(&data, &["ingest", "--regroup", "--timings"]);
    assert_eq!(regrouped.status.code(), Some(0), "{}", stderr(&regrouped));
    let said = stderr(&regrouped);
    for step in [
        "computed events in",
        "read articles",
        "clean",
        "group",
        "store",
    ] {
        assert!(said.contains(step), "{step}: {said}");
    }
}

#[test]
fn two_real_ingests_at_once_either_both_work_or_one_is_busy() {
    let Some(articles) = multinews() else { return };
    let data = scratch("concurrent").join("data");
    let path = articles.to_str().unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_chorus"))
            .args(["ingest", path])
            .env("CHORUS_DATA", &data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn();
    std::thread::sleep(Duration::from_millis(100));
    let b = spawn();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for out in [&a, &b] {
        let ok = out.status.code() == Some(0);
        let busy = out.status.code() == Some(1) && stderr(out).contains("data directory is busy");
        assert!(ok || busy, "{}", stderr(out));
    }
    assert!(a.status.code() == Some(0) || b.status.code() == Some(0));
    assert_eq!(stats(&data)["versions"], 690);
}

#[test]
fn read_commands_answer_from_the_example_collection() {
    let dir = scratch("read-commands");
    let data = dir.join("data");
    let corpus = repo().join("examples/corpus");
    let ingest = chorus(&data, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(ingest.status.code(), Some(0), "{}", stderr(&ingest));

    let events = json(&chorus(&data, &["events", "--format", "json"]));
    let events = events.as_array().unwrap();
    assert!(events.len() >= 3, "{events:?}");
    let largest = events[0]["id"].as_str().unwrap().to_string();

    let shown = chorus(&data, &["show", &largest, "--format", "json"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let report = json(&shown);
    assert_eq!(report["events"][0]["id"], largest.as_str());
    // Every citation of the account points into an article of the report.
    for s in report["events"][0]["account"].as_array().unwrap() {
        for c in s["citations"].as_array().unwrap() {
            let article = report["articles"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == c["article"])
                .expect("cited article is in the report");
            let text = article["text"].as_str().unwrap();
            let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            assert!(end as usize <= text.len());
            assert!(start < end);
        }
    }
    let html = chorus(&data, &["show", &largest, "--format", "html"]);
    assert!(stdout(&html).starts_with("<!doctype html>"));

    let missing = chorus(&data, &["show", "e999"]);
    fails_saying(&missing, "no event \"e999\"");

    let entities = json(&chorus(&data, &["entities", "--format", "json"]));
    let first = &entities.as_array().unwrap()[0];
    let name = first["name"].as_str().unwrap();
    let by_entity = json(&chorus(
        &data,
        &["events", "--entity", name, "--format", "json"],
    ));
    assert_eq!(
        by_entity.as_array().unwrap().len(),
        first["events"].as_array().unwrap().len()
    );
    let source = events[0]["sources"][0].as_str().unwrap();
    let by_source = json(&chorus(
        &data,
        &["events", "--source", source, "--format", "json"],
    ));
    assert!(by_source.as_array().unwrap().iter().all(|e| e["sources"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == source)));
    let later = chorus(&data, &["events", "--since", "2999-01-01"]);
    assert_eq!(later.status.code(), Some(0));
    assert!(stdout(&later).is_empty());
    let bad = chorus(&data, &["events", "--since", "someday"]);
    fails_saying(&bad, "invalid --since");

    let title = events[0]["title"].as_str().unwrap();
    let word = title
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let hits = json(&chorus(&data, &["search", word, "--format", "json"]));
    assert!(!hits.as_array().unwrap().is_empty(), "no hit for {word:?}");
    let text = chorus(&data, &["search", word]);
    assert!(stdout(&text).contains('['), "{}", stdout(&text));

    // "Same story?" weighed by the collection's statistics: as with the corpus as background.
    let path = |p: &str| corpus.join(p).to_str().unwrap().to_string();
    let (a, b) = (
        path("harbour-courier/viaduct-collapse.txt"),
        path("meridian-wire/port-strike.md"),
    );
    let data_dir = data.to_str().unwrap();
    let by_collection = json(&chorus(
        &data,
        &["similarity", &a, &b, "--data-dir", data_dir, "--json"],
    ));
    let by_files = json(&chorus(
        &data,
        &[
            "similarity",
            &a,
            &b,
            "--background",
            corpus.to_str().unwrap(),
            "--json",
        ],
    ));
    assert_eq!(by_collection, by_files);
    assert_eq!(by_collection["background"], 15);

    let nowhere = chorus(&dir.join("nowhere"), &["stats"]);
    fails_saying(&nowhere, "no collection at");
    assert!(!dir.join("nowhere").exists());
    let nowhere = dir.join("nowhere");
    let compared = chorus(
        &data,
        &[
            "similarity",
            &a,
            &b,
            "--data-dir",
            nowhere.to_str().unwrap(),
        ],
    );
    fails_saying(&compared, "no collection at");
    assert!(!nowhere.exists());
}

/// Each event of the collection: id → its article ids (sorted), from `show`.
fn event_articles(data: &Path) -> Vec<(String, Vec<String>)> {
    let events = json(&chorus(data, &["events", "--format", "json"]));
    let mut out = Vec::new();
    for e in events.as_array().unwrap() {
        let id = e["id"].as_str().unwrap().to_string();
        let report = json(&chorus(data, &["show", &id, "--format", "json"]));
        let mut articles: Vec<String> = report["events"][0]["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        articles.sort();
        out.push((id, articles));
    }
    out
}

#[test]
fn a_later_ingest_adds_to_the_stored_events_and_regroup_starts_over() {
    let dir = scratch("incremental");
    let data = dir.join("data");
    let corpus = repo().join("examples/corpus");
    let outlets: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "valley-tribune")
        .collect();
    let mut args = vec!["ingest"];
    args.extend(outlets.iter().map(|p| p.to_str().unwrap()));
    let first = chorus(&data, &args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = event_articles(&data);

    let late = corpus.join("valley-tribune");
    let second = chorus(&data, &["ingest", late.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let after = event_articles(&data);
    // The newcomers joined stored events or opened their own; every stored event no newcomer
    // reached is still there, under its id, with its articles.
    let old: std::collections::HashSet<&String> =
        before.iter().flat_map(|(_, a)| a.iter()).collect();
    let reached: std::collections::HashSet<&String> = after
        .iter()
        .filter(|(_, a)| a.iter().any(|x| !old.contains(x)))
        .flat_map(|(_, a)| a.iter())
        .collect();
    let untouched: Vec<&(String, Vec<String>)> = before
        .iter()
        .filter(|(_, a)| !a.iter().any(|x| reached.contains(x)))
        .collect();
    assert!(!untouched.is_empty() && untouched.len() < before.len());
    for e in untouched {
        assert!(after.contains(e), "{e:?} changed: {after:?}");
    }

    // Regrouping needs a collection: none is made for it.
    let nowhere = dir.join("nowhere");
    let missing = chorus(&nowhere, &["ingest", "--regroup"]);
    fails_saying(&missing, "no collection at");
    assert!(!nowhere.exists());

    // Regrouping without paths groups the stored articles as one fresh ingest does.
    let regroup = chorus(&data, &["ingest", "--regroup"]);
    assert_eq!(regroup.status.code(), Some(0), "{}", stderr(&regroup));
    assert!(stdout(&regroup).starts_with("regrouped 15 articles into "));
    let fresh = dir.join("fresh");
    args.push(late.to_str().unwrap());
    let whole = chorus(&fresh, &args);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    let sets = |v: Vec<(String, Vec<String>)>| {
        let mut s: Vec<Vec<String>> = v.into_iter().map(|x| x.1).collect();
        s.sort();
        s
    };
    assert_eq!(sets(event_articles(&data)), sets(event_articles(&fresh)));
}

/// Issue #25, item 1: `chorus search` with 10,000 `(` overflowed the stack in tantivy's
/// parser, and `body:*` printed a message about fast fields; both now fail saying what a
/// query may contain.
#[test]
fn issue_25_search_queries_that_crashed_are_refused_with_what_is_allowed() {
    let dir = scratch("search-refusals");
    let data = dir.join("data");
    let input = dir.join("one.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"title\": \"Harbour strike\", \"text\": \"Dock workers end their strike.\"}\n",
    )
    .unwrap();
    let ingest = chorus(&data, &["ingest", input.to_str().unwrap()]);
    assert_eq!(ingest.status.code(), Some(0), "{}", stderr(&ingest));
    let deep = "(".repeat(10_000);
    for (query, message) in [
        (
            deep.as_str(),
            "the query is 10000 characters long, more than 1000",
        ),
        (
            "body:*",
            "\"body:*\" (any value of a field) is not supported",
        ),
    ] {
        let out = chorus(&data, &["search", query]);
        fails_saying(&out, message);
        fails_saying(&out, "title:word");
    }
    let found = chorus(&data, &["search", "title:harbour"]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
}

/// A server on 127.0.0.1 whose `/feed.xml` is an RSS feed of `items` stories, each a
/// sentence about a numbered quay; robots.txt and anything else are 404.
fn feed_server(items: usize) -> String {
    use chorus_testdata::http::{serve, Response};
    serve(move |req| {
        if req.path != "/feed.xml" {
            return Response::new(404, "", "");
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay News</title>",
        );
        for i in 0..items {
            xml.push_str(&format!(
                "<item><title>Crane {i} fails</title><guid>crane-{i}</guid><description>\
                 A crane at quay {i} of Brindle harbour failed on Sunday, the harbour \
                 master said; nobody was hurt.</description></item>"
            ));
        }
        xml.push_str("</channel></rss>");
        Response::new(200, "Content-Type: application/rss+xml\r\n", xml)
    })
}

#[cfg(unix)]
#[test]
fn watch_polls_a_feed_and_a_sigterm_ends_it_cleanly() {
    use std::io::BufRead;
    let data = scratch("watch-sigterm");
    let base = feed_server(3);
    let feeds = data.join("feeds.txt");
    std::fs::write(
        &feeds,
        format!("# the test's feeds\n{base}/feed.xml\n\n{base}/missing.xml\n"),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["watch", feeds.to_str().unwrap(), "--every", "1h"])
        .env("CHORUS_DATA", data.join("collection"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().expect("a line per poll").unwrap();
    assert!(
        first.starts_with("poll 1: feeds 2 fetched, 1 failed; 3 new"),
        "{first}"
    );
    assert!(first.contains("3 articles in"), "{first}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(
        err.contains("missing.xml"),
        "the failed feed is named: {err}"
    );
    let s = stats(&data.join("collection"));
    assert_eq!(s["articles"], 3);
    assert_eq!(s["without_event"], 0);
}

#[test]
fn an_ingest_of_many_unusable_files_shows_the_first_few_and_counts_the_rest() {
    let dir = scratch("many-unusable");
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    for i in 0..30 {
        std::fs::write(inputs.join(format!("empty-{i:02}.txt")), "").unwrap();
    }
    std::fs::write(
        inputs.join("story.txt"),
        "A crane at Brindle harbour failed on Sunday, the harbour master said.",
    )
    .unwrap();
    let out = chorus(
        &dir.join("collection"),
        &["ingest", inputs.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let named = err.lines().filter(|l| l.contains("empty-")).count();
    assert_eq!(named, 10, "{err}");
    assert!(err.contains("… and 20 more problems"), "{err}");
    assert_eq!(stats(&dir.join("collection"))["diagnostics"], 30);
}
