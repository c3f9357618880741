//! Message events: one wire code each, under its topic, and the documented list of codes.

use super::*;

#[test]
fn each_event_has_its_own_code_under_its_topic_and_travels_as_it() {
    let mut codes: Vec<&str> = MessageEvent::ALL.iter().map(|e| e.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), MessageEvent::ALL.len(), "codes are unique");
    for &event in MessageEvent::ALL {
        assert!(event.code().starts_with(&format!("{}.", event.topic().code())), "{event:?}");
        assert_eq!(serde_json::to_value(event).unwrap(), serde_json::json!(event.code()));
        assert_eq!(MessageEvent::from_code(event.code()), Some(event));
    }
    assert_eq!(MessageEvent::from_code("assistance.nope"), None);
}

#[cfg(feature = "openapi")]
#[test]
fn the_document_lists_the_wire_codes() {
    let schema = serde_json::to_value(<MessageEvent as utoipa::PartialSchema>::schema()).unwrap();
    let listed: Vec<&str> = schema["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let codes: Vec<&str> = MessageEvent::ALL.iter().map(|e| e.code()).collect();
    assert_eq!(listed, codes);
}

#[test]
fn a_message_counts_the_days_to_its_deadline_in_shenzhen_time() {
    let message = |created_at: i64, deadline: Option<Date>| Message {
        id: "m".into(),
        topic: Topic::Assistance,
        event: MessageEvent::AssistancePublicNotice,
        reference: "R".into(),
        action_path: "/".into(),
        deadline,
        detail: None,
        created_at,
        read: false,
    };
    // 2026-03-10 20:00 UTC is already 2026-03-11 in Shenzhen: a 7-day notice ends on the 18th.
    let evening = 1_773_172_800; // 2026-03-10T20:00:00Z
    let ends = Date::new(2026, 3, 18).unwrap();
    assert_eq!(message(evening, Some(ends)).days_to_deadline(), Some(7));
    assert_eq!(message(evening, None).days_to_deadline(), None);
}
