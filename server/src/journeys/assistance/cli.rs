//! The operators' CLI: `baoan-server assistance <action> <reference> [--database-url …]
//! [--data-dir …]` runs the same review core as the staff endpoint, directly against the server's
//! database, recorded as the command line's actor (each change also reaches the resident's
//! message centre). For demos and tests: decisions on applications belong to staff accounts.

use super::staff;
use super::store;
use crate::clock::Clock;
use crate::config::Config;
use crate::staff::audit::Actor;
use baoan_contract::assistance::DocumentKind;
use baoan_contract::staff::{ReviewAction, StaffReview};

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
    let (reference, req) = match command.action {
        Action::Advance { reference } => (reference, review(ReviewAction::Advance, None, vec![])),
        Action::RequestDocuments { reference, kinds, note } => {
            let kinds = kinds
                .iter()
                .map(|k| DocumentKind::from_code(k).ok_or(format!("unknown document kind {k}")))
                .collect::<Result<_, _>>()?;
            (reference, review(ReviewAction::RequestDocuments, note, kinds))
        }
        Action::Approve { reference } => (reference, review(ReviewAction::Approve, None, vec![])),
        Action::Refuse { reference, reason } => (reference, review(ReviewAction::Refuse, Some(reason), vec![])),
    };
    let result = async {
        let row = store::find(&state.db, &reference, None).await?;
        staff::review(&state, &row, &req, &Actor::operator()).await?;
        staff::staff_view(&state, &reference).await
    }
    .await;
    match result {
        Ok(view) => {
            println!("{} {} {}", view.0.reference, view.0.state.code(), view.0.stage.code());
            Ok(())
        }
        Err(e) => Err(format!("{:?}: {}", e.0.code, e.0.message).into()),
    }
}

fn review(action: ReviewAction, reason: Option<String>, kinds: Vec<DocumentKind>) -> StaffReview {
    StaffReview { action, reason, kinds }
}
