//! Races (issue 10, item 8), over real HTTP on both engines: a resident's action and a staff
//! action fired at the same moment, many times. Every state change is conditional on the state
//! it starts from, so the final state is always one of the two valid outcomes, never a mix, and a
//! loser is told 409 in the contract's error shape. On SQLite a burst of parallel writes is
//! serialised (BEGIN IMMEDIATE, busy_timeout), never a 500.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::{form, staff, staff_ok, submit, upload_id};
use baoan_contract::rules::date::Date;
use common::{assert_error_shape, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

const ROUNDS: usize = 6;

/// A 200, or a 409 in the error shape; which one.
async fn won(r: reqwest::Response) -> bool {
    let status = r.status();
    let body: Value = r.json().await.unwrap();
    match status {
        StatusCode::OK => true,
        StatusCode::CONFLICT => {
            assert_error_shape(&body, "conflict");
            false
        }
        other => panic!("a racer gets 200 or 409, not {other}: {body}"),
    }
}

async fn application_row(server: &TestServer, reference: &str) -> (String, String, Option<String>, String) {
    sqlx::query_as(
        "SELECT state, stage, decision_reason, requested_documents FROM assistance_applications WHERE reference = $1",
    )
    .bind(reference)
    .fetch_one(&server.db.pool)
    .await
    .unwrap()
}

async fn events(server: &TestServer, reference: &str) -> Vec<String> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT h.event FROM assistance_history h JOIN assistance_applications a ON a.id = h.application_id \
         WHERE a.reference = $1 ORDER BY h.at, h.id",
    )
    .bind(reference)
    .fetch_all(&server.db.pool)
    .await
    .unwrap();
    rows.into_iter().map(|(e,)| e).collect()
}

/// A new application of the signed-in resident; its reference.
async fn new_application(server: &TestServer, client: &reqwest::Client, round: usize, upload: &str) -> String {
    let r = submit(server, client, &form(upload), &format!("race-key-{round}-{}", common::random_hex(4))).await;
    assert_eq!(r.status(), StatusCode::OK, "submit");
    r.json::<Value>().await.unwrap()["reference"].as_str().unwrap().to_string()
}

/// Resident withdraws while staff refuse (or ask for documents): exactly one wins; a withdrawn
/// application carries no refusal reason nor requested documents, a refused one no withdrawal.
async fn withdraw_races_staff_decisions(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000801").await;
    let upload = upload_id(&server, &client).await;
    for round in 0..ROUNDS {
        server.clock.advance(86_400); // a new day: the submit and withdrawal limits are not the subject here
        let reference = new_application(&server, &client, round, &upload).await;
        // The reviewer signs in before the race (a session ends after a shift; days pass here).
        assistance_common::reviewer_of(&server, &reference).await;
        let withdraw = client.post(server.url(&format!("/api/v1/assistance/applications/{reference}/withdraw"))).send();
        let refuse_not_request = round % 2 == 0;
        let (resident, staff_r) = if refuse_not_request {
            tokio::join!(withdraw, staff(&server, &reference, "refuse", json!({ "reason": "收入高于标准" })))
        } else {
            tokio::join!(
                withdraw,
                staff(&server, &reference, "request-documents", json!({ "kinds": ["income_proof"] }))
            )
        };
        let resident_won = won(resident.unwrap()).await;
        let staff_won = won(staff_r).await;
        let (state, _, reason, requested) = application_row(&server, &reference).await;
        let history = events(&server, &reference).await;
        match (refuse_not_request, resident_won, staff_won) {
            (_, true, false) => {
                assert_eq!(state, "withdrawn");
                assert_eq!(reason, None, "a withdrawn application has no refusal reason");
                assert_eq!(requested, "", "a withdrawn application has no request pending");
            }
            (true, false, true) => {
                assert_eq!(state, "refused");
                assert_eq!(reason.as_deref(), Some("收入高于标准"));
            }
            // Staff asked for documents first; the resident then withdrew from that state.
            (false, true, true) => assert_eq!(state, "withdrawn"),
            (false, false, true) => {
                assert_eq!(state, "awaiting_documents");
                assert_eq!(requested, "income_proof");
            }
            other => panic!("round {round}: impossible outcome {other:?}, state {state}"),
        }
        assert!(
            !(history.contains(&"withdrawn".into()) && history.contains(&"refused".into())),
            "never both: {history:?}"
        );
    }
}
both_engines!(withdraw_races_staff_decisions);

/// Staff asked for a document; the resident sends it (which would resume the review) while staff
/// refuse. If the refusal was answered 200 the application is refused — the resident's upload
/// can never put it back in review.
async fn document_races_refusal(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000802").await;
    let upload = upload_id(&server, &client).await;
    for round in 0..ROUNDS {
        server.clock.advance(86_400);
        let reference = new_application(&server, &client, round, &upload).await;
        staff_ok(&server, &reference, "request-documents", json!({ "kinds": ["income_proof"] })).await;
        let proof = upload_id(&server, &client).await;
        let add = client
            .post(server.url(&format!("/api/v1/assistance/applications/{reference}/documents")))
            .json(&json!({ "kind": "income_proof", "upload_id": proof }))
            .send();
        let (resident, staff_r) =
            tokio::join!(add, staff(&server, &reference, "refuse", json!({ "reason": "材料不全" })));
        let resident_won = won(resident.unwrap()).await;
        let staff_won = won(staff_r).await;
        let (state, _, reason, _) = application_row(&server, &reference).await;
        let (attached,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM assistance_documents d JOIN assistance_applications a ON a.id = d.application_id \
             WHERE a.reference = $1 AND d.kind = 'income_proof'",
        )
        .bind(&reference)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
        assert!(resident_won || staff_won, "round {round}: someone wins");
        if staff_won {
            assert_eq!(state, "refused", "round {round}: a refusal answered 200 stands");
            assert_eq!(reason.as_deref(), Some("材料不全"));
        } else {
            assert_eq!(state, "in_review", "round {round}: the document came first and resumed the review");
        }
        assert_eq!(
            attached,
            i64::from(resident_won),
            "round {round}: the document is attached exactly when its answer was 200"
        );
    }
}
both_engines!(document_races_refusal);

const CHARGE: &str = "/api/v1/staff/runs/charity-pledges";

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

/// The first day of the month after `d`'s.
fn next_month(d: Date) -> Date {
    let m0 = d.year() * 12 + d.month() as i32;
    Date::new(m0 / 12, (m0 % 12 + 1) as u8, 1).unwrap()
}

/// A donor cancels a monthly pledge while the monthly charge runs: either the charge came first
/// (and the cancel's answer counts it) or it is not made. What the donor is told at cancelling is
/// what happened: never a charge after the cancel said there was none.
async fn pledge_cancel_races_charge(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000803").await;
    let admin = staff_common::district_admin(&server).await;
    let month = next_month(server.clock.today());
    for round in 0..ROUNDS {
        let order: Value = client
            .post(server.url("/api/v1/charity/gifts"))
            .header("Idempotency-Key", format!("pledge-race-{round}"))
            .json(&json!({ "project_id": "p-elder-meals", "amount_fen": 2000, "anonymous": false,
                           "donor_name": "林女士", "frequency": "monthly" }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = order["order_id"].as_str().unwrap();
        let r = client
            .post(server.url(&format!("/api/v1/charity/gifts/{id}/sandbox-pay")))
            .json(&json!({ "token": "sandbox-approve" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let pledges: Value =
            client.get(server.url("/api/v1/me/charity/pledges")).send().await.unwrap().json().await.unwrap();
        let pledge =
            pledges.as_array().unwrap().iter().find(|p| p["status"] == "active").expect("an active pledge").clone();
        let pledge_id = pledge["id"].as_str().unwrap().to_string();
        let cancel = client.post(server.url(&format!("/api/v1/me/charity/pledges/{pledge_id}/cancel"))).send();
        let charge = admin.post(server.url(CHARGE)).json(&json!({ "date": month.to_iso() })).send();
        let (cancelled, charged) = tokio::join!(cancel, charge);
        let cancelled = cancelled.unwrap();
        assert_eq!(cancelled.status(), StatusCode::OK);
        let told: Value = cancelled.json().await.unwrap();
        let charged = charged.unwrap();
        assert_eq!(charged.status(), StatusCode::OK);
        let report: Value = charged.json().await.unwrap();
        assert_eq!(told["status"], "cancelled");
        let (charges,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM charity_pledge_charges WHERE pledge_id = $1")
            .bind(&pledge_id)
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
        assert_eq!(
            told["monthly_charges"], charges,
            "round {round}: the cancel's answer is what happened (report {report})"
        );
        assert_eq!(report["charged"], charges, "round {round}: charged exactly when recorded");
        // After the cancel no later run charges it.
        let later = next_month(month);
        let r = admin.post(server.url(CHARGE)).json(&json!({ "date": later.to_iso() })).send().await.unwrap();
        assert_eq!(r.json::<Value>().await.unwrap()["charged"], 0);
        assert_eq!(
            server.count(&format!("SELECT COUNT(*) FROM charity_pledge_charges WHERE pledge_id = '{pledge_id}'")).await,
            charges
        );
    }
}
both_engines!(pledge_cancel_races_charge, demo);

/// A burst of parallel writes from several residents on SQLite — transactions that read before
/// they write (adding documents), gift orders, draft saves, profile saves — gets no 500: every
/// answer is a success (or a 429 limit), never a database "locked" error.
async fn sqlite_write_burst_has_no_500(server: TestServer) {
    let mut residents = Vec::new();
    for i in 0..4 {
        let client = server.client();
        server.sign_in(&client, &format!("1380000081{i}")).await;
        let upload = upload_id(&server, &client).await;
        let mut references = Vec::new();
        for round in 0..3 {
            references.push(new_application(&server, &client, round, &upload).await);
        }
        let mut uploads = Vec::new();
        for _ in 0..3 {
            uploads.push(upload_id(&server, &client).await);
        }
        residents.push((client, references, uploads));
    }
    let proofs_before = server.count("SELECT COUNT(*) FROM assistance_documents WHERE kind = 'income_proof'").await;
    let mut burst = Vec::new();
    for (n, (client, references, uploads)) in residents.iter().enumerate() {
        for k in 0..3 {
            let add = client
                .post(server.url(&format!("/api/v1/assistance/applications/{}/documents", references[k])))
                .json(&json!({ "kind": "income_proof", "upload_id": uploads[k] }))
                .send();
            burst.push(tokio::spawn(add));
        }
        for k in 0..6 {
            let gift = client
                .post(server.url("/api/v1/charity/gifts"))
                .header("Idempotency-Key", format!("burst-{n}-{k}"))
                .json(&json!({ "project_id": "p-elder-meals", "amount_fen": 1000, "anonymous": false,
                               "donor_name": "林女士", "frequency": "once" }))
                .send();
            burst.push(tokio::spawn(gift));
            let draft = client
                .put(server.url("/api/v1/assistance/draft"))
                .json(&json!({ "content": format!("{{\"k\":{k}}}"), "updated_at": 0 }))
                .send();
            burst.push(tokio::spawn(draft));
        }
    }
    let total = burst.len();
    let mut ok = 0;
    for handle in burst {
        let r = handle.await.unwrap().unwrap();
        let status = r.status();
        let body = r.text().await.unwrap();
        assert!(!status.is_server_error(), "no 5xx in a burst of writes: {status} {body}");
        if status == StatusCode::OK {
            ok += 1;
        }
    }
    assert_eq!(ok, total, "every write of the burst succeeded");
    let proofs = server.count("SELECT COUNT(*) FROM assistance_documents WHERE kind = 'income_proof'").await;
    assert_eq!(proofs - proofs_before, 12, "every document of the burst is attached");
}
sqlite_only!(sqlite_write_burst_has_no_500, demo);

/// The storage side of the same promise: transactions that read, then write (the shape that
/// fails at once with SQLITE_BUSY when begun deferred and another writer commits in between)
/// begun with `Db::begin` queue behind each other on SQLite: none fails, no update is lost.
async fn sqlite_read_then_write_transactions_queue(server: TestServer) {
    let db = server.db.clone();
    sqlx::query("CREATE TABLE burst_counter (n BIGINT NOT NULL)").execute(&db.pool).await.unwrap();
    sqlx::query("INSERT INTO burst_counter (n) VALUES (0)").execute(&db.pool).await.unwrap();
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut tx = db.begin().await?;
                let (n,): (i64,) = sqlx::query_as("SELECT n FROM burst_counter").fetch_one(&mut *tx).await?;
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                sqlx::query("UPDATE burst_counter SET n = $1").bind(n + 1).execute(&mut *tx).await?;
                tx.commit().await
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap().expect("a read-then-write transaction never fails as busy");
    }
    let (n,): (i64,) = sqlx::query_as("SELECT n FROM burst_counter").fetch_one(&db.pool).await.unwrap();
    assert_eq!(n, 16, "no update lost");
}
sqlite_only!(sqlite_read_then_write_transactions_queue);
