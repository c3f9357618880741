//! Reconciliation: a paid order whose notification was lost is settled from a verified query
//! answer; one whose answer does not match is not; an expired unpaid order is closed.

use super::flow::{gift, give, open_pay_link, reconcile, totals, Notification};
use super::standin::{configure, StandIn};
use crate::both_engines;
use crate::common::TestServer;
use reqwest::StatusCode;

async fn reconciliation_settles_lost_notifications_and_closes_expired_orders(server: TestServer) {
    let standin = StandIn::start(&server).await;
    let client = server.client();
    server.sign_in(&client, "13800000063").await;
    let before = totals(&server).await;
    let (lost, unpaid, odd) = (
        give(&server, &client, 3000, "once").await,
        give(&server, &client, 4000, "once").await,
        give(&server, &client, 5000, "once").await,
    );
    for id in [&lost, &unpaid, &odd] {
        open_pay_link(&server, &client, id, &standin).await;
    }
    let no_of = |amount: i64| {
        let orders = standin.orders.lock().unwrap();
        orders.iter().find(|(_, o)| o.amount == amount).map(|(no, _)| no.clone()).unwrap()
    };
    let (lost_no, unpaid_no, odd_no) = (no_of(3000), no_of(4000), no_of(5000));
    // Paid at WeChat Pay; the notification never arrives.
    let paid = standin.pay(&lost_no);
    // Paid, but WeChat Pay reports another amount than the gift's.
    standin.pay(&odd_no);
    standin.orders.lock().unwrap().get_mut(&odd_no).unwrap().amount = 1;

    let now = server.clock.now();
    // Too early: every order is younger than the 10 minutes a notification may take.
    let r = reconcile(&server, now).await;
    assert_eq!(r["checked"], 0);
    // After 11 minutes: asked about, signed; the lost one settled, the odd one left for staff.
    let r = reconcile(&server, now + 11 * 60).await;
    assert_eq!((r["checked"].as_i64(), r["settled"].as_i64()), (Some(3), Some(1)), "{r}");
    assert_eq!(
        (r["failed"].as_i64(), r["still_open"].as_i64(), r["closed"].as_i64()),
        (Some(1), Some(1), Some(0)),
        "{r}"
    );
    assert_eq!(gift(&client, &server, &lost).await["status"], "paid");
    assert_eq!(gift(&client, &server, &odd).await["status"], "pending");
    assert_eq!(totals(&server).await, (before.0 + 3000, before.1 + 1, before.2 + 1));
    assert!(standin.calls.lock().unwrap().contains(&format!("GET /v3/pay/transactions/out-trade-no/{lost_no}")));

    // After the order's 30 minutes: the unpaid one is closed at WeChat Pay, then here.
    let r = reconcile(&server, now + 31 * 60).await;
    assert_eq!(
        (r["checked"].as_i64(), r["closed"].as_i64(), r["settled"].as_i64()),
        (Some(2), Some(1), Some(0)),
        "{r}"
    );
    assert_eq!(standin.orders.lock().unwrap()[&unpaid_no].trade_state, "CLOSED");
    assert!(standin
        .calls
        .lock()
        .unwrap()
        .contains(&format!("POST /v3/pay/transactions/out-trade-no/{unpaid_no}/close")));
    assert_eq!(gift(&client, &server, &unpaid).await["status"], "pending");
    // Its pay link now says it expired; a later run no longer asks about it.
    let r = client.get(server.url(&format!("/api/v1/charity/gifts/{unpaid}/pay"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = reconcile(&server, now + 32 * 60).await;
    assert_eq!(r["checked"], 1, "only the mismatched order is still asked about: {r}");

    // The lost notification arriving late changes nothing.
    let n = Notification::genuine(&server, &StandIn::transaction(&lost_no, &paid));
    assert_eq!(n.send(&server).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(totals(&server).await, (before.0 + 3000, before.1 + 1, before.2 + 1));
    // Every call we made carried a valid merchant signature.
    assert_eq!(*standin.refused.lock().unwrap(), 0);

    // Each run a district admin started is in the audit trail with its report.
    let runs = server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'run.wechat_reconcile'").await;
    assert!(runs >= 1, "{runs}");
    // Only a district admin starts a run: no session, the bootstrap token, a resident: 401; a
    // charity editor: 403. Nothing more is recorded.
    let editor = crate::staff_common::kept(&server, "editor", "charity_editor", Some("演示慈善会（示例）")).await;
    let method = reqwest::Method::POST;
    crate::staff_common::refuses_all_but_its_role(
        &server,
        method,
        super::flow::RECONCILE,
        &serde_json::json!({}),
        "13800000777",
        &editor,
    )
    .await;
    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'run.wechat_reconcile'").await, runs);
}
both_engines!(reconciliation_settles_lost_notifications_and_closes_expired_orders, configure);
