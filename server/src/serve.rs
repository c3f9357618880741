//! Start-up: database (migrated, demo data if asked), shared services, router, listener,
//! periodic work, graceful shutdown.

use crate::auth::ceiling::CeilingSender;
use crate::auth::sms::DevLogSender;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{demo, Db, DbResult};
use crate::journeys;
use crate::state::AppState;
use std::net::SocketAddr;
use std::sync::Arc;

/// Everything but the listener, so tests can serve the same app on a port of their own.
pub async fn state(config: Config, clock: Clock) -> Result<AppState, sqlx::Error> {
    // The database, and the demo data when asked for.
    let db = Db::connect(&config.database_url()).await?;
    if config.demo_data && seed_demo_if_empty(&db, clock.now()).await? {
        tracing::warn!(
            phone = demo::DEMO_PHONE,
            "DEMO DATA written: this server is a demonstration, not the live service"
        );
    }
    let demo = demo::is_demo(&db).await?;
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
        inner: Arc::new(DevLogSender::default()),
        db: db.clone(),
        clock: clock.clone(),
        per_minute: config.sms_ceiling_per_minute,
        per_hour: config.sms_ceiling_per_hour,
    });
    // WeChat Pay when configured (all its settings, or none: then the sandbox stays).
    let wechat_pay = config.wechat_pay.load().map_err(|e| sqlx::Error::Configuration(e.into()))?.map(Arc::new);
    Ok(AppState { db, config: Arc::new(config), sms, clock, demo, wechat_pay })
}

/// Demonstration data, written once into an empty database (`--demo-data`): the demo flag and
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
    tracing::info!(url = %format!("http://{addr}/"), database = ?state.db.engine, demo = state.demo, "宝安民政 · 便民服务 is running");
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
