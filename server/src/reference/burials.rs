//! The cemeteries' burial register: `burial_records`. A record is never deleted (memorials link
//! to it); an import adds records and corrects existing ones by certificate number.

use super::import::{At, Kind};
use crate::db::DbResult;
use async_trait::async_trait;
use baoan_contract::api::reference::{line_field, ReferenceKind};
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::memorial::BurialRecordRow;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
use std::collections::HashSet;

pub struct BurialRecords;

#[async_trait]
impl Kind for BurialRecords {
    type Row = BurialRecordRow;
    const KIND: ReferenceKind = ReferenceKind::BurialRecords;

    fn complete(_row: &mut BurialRecordRow) {}

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<BurialRecordRow>> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT certificate_number, deceased_name, cemetery_id, buried_on FROM memorial_burial_records \
             ORDER BY certificate_number",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(certificate_number, deceased_name, cemetery, buried_on)| {
                Some(BurialRecordRow {
                    certificate_number,
                    deceased_name,
                    cemetery,
                    buried_on: Date::parse_iso(&buried_on)?,
                })
            })
            .collect())
    }

    /// The cemetery must be stored already; the burial day cannot be after today.
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, BurialRecordRow)],
        today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let cemeteries: HashSet<String> = sqlx::query_as::<_, (String,)>("SELECT id FROM memorial_cemeteries")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(id,)| id)
            .collect();
        for (line, row) in rows {
            if !cemeteries.contains(&row.cemetery) {
                errors.add(&line_field(*line, "cemetery"), FieldError::ReferenceUnknown);
            }
            if row.buried_on > today {
                errors.add(&line_field(*line, "buried_on"), FieldError::MemorialDates);
            }
        }
        Ok(())
    }

    async fn write(
        conn: &mut AnyConnection,
        row: &BurialRecordRow,
        _before: Option<&BurialRecordRow>,
        _at: At,
    ) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO memorial_burial_records (certificate_number, deceased_name, cemetery_id, buried_on) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (certificate_number) DO UPDATE SET \
             deceased_name = excluded.deceased_name, cemetery_id = excluded.cemetery_id, buried_on = excluded.buried_on",
        )
        .bind(&row.certificate_number)
        .bind(&row.deceased_name)
        .bind(&row.cemetery)
        .bind(row.buried_on.to_iso())
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
