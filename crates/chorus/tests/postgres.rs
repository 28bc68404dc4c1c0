//! Several `chorus` processes on one PostgreSQL database (`--database-url`): two ingests at
//! once end as one ingest alone does (each article stored once, the same events), workers on
//! disjoint halves (then swapped) leave every article in one event at most, and the read commands answer
//! from the database. Runs against `CHORUS_TEST_DATABASE_URL`, each test in schemas of its
//! own; skips without it, unless `CHORUS_REQUIRE_POSTGRES=1`.

use chorus_store::{Collection, PgStore, ScratchSchema};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

fn database() -> Option<String> {
    chorus_testdata::postgres_url()
}

/// A schema of the test database for one collection, dropped afterwards.
struct Schema(ScratchSchema);

impl Schema {
    fn new(base: &str, tag: &str) -> Schema {
        Schema(ScratchSchema::new(
            base,
            format!("cli_{tag}_{}", std::process::id()),
        ))
    }

    fn url(&self) -> String {
        self.0.url()
    }

    fn store(&self) -> PgStore {
        PgStore::open(&self.url()).unwrap()
    }
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// `chorus ingest PATHS --database-url URL`, started (not waited for). The data directory
/// points nowhere useful: a database needs none.
fn ingest(url: &str, paths: &[PathBuf]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_chorus"))
        .arg("ingest")
        .args(paths)
        .args(["--database-url", url])
        .env("CHORUS_DATA", "/nonexistent/chorus-data")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chorus runs")
}

fn finished(child: Child) -> Output {
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The events as sets of article ids, and each article's number of events.
fn partition(store: &dyn Collection) -> (BTreeSet<BTreeSet<String>>, BTreeMap<String, usize>) {
    let mut groups = BTreeSet::new();
    let mut held: BTreeMap<String, usize> = BTreeMap::new();
    for e in store.all_events().unwrap() {
        for a in &e.articles {
            *held.entry(a.clone()).or_default() += 1;
        }
        groups.insert(e.articles.into_iter().collect());
    }
    (groups, held)
}

/// Every stored article is in one event at most, and the events are up to date.
fn one_truth(store: &dyn Collection) {
    let (_, held) = partition(store);
    for (a, n) in &held {
        assert_eq!(*n, 1, "article {a} is in {n} events");
    }
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, stats.versions, "an article stored twice");
    assert_eq!(held.len() + stats.without_event, stats.articles);
    assert!(!store.events_outdated().unwrap(), "articles left ungrouped");
}

#[test]
fn two_ingests_at_once_end_as_one_ingest_alone() {
    let Some(base) = database() else { return };
    let alone = Schema::new(&base, "alone");
    finished(ingest(&alone.url(), &[corpus()]));
    let reference = alone.store();
    let want_stats = reference.stats().unwrap();
    assert!(want_stats.events > 0);
    one_truth(&reference);

    let both = Schema::new(&base, "both");
    let a = ingest(&both.url(), &[corpus()]);
    let b = ingest(&both.url(), &[corpus()]);
    finished(a);
    finished(b);
    let store = both.store();
    one_truth(&store);
    let stats = store.stats().unwrap();
    assert_eq!(
        (
            stats.articles,
            stats.versions,
            stats.events,
            stats.without_event
        ),
        (
            want_stats.articles,
            want_stats.versions,
            want_stats.events,
            want_stats.without_event
        )
    );
    assert_eq!(partition(&store).0, partition(&reference).0);
}

#[test]
fn workers_on_disjoint_halves_then_swapped_store_each_article_once() {
    let Some(base) = database() else { return };
    let mut outlets: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    outlets.sort();
    let (first, second) = outlets.split_at(outlets.len() / 2);
    let halves = Schema::new(&base, "halves");
    let a = ingest(&halves.url(), first);
    let b = ingest(&halves.url(), second);
    finished(a);
    finished(b);
    let store = halves.store();
    one_truth(&store);
    let after_halves = store.stats().unwrap();
    // Again, each on the other's half (ids are made from paths relative to what is given,
    // so the same paths): nothing new, nothing stored twice.
    let a = ingest(&halves.url(), second);
    let b = ingest(&halves.url(), first);
    finished(a);
    finished(b);
    one_truth(&store);
    let again = store.stats().unwrap();
    assert_eq!(
        (again.articles, again.versions),
        (after_halves.articles, after_halves.versions)
    );
    let mut ids: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn read_commands_answer_from_the_database() {
    let Some(base) = database() else { return };
    let schema = Schema::new(&base, "reads");
    finished(ingest(&schema.url(), &[corpus()]));
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_chorus"))
            .args(args)
            .env("CHORUS_DATABASE_URL", schema.url())
            .env("CHORUS_DATA", "/nonexistent/chorus-data")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let stats = run(&["stats"]);
    assert!(stats.contains("backend      PostgreSQL"), "{stats}");
    let store = schema.store();
    let events: serde_json::Value = serde_json::from_str(&run(&["events", "-f", "json"])).unwrap();
    let listed = events.as_array().unwrap();
    assert_eq!(listed.len(), store.stats().unwrap().events);
    let first = listed[0]["id"].as_str().unwrap();
    let shown = run(&["show", first, "-f", "json"]);
    assert!(shown.contains(first));
    // A word of the first event's title finds an article of it.
    let title = listed[0]["title"].as_str().unwrap();
    let word = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 4)
        .unwrap();
    let hits = run(&["search", word, "-f", "json"]);
    assert!(hits.contains(first), "{word}: {hits}");
    let entities = run(&["entities", "-f", "json"]);
    assert!(entities.trim_start().starts_with('['));
}

/// `multinews-val` from `../shared/data`, when it sits beside the checkout.
fn multinews() -> Option<PathBuf> {
    chorus_testdata::shared("multinews-val/articles.jsonl")
}

/// On 690 articles (three batches of storing each), two workers at once still end as one
/// worker alone: every article stored once, the same events.
#[test]
fn two_ingests_of_multinews_at_once_end_as_one_alone() {
    let Some(base) = database() else { return };
    let Some(articles) = multinews() else { return };
    let alone = Schema::new(&base, "mn_alone");
    finished(ingest(&alone.url(), std::slice::from_ref(&articles)));
    let both = Schema::new(&base, "mn_both");
    let a = ingest(&both.url(), std::slice::from_ref(&articles));
    let b = ingest(&both.url(), std::slice::from_ref(&articles));
    finished(a);
    finished(b);
    let (reference, store) = (alone.store(), both.store());
    one_truth(&store);
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.versions), (690, 690));
    assert_eq!(stats.events, reference.stats().unwrap().events);
    assert_eq!(partition(&store).0, partition(&reference).0);
}

/// The HTTP validators of a fetched feed are kept in the database (which has no directory):
/// the second ingest of the feed asks "only if changed" and stores nothing new.
#[test]
fn fetch_validators_are_kept_in_the_database() {
    use chorus_testdata::http::{serve, Response};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let Some(base) = database() else { return };
    let conditional = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&conditional);
    let server = serve(move |req| {
        if req.path != "/feed.xml" {
            return Response::new(404, "", "");
        }
        let asked = req
            .headers
            .iter()
            .any(|(k, v)| k.eq_ignore_ascii_case("if-none-match") && v.contains("quay-v1"));
        if asked {
            seen.fetch_add(1, Ordering::SeqCst);
            return Response::new(304, "ETag: \"quay-v1\"\r\n", "");
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay News</title>",
        );
        for i in 0..3 {
            xml.push_str(&format!(
                "<item><title>Crane {i} fails</title><guid>crane-{i}</guid><description>\
                 A crane at quay {i} of Brindle harbour failed on Sunday, the harbour \
                 master said; nobody was hurt.</description></item>"
            ));
        }
        xml.push_str("</channel></rss>");
        Response::new(
            200,
            "Content-Type: application/rss+xml\r\nETag: \"quay-v1\"\r\n",
            xml,
        )
    });
    let schema = Schema::new(&base, "validators");
    let feed = PathBuf::from(format!("{server}/feed.xml"));
    let first = finished(ingest(&schema.url(), std::slice::from_ref(&feed)));
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("3 new"),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    assert_eq!(conditional.load(Ordering::SeqCst), 0);
    let kept = schema.store().setting("http-validators").unwrap();
    assert!(
        kept.as_deref().is_some_and(|k| k.contains("quay-v1")),
        "{kept:?}"
    );
    let second = finished(ingest(&schema.url(), std::slice::from_ref(&feed)));
    assert_eq!(conditional.load(Ordering::SeqCst), 1);
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("nothing new"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(schema.store().stats().unwrap().articles, 3);
}

/// A `chorus serve` on the database at `url`, stopped when dropped, and its address.
struct Server(Child, String);

impl Server {
    fn start(url: &str) -> Server {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_chorus"))
            .args(["serve", "--bind", "127.0.0.1:0", "--database-url", url])
            .env("CHORUS_DATA", "/nonexistent/chorus-data")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let address = line
            .split(" on ")
            .last()
            .unwrap()
            .trim()
            .trim_end_matches('/')
            .to_string();
        assert!(address.starts_with("http://127.0.0.1:"), "{line}");
        Server(child, address)
    }

    fn get(&self, path: &str) -> serde_json::Value {
        ureq::get(&format!("{}{path}", self.1))
            .call()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
            .body_mut()
            .read_json()
            .unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Two servers on one database: an article posted to one is grouped and stored, and the
/// other answers with it at once.
#[test]
fn two_servers_share_one_collection() {
    let Some(base) = database() else { return };
    let schema = Schema::new(&base, "servers");
    finished(ingest(&schema.url(), &[corpus()]));
    let (one, two) = (Server::start(&schema.url()), Server::start(&schema.url()));
    let before = two.get("/api/stats");
    let posted: serde_json::Value = ureq::post(&format!("{}/api/articles", one.1))
        .send_json(serde_json::json!([{
            "id": "posted-1",
            "source": "Test Wire",
            "title": "Dockers vote on Saltreach port strike offer",
            "text": "Dock workers at Saltreach port voted on Friday on the offer to end the \
                     port strike, the union said. Ships queue off Saltreach as the strike \
                     continues."
        }]))
        .unwrap()
        .body_mut()
        .read_json()
        .unwrap();
    assert_eq!(posted["added"], 1, "{posted}");
    let article = two.get("/api/articles/posted-1");
    assert_eq!(article["article"]["id"], "posted-1", "{article}");
    let after = two.get("/api/stats");
    assert_eq!(
        after["articles"].as_u64().unwrap(),
        before["articles"].as_u64().unwrap() + 1,
        "{after}"
    );
    // Grouped: in an event, and nothing left for a refresh.
    assert_eq!(after["without_event"], 0, "{after}");
    assert!(!schema.store().events_outdated().unwrap());
    let hits = two.get("/api/search?q=dockers+vote");
    assert!(hits.to_string().contains("posted-1"), "{hits}");
}
