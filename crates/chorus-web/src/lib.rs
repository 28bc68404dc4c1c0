//! The web face of a collection: server-rendered HTML pages (no scripts) and a JSON API over
//! a [`Collection`], built by [`app`] so tests drive the real router in-process.
//!
//! Only this crate knows HTTP. Handlers call the store on the blocking pool and turn its
//! errors into statuses here, at the edge, without internal detail. Nothing a request names
//! reaches the file system: the only file served (the OpenAPI document) is compiled in. An
//! address holding an encoded NUL is refused (400) before any handler: nothing stored holds one.
//!
//! [`serve`] bounds what a client can hold: a request head must arrive within
//! [`WebConfig::header_timeout`] (a silent connection, half a header or a kept-alive
//! connection left idle is closed after it), a body within [`WebConfig::body_timeout`] (408
//! after), a response the client stops reading is dropped after
//! [`WebConfig::write_timeout`], and at most [`WebConfig::max_connections`] connections are
//! served at once (more wait in the listen queue).

mod api;
mod error;
mod feeds;
mod markup;
mod outlets;
mod pages;
mod story;
mod versions;

use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use chorus_intake::Intake;
use chorus_model::{Article, SameStory};
use chorus_pipeline::Comparer;
use chorus_store::Collection;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

pub use error::WebError;

/// Limits of the server.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest request body accepted (`POST /api/articles`); larger ones get 413.
    pub max_body_bytes: usize,
    /// Most results a list or search returns.
    pub max_results: usize,
    /// Longest wait for a request's head (request line and headers), from when the
    /// connection opens or its previous response was sent; then the connection is closed.
    pub header_timeout: Duration,
    /// Longest time to receive a whole request body, however it is dripped; then 408.
    pub body_timeout: Duration,
    /// Longest a response may wait for the client to read it (no byte accepted); then the
    /// connection is closed.
    pub write_timeout: Duration,
    /// Connections served at once; more wait to be accepted until one closes.
    pub max_connections: usize,
    /// The address the site is reached at (`https://news.example.org`), for the absolute
    /// links of Atom feeds; without it they are made from the request's `Host`.
    pub public_url: Option<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            max_body_bytes: 16 * 1024 * 1024,
            max_results: 500,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            write_timeout: Duration::from_secs(60),
            max_connections: 4096,
            public_url: None,
        }
    }
}

/// A comparer of the collection and the article version it was counted at.
type VersionedComparer = (i64, Arc<Comparer>);

/// What every handler shares: the collection and the settings used to refresh its events.
#[derive(Clone)]
pub struct AppState {
    /// The collection, and the one way articles come in (`POST /api/articles`, and `serve --watch` beside it):
    /// one refresh at a time, and a POST that waited finds its articles already grouped by
    /// the refresh it waited for.
    intake: Arc<Intake>,
    config: Arc<WebConfig>,
    /// The collection's term statistics for `POST /api/similarity`, with the article version
    /// they were counted at; counted again when the collection has changed.
    comparer: Arc<std::sync::Mutex<Option<VersionedComparer>>>,
}

impl AppState {
    pub fn new(
        store: Arc<dyn Collection>,
        pipeline: chorus_pipeline::Config,
        config: WebConfig,
    ) -> AppState {
        AppState::with_intake(Arc::new(Intake::new(store, pipeline)), config)
    }

    /// A state over an intake shared with others in the process (`serve --watch`).
    pub fn with_intake(intake: Arc<Intake>, config: WebConfig) -> AppState {
        AppState {
            intake,
            config: Arc::new(config),
            comparer: Arc::default(),
        }
    }

    /// "Same story?" for two articles, which are not stored, with the collection's term
    /// statistics weighing the words: counted when first asked and again once a newer
    /// article version is stored; a request that came meanwhile waits and uses them.
    async fn compare(&self, a: Article, b: Article) -> Result<SameStory, WebError> {
        let cache = Arc::clone(&self.comparer);
        self.run(move |store, pipeline| {
            let version = store.article_version()?;
            let mut slot = cache.lock().unwrap_or_else(|e| e.into_inner());
            let comparer = match slot.as_ref() {
                Some((at, c)) if *at == version => Arc::clone(c),
                _ => {
                    let c = Arc::new(Comparer::new(store.articles()?, pipeline));
                    *slot = Some((version, Arc::clone(&c)));
                    c
                }
            };
            drop(slot);
            Ok(comparer.compare(a, b))
        })
        .await
    }

    /// Reads a request body as the file `name` would be read (JSON, JSON lines, HTML
    /// inside them), on the blocking pool: parsing and extracting pages is CPU work, and on
    /// the runtime's threads it would stall every other request meanwhile.
    async fn read_body(name: String, body: Bytes) -> Result<chorus_ingest::Ingested, WebError> {
        tokio::task::spawn_blocking(move || chorus_ingest::ingest_named_bytes(&name, &body))
            .await
            .map_err(|_| WebError::Internal)
    }

    /// Runs `f` on the blocking pool (the store does disk IO and may compute events).
    async fn run<T, F>(&self, f: F) -> Result<T, WebError>
    where
        T: Send + 'static,
        F: FnOnce(&dyn Collection, &chorus_pipeline::Config) -> Result<T, WebError>
            + Send
            + 'static,
    {
        let intake = Arc::clone(&self.intake);
        tokio::task::spawn_blocking(move || f(intake.collection(), intake.config()))
            .await
            .map_err(|_| WebError::Internal)?
    }
}

/// The whole site: HTML pages, the JSON API under `/api`, and the body size and time limits.
pub fn app(state: AppState) -> Router {
    let limit = state.config.max_body_bytes;
    let config = Arc::clone(&state.config);
    Router::new()
        .route("/", get(pages::event_list))
        .route("/events.atom", get(feeds::events))
        .route("/events/{id}", get(pages::event))
        .route("/events/{id}/feed.atom", get(feeds::event))
        .route("/outlets", get(outlets::outlet_list))
        .route("/outlets/{name}", get(outlets::outlet))
        .route("/articles/{*id}", get(pages::article))
        .route("/entities", get(pages::entity_list))
        .route("/entities/{id}", get(pages::entity))
        .route("/entities/{id}/feed.atom", get(feeds::entity))
        .route("/search", get(pages::search))
        .route("/compare", get(pages::compare_form).post(pages::compare))
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route(
            "/api/articles",
            axum::routing::post(api::post_articles).get(api::articles_method),
        )
        .route("/api/articles/{*id}", get(api::article))
        .route(
            "/api/similarity",
            axum::routing::post(api::similarity).get(api::similarity_method),
        )
        .route("/api/entities", get(api::entities))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/outlets", get(api::outlets))
        .route("/api/outlets/{name}", get(api::outlet))
        .route("/api/search", get(api::search))
        .route("/api/stats", get(api::stats))
        .route("/api/openapi.json", get(api::openapi))
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(no_nul))
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(config, whole_body))
        .with_state(state)
}

/// Refuses an address holding an encoded NUL (`%00`) with a 400: no stored id, name or word
/// holds one (ingest replaces them), and PostgreSQL text cannot hold one (it was a 500 there).
async fn no_nul(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let uri = request.uri();
    let holds = |s: &str| s.contains("%00");
    if !holds(uri.path()) && !uri.query().is_some_and(holds) {
        return next.run(request).await;
    }
    let error = WebError::BadRequest(
        "the address holds a NUL character (%00), which no id, name or word holds".into(),
    );
    if uri.path().starts_with("/api/") {
        error::ApiError(error).into_response()
    } else {
        error.into_response()
    }
}

/// Reads the request body whole before any handler sees it, within
/// [`WebConfig::body_timeout`] (408 after) and [`WebConfig::max_body_bytes`] (413 above): a
/// body dripped a byte at a time holds a connection no longer than that.
async fn whole_body(
    axum::extract::State(config): axum::extract::State<Arc<WebConfig>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let (parts, body) = request.into_parts();
    let read = tokio::time::timeout(
        config.body_timeout,
        axum::body::to_bytes(body, config.max_body_bytes),
    )
    .await;
    let (status, message) = match read {
        Ok(Ok(bytes)) => {
            let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
            return next.run(request).await;
        }
        Err(_) => (
            axum::http::StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {} s",
                config.body_timeout.as_secs_f64()
            ),
        ),
        Ok(Err(_)) => (
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than {} bytes, or broken",
                config.max_body_bytes
            ),
        ),
    };
    let mut response = (status, message).into_response();
    // What is left of the body is not read: the connection cannot carry another request.
    response.headers_mut().insert(
        axum::http::header::CONNECTION,
        axum::http::HeaderValue::from_static("close"),
    );
    response
}

/// Serves `app(state)` on `listener` until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_until(listener, state, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Serves `app(state)` on `listener` (HTTP/1.1) until `shutdown` completes, within the
/// limits of the state's [`WebConfig`]; requests in progress then get one header timeout to
/// finish.
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let config = Arc::clone(&state.config);
    let router = app(state);
    let slots = Arc::new(tokio::sync::Semaphore::new(config.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a little for connections to close (they all time out) and go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let stream = WriteDeadline::new(stream, config.write_timeout);
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(config.header_timeout, graceful.shutdown()).await;
    Ok(())
}

/// A connection whose writes may not stall: a write or flush that makes no progress for
/// `limit` fails (closing the connection), so a client that stops reading a response does not
/// hold it forever. Reads pass through: the header and body timeouts bound those.
struct WriteDeadline<T> {
    inner: T,
    limit: Duration,
    /// Running while a write waits for the client; dropped at any progress.
    stalled: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl<T> WriteDeadline<T> {
    fn new(inner: T, limit: Duration) -> WriteDeadline<T> {
        WriteDeadline {
            inner,
            limit,
            stalled: None,
        }
    }

    /// After the inner write was pending: pending too, or an error once stalled too long.
    fn stall<R>(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<std::io::Result<R>> {
        let limit = self.limit;
        let timer = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match timer.as_mut().poll(cx) {
            std::task::Poll::Ready(()) => std::task::Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client stopped reading the response",
            ))),
            std::task::Poll::Pending => std::task::Poll::Pending,
        }
    }

    /// `polled` from the inner stream, with the stall timer kept.
    fn watch<R>(
        &mut self,
        cx: &mut std::task::Context<'_>,
        polled: std::task::Poll<std::io::Result<R>>,
    ) -> std::task::Poll<std::io::Result<R>> {
        match polled {
            std::task::Poll::Pending => self.stall(cx),
            ready => {
                self.stalled = None;
                ready
            }
        }
    }
}

impl<T: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for WriteDeadline<T> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for WriteDeadline<T> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, polled)
    }

    fn poll_write_vectored(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, polled)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let polled = std::pin::Pin::new(&mut self.inner).poll_shutdown(cx);
        self.watch(cx, polled)
    }
}

#[cfg(test)]
mod tests;
