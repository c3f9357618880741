//! Monthly pledges without contract deduction: each month is a reminder with a one-tap payment
//! link (a new gift order), paid only when the donor pays it; never a silent charge.

use super::flow::{gift, give, open_pay_link, totals, Notification};
use super::standin::{configure, StandIn};
use crate::both_engines;
use crate::common::TestServer;
use baoan_contract::rules::date::Date;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A district admin runs the monthly charge for `date`.
async fn charge(server: &TestServer, date: Date) -> Value {
    let admin = crate::staff_common::district_admin(server).await;
    let url = server.url("/api/v1/staff/runs/charity-pledges");
    let r = admin.post(url).json(&json!({ "date": date.to_iso() })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// Pays the one order the stand-in holds unpaid, then notifies as WeChat Pay does.
async fn pay_by_notification(server: &TestServer, standin: &StandIn) {
    let no = {
        let orders = standin.orders.lock().unwrap();
        orders.iter().find(|(_, o)| o.trade_state == "NOTPAY").map(|(no, _)| no.clone()).unwrap()
    };
    let paid = standin.pay(&no);
    let r = Notification::genuine(server, &StandIn::transaction(&no, &paid)).send(server).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}

async fn a_monthly_pledge_is_a_reminder_not_a_charge(server: TestServer) {
    let standin = StandIn::start(&server).await;
    let client = server.client();
    server.sign_in(&client, "13800000064").await;
    let first = give(&server, &client, 2000, "monthly").await;
    open_pay_link(&server, &client, &first, &standin).await;
    pay_by_notification(&server, &standin).await;
    let pledges: Value =
        client.get(server.url("/api/v1/me/charity/pledges")).send().await.unwrap().json().await.unwrap();
    assert_eq!(pledges.as_array().unwrap().len(), 1, "the first paid gift starts the pledge");
    let pledge_id = pledges[0]["id"].as_str().unwrap().to_string();
    let before = totals(&server).await;

    // Next month: a reminder with a payment link, nothing charged.
    let next = Date::from_unix_seconds(server.clock.now() + 35 * 86_400, 8 * 3600);
    let month = format!("{:04}-{:02}", next.year(), next.month());
    let r = charge(&server, next).await;
    assert_eq!((r["reminded"].as_i64(), r["charged"].as_i64()), (Some(1), Some(0)), "{r}");
    assert_eq!(totals(&server).await, before);
    let month_gift = format!("{pledge_id}-{month}");
    let (link,): (String,) = sqlx::query_as("SELECT action_path FROM messages WHERE event = 'charity.pledge_due'")
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(link, format!("/api/v1/charity/gifts/{month_gift}/pay"));
    assert_eq!(gift(&client, &server, &month_gift).await["status"], "pending");
    // A second run the same month sends no second reminder.
    let r = charge(&server, next).await;
    assert_eq!((r["reminded"].as_i64(), r["already_charged"].as_i64()), (Some(0), Some(1)), "{r}");

    // One tap on the reminder's link, the payment, its notification: the month is paid.
    let r = client.get(server.url(&link)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    pay_by_notification(&server, &standin).await;
    assert_eq!(gift(&client, &server, &month_gift).await["status"], "paid");
    assert_eq!(totals(&server).await.0, before.0 + 2000);
    let pledges: Value =
        client.get(server.url("/api/v1/me/charity/pledges")).send().await.unwrap().json().await.unwrap();
    assert_eq!(pledges[0]["monthly_charges"], 1);
    assert_eq!(pledges[0]["last_month"], month);
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_pledges").await, 1, "a month's gift starts no new pledge");
    assert_eq!(server.count("SELECT COUNT(*) FROM messages WHERE event = 'charity.pledge_charged'").await, 1);
}
both_engines!(a_monthly_pledge_is_a_reminder_not_a_charge, configure);
