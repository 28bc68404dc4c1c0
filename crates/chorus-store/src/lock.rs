//! The write lock of a data directory: an advisory exclusive lock on `dir/write.lock`. The
//! operating system drops it when the holder dies, so `kill -9` never leaves a stale lock.

use crate::{Result, StoreError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Held while one process writes; released on drop.
#[derive(Debug)]
pub(crate) struct DirLock {
    _file: File,
}

pub(crate) fn lock_path(dir: &Path) -> PathBuf {
    dir.join("write.lock")
}

impl DirLock {
    /// Takes the lock without waiting; [`StoreError::Busy`] when another holder has it.
    pub(crate) fn try_acquire(dir: &Path) -> Result<DirLock> {
        let path = lock_path(dir);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Io {
                path: path.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(DirLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::Busy(dir.to_path_buf())),
            Err(TryLockError::Error(source)) => Err(StoreError::Io { path, source }),
        }
    }
}
