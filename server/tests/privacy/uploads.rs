//! Uploads: a quota per resident (25 files of 9 MB are refused past it, with the error shape
//! and Retry-After), and photos stored without their EXIF/text metadata.

use crate::both_engines;
use crate::common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

const MB: usize = 1024 * 1024;

/// A real 1×1 baseline JPEG; `extra` segments go right after SOI.
pub fn jpeg_with(extra: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    for segment in extra {
        out.extend(segment);
    }
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
    out.push(0b0011_1111);
    out.extend([0xFF, 0xD9]);
    out
}

pub fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend(((data.len() + 2) as u16).to_be_bytes());
    s.extend(data);
    s
}

/// An EXIF segment holding a GPS position as a camera would (TIFF header, then the tags).
fn gps_exif() -> Vec<u8> {
    let mut data = b"Exif\0\0MM\0*\0\0\0\x08".to_vec();
    data.extend(b"GPSLatitude 22/1 33/1 4512/100 N GPSLongitude 113/1 53/1 1/1 E");
    segment(0xE1, &data)
}

pub async fn upload(server: &TestServer, client: &reqwest::Client, bytes: Vec<u8>) -> reqwest::Response {
    client.post(server.url("/api/v1/uploads")).header("X-File-Name", "photo.jpg").body(bytes).send().await.unwrap()
}

pub async fn upload_ok(server: &TestServer, client: &reqwest::Client, bytes: Vec<u8>) -> String {
    let r = upload(server, client, bytes).await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

/// A 429 in the contract's shape, with `retry_after_seconds` and the same `Retry-After`.
pub async fn expect_rate_limited(r: reqwest::Response) -> i64 {
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let header: i64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited", "{body}");
    assert!(body["message"].is_string(), "{body}");
    assert_eq!(body["retry_after_seconds"].as_i64(), Some(header), "{body}");
    assert!((1..=86_400).contains(&header), "retry after {header} s");
    header
}

async fn twenty_five_uploads_of_9_mb_are_refused_past_the_quota(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000301").await;
    let mut big = jpeg_with(&[]);
    big.resize(9 * MB, 0x5a);
    let mut accepted = 0;
    let mut refused = 0;
    for _ in 0..25 {
        let r = upload(&server, &client, big.clone()).await;
        if r.status() == StatusCode::OK {
            assert_eq!(refused, 0, "nothing is accepted once refused");
            accepted += 1;
        } else {
            expect_rate_limited(r).await;
            refused += 1;
        }
    }
    // 50 MB a day by default: five files of 9 MB, then no more.
    assert_eq!((accepted, refused), (5, 20));
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 5);
    let files = std::fs::read_dir(server.data_dir.path().join("uploads")).unwrap().count();
    assert_eq!(files, 5, "refused uploads leave no file");
    // Another resident is not affected.
    let other = server.client();
    server.sign_in(&other, "13800000302").await;
    upload_ok(&server, &other, big.clone()).await;
    // A day later the same resident may upload again.
    server.clock.advance(86_400 + 1);
    upload_ok(&server, &client, big).await;
}
both_engines!(twenty_five_uploads_of_9_mb_are_refused_past_the_quota);

async fn files_per_day_and_files_kept_have_their_quota(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000303").await;
    for _ in 0..3 {
        upload_ok(&server, &client, jpeg_with(&[])).await;
    }
    // Three files a day (configured below): the fourth is refused until tomorrow.
    expect_rate_limited(upload(&server, &client, jpeg_with(&[])).await).await;
    // The next day: a fourth may come, but five kept files (configured) is the most.
    server.clock.advance(86_400 + 1);
    upload_ok(&server, &client, jpeg_with(&[])).await;
    upload_ok(&server, &client, jpeg_with(&[])).await;
    let e = expect_error(
        upload(&server, &client, jpeg_with(&[])).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;
    assert_eq!(e["fields"]["file"], "upload.quota");
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 5);
}
both_engines!(files_per_day_and_files_kept_have_their_quota, |c: &mut baoan_server::config::Config| {
    c.uploads_per_day = 3;
    c.uploads_stored = 5;
});

async fn a_jpeg_with_gps_exif_comes_back_without_it(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000304").await;
    let comment = segment(0xFE, b"Home of Zhang San");
    let photo = jpeg_with(&[gps_exif(), comment]);
    assert!(photo.windows(3).any(|w| w == b"GPS"));
    let id = upload_ok(&server, &client, photo).await;
    let back = client.get(server.url(&format!("/api/v1/uploads/{id}"))).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(back.as_ref(), jpeg_with(&[]).as_slice(), "only the image is left");
    for needle in [&b"Exif"[..], b"GPS", b"Zhang"] {
        assert!(!back.windows(needle.len()).any(|w| w == needle), "{:?} is gone", String::from_utf8_lossy(needle));
    }
    // The file on disk, and the size and hash recorded, are those of what is kept.
    let stored = std::fs::read(server.data_dir.path().join("uploads").join(&id)).unwrap();
    assert_eq!(stored, back.as_ref());
    let (size,): (i64,) = sqlx::query_as("SELECT size_bytes FROM uploads WHERE id = $1")
        .bind(&id)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(size as usize, stored.len());
}
both_engines!(a_jpeg_with_gps_exif_comes_back_without_it);

async fn a_png_loses_its_text_and_exif_chunks(server: TestServer) {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        out.extend([0, 0, 0, 0]);
    }
    let client = server.client();
    server.sign_in(&client, "13800000305").await;
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    let image_start = png.len();
    chunk(&mut png, b"eXIf", b"MM\0*GPS 22.5N");
    chunk(&mut png, b"tEXt", b"Location\0Xin'an");
    chunk(&mut png, b"iTXt", b"Author\0\0\0\0\0Zhang");
    let image_end = png.len();
    chunk(&mut png, b"IDAT", &[0x78, 1, 1, 4, 0, 0xfb, 0xff, 0, 0x1f, 0x6f, 0xb4, 0, 0, 0, 0]);
    chunk(&mut png, b"IEND", &[]);
    let mut want = png[..image_start].to_vec();
    want.extend(&png[image_end..]);
    let id = upload_ok(&server, &client, png).await;
    let back = client.get(server.url(&format!("/api/v1/uploads/{id}"))).send().await.unwrap().bytes().await.unwrap();
    assert_eq!(back.as_ref(), want.as_slice());
}
both_engines!(a_png_loses_its_text_and_exif_chunks);
