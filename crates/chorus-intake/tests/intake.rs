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
    // `--timings` says each part of storing: the store's own measures come through.
    let stored = r.phases.store;
    assert!(
        [stored.events, stored.entities, stored.texts, stored.commit]
            .iter()
            .all(|d| !d.is_zero()),
        "{stored:?}"
    );
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

fn dated(id: &str, source: &str, day: &str, body: &str) -> Article {
    Article {
        published: Some(day.into()),
        ..article(id, source, body)
    }
}

/// The event holding `id`, as stored: its id and its articles.
fn event_of(intake: &Intake, id: &str) -> (String, Vec<String>) {
    let stored = intake.collection().article(id).unwrap().unwrap();
    assert_eq!(stored.events.len(), 1, "{id} is in one event");
    let event = intake
        .collection()
        .event(&stored.events[0])
        .unwrap()
        .unwrap();
    let mut articles = event.articles.clone();
    articles.sort();
    (event.id, articles)
}

const CRANE_AGAIN: &str = "Two dock workers were hurt when a crane at Brindle harbour \
                           collapsed on Sunday, the harbour master said.";

/// A crane story on 7–8 January, then a ferry story on 20 January: with a window of a week,
/// the crane event is closed by then.
fn crane_then_ferry(open_days: Option<u32>) -> (tempfile::TempDir, Intake) {
    let dir = tempfile::tempdir().unwrap();
    let intake = open(dir.path(), chorus_pipeline::Config::default()).with_open_days(open_days);
    intake
        .post(
            &[
                dated("jan-1", "Quay News", "2024-01-07", CRANE),
                dated("jan-2", "Harbour Courier", "2024-01-08", CRANE_AGAIN),
            ],
            &[],
        )
        .unwrap();
    intake
        .post(
            &[
                dated("mar-1", "Quay News", "2024-01-20", FERRY),
                dated("mar-2", "Harbour Courier", "2024-01-20", FERRY),
            ],
            &[],
        )
        .unwrap();
    (dir, intake)
}

#[test]
fn a_closed_event_is_no_candidate_and_is_not_read_again() {
    let (_dir, intake) = crane_then_ferry(Some(7));
    let before = event_of(&intake, "jan-1");
    assert_eq!(before.1, ["jan-1", "jan-2"]);
    intake
        .store(&[dated("late", "Tide Times", "2024-01-21", CRANE_AGAIN)])
        .unwrap();
    let r = intake.refresh_if_outdated().unwrap().unwrap();
    // Only the ferry event's articles and the new one were read, cleaned and grouped.
    assert_eq!(r.articles, 3);
    assert_eq!(
        event_of(&intake, "jan-1"),
        before,
        "the closed event stays as stored"
    );
    assert_ne!(event_of(&intake, "late").0, before.0);
    assert_eq!(intake.collection().stats().unwrap().events, 3);
    // The collection's entities still hold the closed event's, which was not read.
    let closed = intake.collection().event(&before.0).unwrap().unwrap();
    assert!(!closed.entities.is_empty());
    let listed = intake.collection().entities().unwrap();
    for e in &closed.entities {
        let summary = listed
            .iter()
            .find(|s| s.kind == e.kind && s.name.eq_ignore_ascii_case(&e.name))
            .unwrap_or_else(|| panic!("{} is listed", e.name));
        assert!(summary.events.contains(&before.0), "{summary:?}");
    }
}

#[test]
fn without_a_window_the_same_article_joins_the_crane_event() {
    // The control of the test above: the late article is the crane story, and joins it when
    // its event is open.
    let (_dir, intake) = crane_then_ferry(None);
    let before = event_of(&intake, "jan-1");
    intake
        .store(&[dated("late", "Tide Times", "2024-01-21", CRANE_AGAIN)])
        .unwrap();
    let r = intake.refresh_if_outdated().unwrap().unwrap();
    assert_eq!(r.articles, 5);
    assert_eq!(event_of(&intake, "late").0, before.0);
}

#[test]
fn an_article_dated_inside_a_closed_event_can_still_join_it() {
    let (_dir, intake) = crane_then_ferry(Some(7));
    let before = event_of(&intake, "jan-1");
    intake
        .store(&[dated("found", "Tide Times", "2024-01-08", CRANE_AGAIN)])
        .unwrap();
    let r = intake.refresh_if_outdated().unwrap().unwrap();
    assert_eq!(
        r.articles, 5,
        "the crane event is reopened for this refresh"
    );
    let after = event_of(&intake, "found");
    assert_eq!(after.0, before.0);
    assert_eq!(after.1, ["found", "jan-1", "jan-2"]);
    // Regrouping from scratch gives the same events.
    let events = |i: &Intake| {
        let mut v: Vec<Vec<String>> = i
            .collection()
            .all_events()
            .unwrap()
            .into_iter()
            .map(|e| {
                let mut a = e.articles;
                a.sort();
                a
            })
            .collect();
        v.sort();
        v
    };
    let incremental = events(&intake);
    intake.refresh(Grouping::Regroup).unwrap();
    assert_eq!(events(&intake), incremental);
}
