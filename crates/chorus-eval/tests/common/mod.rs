//! What the evaluation tests share: finding the real data beside the checkout.

use std::path::{Path, PathBuf};

/// `../shared/data/<rel>` beside the checkout, or `None` (with a message saying the test
/// skips) when it is absent.
pub(crate) fn shared(rel: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} is absent (../shared beside the checkout)",
            p.display()
        );
        None
    }
}
