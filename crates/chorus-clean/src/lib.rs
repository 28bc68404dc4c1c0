//! Cleaning: splits bodies into paragraphs, normalises them with an offset map, removes site
//! furniture (promo and navigation lines, related-link lists, lines one outlet repeats across
//! its articles) and paragraphs repeated inside one article, records every removal, and
//! segments the kept text into sentences.

mod furniture;
mod paragraphs;

use chorus_model::{
    AlignedText, Article, CleanArticle, Removal, RemovalKind, Sentence, RECURS_IN_OUTLET,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashSet};

pub use furniture::{furniture_reason, is_link_label, looks_like_link};
pub use paragraphs::paragraphs;

/// Settings for cleaning; the defaults were chosen on the seed articles and the example
/// corpus, and checked against `multinews-val` for lost story text.
#[derive(Debug, Clone)]
pub struct CleanConfig {
    /// A line is outlet furniture when it recurs in at least this many articles of one outlet.
    pub furniture_min_articles: usize,
    /// Two articles sharing more than this fraction of their other paragraphs are versions of
    /// one story (or one wire text); lines they share are story, not furniture.
    pub version_overlap: f32,
    /// Longest paragraph (in words) the promo rules may remove.
    pub promo_max_words: usize,
}

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {
            furniture_min_articles: 2,
            version_overlap: 0.5,
            promo_max_words: 60,
        }
    }
}

struct Para {
    body: std::ops::Range<usize>,
    text: String,
    key: String,
}

/// A paragraph as its lower-cased letters, digits and spaces (what outlet furniture is matched
/// on). ASCII text is done in one pass.
fn key_of(text: &str) -> String {
    if text.is_ascii() {
        return text
            .bytes()
            .map(char::from)
            .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
    }
    text.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// Cleans all articles together (furniture is learned across the articles of each outlet).
pub fn clean(articles: Vec<Article>, config: &CleanConfig) -> Vec<CleanArticle> {
    clean_knowing(articles, config, &BTreeMap::new())
}

/// [`clean`], with lines already known to be furniture of an outlet (`known`: outlet → the
/// paragraphs removed from its articles as [`RECURS_IN_OUTLET`] before) removed as furniture
/// too, whatever the articles given show. A collection cleans again only a part of an
/// outlet's articles at a time; what recurs across the rest stays furniture.
pub fn clean_knowing(
    articles: Vec<Article>,
    config: &CleanConfig,
    known: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<CleanArticle> {
    // Articles are read in parallel; the outlet-wide step in between needs them all.
    let paras: Vec<Vec<Para>> = articles
        .par_iter()
        .map(|a| {
            paragraphs(&a.body)
                .into_iter()
                .map(|r| {
                    let text = chorus_text::normalized(&a.body[r.clone()]);
                    let key = key_of(&text);
                    Para { body: r, text, key }
                })
                .filter(|p| !p.text.is_empty())
                .collect()
        })
        .collect();
    let mut furniture = outlet_furniture(&articles, &paras, config);
    for (source, lines) in known {
        let keys = lines.iter().map(|l| key_of(&chorus_text::normalized(l)));
        furniture
            .entry(source.clone())
            .or_default()
            .extend(keys.filter(|k| !k.is_empty()));
    }
    articles
        .into_par_iter()
        .zip(paras)
        .map(|(article, paras)| {
            let recurring = furniture.get(&article.source);
            clean_one(article, paras, recurring, config)
        })
        .collect()
}

/// Per outlet, the paragraph keys that recur across articles which are otherwise different.
fn outlet_furniture(
    articles: &[Article],
    paras: &[Vec<Para>],
    config: &CleanConfig,
) -> BTreeMap<String, HashSet<String>> {
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        // An article without a source is its own outlet: it shares furniture with none.
        if !a.source.is_empty() {
            by_source.entry(a.source.as_str()).or_default().push(i);
        }
    }
    let mut out = BTreeMap::new();
    for (source, idx) in by_source {
        if idx.len() < config.furniture_min_articles {
            continue;
        }
        let keys: Vec<BTreeSet<&str>> = idx
            .iter()
            .map(|&i| {
                paras[i]
                    .iter()
                    .map(|p| p.key.as_str())
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .collect();
        // Which articles hold each key.
        let mut holders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (j, ks) in keys.iter().enumerate() {
            for k in ks {
                holders.entry(k).or_default().push(j);
            }
        }
        // Overlap of two articles beyond the line in question. Two articles that are nothing
        // but the line are one text twice when it runs longer than promo lines do (a
        // one-paragraph story stored under two ids); a short one is still a placeholder.
        let versions = |a: usize, b: usize, line: &str| {
            if keys[a].len() == 1
                && keys[b].len() == 1
                && line.split_whitespace().count() > config.promo_max_words
            {
                return true;
            }
            let shared = keys[a].intersection(&keys[b]).count().saturating_sub(1) as f32;
            let smaller = keys[a].len().min(keys[b].len()).saturating_sub(1).max(1) as f32;
            shared / smaller > config.version_overlap
        };
        let mut set = HashSet::new();
        for (k, hs) in holders {
            if hs.len() < config.furniture_min_articles {
                continue;
            }
            // Count holders that are not versions of an earlier counted holder.
            let mut independent: Vec<usize> = Vec::new();
            for &h in &hs {
                if independent.iter().all(|&o| !versions(o, h, k)) {
                    independent.push(h);
                }
            }
            if independent.len() >= config.furniture_min_articles {
                set.insert(k.to_string());
            }
        }
        if !set.is_empty() {
            out.insert(source.to_string(), set);
        }
    }
    out
}

fn clean_one(
    article: Article,
    paras: Vec<Para>,
    recurring: Option<&HashSet<String>>,
    config: &CleanConfig,
) -> CleanArticle {
    let mut seen = HashSet::new();
    let mut in_link_list = false;
    let mut reasons: Vec<Option<(RemovalKind, &'static str)>> = Vec::with_capacity(paras.len());
    for p in &paras {
        let reason = if recurring.is_some_and(|r| r.contains(&p.key)) {
            Some((RemovalKind::Boilerplate, RECURS_IN_OUTLET))
        } else if let Some(r) = furniture_reason(&p.text, config.promo_max_words) {
            Some((RemovalKind::Boilerplate, r))
        } else if in_link_list && looks_like_link(&p.text) {
            Some((RemovalKind::Boilerplate, "related_links"))
        } else if !p.key.trim().is_empty() && seen.contains(&p.key) {
            Some((RemovalKind::RepeatedParagraph, "repeated_in_article"))
        } else {
            None
        };
        in_link_list = match reason {
            Some((RemovalKind::Boilerplate, "related_links")) => true,
            Some((RemovalKind::Boilerplate, _)) => is_link_label(&p.text),
            _ => false,
        };
        if reason.is_none() {
            seen.insert(p.key.clone());
        }
        reasons.push(reason);
    }
    // A web archive's page about a crawl (its notices, then the crawl's dates and counts)
    // is no story: when archive notices outweigh what is left, the rest goes with them. A
    // story captured under an archive's banner keeps its text, which outweighs the banner.
    let (mut notices, mut rest) = (0, 0);
    if reasons
        .iter()
        .any(|r| matches!(r, Some((_, "archive_notice"))))
    {
        for (p, r) in paras.iter().zip(&reasons) {
            match r {
                Some((_, "archive_notice")) => notices += p.text.split_whitespace().count(),
                None => rest += p.text.split_whitespace().count(),
                Some(_) => {}
            }
        }
    }
    if notices > rest {
        for r in reasons.iter_mut().filter(|r| r.is_none()) {
            *r = Some((RemovalKind::Boilerplate, "archive_page"));
        }
    }
    let mut clean = AlignedText::default();
    let mut kept = Vec::new();
    let mut sentences = Vec::new();
    let mut removed = Vec::new();
    for (p, reason) in paras.iter().zip(reasons) {
        if let Some((kind, why)) = reason {
            removed.push(Removal {
                kind,
                text: p.text.clone(),
                reason: why.to_string(),
                body_start: p.body.start,
                body_end: p.body.end,
            });
            continue;
        }
        if !clean.text.is_empty() {
            clean.push_synthetic("\n\n");
        }
        let start = clean.text.len();
        chorus_text::normalize_into(&article.body, p.body.clone(), &mut clean);
        let end = clean.text.len();
        let index = kept.len();
        kept.push(start..end);
        for r in chorus_text::sentences(&clean.text[start..end]) {
            sentences.push(Sentence {
                start: start + r.start,
                end: start + r.end,
                paragraph: index,
            });
        }
    }
    CleanArticle {
        article,
        clean,
        paragraphs: kept,
        sentences,
        removed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// A story of one paragraph, longer than any promo line (61+ words).
    const LONG_ONE_PARAGRAPH: &str = "The ferry Quillon returned to Tessaly harbour on Sunday \
        after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said. Captain \
        Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said \
        the crossing to the outer islands would resume on Monday morning with the first sailing \
        at seven. Islanders had relied on a smaller chartered boat since the spring, and freight \
        had piled up on both quays.";

    fn check(articles: Vec<Article>, expect: Expect) {
        let cleaned = clean(articles, &CleanConfig::default());
        let mut out = String::new();
        for c in &cleaned {
            out.push_str(&format!("== {}\n", c.article.id));
            for s in &c.sentences {
                out.push_str(&format!("  | {}\n", c.sentence_text(s)));
                let body = c.clean.to_body(s.start..s.end).unwrap();
                assert_eq!(
                    chorus_text::normalized(&c.article.body[body]),
                    c.sentence_text(s),
                    "sentence maps back to its source bytes"
                );
            }
            for r in &c.removed {
                out.push_str(&format!(
                    "  - {} ({}): {}\n",
                    r.kind.as_str(),
                    r.reason,
                    r.text
                ));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn lines_known_as_an_outlets_furniture_stay_furniture_of_that_outlet_only() {
        let known = BTreeMap::from([(
            "Daily Ink".to_string(),
            BTreeSet::from(["Lights out at nine.".to_string()]),
        )]);
        let body = "The ferry resumes the island crossing on Monday.\n\nLights out at nine.";
        let cleaned = clean_knowing(
            vec![
                Article::new("ink", "Daily Ink", body),
                Article::new("other", "Harbour Post", body),
            ],
            &CleanConfig::default(),
            &known,
        );
        let reasons = |c: &CleanArticle| -> Vec<String> {
            c.removed.iter().map(|r| r.reason.clone()).collect()
        };
        // Alone among its outlet's articles, the line is still the outlet's furniture.
        assert_eq!(reasons(&cleaned[0]), [RECURS_IN_OUTLET]);
        assert_eq!(
            cleaned[0].text(),
            "The ferry resumes the island crossing on Monday."
        );
        // Another outlet learned no such line.
        assert!(reasons(&cleaned[1]).is_empty());
        assert!(cleaned[1].text().ends_with("Lights out at nine."));
    }

    #[test]
    fn a_page_about_a_crawl_goes_whole_and_a_story_under_a_banner_stays() {
        check(
            vec![
                Article::new(
                    "crawl",
                    "X",
                    "Web wide crawl with initial seedlist and crawler configuration from March.\n\nCrawl start date: 09 March\n\nNumber of hosts: 29,032,069\n\nThe seed list for this crawl was a list of the top sites on the web, retrieved close to the crawl start date.\n",
                ),
                Article::new(
                    "story",
                    "Y",
                    "These crawls are part of an effort to archive pages as they are created.\n\nThe ferry Quillon returned to Tessaly harbour on Sunday after a refit in Vornholt, the Tessaly Ferry Company said. Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early.\n\nThe ferry resumes the island crossing on Monday.\n",
                ),
            ],
            expect![[r#"
                == crawl
                  - boilerplate (archive_notice): Web wide crawl with initial seedlist and crawler configuration from March.
                  - boilerplate (archive_page): Crawl start date: 09 March
                  - boilerplate (archive_page): Number of hosts: 29,032,069
                  - boilerplate (archive_notice): The seed list for this crawl was a list of the top sites on the web, retrieved close to the crawl start date.
                == story
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a refit in Vornholt, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early.
                  | The ferry resumes the island crossing on Monday.
                  - boilerplate (archive_notice): These crawls are part of an effort to archive pages as they are created.
            "#]],
        );
    }

    #[test]
    fn promo_lines_link_lists_and_repeats_are_removed() {
        check(
            vec![Article::new(
                "a",
                "X",
                "The dam  burst on Monday. Mr. Lee   said so.\nRead more:\nWhy the dam failed\nWho built it – and when?\nWater reached the town by noon.\nThe dam  burst on Monday. Mr. Lee   said so.\nPlease refresh this page for the latest version.\nDownload our app and follow us for alerts on your phone.\n",
            )],
            expect![[r#"
                == a
                  | The dam burst on Monday.
                  | Mr. Lee said so.
                  | Water reached the town by noon.
                  - boilerplate (link_label): Read more:
                  - boilerplate (related_links): Why the dam failed
                  - boilerplate (related_links): Who built it – and when?
                  - repeated_paragraph (repeated_in_article): The dam burst on Monday. Mr. Lee said so.
                  - boilerplate (promo): Please refresh this page for the latest version.
                  - boilerplate (promo): Download our app and follow us for alerts on your phone.
            "#]],
        );
    }

    #[test]
    fn recurring_lines_are_furniture_but_not_in_versions_copies_or_across_unnamed_outlets() {
        check(
            vec![
                Article::new("a", "X", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
                Article::new("b", "X", "A new mayor was elected.\n\nIt was the Daily Ink.\n"),
                Article::new("c", "Y", "Floods hit the north.\n\nIt was the Daily Ink.\n"),
                Article::new("d", "Z", "Rain fell all week.\n\nRivers rose fast.\n\nRoads shut.\n\nThe town flooded.\n"),
                Article::new("e", "Z", "Rain fell all week.\n\nRivers rose fast.\n\nRoads shut.\n\nThe town flooded twice.\n"),
                Article::new("f", "W", LONG_ONE_PARAGRAPH),
                Article::new("g", "W", LONG_ONE_PARAGRAPH),
                Article::new("j", "V", "This page is temporarily unavailable."),
                Article::new("k", "V", "This page is temporarily unavailable."),
                Article::new("h", "", "Lights out at nine.\n\nWith no outlet named."),
                Article::new("i", "", "Lights out at nine.\n\nEach one is its own outlet."),
            ],
            expect![[r#"
                == a
                  | Floods hit the north.
                  - boilerplate (recurs_in_outlet): It was the Daily Ink.
                == b
                  | A new mayor was elected.
                  - boilerplate (recurs_in_outlet): It was the Daily Ink.
                == c
                  | Floods hit the north.
                  | It was the Daily Ink.
                == d
                  | Rain fell all week.
                  | Rivers rose fast.
                  | Roads shut.
                  | The town flooded.
                == e
                  | Rain fell all week.
                  | Rivers rose fast.
                  | Roads shut.
                  | The town flooded twice.
                == f
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said the crossing to the outer islands would resume on Monday morning with the first sailing at seven.
                  | Islanders had relied on a smaller chartered boat since the spring, and freight had piled up on both quays.
                == g
                  | The ferry Quillon returned to Tessaly harbour on Sunday after a three-month refit at the Vornholt yard, the Tessaly Ferry Company said.
                  | Captain Ysolde Brackwater thanked the crew and the yard for finishing two weeks early, and said the crossing to the outer islands would resume on Monday morning with the first sailing at seven.
                  | Islanders had relied on a smaller chartered boat since the spring, and freight had piled up on both quays.
                == j
                  - boilerplate (recurs_in_outlet): This page is temporarily unavailable.
                == k
                  - boilerplate (recurs_in_outlet): This page is temporarily unavailable.
                == h
                  | Lights out at nine.
                  | With no outlet named.
                == i
                  | Lights out at nine.
                  | Each one is its own outlet.
            "#]],
        );
    }

    #[test]
    fn story_sentences_that_mention_apps_or_quotes_stay() {
        check(
            vec![Article::new(
                "a",
                "X",
                "The company said its new app would send flood alerts to phones.\n“You can follow us anywhere,” the rebel leader told our reporter, “and refresh nothing.”\n",
            )],
            expect![[r#"
                == a
                  | The company said its new app would send flood alerts to phones.
                  | “You can follow us anywhere,” the rebel leader told our reporter, “and refresh nothing.”
            "#]],
        );
    }
}
