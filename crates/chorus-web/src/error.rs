//! Errors at the HTTP edge: each becomes a status and a short message that says nothing about
//! the server's insides (no SQL, no paths). HTML pages get a small page, the API gets JSON.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chorus_store::StoreError;

#[derive(Debug)]
pub enum WebError {
    NotFound,
    BadRequest(String),
    /// Another process is writing the collection.
    Busy,
    Internal,
}

impl WebError {
    pub(crate) fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn message(&self) -> String {
        match self {
            WebError::NotFound => "not found".into(),
            WebError::BadRequest(m) => m.clone(),
            WebError::Busy => {
                "the collection is being written by another process; try again".into()
            }
            WebError::Internal => "internal error".into(),
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Busy(_) => WebError::Busy,
            StoreError::NotFound(_) => WebError::NotFound,
            StoreError::Query(m) => WebError::BadRequest(format!("q: {m}")),
            _ => WebError::Internal,
        }
    }
}

/// API errors: `{"error": "..."}` with the status.
pub(crate) struct ApiError(pub(crate) WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.0.message() });
        (self.0.status(), axum::Json(body)).into_response()
    }
}

/// Page errors: a small HTML page with the status.
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = crate::markup::page(
            status.canonical_reason().unwrap_or("Error"),
            &format!(
                "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">All events</a></p>\n",
                status.as_u16(),
                crate::markup::escape(&self.message())
            ),
            "",
        );
        (status, body).into_response()
    }
}
