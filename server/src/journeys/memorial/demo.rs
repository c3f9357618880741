//! Demonstration data: two fictional cemeteries (marked 演示/示例: only 宝山园, which the
//! district's plan names, is reference data for every deployment), a Qingming-style booking
//! window that is open now (so the demo can be booked any day), the coming winter-solstice
//! window, and burial records to link memorials to.

use super::cemeteries::{insert_window, WindowCreate};
use crate::db::{new_id, DbResult};
use crate::localise::to_hant;
use baoan_contract::memorial::rules::DEFAULT_DAYS_AHEAD;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use baoan_contract::rules::figures::Provenance;
use sqlx::AnyConnection;

/// (id, 简体 name, largest group, proxy sweeping offered): fictional, no English (an English page
/// shows the Chinese, marked).
const DEMO_CEMETERIES: [(&str, &str, i64, bool); 2] =
    [("demo-qingsong", "演示·青松纪念园（示例）", 6, true), ("demo-cuihu", "演示·翠湖生态纪念园（示例）", 4, false)];

async fn demo_cemeteries(tx: &mut AnyConnection) -> DbResult<()> {
    let address = "示例地址（演示数据）";
    for (sort, (id, name, max_group, proxy)) in DEMO_CEMETERIES.into_iter().enumerate() {
        sqlx::query(
            "INSERT INTO memorial_cemeteries (id, name, name_hant, address, address_hant, map_url, max_group, sort, proxy_service) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(id)
        .bind(name)
        .bind(to_hant(name))
        .bind(address)
        .bind(to_hant(address))
        .bind("https://uri.amap.com/")
        .bind(max_group)
        .bind(sort as i64 + 10)
        .bind(proxy as i64)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo_cemeteries(tx).await?;
    let today = Date::from_unix_seconds(now, SHENZHEN_UTC_OFFSET);
    let window = |cemetery: &str, kind: &str, starts_on: Date, ends_on: Date, capacity: i64| WindowCreate {
        cemetery_id: cemetery.into(),
        kind: kind.into(),
        starts_on,
        ends_on,
        days_ahead: DEFAULT_DAYS_AHEAD,
        service_opens_minute: 0,
        service_closes_minute: 24 * 60,
        first_hour: 7,
        last_hour: 16,
        capacity,
        capacity_source: None,
    };
    // Every demo window's places are examples, from the window's first day.
    let example = |w: &WindowCreate| Provenance::example(w.starts_on);
    for w in [
        window("baoshan", "qingming", today, today.add_days(13), 40),
        window("demo-qingsong", "qingming", today, today.add_days(13), 30),
    ] {
        insert_window(tx, &new_id(), &w, &example(&w)).await?;
    }
    let solstice_year = if (today.month(), today.day()) > (12, 22) { today.year() + 1 } else { today.year() };
    if let (Some(a), Some(b)) = (Date::new(solstice_year, 12, 19), Date::new(solstice_year, 12, 23)) {
        if a > today.add_days(13) {
            let w = window("baoshan", "winter_solstice", a, b, 40);
            insert_window(tx, &new_id(), &w, &example(&w)).await?;
        }
    }
    for (number, name, cemetery, buried) in [
        ("BA-2019-000123", "陈国华", "baoshan", "2019-04-02"),
        ("BA-2021-004567", "林秀英", "demo-qingsong", "2021-10-15"),
    ] {
        sqlx::query("INSERT INTO memorial_burial_records (certificate_number, deceased_name, cemetery_id, buried_on) VALUES ($1, $2, $3, $4)")
            .bind(number)
            .bind(name)
            .bind(cemetery)
            .bind(buried)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
