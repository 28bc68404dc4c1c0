//! The chorus pipeline as one pure function: articles in, report out. Chains the stages
//! clean → cluster → entities → account and assembles [`Report`]; no IO, no clock.

use chorus_account::AccountConfig;
use chorus_cluster::ClusterConfig;
use chorus_entities::EntityConfig;
use chorus_model::{
    Article, CleanArticle, Diagnostic, EntityKind, Event, EventMember, Report, ReportArticle,
    ReportRemoval,
};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

mod similarity;
mod timeline;
mod titles;
pub use chorus_clean::{
    article_lines, outlet_furniture_among, outlet_furniture_lines, CleanConfig,
};
pub use similarity::Comparer;
pub use timeline::timeline;
use titles::title;
pub use titles::{headline, quotation, Headline, SiteTitles};

/// Settings of every stage.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub clean: CleanConfig,
    pub cluster: ClusterConfig,
    pub entities: EntityConfig,
    pub account: AccountConfig,
}

/// Groups the articles into events and builds the report.
pub fn digest(articles: Vec<Article>, diagnostics: Vec<Diagnostic>, config: &Config) -> Report {
    digest_reusing(articles, diagnostics, config, Previous::default())
}

/// A report computed before, whose events can be kept as they are.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// Earlier events (their articles; the account parts, and with [`Grouping::Incremental`]
    /// the rest, of those that are kept).
    pub events: Vec<Event>,
    /// The cleaned text of every article of those events when they were computed.
    pub texts: BTreeMap<String, String>,
    /// Whether the earlier events are where grouping starts from or only accounts to reuse.
    pub grouping: Grouping,
}

/// How [`digest_reusing`] groups articles when there are earlier events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    /// The earlier events are kept as the grouping: articles not in one of them (or whose
    /// cleaned text changed since) are added to it online, and only the events they touch
    /// are repaired (see `chorus_cluster::Clusterer::restore`).
    #[default]
    Incremental,
    /// Every article is grouped again from scratch, as [`digest`] does.
    Regroup,
}

/// Like [`digest`], but starting from an earlier report: with [`Grouping::Incremental`] its
/// events are the grouping new articles join, and an event whose articles are exactly those
/// of an earlier event, each with the same cleaned text as then, keeps that event's account,
/// entities and title instead of computing them again (with [`Grouping::Incremental`] it is
/// kept whole: its members' similarities and shared terms and names too). Adding a few
/// articles to a large collection thus places only them, recomputes only the events they
/// touch and leaves the others exactly as they were. A kept
/// event is moved out of `previous`, not copied, so the earlier report and the new one do
/// not both hold it.
pub fn digest_reusing(
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
    config: &Config,
    previous: Previous,
) -> Report {
    let Previous {
        events,
        texts,
        grouping,
    } = previous;
    let earlier = Earlier {
        groups: events.iter().map(|e| e.articles.clone()).collect(),
        texts,
        grouping,
        furniture: None,
    };
    group_reusing(articles, config, earlier).assemble(events, diagnostics, config)
}

/// What grouping needs of a report computed before: the articles of its events and the
/// cleaned texts they were computed from, without the events themselves (which
/// [`Grouped::assemble`] takes once the grouping is done, so that a large collection's
/// stored events and its grouping state are not in memory at once).
#[derive(Debug, Clone, Default)]
pub struct Earlier {
    /// The article ids of each earlier event.
    pub groups: Vec<Vec<String>>,
    /// The cleaned text of every article of those events when they were computed.
    pub texts: BTreeMap<String, String>,
    /// Whether the earlier events are where grouping starts from or only accounts to reuse.
    pub grouping: Grouping,
    /// Per outlet, the lines that are its furniture, decided from the stored lines of all of
    /// its articles (`chorus_clean::outlet_furniture_lines`), when the articles given are
    /// only a part of the collection: an article read again among only some of its outlet's
    /// articles is cleaned as among all of them. `None`: learned from the articles given.
    /// Ignored with [`Grouping::Regroup`], which learns from scratch.
    pub furniture: Option<BTreeMap<String, HashSet<u64>>>,
}

/// The first half of [`digest_reusing`]: the articles cleaned and grouped, waiting for the
/// earlier events whose accounts they may keep.
pub struct Grouped {
    cleaned: Vec<CleanArticle>,
    clustering: chorus_cluster::Clustering,
    /// Whether each article's cleaned text is the one the earlier report was computed from.
    unchanged: Vec<bool>,
    grouping: Grouping,
    /// How long cleaning took (the rest of [`group_reusing`] is grouping).
    cleaning_time: Duration,
    /// The distinct lines of each cleaned article, in the order of `cleaned`.
    lines: Vec<Vec<u64>>,
}

/// Cleans the articles and groups them into events, starting from `earlier` as
/// [`digest_reusing`] does; [`Grouped::assemble`] finishes the report.
pub fn group_reusing(articles: Vec<Article>, config: &Config, earlier: Earlier) -> Grouped {
    let Earlier {
        groups,
        texts,
        grouping,
        furniture,
    } = earlier;
    // Grouped from scratch, the furniture is learned from scratch too.
    let furniture = match (&furniture, grouping) {
        (Some(decided), Grouping::Incremental) => chorus_clean::Furniture::Decided(decided),
        _ => chorus_clean::Furniture::Learned,
    };
    let start = Instant::now();
    let chorus_clean::Cleaned {
        articles: cleaned,
        lines,
    } = chorus_clean::clean_lined(articles, &config.clean, furniture);
    let cleaning_time = start.elapsed();
    // Whether each article's cleaned text is the one the earlier report was computed from:
    // asked once here, by the grouping and by the reuse of accounts alike.
    let unchanged: Vec<bool> = cleaned
        .par_iter()
        .map(|a| texts.get(&a.article.id).map(String::as_str) == Some(a.text()))
        .collect();
    drop(texts);
    let restore = (grouping == Grouping::Incremental).then_some(&groups[..]);
    let (cleaned, clustering) = group(cleaned, &config.cluster, restore, &unchanged);
    Grouped {
        cleaned,
        clustering,
        unchanged,
        grouping,
        cleaning_time,
        lines,
    }
}

impl Grouped {
    /// How long [`group_reusing`] took to clean the articles.
    pub fn cleaning_time(&self) -> Duration {
        self.cleaning_time
    }

    /// Each cleaned article's id, outlet and distinct lines (see
    /// [`chorus_clean::Cleaned::lines`]), for a collection to keep its outlets' line counts.
    pub fn lines(&self) -> impl Iterator<Item = (&str, &str, &[u64])> {
        self.cleaned.iter().zip(&self.lines).map(|(c, l)| {
            let a = &c.article;
            (a.id.as_str(), a.source.as_str(), &l[..])
        })
    }

    /// Builds the report: events over the grouped articles, each keeping the one of
    /// `earlier` (the events [`Earlier::groups`] listed the articles of) over the same
    /// articles with unchanged texts, as [`digest_reusing`] describes.
    pub fn assemble(
        self,
        earlier: Vec<Event>,
        diagnostics: Vec<Diagnostic>,
        config: &Config,
    ) -> Report {
        let Grouped {
            cleaned,
            clustering,
            unchanged,
            grouping,
            ..
        } = self;
        let chorus_cluster::Clustering {
            events,
            cohesion,
            shared_terms,
            shared_names,
            specifics,
            duplicates,
        } = clustering;
        let mut diagnostics = diagnostics;
        let groups: Vec<Group> = events
            .into_iter()
            .zip(shared_terms)
            .zip(shared_names)
            .zip(specifics)
            .filter(|(((members, _), _), _)| {
                // A page that cleaning left no story text in (a web archive's notice, an
                // embedded post's placeholder) is no story: it is named in the diagnostics
                // instead of making an event without an account.
                let empty = members.iter().all(|&i| cleaned[i].text().trim().is_empty());
                if empty {
                    diagnostics.extend(members.iter().map(|&i| no_story(&cleaned[i])));
                }
                !empty
            })
            .map(
                |(((members, shared_terms), shared_names), specifics)| Group {
                    members,
                    shared_terms,
                    shared_names,
                    specifics,
                },
            )
            .collect();
        let duplicates: Vec<Option<(String, &'static str)>> = duplicates
            .iter()
            .map(|d| d.map(|d| (cleaned[d.of].article.id.clone(), d.kind.as_str())))
            .collect();
        assemble(
            cleaned,
            groups,
            &cohesion,
            &duplicates,
            diagnostics,
            config,
            Reuse {
                earlier,
                unchanged: &unchanged,
                whole: grouping == Grouping::Incremental,
            },
        )
    }
}

/// Why an article is in no event: cleaning left no story text in it.
fn no_story(a: &CleanArticle) -> Diagnostic {
    let mut reasons: Vec<&str> = Vec::new();
    for r in &a.removed {
        if !reasons.contains(&r.reason.as_str()) {
            reasons.push(&r.reason);
        }
    }
    let removed = if reasons.is_empty() {
        String::new()
    } else {
        format!(" (removed as {})", reasons.join(", "))
    };
    Diagnostic {
        path: a.article.id.clone(),
        message: format!("no story text left after cleaning{removed}; not made an event"),
    }
}

/// Earlier events whose accounts may be kept, and which articles' cleaned texts are as then
/// (by default none: every event is computed).
#[derive(Default)]
struct Reuse<'a> {
    earlier: Vec<Event>,
    unchanged: &'a [bool],
    /// Whether a kept event is kept whole, why-together included (the earlier events were
    /// the grouping), or gets its members' similarities and shared terms and names anew
    /// (everything was grouped again).
    whole: bool,
}

/// Groups `cleaned` into events: from scratch, or (given the article ids of the earlier
/// events to restore) by restoring them over the articles they held with `unchanged` cleaned
/// text and adding the rest. The clustering takes the restored articles first and the
/// added ones after them; the returned articles and clustering are in the input order.
fn group(
    cleaned: Vec<CleanArticle>,
    config: &ClusterConfig,
    restore: Option<&[Vec<String>]>,
    unchanged: &[bool],
) -> (Vec<CleanArticle>, chorus_cluster::Clustering) {
    // The earlier event of each article still there with the same cleaned text.
    let mut earlier: Vec<Option<usize>> = vec![None; cleaned.len()];
    let restore = restore.unwrap_or_default();
    if !restore.is_empty() {
        let position: HashMap<&str, usize> = cleaned
            .iter()
            .enumerate()
            .map(|(i, a)| (a.article.id.as_str(), i))
            .collect();
        for (k, ids) in restore.iter().enumerate() {
            for id in ids {
                if let Some(&i) = position.get(id.as_str()) {
                    if earlier[i].is_none() && unchanged[i] {
                        earlier[i] = Some(k);
                    }
                }
            }
        }
    }
    let (kept, added): (Vec<_>, Vec<_>) = cleaned
        .into_iter()
        .enumerate()
        .partition(|(i, _)| earlier[*i].is_some());
    if kept.is_empty() {
        let cleaned: Vec<CleanArticle> = added.into_iter().map(|x| x.1).collect();
        let c = chorus_cluster::cluster(&cleaned, config);
        return (cleaned, c);
    }
    // order[p] = input index of the article the clustering sees at p.
    let (order, arranged): (Vec<usize>, Vec<CleanArticle>) = kept.into_iter().chain(added).unzip();
    let restored = earlier.iter().filter(|e| e.is_some()).count();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); restore.len()];
    for (p, &i) in order[..restored].iter().enumerate() {
        if let Some(k) = earlier[i] {
            groups[k].push(p);
        }
    }
    let (kept, added) = arranged.split_at(restored);
    let c = chorus_cluster::Clusterer::restore_adding(config.clone(), kept, &groups, added);
    let clustering = c.clustering().renumbered(&order);
    let mut back: Vec<(usize, CleanArticle)> = order.into_iter().zip(arranged).collect();
    back.sort_unstable_by_key(|x| x.0);
    (back.into_iter().map(|x| x.1).collect(), clustering)
}

/// The articles of one event and why they are together.
struct Group {
    members: Vec<usize>,
    shared_terms: Vec<String>,
    shared_names: Vec<String>,
    specifics: Vec<String>,
}

/// Treats all articles as one event (for `chorus summarize`).
pub fn summarize(articles: Vec<Article>, diagnostics: Vec<Diagnostic>, config: &Config) -> Report {
    let cleaned = chorus_clean::clean(articles, &config.clean);
    let all: Vec<usize> = (0..cleaned.len()).collect();
    let cohesion = vec![1.0; cleaned.len()];
    let groups = if all.is_empty() {
        vec![]
    } else {
        vec![Group {
            members: all,
            shared_terms: vec![],
            shared_names: vec![],
            specifics: vec![],
        }]
    };
    let duplicates = vec![None; cleaned.len()];
    assemble(
        cleaned,
        groups,
        &cohesion,
        &duplicates,
        diagnostics,
        config,
        Reuse::default(),
    )
}

fn assemble(
    cleaned: Vec<CleanArticle>,
    groups: Vec<Group>,
    cohesion: &[f32],
    duplicates: &[Option<(String, &'static str)>],
    diagnostics: Vec<Diagnostic>,
    config: &Config,
    reuse: Reuse,
) -> Report {
    let Reuse {
        earlier: earlier_events,
        unchanged,
        whole,
    } = reuse;
    // The earlier event each group keeps: one over the same articles, each with the same
    // cleaned text as then (no two groups hold the same articles, so none is kept twice).
    let kept_from: Vec<Option<usize>> = {
        let mut earlier: HashMap<Vec<&str>, usize> = HashMap::new();
        for (k, e) in earlier_events.iter().enumerate() {
            let mut ids: Vec<&str> = e.articles.iter().map(String::as_str).collect();
            ids.sort_unstable();
            earlier.insert(ids, k);
        }
        groups
            .par_iter()
            .map(|g| {
                let mut ids: Vec<&str> = g
                    .members
                    .iter()
                    .map(|&i| cleaned[i].article.id.as_str())
                    .collect();
                ids.sort_unstable();
                earlier
                    .get(&ids)
                    .copied()
                    .filter(|_| g.members.iter().all(|&i| unchanged[i]))
            })
            .collect()
    };
    let mut earlier_events: Vec<Option<Event>> = earlier_events.into_iter().map(Some).collect();
    let kept_earlier: Vec<Option<Event>> = kept_from
        .into_iter()
        .map(|k| k.and_then(|k| earlier_events[k].take()))
        .collect();
    drop(earlier_events);
    let site = {
        let members: Vec<&[usize]> = groups.iter().map(|g| &g.members[..]).collect();
        titles::site_titles(&cleaned, &members)
    };
    // Events are independent: their accounts are computed in parallel, collected in order.
    let mut events: Vec<Event> = groups
        .into_par_iter()
        .zip(kept_earlier)
        .map(|(g, old)| match old {
            Some(old) => kept(&cleaned, g, old, whole, cohesion, duplicates),
            None => event(&cleaned, g, cohesion, duplicates, config, &site),
        })
        .collect();
    // Biggest stories first; ties keep input order (events arrive ordered by first article).
    events.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.sources.len().cmp(&a.sources.len()))
    });
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    let articles = cleaned.into_iter().map(report_article).collect();
    Report {
        articles,
        events,
        diagnostics,
    }
}

fn event(
    cleaned: &[CleanArticle],
    group: Group,
    cohesion: &[f32],
    duplicates: &[Option<(String, &'static str)>],
    config: &Config,
    site: &titles::SiteTitles,
) -> Event {
    let members = &group.members[..];
    let member_articles: Vec<&CleanArticle> = members.iter().map(|&i| &cleaned[i]).collect();
    let index = chorus_entities::resolve(&member_articles, &config.entities);
    // Every surface form of a person, mapped to the canonical name, for quote speakers.
    let mut names = BTreeMap::new();
    for e in index
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
    {
        names.insert(e.name.clone(), e.name.clone());
        for a in &e.aliases {
            names.entry(a.clone()).or_insert_with(|| e.name.clone());
        }
    }
    let account = chorus_account::account(&member_articles, &names, &config.account);
    let mut sources: Vec<String> = Vec::new();
    for a in &member_articles {
        if !sources.contains(&a.article.source) {
            sources.push(a.article.source.clone());
        }
    }
    let mut dates: Vec<&str> = member_articles
        .iter()
        .filter_map(|a| a.article.published.as_deref())
        .collect();
    dates.sort_unstable();
    let members_out = self::members(cleaned, members, cohesion, duplicates);
    let title = title(&member_articles, members, cohesion, &account.account, site);
    Event {
        id: String::new(),
        title,
        articles: member_articles
            .iter()
            .map(|a| a.article.id.clone())
            .collect(),
        sources,
        first_published: dates.first().map(|d| d.to_string()),
        last_published: dates.last().map(|d| d.to_string()),
        members: members_out,
        shared_terms: group.shared_terms,
        shared_names: group.shared_names,
        specifics: group.specifics,
        account: account.account,
        corroborated: account.corroborated,
        single_source: account.single_source,
        differences: account.differences,
        quotes: account.quotes,
        entities: index.entities,
    }
}

/// An earlier event over the same unchanged articles: its account, entities and title are
/// kept. Kept `whole` (when the earlier events were the grouping), its membership details
/// and why-together are kept too, so that an event no new article reached stays exactly as it
/// was: those would otherwise follow the collection's term statistics and change with every
/// ingest without anything having happened to the story. Otherwise (regrouped from scratch,
/// or its articles now listed in another order) they are refreshed.
fn kept(
    cleaned: &[CleanArticle],
    group: Group,
    old: Event,
    whole: bool,
    cohesion: &[f32],
    duplicates: &[Option<(String, &'static str)>],
) -> Event {
    let mut e = old;
    e.id = String::new();
    let articles: Vec<String> = group
        .members
        .iter()
        .map(|&i| cleaned[i].article.id.clone())
        .collect();
    let same_order = e.articles == articles
        && e.members.len() == articles.len()
        && e.members
            .iter()
            .zip(&articles)
            .all(|(m, a)| m.article == *a);
    if whole && same_order {
        return e;
    }
    e.articles = articles;
    e.members = members(cleaned, &group.members, cohesion, duplicates);
    e.shared_terms = group.shared_terms;
    e.shared_names = group.shared_names;
    e.specifics = group.specifics;
    e
}

fn members(
    cleaned: &[CleanArticle],
    members: &[usize],
    cohesion: &[f32],
    duplicates: &[Option<(String, &'static str)>],
) -> Vec<EventMember> {
    members
        .iter()
        .map(|&i| EventMember {
            article: cleaned[i].article.id.clone(),
            similarity: cohesion[i],
            duplicate_of: duplicates[i].as_ref().map(|d| d.0.clone()),
            duplicate: duplicates[i].as_ref().map(|d| d.1.to_string()),
        })
        .collect()
}

fn report_article(c: CleanArticle) -> ReportArticle {
    ReportArticle {
        source_decoded_from: c
            .article
            .source_map
            .as_ref()
            .and_then(|m| m.decoded_from.clone()),
        id: c.article.id,
        path: c.article.path,
        source: c.article.source,
        title: c.article.title,
        url: c.article.url,
        published: c.article.published,
        language: c.article.language,
        text: c.clean.text,
        removed: c
            .removed
            .into_iter()
            .map(|r| ReportRemoval {
                kind: r.kind,
                text: r.text,
                reason: r.reason,
            })
            .collect(),
    }
}
