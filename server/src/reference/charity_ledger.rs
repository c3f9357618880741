//! Ledger lines of projects and funds, and projects' disclosures: `charity_ledger_lines`,
//! `charity_disclosures`. A line a paid gift wrote (its receipt is a gift's receipt number) is
//! neither exported nor imported: money raised comes from gifts only, so an import can neither
//! change nor imitate one. Also what a charity editor publishes (`crate::staff::charity`).

use super::charity::keys;
use super::import::{At, Kind};
use super::places::fill_hant;
use crate::db::DbResult;
use crate::localise::localised;
use async_trait::async_trait;
use baoan_contract::api::reference::{line_field, ReferenceKind};
use baoan_contract::charity::*;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

pub struct LedgerLines;
pub struct Disclosures;

/// The district's ledger lines: every line but those paid gifts wrote.
const NOT_A_GIFT: &str = "NOT EXISTS (SELECT 1 FROM charity_gifts g WHERE g.receipt_no = charity_ledger.receipt_ref)";

/// A row of `charity_ledger` as the import row reads it.
#[derive(sqlx::FromRow)]
struct LineColumns {
    id: String,
    project_id: Option<String>,
    fund_id: Option<String>,
    entry_date: String,
    kind: String,
    amount_fen: i64,
    purpose: String,
    purpose_hant: Option<String>,
    purpose_en: Option<String>,
    counterparty: String,
    receipt_ref: String,
}

#[async_trait]
impl Kind for LedgerLines {
    type Row = CharityLedgerLineRow;
    const KIND: ReferenceKind = ReferenceKind::CharityLedgerLines;

    fn complete(row: &mut CharityLedgerLineRow) {
        fill_hant(&mut row.purpose);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CharityLedgerLineRow>> {
        let rows: Vec<LineColumns> = sqlx::query_as(&format!(
            "SELECT id, project_id, fund_id, entry_date, kind, amount_fen, purpose, purpose_hant, purpose_en, \
             counterparty, receipt_ref FROM charity_ledger WHERE {NOT_A_GIFT} ORDER BY entry_date, id"
        ))
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|c| {
                Some(CharityLedgerLineRow {
                    id: c.id,
                    project: c.project_id,
                    fund: c.fund_id,
                    date: Date::parse_iso(&c.entry_date)?,
                    kind: LedgerKind::from_code(&c.kind)?,
                    amount_fen: c.amount_fen,
                    purpose: localised(c.purpose, c.purpose_hant, c.purpose_en),
                    counterparty: Counterparty::from_code(&c.counterparty)?,
                    receipt_ref: c.receipt_ref,
                })
            })
            .collect())
    }

    /// The project or fund must be stored, the day not after today; a gift's line (by id) or
    /// receipt number cannot be written over or borrowed.
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, CharityLedgerLineRow)],
        today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let projects = keys(conn, "SELECT id FROM charity_projects").await?;
        let funds = keys(conn, "SELECT id FROM charity_funds").await?;
        let gift_lines = keys(conn, &format!("SELECT id FROM charity_ledger WHERE NOT ({NOT_A_GIFT})")).await?;
        let receipts = keys(conn, "SELECT receipt_no FROM charity_gifts WHERE receipt_no IS NOT NULL").await?;
        for (line, row) in rows {
            if row.project.as_ref().is_some_and(|p| !projects.contains(p)) {
                errors.add(&line_field(*line, "project"), FieldError::ReferenceUnknown);
            }
            if row.fund.as_ref().is_some_and(|f| !funds.contains(f)) {
                errors.add(&line_field(*line, "fund"), FieldError::ReferenceUnknown);
            }
            if let Err(e) = check_not_future(row.date, today) {
                errors.add(&line_field(*line, "date"), e);
            }
            if gift_lines.contains(&row.id) {
                errors.add(&line_field(*line, "id"), FieldError::ReferenceDuplicate);
            }
            if receipts.contains(&row.receipt_ref) {
                errors.add(&line_field(*line, "receipt_ref"), FieldError::ReferenceDuplicate);
            }
        }
        Ok(())
    }

    async fn write(
        conn: &mut AnyConnection,
        row: &CharityLedgerLineRow,
        _: Option<&Self::Row>,
        at: At,
    ) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO charity_ledger (id, project_id, fund_id, entry_date, kind, amount_fen, purpose, counterparty, \
             receipt_ref, created_at, purpose_hant, purpose_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, fund_id = excluded.fund_id, \
             entry_date = excluded.entry_date, kind = excluded.kind, amount_fen = excluded.amount_fen, \
             purpose = excluded.purpose, counterparty = excluded.counterparty, receipt_ref = excluded.receipt_ref, \
             purpose_hant = excluded.purpose_hant, purpose_en = excluded.purpose_en",
        )
        .bind(&row.id)
        .bind(row.project.clone())
        .bind(row.fund.clone())
        .bind(row.date.to_iso())
        .bind(row.kind.code())
        .bind(row.amount_fen)
        .bind(&row.purpose.zh_hans)
        .bind(row.counterparty.code())
        .bind(&row.receipt_ref)
        .bind(at.now)
        .bind(&row.purpose.zh_hant)
        .bind(row.purpose.en.clone())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl Kind for Disclosures {
    type Row = CharityDisclosureRow;
    const KIND: ReferenceKind = ReferenceKind::CharityDisclosures;

    fn complete(row: &mut CharityDisclosureRow) {
        fill_hant(&mut row.title);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CharityDisclosureRow>> {
        let rows: Vec<(String, String, String, String, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT id, project_id, disclosure_date, title, title_hant, title_en FROM charity_disclosures \
             ORDER BY project_id, disclosure_date, id",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, project, date, t1, t2, t3)| {
                Some(CharityDisclosureRow { id, project, date: Date::parse_iso(&date)?, title: localised(t1, t2, t3) })
            })
            .collect())
    }

    /// The project must be stored, the day not after today.
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, CharityDisclosureRow)],
        today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let projects = keys(conn, "SELECT id FROM charity_projects").await?;
        for (line, row) in rows {
            if !projects.contains(&row.project) {
                errors.add(&line_field(*line, "project"), FieldError::ReferenceUnknown);
            }
            if let Err(e) = check_not_future(row.date, today) {
                errors.add(&line_field(*line, "date"), e);
            }
        }
        Ok(())
    }

    async fn write(conn: &mut AnyConnection, row: &CharityDisclosureRow, _: Option<&Self::Row>, _: At) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO charity_disclosures (id, project_id, disclosure_date, title, title_hant, title_en) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, \
             disclosure_date = excluded.disclosure_date, title = excluded.title, title_hant = excluded.title_hant, \
             title_en = excluded.title_en",
        )
        .bind(&row.id)
        .bind(&row.project)
        .bind(row.date.to_iso())
        .bind(&row.title.zh_hans)
        .bind(&row.title.zh_hant)
        .bind(row.title.en.clone())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
