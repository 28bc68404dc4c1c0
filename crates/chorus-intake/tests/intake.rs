//! The intake on a fresh store: articles stored and grouped once, a refresh only when
//! something is new, and settings that changed since the events were computed are noticed.

use chorus_intake::{Grouping, Intake};
use chorus_model::Article;
use chorus_store::{OpenOptions, Store};
use std::sync::Arc;

fn article(id: &str, source: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        source: source.into(),
        body: body.into(),
        ..Article::default()
    }
}

fn open(dir: &std::path::Path, config: chorus_pipeline::Config) -> Intake {
    let store = Store::open(
        dir,
        &OpenOptions {
            create: true,
            exclusive: false,
        },
    )
    .unwrap();
    Intake::new(Arc::new(store), config)
}

const CRANE: &str = "A crane at Brindle harbour collapsed on Sunday, injuring two dock workers, \
                     the harbour master said.";
const FERRY: &str = "The ferry Quillon ran aground off Vornholt on Tuesday with 240 passengers \
                     aboard; all were brought ashore, the coast guard said.";

#[test]
fn posts_are_grouped_once_and_a_refresh_runs_only_when_something_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let intake = open(dir.path(), chorus_pipeline::Config::default());
    let posted = intake
        .post(
            &[
                article("a", "Quay News", CRANE),
                article("b", "Harbour Courier", CRANE),
            ],
            &[],
        )
        .unwrap();
    assert_eq!(posted.outcome.added, 2);
    assert_eq!((posted.articles, posted.events), (2, 1));
    assert!(intake.refresh_if_outdated().unwrap().is_none());
    let again = intake
        .post(&[article("a", "Quay News", CRANE)], &[])
        .unwrap();
    assert_eq!(again.outcome.unchanged, 1);
    let more = intake
        .post(&[article("c", "Quay News", FERRY)], &[])
        .unwrap();
    assert_eq!((more.articles, more.events), (3, 2));
}

#[test]
fn events_computed_with_other_settings_are_noticed_until_regrouped() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path(), chorus_pipeline::Config::default());
    first.store(&[article("a", "Quay News", CRANE)]).unwrap();
    let r = first.refresh_if_outdated().unwrap().unwrap();
    assert!(!r.settings_changed);
    drop(first);

    let mut other = chorus_pipeline::Config::default();
    other.clean.furniture_min_articles += 1;
    let second = open(dir.path(), other.clone());
    second
        .store(&[article("b", "Harbour Courier", FERRY)])
        .unwrap();
    let r = second.refresh_if_outdated().unwrap().unwrap();
    assert!(
        r.settings_changed,
        "the stored events came from other settings"
    );
    let r = second.refresh(Grouping::Regroup).unwrap();
    assert!(!r.settings_changed);
    drop(second);

    let third = open(dir.path(), other);
    third.store(&[article("c", "Quay News", FERRY)]).unwrap();
    let r = third.refresh_if_outdated().unwrap().unwrap();
    assert!(!r.settings_changed, "regrouping recorded the new settings");
}
