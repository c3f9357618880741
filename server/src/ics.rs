//! iCalendar (.ics) files so a booking can be added to the phone's calendar (RFC 5545).

/// One event. Times are Unix seconds (written in UTC); text is escaped and lines folded.
pub struct Event<'a> {
    pub uid: &'a str,
    pub start: i64,
    pub end: i64,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
}

pub fn calendar(event: &Event, now: i64) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Bao'an Civil Affairs//baoan-server//ZH".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}@baoan-civil-affairs", escape(event.uid)),
        format!("DTSTAMP:{}", utc(now)),
        format!("DTSTART:{}", utc(event.start)),
        format!("DTEND:{}", utc(event.end)),
        format!("SUMMARY:{}", escape(event.summary)),
        format!("LOCATION:{}", escape(event.location)),
        format!("DESCRIPTION:{}", escape(event.description)),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("\r\n") + "\r\n"
}

fn utc(unix: i64) -> String {
    let date = baoan_contract::rules::date::Date::from_unix_seconds(unix, 0);
    let secs = unix.rem_euclid(86_400);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_valid_event_with_escaped_folded_text() {
        let ics = calendar(
            &Event {
                uid: "M-1",
                start: 1_779_235_200, // 2026-05-20 00:00 UTC
                end: 1_779_237_000,
                summary: "结婚登记, 宝安区婚姻登记处",
                location: "宝安区; 新安街道",
                description: &"很长的说明".repeat(20),
            },
            0,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART:20260520T000000Z\r\n"));
        assert!(ics.contains("SUMMARY:结婚登记\\, 宝安区婚姻登记处"));
        assert!(ics.contains("LOCATION:宝安区\\; 新安街道"));
        assert!(ics.lines().all(|l| l.len() <= 76), "every line folded to 75 octets");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
