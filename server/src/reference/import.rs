//! The one import and export every kind of reference data goes through: read the rows, put each
//! in its stored form, check every row and the file (contract) and what rows name (database),
//! then — only if nothing is wrong — write every changed row in one transaction, each with its
//! change record. Nothing half-imported; an unchanged row writes nothing and records nothing.

use crate::db::{Db, DbResult};
use crate::error::AppError;
use async_trait::async_trait;
use baoan_contract::api::reference::{check_rows, line_field, ReferenceImported, ReferenceKind, ReferenceRow};
use baoan_contract::assistance::CHANGED_BY_MAX_CHARS;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sqlx::AnyConnection;
use std::collections::{BTreeMap, HashMap};

/// One kind of reference data: how its rows are read from and written to its tables.
#[async_trait]
pub trait Kind: Send + Sync + 'static {
    type Row: ReferenceRow + Serialize + DeserializeOwned + Clone + PartialEq + Send + Sync;
    const KIND: ReferenceKind;

    /// Fills what the server writes itself where the file left it out (繁體 from 简体, OpenCC),
    /// so a row compares equal to the stored one it would write.
    fn complete(row: &mut Self::Row);

    /// Every stored row, in the order export writes them.
    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<Self::Row>>;

    /// Problems only the database or today's date can tell (a street or cemetery that does not
    /// exist), added to `errors` under each row's line.
    async fn check_names(
        _conn: &mut AnyConnection,
        _rows: &[(usize, Self::Row)],
        _today: Date,
        _errors: &mut FieldErrors,
    ) -> DbResult<()> {
        Ok(())
    }

    /// Inserts the row or updates the stored one with its key (`before`, if any).
    async fn write(conn: &mut AnyConnection, row: &Self::Row, before: Option<&Self::Row>, at: At) -> DbResult<()>;
}

/// Why an import wrote nothing: the file's problems (each under `line.<n>[.<field>]`, or
/// `changed_by` / `rows`, with the reader's own words for an unreadable line), or a failure.
#[derive(Debug)]
pub enum ImportError {
    Problems { errors: FieldErrors, details: BTreeMap<String, String> },
    Failed(AppError),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Failed(e.into())
    }
}

impl ImportError {
    /// One line per problem, in line order: `line 3: name.en: required`.
    pub fn lines(&self) -> Vec<String> {
        match self {
            ImportError::Failed(e) => vec![e.0.message.clone()],
            ImportError::Problems { errors, details } => {
                let mut out: Vec<((usize, String), String)> = errors
                    .0
                    .iter()
                    .map(|(key, error)| {
                        let detail = details.get(key).map(|d| format!(" ({d})")).unwrap_or_default();
                        match key.strip_prefix("line.") {
                            Some(rest) => {
                                let (n, field) = rest.split_once('.').unwrap_or((rest, ""));
                                let n: usize = n.parse().unwrap_or(0);
                                let field = if field.is_empty() { String::new() } else { format!("{field}: ") };
                                ((n, field.clone()), format!("line {n}: {field}{}{detail}", error.code()))
                            }
                            None => ((0, key.clone()), format!("{key}: {}{detail}", error.code())),
                        }
                    })
                    .collect();
                out.sort();
                out.into_iter().map(|(_, line)| line).collect()
            }
        }
    }
}

/// Who changed the data: non-blank, at most 100 characters.
fn check_changed_by(by: &str, errors: &mut FieldErrors) {
    let n = by.trim().chars().count();
    if n == 0 {
        errors.add("changed_by", FieldError::Required);
    } else if n > CHANGED_BY_MAX_CHARS {
        errors.add("changed_by", FieldError::NameTooLong);
    }
}

/// The rows of a file or request, each with its line, and what was already wrong reading them.
#[derive(Default)]
pub struct Upload {
    pub rows: Vec<(usize, Value)>,
    pub errors: FieldErrors,
    pub details: BTreeMap<String, String>,
}

impl Upload {
    /// The API's `rows`: line n is the n-th row (from 1).
    pub fn from_rows(rows: Vec<Value>) -> Upload {
        Upload { rows: rows.into_iter().enumerate().map(|(i, v)| (i + 1, v)).collect(), ..Upload::default() }
    }
}

/// When an import runs: the moment and day of its change records and checks, and whether figures
/// marked as examples are allowed (demonstration data only).
#[derive(Clone, Copy)]
pub struct At {
    pub now: i64,
    pub today: Date,
    pub allow_examples: bool,
}

/// Imports the rows of kind `K`: all or nothing, see the module's comment. `door` says how the
/// change came (staff, CLI import), kept in each change record.
pub async fn import<K: Kind>(
    db: &Db,
    at: At,
    upload: Upload,
    by: &str,
    door: &str,
) -> Result<ReferenceImported, ImportError> {
    let mut tx = db.begin().await?;
    let done = import_in::<K>(&mut tx, at, upload, by, door).await?;
    tx.commit().await?;
    Ok(done)
}

/// [`import`] inside the caller's transaction (which the caller commits, or drops on an
/// error): for a staff action that records its audit entry in the same transaction.
pub async fn import_in<K: Kind>(
    tx: &mut AnyConnection,
    at: At,
    upload: Upload,
    by: &str,
    door: &str,
) -> Result<ReferenceImported, ImportError> {
    let Upload { rows, mut errors, mut details } = upload;
    check_changed_by(by, &mut errors);
    if rows.is_empty() && errors.is_empty() {
        errors.add("rows", FieldError::Required);
    }
    let mut parsed: Vec<(usize, K::Row)> = Vec::with_capacity(rows.len());
    for (line, value) in rows {
        match serde_json::from_value::<K::Row>(value) {
            Ok(mut row) => {
                row.normalise();
                K::complete(&mut row);
                parsed.push((line, row));
            }
            Err(e) => {
                let key = line_field(line, "");
                errors.add(&key, FieldError::ReferenceRow);
                details.insert(key, e.to_string());
            }
        }
    }
    for (key, error) in check_rows(&parsed, at.allow_examples).0 {
        errors.add(&key, error);
    }
    K::check_names(tx, &parsed, at.today, &mut errors).await?;
    if !errors.is_empty() {
        return Err(ImportError::Problems { errors, details });
    }
    let stored: HashMap<String, K::Row> = K::load(tx).await?.into_iter().map(|r| (r.key(), r)).collect();
    let mut changed = 0u32;
    for (_, row) in &parsed {
        let key = row.key();
        let before = stored.get(&key);
        if before == Some(row) {
            continue;
        }
        K::write(tx, row, before, at).await?;
        record_change(tx, K::KIND, &key, by.trim(), door, at.now, before, row).await?;
        changed += 1;
    }
    Ok(ReferenceImported { kind: K::KIND, rows: parsed.len() as u32, changed })
}

/// One change record: which row of which kind, who, how, when, the row before (if any) and after.
#[allow(clippy::too_many_arguments)]
async fn record_change<R: Serialize>(
    tx: &mut AnyConnection,
    kind: ReferenceKind,
    key: &str,
    by: &str,
    door: &str,
    now: i64,
    before: Option<&R>,
    after: &R,
) -> DbResult<()> {
    let json = |r: &R| serde_json::to_string(r).expect("reference rows serialise");
    sqlx::query(
        "INSERT INTO reference_changes (id, kind, row_key, changed_by, door, changed_at, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::db::new_id())
    .bind(kind.code())
    .bind(key)
    .bind(by)
    .bind(door)
    .bind(now)
    .bind(before.map(json))
    .bind(json(after))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Every stored row of kind `K` as JSON values, in export order.
pub async fn export<K: Kind>(db: &Db) -> DbResult<Vec<Value>> {
    let mut conn = db.pool.acquire().await?;
    let rows = K::load(&mut conn).await?;
    Ok(rows.iter().map(|r| serde_json::to_value(r).expect("reference rows serialise")).collect())
}

/// Reads a JSON Lines file: one row object per line, blank lines skipped, each row with its line
/// number. A line that is not JSON is reported (with the reader's words) and not returned.
pub fn read_lines(text: &str) -> Upload {
    let mut upload = Upload::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => upload.rows.push((line_no, value)),
            Err(e) => {
                let key = line_field(line_no, "");
                upload.errors.add(&key, FieldError::ReferenceRow);
                upload.details.insert(key, e.to_string());
            }
        }
    }
    upload
}

/// Writes rows as JSON Lines, the form `read_lines` reads.
pub fn write_lines(rows: &[Value]) -> String {
    rows.iter().map(|r| format!("{r}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_with_their_numbers_and_bad_ones_reported() {
        let upload = read_lines("\u{feff}{\"a\":1}\n\n  \nnot json\n{\"b\":2}\n");
        let lines: Vec<usize> = upload.rows.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, [1, 5]);
        assert_eq!(upload.errors.get("line.4"), Some(FieldError::ReferenceRow));
        assert!(upload.details["line.4"].contains("line 1 column 2"), "{:?}", upload.details);
    }

    #[test]
    fn problems_are_listed_in_line_order() {
        let mut errors = FieldErrors::new();
        errors.add("line.10.code", FieldError::ReferenceCode);
        errors.add("line.2", FieldError::ReferenceRow);
        errors.add("line.2.name.en", FieldError::Required);
        errors.add("changed_by", FieldError::Required);
        let details = BTreeMap::from([("line.2".to_string(), "expected value".to_string())]);
        let lines = ImportError::Problems { errors, details }.lines();
        assert_eq!(
            lines,
            [
                "changed_by: required",
                "line 2: reference.row (expected value)",
                "line 2: name.en: required",
                "line 10: code: reference.code",
            ]
        );
    }
}
