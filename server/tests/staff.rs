//! Staff accounts over real HTTP on SQLite and PostgreSQL (issue 13): the bootstrap token creates
//! district admins only; sign-in needs the password and a fresh authenticator code; a staff
//! session and a resident's open different doors; each review step is allowed to its own role at
//! its own place and refused everywhere else (the matrix); every action is in the audit trail with
//! the state before and after, which district admins search and export; residents never see a
//! staff member's name; deactivation ends an account's sessions.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

async fn the_bootstrap_token_creates_district_admins_only(server: TestServer) {
    let (status, body) = create(&server, None, "first.admin", "district_admin", None).await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(body["totp_uri"].as_str().unwrap().starts_with("otpauth://totp/"));
    assert_eq!(read_qr(&body["totp_qr"]), body["totp_uri"].as_str().unwrap(), "the QR code an app scans");
    assert!(body["account"].get("password").is_none() && body["account"].get("password_hash").is_none());
    // Anything else needs a district admin's own session.
    let (status, body) = create(&server, None, "gate", "gate_staff", Some("baoshan")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    // No token, or a resident's session, is not staff.
    let resident = server.client();
    server.sign_in(&resident, "13900000701").await;
    let (status, _) = create(&server, Some(&resident), "someone", "district_admin", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A district admin names real places: an unknown community, or a place for a district-wide role, is refused.
    let admin = admin(&server).await;
    let (status, body) = create(&server, Some(&admin), "comm1", "community_reviewer", Some("nowhere")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"]["assignment.place"], "staff.place");
    let (status, body) = create(&server, Some(&admin), "district1", "district_approver", Some("xinan")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"]["assignment.place"], "staff.place");
    let (status, _) = create(&server, Some(&admin), "admin", "moderator", None).await;
    assert_eq!(status, StatusCode::CONFLICT, "logins are unique");
}
both_engines!(the_bootstrap_token_creates_district_admins_only);

async fn sign_in_needs_the_password_and_a_fresh_code(server: TestServer) {
    let (_, body) = create(&server, None, "admin", "district_admin", None).await;
    let secret = body["totp_secret"].as_str().unwrap().to_string();
    let client = server.client();
    let refused = |r: reqwest::Response| expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation");
    let code = code_now(&server, &secret);
    let body = refused(sign_in_with(&server, &client, "admin", "not the password", &code).await).await;
    assert_eq!(body["fields"]["code"], "staff.sign_in", "one answer for every mistake");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    refused(sign_in_with(&server, &client, "admin", PASSWORD, wrong).await).await;
    refused(sign_in_with(&server, &client, "nobody", PASSWORD, &code).await).await;
    let r = sign_in_with(&server, &client, "admin", PASSWORD, &code).await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = common::set_cookies(&r).join("; ");
    assert!(cookie.contains("baoan_staff=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    // The same code again (a shoulder-surfed or replayed code) opens nothing.
    refused(sign_in_with(&server, &server.client(), "admin", PASSWORD, &code).await).await;
    // The staff session is no resident session, and a resident's is no staff session.
    assert_eq!(client.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(client.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let resident = server.client();
    server.sign_in(&resident, "13900000702").await;
    assert_eq!(resident.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    // Guessing is cut off: ten attempts a quarter-hour per login.
    let guesser = server.client();
    let mut last = StatusCode::OK;
    for _ in 0..12 {
        last = sign_in_with(&server, &guesser, "admin", "guess guess guess", "123456").await.status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // Signing out ends the session on the server.
    let r = client.delete(server.url("/api/v1/staff/session")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(client.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}
both_engines!(sign_in_needs_the_password_and_a_fresh_code);

async fn review(
    server: &TestServer,
    client: &reqwest::Client,
    reference: &str,
    action: &str,
    reason: Option<&str>,
) -> StatusCode {
    let body = json!({ "action": action, "reason": reason, "kinds": ["income_proof"] });
    let url = server.url(&format!("/api/v1/staff/assistance/applications/{reference}/review"));
    client.post(url).json(&body).send().await.unwrap().status()
}

async fn queue(server: &TestServer, client: &reqwest::Client) -> Vec<String> {
    let r = client.get(server.url("/api/v1/staff/assistance/queue")).send().await.unwrap();
    let items: Vec<Value> = r.json().await.unwrap();
    items.iter().map(|i| i["reference"].as_str().unwrap().to_string()).collect()
}

/// The matrix: for each step, every role and place tries to act; only the step's own role at the
/// application's own community (新安 海裕) or street (新安) succeeds.
async fn each_step_is_decided_by_its_own_role_at_its_own_place(server: TestServer) {
    let resident = server.client();
    let app = submitted(&server, &resident, "13900000703").await;
    let reference = app["reference"].as_str().unwrap();
    let admin = admin(&server).await;
    let community = member(&server, &admin, "haiyu", "community_reviewer", Some("xinan-haiyu")).await;
    let other_community = member(&server, &admin, "baomin", "community_reviewer", Some("xinan-baomin")).await;
    let street = member(&server, &admin, "xinan", "street_reviewer", Some("xinan")).await;
    let other_street = member(&server, &admin, "xixiang", "street_reviewer", Some("xixiang")).await;
    let district = member(&server, &admin, "district", "district_approver", None).await;
    let gate = member(&server, &admin, "gate", "gate_staff", Some("baoshan")).await;
    let everyone = [
        ("haiyu", &community),
        ("baomin", &other_community),
        ("xinan", &street),
        ("xixiang", &other_street),
        ("district", &district),
        ("gate", &gate),
        ("admin", &admin),
    ];
    // (the step, who may act on it, the action that ends it)
    let steps = [
        ("community_acceptance", "haiyu", "advance"),
        ("home_visit", "haiyu", "advance"),
        ("public_notice", "haiyu", "advance"),
        ("street_review", "xinan", "advance"),
        ("district_approval", "district", "approve"),
        ("payment", "district", "advance"),
    ];
    for (stage, allowed, action) in steps {
        for (login, client) in everyone {
            if login != allowed {
                let status = review(&server, client, reference, action, None).await;
                assert_eq!(status, StatusCode::NOT_FOUND, "{login} acting at {stage}");
                assert!(!queue_has(&server, client, reference).await, "{login}'s queue at {stage}");
            }
        }
        let (_, client) = everyone.iter().find(|(login, _)| *login == allowed).unwrap();
        assert!(queue_has(&server, client, reference).await, "{allowed}'s queue at {stage}");
        assert_eq!(review(&server, client, reference, action, None).await, StatusCode::OK, "{allowed} at {stage}");
    }
    let view = get_app(&server, &resident, reference).await.json::<Value>().await.unwrap();
    assert_eq!(view["state"], "paid");
}
both_engines!(each_step_is_decided_by_its_own_role_at_its_own_place);

async fn queue_has(server: &TestServer, client: &reqwest::Client, reference: &str) -> bool {
    let r = client.get(server.url("/api/v1/staff/assistance/queue")).send().await.unwrap();
    r.status() == StatusCode::OK && queue(server, client).await.iter().any(|r| r == reference)
}

async fn every_action_is_audited_and_residents_never_see_who(server: TestServer) {
    let resident = server.client();
    let app = submitted(&server, &resident, "13900000704").await;
    let reference = app["reference"].as_str().unwrap();
    let admin = admin(&server).await;
    let community = member(&server, &admin, "haiyu", "community_reviewer", Some("xinan-haiyu")).await;
    assert_eq!(review(&server, &community, reference, "advance", None).await, StatusCode::OK);
    // A refusal needs its reason (the resident reads it).
    assert_eq!(review(&server, &community, reference, "refuse", None).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(review(&server, &community, reference, "refuse", Some("家庭收入高于标准")).await, StatusCode::OK);

    let r = admin.get(server.url(&format!("/api/v1/staff/audit?subject_id={reference}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let entries: Vec<Value> = r.json().await.unwrap();
    assert_eq!(entries.len(), 2, "{entries:?}");
    let find = |action: &str| entries.iter().find(|e| e["action"] == action).expect(action).clone();
    let refusal = find("assistance.refuse");
    assert_eq!(refusal["actor"], "haiyu");
    assert_eq!(refusal["role"], "community_reviewer");
    assert_eq!(refusal["place"], "xinan-haiyu");
    assert_eq!(refusal["action"], "assistance.refuse");
    assert_eq!(refusal["reason"], "家庭收入高于标准");
    let state = |text: &Value| serde_json::from_str::<Value>(text.as_str().unwrap()).unwrap();
    assert_eq!(state(&refusal["before"]), json!({ "state": "in_review", "stage": "home_visit" }));
    assert_eq!(state(&refusal["after"]), json!({ "state": "refused", "stage": "home_visit" }));
    let advance = find("assistance.advance");
    assert_eq!(state(&advance["before"])["stage"], "community_acceptance");
    assert_eq!(state(&advance["after"])["stage"], "home_visit");
    // Account creation and sign-ins are in the trail too.
    let all: Vec<Value> = admin.get(server.url("/api/v1/staff/audit")).send().await.unwrap().json().await.unwrap();
    assert!(all.iter().any(|e| e["action"] == "staff.create_account" && e["actor"] == "admin"));
    assert!(all.iter().any(|e| e["action"] == "staff.sign_in" && e["actor"] == "haiyu"));
    // The export: CSV with a header and the refusal, formulas defused.
    let r =
        admin.get(server.url(&format!("/api/v1/staff/audit?format=csv&subject_id={reference}"))).send().await.unwrap();
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    assert!(csv.starts_with("id,at,actor,role,place,action,subject_kind,subject_id,before,after,reason\r\n"));
    assert!(csv.contains("\"assistance.refuse\"") && csv.contains("\"家庭收入高于标准\""));
    // Only district admins read the trail.
    let r = community.get(server.url("/api/v1/staff/audit")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The resident sees the decision and its reason, never who took it.
    let view = get_app(&server, &resident, reference).await.text().await.unwrap();
    assert!(view.contains("家庭收入高于标准"));
    // (The community's code, xinan-haiyu, is the resident's own answer; the login is "haiyu".)
    for leak in ["名字haiyu", "\"haiyu\"", "community_reviewer"] {
        assert!(!view.contains(leak), "the resident's view names {leak}");
    }
    let inbox = serde_json::to_string(&messages(&server, &resident).await).unwrap();
    assert!(!inbox.contains("名字haiyu") && !inbox.contains("haiyu\""));
}
both_engines!(every_action_is_audited_and_residents_never_see_who);

async fn deactivation_ends_the_sessions_and_is_audited(server: TestServer) {
    let admin = admin(&server).await;
    let (_, body) = create(&server, Some(&admin), "leaver", "moderator", None).await;
    let id = body["account"]["id"].as_str().unwrap().to_string();
    let leaver = staff_client(&server, "leaver", body["totp_secret"].as_str().unwrap()).await;
    let url = server.url(&format!("/api/v1/staff/accounts/{id}/deactivate"));
    // Only an admin, and with a reason.
    assert_eq!(leaver.post(&url).json(&json!({ "reason": "x" })).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(admin.post(&url).json(&json!({})).send().await.unwrap().status(), StatusCode::BAD_REQUEST);
    let blank = admin.post(&url).json(&json!({ "reason": "  " })).send().await.unwrap();
    assert_eq!(blank.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Not one's own account (an admin locking themselves out by a slip).
    let me: Vec<Value> = admin.get(server.url("/api/v1/staff/accounts")).send().await.unwrap().json().await.unwrap();
    let own = me.iter().find(|a| a["login"] == "admin").unwrap()["id"].as_str().unwrap().to_string();
    let r = admin
        .post(server.url(&format!("/api/v1/staff/accounts/{own}/deactivate")))
        .json(&json!({ "reason": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = admin.post(&url).json(&json!({ "reason": "调岗" })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(leaver.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let entries: Vec<Value> = admin
        .get(server.url(&format!("/api/v1/staff/audit?subject_id={id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = entries.iter().find(|e| e["action"] == "staff.deactivate_account").expect("recorded");
    assert_eq!(entry["reason"], "调岗");
    assert!(entry["before"].as_str().unwrap().contains("\"active\":true"));
    assert!(entry["after"].as_str().unwrap().contains("\"active\":false"));
}
both_engines!(deactivation_ends_the_sessions_and_is_audited);
