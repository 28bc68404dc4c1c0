//! `kill -9` at any moment of an ingest, then the same ingest again: every article stored
//! once, in one event at most (or in none when cleaning left it no story text, as in `chorus
//! digest`), the events up to date, and every article found by search. One definition, run on
//! a data directory (SQLite) and on PostgreSQL (`CHORUS_TEST_DATABASE_URL`, each run in a
//! schema of its own; skipped without it unless `CHORUS_REQUIRE_POSTGRES=1`).

use chorus_store::{Collection, OpenOptions, PgStore, ScratchSchema, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Where the collection is: a data directory, or a schema of a PostgreSQL database.
enum Backend {
    Directory(PathBuf),
    Database(ScratchSchema),
}

impl Backend {
    /// `chorus ARGS` on this collection, through the environment every command reads.
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_chorus"));
        c.args(args);
        match self {
            Backend::Directory(dir) => c.env("CHORUS_DATA", dir),
            Backend::Database(schema) => c
                .env("CHORUS_DATABASE_URL", schema.url())
                .env("CHORUS_DATA", "/nonexistent/chorus-data"),
        };
        c
    }

    /// The collection itself, as a reader opens it.
    fn store(&self) -> Box<dyn Collection> {
        match self {
            Backend::Directory(dir) => Box::new(
                Store::open(
                    dir,
                    &OpenOptions {
                        create: false,
                        exclusive: false,
                    },
                )
                .unwrap(),
            ),
            Backend::Database(schema) => Box::new(PgStore::open(&schema.url()).unwrap()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        let out = self.command(args).output().expect("chorus runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "chorus {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        serde_json::from_slice(&out.stdout).expect("JSON")
    }
}

fn killed_at_any_moment_then_rerun(backend: Backend, articles: &Path) {
    let path = articles.to_str().unwrap();
    // Moments spread over a run (reading, storing, indexing, computing events); a fixed list
    // keeps the test reproducible.
    for ms in [30, 150, 400, 700, 1100, 1600, 2300] {
        let mut child = backend
            .command(&["ingest", path])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        // SIGKILL: no destructor, no flush, no unlock by the process itself.
        let _ = child.kill();
        let _ = child.wait();
    }
    backend.run(&["ingest", path]);
    let s = backend.json(&["stats", "--format", "json"]);
    assert_eq!(
        (&s["articles"], &s["versions"], &s["indexed"]),
        (&690.into(), &690.into(), &690.into()),
        "{s}"
    );
    assert!(s["events"].as_u64().unwrap() > 50, "{s}");
    // Every stored article is found by search (the first article's title words).
    let hits = backend.json(&["search", "Good Country Index", "--format", "json"]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["article"] == "val-000-0"),
        "{hits}"
    );
    // Each article in one event at most, and as many in events as `chorus digest` places.
    let store = backend.store();
    assert!(!store.events_outdated().unwrap(), "articles left ungrouped");
    let mut held = std::collections::HashSet::new();
    for e in store.all_events().unwrap() {
        for a in e.articles {
            assert!(held.insert(a.clone()), "{a} in two events");
        }
    }
    let listed = held.len() as u64;
    let digest = Command::new(env!("CARGO_BIN_EXE_chorus"))
        .args(["digest", path, "--format", "json"])
        .output()
        .unwrap();
    let digested: serde_json::Value = serde_json::from_slice(&digest.stdout).unwrap();
    let with_text = digested["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["articles"].as_array().unwrap().len() as u64)
        .sum::<u64>();
    assert!(with_text > 600, "{with_text}");
    assert_eq!(
        listed, with_text,
        "every article with story text in exactly one event"
    );
    assert_eq!(s["without_event"], 690 - with_text, "{s}");
    // The lines each outlet's furniture is decided from, written with the events: known for
    // every article, those of its current version.
    let stored = store.articles().unwrap();
    let sources: std::collections::BTreeSet<String> =
        stored.iter().map(|a| a.source.clone()).collect();
    let sources: Vec<String> = sources.into_iter().collect();
    let lines = store
        .outlet_lines(&sources)
        .unwrap()
        .expect("every article's lines");
    let got: std::collections::HashMap<&str, &[u64]> = lines
        .iter()
        .map(|l| (l.id.as_str(), &l.lines[..]))
        .collect();
    let clean = chorus_pipeline::Config::default().clean;
    for (a, want) in stored
        .iter()
        .zip(chorus_pipeline::article_lines(&stored, &clean))
    {
        assert_eq!(got.get(a.id.as_str()).copied(), Some(&want[..]), "{}", a.id);
    }
}

#[test]
fn an_ingest_killed_at_any_moment_then_rerun_stores_everything_once_in_a_directory() {
    let Some(articles) = chorus_testdata::shared("multinews-val/articles.jsonl") else {
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash");
    let _ = std::fs::remove_dir_all(&dir);
    killed_at_any_moment_then_rerun(Backend::Directory(dir.join("data")), &articles);
}

#[test]
fn an_ingest_killed_at_any_moment_then_rerun_stores_everything_once_in_postgres() {
    let Some(base) = chorus_testdata::postgres_url() else {
        return;
    };
    let Some(articles) = chorus_testdata::shared("multinews-val/articles.jsonl") else {
        return;
    };
    let schema = ScratchSchema::new(&base, format!("crash_{}", std::process::id()));
    killed_at_any_moment_then_rerun(Backend::Database(schema), &articles);
}
