//! The outline shared by the text, Markdown and HTML reports: which parts an event shows, in
//! which order, with which words. It holds report text raw; backends escape and style it.

use crate::RenderConfig;
use chorus_model::{
    AccountSentence, Citation, Entity, EntityKind, Event, RemovalKind, Report, ReportArticle,
    ReportRemoval, Version,
};
use std::collections::{BTreeSet, HashMap};

/// Removed texts are shortened to about this many characters.
const REMOVED_TEXT_CHARS: usize = 100;

pub(crate) struct Outline {
    /// "N events from A articles (S outlets)".
    pub(crate) summary: String,
    pub(crate) events: Vec<EventOutline>,
    pub(crate) diagnostics: Vec<DiagnosticLine>,
}

pub(crate) struct DiagnosticLine {
    pub(crate) path: String,
    pub(crate) message: String,
}

pub(crate) struct EventOutline {
    pub(crate) title: String,
    /// Time span, coverage, why the articles belong together.
    pub(crate) header: Vec<Line>,
    pub(crate) sections: Vec<Section>,
}

pub(crate) struct Section {
    pub(crate) title: &'static str,
    /// What the section holds, in one word (`account`, `corroborated`…): HTML's class.
    pub(crate) class: &'static str,
    /// Items are read in order (the account): a numbered list where the format has one.
    pub(crate) ordered: bool,
    pub(crate) items: Vec<Item>,
    /// Shown instead of the items when there are none, so the section never vanishes.
    pub(crate) none: &'static str,
}

pub(crate) struct Item {
    pub(crate) line: Line,
    pub(crate) children: Vec<Item>,
    /// Children sit behind this label where the format can fold (HTML `<details>`).
    pub(crate) fold: Option<&'static str>,
}

pub(crate) type Line = Vec<Inline>;

pub(crate) enum Inline {
    Plain(String),
    /// What a difference is about.
    Strong(String),
    /// The value an outlet gives where outlets differ.
    Highlight(String),
    /// Secondary detail: counts, rules, "unattributed".
    Muted(String),
    /// An entity's name: the web pages link it to the entity's page.
    Entity(String),
    /// Outlet names, each with the citations behind it.
    Sources {
        sources: Vec<CitedSource>,
        brackets: bool,
    },
}

pub(crate) struct CitedSource {
    pub(crate) name: String,
    /// The http(s) address of the first of its cited articles that has one: formats that
    /// link (Markdown, HTML) link the outlet's name to it.
    pub(crate) url: Option<String>,
    /// The citations into this outlet's articles.
    pub(crate) citations: Vec<Citation>,
}

type Articles<'a> = HashMap<&'a str, &'a ReportArticle>;

fn article_index(report: &Report) -> Articles<'_> {
    let mut articles = Articles::new();
    for a in &report.articles {
        articles.entry(a.id.as_str()).or_insert(a);
    }
    articles
}

/// The outline of the report's `index`-th event alone.
pub(crate) fn build_event(
    report: &Report,
    index: usize,
    config: &RenderConfig,
) -> Option<EventOutline> {
    let e = report.events.get(index)?;
    Some(event(e, &article_index(report), config))
}

pub(crate) fn build(report: &Report, config: &RenderConfig) -> Outline {
    let articles = article_index(report);
    let outlets: BTreeSet<&str> = report.articles.iter().map(|a| a.source.as_str()).collect();
    Outline {
        summary: format!(
            "{} from {} ({})",
            count(report.events.len(), "event", "events"),
            count(report.articles.len(), "article", "articles"),
            outlet_count(outlets.iter().copied()),
        ),
        events: report
            .events
            .iter()
            .map(|e| event(e, &articles, config))
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| DiagnosticLine {
                path: d.path.clone(),
                message: d.message.clone(),
            })
            .collect(),
    }
}

fn event(event: &Event, articles: &Articles<'_>, config: &RenderConfig) -> EventOutline {
    let mut header = Vec::new();
    if let Some(span) = time_span(event) {
        header.push(vec![plain(span)]);
    }
    let mut coverage = format!(
        "{} from {}",
        count(event.articles.len(), "article", "articles"),
        outlet_count(event.sources.iter().map(String::as_str))
    );
    if !event.sources.is_empty() {
        coverage.push_str(": ");
        coverage.push_str(&event.sources.join(", "));
    }
    header.push(vec![plain(coverage)]);
    if !event.shared_terms.is_empty() || !event.shared_names.is_empty() {
        // The specifics first: they are what holds the articles together.
        let mut why = event.specifics.clone();
        for n in &event.shared_names {
            if !why.iter().any(|w| w.eq_ignore_ascii_case(n)) {
                why.push(n.clone());
            }
        }
        // Terms that only repeat a name in lower case add nothing.
        let name_words: Vec<String> = why
            .iter()
            .flat_map(|n| n.split(' ').map(str::to_lowercase).collect::<Vec<_>>())
            .collect();
        why.extend(
            event
                .shared_terms
                .iter()
                .filter(|t| !name_words.contains(&t.to_lowercase()))
                .cloned(),
        );
        let why = without_contained(why);
        // One article is together with nothing: its terms are what it is about.
        let label = if event.articles.len() == 1 {
            "Key terms"
        } else if event.specifics.is_empty() {
            // Nothing names this story alone: said, not passed off as one story.
            "Why together (weak: no names, places or figures of its own)"
        } else {
            "Why together"
        };
        header.push(vec![plain(format!("{label}: {}", why.join(", ")))]);
    }
    let copies: Vec<String> = event
        .members
        .iter()
        .filter_map(|m| {
            let of = m.duplicate_of.as_ref()?;
            let kind = m.duplicate.as_deref().unwrap_or("near");
            let what = match kind {
                "version" => "a later version of",
                "exact" => "an exact copy of",
                _ => "a near copy of",
            };
            Some(format!("{} is {what} {of}", m.article))
        })
        .collect();
    if !copies.is_empty() {
        header.push(vec![plain(format!("Duplicates: {}", copies.join("; ")))]);
    }
    let title = if event.title.trim().is_empty() {
        "(untitled event)".to_owned()
    } else {
        event.title.clone()
    };
    EventOutline {
        title,
        header,
        sections: vec![
            account(&event.account, articles),
            corroborated(event, articles),
            single_source(event, articles, config.max_single_source),
            differences(event, articles),
            quotes(event, articles),
            who_and_where(&event.entities),
            removed(event, articles),
        ],
    }
}

/// The event's days in words: "16 March 2026", "16–18 March 2026", "30 March – 2 April
/// 2026", "30 December 2025 – 2 January 2026".
fn time_span(event: &Event) -> Option<String> {
    let (first, last) = match (&event.first_published, &event.last_published) {
        (Some(a), Some(b)) => (a.as_str(), b.as_str()),
        (Some(a), None) | (None, Some(a)) => (a.as_str(), a.as_str()),
        (None, None) => return None,
    };
    Some(human_span(first, last))
}

/// (day, month name, year) of a date that opens with `YYYY-MM-DD`.
fn day_parts(d: &str) -> Option<(u32, &'static str, &str)> {
    let (y, rest) = d.get(..10)?.split_once('-')?;
    let (m, dd) = rest.split_once('-')?;
    let m: usize = m.parse().ok()?;
    let name = *MONTHS.get(m.checked_sub(1)?)?;
    Some((dd.parse().ok()?, name, y))
}

/// Month names as a date is written for a reader.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Two dates that open with `YYYY-MM-DD` as one span a reader reads ("16–18 March 2026",
/// "30 March – 2 April 2026"); others joined as they are.
pub fn human_span(first: &str, last: &str) -> String {
    let (Some(a), Some(b)) = (day_parts(first), day_parts(last)) else {
        return if first == last {
            first.to_string()
        } else {
            format!("{first} – {last}")
        };
    };
    match (a, b) {
        (a, b) if a == b => format!("{} {} {}", a.0, a.1, a.2),
        ((d1, m1, y1), (d2, m2, y2)) if m1 == m2 && y1 == y2 => format!("{d1}–{d2} {m1} {y1}"),
        ((d1, m1, y1), (d2, m2, y2)) if y1 == y2 => format!("{d1} {m1} – {d2} {m2} {y2}"),
        ((d1, m1, y1), (d2, m2, y2)) => format!("{d1} {m1} {y1} – {d2} {m2} {y2}"),
    }
}

fn account(sentences: &[AccountSentence], articles: &Articles<'_>) -> Section {
    Section {
        title: "1. Account",
        class: "account",
        ordered: true,
        items: sentences
            .iter()
            .map(|s| Item::new(cited_text(&s.text, &s.sources, &s.citations, articles)))
            .collect(),
        none: "No account: no sentence could be cited.",
    }
}

fn corroborated(event: &Event, articles: &Articles<'_>) -> Section {
    Section {
        title: "2. Corroborated",
        class: "corroborated",
        ordered: false,
        items: event
            .corroborated
            .iter()
            .map(|f| {
                let mut inlines = cited_text(&f.text, &f.sources, &f.citations, articles);
                inlines.extend(wire_note(&f.same_wire_text, "reprint"));
                if f.unknown_outlets > 0 {
                    // An article of unknown outlet is shown, never counted as another outlet.
                    let outlets = match f.outlets {
                        1 => "1 outlet".to_string(),
                        n => format!("{n} outlets"),
                    };
                    inlines.push(Inline::Muted(format!(
                        " ({outlets} + {} of unknown outlet)",
                        f.unknown_outlets
                    )));
                }
                Item::new(inlines)
            })
            .collect(),
        none: "No fact is reported by two or more outlets.",
    }
}

fn single_source(event: &Event, articles: &Articles<'_>, max: usize) -> Section {
    let facts = &event.single_source;
    let mut items: Vec<Item> = facts
        .iter()
        .take(max)
        .map(|f| {
            let mut inlines = cited_text(
                &f.text,
                std::slice::from_ref(&f.source),
                &f.citations,
                articles,
            );
            inlines.extend(wire_note(&f.same_wire_text, "also reprinted by"));
            Item::new(inlines)
        })
        .collect();
    if facts.len() > max {
        let rest = facts.len() - max;
        items.push(Item::new(vec![Inline::Muted(format!(
            "… and {rest} more (see --format json)"
        ))]));
    }
    Section {
        title: "3. Single-source",
        class: "single-source",
        ordered: false,
        items,
        none: "No fact is reported by only one outlet.",
    }
}

/// "3 outlets", or "1 outlet + 2 of unknown outlet": an article of unknown outlet is never
/// counted as one more outlet.
fn outlet_count<'a>(sources: impl Iterator<Item = &'a str>) -> String {
    let (mut known, mut unknown) = (0, 0);
    for s in sources {
        if chorus_model::is_unknown_outlet(s) {
            unknown += 1;
        } else {
            known += 1;
        }
    }
    match unknown {
        0 => count(known, "outlet", "outlets"),
        _ if known == 0 => format!("{unknown} of unknown outlet"),
        _ => format!(
            "{} + {unknown} of unknown outlet",
            count(known, "outlet", "outlets")
        ),
    }
}

/// "(same wire text: …)": outlets that only reprint another outlet's agency copy.
fn wire_note(outlets: &[String], label: &str) -> Option<Inline> {
    if outlets.is_empty() {
        return None;
    }
    let verb = if label == "reprint" {
        "same wire text, not independent"
    } else {
        label
    };
    Some(Inline::Muted(format!(" ({verb}: {})", outlets.join(", "))))
}

fn differences(event: &Event, articles: &Articles<'_>) -> Section {
    let items = event
        .differences
        .iter()
        .map(|d| Item {
            line: vec![Inline::Strong(d.about.clone())],
            children: d.versions.iter().map(|v| version(v, articles)).collect(),
            fold: None,
        })
        .collect();
    Section {
        title: "4. Differences",
        class: "differences",
        ordered: false,
        items,
        none: "No differences found.",
    }
}

/// `Outlet: “text”`, with the differing value marked; a value the text does not contain
/// follows the quote.
fn version(v: &Version, articles: &Articles<'_>) -> Item {
    let source = CitedSource {
        name: v.source.clone(),
        url: articles
            .get(v.citation.article.as_str())
            .and_then(|a| article_url(a)),
        citations: vec![v.citation.clone()],
    };
    let mut line = vec![Inline::Sources {
        sources: vec![source],
        brackets: false,
    }];
    match v.text.find(&v.value).filter(|_| !v.value.is_empty()) {
        Some(at) => {
            let (before, rest) = v.text.split_at(at);
            let after = &rest[v.value.len()..];
            line.push(plain(format!(": “{before}")));
            line.push(Inline::Highlight(v.value.clone()));
            line.push(plain(format!("{after}”")));
        }
        None => {
            line.push(plain(format!(": “{}”", v.text)));
            if !v.value.is_empty() {
                line.push(plain(" (value: "));
                line.push(Inline::Highlight(v.value.clone()));
                line.push(plain(")"));
            }
        }
    }
    Item::new(line)
}

fn quotes(event: &Event, articles: &Articles<'_>) -> Section {
    let items = event
        .quotes
        .iter()
        .map(|q| {
            let mut line = vec![plain(format!("“{}” — ", q.quote))];
            match &q.speaker {
                Some(speaker) if !speaker.trim().is_empty() => line.push(plain(speaker)),
                _ => line.push(Inline::Muted("unattributed".to_owned())),
            }
            if !q.sources.is_empty() {
                line.push(plain(", carried by: "));
                line.push(Inline::Sources {
                    sources: cited_sources(&q.sources, &q.citations, articles),
                    brackets: false,
                });
            }
            Item::new(line)
        })
        .collect();
    Section {
        title: "5. Quotes",
        class: "quotes",
        ordered: false,
        items,
        none: "No quotes found.",
    }
}

fn who_and_where(entities: &[Entity]) -> Section {
    let groups = [
        (EntityKind::Person, "People"),
        (EntityKind::Organisation, "Organisations"),
        (EntityKind::Place, "Places"),
        (EntityKind::Other, "Other"),
    ];
    let items = groups
        .iter()
        .filter_map(|&(kind, label)| {
            let children: Vec<Item> = entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(entity)
                .collect();
            (!children.is_empty()).then(|| Item {
                line: vec![plain(label)],
                children,
                fold: None,
            })
        })
        .collect();
    Section {
        title: "6. Who and where",
        class: "entities",
        ordered: false,
        items,
        none: "No people, organisations or places found.",
    }
}

fn entity(e: &Entity) -> Item {
    let mentions = count(e.mentions, "mention", "mentions");
    let detail = if e.aliases.is_empty() {
        format!("({mentions})")
    } else {
        format!("(aliases: {}; {mentions})", e.aliases.join(", "))
    };
    Item::new(vec![
        Inline::Entity(e.name.clone()),
        plain(" "),
        Inline::Muted(detail),
    ])
}

fn removed(event: &Event, articles: &Articles<'_>) -> Section {
    let items = event
        .articles
        .iter()
        .filter_map(|id| articles.get(id.as_str()))
        .filter(|a| !a.removed.is_empty())
        .map(|a| Item {
            line: vec![plain(format!(
                "{} ({}): {}",
                a.source,
                a.id,
                removal_counts(&a.removed)
            ))],
            children: a.removed.iter().map(removal).collect(),
            fold: Some("Removed text"),
        })
        .collect();
    Section {
        title: "7. What was removed",
        class: "removed",
        ordered: false,
        items,
        none: "Nothing was removed.",
    }
}

fn removal_counts(removed: &[ReportRemoval]) -> String {
    let kinds = [
        (
            RemovalKind::Boilerplate,
            "boilerplate line",
            "boilerplate lines",
        ),
        (
            RemovalKind::RepeatedParagraph,
            "repeated paragraph",
            "repeated paragraphs",
        ),
    ];
    kinds
        .iter()
        .filter_map(|&(kind, one, many)| {
            let n = removed.iter().filter(|r| r.kind == kind).count();
            (n > 0).then(|| count(n, one, many))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn removal(r: &ReportRemoval) -> Item {
    let kind = match r.kind {
        RemovalKind::Boilerplate => "boilerplate",
        RemovalKind::RepeatedParagraph => "repeated paragraph",
    };
    let why = if r.reason.trim().is_empty() {
        format!("({kind})")
    } else {
        format!("({kind}: {})", r.reason)
    };
    Item::new(vec![
        plain(format!("“{}”", shorten(&r.text, REMOVED_TEXT_CHARS))),
        plain(" "),
        Inline::Muted(why),
    ])
}

/// Whitespace collapsed, cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Text followed by the bracketed outlets that state it.
fn cited_text(
    text: &str,
    sources: &[String],
    citations: &[Citation],
    articles: &Articles<'_>,
) -> Line {
    let mut line = vec![plain(text)];
    if !sources.is_empty() {
        line.push(plain(" "));
        line.push(Inline::Sources {
            sources: cited_sources(sources, citations, articles),
            brackets: true,
        });
    }
    line
}

/// Pairs each outlet with the citations into its articles (found through the article list).
fn cited_sources(
    sources: &[String],
    citations: &[Citation],
    articles: &Articles<'_>,
) -> Vec<CitedSource> {
    sources
        .iter()
        .map(|name| {
            let own: Vec<&Citation> = citations
                .iter()
                .filter(|c| {
                    articles
                        .get(c.article.as_str())
                        .is_some_and(|a| &a.source == name)
                })
                .collect();
            CitedSource {
                name: name.clone(),
                url: own
                    .iter()
                    .find_map(|c| article_url(articles.get(c.article.as_str())?)),
                citations: own.into_iter().cloned().collect(),
            }
        })
        .collect()
}

/// The article's address when it is http(s) (a `javascript:` one must never be a link).
fn article_url(a: &ReportArticle) -> Option<String> {
    let url = a.url.as_deref()?.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

/// "article-id bytes start-end".
pub(crate) fn citation_label(c: &Citation) -> String {
    format!("{} bytes {}-{}", c.article, c.start, c.end)
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn plain(s: impl Into<String>) -> Inline {
    Inline::Plain(s.into())
}

impl Item {
    fn new(line: Line) -> Item {
        Item {
            line,
            children: Vec::new(),
            fold: None,
        }
    }
}

/// What holds an event together, without an entry whose every word is a word of a longer one
/// listed ("saltreach" and "Port Workers Union" beside "Saltreach Port Authority" and "Port
/// Workers Union PWU"): one name is one reason, not three.
fn without_contained(why: Vec<String>) -> Vec<String> {
    let words = |w: &str| -> Vec<String> { w.split(' ').map(str::to_lowercase).collect() };
    let all: Vec<Vec<String>> = why.iter().map(|w| words(w)).collect();
    why.into_iter()
        .zip(&all)
        .filter(|(_, mine)| {
            !all.iter()
                .any(|other| other.len() > mine.len() && mine.iter().all(|w| other.contains(w)))
        })
        .map(|(w, _)| w)
        .collect()
}
