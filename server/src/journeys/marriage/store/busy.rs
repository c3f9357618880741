//! What an office's busy-day markings rest on (`marriage_special_days.basis`): the registry's
//! own observation (set by the district), or an example in demonstration data.

use crate::db::{Db, DbResult};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::Basis;

/// The days from `from` to `to` (inclusive) the office marked busy, each with its basis. A
/// basis the district could not have written is shown as an example rather than as policy.
pub async fn busy_markings(db: &Db, office_id: &str, from: Date, to: Date) -> DbResult<Vec<(Date, Basis)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT day, basis FROM marriage_special_days WHERE office_id = $1 AND kind = 'busy' AND day >= $2 AND day <= $3",
    )
    .bind(office_id)
    .bind(from.to_iso())
    .bind(to.to_iso())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(day, basis)| {
            let basis = match basis.as_str() {
                "set_by_district" => Basis::SetByDistrict,
                _ => Basis::Example,
            };
            Some((Date::parse_iso(&day)?, basis))
        })
        .collect())
}
