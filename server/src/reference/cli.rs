//! `baoan-server reference import KIND FILE.jsonl --by NAME` and `baoan-server reference export
//! KIND`: a kind of reference data as JSON Lines (one row per line; the samples are under
//! server/data/reference/), through the same checks and transaction as the staff API.

use super::import::{read_lines, write_lines};
use crate::clock::Clock;
use crate::config::Config;
use crate::state::AppState;
use baoan_contract::api::reference::{ReferenceImported, ReferenceKind};

#[derive(clap::Args)]
pub struct Command {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    config: Config,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Add or update the rows of FILE (all or nothing; each bad row is reported with its line).
    Import {
        /// The kind of reference data (the error lists them all), e.g. offices or booking_windows.
        kind: String,
        file: std::path::PathBuf,
        /// Who is making the change, kept in the change records (default: $USER).
        #[arg(long)]
        by: Option<String>,
    },
    /// Print every stored row of KIND as JSON Lines, in the form `import` reads.
    Export {
        /// The kind of reference data (the error lists them all), e.g. offices or booking_windows.
        kind: String,
    },
}

fn kind(code: &str) -> Result<ReferenceKind, String> {
    ReferenceKind::from_code(code).ok_or_else(|| {
        let all: Vec<&str> = ReferenceKind::ALL.iter().map(|k| k.code()).collect();
        format!("no kind of reference data called {code:?} (one of: {})", all.join(", "))
    })
}

pub async fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    match command.action {
        Action::Import { kind: code, file, by } => {
            let kind = kind(&code)?;
            let by = by.or_else(|| std::env::var("USER").ok()).unwrap_or_default();
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let state = crate::serve::state(command.config, Clock::default()).await?;
            match import(&state, kind, &text, &by).await {
                Ok(done) => {
                    println!("{}: {} row(s) read, {} changed", file.display(), done.rows, done.changed);
                    Ok(())
                }
                Err(problems) => {
                    for line in &problems {
                        eprintln!("{}: {line}", file.display());
                    }
                    Err(format!("nothing imported ({} problem(s))", problems.len()).into())
                }
            }
        }
        Action::Export { kind: code } => {
            let kind = kind(&code)?;
            let state = crate::serve::state(command.config, Clock::default()).await?;
            print!("{}", export(&state, kind).await?);
            Ok(())
        }
    }
}

/// Imports a JSON Lines text as the CLI does (door "CLI import"); on failure one line per
/// problem, `line N: field: reason`, and nothing changed.
pub async fn import(
    state: &AppState,
    kind: ReferenceKind,
    text: &str,
    by: &str,
) -> Result<ReferenceImported, Vec<String>> {
    super::import_kind(state, kind, read_lines(text), by, "CLI import").await.map_err(|e| e.lines())
}

/// Every stored row of `kind` as JSON Lines.
pub async fn export(state: &AppState, kind: ReferenceKind) -> Result<String, Box<dyn std::error::Error>> {
    let rows = super::export_kind(state, kind).await.map_err(|e| e.0.message)?;
    Ok(write_lines(&rows))
}
