//! Staff members for tests: accounts made through the API (the bootstrap token, or a signed-in
//! district admin), and browsers signed in with the password and the authenticator's current code.
#![allow(dead_code)]

use crate::common::TestServer;
use baoan_server::staff::totp;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The bootstrap token `Config::for_tests` starts the server with.
pub const BOOTSTRAP_TOKEN: &str = "test-admin-token";

pub const PASSWORD: &str = "a long staff passphrase";

/// A sealing key for staff authenticator secrets (32 bytes, base64), which the live service
/// (without `--demo`) needs before it creates an account.
pub const LIVE_SEALING_KEY: &str = "c3RhbmRhcmRzLXRlc3Qtc3RhZmYtc2VhbGluZy1rZXk=";

/// Creates an account through `creator` (a signed-in admin's client, or the bootstrap token when
/// `None`); returns the answer's status and body.
pub async fn create(
    server: &TestServer,
    creator: Option<&reqwest::Client>,
    login: &str,
    role: &str,
    place: Option<&str>,
) -> (StatusCode, Value) {
    let body = json!({ "login": login, "display_name": format!("名字{login}"), "password": PASSWORD,
                       "assignment": { "role": role, "place": place } });
    let request = match creator {
        Some(client) => client.post(server.url("/api/v1/staff/accounts")),
        None => server.plain_client().post(server.url("/api/v1/staff/accounts")).bearer_auth(BOOTSTRAP_TOKEN),
    };
    let r = request.json(&body).send().await.unwrap();
    (r.status(), r.json().await.unwrap())
}

pub fn code_now(server: &TestServer, secret: &str) -> String {
    totp::code_at_step(&totp::from_base32(secret).unwrap(), totp::step_of(server.clock.now()))
}

pub async fn sign_in_with(
    server: &TestServer,
    client: &reqwest::Client,
    login: &str,
    password: &str,
    code: &str,
) -> reqwest::Response {
    let body = json!({ "login": login, "password": password, "code": code });
    client.post(server.url("/api/v1/staff/session")).json(&body).send().await.unwrap()
}

/// A staff member's browser, signed in (each sign-in uses a new time-step: codes work once).
pub async fn staff_client(server: &TestServer, login: &str, secret: &str) -> reqwest::Client {
    server.clock.advance(totp::STEP_SECONDS);
    let client = server.client();
    let r = sign_in_with(server, &client, login, PASSWORD, &code_now(server, secret)).await;
    assert_eq!(r.status(), StatusCode::OK, "{login} signs in: {}", r.text().await.unwrap());
    client
}

/// The first district admin, made with the bootstrap token, signed in.
pub async fn admin(server: &TestServer) -> reqwest::Client {
    let (status, body) = create(server, None, "admin", "district_admin", None).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    staff_client(server, "admin", body["totp_secret"].as_str().unwrap()).await
}

/// An account made by `admin`, signed in.
pub async fn member(
    server: &TestServer,
    admin: &reqwest::Client,
    login: &str,
    role: &str,
    place: Option<&str>,
) -> reqwest::Client {
    let (status, body) = create(server, Some(admin), login, role, place).await;
    assert_eq!(status, StatusCode::CREATED, "{login}: {body}");
    staff_client(server, login, body["totp_secret"].as_str().unwrap()).await
}

/// Signed-in staff members kept per test server and login: (authenticator secret, browser, when
/// it signed in on the server's clock).
type Kept = std::collections::HashMap<(String, String), (String, reqwest::Client, i64)>;
static KEPT: std::sync::LazyLock<tokio::sync::Mutex<Kept>> = std::sync::LazyLock::new(Default::default);

/// The staff member `login` of `role` at `place`, signed in: made on first use (a district admin
/// with the bootstrap token, anyone else by the kept district admin `district-admin`), then kept
/// for the server and signed in again once their session would have ended (tests that move the
/// clock by days). Each sign-in moves the server's clock 30 s.
pub async fn kept(server: &TestServer, login: &str, role: &str, place: Option<&str>) -> reqwest::Client {
    // A server's own data folder names it (ports are reused between tests).
    let key = (server.data_dir.path().display().to_string(), login.to_string());
    let mut all = KEPT.lock().await;
    if let Some((secret, client, at)) = all.get(&key).cloned() {
        if server.clock.now() - at < baoan_server::staff::session::SESSION_SECONDS - 600 {
            return client;
        }
        let client = staff_client(server, login, &secret).await;
        all.insert(key, (secret, client.clone(), server.clock.now()));
        return client;
    }
    let creator = match role {
        "district_admin" => None,
        _ => {
            drop(all);
            let admin = Box::pin(kept(server, "district-admin", "district_admin", None)).await;
            all = KEPT.lock().await;
            Some(admin)
        }
    };
    let (status, body) = create(server, creator.as_ref(), login, role, place).await;
    assert_eq!(status, StatusCode::CREATED, "{login}: {body}");
    let secret = body["totp_secret"].as_str().unwrap().to_string();
    let client = staff_client(server, login, &secret).await;
    all.insert(key, (secret, client.clone(), server.clock.now()));
    client
}

/// The kept district admin (see [`kept`]).
pub async fn district_admin(server: &TestServer) -> reqwest::Client {
    kept(server, "district-admin", "district_admin", None).await
}

/// The attacks on a staff endpoint, over HTTP: no session, the bootstrap token alone and a wrong
/// token get 401, a resident's session (`resident_phone` signs in) 401, and `wrong_role` (a signed-in
/// staff member whose role may not) 403. The caller checks that nothing was written.
pub async fn refuses_all_but_its_role(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    body: &Value,
    resident_phone: &str,
    wrong_role: &reqwest::Client,
) {
    let url = server.url(path);
    for token in [None, Some(BOOTSTRAP_TOKEN), Some("guess")] {
        let mut request = server.plain_client().request(method.clone(), &url).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with token {token:?}");
    }
    let resident = server.client();
    server.sign_in(&resident, resident_phone).await;
    let r = resident.request(method.clone(), &url).json(body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with a resident's session");
    let r = wrong_role.request(method.clone(), &url).json(body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "{method} {path} by another role");
}

/// What a QR code the API drew (`{size, modules}`) says, read back by a QR decoder from its
/// picture (4 pixels a module, the quiet zone around it), as an authenticator app's camera would.
pub fn read_qr(matrix: &Value) -> String {
    const SCALE: usize = 4;
    const QUIET: usize = 4;
    let size = matrix["size"].as_u64().expect("size") as usize;
    let modules = matrix["modules"].as_str().expect("modules").as_bytes();
    assert_eq!(modules.len(), size * size);
    let side = (size + 2 * QUIET) * SCALE;
    let mut picture = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let inside = (QUIET..size + QUIET).contains(&mx) && (QUIET..size + QUIET).contains(&my);
        if inside && modules[(my - QUIET) * size + (mx - QUIET)] == b'1' {
            0
        } else {
            255
        }
    });
    let grids = picture.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("a readable QR code").1
}
