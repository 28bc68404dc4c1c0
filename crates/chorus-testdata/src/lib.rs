//! For tests, benches and developer tasks only (never a dependency of a stage or of the
//! binary): the real data in `../shared/data` beside the checkout. Tests read it when it is
//! there and skip, saying so, when it is not (a checkout alone still builds and tests).

use std::path::{Path, PathBuf};

/// Where `../shared/data/<rel>` beside the checkout is, whether or not it is there.
pub fn location(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel)
}

/// Set (to anything but `0`) where the data must be there, as in CI: a test that would skip
/// for want of it fails instead.
pub const REQUIRE: &str = "CHORUS_REQUIRE_SHARED";

/// `../shared/data/<rel>` beside the checkout, or `None` after saying on stderr that the
/// caller skips because it is absent. With [`REQUIRE`] set, an absent path panics instead.
pub fn shared(rel: &str) -> Option<PathBuf> {
    shared_under(rel, required())
}

fn required() -> bool {
    std::env::var_os(REQUIRE).is_some_and(|v| !v.is_empty() && v != "0")
}

fn shared_under(rel: &str, required: bool) -> Option<PathBuf> {
    let path = location(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !required,
        "{} is absent, and {REQUIRE} says this run must not skip for want of it",
        path.display()
    );
    eprintln!(
        "skipping: {} is absent (../shared beside the checkout)",
        path.display()
    );
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_missing_file_is_a_skip() {
        assert_eq!(super::shared_under("no/such/file.jsonl", false), None);
    }

    #[test]
    #[should_panic(expected = "must not skip")]
    fn a_missing_file_fails_where_the_data_is_required() {
        super::shared_under("no/such/file.jsonl", true);
    }
}
