//! The harness for the server's integration tests: the real router served in-process on a
//! loopback port, over real HTTP, against a fresh real database per test.
//!
//! - SQLite: a file in a temporary folder.
//! - PostgreSQL: when `TEST_POSTGRES_URL` (an admin URL such as
//!   `postgres://postgres@127.0.0.1:55432/postgres`) is set, a new database `t_<random>` is created
//!   through it for each test and dropped afterwards. When it is unset the PostgreSQL variant is
//!   skipped with a note — unless `BAOAN_REQUIRE_POSTGRES=1`, when it fails instead (the test
//!   command sets both, so a missing database can never pass silently).
//!
//! `both_engines!(name)` turns `async fn name(server: TestServer)` into the tests `name::sqlite`
//! and `name::postgres`; `both_engines!(name, |config| …)` adjusts the server's `Config` first.

#![allow(dead_code)]

use baoan_server::clock::Clock;
use baoan_server::config::Config;
use baoan_server::db::{Db, Engine};
use baoan_server::state::AppState;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tempfile::TempDir;

mod dist;
mod responses;
// Each test crate uses some of these; the others are unused there.
#[allow(unused_imports)]
pub use dist::*;
#[allow(unused_imports)]
pub use responses::*;

/// A fresh, empty database of the given engine. `None` when PostgreSQL is not configured (and
/// not required).
pub struct TestDb {
    pub url: String,
    pub engine: Engine,
    /// The SQLite file's folder (kept alive as long as the database is used).
    _dir: Option<TempDir>,
    /// PostgreSQL: the admin URL and the database's name, to drop it afterwards.
    pg_admin: Option<(String, String)>,
}

impl TestDb {
    pub async fn new(engine: Engine) -> Option<TestDb> {
        match engine {
            Engine::Sqlite => {
                let dir = tempfile::tempdir().expect("temp db dir");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite3").display());
                Some(TestDb { url, engine, _dir: Some(dir), pg_admin: None })
            }
            Engine::Postgres => {
                let admin = match std::env::var("TEST_POSTGRES_URL") {
                    Ok(url) if !url.trim().is_empty() => url,
                    _ => {
                        if std::env::var("BAOAN_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                            panic!(
                                "BAOAN_REQUIRE_POSTGRES=1 but TEST_POSTGRES_URL is not set: \
                                 start one with `bash scripts/pg.sh start /tmp/pgtest 55433` and export the URL it prints"
                            );
                        }
                        eprintln!("note: TEST_POSTGRES_URL is not set; skipping the PostgreSQL variant of this test");
                        return None;
                    }
                };
                let name = format!("t_{}", random_hex(12));
                admin_execute(&admin, &format!("CREATE DATABASE {name}")).await;
                let url = with_database(&admin, &name);
                Some(TestDb { url, engine, _dir: None, pg_admin: Some((admin, name)) })
            }
        }
    }

    /// Drops the PostgreSQL database (best effort; the SQLite folder goes with `self`).
    pub async fn drop_database(&self) {
        if let Some((admin, name)) = &self.pg_admin {
            sqlx::any::install_default_drivers();
            if let Ok(mut conn) = <sqlx::AnyConnection as sqlx::Connection>::connect(admin).await {
                let _ =
                    sqlx::Executor::execute(&mut conn, format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                        .await;
            }
        }
    }
}

async fn admin_execute(admin_url: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to TEST_POSTGRES_URL ({admin_url}): {e}"));
    sqlx::Executor::execute(&mut conn, sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// The admin URL with its database name replaced.
pub fn with_database(admin_url: &str, database: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (admin_url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let authority_end = base[scheme_end..].find('/').map(|i| scheme_end + i).unwrap_or(base.len());
    let mut url = format!("{}/{database}", &base[..authority_end]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

pub fn random_hex(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// One running server: its address, the clock it reads, its database pool.
#[derive(Clone)]
pub struct TestServer {
    pub base: String,
    pub addr: SocketAddr,
    pub clock: Clock,
    pub db: Db,
    pub engine: Engine,
    pub config: Arc<Config>,
    pub dist: Arc<TempDir>,
    /// This server's own data folder (uploads live under it), never shared with another test.
    pub data_dir: Arc<TempDir>,
    /// The state the server runs with (same pool, clock and configuration), for tests that call
    /// the shared services directly or serve a router of their own.
    pub state: AppState,
    test_db: Arc<TestDb>,
}

impl TestServer {
    /// Starts a server on a fresh database; `None` if this engine is skipped.
    pub async fn start(engine: Engine, configure: impl FnOnce(&mut Config)) -> Option<TestServer> {
        let test_db = TestDb::new(engine).await?;
        Some(Self::start_on(Arc::new(test_db), configure).await)
    }

    /// Starts a server on the given (possibly already used) database.
    pub async fn start_on(test_db: Arc<TestDb>, configure: impl FnOnce(&mut Config)) -> TestServer {
        let dist = make_dist();
        let data_dir = tempfile::tempdir().expect("temp data dir");
        let mut config = Config::for_tests(test_db.url.clone(), dist.path().to_path_buf());
        // Config::for_tests points at the system's temp folder, shared by every test: give each
        // server a data folder of its own (before `configure`, which may still change it).
        config.data_dir = data_dir.path().to_path_buf();
        configure(&mut config);
        let clock = Clock::default();
        let state: AppState = baoan_server::serve::state(config.clone(), clock.clone())
            .await
            .expect("server state (database connects and migrates)");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let db = state.db.clone();
        assert_eq!(db.engine, test_db.engine, "the server picked the engine from the URL");
        tokio::spawn(baoan_server::serve::serve_on(listener, state.clone()));
        TestServer {
            base: format!("http://{addr}"),
            addr,
            clock,
            db,
            engine: test_db.engine,
            config: Arc::new(config),
            dist: Arc::new(dist),
            data_dir: Arc::new(data_dir),
            state,
            test_db,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A simulated resident's browser: keeps cookies, never follows redirects, and (like a
    /// browser on the app's own pages) sends this server's origin as `Origin` on every request,
    /// which the cross-site check on writes requires.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(self.same_origin_headers())
            .build()
            .unwrap()
    }

    /// A client without a cookie jar (hand-written Cookie headers, staff tools), still sending
    /// this server's own `Origin`.
    pub fn plain_client(&self) -> reqwest::Client {
        reqwest::Client::builder().default_headers(self.same_origin_headers()).build().unwrap()
    }

    /// `Origin: http://127.0.0.1:<port>` — what a browser on the app's pages sends.
    pub fn same_origin_headers(&self) -> reqwest::header::HeaderMap {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ORIGIN, self.base.parse().unwrap());
        headers
    }

    /// Closes this server's pool (its requests fail from then on).
    pub async fn close(&self) {
        self.db.pool.close().await;
    }

    /// Closes the pool and drops the PostgreSQL database.
    pub async fn finish(self) {
        self.db.pool.close().await;
        self.test_db.drop_database().await;
    }

    pub async fn send_code(&self, client: &reqwest::Client, phone: &str) -> reqwest::Response {
        client.post(self.url("/api/v1/auth/sms-code")).json(&json!({ "phone": phone })).send().await.unwrap()
    }

    /// The last code the development SMS sender "sent" to `phone`.
    pub async fn outbox_code(&self, phone: &str) -> String {
        let r = reqwest::get(self.url(&format!("/api/v1/dev/sms-outbox?phone={phone}"))).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "no code in the outbox for {phone}");
        let body: Value = r.json().await.unwrap();
        let code = body["code"].as_str().unwrap_or_else(|| panic!("outbox has a code for {phone}: {body}")).to_string();
        assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "code is six digits: {code:?}");
        code
    }

    pub async fn post_session(&self, client: &reqwest::Client, phone: &str, code: &str) -> reqwest::Response {
        client
            .post(self.url("/api/v1/auth/session"))
            .json(&json!({ "phone": phone, "code": code }))
            .send()
            .await
            .unwrap()
    }

    /// Requests a code, reads it from the outbox and signs in; returns the `Me` body.
    pub async fn sign_in(&self, client: &reqwest::Client, phone: &str) -> Value {
        let r = self.send_code(client, phone).await;
        assert_eq!(r.status(), StatusCode::OK, "send code: {}", r.text().await.unwrap_or_default());
        let code = self.outbox_code(phone).await;
        let r = self.post_session(client, phone, &code).await;
        assert_eq!(r.status(), StatusCode::OK, "sign in");
        r.json().await.unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&self.db.pool).await.unwrap();
        n
    }
}

/// Starts a server on `engine` (configured by `configure`), runs `body` against it, then cleans
/// up. Skips (returns) when the engine is not available.
pub async fn run<C, F, Fut>(engine: Engine, configure: C, body: F)
where
    C: FnOnce(&mut Config),
    F: FnOnce(TestServer) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(server) = TestServer::start(engine, configure).await else { return };
    // On a task, so a failing test still cleans up before its panic is passed on.
    let outcome = tokio::spawn(body(server.clone())).await;
    server.finish().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Creates a fresh database of `engine`, runs `body` with it, then drops it. Skips (returns)
/// when the engine is not available.
pub async fn run_db<F, Fut>(engine: Engine, body: F)
where
    F: FnOnce(Arc<TestDb>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(db) = TestDb::new(engine).await else { return };
    let db = Arc::new(db);
    let outcome = tokio::spawn(body(db.clone())).await;
    db.drop_database().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// `$name::sqlite` from `async fn $name(server: TestServer)`, for behaviour that does not depend
/// on the database engine (headers, routing, documents).
#[macro_export]
macro_rules! sqlite_only {
    ($name:ident) => {
        $crate::sqlite_only!($name, |_config: &mut baoan_server::config::Config| {});
    };
    ($name:ident, $configure:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::common::run(baoan_server::db::Engine::Sqlite, $configure, super::$name).await;
            }
        }
    };
}

/// `$name::sqlite` and `$name::postgres` from `async fn $name(db: Arc<TestDb>)`: tests of the
/// storage layer itself, given a fresh empty database (no server).
#[macro_export]
macro_rules! both_engines_db {
    ($name:ident) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::common::run_db(baoan_server::db::Engine::Sqlite, super::$name).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::common::run_db(baoan_server::db::Engine::Postgres, super::$name).await;
            }
        }
    };
}

/// Generates `$name::sqlite` and `$name::postgres` that hand `super::$name` to `$runner`, an
/// `async fn(Engine, body)` that starts the server with whatever the test needs beside it (a
/// provider's stand-in, say) and runs the body with them.
#[macro_export]
macro_rules! both_engines_with {
    ($name:ident, $runner:path) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $runner(baoan_server::db::Engine::Sqlite, super::$name).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $runner(baoan_server::db::Engine::Postgres, super::$name).await;
            }
        }
    };
}

/// Generates `$name::sqlite` and `$name::postgres` from `async fn $name(server: TestServer)`.
#[macro_export]
macro_rules! both_engines {
    ($name:ident) => {
        $crate::both_engines!($name, |_config: &mut baoan_server::config::Config| {});
    };
    ($name:ident, $configure:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::common::run(baoan_server::db::Engine::Sqlite, $configure, super::$name).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::common::run(baoan_server::db::Engine::Postgres, $configure, super::$name).await;
            }
        }
    };
}
