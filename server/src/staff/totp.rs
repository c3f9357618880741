//! The second factor: time-based one-time passwords (TOTP, RFC 6238) as every authenticator app
//! computes them: HMAC-SHA1 over the 30-second time-step, six digits, a step either side allowed
//! for clock drift, and each step accepted once per account (the caller keeps the last one used).

use crate::admin::constant_time_eq;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

pub const STEP_SECONDS: i64 = 30;
/// Steps either side of now that are still accepted (a phone's clock a little off).
pub const DRIFT_STEPS: i64 = 1;

/// A new random 160-bit secret (RFC 4226's recommended length).
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; 20];
    rand::thread_rng().fill_bytes(&mut secret);
    secret
}

/// The code for `step` (RFC 4226's HOTP with dynamic truncation), as six digits.
pub fn code_at_step(secret: &[u8], step: i64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let binary =
        u32::from_be_bytes([digest[offset] & 0x7f, digest[offset + 1], digest[offset + 2], digest[offset + 3]]);
    format!("{:06}", binary % 1_000_000)
}

pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The time-step `code` belongs to, if it is right at `now` (within the drift) and newer than
/// `last_used_step`; `None` otherwise. Compared in constant time.
pub fn verify(secret: &[u8], code: &str, now: i64, last_used_step: i64) -> Option<i64> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now_step = step_of(now);
    (now_step - DRIFT_STEPS..=now_step + DRIFT_STEPS)
        .filter(|&step| step > last_used_step)
        .find(|&step| constant_time_eq(code_at_step(secret, step).as_bytes(), code.as_bytes()))
}

/// RFC 4648 base32 without padding: how authenticator apps take a secret.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Reads a base32 secret back (as stored).
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let (mut buffer, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            _ => return None,
        };
        buffer = (buffer << 5) | u32::from(value);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

/// The `otpauth://` address an authenticator app scans (Google Authenticator's key URI format).
pub fn provisioning_uri(issuer: &str, login: &str, secret: &[u8]) -> String {
    let label = format!("{}:{}", percent(issuer), percent(login));
    format!(
        "otpauth://totp/{label}?secret={}&issuer={}&algorithm=SHA1&digits=6&period={STEP_SECONDS}",
        base32(secret),
        percent(issuer)
    )
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B's SHA-1 vectors (secret "12345678901234567890"), last six of eight digits.
    #[test]
    fn matches_the_rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code_at_step(secret, step_of(time)), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_within_the_drift_and_once() {
        let secret = b"12345678901234567890";
        let now = 1_111_111_111;
        let code = code_at_step(secret, step_of(now));
        let step = verify(secret, &code, now, 0).expect("right now");
        assert_eq!(verify(secret, &code, now, step), None, "the same step twice");
        assert!(verify(secret, &code, now + STEP_SECONDS, 0).is_some(), "a step late");
        assert_eq!(verify(secret, &code, now + 3 * STEP_SECONDS, 0), None, "long expired");
        assert_eq!(verify(secret, "12345", now, 0), None);
        assert_eq!(verify(secret, "abcdef", now, 0), None);
    }

    #[test]
    fn base32_round_trips_and_matches_rfc_4648() {
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        let secret = new_secret();
        assert_eq!(from_base32(&base32(&secret)).unwrap(), secret);
        assert!(provisioning_uri("宝安民政", "chen.li", &secret).starts_with("otpauth://totp/%E5%AE%9D"));
    }
}
