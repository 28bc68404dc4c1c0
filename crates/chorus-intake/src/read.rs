//! Reading inputs into the collection: articles are stored in batches as they are read, so
//! a large archive never sits in memory whole and a killed run keeps what it stored.

use crate::{Intake, BATCH};
use chorus_ingest::{ingest_paths_with, IngestConfig, Ingested};
use chorus_model::Article;
use chorus_store::{AddOutcome, Result};
use std::ops::ControlFlow;
use std::path::PathBuf;

/// What [`Intake::read_paths`] read and stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadSummary {
    /// Articles read.
    pub articles: usize,
    /// Inputs that yielded no article because of a problem.
    pub skipped: usize,
    pub stored: AddOutcome,
}

impl Intake {
    /// Reads `paths` (files, directories, URLs, `-`), storing each [`BATCH`] of articles as
    /// it is read and every diagnostic; `on_part` sees each part read (to report progress
    /// and diagnostics). Events are not computed: call [`Intake::refresh_if_outdated`].
    pub fn read_paths(
        &self,
        paths: &[PathBuf],
        config: &IngestConfig,
        on_part: &mut dyn FnMut(&Ingested, &ReadSummary),
    ) -> Result<ReadSummary> {
        let mut summary = ReadSummary::default();
        let mut pending: Vec<Article> = Vec::new();
        let mut failed = None;
        let _ = ingest_paths_with(paths, config, &mut |part| {
            summary.articles += part.articles.len();
            summary.skipped += part.skipped;
            on_part(&part, &summary);
            let stored = self
                .collection()
                .add_diagnostics(&part.diagnostics)
                .and_then(|()| {
                    pending.extend(part.articles);
                    self.store_ready(&mut pending, &mut summary.stored, false)
                });
            match stored {
                Ok(()) => ControlFlow::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    ControlFlow::Break(())
                }
            }
        });
        if let Some(e) = failed {
            return Err(e);
        }
        self.store_ready(&mut pending, &mut summary.stored, true)?;
        Ok(summary)
    }

    /// Stores the pending articles a [`BATCH`] at a time; unless `all`, a last part smaller
    /// than a batch stays pending.
    fn store_ready(
        &self,
        pending: &mut Vec<Article>,
        total: &mut AddOutcome,
        all: bool,
    ) -> Result<()> {
        let ready = if all {
            pending.len()
        } else {
            pending.len() - pending.len() % BATCH
        };
        *total += self.store(&pending[..ready])?;
        pending.drain(..ready);
        Ok(())
    }
}
