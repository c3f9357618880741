//! The staff CLI: `baoan-server assistance <action> <reference> [--database-url …] [--data-dir …]`
//! runs the same staff actions as the admin API, directly against the server's database (each
//! change also reaches the resident's message centre). For demos and tests.

use super::staff;
use crate::admin::Staff;
use crate::clock::Clock;
use crate::config::Config;
use axum::extract::{Path, State};
use baoan_contract::assistance::{DocumentKind, Refusal, RequestDocuments};

#[derive(clap::Args)]
pub struct Command {
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    config: Config,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Move the application to its next review step (or record the first payment once approved).
    Advance { reference: String },
    /// Ask for more documents (补正), e.g. `request-documents SA… income_proof --note "…"`.
    RequestDocuments {
        reference: String,
        kinds: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Approve at district approval.
    Approve { reference: String },
    /// Refuse, with the reason the resident will read.
    Refuse { reference: String, reason: String },
}

pub async fn run(command: Command) -> Result<(), Box<dyn std::error::Error>> {
    let state = crate::serve::state(command.config, Clock::default()).await?;
    let result = match command.action {
        Action::Advance { reference } => staff::advance(State(state), Staff, Path(reference)).await,
        Action::RequestDocuments { reference, kinds, note } => {
            let kinds = kinds
                .iter()
                .map(|k| DocumentKind::from_code(k).ok_or(format!("unknown document kind {k}")))
                .collect::<Result<_, _>>()?;
            staff::request_documents(
                State(state),
                Staff,
                Path(reference),
                crate::error::JsonBody(RequestDocuments { kinds, note }),
            )
            .await
        }
        Action::Approve { reference } => staff::approve(State(state), Staff, Path(reference)).await,
        Action::Refuse { reference, reason } => {
            staff::refuse(State(state), Staff, Path(reference), crate::error::JsonBody(Refusal { reason })).await
        }
    };
    match result {
        Ok(view) => {
            println!("{} {} {}", view.0.reference, view.0.state.code(), view.0.stage.code());
            Ok(())
        }
        Err(e) => Err(format!("{:?}: {}", e.0.code, e.0.message).into()),
    }
}
