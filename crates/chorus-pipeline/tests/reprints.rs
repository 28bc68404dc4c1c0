//! One wire story reprinted hundreds of times, once with a figure changed: the event shows
//! that difference as it does among three outlets (figures repeated by every reprint are
//! paired by kind, not copy by copy, which was quadratic in the reprints).

use chorus_model::{Article, Difference};
use std::path::Path;

/// The differences of `articles` reprints of the story spread over `outlets` outlets; the
/// second reprint changed a figure.
fn reprints(articles: usize, outlets: usize) -> Vec<Difference> {
    let story = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/corpus/meridian-wire/port-strike.md"),
    )
    .unwrap();
    assert!(story.contains("31 vessels"));
    let articles: Vec<Article> = (0..articles)
        .map(|k| Article {
            id: format!("reprint-{k}"),
            source: format!("Outlet {}", k % outlets),
            published: Some("2026-04-14".into()),
            body: if k == 1 {
                story.replace("31 vessels", "34 vessels")
            } else {
                story.clone()
            },
            ..Article::default()
        })
        .collect();
    let report = chorus_pipeline::digest(articles, vec![], &Default::default());
    assert_eq!(report.events.len(), 1);
    report.events[0].differences.clone()
}

#[test]
fn a_figure_one_of_many_reprints_changed_is_a_difference() {
    let few = reprints(3, 3);
    // Ten reprints at each of 30 outlets: outlet 1 gives both figures.
    let many = reprints(300, 30);
    // What the difference is about, its values, and how many outlets give a version.
    let vessels = |d: &[Difference]| -> (String, Vec<String>, usize) {
        let found = d
            .iter()
            .find(|d| d.versions.iter().any(|v| v.value == "34 vessels"))
            .expect("the changed figure is a difference");
        let mut values: Vec<String> = found.versions.iter().map(|v| v.value.clone()).collect();
        values.sort();
        values.dedup();
        (found.about.clone(), values, found.versions.len())
    };
    let (about, values, outlets) = vessels(&few);
    assert_eq!(values, ["31 vessels", "34 vessels"]);
    assert_eq!(outlets, 3);
    assert_eq!(vessels(&many), (about, values, 31));
    assert_eq!(few.len(), many.len());
}
