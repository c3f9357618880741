//! `baoan-server standards import FILE.json [--by NAME]` and `baoan-server standards export`:
//! the district's assistance standards as one JSON file (the shape of `Standards`, the sample is
//! server/data/assistance_standards.example.json), through the same check and transaction as the
//! district admins' staff API. Kept to one kind and one format so issue 12 item 5 can generalise it.

use super::{standards, store};
use crate::clock::Clock;
use crate::config::Config;
use crate::state::AppState;
use baoan_contract::assistance::{Standards, StandardsChange};

#[derive(clap::Args)]
pub struct Command {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    config: Config,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Replace every standard with those in FILE (all or nothing; each bad field is reported).
    Import {
        file: std::path::PathBuf,
        /// Who is making the change, kept in the change record (default: $USER).
        #[arg(long)]
        by: Option<String>,
    },
    /// Print the stored standards as JSON, in the form `import` reads.
    Export,
}

pub async fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let state = crate::serve::state(command.config, Clock::default()).await?;
    match command.action {
        Action::Import { file, by } => {
            let by = by.or_else(|| std::env::var("USER").ok()).unwrap_or_default();
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            match import(&state, &text, &by).await {
                Ok(_) => {
                    println!("standards imported from {}", file.display());
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
        Action::Export => {
            println!("{}", export(&state).await?);
            Ok(())
        }
    }
}

/// Reads and sets the sheet; on failure, one line per problem (a JSON error with its line and
/// column, or each bad field with its reason) and nothing changed.
pub async fn import(state: &AppState, text: &str, by: &str) -> Result<Standards, Vec<String>> {
    let sheet: Standards = serde_json::from_str(text).map_err(|e| vec![format!("not a standards file: {e}")])?;
    let change = StandardsChange { changed_by: by.to_string(), standards: sheet };
    standards::set(state, change, "CLI import", None).await.map_err(|e| {
        if e.0.fields.is_empty() {
            vec![e.0.message.clone()]
        } else {
            e.0.fields.iter().map(|(field, error)| format!("{field}: {}", error.code())).collect()
        }
    })
}

/// The stored sheet, pretty-printed.
pub async fn export(state: &AppState) -> Result<String, Box<dyn std::error::Error>> {
    let sheet = store::standards(&state.db).await.map_err(|e| e.0.message)?.ok_or("no standards are set yet")?;
    Ok(serde_json::to_string_pretty(&sheet)?)
}
