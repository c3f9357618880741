//! A local stand-in for the province's unified identity platform (an OpenID Connect provider),
//! as the relying party sees one: discovery, JWKS, an authorization endpoint that "logs the
//! resident in" and redirects back with a code, and a token endpoint that checks the client's
//! credentials, the redirect URI and the PKCE verifier before answering an ID token signed
//! (RS256) with a key generated here. `next` says whose identity the next login is and how the
//! ID token should be spoiled, for the refusal tests.

#![allow(dead_code)]

use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use baoan_server::config::Config;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const CLIENT_ID: &str = "baoan-minzheng";
pub const CLIENT_SECRET: &str = "oidc-client-secret-in-test";
pub const REDIRECT_URL: &str = "http://127.0.0.1/mine/verify/return";
/// The claim names this platform uses (configured on the server, not the defaults).
pub const NAME_CLAIM: &str = "real_name";
pub const ID_NUMBER_CLAIM: &str = "id_card_number";

/// How the next ID token is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Spoil {
    #[default]
    Nothing,
    /// Issued for another client.
    WrongAudience,
    /// Expired an hour ago.
    Expired,
    /// Signed with a key the JWKS does not hold (same key ID).
    BadSignature,
    /// Carries a nonce other than the one the relying party sent.
    WrongNonce,
}

/// The person the platform vouches for at the next login.
#[derive(Debug, Clone)]
pub struct Person {
    pub subject: String,
    pub name: String,
    pub id_number: String,
}

/// A code the authorization endpoint issued: what the token endpoint must see again.
struct Issued {
    nonce: String,
    challenge: String,
    redirect_uri: String,
    person: Person,
    spoil: Spoil,
}

pub struct OidcStandIn {
    pub issuer: String,
    key: RsaPrivateKey,
    other_key: RsaPrivateKey,
    next: Mutex<Option<(Person, Spoil)>>,
    codes: Mutex<HashMap<String, Issued>>,
    /// Token requests refused, with the reason (a test asserts none were, on the happy path).
    pub refused: Mutex<Vec<String>>,
}

impl OidcStandIn {
    pub async fn start() -> Arc<OidcStandIn> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the OIDC stand-in");
        let issuer = format!("http://{}", listener.local_addr().unwrap());
        let mut rng = rand::thread_rng();
        let stand_in = Arc::new(OidcStandIn {
            issuer,
            key: RsaPrivateKey::new(&mut rng, 2048).expect("RSA key"),
            other_key: RsaPrivateKey::new(&mut rng, 2048).expect("RSA key"),
            next: Mutex::new(None),
            codes: Mutex::new(HashMap::new()),
            refused: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .with_state(stand_in.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        stand_in
    }

    /// The next login is `person`'s, its ID token spoiled as `spoil` says.
    pub fn next_login(&self, person: Person, spoil: Spoil) {
        *self.next.lock().unwrap() = Some((person, spoil));
    }

    pub fn refused(&self) -> Vec<String> {
        self.refused.lock().unwrap().clone()
    }

    /// The server's settings for this platform (claim names included).
    pub fn configure(&self, c: &mut Config) {
        let o = &mut c.oidc;
        o.oidc_issuer = Some(self.issuer.clone());
        o.oidc_client_id = Some(CLIENT_ID.into());
        o.oidc_client_secret = Some(CLIENT_SECRET.into());
        o.oidc_redirect_url = Some(REDIRECT_URL.into());
        o.oidc_name_claim = NAME_CLAIM.into();
        o.oidc_id_number_claim = ID_NUMBER_CLAIM.into();
        o.oidc_scopes = "profile".into();
    }

    /// The same settings as environment variables, for the server binary.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("BAOAN_OIDC_ISSUER", self.issuer.clone()),
            ("BAOAN_OIDC_CLIENT_ID", CLIENT_ID.into()),
            ("BAOAN_OIDC_CLIENT_SECRET", CLIENT_SECRET.into()),
            ("BAOAN_OIDC_REDIRECT_URL", REDIRECT_URL.into()),
            ("BAOAN_OIDC_NAME_CLAIM", NAME_CLAIM.into()),
            ("BAOAN_OIDC_ID_NUMBER_CLAIM", ID_NUMBER_CLAIM.into()),
        ]
    }

    fn id_token(&self, issued: &Issued) -> String {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
        let (aud, exp, nonce) = match issued.spoil {
            Spoil::WrongAudience => ("another-client".to_string(), now + 300, issued.nonce.clone()),
            Spoil::Expired => (CLIENT_ID.to_string(), now - 3600, issued.nonce.clone()),
            Spoil::WrongNonce => (CLIENT_ID.to_string(), now + 300, "a-nonce-of-another-attempt".to_string()),
            _ => (CLIENT_ID.to_string(), now + 300, issued.nonce.clone()),
        };
        let header = json!({ "alg": "RS256", "typ": "JWT", "kid": "standin-1" });
        let mut payload = json!({
            "iss": self.issuer, "sub": issued.person.subject, "aud": aud, "exp": exp, "iat": exp - 600, "nonce": nonce,
        });
        payload[NAME_CLAIM] = json!(issued.person.name);
        payload[ID_NUMBER_CLAIM] = json!(issued.person.id_number);
        let input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(payload.to_string()));
        let key = if issued.spoil == Spoil::BadSignature { &self.other_key } else { &self.key };
        let signature = SigningKey::<Sha256>::new(key.clone()).sign(input.as_bytes()).to_vec();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature))
    }
}

async fn discovery(State(s): State<Arc<OidcStandIn>>) -> Json<Value> {
    Json(json!({
        "issuer": s.issuer,
        "authorization_endpoint": format!("{}/authorize", s.issuer),
        "token_endpoint": format!("{}/token", s.issuer),
        "jwks_uri": format!("{}/jwks", s.issuer),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
    }))
}

async fn jwks(State(s): State<Arc<OidcStandIn>>) -> Json<Value> {
    let public = s.key.to_public_key();
    Json(json!({ "keys": [{
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "standin-1",
        "n": URL_SAFE_NO_PAD.encode(public.n().to_bytes_be()),
        "e": URL_SAFE_NO_PAD.encode(public.e().to_bytes_be()),
    }] }))
}

/// The resident logs in at the platform (whoever `next_login` named); back to the redirect URI
/// with a code and the relying party's state.
async fn authorize(State(s): State<Arc<OidcStandIn>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    if get("client_id") != CLIENT_ID
        || get("response_type") != "code"
        || get("code_challenge_method") != "S256"
        || !get("scope").split(' ').any(|s| s == "openid")
    {
        return (StatusCode::BAD_REQUEST, format!("bad authorization request: {q:?}")).into_response();
    }
    let (person, spoil) = s.next.lock().unwrap().take().expect("the test said who logs in next");
    let code = format!("code-{}", rand::random::<u64>());
    let issued = Issued {
        nonce: get("nonce"),
        challenge: get("code_challenge"),
        redirect_uri: get("redirect_uri"),
        person,
        spoil,
    };
    s.codes.lock().unwrap().insert(code.clone(), issued);
    let location = format!("{}?code={code}&state={}", get("redirect_uri"), urlencode(&get("state")));
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The code exchange: client credentials (HTTP Basic), a known unused code, the same redirect
/// URI, and the PKCE verifier whose SHA-256 is the challenge.
async fn token(
    State(s): State<Arc<OidcStandIn>>,
    headers: HeaderMap,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let refuse = |why: String| {
        s.refused.lock().unwrap().push(why);
        (StatusCode::BAD_REQUEST, Json(json!({ "error": "invalid_grant" }))).into_response()
    };
    let basic = format!("Basic {}", STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}")));
    if headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) != Some(basic.as_str()) {
        return refuse("client authentication".into());
    }
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    if get("grant_type") != "authorization_code" {
        return refuse(format!("grant_type {}", get("grant_type")));
    }
    let Some(issued) = s.codes.lock().unwrap().remove(&get("code")) else {
        return refuse("unknown or used code".into());
    };
    if get("redirect_uri") != issued.redirect_uri {
        return refuse("redirect_uri".into());
    }
    if URL_SAFE_NO_PAD.encode(Sha256::digest(get("code_verifier").as_bytes())) != issued.challenge {
        return refuse("PKCE verifier".into());
    }
    let id_token = s.id_token(&issued);
    Json(json!({ "access_token": "at-standin", "token_type": "Bearer", "expires_in": 300, "id_token": id_token }))
        .into_response()
}
