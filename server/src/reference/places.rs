//! Streets (街道) and their communities (社区): `streets` and `communities`.

use super::import::{At, Kind};
use crate::db::DbResult;
use crate::localise::to_hant;
use async_trait::async_trait;
use baoan_contract::api::reference::{line_field, ReferenceKind};
use baoan_contract::api::LocalisedText;
use baoan_contract::assistance::{CommunityRow, StreetRow};
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
use std::collections::HashSet;

/// 繁體 from 简体 where the row gave none (OpenCC `s2t`).
pub fn fill_hant(text: &mut LocalisedText) {
    if text.zh_hant.trim().is_empty() {
        text.zh_hant = to_hant(&text.zh_hans);
    }
}

/// A stored text whose English column is NOT NULL: empty means none.
pub fn stored(hans: String, hant: String, en: String) -> LocalisedText {
    LocalisedText { zh_hans: hans, zh_hant: hant, en: Some(en).filter(|e| !e.is_empty()) }
}

pub struct Streets;

#[async_trait]
impl Kind for Streets {
    type Row = StreetRow;
    const KIND: ReferenceKind = ReferenceKind::Streets;

    fn complete(row: &mut StreetRow) {
        fill_hant(&mut row.name);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<StreetRow>> {
        let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
            "SELECT code, name_zh_hans, name_zh_hant, name_en, sort_order FROM streets ORDER BY sort_order, code",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(code, hans, hant, en, order)| StreetRow { code, name: stored(hans, hant, en), order: order as u32 })
            .collect())
    }

    async fn write(conn: &mut AnyConnection, row: &StreetRow, _before: Option<&StreetRow>, _at: At) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO streets (code, name_zh_hans, name_zh_hant, name_en, sort_order) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (code) DO UPDATE SET name_zh_hans = excluded.name_zh_hans, \
             name_zh_hant = excluded.name_zh_hant, name_en = excluded.name_en, sort_order = excluded.sort_order",
        )
        .bind(&row.code)
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(row.name.en.as_deref().unwrap_or(""))
        .bind(i64::from(row.order))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

pub struct Communities;

#[async_trait]
impl Kind for Communities {
    type Row = CommunityRow;
    const KIND: ReferenceKind = ReferenceKind::Communities;

    fn complete(row: &mut CommunityRow) {
        fill_hant(&mut row.name);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CommunityRow>> {
        type Columns = (String, String, String, String, String, i64, i64);
        let rows: Vec<Columns> = sqlx::query_as(
            "SELECT code, street, name_zh_hans, name_zh_hant, name_en, sort_order, active FROM assistance_communities \
             ORDER BY sort_order, code",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(code, street, hans, hant, en, order, active)| CommunityRow {
                code,
                street,
                name: stored(hans, hant, en),
                order: order as u32,
                active: active != 0,
            })
            .collect())
    }

    /// A community's street must be stored already (import streets first).
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, CommunityRow)],
        _today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let streets: HashSet<String> = sqlx::query_as::<_, (String,)>("SELECT code FROM streets")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(c,)| c)
            .collect();
        for (line, row) in rows {
            if !streets.contains(&row.street) {
                errors.add(&line_field(*line, "street"), FieldError::ReferenceUnknown);
            }
        }
        Ok(())
    }

    async fn write(
        conn: &mut AnyConnection,
        row: &CommunityRow,
        _before: Option<&CommunityRow>,
        _at: At,
    ) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO assistance_communities (code, street, name_zh_hans, name_zh_hant, name_en, sort_order, active) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (code) DO UPDATE SET street = excluded.street, name_zh_hans = excluded.name_zh_hans, \
             name_zh_hant = excluded.name_zh_hant, name_en = excluded.name_en, sort_order = excluded.sort_order, \
             active = excluded.active",
        )
        .bind(&row.code)
        .bind(&row.street)
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(row.name.en.as_deref().unwrap_or(""))
        .bind(i64::from(row.order))
        .bind(i64::from(row.active))
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}
