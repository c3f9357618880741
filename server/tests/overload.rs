//! The server's own protection (issue 10, item 3): a cap on concurrent requests and a time limit
//! per request, shown with real slow clients — raw TCP connections that send their headers and
//! then trickle the body — not with a slow route compiled in for tests. Both answers are in the
//! contract's error shape. (The behaviour does not depend on the database engine: SQLite only.)

mod common;

use common::{assert_error_shape, TestServer};
use serde_json::Value;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Opens a connection and sends a request whose body (JSON, `length` bytes announced) has only
/// begun: the server is now reading it, holding a place, until the rest comes or time runs out.
async fn slow_request(server: &TestServer, length: usize) -> TcpStream {
    let mut s = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /api/v1/auth/sms-code HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{",
        addr = server.addr
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s.flush().await.unwrap();
    s
}

/// Reads one HTTP response from a raw connection: status, the headers (lowercased names), body.
async fn read_response(s: &mut TcpStream, within: Duration) -> (u16, Vec<(String, String)>, String) {
    let mut buf = Vec::new();
    let deadline = Instant::now() + within;
    loop {
        let mut chunk = [0u8; 4096];
        let left = deadline.saturating_duration_since(Instant::now());
        let n = match tokio::time::timeout(left, s.read(&mut chunk)).await {
            Ok(Ok(n)) => n,
            Ok(Err(e)) => panic!("read: {e}"),
            Err(_) => panic!("no complete response within {within:?}: {:?}", String::from_utf8_lossy(&buf)),
        };
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let mut lines = head.lines();
            let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
            let headers: Vec<(String, String)> = lines
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
                .collect();
            let length = headers.iter().find(|(k, _)| k == "content-length").map(|(_, v)| v.parse::<usize>().unwrap());
            if length.is_some_and(|l| body.len() >= l) || n == 0 {
                return (status, headers, body.to_string());
            }
        }
        if n == 0 {
            panic!("connection closed before a response: {:?}", String::from_utf8_lossy(&buf));
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// A client that sends its body slowly is cut off after the request timeout with 408 in the error
/// shape, however long it would go on; a normal request meanwhile is served.
async fn a_trickled_body_times_out(server: TestServer) {
    let started = Instant::now();
    let mut slow = slow_request(&server, 200).await;
    // Keep trickling, a byte every 300 ms: never finishes within the one-second limit.
    let trickle = async {
        for _ in 0..10 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            if slow.write_all(b" ").await.is_err() {
                break;
            }
        }
        slow
    };
    let normal = reqwest::get(server.url("/api/v1/meta"));
    let (mut slow, normal) = tokio::join!(trickle, normal);
    assert_eq!(normal.unwrap().status(), 200, "other requests are served meanwhile");
    let (status, headers, body) = read_response(&mut slow, Duration::from_secs(5)).await;
    assert_eq!(status, 408, "the trickled request timed out: {body}");
    assert!(header(&headers, "content-type").is_some_and(|c| c.starts_with("application/json")));
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_error_shape(&body, "timeout");
    assert!(started.elapsed() < Duration::from_secs(6));
}
sqlite_only!(a_trickled_body_times_out, |c: &mut baoan_server::config::Config| c.request_timeout_seconds = 1);

/// With a cap of two requests in progress, two slow clients hold both places: a third request
/// waits its second and is refused with 503 `unavailable` and Retry-After, before any handler
/// runs. When the slow clients are done, requests are served again; a short burst within the cap
/// is queued, not refused.
async fn requests_beyond_the_cap_are_refused(server: TestServer) {
    let one = slow_request(&server, 200).await;
    let two = slow_request(&server, 200).await;
    tokio::time::sleep(Duration::from_millis(300)).await; // both are inside, reading their bodies
    let waited = Instant::now();
    let r = reqwest::get(server.url("/api/v1/meta")).await.unwrap();
    assert_eq!(r.status(), 503, "beyond the cap");
    assert!(waited.elapsed() >= baoan_server::overload::QUEUE_WAIT, "it waited for a place first");
    let after: i64 = r.headers().get("retry-after").expect("Retry-After").to_str().unwrap().parse().unwrap();
    let body: Value = r.json().await.unwrap();
    assert_error_shape(&body, "unavailable");
    assert_eq!(body["retry_after_seconds"], after);
    // The slow clients go away: their places free.
    drop(one);
    drop(two);
    let mut served = false;
    for _ in 0..20 {
        if reqwest::get(server.url("/api/v1/meta")).await.unwrap().status() == 200 {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(served, "served again once places are free");
    // Six at once with two places: each waits its turn (well under a second) and is served.
    let burst: Vec<_> = (0..6).map(|_| tokio::spawn(reqwest::get(server.url("/api/v1/meta")))).collect();
    for r in burst {
        assert_eq!(r.await.unwrap().unwrap().status(), 200, "a short burst is queued, not refused");
    }
}
sqlite_only!(requests_beyond_the_cap_are_refused, |c: &mut baoan_server::config::Config| c.max_concurrent_requests = 2);

/// Uploads have their own, longer time limit: a body still arriving after the request timeout
/// is not cut off at it.
async fn uploads_have_their_own_time_limit(server: TestServer) {
    let client = server.client();
    server.send_code(&client, "13800000901").await;
    let code = server.outbox_code("13800000901").await;
    let signed_in = server.post_session(&client, "13800000901", &code).await;
    let cookie = common::set_cookies(&signed_in).into_iter().next().expect("a session cookie");
    let cookie = cookie.split(';').next().unwrap().to_string();
    let mut body = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0];
    body.extend(std::iter::repeat_n(7u8, 4000));
    let mut s = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST /api/v1/uploads HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nSec-Fetch-Site: same-origin\r\n\
         Cookie: {cookie}\r\nX-File-Name: slow.jpg\r\nContent-Length: {}\r\n\r\n",
        body.len(),
        addr = server.addr
    );
    s.write_all(head.as_bytes()).await.unwrap();
    // The body arrives in five pieces over 1.5 s, past the one-second request timeout.
    for piece in body.chunks(body.len() / 5 + 1) {
        tokio::time::sleep(Duration::from_millis(300)).await;
        s.write_all(piece).await.unwrap();
    }
    let (status, _, text) = read_response(&mut s, Duration::from_secs(5)).await;
    assert_eq!(status, 200, "the slow upload was accepted: {text}");
}
sqlite_only!(uploads_have_their_own_time_limit, |c: &mut baoan_server::config::Config| c.request_timeout_seconds = 1);
