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

/// `../shared/data/<rel>` beside the checkout, or `None` after saying on stderr that the
/// caller skips because it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = location(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipping: {} is absent (../shared beside the checkout)",
            path.display()
        );
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_missing_file_is_a_skip() {
        assert_eq!(super::shared("no/such/file.jsonl"), None);
    }
}
