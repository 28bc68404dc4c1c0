//! An event's story over time: per day of publication, the articles that arrived, the facts
//! first reported that day and the figures that changed (a difference's value not given on
//! an earlier day). Read from the event and its articles' dates; nothing is recomputed.

use chorus_model::{Citation, Event, ReportArticle, TimelineDay, TimelineFact, TimelineFigure};
use std::collections::{BTreeMap, HashMap};

/// The event's days, oldest first. Undated articles belong to no day, and a fact cited only
/// in undated articles appears on none.
pub fn timeline(event: &Event, articles: &[ReportArticle]) -> Vec<TimelineDay> {
    let days: HashMap<&str, &str> = articles
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.published.as_deref()?.get(..10)?)))
        .collect();
    let outlet: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.source.as_str()))
        .collect();
    let mut out: BTreeMap<String, TimelineDay> = BTreeMap::new();
    fn entry<'a>(out: &'a mut BTreeMap<String, TimelineDay>, day: &str) -> &'a mut TimelineDay {
        out.entry(day.to_string()).or_insert_with(|| TimelineDay {
            day: day.to_string(),
            articles: Vec::new(),
            new_facts: Vec::new(),
            changed_figures: Vec::new(),
        })
    }
    for a in &event.articles {
        if let Some(day) = days.get(a.as_str()) {
            entry(&mut out, day).articles.push(a.clone());
        }
    }
    // A fact's first day and the outlets that stated it then.
    let first = |citations: &[Citation]| -> Option<(&str, Vec<String>)> {
        let day = citations
            .iter()
            .filter_map(|c| days.get(c.article.as_str()).copied())
            .min()?;
        let mut sources: Vec<String> = citations
            .iter()
            .filter(|c| days.get(c.article.as_str()) == Some(&day))
            .filter_map(|c| outlet.get(c.article.as_str()).map(|s| s.to_string()))
            .collect();
        sources.sort();
        sources.dedup();
        Some((day, sources))
    };
    let facts = event
        .corroborated
        .iter()
        .map(|f| (&f.text, &f.citations, true))
        .chain(
            event
                .single_source
                .iter()
                .map(|f| (&f.text, &f.citations, false)),
        );
    for (text, citations, corroborated) in facts {
        if let Some((day, sources)) = first(citations) {
            entry(&mut out, day).new_facts.push(TimelineFact {
                text: text.clone(),
                sources,
                corroborated,
            });
        }
    }
    for d in &event.differences {
        let mut dated: Vec<(&str, &chorus_model::Version)> = d
            .versions
            .iter()
            .filter_map(|v| Some((*days.get(v.citation.article.as_str())?, v)))
            .collect();
        dated.sort_by(|a, b| a.0.cmp(b.0));
        let mut earlier: Vec<String> = Vec::new();
        let mut earlier_day: Option<&str> = None;
        let mut seen_before_today: Vec<String> = Vec::new();
        for (day, v) in dated {
            if earlier_day != Some(day) {
                seen_before_today.clone_from(&earlier);
                earlier_day = Some(day);
            }
            if !seen_before_today.is_empty() && !seen_before_today.contains(&v.value) {
                entry(&mut out, day).changed_figures.push(TimelineFigure {
                    about: d.about.clone(),
                    value: v.value.clone(),
                    source: v.source.clone(),
                    earlier: seen_before_today.clone(),
                });
            }
            if !earlier.contains(&v.value) {
                earlier.push(v.value.clone());
            }
        }
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, source: &str, day: Option<&str>) -> ReportArticle {
        ReportArticle {
            id: id.into(),
            path: None,
            source: source.into(),
            title: None,
            url: None,
            published: day.map(str::to_string),
            language: None,
            text: String::new(),
            removed: Vec::new(),
            source_decoded_from: None,
        }
    }

    fn cite(article: &str) -> serde_json::Value {
        serde_json::json!({"article": article, "start": 0, "end": 1})
    }

    #[test]
    fn facts_and_figures_fall_on_the_day_they_were_first_reported() {
        let event: Event = serde_json::from_value(serde_json::json!({
            "id": "e1", "title": "t", "articles": ["a", "b", "c", "u"],
            "sources": ["Wire", "Daily", "Post"], "first_published": null, "last_published": null,
            "members": [], "shared_terms": [], "account": [],
            "corroborated": [{"text": "The dam broke.", "sources": ["Wire", "Daily"],
                              "citations": [cite("b"), cite("a")]}],
            "single_source": [{"text": "Nine were hurt.", "source": "Post", "citations": [cite("c")]},
                              {"text": "Said only undated.", "source": "Post", "citations": [cite("u")]}],
            "differences": [{"about": "injured", "versions": [
                {"text": "12 hurt", "source": "Wire", "citation": cite("a"), "value": "12"},
                {"text": "12 hurt", "source": "Daily", "citation": cite("b"), "value": "12"},
                {"text": "9 hurt", "source": "Post", "citation": cite("c"), "value": "nine"}]}],
            "quotes": [], "entities": []
        }))
        .unwrap();
        let articles = [
            article("a", "Wire", Some("2026-03-16T08:00:00Z")),
            article("b", "Daily", Some("2026-03-17")),
            article("c", "Post", Some("2026-03-18")),
            article("u", "Post", None),
        ];
        let days = timeline(&event, &articles);
        let shape: Vec<(&str, usize, Vec<&str>, Vec<&str>)> = days
            .iter()
            .map(|d| {
                (
                    d.day.as_str(),
                    d.articles.len(),
                    d.new_facts.iter().map(|f| f.text.as_str()).collect(),
                    d.changed_figures.iter().map(|f| f.value.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("2026-03-16", 1, vec!["The dam broke."], vec![]),
                ("2026-03-17", 1, vec![], vec![]),
                ("2026-03-18", 1, vec!["Nine were hurt."], vec!["nine"]),
            ]
        );
        assert_eq!(days[0].new_facts[0].sources, ["Wire"]);
        assert!(days[0].new_facts[0].corroborated);
        assert_eq!(days[2].changed_figures[0].earlier, ["12"]);
    }
}
