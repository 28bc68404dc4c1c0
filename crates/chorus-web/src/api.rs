//! The JSON API: the same data as the pages, in the model's serde shapes, plus
//! `POST /api/articles` to ingest one article, a JSON array or JSON lines, and
//! `POST /api/similarity` to ask whether two articles are the same story. Documented in
//! `openapi.json` (served at `/api/openapi.json`).

use crate::error::ApiError;
use crate::pages::{EntityListQuery, ListQuery, PageQuery, SearchQuery};
use crate::{AppState, WebError};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chorus_model::{Diagnostic, SameStory};
use chorus_store::AddOutcome;
use serde::Serialize;
use std::sync::Arc;

const OPENAPI: &str = include_str!("openapi.json");

type ApiResult<T> = Result<Json<T>, ApiError>;

/// A page of a list as the API gives it: the items as a JSON array, how many there are in
/// all in `X-Total-Count`.
fn paged<T: Serialize>(page: chorus_store::Page<T>) -> Response {
    (
        [("x-total-count", page.total.to_string())],
        Json(page.items),
    )
        .into_response()
}

pub(crate) async fn events(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let filter = q.filter(state.config.max_results)?;
    Ok(paged(
        state
            .run(move |store, _| Ok(store.events_page(&filter)?))
            .await?,
    ))
}

/// An event as the API gives it: the report of the event alone, and its timeline.
#[derive(Debug, Serialize)]
pub(crate) struct EventReport {
    #[serde(flatten)]
    report: chorus_model::Report,
    timeline: Vec<chorus_model::TimelineDay>,
}

/// `GET /api/events/{id}` (JSON) and `GET /api/events/{id}.csv` (its facts as CSV).
pub(crate) async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (id, csv) = match id.strip_suffix(".csv") {
        Some(id) => (id.to_string(), true),
        None => (id, false),
    };
    let report = state
        .run(move |store, _| store.event_report(&id)?.ok_or(WebError::NotFound))
        .await?;
    if csv {
        return Ok((
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            chorus_render::csv(&report),
        )
            .into_response());
    }
    let timeline = report
        .events
        .first()
        .map(|e| chorus_pipeline::timeline(e, &report.articles))
        .unwrap_or_default();
    Ok(Json(EventReport { report, timeline }).into_response())
}

/// An article as the API gives it: as stored, and what each of its versions changed.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleWithVersions {
    #[serde(flatten)]
    stored: chorus_store::StoredArticle,
    versions: Vec<crate::versions::VersionChange>,
}

pub(crate) async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<ArticleWithVersions> {
    Ok(Json(
        state
            .run(move |store, _| {
                let stored = store.article(&id)?.ok_or(WebError::NotFound)?;
                let versions = crate::versions::changes(&store.article_versions(&id)?);
                Ok(ArticleWithVersions { stored, versions })
            })
            .await?,
    ))
}

pub(crate) async fn entities(
    State(state): State<AppState>,
    Query(q): Query<EntityListQuery>,
) -> Result<Response, ApiError> {
    let max = state.config.max_results;
    let query = q.query(max, max);
    Ok(paged(
        state
            .run(move |store, _| Ok(store.entities_page(&query)?))
            .await?,
    ))
}

pub(crate) async fn outlets(
    State(state): State<AppState>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let max = state.config.max_results;
    let (offset, limit) = (
        q.offset.unwrap_or(0).min(i64::MAX as usize),
        q.limit.unwrap_or(max).min(max),
    );
    Ok(paged(
        state
            .run(move |store, _| Ok(store.outlets(offset, limit)?))
            .await?,
    ))
}

pub(crate) async fn outlet(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<PageQuery>,
) -> ApiResult<chorus_store::OutletDetail> {
    let max = state.config.max_results;
    let (offset, limit) = (
        q.offset.unwrap_or(0).min(i64::MAX as usize),
        q.limit.unwrap_or(max).min(max),
    );
    Ok(Json(
        state
            .run(move |store, _| {
                store
                    .outlet(&name, offset, limit)?
                    .ok_or(WebError::NotFound)
            })
            .await?,
    ))
}

pub(crate) async fn entity(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<chorus_store::EntitySummary> {
    Ok(Json(
        state
            .run(move |store, _| store.entity(&id)?.ok_or(WebError::NotFound))
            .await?,
    ))
}

pub(crate) async fn search(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> ApiResult<chorus_store::SearchResults> {
    let request = q.request(state.config.max_results)?;
    if request.query.trim().is_empty() {
        return Err(WebError::BadRequest("q: a query is required".into()).into());
    }
    Ok(Json(
        state
            .run(move |store, _| Ok(store.search_page(&request)?))
            .await?,
    ))
}

pub(crate) async fn stats(State(state): State<AppState>) -> ApiResult<chorus_store::Stats> {
    Ok(Json(state.run(move |store, _| Ok(store.stats()?)).await?))
}

/// `GET /api/similarity` asks nothing: say which method works.
pub(crate) async fn similarity_method() -> ApiError {
    ApiError(WebError::BadRequest(
        "use POST with two articles (a JSON array or two JSON lines)".into(),
    ))
}

/// `POST /api/similarity`: "are these the same story?" for two articles, which are not
/// stored, with the collection's term statistics weighing the words.
pub(crate) async fn similarity(State(state): State<AppState>, body: Bytes) -> ApiResult<SameStory> {
    let parsed = AppState::read_body(request_name(&body), body).await?;
    let mut articles = parsed.articles;
    if articles.len() != 2 {
        let why = parsed
            .diagnostics
            .first()
            .map_or_else(String::new, |d| format!(" ({})", d.message));
        return Err(WebError::BadRequest(format!(
            "send exactly two articles, each with at least \"text\" or \"html\", as a JSON \
             array or two JSON lines; read {}{why}",
            articles.len()
        ))
        .into());
    }
    let b = articles.pop().expect("two articles");
    let a = articles.pop().expect("two articles");
    Ok(Json(state.compare(a, b).await?))
}

pub(crate) async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

/// `GET /api/articles` is not a listing: say which method works.
pub(crate) async fn articles_method() -> ApiError {
    ApiError(WebError::BadRequest(
        "use POST to add articles, or GET /api/articles/{id}".into(),
    ))
}

#[derive(Debug, Serialize)]
pub(crate) struct Ingested {
    #[serde(flatten)]
    outcome: AddOutcome,
    /// Articles in the collection and events after the refresh.
    articles: usize,
    events: usize,
    /// Ids the articles are stored under (given ids are kept).
    ids: Vec<String>,
    diagnostics: Vec<Diagnostic>,
}

/// A stable name for one request body, so records without an id get the same id when the
/// same body is posted again (FNV-1a; not a security hash, just a name).
fn request_name(body: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in body {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("post-{h:016x}.jsonl")
}

pub(crate) async fn post_articles(
    State(state): State<AppState>,
    body: Bytes,
) -> Result<(StatusCode, Json<Ingested>), ApiError> {
    let parsed = AppState::read_body(request_name(&body), body).await?;
    if parsed.articles.is_empty() {
        let why = parsed.diagnostics.first().map_or_else(
            || "no article in the body".to_string(),
            |d| d.message.clone(),
        );
        return Err(WebError::BadRequest(format!(
            "no article could be read: {why}; send one JSON object, an array, or JSON lines \
             with at least \"text\" or \"html\""
        ))
        .into());
    }
    let diagnostics = parsed.diagnostics;
    let articles = parsed.articles;
    let intake = Arc::clone(&state.intake);
    let result = state
        .run(move |_, _| {
            let posted = intake.post(&articles, &[])?;
            Ok(Ingested {
                outcome: posted.outcome,
                articles: posted.articles,
                events: posted.events,
                ids: articles.iter().map(|a| a.id.clone()).collect(),
                diagnostics,
            })
        })
        .await?;
    let status = if result.outcome.added + result.outcome.new_versions > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(result)))
}
