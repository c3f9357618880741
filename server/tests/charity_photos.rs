//! Project photos over real HTTP on both engines: staff attach one (token-protected; the file is
//! sniffed, so a disguised file is refused), the project page lists it with its alt text and
//! size, and the public reads the bytes back with their type and long-lived caching. The demo
//! data's photos are real PNG files in the data directory.

mod common;

use baoan_server::journeys::charity::demo_photos;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

const TOKEN: &str = "test-admin-token";

fn staff_and_demo(c: &mut baoan_server::config::Config) {
    c.admin_token = Some(TOKEN.into());
    c.seed_demo_data = true;
}

fn attach_url(server: &TestServer, project: &str, alt: &str) -> String {
    let mut url =
        reqwest::Url::parse(&server.url(&format!("/api/v1/admin/charity/projects/{project}/photos"))).unwrap();
    url.query_pairs_mut().append_pair("alt", alt);
    url.to_string()
}

async fn attach(
    server: &TestServer,
    project: &str,
    alt: &str,
    body: Vec<u8>,
    token: Option<&str>,
) -> reqwest::Response {
    let mut request =
        server.plain_client().post(attach_url(server, project, alt)).header("Content-Type", "image/png").body(body);
    if let Some(t) = token {
        request = request.bearer_auth(t);
    }
    request.send().await.unwrap()
}

fn small_png() -> Vec<u8> {
    let rgb: Vec<u8> = (0..40 * 30).flat_map(|i| [(i % 256) as u8, 90, 160]).collect();
    demo_photos::png(40, 30, &rgb)
}

async fn project(server: &TestServer, id: &str) -> Value {
    let r = reqwest::get(server.url(&format!("/api/v1/charity/projects/{id}"))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn staff_attach_a_photo_the_public_reads(server: TestServer) {
    let png = small_png();
    // Not staff: no token, a wrong one, or a signed-in resident's session.
    let r = attach(&server, "p-dialysis", "透析室", png.clone(), None).await;
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let r = attach(&server, "p-dialysis", "透析室", png.clone(), Some("not-the-token")).await;
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let resident = server.client();
    server.sign_in(&resident, "13800000021").await;
    let r = resident.post(attach_url(&server, "p-dialysis", "透析室")).body(png.clone()).send().await.unwrap();
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_project_photos WHERE project_id = 'p-dialysis'").await, 0);

    // A disguised file (HTML named and typed as a PNG), a PDF, and bytes that only start like a PNG.
    let r =
        attach(&server, "p-dialysis", "透析室", b"<html><script>alert(1)</script></html>".to_vec(), Some(TOKEN)).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["file"], "upload.type");
    let r = attach(&server, "p-dialysis", "透析室", b"%PDF-1.7\n%%EOF".to_vec(), Some(TOKEN)).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["file"], "upload.type");
    let r = attach(&server, "p-dialysis", "透析室", png[..12].to_vec(), Some(TOKEN)).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["file"], "upload.type");
    // Alt text is required; the project must exist.
    let r = attach(&server, "p-dialysis", "  ", png.clone(), Some(TOKEN)).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["alt"], "required");
    let r = attach(&server, "no-such-project", "透析室", png.clone(), Some(TOKEN)).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_project_photos WHERE project_id = 'p-dialysis'").await, 0);

    // Staff attach a real PNG.
    let r = attach(&server, "p-dialysis", " 患者在透析室接受治疗 ", png.clone(), Some(TOKEN)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let photo: Value = r.json().await.unwrap();
    assert_eq!(photo["alt"]["zh_hans"], "患者在透析室接受治疗");
    // Its 繁體 is converted when written; no English is invented.
    assert_eq!(photo["alt"]["zh_hant"], "患者在透析室接受治療");
    assert!(photo["alt"].get("en").is_none());
    assert_eq!((photo["width"].as_i64(), photo["height"].as_i64()), (Some(40), Some(30)));
    let id = photo["id"].as_str().unwrap().to_string();
    assert!(server.data_dir.path().join("uploads").join(&id).exists(), "stored under the data directory");

    let p = project(&server, "p-dialysis").await;
    assert_eq!(p["photos"], serde_json::json!([photo]));

    let r = reqwest::get(server.url(&format!("/api/v1/charity/photos/{id}"))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/png");
    assert_eq!(r.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(r.bytes().await.unwrap().to_vec(), png);
    let r = reqwest::get(server.url("/api/v1/charity/photos/nope")).await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    // The rest of the API still says no-store.
    let r = reqwest::get(server.url("/api/v1/charity/projects/p-dialysis")).await.unwrap();
    assert_eq!(r.headers()["cache-control"], "no-store");
}
both_engines!(staff_attach_a_photo_the_public_reads, staff_and_demo);

async fn demo_projects_have_real_photos(server: TestServer) {
    let p = project(&server, "p-heart-kids").await;
    let photos = p["photos"].as_array().unwrap();
    assert_eq!(photos.len(), 2);
    for photo in photos {
        assert!(!photo["alt"]["zh_hans"].as_str().unwrap().trim().is_empty());
        assert!(!photo["alt"]["zh_hant"].as_str().unwrap().trim().is_empty());
        let r = reqwest::get(server.url(&format!("/api/v1/charity/photos/{}", photo["id"].as_str().unwrap())))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()) as i64, photo["width"].as_i64().unwrap());
    }
    // A project without photos lists none.
    assert_eq!(project(&server, "p-dialysis").await["photos"], serde_json::json!([]));
}
both_engines!(demo_projects_have_real_photos, staff_and_demo);

async fn without_a_staff_token_the_admin_endpoint_does_not_exist(server: TestServer) {
    let r = attach(&server, "p-dialysis", "透析室", small_png(), Some("anything")).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
}
both_engines!(without_a_staff_token_the_admin_endpoint_does_not_exist, |c: &mut baoan_server::config::Config| {
    c.seed_demo_data = true;
    c.admin_token = None;
});
