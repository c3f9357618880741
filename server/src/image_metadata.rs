//! Removes metadata from uploaded photos before they are stored: a phone camera's JPEG carries
//! EXIF (GPS position, time, device) and a PNG may carry text chunks. Only the image stays.
//!
//! - JPEG: every segment before the image data is walked; APP1 (EXIF, XMP), APP3–APP13 (incl.
//!   APP13 Photoshop/IPTC), APP15 and COM (comments) are dropped. APP0 (JFIF), APP2 (ICC colour
//!   profile) and APP14 (Adobe colour transform) are kept, as they change how pixels decode.
//!   From the first scan (SOS) on, the bytes are copied as they are.
//! - PNG: the chunks eXIf, tEXt, zTXt and iTXt are dropped; every other chunk is copied.
//!
//! A file whose structure stops making sense part-way is copied from that point as it is (it
//! is still accepted or refused by content as before): only metadata that can be found is
//! removed, and nothing that is image data is ever dropped.

/// The bytes without metadata (or the same bytes for anything but JPEG and PNG).
pub fn strip(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        strip_jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        strip_png(bytes)
    } else {
        bytes.to_vec()
    }
}

fn drops_jpeg_marker(marker: u8) -> bool {
    matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE)
}

fn strip_jpeg(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        // Fill bytes, and markers without a length (TEM, RSTn): copy and go on.
        if marker == 0xFF {
            out.push(0xFF);
            i += 1;
            continue;
        }
        if marker == 0x01 || (0xD0..=0xD7).contains(&marker) {
            out.extend_from_slice(&bytes[i..i + 2]);
            i += 2;
            continue;
        }
        // SOS: the image data starts; EOI: the end. Copy the rest as it is.
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let end = i + 2 + length;
        if length < 2 || end > bytes.len() {
            break;
        }
        if !drops_jpeg_marker(marker) {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
    }
    out.extend_from_slice(&bytes[i.min(bytes.len())..]);
    out
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
const PNG_DROPPED: [&[u8; 4]; 4] = [b"eXIf", b"tEXt", b"zTXt", b"iTXt"];

fn strip_png(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut i = PNG_SIGNATURE.len();
    while i + 12 <= bytes.len() {
        let length = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let Some(end) = i.checked_add(12 + length).filter(|&e| e <= bytes.len()) else { break };
        let kind = &bytes[i + 4..i + 8];
        if !PNG_DROPPED.iter().any(|d| kind == d.as_slice()) {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    out.extend_from_slice(&bytes[i.min(bytes.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend(((data.len() + 2) as u16).to_be_bytes());
        s.extend(data);
        s
    }

    #[test]
    fn jpeg_loses_exif_iptc_and_comments_but_keeps_the_image() {
        let jfif = segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let exif = segment(0xE1, b"Exif\0\0GPS 22.5N 113.9E");
        let iptc = segment(0xED, b"Photoshop 3.0\0city");
        let comment = segment(0xFE, b"taken at home");
        let icc = segment(0xE2, b"ICC_PROFILE\0");
        let dqt = segment(0xDB, &[0; 65]);
        let scan = [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0x00, 0xFF, 0xD9];
        let mut input = vec![0xFF, 0xD8];
        for part in [&jfif, &exif, &iptc, &comment, &icc, &dqt] {
            input.extend(part);
        }
        input.extend(scan);
        let mut want = vec![0xFF, 0xD8];
        for part in [&jfif, &icc, &dqt] {
            want.extend(part);
        }
        want.extend(scan);
        assert_eq!(strip(&input), want);
    }

    #[test]
    fn a_broken_jpeg_is_copied_from_where_it_breaks() {
        let mut input = vec![0xFF, 0xD8];
        input.extend(segment(0xE1, b"Exif\0\0"));
        input.extend([7u8; 20]);
        let mut want = vec![0xFF, 0xD8];
        want.extend([7u8; 20]);
        assert_eq!(strip(&input), want);
        let truncated = [0xFF, 0xD8, 0xFF, 0xE1, 0x40, 0x00, 1, 2];
        assert_eq!(strip(&truncated), truncated);
    }

    #[test]
    fn png_loses_text_and_exif_chunks() {
        fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend(kind);
            c.extend(data);
            c.extend([0, 0, 0, 0]);
            c
        }
        let ihdr = chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        let idat = chunk(b"IDAT", &[1, 2, 3]);
        let iend = chunk(b"IEND", &[]);
        let mut input = PNG_SIGNATURE.to_vec();
        for part in [
            ihdr.clone(),
            chunk(b"eXIf", b"MM\0*GPS"),
            chunk(b"tEXt", b"Author\0me"),
            chunk(b"zTXt", b"x"),
            chunk(b"iTXt", b"y"),
            idat.clone(),
            iend.clone(),
        ] {
            input.extend(part);
        }
        let mut want = PNG_SIGNATURE.to_vec();
        for part in [ihdr, idat, iend] {
            want.extend(part);
        }
        assert_eq!(strip(&input), want);
    }

    #[test]
    fn other_files_are_untouched() {
        assert_eq!(strip(b"%PDF-1.4 Author"), b"%PDF-1.4 Author");
    }
}
