//! Rules of the 祭扫 journey. Limits that vary per cemetery or period (group size, how many days
//! ahead, daily hours) are data the server serves; these functions take them as arguments.

use crate::error::FieldError;
use crate::rules::date::Date;

/// Group size when a cemetery does not say otherwise.
pub const DEFAULT_MAX_GROUP: u32 = 6;
/// How many days ahead booking opens when a window does not say otherwise.
pub const DEFAULT_DAYS_AHEAD: u32 = 7;
/// Longest memorial message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 200;
/// Longest biography, in characters.
pub const MAX_BIOGRAPHY_CHARS: usize = 1000;
/// Longest note to staff (proxy sweeping) or report reason.
pub const MAX_NOTE_CHARS: usize = 300;
/// A grave's area, row or number: at most this many letters, digits or Han characters.
pub const MAX_GRAVE_PART_CHARS: usize = 10;

/// The number of visitors, 1..=`max` (the cemetery's limit).
pub fn check_group_size(n: u32, max: u32) -> Result<u32, FieldError> {
    if (1..=max).contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::MemorialGroupSize)
    }
}

/// Province abbreviations on mainland plates (粤 for Guangdong…).
pub const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

fn plate_letter(c: char) -> bool {
    c.is_ascii_uppercase() && c != 'I' && c != 'O'
}

fn plate_alnum(c: char) -> bool {
    plate_letter(c) || c.is_ascii_digit()
}

/// A mainland car plate, normalised (upper case, no spaces or dots): province + city letter +
/// either 5 letters/digits (ordinary, blue/yellow) or 6 (new-energy, green): small new-energy
/// cars D/A/B/C/E (electric) or F/G/H/J/K (hybrid) then 5 letters/digits ending in 4 digits;
/// large new-energy vehicles 5 digits then D or F. I and O are never used.
pub fn parse_plate(input: &str) -> Result<String, FieldError> {
    let plate: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '.' | '-'))
        .flat_map(char::to_uppercase)
        .collect();
    let chars: Vec<char> = plate.chars().collect();
    let ok = chars.len() >= 7
        && PROVINCES.contains(chars[0])
        && plate_letter(chars[1])
        && match &chars[2..] {
            rest if rest.len() == 5 => rest.iter().all(|&c| plate_alnum(c)),
            rest if rest.len() == 6 => {
                let small = "DABCEFGHJK".contains(rest[0])
                    && plate_alnum(rest[1])
                    && rest[2..].iter().all(char::is_ascii_digit);
                let large = rest[..5].iter().all(char::is_ascii_digit) && matches!(rest[5], 'D' | 'F');
                small || large
            }
            _ => false,
        };
    if ok {
        Ok(plate)
    } else {
        Err(FieldError::MemorialPlate)
    }
}

/// A booking period as data (Qingming, winter solstice…).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowRule {
    pub starts_on: Date,
    pub ends_on: Date,
    /// Booking for a day opens this many days before it.
    pub days_ahead: u32,
    /// The booking service's daily hours, minutes after midnight (Shenzhen time).
    pub service_opens_minute: u32,
    pub service_closes_minute: u32,
}

/// Whether `day` can be booked at `now_minute` (minutes after midnight) on `today`.
pub fn check_booking_day(w: &WindowRule, day: Date, today: Date, now_minute: u32) -> Result<(), FieldError> {
    if now_minute < w.service_opens_minute || now_minute >= w.service_closes_minute {
        return Err(FieldError::MemorialServiceClosed);
    }
    if day < today {
        return Err(FieldError::MemorialDayPassed);
    }
    if day < w.starts_on {
        return Err(FieldError::MemorialBeforeWindow);
    }
    if day > w.ends_on {
        return Err(FieldError::MemorialAfterWindow);
    }
    if day.days_since_epoch() - today.days_since_epoch() > i64::from(w.days_ahead) {
        return Err(FieldError::MemorialTooFarAhead);
    }
    Ok(())
}

/// Whether a slot of `day` ending at `ends_minute` can still be booked at `now_minute` on `today`
/// (minutes after Shenzhen midnight). A slot under way still can: visitors may come in during
/// it. Once its end has passed it cannot, as the gate would turn the visitor away; nor can any
/// slot of a day before today.
pub fn check_slot_not_over(day: Date, today: Date, ends_minute: u32, now_minute: u32) -> Result<(), FieldError> {
    if day < today || (day == today && now_minute >= ends_minute) {
        Err(FieldError::MemorialSlotOver)
    } else {
        Ok(())
    }
}

/// The days of the window that can be booked today (for the day picker).
pub fn bookable_days(w: &WindowRule, today: Date) -> Vec<Date> {
    let first = if w.starts_on > today { w.starts_on } else { today };
    let last = today.add_days(i64::from(w.days_ahead));
    let last = if w.ends_on < last { w.ends_on } else { last };
    let mut days = Vec::new();
    let mut d = first;
    while d <= last {
        days.push(d);
        d = d.add_days(1);
    }
    days
}

/// A burial certificate number, normalised: `BA-YYYY-NNNNNN` (district, year of burial, serial).
pub fn parse_certificate_number(input: &str) -> Result<String, FieldError> {
    let s: String = input.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect();
    let parts: Vec<&str> = s.split('-').collect();
    let ok = parts.len() == 3
        && parts[0].len() == 2
        && parts[0].chars().all(|c| c.is_ascii_uppercase())
        && parts[1].len() == 4
        && parts[1].chars().all(|c| c.is_ascii_digit())
        && (1950..=2100).contains(&parts[1].parse::<u32>().unwrap_or(0))
        && parts[2].len() == 6
        && parts[2].chars().all(|c| c.is_ascii_digit());
    if ok {
        Ok(s)
    } else {
        Err(FieldError::MemorialCertificateFormat)
    }
}

/// Plain text up to `max` characters: trimmed, not empty, no control characters other than
/// line breaks. Markup is NOT removed: it is kept and always shown as text, never as HTML.
pub fn parse_plain_text(input: &str, max: usize) -> Result<String, FieldError> {
    let text = input.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(FieldError::Required);
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(FieldError::MemorialTextCharacters);
    }
    if text.chars().count() > max {
        return Err(FieldError::MemorialTextTooLong);
    }
    Ok(text)
}

/// A memorial message (≤ 200 characters, plain text).
pub fn parse_message(input: &str) -> Result<String, FieldError> {
    parse_plain_text(input, MAX_MESSAGE_CHARS)
}

/// One part of a grave's location (area 区, row 排, number 号): 1–10 letters, digits or Han.
pub fn parse_grave_part(input: &str) -> Result<String, FieldError> {
    let s = input.trim().to_uppercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    let ok = s.chars().count() <= MAX_GRAVE_PART_CHARS
        && s.chars().all(|c| c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if ok {
        Ok(s)
    } else {
        Err(FieldError::MemorialGrave)
    }
}

/// A memorial's photo: a JPEG or PNG upload (not a PDF).
pub fn check_memorial_photo(kind: Option<crate::api::FileKind>) -> Result<(), FieldError> {
    use crate::api::FileKind;
    if matches!(kind, Some(FileKind::Jpeg | FileKind::Png)) {
        Ok(())
    } else {
        Err(FieldError::UploadType)
    }
}

/// Who visits: empty name and phone when the account holder comes themself; when booking for
/// someone else (an elderly relative), both their name and their mobile number, so the gate
/// and the cemetery can reach the person who actually comes. Returns (name, phone) normalised.
pub fn check_visitor(name: &str, phone: &str) -> Result<(String, String), Vec<(&'static str, FieldError)>> {
    use crate::rules::name::parse_person_name;
    use crate::rules::phone::parse_mobile;
    let (name, phone) = (name.trim(), phone.trim());
    if name.is_empty() && phone.is_empty() {
        return Ok((String::new(), String::new()));
    }
    let mut errors = Vec::new();
    let name = match name {
        "" => {
            errors.push(("visitor_name", FieldError::MemorialVisitorIncomplete));
            String::new()
        }
        n => parse_person_name(n).unwrap_or_else(|e| {
            errors.push(("visitor_name", e));
            String::new()
        }),
    };
    let phone = match phone {
        "" => {
            errors.push(("visitor_phone", FieldError::MemorialVisitorIncomplete));
            String::new()
        }
        p => parse_mobile(p).unwrap_or_else(|e| {
            errors.push(("visitor_phone", e));
            String::new()
        }),
    };
    if errors.is_empty() {
        Ok((name, phone))
    } else {
        Err(errors)
    }
}

/// Dates of a life: death not before birth, and not after today.
pub fn check_life_dates(born: Date, died: Date, today: Date) -> Result<(), FieldError> {
    if died < born || died > today {
        Err(FieldError::MemorialDates)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
