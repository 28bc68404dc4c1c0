//! One test suite, two backends: a test written once as `fn name(backend: Backend)` and
//! listed in [`on_both!`] runs against SQLite (a scratch directory) and PostgreSQL (a schema
//! of its own in the database `CHORUS_TEST_DATABASE_URL` names, dropped afterwards, so tests
//! run in parallel). Without that variable the PostgreSQL half skips with a message, unless
//! `CHORUS_REQUIRE_POSTGRES=1` (CI), where its absence fails.

#![allow(dead_code)]

use chorus_store::{Collection, OpenOptions, PgStore, Store};
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL backend when a test database is given; `None` (after saying so) when it is
/// not and not required.
pub(crate) fn postgres() -> Option<Backend> {
    if database_url().is_some() {
        return Some(Backend::Postgres);
    }
    if std::env::var("CHORUS_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
        panic!(
            "CHORUS_REQUIRE_POSTGRES=1 but CHORUS_TEST_DATABASE_URL is not set \
             (start a server with scripts/postgres.sh start DIR)"
        );
    }
    eprintln!(
        "skipping the PostgreSQL half: set CHORUS_TEST_DATABASE_URL (scripts/postgres.sh start DIR \
         prints one)"
    );
    None
}

fn database_url() -> Option<String> {
    std::env::var("CHORUS_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// A fresh, empty collection, removed when dropped.
pub(crate) struct Opened {
    store: Box<dyn Collection>,
    place: Place,
}

enum Place {
    Dir(tempfile::TempDir),
    Schema(String, String),
}

impl Deref for Opened {
    type Target = dyn Collection;
    fn deref(&self) -> &(dyn Collection + 'static) {
        self.store.as_ref()
    }
}

impl Drop for Opened {
    fn drop(&mut self) {
        if let Place::Schema(url, schema) = &self.place {
            if let Err(e) = PgStore::drop_schema(url, schema) {
                eprintln!("could not drop test schema {schema}: {e}");
            }
        }
    }
}

impl Opened {
    /// The PostgreSQL schema the collection is in.
    pub(crate) fn schema(&self) -> Option<&str> {
        match &self.place {
            Place::Schema(_, schema) => Some(schema),
            Place::Dir(_) => None,
        }
    }

    /// Another handle on the same collection (as a second process would open it).
    pub(crate) fn reopen(&self) -> Box<dyn Collection> {
        match &self.place {
            Place::Dir(dir) => Box::new(
                Store::open(
                    dir.path(),
                    &OpenOptions {
                        create: false,
                        exclusive: false,
                    },
                )
                .unwrap(),
            ),
            Place::Schema(url, schema) => Box::new(PgStore::open_in(url, schema).unwrap()),
        }
    }
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Backend {
    /// An empty collection of this backend.
    pub(crate) fn open(self) -> Opened {
        match self {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(
                    dir.path(),
                    &OpenOptions {
                        create: true,
                        exclusive: false,
                    },
                )
                .unwrap();
                Opened {
                    store: Box::new(store),
                    place: Place::Dir(dir),
                }
            }
            Backend::Postgres => {
                let url = database_url().expect("checked by postgres()");
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.subsec_nanos())
                    .unwrap_or(0);
                let schema = format!(
                    "test_{}_{}_{nanos}",
                    std::process::id(),
                    NEXT.fetch_add(1, Ordering::SeqCst)
                );
                let store = PgStore::open_in(&url, &schema).unwrap();
                Opened {
                    store: Box::new(store),
                    place: Place::Schema(url, schema),
                }
            }
        }
    }
}

/// Runs each listed `fn name(Backend)` as two tests, `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::backends::Backend::Sqlite)
                }

                #[test]
                fn postgres() {
                    if let Some(b) = $crate::backends::postgres() {
                        super::$name(b)
                    }
                }
            }
        )*
    };
}
