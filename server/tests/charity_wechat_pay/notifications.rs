//! The notification endpoint: a verified notification pays its gift once; forged, tampered,
//! replayed, wrong-amount and unknown-order notifications are refused and change nothing.

use super::flow::{gift, give, open_pay_link, refused, totals, Notification};
use super::standin::{configure, notification_body, sign, StandIn, KEYS, PLATFORM_SERIAL};
use crate::both_engines;
use crate::common::TestServer;
use reqwest::StatusCode;
use serde_json::json;

async fn a_verified_notification_pays_once(server: TestServer) {
    let standin = StandIn::start(&server).await;
    let client = server.client();
    server.sign_in(&client, "13800000061").await;
    let before = totals(&server).await;
    let id = give(&server, &client, 8800, "once").await;
    // The sandbox's token cannot pay a WeChat Pay gift.
    let r = client
        .post(server.url(&format!("/api/v1/charity/gifts/{id}/sandbox-pay")))
        .json(&json!({ "token": "sandbox-approve" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // A tap on "pay" places the order (signed: the stand-in refused nothing); a second tap
    // places the same order again and gets a fresh page.
    open_pay_link(&server, &client, &id, &standin).await;
    open_pay_link(&server, &client, &id, &standin).await;
    let (no, order) = standin.only_order();
    assert_eq!(order.amount, 8800);
    assert_eq!(*standin.refused.lock().unwrap(), 0);
    assert_eq!(totals(&server).await, before, "placing an order moves nothing");

    let paid = standin.pay(&no);
    let resource = StandIn::transaction(&no, &paid);
    let r = Notification::genuine(&server, &resource).send(&server).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let g = gift(&client, &server, &id).await;
    assert_eq!(g["status"], "paid");
    assert_eq!(g["receipt"]["amount_fen"], 8800);
    assert!(g.get("pay_url").is_none(), "a paid gift has nothing to pay");
    let after = totals(&server).await;
    assert_eq!(after, (before.0 + 8800, before.1 + 1, before.2 + 1));

    // The same notification again, and once more freshly signed: acknowledged, nothing changes.
    let again = Notification::genuine(&server, &resource);
    for n in [again, Notification::genuine(&server, &resource)] {
        assert_eq!(n.send(&server).await.status(), StatusCode::NO_CONTENT);
    }
    assert_eq!(totals(&server).await, after);
    assert_eq!(gift(&client, &server, &id).await["receipt"], g["receipt"], "one receipt");
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_gifts WHERE status = 'paid'").await, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM messages WHERE event = 'charity.gift_paid'").await, 1);
    // The pay link of a paid gift leads to its receipt.
    let r = client.get(server.url(&format!("/api/v1/charity/gifts/{id}/pay"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], format!("/charity/gifts/{id}/receipt"));
}
both_engines!(a_verified_notification_pays_once, configure);

async fn forged_notifications_change_nothing(server: TestServer) {
    let standin = StandIn::start(&server).await;
    let client = server.client();
    server.sign_in(&client, "13800000062").await;
    let id = give(&server, &client, 5000, "once").await;
    open_pay_link(&server, &client, &id, &standin).await;
    let (no, _) = standin.only_order();
    // The payer has paid; only a genuine notification may say so.
    let paid = standin.pay(&no);
    let resource = StandIn::transaction(&no, &paid);
    let before = totals(&server).await;
    let now = server.clock.now();

    // Tampered: the body changed after WeChat Pay signed it.
    let mut n = Notification::genuine(&server, &resource);
    n.body = n.body.replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESS ");
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "bad signature");
    // Signed by someone else under the platform's serial.
    let mut n = Notification::genuine(&server, &resource);
    n.signature = sign(&KEYS.attacker, n.timestamp, &n.nonce, n.body.as_bytes());
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "bad signature");
    // A signature that is not one, and no signature at all.
    let mut n = Notification::genuine(&server, &resource);
    n.signature = "WECHATPAY/SIGNTEST/abc".into();
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "bad signature");
    n.signature = String::new();
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "bad signature");
    // A platform key we were never given.
    let mut n = Notification::genuine(&server, &resource);
    n.serial = "7132D72A03E93CDDF8C03BBD1F37EEDF7A36BDC1".into();
    n.signature = sign(&KEYS.attacker, n.timestamp, &n.nonce, n.body.as_bytes());
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "unknown platform certificate");
    // Replayed: a genuine notification signed six minutes ago (outside the five-minute window),
    // and one whose timestamp was moved forward without signing it again.
    let mut n = Notification::genuine(&server, &resource);
    n.timestamp = now - 360;
    n.signature = sign(&KEYS.platform, n.timestamp, &n.nonce, n.body.as_bytes());
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "stale timestamp");
    n.timestamp = now;
    assert_eq!(refused(&server, &n, StatusCode::UNAUTHORIZED).await, "bad signature");
    // Correctly signed, but the resource was not encrypted with our API v3 key.
    let body = notification_body(&resource, b"0000000000000000ffffffffffffffff");
    let signature = sign(&KEYS.platform, now, "n-wrong-key", body.as_bytes());
    let n =
        Notification { body, timestamp: now, nonce: "n-wrong-key".into(), signature, serial: PLATFORM_SERIAL.into() };
    assert_eq!(refused(&server, &n, StatusCode::BAD_REQUEST).await, "resource does not decrypt");
    // Genuine, but not the gift's amount.
    let mut wrong = resource.clone();
    wrong["amount"]["total"] = json!(1);
    wrong["amount"]["payer_total"] = json!(1);
    let n = Notification::genuine(&server, &wrong);
    assert_eq!(refused(&server, &n, StatusCode::CONFLICT).await, "the amount is not the gift's");
    // Genuine, but another merchant's payment.
    let mut other = resource.clone();
    other["mchid"] = json!("1230000109");
    let n = Notification::genuine(&server, &other);
    assert_eq!(refused(&server, &n, StatusCode::CONFLICT).await, "another merchant's payment");
    // Genuine, but not one of our orders.
    let mut unknown = resource.clone();
    unknown["out_trade_no"] = json!("1217752501201407033233368018");
    let n = Notification::genuine(&server, &unknown);
    assert_eq!(refused(&server, &n, StatusCode::NOT_FOUND).await, "unknown order");
    // Not even JSON, correctly signed.
    let body = "not json".to_string();
    let signature = sign(&KEYS.platform, now, "n-junk", body.as_bytes());
    let n = Notification { body, timestamp: now, nonce: "n-junk".into(), signature, serial: PLATFORM_SERIAL.into() };
    assert_eq!(refused(&server, &n, StatusCode::BAD_REQUEST).await, "unreadable notification");

    // Nothing moved: the gift is unpaid, the public figures as they were.
    assert_eq!(gift(&client, &server, &id).await["status"], "pending");
    assert_eq!(totals(&server).await, before);
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_gifts WHERE status = 'paid'").await, 0);
    // The genuine notification still pays it.
    let r = Notification::genuine(&server, &resource).send(&server).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(gift(&client, &server, &id).await["status"], "paid");
}
both_engines!(forged_notifications_change_nothing, configure);
