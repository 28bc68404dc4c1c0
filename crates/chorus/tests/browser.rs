//! End to end in a real browser: `chorus serve` on the example corpus, driven through
//! headless Chromium by chromedriver's WebDriver HTTP API. Opens the event list, an event,
//! clicks a citation and checks the cited sentence is highlighted; saves a screenshot under
//! the target directory. Skips with a message when Chromium or chromedriver is missing
//! (`scripts/install-chromium.sh` installs them).

use base64::Engine;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Kills the child process when the test ends, passed or not.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find_program(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    candidates.iter().map(PathBuf::from).find(|p| p.exists())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Driver {
    base: String,
}

impl Driver {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.base, path);
        let result = match (method, body) {
            ("GET", _) => ureq::get(&url).call(),
            ("DELETE", _) => ureq::delete(&url).call(),
            (_, body) => ureq::post(&url).send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut response = result.unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let v: Value = response.body_mut().read_json().unwrap();
        v["value"].clone()
    }

    fn find(&self, session: &str, css: &str) -> String {
        let v = self.call(
            "POST",
            &format!("/session/{session}/element"),
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn click(&self, session: &str, element: &str) {
        self.call(
            "POST",
            &format!("/session/{session}/element/{element}/click"),
            None,
        );
    }
}

#[test]
fn a_reader_follows_a_citation_to_its_highlighted_sentence() {
    let Some(chromium) = find_program(
        "CHROMIUM",
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
    ) else {
        eprintln!("skipped: chromium is not installed (run scripts/install-chromium.sh)");
        return;
    };
    let Some(chromedriver) = find_program("CHROMEDRIVER", &["/usr/bin/chromedriver"]) else {
        eprintln!("skipped: chromedriver is not installed (run scripts/install-chromium.sh)");
        return;
    };
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let data = tmp.join("data");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let bin = env!("CARGO_BIN_EXE_chorus");
    let ingest = Command::new(bin)
        .args(["ingest", corpus.to_str().unwrap()])
        .env("CHORUS_DATA", &data)
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );

    let mut serve = Command::new(bin)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("CHORUS_DATA", &data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(serve.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _serve = Killed(serve);
    let site = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .trim_end_matches('/')
        .to_string();

    let port = free_port();
    let driver = Killed(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let wd = Driver {
        base: format!("http://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while ureq::get(&format!("{}/status", wd.base)).call().is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    let profile = tmp.join("profile");
    let session = wd.call(
        "POST",
        "/session",
        Some(
            json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-dev-shm-usage",
                    "--window-size=1200,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }}}}),
        ),
    );
    let sid = session["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no session: {session}"))
        .to_string();

    // The event list, then the first (largest) event.
    wd.call(
        "POST",
        &format!("/session/{sid}/url"),
        Some(json!({ "url": format!("{site}/") })),
    );
    let event = wd.find(&sid, "table a[href^='/events/']");
    wd.click(&sid, &event);
    let url = wd.call("GET", &format!("/session/{sid}/url"), None);
    assert!(url.as_str().unwrap().contains("/events/"), "{url}");
    let title = wd.call("GET", &format!("/session/{sid}/title"), None);
    assert!(!title.as_str().unwrap().is_empty());

    // The first citation of the account opens the article with the sentence marked.
    let cite = wd.find(&sid, "ol.account .cite a");
    wd.click(&sid, &cite);
    let url = wd.call("GET", &format!("/session/{sid}/url"), None);
    let url = url.as_str().unwrap();
    assert!(url.contains("/articles/") && url.contains("hl="), "{url}");
    let mark = wd.find(&sid, "mark#hl");
    let text = wd.call("GET", &format!("/session/{sid}/element/{mark}/text"), None);
    assert!(text.as_str().unwrap().len() > 20, "highlighted: {text}");
    let background = wd.call(
        "GET",
        &format!("/session/{sid}/element/{mark}/css/background-color"),
        None,
    );
    let background = background.as_str().unwrap();
    assert!(
        !background.is_empty() && background != "rgba(0, 0, 0, 0)" && background != "transparent",
        "the mark is not highlighted: {background}"
    );
    // The browser scrolled to the sentence (`#hl`): it is inside the viewport.
    let rect = wd.call("GET", &format!("/session/{sid}/element/{mark}/rect"), None);
    let view = wd.call(
        "POST",
        &format!("/session/{sid}/execute/sync"),
        Some(json!({ "script": "return [window.scrollY, window.innerHeight]", "args": [] })),
    );
    let (y, top, height) = (
        rect["y"].as_f64().unwrap(),
        view[0].as_f64().unwrap(),
        view[1].as_f64().unwrap(),
    );
    assert!(
        y + 1.0 >= top && y < top + height,
        "mark at {y}, viewport {top}+{height}"
    );

    let png = wd.call("GET", &format!("/session/{sid}/screenshot"), None);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(png.as_str().unwrap())
        .unwrap();
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let shot = target
        .parent()
        .unwrap_or(target)
        .join("browser-citation.png");
    std::fs::write(&shot, &bytes).unwrap();
    eprintln!("screenshot: {}", shot.display());
    assert!(bytes.starts_with(b"\x89PNG"));

    // Issue #28: the new pages on a phone (390 px wide) keep to the width of the screen, and
    // the feeds open; a screenshot of each page under the target directory.
    wd.call(
        "POST",
        &format!("/session/{sid}/window/rect"),
        Some(json!({ "width": 390, "height": 844 })),
    );
    let pages = [
        ("list", "/".to_string()),
        ("outlets", "/outlets".to_string()),
        ("outlet", "/outlets/Meridian%20Wire".to_string()),
        ("search", "/search?q=port%20strike".to_string()),
        ("entities", "/entities?q=caldermoor".to_string()),
        ("event", "/events/e1?since=2026-03-10".to_string()),
    ];
    for (name, path) in &pages {
        wd.call(
            "POST",
            &format!("/session/{sid}/url"),
            Some(json!({ "url": format!("{site}{path}") })),
        );
        let widths = wd.call(
            "POST",
            &format!("/session/{sid}/execute/sync"),
            Some(json!({
                "script": "return [document.documentElement.scrollWidth, window.innerWidth, document.title]",
                "args": []
            })),
        );
        let (scroll, inner) = (widths[0].as_f64().unwrap(), widths[1].as_f64().unwrap());
        assert!(scroll <= inner + 1.0, "{path}: {scroll} px wide in {inner}");
        assert!(
            widths[2].as_str().unwrap().ends_with("chorus"),
            "{path}: {widths}"
        );
        let png = wd.call("GET", &format!("/session/{sid}/screenshot"), None);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().unwrap())
            .unwrap();
        let shot = target
            .parent()
            .unwrap_or(target)
            .join(format!("browser-390-{name}.png"));
        std::fs::write(&shot, &bytes).unwrap();
    }
    for path in ["/events.atom", "/events/e1/feed.atom", "/entities"] {
        wd.call(
            "POST",
            &format!("/session/{sid}/url"),
            Some(json!({ "url": format!("{site}{path}") })),
        );
        let text = wd.call(
            "POST",
            &format!("/session/{sid}/execute/sync"),
            Some(json!({ "script": "return document.documentElement.outerHTML", "args": [] })),
        );
        assert!(
            text.as_str().unwrap().contains("e1") || path == "/entities",
            "{path}"
        );
    }
    wd.call("DELETE", &format!("/session/{sid}"), None);
    drop(driver);
}
