//! Structured (JSON) logs on standard output. Every line passes through a scrubber that masks
//! anything shaped like a resident ID or a mobile number, so a careless log call or a URL with
//! a number in it can never put a full one in the logs.

use baoan_contract::mask::mask_sensitive_text;
use std::io::{self, Write};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let _ = tracing_subscriber::fmt().json().with_env_filter(filter).with_writer(ScrubbedStdout).try_init();
}

#[derive(Clone, Copy)]
pub struct ScrubbedStdout;

/// Collects one log line, then writes it masked.
pub struct ScrubbedLine(Vec<u8>);

impl Write for ScrubbedLine {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for ScrubbedLine {
    fn drop(&mut self) {
        let line = String::from_utf8_lossy(&self.0);
        let _ = io::stdout().lock().write_all(mask_sensitive_text(&line).as_bytes());
    }
}

impl<'a> MakeWriter<'a> for ScrubbedStdout {
    type Writer = ScrubbedLine;
    fn make_writer(&'a self) -> Self::Writer {
        ScrubbedLine(Vec::with_capacity(256))
    }
}
