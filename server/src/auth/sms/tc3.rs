//! Tencent Cloud API 3.0 request signing, "签名方法 v3" (TC3-HMAC-SHA256), step by step as the
//! signature document describes it: the canonical request, the string to sign, the derived key
//! (date, then service, then "tc3_request"), the signature and the Authorization header. The
//! tests check every step against the document's worked example (CVM DescribeInstances at
//! 1551113065), whose masked key the document's own printed intermediate values were computed with.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

pub const ALGORITHM: &str = "TC3-HMAC-SHA256";
/// The content type a JSON POST is signed (and sent) with.
pub const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// Headers that take part in the signature: the two required ones and the action, so a signed
/// request cannot be replayed as another action.
pub const SIGNED_HEADERS: &str = "content-type;host;x-tc-action";

/// What one request is, as far as the signature is concerned.
pub struct Request<'a> {
    /// `sms`, `cvm`…: the product, as in its domain name.
    pub service: &'a str,
    /// The Host header as sent (with the port when it is not the scheme's default).
    pub host: &'a str,
    pub action: &'a str,
    pub timestamp: i64,
    pub payload: &'a [u8],
}

pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac_sha256(key: &[u8], message: &str) -> [u8; 32] {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(message.as_bytes());
    mac.finalize().into_bytes().into()
}

/// The UTC date of a Unix time, `YYYY-MM-DD`: the signature's date is UTC, never Shenzhen's
/// (at 00:44 in Shenzhen it is still the day before).
pub fn utc_date(timestamp: i64) -> String {
    baoan_contract::rules::date::Date::from_unix_seconds(timestamp, 0).to_iso()
}

/// Step 1: the canonical request of a POST to `/` with no query string.
pub fn canonical_request(req: &Request) -> String {
    format!(
        "POST\n/\n\ncontent-type:{CONTENT_TYPE}\nhost:{}\nx-tc-action:{}\n\n{SIGNED_HEADERS}\n{}",
        req.host.to_ascii_lowercase(),
        req.action.to_ascii_lowercase(),
        sha256_hex(req.payload)
    )
}

pub fn credential_scope(req: &Request) -> String {
    format!("{}/{}/tc3_request", utc_date(req.timestamp), req.service)
}

/// Step 2: the string to sign.
pub fn string_to_sign(req: &Request) -> String {
    format!(
        "{ALGORITHM}\n{}\n{}\n{}",
        req.timestamp,
        credential_scope(req),
        sha256_hex(canonical_request(req).as_bytes())
    )
}

/// Step 3a: the signing key derived from the SecretKey, the date and the service. Returns the
/// three derived keys in order (SecretDate, SecretService, SecretSigning).
pub fn derived_keys(secret_key: &str, date: &str, service: &str) -> [[u8; 32]; 3] {
    let secret_date = hmac_sha256(format!("TC3{secret_key}").as_bytes(), date);
    let secret_service = hmac_sha256(&secret_date, service);
    let secret_signing = hmac_sha256(&secret_service, "tc3_request");
    [secret_date, secret_service, secret_signing]
}

/// Step 3b: the signature, lowercase hex.
pub fn signature(secret_key: &str, req: &Request) -> String {
    let [_, _, signing] = derived_keys(secret_key, &utc_date(req.timestamp), req.service);
    hex(&hmac_sha256(&signing, &string_to_sign(req)))
}

/// Step 4: the Authorization header.
pub fn authorization(secret_id: &str, secret_key: &str, req: &Request) -> String {
    format!(
        "{ALGORITHM} Credential={secret_id}/{}, SignedHeaders={SIGNED_HEADERS}, Signature={}",
        credential_scope(req),
        signature(secret_key, req)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // The worked example of Tencent Cloud's "签名方法 v3" document (cloud.tencent.com, API
    // document 213/30654, current revision, which signs x-tc-action too). Its SecretId and
    // SecretKey are printed masked — "AKID" then 32 asterisks, and 32 asterisks — and the
    // document's printed derived keys are exactly those of that masked string, so the whole
    // chain can be checked against it. The payload keeps its \u escapes: it is signed as sent.
    const DOC_SECRET_ID: &str = "AKID********************************";
    const DOC_SECRET_KEY: &str = "********************************";
    const DOC_PAYLOAD: &str =
        r#"{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}"#;
    const DOC_PAYLOAD_HASH: &str = "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";
    const DOC_CANONICAL_REQUEST: &str = "POST\n/\n\ncontent-type:application/json; charset=utf-8\n\
        host:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n\
        35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064";
    const DOC_STRING_TO_SIGN: &str = "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n\
        7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84";
    const DOC_SECRET_DATE: &str = "da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0";
    const DOC_SECRET_SERVICE: &str = "8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f";
    const DOC_SECRET_SIGNING: &str = "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af";
    const DOC_SIGNATURE: &str = "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f";
    const DOC_AUTHORIZATION: &str = "TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f";

    fn doc_request() -> Request<'static> {
        Request {
            service: "cvm",
            host: "cvm.tencentcloudapi.com",
            action: "DescribeInstances",
            timestamp: 1551113065,
            payload: DOC_PAYLOAD.as_bytes(),
        }
    }

    #[test]
    fn every_step_matches_the_documents_worked_example() {
        let req = doc_request();
        assert_eq!(sha256_hex(req.payload), DOC_PAYLOAD_HASH);
        assert_eq!(canonical_request(&req), DOC_CANONICAL_REQUEST);
        assert_eq!(credential_scope(&req), "2019-02-25/cvm/tc3_request");
        assert_eq!(string_to_sign(&req), DOC_STRING_TO_SIGN);
        let [date, service, signing] = derived_keys(DOC_SECRET_KEY, "2019-02-25", "cvm");
        assert_eq!(hex(&date), DOC_SECRET_DATE);
        assert_eq!(hex(&service), DOC_SECRET_SERVICE);
        assert_eq!(hex(&signing), DOC_SECRET_SIGNING);
        assert_eq!(signature(DOC_SECRET_KEY, &req), DOC_SIGNATURE);
        assert_eq!(authorization(DOC_SECRET_ID, DOC_SECRET_KEY, &req), DOC_AUTHORIZATION);
    }

    #[test]
    fn the_date_is_utc() {
        // The document's own warning: 1551113065 is 2019-02-26 00:44:25 in UTC+8.
        assert_eq!(utc_date(1551113065), "2019-02-25");
        assert_eq!(utc_date(1551113065 + 23 * 3600), "2019-02-26");
    }

    #[test]
    fn any_change_to_what_is_signed_changes_the_signature() {
        let base = signature(DOC_SECRET_KEY, &doc_request());
        let other_payload = Request { payload: b"{}", ..doc_request() };
        let other_action = Request { action: "RunInstances", ..doc_request() };
        let other_time = Request { timestamp: 1551113066, ..doc_request() };
        for req in [other_payload, other_action, other_time] {
            assert_ne!(signature(DOC_SECRET_KEY, &req), base);
        }
        assert_ne!(signature("another-key", &doc_request()), base);
    }
}
