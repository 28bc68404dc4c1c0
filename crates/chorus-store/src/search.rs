//! The full-text index (tantivy) of the current version of every article: title and body,
//! English stemming, the article id stored, and its outlet (lower case), language and day of
//! publication as exact terms to filter on. A query means all its words (`OR` between two
//! words asks for either). SQLite is the truth; the index is derived from it
//! and records in its commit payload the last `article_versions.seq` it contains (its
//! watermark), so an index that lags after a crash is brought up to date on the next write.

use crate::Result;
use serde::{Deserialize, Serialize};
use std::ops::Bound;
use std::path::Path;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bumped when the tantivy schema changes; an index of another version is rebuilt.
const INDEX_SCHEMA: u32 = 2;
/// Memory budget of one index writer.
const WRITER_HEAP: usize = 64 * 1024 * 1024;
/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;
/// Longest query, in characters: a search box, not a document.
pub(crate) const MAX_QUERY_CHARS: usize = 1000;
/// Most opening brackets in a query. tantivy's query parser recurses once per bracket and per
/// `NOT` (about 2 KB of stack each: 1,000 `(` overflowed a 2 MiB thread), so both are counted
/// wherever they stand, which bounds the nesting whatever the syntax around them.
pub(crate) const MAX_QUERY_BRACKETS: usize = 32;
/// Most `NOT`s in a query (see [`MAX_QUERY_BRACKETS`]).
pub(crate) const MAX_QUERY_NOTS: usize = 16;
/// The fields a query may name.
const QUERY_FIELDS: [&str; 2] = ["title", "body"];
/// What a query may contain, said after every refusal.
const QUERY_SYNTAX: &str = "a query takes words, \"phrases\", AND, OR, NOT, +word, -word, \
     (brackets) and a field before a word or phrase (title:word, body:\"two words\")";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    seq: i64,
}

/// An article id and its score for a query.
pub(crate) type Scored = (String, f32);

/// One article as the index sees it.
pub(crate) struct IndexDoc<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) body: &'a str,
    pub(crate) source: &'a str,
    pub(crate) language: Option<&'a str>,
    pub(crate) published: Option<&'a str>,
}

/// What a search may be narrowed to, besides its words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Narrowing<'a> {
    /// Outlet name, any case.
    pub(crate) source: Option<&'a str>,
    pub(crate) language: Option<&'a str>,
    /// First and last day (`YYYY-MM-DD`, both included); undated articles are left out
    /// when either is given.
    pub(crate) from: Option<&'a str>,
    pub(crate) to: Option<&'a str>,
}

/// One page of matches: their ids and scores, best first, and how many there are in all.
pub(crate) struct Matches {
    pub(crate) hits: Vec<Scored>,
    pub(crate) total: usize,
    pub(crate) snippets: Option<SnippetGenerator>,
}

pub(crate) struct TextIndex {
    index: Index,
    reader: IndexReader,
    id: Field,
    title: Field,
    body: Field,
    source: Field,
    language: Field,
    day: Field,
}

/// A snippet of a body around the query terms.
pub(crate) struct Snippet {
    pub(crate) text: String,
    pub(crate) highlights: Vec<std::ops::Range<usize>>,
}

struct Fields {
    id: Field,
    title: Field,
    body: Field,
    source: Field,
    language: Field,
    day: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", text.clone());
    let body = b.add_text_field("body", text);
    let source = b.add_text_field("source", STRING);
    let language = b.add_text_field("language", STRING);
    let day = b.add_text_field("day", STRING);
    (
        b.build(),
        Fields {
            id,
            title,
            body,
            source,
            language,
            day,
        },
    )
}

impl TextIndex {
    /// Opens the index in `dir`, creating it when missing. When `may_rebuild`, an index that
    /// cannot be opened or has another schema is wiped, to be rebuilt from SQLite.
    pub(crate) fn open(dir: &Path, may_rebuild: bool) -> Result<TextIndex> {
        match Self::open_inner(dir) {
            Ok(ix) if ix.payload().schema == INDEX_SCHEMA || ix.is_empty() => Ok(ix),
            Ok(ix) if !may_rebuild => Ok(ix),
            Err(e) if !may_rebuild => Err(e),
            _ => {
                std::fs::remove_dir_all(dir).map_err(|source| crate::StoreError::Io {
                    path: dir.to_path_buf(),
                    source,
                })?;
                Self::open_inner(dir)
            }
        }
    }

    fn open_inner(dir: &Path) -> Result<TextIndex> {
        std::fs::create_dir_all(dir).map_err(|source| crate::StoreError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let (schema, f) = schema();
        let directory =
            tantivy::directory::MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
        let index = Index::open_or_create(directory, schema)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(TextIndex {
            index,
            reader,
            id: f.id,
            title: f.title,
            body: f.body,
            source: f.source,
            language: f.language,
            day: f.day,
        })
    }

    fn is_empty(&self) -> bool {
        self.reader.searcher().num_docs() == 0
    }

    fn payload(&self) -> Payload {
        self.index
            .load_metas()
            .ok()
            .and_then(|m| m.payload)
            .and_then(|p| serde_json::from_str(&p).ok())
            .unwrap_or_default()
    }

    /// The last article version the index contains (0 for none).
    pub(crate) fn watermark(&self) -> i64 {
        let p = self.payload();
        if p.schema == INDEX_SCHEMA {
            p.seq
        } else {
            0
        }
    }

    pub(crate) fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub(crate) fn writer(&self) -> Result<IndexWriter> {
        Ok(self.index.writer(WRITER_HEAP)?)
    }

    /// Replaces the document of `doc.id` (a no-op delete when it is new).
    pub(crate) fn put(&self, writer: &IndexWriter, d: &IndexDoc<'_>) -> Result<()> {
        writer.delete_term(Term::from_field_text(self.id, d.id));
        let mut doc = doc!(
            self.id => d.id,
            self.title => d.title,
            self.body => d.body,
            self.source => d.source.to_lowercase(),
        );
        if let Some(l) = d.language {
            doc.add_text(self.language, l.to_lowercase());
        }
        if let Some(day) = d.published.and_then(|p| p.get(..10)) {
            doc.add_text(self.day, day);
        }
        writer.add_document(doc)?;
        Ok(())
    }

    /// Commits what `writer` holds, recording `seq` as the new watermark, and makes it visible.
    pub(crate) fn commit(&self, mut writer: IndexWriter, seq: i64) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            schema: INDEX_SCHEMA,
            seq,
        })?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(())
    }

    /// The page `offset..offset + limit` of the matches for `query` within `narrowing`, best
    /// first, and their number (a lenient parse: a stray quote or bracket never fails; a
    /// query too long or too deep, or asking what the index cannot answer, is a
    /// [`crate::StoreError::Query`] saying what is allowed). Every word must match (in the title or the body, stemmed)
    /// unless the query says `OR`; `+word`, `-word`, `"phrases"`, `AND`, `NOT` and brackets
    /// work as tantivy reads them.
    pub(crate) fn matches(
        &self,
        query: &str,
        narrowing: &Narrowing<'_>,
        limit: usize,
        offset: usize,
    ) -> Result<Matches> {
        let (words, whole) = self.parse(query, narrowing)?;
        let searcher = self.reader.searcher();
        let (top, total) = searcher.search(
            &*whole,
            &(
                TopDocs::with_limit(limit.max(1))
                    .and_offset(offset)
                    .order_by_score(),
                Count,
            ),
        )?;
        let mut hits = self.ids_of(&searcher, top)?;
        if limit == 0 {
            hits.clear();
        }
        let mut snippets = SnippetGenerator::create(&searcher, &*words, self.body).ok();
        if let Some(s) = snippets.as_mut() {
            s.set_max_num_chars(SNIPPET_CHARS);
        }
        Ok(Matches {
            hits,
            total,
            snippets,
        })
    }

    /// `query` as [`TextIndex::matches`] reads it: its words alone (what snippets
    /// highlight), and with `narrowing` (what is searched).
    fn parse(
        &self,
        query: &str,
        narrowing: &Narrowing<'_>,
    ) -> Result<(Box<dyn Query>, Box<dyn Query>)> {
        check_query(query)?;
        let mut parser = QueryParser::for_index(&self.index, vec![self.title, self.body]);
        parser.set_field_boost(self.title, 2.0);
        parser.set_conjunction_by_default();
        let (words, _errors) = parser.parse_query_lenient(query);
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words.box_clone())];
        let exact = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        if let Some(s) = narrowing.source {
            must.push((Occur::Must, exact(self.source, &s.to_lowercase())));
        }
        if let Some(l) = narrowing.language {
            must.push((Occur::Must, exact(self.language, &l.to_lowercase())));
        }
        if narrowing.from.is_some() || narrowing.to.is_some() {
            let bound = |d: Option<&str>| match d.and_then(|d| d.get(..10)) {
                Some(d) => Bound::Included(Term::from_field_text(self.day, d)),
                None => Bound::Unbounded,
            };
            let (from, to) = (bound(narrowing.from), bound(narrowing.to));
            // A range with no bound at all is every day: dated articles only.
            let (from, to) = match (&from, &to) {
                (Bound::Unbounded, Bound::Unbounded) => (
                    Bound::Included(Term::from_field_text(self.day, "")),
                    Bound::Unbounded,
                ),
                _ => (from, to),
            };
            must.push((Occur::Must, Box::new(RangeQuery::new(from, to))));
        }
        let whole: Box<dyn Query> = if must.len() == 1 {
            words.box_clone()
        } else {
            Box::new(BooleanQuery::new(must))
        };
        Ok((words, whole))
    }

    /// The article ids of `top`, in its order.
    fn ids_of(
        &self,
        searcher: &tantivy::Searcher,
        top: Vec<(f32, tantivy::DocAddress)>,
    ) -> Result<Vec<Scored>> {
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(id) = doc.get_first(self.id).and_then(|v| v.as_str()) {
                hits.push((id.to_string(), score));
            }
        }
        Ok(hits)
    }

    /// The ids of the best `cap` articles matching `query` (all its words), best first: the
    /// hits of [`TextIndex::matches`], without counting every match or making snippets (the
    /// follow-up lookups of an ingest ask this for thousands of names).
    pub(crate) fn matching_ids(&self, query: &str, cap: usize) -> Result<Vec<String>> {
        if cap == 0 {
            return Ok(Vec::new());
        }
        let (_, whole) = self.parse(query, &Narrowing::default())?;
        let searcher = self.reader.searcher();
        let top = searcher.search(&*whole, &TopDocs::with_limit(cap).order_by_score())?;
        Ok(self
            .ids_of(&searcher, top)?
            .into_iter()
            .map(|(id, _)| id)
            .collect())
    }
}

/// Refuses a query the index must not be handed: too long, too deeply nested for tantivy's
/// recursive parser, or naming what it cannot answer. Linear in the query; the parse it makes
/// is bounded by the counts checked first.
pub(crate) fn check_query(query: &str) -> Result<()> {
    let refuse = |why: String| Err(crate::StoreError::Query(format!("{why}; {QUERY_SYNTAX}")));
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS {
        return refuse(format!(
            "the query is {chars} characters long, more than {MAX_QUERY_CHARS}"
        ));
    }
    let brackets = query.matches('(').count();
    if brackets > MAX_QUERY_BRACKETS {
        return refuse(format!(
            "the query opens {brackets} brackets, more than {MAX_QUERY_BRACKETS}"
        ));
    }
    let nots = query.matches("NOT").count();
    if nots > MAX_QUERY_NOTS {
        return refuse(format!(
            "the query has {nots} NOTs, more than {MAX_QUERY_NOTS}"
        ));
    }
    let (ast, _errors) = tantivy::query_grammar::parse_query_lenient(query);
    match unsupported(&ast) {
        Some(why) => refuse(why),
        None => Ok(()),
    }
}

/// The first part of `ast` the index cannot answer, said for the user. Recursion bounded by
/// [`check_query`]'s counts.
fn unsupported(ast: &UserInputAst) -> Option<String> {
    let field_ok = |f: &Option<String>| match f {
        Some(f) if !QUERY_FIELDS.contains(&f.as_str()) => Some(format!(
            "there is no field \"{f}\" (the fields are title and body)"
        )),
        _ => None,
    };
    match ast {
        UserInputAst::Clause(clauses) => clauses.iter().find_map(|(_, a)| unsupported(a)),
        UserInputAst::Boost(a, _) => unsupported(a),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(l) => field_ok(&l.field_name),
            UserInputLeaf::All => None,
            UserInputLeaf::Exists { field } => Some(format!(
                "\"{field}:*\" (any value of a field) is not supported"
            )),
            UserInputLeaf::Range { field, .. } | UserInputLeaf::Set { field, .. } => {
                field_ok(field)
            }
            UserInputLeaf::Regex { .. } => {
                Some("regular expressions (/.../) are not supported".into())
            }
        },
    }
}

/// The snippet of `body` that best shows the query terms (the opening when none occur).
pub(crate) fn snippet(generator: Option<&SnippetGenerator>, body: &str) -> Snippet {
    if let Some(g) = generator {
        let s = g.snippet(body);
        if !s.fragment().is_empty() {
            return Snippet {
                text: s.fragment().to_string(),
                highlights: s.highlighted().to_vec(),
            };
        }
    }
    let mut end = body.len().min(SNIPPET_CHARS);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    Snippet {
        text: body[..end].to_string(),
        highlights: Vec::new(),
    }
}
