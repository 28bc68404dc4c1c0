//! The collection's entities kept by what changed equal those `group_collection` makes from
//! every stored event's entities at once (same names, kinds, events, mentions, aliases),
//! after each of five refreshes of real news (the first 400 articles of `../shared/data/
//! gva-dev`, a fifth more each time, digested whole so that events grow, split and change
//! id as they do in a collection).

mod backends;

use backends::Backend;
use chorus_model::{Article, Entity};
use chorus_store::{Collection, EntitySummary};
use std::collections::BTreeSet;

/// An entity as compared: name, kind, its events, mentions, its names, its sources.
type Compared = (String, String, Vec<String>, usize, Vec<String>, Vec<String>);

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

fn compared(e: &EntitySummary) -> Compared {
    let mut names = e.aliases.clone();
    names.push(e.name.clone());
    (
        e.name.clone(),
        e.kind.as_str().to_string(),
        sorted(&e.events),
        e.mentions,
        sorted(&names),
        sorted(&e.sources),
    )
}

/// `group_collection` over every stored event's entities, in the order events are listed.
fn all_at_once(store: &dyn Collection) -> BTreeSet<Compared> {
    let events = store.all_events().unwrap();
    let listed: Vec<(&str, &Entity)> = events
        .iter()
        .flat_map(|e| e.entities.iter().map(move |x| (e.id.as_str(), x)))
        .collect();
    chorus_entities::group_collection(&listed)
        .into_iter()
        .map(|g| {
            let mut s = EntitySummary {
                id: String::new(),
                name: g.name,
                kind: g.kind,
                aliases: Vec::new(),
                mentions: 0,
                sources: Vec::new(),
                events: Vec::new(),
            };
            let mut names = BTreeSet::new();
            let mut sources = BTreeSet::new();
            let mut events = BTreeSet::new();
            for &m in &g.members {
                let (event, e) = listed[m];
                s.mentions += e.mentions;
                names.insert(e.name.clone());
                names.extend(e.aliases.iter().cloned());
                sources.extend(e.sources.iter().cloned());
                events.insert(event.to_string());
            }
            names.remove(&s.name);
            s.aliases = names.into_iter().collect();
            s.sources = sources.into_iter().collect();
            s.events = events.into_iter().collect();
            compared(&s)
        })
        .collect()
}

fn articles() -> Option<Vec<Article>> {
    let dir = chorus_testdata::shared("gva-dev")?;
    let text = std::fs::read_to_string(dir.join("articles.jsonl")).unwrap();
    Some(
        text.lines()
            .take(400)
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let s = |k: &str| v[k].as_str().map(str::to_string);
                Article {
                    id: s("id").unwrap(),
                    source: s("source").unwrap_or_default(),
                    title: s("title"),
                    url: s("url"),
                    published: s("published"),
                    language: s("language"),
                    body: s("text").unwrap(),
                    ..Article::default()
                }
            })
            .collect(),
    )
}

fn refreshes_keep_the_entities_of_all_at_once(backend: Backend) {
    let Some(articles) = articles() else {
        return;
    };
    let store = backend.open();
    for batch in 1..=5 {
        let part = articles[..articles.len() * batch / 5].to_vec();
        store.add_articles(&part).unwrap();
        let mut report = chorus_pipeline::digest(part, Vec::new(), &Default::default());
        assert!(store.set_events(&mut report, &[]).unwrap());
        let kept: BTreeSet<Compared> = store.entities().unwrap().iter().map(compared).collect();
        let want = all_at_once(&*store);
        let only_kept: Vec<_> = kept.difference(&want).take(3).collect();
        let only_want: Vec<_> = want.difference(&kept).take(3).collect();
        assert!(
            only_kept.is_empty() && only_want.is_empty(),
            "batch {batch}: kept only {only_kept:?}\nall at once only {only_want:?}"
        );
        let ids: BTreeSet<String> = store
            .entities()
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(
            ids.len(),
            kept.len(),
            "batch {batch}: entity ids are unique"
        );
    }
}

on_both!(refreshes_keep_the_entities_of_all_at_once);
