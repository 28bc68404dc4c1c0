//! A tiny HTTP/1.1 server on 127.0.0.1 for tests: each connection answers one request with
//! what a handler returns for its path and headers, then closes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// A request as the server saw it: its path and its headers (names lower-cased).
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// An answer: status, extra header lines (each ending in `\r\n`), body.
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, headers: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: headers.to_string(),
            body: body.into(),
        }
    }
}

/// Reads one request's line and headers from `stream` (the body, if any, is left unread);
/// `None` when the client sent nothing readable.
pub fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split(' ').nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
            break;
        }
        if let Some((n, v)) = h.split_once(':') {
            headers.insert(n.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    Some(Request { path, headers })
}

/// Starts a server answering with `handler` on a thread of its own; returns its base URL
/// (`http://127.0.0.1:PORT`). It runs until the test process ends.
pub fn serve(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("a bound address"));
    let handler = Arc::new(handler);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let handler = Arc::clone(&handler);
            std::thread::spawn(move || {
                let Some(request) = read_request(&stream) else {
                    return;
                };
                let r = handler(&request);
                let mut out = stream;
                let head = format!(
                    "HTTP/1.1 {} X\r\n{}Content-Length: {}\r\nConnection: close\r\n\r\n",
                    r.status,
                    r.headers,
                    r.body.len()
                );
                let _ = out.write_all(head.as_bytes());
                let _ = out.write_all(&r.body);
            });
        }
    });
    base
}
