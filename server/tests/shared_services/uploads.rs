//! POST /api/v1/uploads (the raw file as the body, ≤ 10 MB, judged by its content) and
//! GET /api/v1/uploads/{id} (its owner only), with real minimal JPEG, PNG and PDF files.

use crate::both_engines;
use crate::common::{expect_error, TestServer};
use baoan_contract::api::{FileKind, MAX_UPLOAD_BYTES};
use baoan_server::uploads::owned_by;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A valid 1×1 RGB PNG: signature, IHDR, IDAT (zlib, one stored block), IEND, with real CRCs.
pub fn png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc_input = kind.to_vec();
        crc_input.extend(data);
        out.extend(&crc_input);
        out.extend(crc32(&crc_input).to_be_bytes());
    }
    let scanline = [0u8, 0x1f, 0x6f, 0xb4]; // filter 0, one blue pixel
    let (mut a, mut b) = (1u32, 0u32);
    for &x in &scanline {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    let len = scanline.len() as u16;
    let mut zlib = vec![0x78, 0x01, 0x01];
    zlib.extend(len.to_le_bytes());
    zlib.extend((!len).to_le_bytes());
    zlib.extend(scanline);
    zlib.extend(((b << 16) | a).to_be_bytes());
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A valid 1×1 grey baseline JPEG: JFIF, a quantisation table, one-code Huffman tables, and
/// one block whose DC difference is 0 followed by end-of-block.
pub fn jpeg() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    out.extend([0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    out.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
    out.extend([1u8; 64]);
    out.extend([0xFF, 0xC0, 0x00, 0x0B, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
    for class in [0x00, 0x10] {
        out.extend([0xFF, 0xC4, 0x00, 0x14, class, 1]);
        out.extend([0u8; 15]);
        out.push(0x00);
    }
    out.extend([0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]);
    out.push(0b0011_1111); // DC "0", EOB "0", padded with ones
    out.extend([0xFF, 0xD9]);
    out
}

/// A valid one-page PDF with a correct cross-reference table.
pub fn pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{body}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for offset in offsets {
        out.push_str(&format!("{offset:010} 00000 n \n"));
    }
    out.push_str(&format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1));
    out.into_bytes()
}

/// What the app sends in `X-File-Name`: the UTF-8 name, percent-encoded.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn upload(server: &TestServer, client: &reqwest::Client, name: Option<&str>, body: Vec<u8>) -> reqwest::Response {
    let mut request = client.post(server.url("/api/v1/uploads")).header(CONTENT_TYPE, "application/octet-stream");
    if let Some(name) = name {
        request = request.header("x-file-name", percent_encode(name));
    }
    request.body(body).send().await.unwrap()
}

async fn upload_ok(server: &TestServer, client: &reqwest::Client, name: Option<&str>, body: Vec<u8>) -> Value {
    let r = upload(server, client, name, body).await;
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "upload refused: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn download(server: &TestServer, client: &reqwest::Client, id: &str) -> reqwest::Response {
    client.get(server.url(&format!("/api/v1/uploads/{id}"))).send().await.unwrap()
}

fn stored_file(server: &TestServer, id: &str) -> std::path::PathBuf {
    server.data_dir.path().join("uploads").join(id)
}

async fn real_files_are_accepted_by_content_and_read_back_by_their_owner(server: TestServer) {
    // Each test server has a data folder of its own (not the shared system temp folder).
    assert_eq!(server.state.config.data_dir, server.data_dir.path());
    let client = server.client();
    let me = server.sign_in(&client, "13800000001").await;
    let cases = [
        (jpeg(), "身份证 正面.jpg", "jpeg", "image/jpeg"),
        (png(), "户口簿（首页）.png", "png", "image/png"),
        (pdf(), "收入证明 2024年.pdf", "pdf", "application/pdf"),
        // The content decides, not the name: a PNG called .pdf is a PNG.
        (png(), "扫描件.pdf", "png", "image/png"),
    ];
    for (bytes, name, kind, mime) in cases {
        let receipt = upload_ok(&server, &client, Some(name), bytes.clone()).await;
        let id = receipt["id"].as_str().unwrap().to_string();
        assert_eq!(receipt, json!({ "id": id, "kind": kind, "size_bytes": bytes.len(), "name": name }));

        let r = download(&server, &client, &id).await;
        assert_eq!(r.status(), StatusCode::OK, "{name}");
        assert_eq!(r.headers()[CONTENT_TYPE], mime, "{name}");
        assert!(r.headers()[CACHE_CONTROL].to_str().unwrap().contains("no-store"));
        assert_eq!(r.bytes().await.unwrap().as_ref(), bytes.as_slice(), "{name}: the same bytes come back");

        // Stored as sent, under this server's data folder, with its record.
        assert_eq!(std::fs::read(stored_file(&server, &id)).unwrap(), bytes);
        assert!(!std::env::temp_dir().join("uploads").join(&id).exists(), "not in the shared temp folder");
        let row: (String, String, i64, String, String) = sqlx::query_as(
            "SELECT user_id, content_type, size_bytes, sha256, original_name FROM uploads WHERE id = $1",
        )
        .bind(&id)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
        let sha: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        let want =
            (me["user_id"].as_str().unwrap().to_string(), mime.to_string(), bytes.len() as i64, sha, name.into());
        assert_eq!(row, want);
    }

    // No name: "file". Path separators and control characters never reach the stored name.
    assert_eq!(upload_ok(&server, &client, None, jpeg()).await["name"], "file");
    assert_eq!(upload_ok(&server, &client, Some("../../etc/passwd\n.jpg"), jpeg()).await["name"], "....etcpasswd.jpg");
    assert_eq!(upload_ok(&server, &client, Some("a\\b/c.png"), png()).await["name"], "abc.png");
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 7);
}
both_engines!(real_files_are_accepted_by_content_and_read_back_by_their_owner);

async fn other_content_is_refused_whatever_its_name(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000001").await;
    let html = b"<!doctype html><html><script>alert(1)</script></html>".to_vec();
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.extend(b"This program cannot be run in DOS mode.");
    // Almost a PNG: one signature byte wrong.
    let mut bad_png = png();
    bad_png[1] = b'Q';
    for (bytes, name) in [(html, "照片.jpg"), (exe, "setup.jpg"), (bad_png, "图.png"), (b"%PDF".to_vec(), "x.pdf")] {
        let r = client
            .post(server.url("/api/v1/uploads"))
            .header(CONTENT_TYPE, "image/jpeg")
            .header("x-file-name", percent_encode(name))
            .body(bytes)
            .send()
            .await
            .unwrap();
        let err = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(err["fields"], json!({ "file": "upload.type" }), "{name}");
    }
    let err = expect_error(
        upload(&server, &client, Some("空.jpg"), Vec::new()).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(err["fields"], json!({ "file": "required" }));

    // Nothing was recorded or written.
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 0);
    let dir = server.data_dir.path().join("uploads");
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none(), "no file left behind");
}
both_engines!(other_content_is_refused_whatever_its_name);

async fn ten_megabytes_is_the_limit(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000001").await;
    let mut exactly = jpeg();
    exactly.resize(MAX_UPLOAD_BYTES, 0x5a);
    assert_eq!(exactly.len(), 10 * 1024 * 1024);
    let receipt = upload_ok(&server, &client, Some("大.jpg"), exactly.clone()).await;
    assert_eq!(receipt["size_bytes"], MAX_UPLOAD_BYTES);
    let r = download(&server, &client, receipt["id"].as_str().unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.bytes().await.unwrap().as_ref() == exactly.as_slice(), "the 10 MB file comes back intact");

    let mut too_big = exactly;
    too_big.push(0x5a);
    let err = expect_error(
        upload(&server, &client, Some("太大.jpg"), too_big).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;
    assert_eq!(err["fields"], json!({ "file": "upload.too_large" }));
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 1);
    assert_eq!(std::fs::read_dir(server.data_dir.path().join("uploads")).unwrap().count(), 1);
}
both_engines!(ten_megabytes_is_the_limit);

async fn only_the_owner_reads_an_upload(server: TestServer) {
    let (a, b) = (server.client(), server.client());
    let me_a = server.sign_in(&a, "13800000001").await;
    let me_b = server.sign_in(&b, "13900000002").await;
    let id = upload_ok(&server, &a, Some("身份证.jpg"), jpeg()).await["id"].as_str().unwrap().to_string();

    let theirs = expect_error(download(&server, &b, &id).await, StatusCode::NOT_FOUND, "not_found").await;
    let unknown = expect_error(download(&server, &b, "no-such-upload").await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(theirs, unknown, "someone else's file is indistinguishable from none");
    let stranger = server.client();
    expect_error(download(&server, &stranger, &id).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(download(&server, &a, &id).await.status(), StatusCode::OK);

    // Signed out, nothing is accepted.
    expect_error(upload(&server, &stranger, Some("x.jpg"), jpeg()).await, StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 1);

    // What the journeys use before attaching a file to a record.
    let (user_a, user_b) = (me_a["user_id"].as_str().unwrap(), me_b["user_id"].as_str().unwrap());
    assert_eq!(owned_by(&server.state, &id, user_a).await.unwrap(), Some(FileKind::Jpeg));
    assert_eq!(owned_by(&server.state, &id, user_b).await.unwrap(), None);
    assert_eq!(owned_by(&server.state, "no-such-upload", user_a).await.unwrap(), None);
}
both_engines!(only_the_owner_reads_an_upload);
