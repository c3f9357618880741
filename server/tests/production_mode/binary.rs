//! Running the server binary for the mode tests: a clean environment (none of the caller's
//! BAOAN_* settings), the WeChat Pay settings with files that exist, start and stop.

use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const API_V3_KEY: &str = "0123456789abcdef0123456789abcdef";

/// `baoan-server serve` on a fresh SQLite file in `dir`, with only `env` set among our settings.
pub fn server_command(dir: &Path, env: &[(&str, String)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baoan-server"));
    command
        .arg("serve")
        .args(["--database-url", &format!("sqlite://{}?mode=rwc", dir.join("baoan.sqlite3").display())])
        .args(["--dist-dir", &dir.display().to_string()])
        .args(["--data-dir", &dir.display().to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("BAOAN_") || key == "DATABASE_URL" {
            command.env_remove(key);
        }
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

/// `baoan-server standards ARGS…` on the same database and settings as `server_command`.
pub fn standards_command(dir: &Path, env: &[(&str, String)], args: &[&str]) -> Command {
    let command = server_command(dir, env);
    // The settings are the `standards` command's own, so they come before its action.
    let serve_args: Vec<String> = command.get_args().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let mut standards = Command::new(env!("CARGO_BIN_EXE_baoan-server"));
    standards.arg("standards").args(serve_args).args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (key, _) in std::env::vars() {
        if key.starts_with("BAOAN_") || key == "DATABASE_URL" {
            standards.env_remove(key);
        }
    }
    for (key, value) in env {
        standards.env(key, value);
    }
    standards
}

/// Tencent settings that pass the checks (pointing at `endpoint`).
pub fn tencent_env(endpoint: &str) -> Vec<(&'static str, String)> {
    let mut env: Vec<(&'static str, String)> = [
        ("BAOAN_TENCENT_SECRET_ID", "AKIDtest"),
        ("BAOAN_TENCENT_SECRET_KEY", "test-key"),
        ("BAOAN_TENCENT_SMS_SDK_APP_ID", "1400000000"),
        ("BAOAN_TENCENT_SMS_SIGN_NAME", "宝安民政"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN", "1"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER", "2"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER", "3"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS", "4"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect();
    env.push(("BAOAN_TENCENT_SMS_ENDPOINT", endpoint.to_string()));
    env
}

/// WeChat Pay settings whose key files exist in `dir`: a merchant key and a platform public key,
/// generated here (1024 bits: start-up only reads them; the provider's own tests sign with 2048).
pub fn wechat_pay_env(dir: &Path) -> Vec<(&'static str, String)> {
    use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
    let key = dir.join("apiclient_key.pem");
    let public = dir.join("wechatpay_public_key.pem");
    let mut rng = rand::thread_rng();
    let merchant = rsa::RsaPrivateKey::new(&mut rng, 1024).unwrap();
    let platform = rsa::RsaPrivateKey::new(&mut rng, 1024).unwrap();
    std::fs::write(&key, merchant.to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes()).unwrap();
    std::fs::write(&public, platform.to_public_key().to_public_key_pem(LineEnding::LF).unwrap()).unwrap();
    vec![
        ("BAOAN_WECHATPAY_MCH_ID", "1900000109".into()),
        ("BAOAN_WECHATPAY_APP_ID", "wxd678efh567hg6787".into()),
        ("BAOAN_WECHATPAY_SERIAL", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1".into()),
        ("BAOAN_WECHATPAY_PRIVATE_KEY_FILE", key.display().to_string()),
        ("BAOAN_WECHATPAY_API_V3_KEY", API_V3_KEY.into()),
        ("BAOAN_WECHATPAY_PLATFORM_CERTS", format!("PUB_KEY_ID_0114232019112100000000000000={}", public.display())),
        ("BAOAN_WECHATPAY_NOTIFY_URL", "https://minzheng.example.cn/api/v1/charity/payments/wechat/notify".into()),
    ]
}

/// Runs `command` until it exits (at most 60 s: a server that does not refuse is killed and
/// fails the test); its exit status and everything it printed.
pub fn run_to_exit(mut command: Command) -> (ExitStatus, String) {
    let mut child = command.spawn().expect("start baoan-server");
    let (out, err) = (collect(child.stdout.take().unwrap()), collect(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("baoan-server did not exit");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let (out, err) = (out.join(), err.join());
    (status, format!("{out}{err}"))
}

/// A pipe read to its end on a thread (a chatty child never blocks on a full pipe).
pub struct Collected(Arc<Mutex<Vec<u8>>>, std::thread::JoinHandle<()>);

impl Collected {
    pub fn join(self) -> String {
        let _ = self.1.join();
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

pub fn collect(mut pipe: impl Read + Send + 'static) -> Collected {
    let buf = Arc::new(Mutex::new(Vec::new()));
    let sink = buf.clone();
    let handle = std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    Collected(buf, handle)
}

/// The binary, serving on a free loopback port.
pub struct Running {
    child: Option<Child>,
    pub base: String,
    out: Option<(Collected, Collected)>,
}

impl Running {
    pub async fn start(dir: &Path, env: &[(&str, String)]) -> Running {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let mut command = server_command(dir, env);
        command.args(["--bind", &format!("127.0.0.1:{port}")]);
        let mut child = command.spawn().expect("start baoan-server");
        let out = (collect(child.stdout.take().unwrap()), collect(child.stderr.take().unwrap()));
        let mut running = Running { child: Some(child), base, out: Some(out) };
        let started = Instant::now();
        loop {
            if let Ok(r) = reqwest::get(running.url("/api/v1/meta")).await {
                if r.status().is_success() {
                    return running;
                }
            }
            if let Some(status) = running.child.as_mut().unwrap().try_wait().unwrap() {
                panic!("baoan-server exited ({status}): {}", running.stop());
            }
            assert!(started.elapsed() < Duration::from_secs(60), "baoan-server did not start: {}", running.stop());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server (SIGTERM, then kill); everything it printed.
    pub fn stop(&mut self) -> String {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while child.try_wait().unwrap().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        match self.out.take() {
            Some((out, err)) => format!("{}{}", out.join(), err.join()),
            None => String::new(),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
