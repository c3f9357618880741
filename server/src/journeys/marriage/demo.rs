//! Demo registry offices (演示数据): real-sounding Bao'an offices, clearly marked as demo data by
//! the app's demo banner; their names, addresses and phone numbers are illustrative.
//!
//! Bookings follow the real flow in the demo too: the demo resident (whose profile holds a name
//! and document, so party A is filled at once) names any other mobile number as party B, then
//! signs in with that number (its code is in the development sender's log/outbox) to confirm or
//! decline as party B. No demo partner account is seeded: party B's account is the one of the
//! phone named, made when they first sign in (or when the notice is sent).

use crate::db::DbResult;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use sqlx::AnyConnection;

struct DemoOffice {
    id: &'static str,
    name: [&'static str; 3],
    address: [&'static str; 3],
    map_query: &'static str,
    phone: &'static str,
    capacity: i64,
}

const HOURS: [&str; 3] = [
    "周一至周五 9:00–12:00，14:00–17:00；法定节假日休息，特殊日期延时服务以公告为准",
    "週一至週五 9:00–12:00，14:00–17:00；法定節假日休息，特殊日期延時服務以公告為準",
    "Mon–Fri 9:00–12:00 and 14:00–17:00; closed on public holidays; extended service on announced days",
];

const OFFICES: [DemoOffice; 3] = [
    DemoOffice {
        id: "baoan-district",
        name: ["宝安区婚姻登记处（演示）", "寶安區婚姻登記處（演示）", "Bao'an District Marriage Registry (demo)"],
        address: [
            "宝安区新安街道创业一路（演示地址）",
            "寶安區新安街道創業一路（演示地址）",
            "Chuangye 1st Road, Xin'an Subdistrict, Bao'an (demo address)",
        ],
        map_query: "宝安区婚姻登记处",
        phone: "0755-00000001",
        capacity: 8,
    },
    DemoOffice {
        id: "xixiang",
        name: ["西乡婚姻登记点（演示）", "西鄉婚姻登記點（演示）", "Xixiang Marriage Registration Point (demo)"],
        address: [
            "宝安区西乡街道宝源路（演示地址）",
            "寶安區西鄉街道寶源路（演示地址）",
            "Baoyuan Road, Xixiang Subdistrict, Bao'an (demo address)",
        ],
        map_query: "宝安区西乡街道",
        phone: "0755-00000002",
        capacity: 6,
    },
    DemoOffice {
        id: "shajing",
        name: ["沙井婚姻登记点（演示）", "沙井婚姻登記點（演示）", "Shajing Marriage Registration Point (demo)"],
        address: [
            "宝安区沙井街道新沙路（演示地址）",
            "寶安區沙井街道新沙路（演示地址）",
            "Xinsha Road, Shajing Subdistrict, Bao'an (demo address)",
        ],
        map_query: "宝安区沙井街道",
        phone: "0755-00000003",
        capacity: 4,
    },
];

/// Writes the demo offices and, relative to `now`, a holiday closure, a Saturday with extended
/// service and a server-marked busy day, so every case shows in the app.
pub async fn seed(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    for (i, o) in OFFICES.iter().enumerate() {
        let map_url = format!("https://uri.amap.com/search?keyword={}", o.map_query);
        sqlx::query(
            "INSERT INTO marriage_offices (id, sort_order, name_zh_hans, name_zh_hant, name_en, address_zh_hans, \
             address_zh_hant, address_en, hours_zh_hans, hours_zh_hant, hours_en, phone, map_url, slot_capacity) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(o.id)
        .bind(i as i64)
        .bind(o.name[0])
        .bind(o.name[1])
        .bind(o.name[2])
        .bind(o.address[0])
        .bind(o.address[1])
        .bind(o.address[2])
        .bind(HOURS[0])
        .bind(HOURS[1])
        .bind(HOURS[2])
        .bind(o.phone)
        .bind(map_url)
        .bind(o.capacity)
        .execute(&mut *tx)
        .await?;
    }
    let today = Date::from_unix_seconds(now, SHENZHEN_UTC_OFFSET);
    // The first weekday at least 5 days on: a holiday closure at the district office.
    let closed = next_weekday(today.add_days(5), |w| w < 5);
    // The first Saturday at least 7 days on: extended service at the district office.
    let saturday = next_weekday(today.add_days(7), |w| w == 5);
    // A weekday about two weeks on that the server marks busy at every office.
    let busy = next_weekday(today.add_days(12), |w| w < 5);
    let notes: [(&str, Date, &str, [&str; 3]); 2] = [
        (
            "closed",
            closed,
            "baoan-district",
            ["内部培训，暂停办理（演示）", "內部培訓，暫停辦理（演示）", "Closed for staff training (demo)"],
        ),
        (
            "extended",
            saturday,
            "baoan-district",
            ["周六延时服务（演示）", "週六延時服務（演示）", "Saturday extended service (demo)"],
        ),
    ];
    for (kind, day, office, note) in notes {
        insert_special(tx, office, day, kind, note).await?;
    }
    for o in &OFFICES {
        let note = [
            "热门日期（演示），建议选择附近日期",
            "熱門日期（演示），建議選擇附近日期",
            "Popular date (demo): consider a nearby day",
        ];
        insert_special(tx, o.id, busy, "busy", note).await?;
    }
    Ok(())
}

async fn insert_special(tx: &mut AnyConnection, office: &str, day: Date, kind: &str, note: [&str; 3]) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO marriage_special_days (office_id, day, kind, note_zh_hans, note_zh_hant, note_en, basis) \
         VALUES ($1, $2, $3, $4, $5, $6, 'example')",
    )
    .bind(office)
    .bind(day.to_iso())
    .bind(kind)
    .bind(note[0])
    .bind(note[1])
    .bind(note[2])
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The first day from `from` whose weekday (0 = Monday) satisfies `want`.
fn next_weekday(from: Date, want: impl Fn(u8) -> bool) -> Date {
    (0..7).map(|i| from.add_days(i)).find(|d| want(d.weekday())).unwrap_or(from)
}
