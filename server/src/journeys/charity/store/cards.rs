//! Project cards and ledger lines as stored (shared by the list, a project and a fund), and
//! their conversions to the contract's types.

use crate::localise::localised;
use baoan_contract::charity::{Category, Counterparty, LedgerKind, LedgerLine, ProjectCard, ProjectStatus};
use baoan_contract::rules::date::Date;

/// The columns of a card, for `SELECT {CARD_COLUMNS} FROM {CARD_FROM} …`.
pub const CARD_COLUMNS: &str = "p.id, p.title, p.title_hant, p.title_en, p.organiser, p.organiser_hant, \
     p.organiser_en, p.category, p.registration_no, p.target_fen, \
     p.raised_fen, p.donors, p.end_date, p.status, p.fund_id, f.name, \
     f.name_hant AS fund_name_hant, f.name_en AS fund_name_en";
pub const CARD_FROM: &str = "charity_projects p LEFT JOIN charity_funds f ON f.id = p.fund_id";

/// A project card's row (`CARD_COLUMNS`).
#[derive(sqlx::FromRow)]
pub struct CardRow {
    id: String,
    title: String,
    title_hant: Option<String>,
    title_en: Option<String>,
    organiser: String,
    organiser_hant: Option<String>,
    organiser_en: Option<String>,
    category: String,
    registration_no: String,
    target_fen: i64,
    raised_fen: i64,
    donors: i64,
    end_date: String,
    status: String,
    fund_id: Option<String>,
    #[sqlx(rename = "name")]
    fund_name: Option<String>,
    fund_name_hant: Option<String>,
    fund_name_en: Option<String>,
}

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap_or_else(|| Date::new(1970, 1, 1).expect("epoch"))
}

impl CardRow {
    pub fn into_card(self, today: Date) -> ProjectCard {
        let end_date = date(&self.end_date);
        let status = ProjectStatus::from_code(&self.status).unwrap_or(ProjectStatus::Finished);
        let days_left = match status {
            ProjectStatus::Fundraising => (end_date.days_since_epoch() - today.days_since_epoch()).max(0),
            ProjectStatus::Finished => 0,
        };
        ProjectCard {
            id: self.id,
            title: localised(self.title, self.title_hant, self.title_en),
            organiser: localised(self.organiser, self.organiser_hant, self.organiser_en),
            category: Category::from_code(&self.category).unwrap_or(Category::Community),
            registration_no: self.registration_no,
            target_fen: self.target_fen,
            raised_fen: self.raised_fen,
            donors: self.donors,
            end_date,
            days_left,
            status,
            fund_id: self.fund_id,
            fund_name: self.fund_name.map(|name| localised(name, self.fund_name_hant, self.fund_name_en)),
        }
    }
}

pub const LEDGER_COLUMNS: &str =
    "entry_date, kind, amount_fen, purpose, purpose_hant, purpose_en, counterparty, receipt_ref";

/// A public ledger line's row (`LEDGER_COLUMNS`).
#[derive(sqlx::FromRow)]
pub struct LedgerRow {
    entry_date: String,
    kind: String,
    amount_fen: i64,
    purpose: String,
    purpose_hant: Option<String>,
    purpose_en: Option<String>,
    counterparty: String,
    receipt_ref: String,
}

impl LedgerRow {
    pub fn into_line(self) -> LedgerLine {
        LedgerLine {
            date: date(&self.entry_date),
            kind: LedgerKind::from_code(&self.kind).unwrap_or(LedgerKind::Expense),
            amount_fen: self.amount_fen,
            purpose: localised(self.purpose, self.purpose_hant, self.purpose_en),
            counterparty: Counterparty::from_code(&self.counterparty).unwrap_or(Counterparty::Operations),
            receipt_ref: self.receipt_ref,
        }
    }
}

pub fn parse_date(s: &str) -> Date {
    date(s)
}
