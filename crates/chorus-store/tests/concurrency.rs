//! Several handles on one collection at once (as several processes open it): the same
//! articles stored by two writers at once are stored once, and a refresh lock is held by one
//! handle at a time where the store is shared (PostgreSQL; SQLite's directory lock admits
//! one writer, so it has none to give).

mod backends;

use backends::Backend;
use chorus_model::Article;
use chorus_store::{Collection, StoreError};
use std::sync::mpsc;
use std::time::Duration;

on_both!(
    two_writers_store_each_article_once,
    the_refresh_lock_is_held_by_one_handle_at_a_time,
);

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| Article {
            title: Some(format!("Harbour report {i}")),
            url: Some(format!("https://example.org/harbour/{i}")),
            ..Article::new(
                &format!("a{i}"),
                ["Wire", "Daily", "Gazette"][i % 3],
                &format!("Dock workers in port {i} walked out on Monday over pay."),
            )
        })
        .collect()
}

fn two_writers_store_each_article_once(backend: Backend) {
    let store = backend.open();
    let all = articles(120);
    let writers: Vec<Box<dyn Collection>> = vec![store.reopen(), store.reopen()];
    std::thread::scope(|s| {
        for (w, writer) in writers.iter().enumerate() {
            let all = &all;
            s.spawn(move || {
                // Each writer stores everything, in batches of 10, in its own order.
                let mut batches: Vec<&[Article]> = all.chunks(10).collect();
                if w == 1 {
                    batches.reverse();
                }
                for batch in batches {
                    loop {
                        match writer.add_articles(batch) {
                            Ok(_) => break,
                            // SQLite: the other writer holds the directory; try again.
                            Err(StoreError::Busy(_)) => {
                                std::thread::sleep(Duration::from_millis(5))
                            }
                            Err(e) => panic!("{e}"),
                        }
                    }
                }
            });
        }
    });
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.versions), (120, 120));
    let ids: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 120);
    // A changed article stored by both is one new version, not two.
    let mut changed = all[7].clone();
    changed.body.push_str(" Talks resume on Friday.");
    std::thread::scope(|s| {
        for writer in &writers {
            let changed = &changed;
            s.spawn(move || loop {
                match writer.add_articles(std::slice::from_ref(changed)) {
                    Ok(_) => break,
                    Err(StoreError::Busy(_)) => std::thread::sleep(Duration::from_millis(5)),
                    Err(e) => panic!("{e}"),
                }
            });
        }
    });
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.versions), (120, 121));
    assert_eq!(store.article_versions("a7").unwrap().len(), 2);
}

fn the_refresh_lock_is_held_by_one_handle_at_a_time(backend: Backend) {
    let store = backend.open();
    let other = store.reopen();
    let Some(held) = store.lock_refresh().unwrap() else {
        assert_eq!(backend, Backend::Sqlite, "a shared store must give a lock");
        return;
    };
    let (tx, rx) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let guard = other.lock_refresh().unwrap();
        tx.send(()).unwrap();
        drop(guard);
    });
    assert!(
        rx.recv_timeout(Duration::from_millis(500)).is_err(),
        "a second handle took the refresh lock while the first held it"
    );
    drop(held);
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the lock is free once the first handle lets it go");
    waiter.join().unwrap();
}

/// The server ends every connection of a collection (a restart, an administrator): the next
/// reads and writes work on new connections, without an error.
#[test]
fn connections_ended_by_the_server_are_made_again() {
    let Some(backend) = backends::postgres() else {
        return;
    };
    let store = backend.open();
    store.add_articles(&articles(5)).unwrap();
    let before = store.stats().unwrap();
    let url = std::env::var("CHORUS_TEST_DATABASE_URL").unwrap();
    let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let name = format!("chorus {}", store.schema().unwrap());
    let ended: i64 = admin
        .query_one(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE application_name = $1) t",
            &[&name],
        )
        .unwrap()
        .get(0);
    assert!(ended >= 1, "no connection of {name} to end");
    assert_eq!(store.stats().unwrap(), before);
    store.add_articles(&articles(6)).unwrap();
    assert_eq!(store.stats().unwrap().articles, 6);
}

/// Many readers at once (a busy server) share a bounded number of connections.
#[test]
fn many_readers_at_once_share_a_bounded_number_of_connections() {
    let Some(backend) = backends::postgres() else {
        return;
    };
    let store = backend.open();
    store.add_articles(&articles(50)).unwrap();
    let url = std::env::var("CHORUS_TEST_DATABASE_URL").unwrap();
    let name = format!("chorus {}", store.schema().unwrap());
    let done = std::sync::atomic::AtomicBool::new(false);
    let most = std::thread::scope(|s| {
        let watcher = s.spawn(|| {
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            let mut most = 0i64;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let n: i64 = admin
                    .query_one(
                        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
                        &[&name],
                    )
                    .unwrap()
                    .get(0);
                most = most.max(n);
                std::thread::sleep(Duration::from_millis(5));
            }
            most
        });
        let readers: Vec<_> = (0..40)
            .map(|_| {
                s.spawn(|| {
                    for _ in 0..5 {
                        assert_eq!(store.search("dock workers", 100).unwrap().len(), 50);
                        assert_eq!(store.stats().unwrap().articles, 50);
                    }
                })
            })
            .collect();
        for r in readers {
            r.join().unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        watcher.join().unwrap()
    });
    assert!(
        most >= 2,
        "the readers ran one at a time ({most} connections)"
    );
    assert!(most <= 16, "{most} connections open at once");
}
