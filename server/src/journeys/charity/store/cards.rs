//! Reading project cards and ledger lines from rows (shared by the list, a project and a fund).

use baoan_contract::charity::{Category, Counterparty, LedgerKind, LedgerLine, ProjectCard, ProjectStatus};
use baoan_contract::rules::date::Date;

/// The columns of a card, for `SELECT {CARD_COLUMNS} FROM {CARD_FROM} …`.
pub const CARD_COLUMNS: &str = "p.id, p.title, p.organiser, p.category, p.registration_no, p.target_fen, \
     p.raised_fen, p.donors, p.end_date, p.status, p.fund_id, f.name";
pub const CARD_FROM: &str = "charity_projects p LEFT JOIN charity_funds f ON f.id = p.fund_id";

pub type CardRow =
    (String, String, String, String, String, i64, i64, i64, String, String, Option<String>, Option<String>);

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap_or_else(|| Date::new(1970, 1, 1).expect("epoch"))
}

pub fn card(row: CardRow, today: Date) -> ProjectCard {
    let (
        id,
        title,
        organiser,
        category,
        registration_no,
        target_fen,
        raised_fen,
        donors,
        end,
        status,
        fund_id,
        fund_name,
    ) = row;
    let end_date = date(&end);
    let status = ProjectStatus::from_code(&status).unwrap_or(ProjectStatus::Finished);
    let days_left = match status {
        ProjectStatus::Fundraising => (end_date.days_since_epoch() - today.days_since_epoch()).max(0),
        ProjectStatus::Finished => 0,
    };
    ProjectCard {
        id,
        title,
        organiser,
        category: Category::from_code(&category).unwrap_or(Category::Community),
        registration_no,
        target_fen,
        raised_fen,
        donors,
        end_date,
        days_left,
        status,
        fund_id,
        fund_name,
    }
}

pub const LEDGER_COLUMNS: &str = "entry_date, kind, amount_fen, purpose, counterparty, receipt_ref";
pub type LedgerRow = (String, String, i64, String, String, String);

pub fn ledger_line((d, kind, amount_fen, purpose, counterparty, receipt_ref): LedgerRow) -> LedgerLine {
    LedgerLine {
        date: date(&d),
        kind: LedgerKind::from_code(&kind).unwrap_or(LedgerKind::Expense),
        amount_fen,
        purpose,
        counterparty: Counterparty::from_code(&counterparty).unwrap_or(Counterparty::Operations),
        receipt_ref,
    }
}

pub fn parse_date(s: &str) -> Date {
    date(s)
}
