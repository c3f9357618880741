//! Start-up: database (migrated, demo data in demo mode), shared services (the SMS sender of
//! the mode), router, listener, periodic work, graceful shutdown.

use crate::auth::ceiling::CeilingSender;
use crate::auth::sms::tencent::TencentSms;
use crate::auth::sms::{DevLogSender, SmsSender};
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{demo, Db, DbResult};
use crate::journeys;
use crate::journeys::charity::wechat_pay::WechatPay;
use crate::state::AppState;
use std::net::SocketAddr;
use std::sync::Arc;

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    /// The live service's settings are missing or unusable: one line each.
    Settings(Vec<String>),
    /// The live service was pointed at a database of demo data.
    DemoDatabase,
    Database(sqlx::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Settings(lines) => f.write_str(&lines.join("\n")),
            StartError::DemoDatabase => f.write_str(
                "the database holds demo data (written by --demo): the live service needs a database of its own",
            ),
            StartError::Database(e) => write!(f, "database: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

impl From<sqlx::Error> for StartError {
    fn from(e: sqlx::Error) -> Self {
        StartError::Database(e)
    }
}

/// The SMS sender of the mode: the development one (nothing leaves the server) in demo mode,
/// Tencent Cloud SMS otherwise.
fn sms_sender(config: &Config) -> Result<Arc<dyn SmsSender>, StartError> {
    if config.demo {
        return Ok(Arc::new(DevLogSender::default()));
    }
    let settings = config.tencent_sms.settings().map_err(StartError::Settings)?;
    Ok(Arc::new(TencentSms::new(settings).map_err(|e| StartError::Settings(vec![e]))?))
}

/// WeChat Pay when its settings are given (then all of them, and usable). The live service
/// always has them (`run` refuses to start without); in demo mode without them the demo's
/// sandbox takes gifts.
fn payment_provider(config: &Config) -> Result<Option<Arc<WechatPay>>, StartError> {
    if !config.wechat_pay.any_given() {
        return Ok(None);
    }
    let settings = config.wechat_pay.settings().map_err(StartError::Settings)?;
    let pay = journeys::charity::wechat_pay::load(&settings).map_err(|e| StartError::Settings(vec![e]))?;
    Ok(Some(Arc::new(pay)))
}

/// Everything but the listener, so tests can serve the same app on a port of their own.
pub async fn state(config: Config, clock: Clock) -> Result<AppState, StartError> {
    let sender = sms_sender(&config)?;
    // The database, and the demo data in demo mode.
    let db = Db::connect(&config.database_url()).await?;
    // 繁體 and search forms of rows written before they existed (OpenCC, which SQL lacks).
    crate::localise::fill_missing(&db).await?;
    if config.demo && config.seed_demo_data && seed_demo_if_empty(&db, clock.now()).await? {
        tracing::warn!(
            phone = demo::DEMO_PHONE,
            "DEMO DATA written: this server is a demonstration, not the live service"
        );
    }
    if config.demo {
        // Example figures, marked as such, so a demonstration can check eligibility; the live
        // service starts with none and waits for the district's (journeys::assistance::standards).
        journeys::assistance::standards::seed_examples_if_empty(&db, clock.now()).await?;
    }
    let demo = demo::is_demo(&db).await?;
    if demo && !config.demo {
        // Fictional residents, charities and ledgers must never be served as the real thing.
        return Err(StartError::DemoDatabase);
    }
    if demo {
        // Demo photos are drawn into the data directory (charity journey).
        if let Err(e) = journeys::charity::write_demo_files(&db, &config.data_dir).await {
            tracing::warn!(error = %e, "could not write the demo photos");
        }
    }
    if config.insecure_dev_cookie {
        tracing::warn!("insecure development cookies are ON: session cookies without Secure, for plain HTTP only");
    }
    // Shared services. Every SMS, whatever its purpose, passes the service-wide ceiling.
    let sms = Arc::new(CeilingSender {
        inner: sender,
        db: db.clone(),
        clock: clock.clone(),
        per_minute: config.sms_ceiling_per_minute,
        per_hour: config.sms_ceiling_per_hour,
    });
    let wechat_pay = payment_provider(&config)?;
    Ok(AppState { db, config: Arc::new(config), sms, clock, demo, wechat_pay })
}

/// Demonstration data, written once into an empty database (`--demo`): the demo flag and
/// resident, then each journey's own, in one transaction. False if the database had residents.
pub async fn seed_demo_if_empty(db: &Db, now: i64) -> DbResult<bool> {
    let Some(mut tx) = demo::begin_if_empty(db, now).await? else {
        return Ok(false);
    };
    journeys::assistance::seed_demo(&mut tx, now).await?;
    journeys::marriage::seed_demo(&mut tx, now).await?;
    journeys::charity::seed_demo(&mut tx, now).await?;
    journeys::memorial::seed_demo(&mut tx, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Serves `state` on `listener` until the process is asked to stop.
pub async fn serve_on(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let app = crate::app::build(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await
}

pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let bind = config.bind.clone();
    let state = state(config, Clock::default()).await?;
    let listener = tokio::net::TcpListener::bind(&bind).await?;
    let addr = listener.local_addr()?;
    let mode = if state.config.demo { "demo" } else { "production" };
    tracing::info!(url = %format!("http://{addr}/"), database = ?state.db.engine, mode, demo_data = state.demo, "宝安民政 · 便民服务 is running");
    println!("\n  宝安民政 · 便民服务 is running at http://{addr}/\n");
    // Periodic work: memorial reminders on their day, monthly charity pledges.
    tokio::spawn(journeys::memorial::run_reminders(state.clone()));
    tokio::spawn(journeys::charity::charge_pledges_periodically(state.clone()));
    tokio::spawn(journeys::charity::wechat_pay::run_periodically(state.clone()));
    // Expired sessions, codes, rate records, idempotency records and unused uploads, hourly.
    tokio::spawn(crate::purge::run_periodically(state.clone()));
    serve_on(listener, state).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
