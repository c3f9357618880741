//! The real binary's logs: structured (one JSON object per line) and never a full phone number
//! or resident ID, even when a resident's number is in a URL that gets logged.

use baoan_contract::mask::{mask_bank_account, mask_id_number, mask_phone};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PHONE: &str = "13812345678";
const BANK_ACCOUNT: &str = "6217850000001234567";
const PASSPORT: &str = "E12345678";
const HK_PERMIT: &str = "H1234567890";
const TAIWAN_PERMIT: &str = "87654321";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Collects everything a pipe yields, on a thread (so a chatty server never blocks on a full pipe).
fn collect(mut pipe: impl Read + Send + 'static) -> (Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>) {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let sink = buf.clone();
    let handle = std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    (buf, handle)
}

/// Asks the server to stop (SIGTERM: graceful shutdown), killing it if it does not.
fn stop(child: &mut Child) {
    let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

struct Killer(Child);
impl Drop for Killer {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_none() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

#[tokio::test]
async fn logs_are_json_and_never_hold_a_full_phone_or_id() {
    let tmp = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_baoan-server"));
    command
        .arg("serve")
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .args(["--database-url", &format!("sqlite://{}?mode=rwc", tmp.path().join("db.sqlite3").display())])
        .args(["--dist-dir", &tmp.path().display().to_string()])
        .args(["--data-dir", &tmp.path().display().to_string()])
        .arg("--demo")
        // Plain HTTP here, as with scripts/run.sh: cookies without Secure.
        .arg("--insecure-dev-cookie")
        // Request logs (method and URI) on, so a number in a URL reaches the logger and must be masked.
        .env("RUST_LOG", "info,tower_http=debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("BAOAN_") || key == "DATABASE_URL" {
            command.env_remove(key);
        }
    }
    let mut child = Killer(command.spawn().expect("start baoan-server"));
    let (stdout, stdout_thread) = collect(child.0.stdout.take().unwrap());
    let (stderr, stderr_thread) = collect(child.0.stderr.take().unwrap());

    // Like a browser on the app's own pages: writes carry this server's Origin.
    let mut own_origin = reqwest::header::HeaderMap::new();
    own_origin.insert(reqwest::header::ORIGIN, base.parse().unwrap());
    let client = reqwest::Client::builder().cookie_store(true).default_headers(own_origin).build().unwrap();
    let started = Instant::now();
    loop {
        if let Ok(r) = client.get(format!("{base}/api/v1/meta")).send().await {
            if r.status() == StatusCode::OK {
                break;
            }
        }
        if let Some(status) = child.0.try_wait().unwrap() {
            panic!("server exited with {status}: {}", String::from_utf8_lossy(&stderr.lock().unwrap()));
        }
        assert!(started.elapsed() < Duration::from_secs(30), "server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Sign in with the phone number (also written the way people paste it).
    let r = client.post(format!("{base}/api/v1/auth/sms-code")).json(&json!({ "phone": PHONE })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let outbox: Value =
        client.get(format!("{base}/api/v1/dev/sms-outbox?phone={PHONE}")).send().await.unwrap().json().await.unwrap();
    let code = outbox["code"].as_str().unwrap().to_string();
    let r = client.get(format!("{base}/api/v1/dev/sms-outbox?phone=%2B86{PHONE}")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let wrong = format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000);
    let r = client
        .post(format!("{base}/api/v1/auth/session"))
        .json(&json!({ "phone": PHONE, "code": wrong }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = client
        .post(format!("{base}/api/v1/auth/session"))
        .json(&json!({ "phone": PHONE, "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);

    // Save a profile with a resident ID, then put the ID in a URL too.
    let id = make_resident_id("440306", Date::new(1988, 8, 8).unwrap(), 42, false);
    let r = client
        .put(format!("{base}/api/v1/me/profile"))
        .json(&json!({ "name": "林小燕", "id_type": "resident_id", "id_number": id }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = client.get(format!("{base}/api/v1/nope?id={id}&phone={PHONE}")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // A bank account, a passport, a Hong Kong permit and a Taiwan permit (8 digits: only its
    // field name tells it from a date) in a logged URL.
    let r = client
        .get(format!(
            "{base}/api/v1/nope?bank={BANK_ACCOUNT}&doc={PASSPORT}&hk={HK_PERMIT}&permit_number={TAIWAN_PERMIT}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The resident's own data does come back to them (so its absence from the logs means something).
    let me: Value = client.get(format!("{base}/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["profile"]["id_number"], id.as_str());

    stop(&mut child.0);
    stdout_thread.join().unwrap();
    stderr_thread.join().unwrap();
    let out = String::from_utf8(stdout.lock().unwrap().clone()).expect("logs are UTF-8");
    let err = String::from_utf8_lossy(&stderr.lock().unwrap()).to_string();

    // Structured: every line is a JSON object with a level and a message, except the start banner.
    let mut records = Vec::new();
    for line in out.lines().filter(|l| !l.trim().is_empty()) {
        if line.contains("is running at http://") && !line.trim_start().starts_with('{') {
            continue;
        }
        let record: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("log line is not JSON ({e}): {line}"));
        assert!(record["level"].is_string() && record["timestamp"].is_string(), "{line}");
        assert!(record["fields"].is_object(), "{line}");
        records.push(record);
    }
    assert!(records.len() >= 5, "expected request and sign-in logs, got:\n{out}");
    let messages: Vec<&str> = records.iter().filter_map(|r| r["fields"]["message"].as_str()).collect();
    for expected in ["sign-in code issued", "signed in"] {
        assert!(messages.contains(&expected), "no {expected:?} log in {messages:?}");
    }

    // Never a full number or ID, anywhere (stderr included).
    let all = format!("{out}\n{err}");
    assert!(!all.contains(PHONE), "the full phone number is in the logs:\n{all}");
    assert!(!all.contains(&id), "the full resident ID is in the logs:\n{all}");
    assert!(!all.contains(&id[6..14]), "the birth date part of the ID is in the logs:\n{all}");
    // Never the sign-in code (nor the wrong guess), in any field of any record, nor on stderr.
    // (Timestamps are left out: their fractional seconds are digits that could match by chance.)
    for record in &records {
        let fields = record["fields"].to_string();
        let spans = record["spans"].to_string() + &record["span"].to_string();
        for secret in [&code, &wrong] {
            assert!(
                !fields.contains(secret.as_str()) && !spans.contains(secret.as_str()),
                "a code is in the logs: {record}"
            );
        }
    }
    assert!(!err.contains(&code), "the code is on stderr:\n{err}");
    // But the masked forms are there: the sign-in events name the masked phone…
    let masked_phone = mask_phone(PHONE);
    assert!(
        records.iter().any(|r| r["fields"]["message"] == "signed in" && r["fields"]["phone"] == masked_phone.as_str()),
        "sign-in is logged with the masked phone {masked_phone}"
    );
    // …and the logged URLs were scrubbed rather than left out.
    assert!(all.contains(&format!("sms-outbox?phone={masked_phone}")), "the outbox URL is logged, masked:\n{out}");
    assert!(all.contains(&format!("phone=%2B86{masked_phone}")), "the +86 form is masked too:\n{out}");
    assert!(all.contains(&format!("id={}", mask_id_number(&id))), "the ID in a URL is logged masked:\n{out}");
    // Bank account, passport and permit numbers: never in full, but there masked.
    for number in [BANK_ACCOUNT, PASSPORT, HK_PERMIT, TAIWAN_PERMIT] {
        assert!(!all.contains(number), "{number} is in the logs:\n{all}");
    }
    for masked in [
        format!("bank={}", mask_bank_account(BANK_ACCOUNT)),
        format!("doc={}", mask_id_number(PASSPORT)),
        format!("hk={}", mask_id_number(HK_PERMIT)),
        format!("permit_number={}", mask_id_number(TAIWAN_PERMIT)),
    ] {
        assert!(all.contains(&masked), "{masked} is logged:\n{out}");
    }
}
