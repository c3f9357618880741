//! The operators' CLI: `baoan-server assistance --as LOGIN <action> <reference>
//! [--database-url …] [--data-dir …]` decides under a staff member's own name, directly against
//! the server's database: an active account whose role and place may act on the application at
//! its step, checked by the staff endpoint's own function (`staff::review::review_as`), and
//! recorded in the audit trail under that login (each change also reaches the resident's message
//! centre). An unknown or deactivated login, or another step's or place's reviewer, changes nothing.

use crate::clock::Clock;
use crate::config::Config;
use crate::error::AppError;
use crate::staff::review::review_as;
use crate::staff::session::ByLogin;
use crate::staff::StaffMember;
use crate::state::AppState;
use baoan_contract::assistance::DocumentKind;
use baoan_contract::staff::{ReviewAction, StaffReview};
use baoan_contract::ErrorCode;

#[derive(clap::Args)]
pub struct Command {
    /// The login of the staff member deciding (an active account of the step's role and place).
    #[arg(long = "as", value_name = "LOGIN")]
    login: String,
    #[command(subcommand)]
    action: Action,
    #[command(flatten)]
    config: Config,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum Action {
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
    println!("{}", decide(&state, &command.login, command.action).await?);
    Ok(())
}

/// Does `action` as the staff member `login`: the line the CLI prints (`REFERENCE state stage`),
/// or why nothing was done.
pub async fn decide(state: &AppState, login: &str, action: Action) -> Result<String, String> {
    let member = match StaffMember::by_login(state, login).await.map_err(message)? {
        ByLogin::Active(member) => member,
        ByLogin::Deactivated => return Err(format!("the staff account {login} is deactivated: nothing done")),
        ByLogin::Unknown => return Err(format!("no staff account has the login {login}: nothing done")),
    };
    let (reference, req) = request(action)?;
    match review_as(state, &member, &reference, &req).await {
        Ok(view) => Ok(format!("{} {} {}", view.0.reference, view.0.state.code(), view.0.stage.code())),
        Err(e) if e.0.code == ErrorCode::NotFound => {
            let a = &member.assignment;
            let at = a.place.as_deref().map(|p| format!(" of {p}")).unwrap_or_default();
            Err(format!(
                "{reference}: no such application at the step and place of {} ({}{at}): nothing done",
                member.login,
                a.role.code()
            ))
        }
        Err(e) => Err(message(e)),
    }
}

fn request(action: Action) -> Result<(String, StaffReview), String> {
    let review = |action, reason, kinds| StaffReview { action, reason, kinds };
    Ok(match action {
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
    })
}

fn message(e: AppError) -> String {
    let fields: Vec<String> = e.0.fields.iter().map(|(field, error)| format!("{field}: {}", error.code())).collect();
    if fields.is_empty() {
        format!("{:?}: {}", e.0.code, e.0.message)
    } else {
        format!("{:?}: {} ({})", e.0.code, e.0.message, fields.join(", "))
    }
}
