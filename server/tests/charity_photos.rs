//! Project photos over real HTTP on both engines: the charity editor of the project's own
//! organisation attaches one (audited; everyone else refused — no session, the bootstrap token,
//! a resident, another role, another organisation's editor; the file is sniffed, so a disguised
//! file is refused), the project page lists it with its alt text and
//! size, and the public reads the bytes back with their type and long-lived caching. The demo
//! data's photos are real PNG files in the data directory.

mod common;
mod staff_common;

use baoan_server::journeys::charity::demo_photos;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::Value;

fn staff_and_demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

fn attach_url(server: &TestServer, project: &str, alt: &str) -> String {
    let mut url =
        reqwest::Url::parse(&server.url(&format!("/api/v1/staff/charity/projects/{project}/photos"))).unwrap();
    url.query_pairs_mut().append_pair("alt", alt);
    url.to_string()
}

async fn attach(
    server: &TestServer,
    project: &str,
    alt: &str,
    body: Vec<u8>,
    by: &reqwest::Client,
) -> reqwest::Response {
    by.post(attach_url(server, project, alt)).header("Content-Type", "image/png").body(body).send().await.unwrap()
}

/// The organisation that runs `project`.
async fn organiser(server: &TestServer, project: &str) -> String {
    let (o,): (String,) = sqlx::query_as("SELECT organiser FROM charity_projects WHERE id = $1")
        .bind(project)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    o
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
    let own = organiser(&server, "p-dialysis").await;
    let (other,): (String,) =
        sqlx::query_as("SELECT organiser FROM charity_projects WHERE organiser <> $1 ORDER BY organiser LIMIT 1")
            .bind(&own)
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    let editor = staff_common::kept(&server, "editor", "charity_editor", Some(&own)).await;
    // Not this project's editor: no session, the bootstrap token alone, a wrong token.
    for token in [None, Some(staff_common::BOOTSTRAP_TOKEN), Some("not-the-token")] {
        let mut request = server.plain_client().post(attach_url(&server, "p-dialysis", "透析室")).body(png.clone());
        if let Some(t) = token {
            request = request.bearer_auth(t);
        }
        expect_error(request.send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    // Another organisation's editor, and a district admin (another role): 403.
    let stranger = staff_common::kept(&server, "stranger", "charity_editor", Some(&other)).await;
    let r = attach(&server, "p-dialysis", "透析室", png.clone(), &stranger).await;
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    let admin = staff_common::district_admin(&server).await;
    let r = attach(&server, "p-dialysis", "透析室", png.clone(), &admin).await;
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    // A signed-in resident's session.
    let resident = server.client();
    server.sign_in(&resident, "13800000021").await;
    let r = resident.post(attach_url(&server, "p-dialysis", "透析室")).body(png.clone()).send().await.unwrap();
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_project_photos WHERE project_id = 'p-dialysis'").await, 0);

    // A disguised file (HTML named and typed as a PNG), a PDF, and bytes that only start like a PNG.
    let r = attach(&server, "p-dialysis", "透析室", b"<html><script>alert(1)</script></html>".to_vec(), &editor).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["file"], "upload.type");
    let r = attach(&server, "p-dialysis", "透析室", b"%PDF-1.7\n%%EOF".to_vec(), &editor).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["file"], "upload.type");
    let r = attach(&server, "p-dialysis", "透析室", png[..12].to_vec(), &editor).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["file"], "upload.type");
    // Alt text is required; the project must exist.
    let r = attach(&server, "p-dialysis", "  ", png.clone(), &editor).await;
    assert_eq!(expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await["fields"]["alt"], "required");
    let r = attach(&server, "no-such-project", "透析室", png.clone(), &editor).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_project_photos WHERE project_id = 'p-dialysis'").await, 0);

    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'charity.attach_photo'").await, 0);

    // The project's own editor attaches a real PNG.
    let r = attach(&server, "p-dialysis", " 患者在透析室接受治疗 ", png.clone(), &editor).await;
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
    let (actor, place, subject): (String, Option<String>, String) =
        sqlx::query_as("SELECT actor, place, subject_id FROM audit_trail WHERE action = 'charity.attach_photo'")
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!((actor.as_str(), place.as_deref(), subject.as_str()), ("editor", Some(own.as_str()), id.as_str()));

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
