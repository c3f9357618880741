//! WeChat Pay API v3's cryptography, written from its documentation (签名生成, 签名验证,
//! 回调报文解密):
//! - requests carry `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,signature=…,
//!   timestamp=…,serial_no=…`, the signature SHA256-with-RSA (PKCS#1 v1.5) by the merchant's key
//!   over "METHOD\nURL\ntimestamp\nnonce\nbody\n" (URL = path and query);
//! - answers and notifications are signed by the platform over "timestamp\nnonce\nbody\n"
//!   (`Wechatpay-Timestamp`, `-Nonce`, `-Signature`, `-Serial`), checked with the platform
//!   key whose serial the answer names;
//! - a notification's `resource` is AES-256-GCM with the API v3 key, its nonce and associated
//!   data; the ciphertext is base64 of the encrypted bytes followed by the 16-byte tag.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::{RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use std::path::Path;

/// How far a signed timestamp may be from our clock, either way: older answers are replays.
pub const REPLAY_WINDOW_SECONDS: i64 = 300;

/// A platform key: the serial WeChat Pay names in `Wechatpay-Serial`, and its public key.
pub struct PlatformKey {
    pub serial: String,
    pub key: VerifyingKey<Sha256>,
}

/// Reads the merchant's private key (PKCS#8 PEM as WeChat Pay issues it, or PKCS#1).
pub fn read_merchant_key(path: &Path) -> Result<SigningKey<Sha256>, String> {
    let pem = std::fs::read_to_string(path)
        .map_err(|e| format!("WeChat Pay: cannot read the merchant key file {}: {e}", path.display()))?;
    let key = RsaPrivateKey::from_pkcs8_pem(&pem)
        .or_else(|_| RsaPrivateKey::from_pkcs1_pem(&pem))
        .map_err(|_| format!("WeChat Pay: {} is not an RSA private key in PEM", path.display()))?;
    Ok(SigningKey::new(key))
}

/// Reads one platform key: a certificate file (the serial is the certificate's, upper-case hex
/// as WeChat Pay writes it), or `SERIAL=FILE` naming a public key (or a certificate).
pub fn read_platform_key(arg: &str) -> Result<PlatformKey, String> {
    let (given_serial, path) = match arg.split_once('=') {
        Some((serial, path)) => (Some(serial.trim().to_string()), path.trim()),
        None => (None, arg.trim()),
    };
    let pem = std::fs::read_to_string(path)
        .map_err(|e| format!("WeChat Pay: cannot read the platform certificate {path}: {e}"))?;
    let (serial, public) = if pem.contains("BEGIN CERTIFICATE") {
        use x509_cert::der::DecodePem;
        let cert = x509_cert::Certificate::from_pem(pem.as_bytes())
            .map_err(|_| format!("WeChat Pay: {path} is not a PEM certificate"))?;
        let tbs = &cert.tbs_certificate;
        let serial: String = tbs.serial_number.as_bytes().iter().map(|b| format!("{b:02X}")).collect();
        let spki = x509_cert::der::Encode::to_der(&tbs.subject_public_key_info)
            .map_err(|_| format!("WeChat Pay: {path}: unreadable public key"))?;
        let public = RsaPublicKey::from_public_key_der(&spki)
            .map_err(|_| format!("WeChat Pay: {path}: not an RSA public key"))?;
        if let Some(given) = &given_serial {
            if !given.eq_ignore_ascii_case(&serial) {
                return Err(format!("WeChat Pay: {path} has serial {serial}, not {given}"));
            }
        }
        (serial, public)
    } else {
        let public = RsaPublicKey::from_public_key_pem(&pem)
            .map_err(|_| format!("WeChat Pay: {path} is neither a certificate nor an RSA public key in PEM"))?;
        let serial = given_serial.ok_or_else(|| format!("WeChat Pay: a public key needs its id: SERIAL={path}"))?;
        (serial, public)
    };
    Ok(PlatformKey { serial, key: VerifyingKey::new(public) })
}

/// The merchant: its id, its API certificate's serial and its private key.
pub struct Merchant {
    pub mch_id: String,
    pub serial: String,
    pub key: SigningKey<Sha256>,
}

/// The `Authorization` header of a request to WeChat Pay.
pub fn authorization(
    merchant: &Merchant,
    method: &str,
    path_and_query: &str,
    timestamp: i64,
    nonce: &str,
    body: &str,
) -> String {
    let message = format!("{method}\n{path_and_query}\n{timestamp}\n{nonce}\n{body}\n");
    let signature = B64.encode(merchant.key.sign(message.as_bytes()).to_bytes());
    let Merchant { mch_id, serial, .. } = merchant;
    format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"{mch_id}\",nonce_str=\"{nonce}\",signature=\"{signature}\",\
         timestamp=\"{timestamp}\",serial_no=\"{serial}\""
    )
}

/// The `Wechatpay-*` headers of a signed answer or notification.
pub struct SignedHeaders<'a> {
    pub timestamp: &'a str,
    pub nonce: &'a str,
    pub signature: &'a str,
    pub serial: &'a str,
}

/// Why a signed message was not believed.
#[derive(Debug, PartialEq, Eq)]
pub enum Unverified {
    /// No platform key of that serial is configured.
    UnknownSerial,
    /// The timestamp is unreadable or outside the replay window.
    Stale,
    /// The signature does not match the message.
    BadSignature,
}

/// Checks a platform signature over `body` at time `now` (unix seconds).
pub fn verify(platform: &[PlatformKey], h: &SignedHeaders<'_>, body: &[u8], now: i64) -> Result<(), Unverified> {
    let key = platform.iter().find(|k| k.serial.eq_ignore_ascii_case(h.serial)).ok_or(Unverified::UnknownSerial)?;
    let timestamp: i64 = h.timestamp.trim().parse().map_err(|_| Unverified::Stale)?;
    if (now - timestamp).abs() > REPLAY_WINDOW_SECONDS {
        return Err(Unverified::Stale);
    }
    let bytes = B64.decode(h.signature.trim()).map_err(|_| Unverified::BadSignature)?;
    let signature = Signature::try_from(bytes.as_slice()).map_err(|_| Unverified::BadSignature)?;
    let mut message = Vec::with_capacity(body.len() + 64);
    message.extend_from_slice(format!("{}\n{}\n", h.timestamp, h.nonce).as_bytes());
    message.extend_from_slice(body);
    message.push(b'\n');
    key.key.verify(&message, &signature).map_err(|_| Unverified::BadSignature)
}

/// Decrypts a notification's resource; `None` when it does not authenticate.
pub fn decrypt(api_v3_key: &[u8; 32], nonce: &str, associated_data: &str, ciphertext_b64: &str) -> Option<Vec<u8>> {
    if nonce.len() != 12 {
        return None;
    }
    let ciphertext = B64.decode(ciphertext_b64).ok()?;
    let cipher = Aes256Gcm::new_from_slice(api_v3_key).ok()?;
    let payload = Payload { msg: &ciphertext, aad: associated_data.as_bytes() };
    cipher.decrypt(Nonce::from_slice(nonce.as_bytes()), payload).ok()
}

/// A random nonce of 32 letters and digits, as the documentation's examples use.
pub fn nonce() -> String {
    use rand::distributions::Alphanumeric;
    use rand::Rng;
    rand::thread_rng().sample_iter(&Alphanumeric).take(32).map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decrypts_what_aes_256_gcm_encrypted_and_refuses_a_changed_byte() {
        let key = *b"0123456789abcdef0123456789abcdef";
        let cipher = Aes256Gcm::new_from_slice(&key).unwrap();
        let sealed = cipher
            .encrypt(Nonce::from_slice(b"abcdefghijkl"), Payload { msg: b"{\"a\":1}", aad: b"transaction" })
            .unwrap();
        let b64 = B64.encode(&sealed);
        assert_eq!(decrypt(&key, "abcdefghijkl", "transaction", &b64).as_deref(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(decrypt(&key, "abcdefghijkl", "certificate", &b64), None, "associated data is authenticated");
        let mut changed = sealed.clone();
        changed[0] ^= 1;
        assert_eq!(decrypt(&key, "abcdefghijkl", "transaction", &B64.encode(&changed)), None);
        assert_eq!(decrypt(&key, "short", "transaction", &b64), None);
    }
}
