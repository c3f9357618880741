//! One pool for SQLite (embedded, the default) or PostgreSQL (when DATABASE_URL says so),
//! running the same migrations. Queries use `$1, $2, …` placeholders in order, which both
//! engines accept, and portable types only (TEXT, BIGINT).

pub mod demo;

use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
}

pub type DbResult<T> = Result<T, sqlx::Error>;

impl Db {
    /// Connects, creating the SQLite file and its folder if needed, and runs the migrations.
    pub async fn connect(url: &str) -> DbResult<Db> {
        sqlx::any::install_default_drivers();
        let engine = if url.starts_with("postgres") { Engine::Postgres } else { Engine::Sqlite };
        if engine == Engine::Sqlite {
            create_sqlite_parent_dir(url);
        }
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        options = match engine {
            // SQLite: WAL lets readers run while one writer writes; busy_timeout makes writers queue
            // instead of failing under a burst of bookings.
            Engine::Sqlite => options.max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
                        .await?;
                    Ok(())
                })
            }),
            Engine::Postgres => options.max_connections(16),
        };
        let pool = options.connect(url).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Db { pool, engine })
    }

    /// Begins a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`: the write lock
    /// is taken at the start (waiting up to busy_timeout behind other writers), so a transaction
    /// that reads before it writes can never fail halfway with SQLITE_BUSY when another writer
    /// committed since its read (a deferred transaction cannot upgrade its read snapshot then,
    /// and busy_timeout does not help). PostgreSQL's row locks need no such care.
    pub async fn begin(&self) -> DbResult<Transaction<'static, Any>> {
        match self.engine {
            Engine::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Engine::Postgres => self.pool.begin().await,
        }
    }
}

/// Whether an error means "busy", not "broken": no pooled connection free within the acquire
/// timeout, or SQLite's lock still held after busy_timeout (SQLITE_BUSY and its extended codes,
/// SQLITE_LOCKED). The request can be retried; it is answered 503 with Retry-After, never 500.
pub fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(d) => {
            let code = d.code().and_then(|c| c.parse::<i64>().ok());
            // SQLite's primary result code is the low byte: 5 SQLITE_BUSY, 6 SQLITE_LOCKED ("database
            // is locked", "database table is locked"). PostgreSQL's codes are SQLSTATEs, never these.
            matches!(code.map(|c| c & 0xff), Some(5) | Some(6)) && d.message().contains("locked")
        }
        _ => false,
    }
}

fn create_sqlite_parent_dir(url: &str) {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or("");
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(parent);
        }
    }
}

/// A random identifier: 128 bits, URL-safe. Used for record ids and session tokens.
pub fn new_id() -> String {
    use base64::Engine as _;
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
