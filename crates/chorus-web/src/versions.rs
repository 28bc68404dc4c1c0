//! What changed between the stored versions of an article (same id or URL, new text): per
//! version after the first, the paragraphs it added and those it dropped, and a changed
//! title or date. Shown on the article page and given by `/api/articles/{id}`.

use chorus_store::ArticleVersion;
use serde::Serialize;
use std::collections::HashSet;

/// One version and how it differs from the one before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct VersionChange {
    pub(crate) version: u32,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
    /// Paragraphs not in the version before (all of them for the first).
    pub(crate) added: Vec<String>,
    /// Paragraphs of the version before that this one dropped.
    pub(crate) removed: Vec<String>,
    pub(crate) title_changed: bool,
}

fn paragraphs(body: &str) -> Vec<&str> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The changes of each version, oldest first.
pub(crate) fn changes(versions: &[ArticleVersion]) -> Vec<VersionChange> {
    let mut out = Vec::with_capacity(versions.len());
    let mut before: Option<&ArticleVersion> = None;
    for v in versions {
        let now = paragraphs(&v.body);
        let then = before.map(|b| paragraphs(&b.body)).unwrap_or_default();
        let (now_set, then_set): (HashSet<&str>, HashSet<&str>) = (
            now.iter().copied().collect(),
            then.iter().copied().collect(),
        );
        out.push(VersionChange {
            version: v.version,
            title: v.title.clone(),
            published: v.published.clone(),
            added: now
                .iter()
                .filter(|p| !then_set.contains(*p))
                .map(|p| p.to_string())
                .collect(),
            removed: then
                .iter()
                .filter(|p| !now_set.contains(*p))
                .map(|p| p.to_string())
                .collect(),
            title_changed: before.is_some_and(|b| b.title != v.title),
        });
        before = Some(v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_names_the_paragraphs_it_added_and_dropped() {
        let v = |n: u32, title: &str, body: &str| ArticleVersion {
            version: n,
            title: Some(title.into()),
            published: None,
            body: body.into(),
        };
        let got = changes(&[
            v(1, "Dam holds", "The dam held.\n\nRain fell."),
            v(2, "Dam holds", "The dam held.\n\nRoads reopened."),
            v(
                3,
                "Dam holds, roads open",
                "The dam held.\n\nRoads reopened.",
            ),
        ]);
        assert_eq!(got[0].added, ["The dam held.", "Rain fell."]);
        assert!(got[0].removed.is_empty() && !got[0].title_changed);
        assert_eq!(
            (got[1].added.as_slice(), got[1].removed.as_slice()),
            (
                &["Roads reopened.".to_string()][..],
                &["Rain fell.".to_string()][..]
            )
        );
        assert!(got[2].added.is_empty() && got[2].removed.is_empty() && got[2].title_changed);
    }
}
