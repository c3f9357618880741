//! Judging an uploaded file by its content, not its name.

use super::*;

#[test]
fn files_are_judged_by_content_not_name() {
    assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), Some(FileKind::Jpeg));
    assert_eq!(FileKind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
    assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
    // An executable or HTML renamed to .jpg is refused.
    assert_eq!(FileKind::sniff(b"MZ\x90\x00"), None);
    assert_eq!(FileKind::sniff(b"<html><script>"), None);
    assert_eq!(FileKind::sniff(b""), None);
}
