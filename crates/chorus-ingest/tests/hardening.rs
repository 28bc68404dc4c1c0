//! Inputs that stalled a run or cost more than themselves (issue #25). Each case is named
//! after what it fixes.

use chorus_ingest::{ingest_paths, IngestConfig, Ingested};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "chorus-ingest-hardening-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
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
