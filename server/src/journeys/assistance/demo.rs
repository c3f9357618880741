//! Demo data (演示数据): the demo resident (`db::demo::DEMO_PHONE`) has two applications, so
//! 我的申请 and 消息 show something in a demo: a 低保 application part-way through review (two
//! steps done, with their dates, now in its 7-day public notice) and a 临时救助 application
//! waiting for a document staff asked for (补正). The standards and communities come from the
//! migration. Everything is dated relative to `now`, so the deadlines are always ahead.
//!
//! The attached documents are records only: the scanned files are not part of the demo data
//! (reading one back answers 404). A new application started in the demo uploads real files.

use crate::db::{demo::DEMO_PHONE, new_id, DbResult};
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::*;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::make_resident_id;
use sqlx::AnyConnection;

const DAY: i64 = 86_400;

/// One step of a demo application's history, `days_ago` before `now`.
struct Step {
    days_ago: i64,
    event: &'static str,
    begins: Option<Stage>,
    /// The message the resident got for it, with its deadline in days from that day.
    message: MessageEvent,
    deadline_days: Option<i64>,
    detail: Option<&'static str>,
}

struct DemoApplication {
    reference: &'static str,
    form: ApplicationForm,
    state: Status,
    stage: Stage,
    documents: &'static [(DocumentKind, &'static str)],
    /// 补正: what staff asked for, with their note.
    requested: Option<(DocumentKind, &'static str)>,
    history: Vec<Step>,
}

fn applicant() -> Applicant {
    Applicant {
        name: "演示居民".into(),
        id_type: IdType::ResidentId,
        id_number: "11010519491231002X".into(),
        birth_date: String::new(),
        phone: DEMO_PHONE.into(),
        residence: Some(Residence::BaoanHukou),
        street: "xinan".into(),
        community: "xinan-haiyu".into(),
        address: "海裕社区 3 栋 501（演示地址）".into(),
    }
}

fn spouse() -> Member {
    Member {
        relation: Some(Relation::Spouse),
        name: "演示家属".into(),
        id_type: IdType::ResidentId,
        id_number: make_resident_id("440306", Date::new(1952, 3, 8).expect("a real date"), 21, true),
        birth_date: String::new(),
        work_status: Some(WorkStatus::Retired),
        monthly_income_yuan: 600,
        disability_level: 2,
        health: "脑梗后行动不便（演示）".into(),
    }
}

fn form(programme: Programme, event: Option<Event>) -> ApplicationForm {
    ApplicationForm {
        programme,
        applicant: applicant(),
        members: vec![spouse()],
        income: Income { pension_yuan: 900, savings_yuan: 12_000, ..Default::default() },
        event,
        bank: Bank {
            bank_name: "中国银行（演示）".into(),
            holder: "演示居民".into(),
            account_number: "6217850000009999001".into(),
        },
        documents: vec![],
        consents: vec![
            Consent { person: "applicant".into(), signed_name: "演示居民".into() },
            Consent { person: "members.0".into(), signed_name: "演示家属".into() },
        ],
    }
}

fn applications(today: Date) -> Vec<DemoApplication> {
    let step = |days_ago, event, begins, message, deadline_days, detail| Step {
        days_ago,
        event,
        begins,
        message,
        deadline_days,
        detail,
    };
    let illness = Event {
        kind: Some(EmergencyKind::Illness),
        date: today.add_days(-12).to_iso(),
        place: "宝安区人民医院（演示）".into(),
        description: "家属突发脑梗住院，自付医疗费较多（演示）".into(),
        expenses_yuan: 18_000,
    };
    vec![
        DemoApplication {
            reference: "SADEMQ2A7K",
            form: form(Programme::MinimumLiving, None),
            state: Status::InReview,
            stage: Stage::PublicNotice,
            documents: &[
                (DocumentKind::IdCards, "身份证.jpg"),
                (DocumentKind::HukouBook, "户口簿.jpg"),
                (DocumentKind::IncomeProof, "养老金流水.pdf"),
                (DocumentKind::DisabilityCertificate, "残疾人证.jpg"),
                (DocumentKind::BankCard, "银行卡.jpg"),
            ],
            requested: None,
            history: vec![
                step(
                    16,
                    "submitted",
                    Some(Stage::CommunityAcceptance),
                    MessageEvent::AssistanceSubmitted,
                    Some(5),
                    None,
                ),
                step(13, "advanced", Some(Stage::HomeVisit), MessageEvent::AssistanceHomeVisit, Some(10), None),
                step(4, "advanced", Some(Stage::PublicNotice), MessageEvent::AssistancePublicNotice, Some(7), None),
            ],
        },
        DemoApplication {
            reference: "SADEMQ3B8N",
            form: form(Programme::Temporary, Some(illness)),
            state: Status::AwaitingDocuments,
            stage: Stage::HomeVisit,
            documents: &[
                (DocumentKind::IdCards, "身份证.jpg"),
                (DocumentKind::HukouBook, "户口簿.jpg"),
                (DocumentKind::EmergencyProof, "住院证明.jpg"),
                (DocumentKind::DisabilityCertificate, "残疾人证.jpg"),
                (DocumentKind::BankCard, "银行卡.jpg"),
            ],
            requested: Some((DocumentKind::MedicalBills, "请上传住院费用清单和发票（演示）")),
            history: vec![
                step(
                    6,
                    "submitted",
                    Some(Stage::CommunityAcceptance),
                    MessageEvent::AssistanceSubmitted,
                    Some(5),
                    None,
                ),
                step(3, "advanced", Some(Stage::HomeVisit), MessageEvent::AssistanceHomeVisit, Some(10), None),
                step(
                    1,
                    "documents_requested",
                    None,
                    MessageEvent::AssistanceDocumentsRequested,
                    Some(10),
                    Some("请上传住院费用清单和发票（演示）"),
                ),
            ],
        },
    ]
}

/// The wire code of an enum value (as the submit stores it).
fn code<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

pub async fn seed(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    let Some((user_id,)): Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE phone = $1").bind(DEMO_PHONE).fetch_optional(&mut *tx).await?
    else {
        return Ok(());
    };
    let today = Date::from_unix_seconds(now, SHENZHEN_UTC_OFFSET);
    for app in applications(today) {
        insert(tx, &user_id, &app, now, today).await?;
    }
    Ok(())
}

async fn insert(tx: &mut AnyConnection, user_id: &str, app: &DemoApplication, now: i64, today: Date) -> DbResult<()> {
    let id = new_id();
    let submitted_at = now - app.history[0].days_ago * DAY;
    let (requested, note, by) = match (app.requested, app.history.last()) {
        (Some((kind, note)), Some(last)) => {
            let by = today.add_days(-last.days_ago + last.deadline_days.unwrap_or(0));
            (kind.code(), Some(note), Some(by.to_iso()))
        }
        _ => ("", None, None),
    };
    let form = serde_json::to_string(&app.form).expect("a form serialises");
    sqlx::query(
        "INSERT INTO assistance_applications (id, reference, user_id, programme, state, stage, form, requested_documents, \
         requested_note, requested_by, submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&id)
    .bind(app.reference)
    .bind(user_id)
    .bind(app.form.programme.code())
    .bind(app.state.code())
    .bind(app.stage.code())
    .bind(form)
    .bind(requested)
    .bind(note)
    .bind(by)
    .bind(submitted_at)
    .bind(now - app.history.last().map_or(0, |s| s.days_ago) * DAY)
    .execute(&mut *tx)
    .await?;
    for (i, m) in app.form.members.iter().enumerate() {
        sqlx::query(
            "INSERT INTO assistance_members (application_id, position, relation, name, id_type, id_number, birth_date, \
             work_status, monthly_income_yuan, disability_level) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(i as i64)
        .bind(code(m.relation))
        .bind(&m.name)
        .bind(m.id_type.code())
        .bind(&m.id_number)
        .bind(m.birth_date(today).map(|d| d.to_iso()).unwrap_or_default())
        .bind(code(m.work_status))
        .bind(m.monthly_income_yuan)
        .bind(i64::from(m.disability_level))
        .execute(&mut *tx)
        .await?;
    }
    for (kind, name) in app.documents {
        let upload = new_id();
        sqlx::query(
            "INSERT INTO uploads (id, user_id, content_type, size_bytes, sha256, original_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&upload)
        .bind(user_id)
        .bind(if name.ends_with(".pdf") { "application/pdf" } else { "image/jpeg" })
        .bind(0i64)
        .bind("")
        .bind(*name)
        .bind(submitted_at)
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO assistance_documents (application_id, upload_id, kind, name, added_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&id)
            .bind(&upload)
            .bind(kind.code())
            .bind(*name)
            .bind(submitted_at)
            .execute(&mut *tx)
            .await?;
    }
    for (n, s) in app.history.iter().enumerate() {
        // Seconds apart within a day keep the history's order.
        let at = now - s.days_ago * DAY + n as i64;
        let day = today.add_days(-s.days_ago);
        super::store::record(tx, &id, at, day, s.event, s.begins, s.detail).await?;
        sqlx::query(
            "INSERT INTO messages (id, user_id, topic, event, reference, action_path, deadline, detail, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(s.message.topic().code())
        .bind(s.message.code())
        .bind(app.reference)
        .bind(format!("/assistance/applications/{}", app.reference))
        .bind(s.deadline_days.map(|d| day.add_days(d).to_iso()))
        .bind(s.detail)
        .bind(at)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo forms pass the same checks as a resident's submit (the demo shows nothing a
    /// resident could not have sent), and nothing essential is missing.
    #[test]
    fn demo_applications_are_valid_and_complete() {
        let today = Date::new(2026, 3, 2).unwrap();
        for app in applications(today) {
            let residence = app.form.applicant.residence.unwrap();
            let disabled = app.form.members.iter().any(|m| m.disability_level > 0);
            let mut form = app.form.clone();
            form.documents = app
                .documents
                .iter()
                .map(|(kind, name)| AttachedDocument { kind: *kind, upload_id: "u".into(), name: name.to_string() })
                .collect();
            assert_eq!(form.validate(today, |s, c| s == "xinan" && c == "xinan-haiyu"), Ok(()), "{}", app.reference);
            let missing: Vec<_> = required_documents(app.form.programme, residence, disabled)
                .into_iter()
                .filter(|need| !app.documents.iter().any(|(k, _)| *k == need.kind))
                .collect();
            assert_eq!(missing, vec![], "{}", app.reference);
            assert!(app.reference.starts_with("SA") && app.reference.len() == 10);
        }
    }
}
