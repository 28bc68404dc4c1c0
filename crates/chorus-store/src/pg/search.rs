//! Full-text search answered by PostgreSQL. Each article version carries a `tsvector` of its
//! title (weight A) and body (weight B) in the text search configuration of its language
//! (`english`, `german`, ...; `simple` for a language PostgreSQL does not stem), under a GIN
//! index. A query is read by the same grammar as the SQLite collection's (tantivy's, with
//! the same limits, [`check_query`]): every word must match unless the query says `OR`;
//! `+word`, `-word`, `"phrases"`, `AND`, `NOT`, brackets, `title:` and `body:` mean what
//! they mean there. Each word or phrase becomes a `tsquery` in every configuration the
//! collection uses, so an article is matched by the query stemmed in its own language; a
//! word that is a stop word in a language is left out of the query there (as
//! `websearch_to_tsquery` does). Ranking is `ts_rank` (a title match weighs more than a
//! body match), snippets are `ts_headline`'s.

use super::PgStore;
use crate::search::{check_query, snippet, Snippet};
use crate::sqlite::EVENT_ORDER;
use crate::{reads::shown_title, Result, SearchHit, SearchRequest};
use postgres::types::{ToSql, Type};
use postgres::GenericClient;
use std::collections::HashMap;
use tantivy::query_grammar::{Occur, UserInputAst, UserInputBound, UserInputLeaf};

/// Marks `ts_headline` puts around a matched word (private-use characters, which no
/// article is expected to hold; any it holds are dropped from snippets).
const START: char = '\u{E000}';
const STOP: char = '\u{E001}';

/// The text search configuration for an article in `language` (an ISO 639-1 code).
pub(crate) fn config_for(language: Option<&str>) -> &'static str {
    let code = language.map(|l| l.trim().to_ascii_lowercase());
    match code.as_deref().and_then(|c| c.get(..2)).unwrap_or("en") {
        "en" => "english",
        "de" => "german",
        "fr" => "french",
        "es" => "spanish",
        "it" => "italian",
        "pt" => "portuguese",
        "nl" => "dutch",
        "ru" => "russian",
        "sv" => "swedish",
        "no" | "nb" | "nn" => "norwegian",
        "da" => "danish",
        "fi" => "finnish",
        "hu" => "hungarian",
        "ro" => "romanian",
        "tr" => "turkish",
        "ar" => "arabic",
        "el" => "greek",
        "id" => "indonesian",
        "ga" => "irish",
        "lt" => "lithuanian",
        "ne" => "nepali",
        "ta" => "tamil",
        "ca" => "catalan",
        "eu" => "basque",
        "hy" => "armenian",
        "sr" => "serbian",
        "yi" => "yiddish",
        "hi" => "hindi",
        _ => "simple",
    }
}

#[derive(Clone, Copy)]
enum Field {
    Any,
    Title,
    Body,
}

impl Field {
    fn of(name: &Option<String>) -> Field {
        match name.as_deref() {
            Some("title") => Field::Title,
            Some("body") => Field::Body,
            _ => Field::Any,
        }
    }

    /// The vector a condition on this field tests.
    fn vector(self) -> &'static str {
        match self {
            Field::Any => "v.tsv",
            Field::Title => "ts_filter(v.tsv, '{a}')",
            Field::Body => "ts_filter(v.tsv, '{b}')",
        }
    }
}

/// A query with its words numbered, independent of the language.
enum Node {
    All,
    Nothing,
    /// The word or phrase `words[i]` in a field.
    Words(usize, Field),
    Range(Field, UserInputBound, UserInputBound),
    And(Vec<Node>),
    Or(Vec<Node>),
    /// Matches the first, and none of the rest.
    AndNot(Box<Node>, Vec<Node>),
}

/// Reads `ast` into a [`Node`], numbering its words and phrases into `words`. Recursion is
/// bounded by [`check_query`]'s limits.
fn node(ast: &UserInputAst, words: &mut Vec<String>) -> Node {
    match ast {
        UserInputAst::Boost(a, _) => node(a, words),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(l) => {
                words.push(l.phrase.clone());
                Node::Words(words.len() - 1, Field::of(&l.field_name))
            }
            UserInputLeaf::All => Node::All,
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => Node::Range(Field::of(field), lower.clone(), upper.clone()),
            UserInputLeaf::Set { field, elements } => Node::Or(
                elements
                    .iter()
                    .map(|e| {
                        words.push(e.clone());
                        Node::Words(words.len() - 1, Field::of(field))
                    })
                    .collect(),
            ),
            UserInputLeaf::Exists { .. } | UserInputLeaf::Regex { .. } => Node::Nothing,
        },
        UserInputAst::Clause(clauses) => {
            let (mut must, mut should, mut not) = (Vec::new(), Vec::new(), Vec::new());
            for (occur, a) in clauses {
                let n = node(a, words);
                match occur {
                    // All words are required unless the query says otherwise.
                    None | Some(Occur::Must) => must.push(n),
                    Some(Occur::Should) => should.push(n),
                    Some(Occur::MustNot) => not.push(n),
                }
            }
            let positive = if !must.is_empty() {
                Node::And(must)
            } else if !should.is_empty() {
                Node::Or(should)
            } else {
                // Only exclusions: nothing to match (as the SQLite collection answers).
                Node::Nothing
            };
            if not.is_empty() {
                positive
            } else {
                Node::AndNot(Box::new(positive), not)
            }
        }
    }
}

/// A condition in one configuration.
enum Cond {
    True,
    False,
    /// A stop word there: left out of whatever holds it.
    Ignored,
    Sql(String),
}

/// What renders a [`Node`] as SQL in one configuration: the `tsquery` of each word there,
/// and the parameters the SQL numbers.
struct Render<'a> {
    tsqueries: &'a [String],
    params: &'a mut Vec<Box<dyn ToSql + Sync>>,
}

impl Render<'_> {
    fn param(&mut self, value: String) -> String {
        self.params.push(Box::new(value));
        format!("${}", self.params.len())
    }

    fn cond(&mut self, n: &Node) -> Cond {
        match n {
            Node::All => Cond::True,
            Node::Nothing => Cond::False,
            Node::Words(i, field) => {
                let q = &self.tsqueries[*i];
                if q.is_empty() {
                    return Cond::Ignored;
                }
                let p = self.param(q.clone());
                Cond::Sql(match field {
                    Field::Any => format!("v.tsv @@ {p}::text::tsquery"),
                    // The index finds the candidates; the field is checked on them.
                    f => format!(
                        "(v.tsv @@ {p}::text::tsquery AND {} @@ {p}::text::tsquery)",
                        f.vector()
                    ),
                })
            }
            Node::Range(field, lower, upper) => {
                let mut parts = Vec::new();
                match lower {
                    UserInputBound::Inclusive(s) => {
                        parts.push(format!("u.lexeme >= {}", self.param(s.to_lowercase())))
                    }
                    UserInputBound::Exclusive(s) => {
                        parts.push(format!("u.lexeme > {}", self.param(s.to_lowercase())))
                    }
                    UserInputBound::Unbounded => {}
                }
                match upper {
                    UserInputBound::Inclusive(s) => {
                        parts.push(format!("u.lexeme <= {}", self.param(s.to_lowercase())))
                    }
                    UserInputBound::Exclusive(s) => {
                        parts.push(format!("u.lexeme < {}", self.param(s.to_lowercase())))
                    }
                    UserInputBound::Unbounded => {}
                }
                parts.push("true".into());
                Cond::Sql(format!(
                    "EXISTS (SELECT 1 FROM unnest({}) u WHERE {})",
                    field.vector(),
                    parts.join(" AND ")
                ))
            }
            Node::And(items) => {
                let mut sql = Vec::new();
                let mut any = false;
                for i in items {
                    match self.cond(i) {
                        Cond::False => return Cond::False,
                        Cond::True => any = true,
                        Cond::Ignored => {}
                        Cond::Sql(s) => sql.push(s),
                    }
                }
                match (sql.is_empty(), any) {
                    (true, true) => Cond::True,
                    (true, false) => Cond::Ignored,
                    _ => Cond::Sql(format!("({})", sql.join(" AND "))),
                }
            }
            Node::Or(items) => {
                let mut sql = Vec::new();
                let mut none = true;
                for i in items {
                    match self.cond(i) {
                        Cond::True => return Cond::True,
                        Cond::False => none = false,
                        Cond::Ignored => {}
                        Cond::Sql(s) => sql.push(s),
                    }
                }
                match (sql.is_empty(), none) {
                    (true, true) => Cond::Ignored,
                    (true, false) => Cond::False,
                    _ => Cond::Sql(format!("({})", sql.join(" OR "))),
                }
            }
            Node::AndNot(positive, nots) => {
                let positive = self.cond(positive);
                if matches!(positive, Cond::False) {
                    return Cond::False;
                }
                match (positive, self.cond_or(nots)) {
                    (_, Cond::True) => Cond::False,
                    (p, Cond::False | Cond::Ignored) => p,
                    (Cond::Sql(p), Cond::Sql(n)) => Cond::Sql(format!("({p} AND NOT {n})")),
                    (Cond::True, Cond::Sql(n)) => Cond::Sql(format!("(NOT {n})")),
                    // Only exclusions left: nothing to match.
                    (Cond::Ignored | Cond::False, Cond::Sql(_)) => Cond::False,
                }
            }
        }
    }

    fn cond_or(&mut self, items: &[Node]) -> Cond {
        let mut sql = Vec::new();
        for i in items {
            match self.cond(i) {
                Cond::True => return Cond::True,
                Cond::False | Cond::Ignored => {}
                Cond::Sql(s) => sql.push(s),
            }
        }
        if sql.is_empty() {
            Cond::Ignored
        } else {
            Cond::Sql(format!("({})", sql.join(" OR ")))
        }
    }
}

/// The words of `n` that count for ranking and snippets (those not excluded).
fn positive_words(n: &Node, out: &mut Vec<usize>) {
    match n {
        Node::Words(i, _) => out.push(*i),
        Node::And(items) | Node::Or(items) => {
            for i in items {
                positive_words(i, out);
            }
        }
        Node::AndNot(p, _) => positive_words(p, out),
        Node::All | Node::Nothing | Node::Range(..) => {}
    }
}

/// A query as SQL over `articles a JOIN article_versions v`: the condition, the rank
/// expression (a `tsquery` per configuration, `None` when nothing ranks) and their
/// parameters.
pub(crate) struct Compiled {
    pub(crate) condition: String,
    pub(crate) rank_query: Option<String>,
    pub(crate) params: Vec<Box<dyn ToSql + Sync>>,
}

/// Compiles `query` for the configurations the collection uses.
pub(crate) fn compile(c: &mut impl GenericClient, query: &str) -> Result<Compiled> {
    check_query(query)?;
    let (ast, _errors) = tantivy::query_grammar::parse_query_lenient(query);
    let mut words = Vec::new();
    let root = node(&ast, &mut words);
    // Each word and phrase as a tsquery in each configuration in use.
    let mut by_config: HashMap<String, Vec<String>> = HashMap::new();
    let configs: Vec<String> = c
        .query("SELECT config::text FROM search_configs ORDER BY 1", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for cfg in &configs {
        by_config.insert(cfg.clone(), vec![String::new(); words.len()]);
    }
    if !words.is_empty() && !configs.is_empty() {
        let rows = c.query(
            "SELECT s.config::text, t.i, phraseto_tsquery(s.config, t.w)::text \
             FROM search_configs s CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS t(w, i)",
            &[&words],
        )?;
        for r in rows {
            let cfg: String = r.get(0);
            let i: i64 = r.get(1);
            if let (Some(list), Ok(i)) = (by_config.get_mut(&cfg), usize::try_from(i - 1)) {
                if let Some(slot) = list.get_mut(i) {
                    *slot = r.get(2);
                }
            }
        }
    }
    let mut ranked = Vec::new();
    positive_words(&root, &mut ranked);
    let mut params: Vec<Box<dyn ToSql + Sync>> = Vec::new();
    let mut branches = Vec::new();
    let mut ranks = Vec::new();
    for cfg in &configs {
        let tsqueries = &by_config[cfg];
        let cond = Render {
            tsqueries,
            params: &mut params,
        }
        .cond(&root);
        let rank: Vec<String> = ranked
            .iter()
            .map(|&i| &tsqueries[i])
            .filter(|q| !q.is_empty())
            .map(|q| format!("({q})"))
            .collect();
        params.push(Box::new(cfg.clone()));
        let cfg_param = format!("${}::text::regconfig", params.len());
        match cond {
            Cond::True => branches.push(format!("v.config = {cfg_param}")),
            Cond::Sql(s) => branches.push(format!("(v.config = {cfg_param} AND {s})")),
            Cond::False | Cond::Ignored => continue,
        }
        if !rank.is_empty() {
            params.push(Box::new(rank.join(" | ")));
            ranks.push(format!(
                "WHEN {cfg_param} THEN ${}::text::tsquery",
                params.len()
            ));
        }
    }
    let condition = if branches.is_empty() {
        "false".to_string()
    } else {
        branches.join(" OR ")
    };
    let rank_query =
        (!ranks.is_empty()).then(|| format!("(CASE v.config {} END)", ranks.join(" ")));
    Ok(Compiled {
        condition,
        rank_query,
        params,
    })
}

/// The snippet in `headline` (a `ts_headline` with [`START`] and [`STOP`] marks).
fn from_headline(headline: &str) -> Snippet {
    let mut text = String::with_capacity(headline.len());
    let mut highlights = Vec::new();
    let mut open = None;
    for ch in headline.chars() {
        match ch {
            START => open = Some(text.len()),
            STOP => {
                if let Some(start) = open.take() {
                    if start < text.len() {
                        highlights.push(start..text.len());
                    }
                }
            }
            c => text.push(c),
        }
    }
    Snippet { text, highlights }
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl PgStore {
    /// The condition of `request`'s filters, their parameters appended to `params`.
    fn narrowing(request: &SearchRequest, params: &mut Vec<Box<dyn ToSql + Sync>>) -> String {
        let mut sql = String::new();
        if let Some(s) = given(&request.source) {
            params.push(Box::new(s.to_lowercase()));
            sql.push_str(&format!(" AND v.source_lower = ${}", params.len()));
        }
        if let Some(l) = given(&request.language) {
            params.push(Box::new(l.to_lowercase()));
            sql.push_str(&format!(" AND lower(v.language) = ${}", params.len()));
        }
        let (from, to) = (given(&request.from), given(&request.to));
        if from.is_some() || to.is_some() {
            sql.push_str(" AND v.published IS NOT NULL");
            for (bound, op) in [(from, ">="), (to, "<=")] {
                if let Some(day) = bound {
                    let day: String = day.chars().take(10).collect();
                    params.push(Box::new(day));
                    sql.push_str(&format!(
                        " AND substr(v.published, 1, 10) COLLATE \"C\" {op} ${}",
                        params.len()
                    ));
                }
            }
        }
        sql
    }

    /// One page of the matches for `request`, best first, and how many there are in all.
    pub(crate) fn matches(&self, request: &SearchRequest) -> Result<(Vec<SearchHit>, usize)> {
        self.with(|c| {
            let Compiled {
                condition,
                rank_query,
                mut params,
            } = compile(c, &request.query)?;
            let filters = Self::narrowing(request, &mut params);
            let from = format!(
                "FROM articles a JOIN article_versions v ON v.seq = a.current_seq \
                 WHERE ({condition}){filters}"
            );
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
            // Every parameter is text; not every statement uses them all.
            let types = vec![Type::TEXT; refs.len()];
            let count = c.prepare_typed(&format!("SELECT count(*) {from}"), &types)?;
            let total: i64 = c.query_one(&count, &refs)?.get(0);
            let score = match &rank_query {
                Some(q) => format!("ts_rank(v.tsv, {q})"),
                None => "0::real".to_string(),
            };
            let headline = match &rank_query {
                Some(q) => format!(
                    "ts_headline(v.config, v.body, {q}, 'StartSel={START}, StopSel={STOP}, \
                     MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"')"
                ),
                None => "NULL::text".to_string(),
            };
            let sql = format!(
                "SELECT m.id, m.score, v.title, v.source, v.published, v.body, {headline}, \
                 (SELECT ea.event_id FROM event_articles ea JOIN events e ON e.id = ea.event_id \
                  WHERE ea.article_id = m.id ORDER BY {EVENT_ORDER} LIMIT 1) \
                 FROM (SELECT a.id, a.ord, v.seq, {score} AS score {from} \
                       ORDER BY score DESC, a.ord LIMIT {} OFFSET {}) m \
                 JOIN article_versions v ON v.seq = m.seq ORDER BY m.score DESC, m.ord",
                request.limit, request.offset
            );
            let mut hits = Vec::new();
            let page = c.prepare_typed(&sql, &types)?;
            for r in c.query(&page, &refs)? {
                let title: Option<String> = r.get(2);
                let body: String = r.get(5);
                let headline: Option<String> = r.get(6);
                let s = match headline.filter(|h| h.contains(START)) {
                    Some(h) => from_headline(&h),
                    None => snippet(None, &body),
                };
                hits.push(SearchHit {
                    article: r.get(0),
                    title: Some(shown_title(title.as_deref(), &body)),
                    source: r.get(3),
                    published: r.get(4),
                    score: r.get(1),
                    snippet: s.text,
                    highlights: s.highlights,
                    event: r.get(7),
                });
            }
            Ok((hits, usize::try_from(total).unwrap_or(0)))
        })
    }

    /// For each phrase, events whose current article versions hold it, at most `limit`: the
    /// phrases made tsqueries in one statement, then one prepared lookup per phrase and
    /// search configuration, which the GIN index on `tsv` serves (no ranking, no snippets).
    pub(crate) fn phrase_events(
        &self,
        phrases: &[String],
        limit: usize,
    ) -> Result<Vec<Vec<String>>> {
        if phrases.is_empty() {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.with(|c| {
            let rows = c.query(
                "SELECT s.config::text, t.i, phraseto_tsquery(s.config, t.w)::text \
                 FROM search_configs s CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS t(w, i)",
                &[&phrases],
            )?;
            let lookup = c.prepare(
                "SELECT DISTINCT ea.event_id FROM article_versions v \
                 JOIN articles a ON a.current_seq = v.seq \
                 JOIN event_articles ea ON ea.article_id = a.id \
                 WHERE v.config = $1::text::regconfig AND v.tsv @@ $2::text::tsquery LIMIT $3",
            )?;
            let mut out: Vec<Vec<String>> = vec![Vec::new(); phrases.len()];
            for r in rows {
                let (config, i, query): (String, i64, String) = (r.get(0), r.get(1), r.get(2));
                let Some(slot) = usize::try_from(i - 1).ok().and_then(|i| out.get_mut(i)) else {
                    continue;
                };
                // A phrase of stop words only makes an empty query, which matches nothing.
                if query.is_empty() || slot.len() as i64 >= limit {
                    continue;
                }
                for e in c.query(&lookup, &[&config, &query, &limit])? {
                    let e: String = e.get(0);
                    if !slot.contains(&e) && (slot.len() as i64) < limit {
                        slot.push(e);
                    }
                }
            }
            Ok(out)
        })
    }

    /// The ids of the best `cap` articles matching `query`.
    pub(crate) fn matching_ids(&self, query: &str, cap: usize) -> Result<Vec<String>> {
        self.with(|c| {
            let Compiled {
                condition,
                rank_query,
                params,
            } = compile(c, query)?;
            let score = match &rank_query {
                Some(q) => format!("ts_rank(v.tsv, {q})"),
                None => "0::real".to_string(),
            };
            let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
            let stmt = c.prepare_typed(
                &format!(
                    "SELECT a.id FROM articles a JOIN article_versions v \
                     ON v.seq = a.current_seq WHERE ({condition}) \
                     ORDER BY {score} DESC, a.ord LIMIT {cap}"
                ),
                &vec![Type::TEXT; refs.len()],
            )?;
            Ok(c.query(&stmt, &refs)?.iter().map(|r| r.get(0)).collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_become_snippets_with_highlights() {
        let s = from_headline(&format!("The {START}dam{STOP} held, {START}Ürk{STOP}."));
        assert_eq!(s.text, "The dam held, Ürk.");
        let shown: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(shown, ["dam", "Ürk"]);
    }

    #[test]
    fn languages_have_their_configuration() {
        assert_eq!(config_for(Some("de")), "german");
        assert_eq!(config_for(Some("EN")), "english");
        assert_eq!(config_for(None), "english");
        assert_eq!(config_for(Some("zh")), "simple");
    }
}
