//! The demo data's project photos. Nothing may be downloaded, so each is drawn here: the
//! project's category colour with its pictogram (a cross for 助医, a book for 助学, …), written
//! as a real PNG file under the data directory, where staff-attached photos live too.

use super::store::photos as store;
use crate::db::{Db, DbResult};
use baoan_contract::charity::Category;
use flate2::write::ZlibEncoder;
use flate2::{Compression, Crc};
use sqlx::AnyConnection;
use std::io::Write;
use std::path::Path;

pub const WIDTH: u32 = 480;
pub const HEIGHT: u32 = 300;

/// (project, category, variant, alt text). Variant 0: white pictogram on the colour;
/// variant 1: the colour's pictogram on a pale tint of it.
const PHOTOS: [(&str, Category, u8, &str); 7] = [
    ("p-heart-kids", Category::Medical, 0, "示意图：红色背景上的白色十字，代表医疗救助"),
    ("p-heart-kids", Category::Medical, 1, "示意图：浅红色背景上的红色十字"),
    ("p-study-aid", Category::Education, 0, "示意图：蓝色背景上的白色打开的书本，代表助学"),
    ("p-elder-meals", Category::Elderly, 0, "示意图：橙色背景上的白色爱心，代表敬老助老"),
    ("p-elder-meals", Category::Elderly, 1, "示意图：浅橙色背景上的橙色爱心"),
    ("p-flood-kits", Category::Emergency, 0, "示意图：琥珀色背景上的白色警示三角，代表应急救灾"),
    ("p-reading-room", Category::Community, 0, "示意图：紫色背景上的三个白色人形，代表社区"),
];

fn photo_id(project: &str, variant: u8) -> String {
    format!("demo-photo-{project}-{variant}")
}

/// Photo rows for the demo projects (in the seeding transaction; files come from `write_files`).
pub async fn seed(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    for (k, (project, _, variant, alt)) in PHOTOS.iter().enumerate() {
        let photo = store::NewPhoto {
            id: &photo_id(project, *variant),
            project_id: project,
            content_type: "image/png",
            width: WIDTH as i64,
            height: HEIGHT as i64,
            alt,
            now: now + k as i64,
        };
        store::insert(tx, &photo).await?;
    }
    Ok(())
}

/// Draws the files of the demo photos the database has and the data directory lacks (at
/// start, so a fresh data directory beside an old database gets them back too).
pub async fn write_files(db: &Db, data_dir: &Path) -> std::io::Result<()> {
    let dir = crate::uploads::dir_in(data_dir);
    for (project, category, variant, _) in PHOTOS {
        let id = photo_id(project, variant);
        let known = store::content_type(db, &id).await.map_err(std::io::Error::other)?;
        let path = dir.join(&id);
        if known.is_some() && !path.exists() {
            tokio::fs::create_dir_all(&dir).await?;
            tokio::fs::write(path, draw(category, variant)).await?;
        }
    }
    Ok(())
}

fn colour(c: Category) -> [u8; 3] {
    match c {
        Category::Medical => [0xB7, 0x32, 0x2C],
        Category::Education => [0x1F, 0x5F, 0xA8],
        Category::Elderly => [0xB0, 0x5A, 0x12],
        Category::Poverty => [0x2E, 0x7D, 0x4F],
        Category::Emergency => [0x9E, 0x5C, 0x00],
        Category::Community => [0x6A, 0x4C, 0x93],
    }
}

/// Whether the point (u, v) — the pictogram's box is [-1, 1]², v downwards — is inked.
fn pictogram(c: Category, u: f32, v: f32) -> bool {
    let disc = |cx: f32, cy: f32, r: f32| (u - cx).powi(2) + (v - cy).powi(2) < r * r;
    match c {
        Category::Medical => (u.abs() < 0.28 && v.abs() < 0.85) || (v.abs() < 0.28 && u.abs() < 0.85),
        Category::Education => {
            // Two pages, lifted at the outer edges, with the spine's gap between them.
            let a = u.abs();
            (0.07..0.92).contains(&a) && v > -0.55 - 0.12 * a && v < 0.55 - 0.12 * a + 0.1
        }
        Category::Elderly => {
            let (x, y) = (u * 1.25, -v * 1.25 + 0.15);
            (x * x + y * y - 1.0).powi(3) - x * x * y.powi(3) <= 0.0
        }
        Category::Poverty => {
            let roof = v > -0.85 && v < -0.1 && u.abs() < (v + 0.85) * 1.15;
            let body = u.abs() < 0.62 && (-0.1..0.8).contains(&v);
            let door = u.abs() < 0.16 && v > 0.3;
            (roof || body) && !door
        }
        Category::Emergency => {
            let triangle = (-0.85..0.75).contains(&v) && u.abs() < (v + 0.85) * 0.58;
            let mark = (u.abs() < 0.09 && (-0.35..0.28).contains(&v)) || disc(0.0, 0.5, 0.11);
            triangle && !mark
        }
        Category::Community => [(-0.58, -0.3), (0.0, -0.45), (0.58, -0.3)]
            .iter()
            .any(|&(cx, cy)| disc(cx, cy, 0.19) || (disc(cx, cy + 0.62, 0.33) && v < cy + 0.78)),
    }
}

/// The photo as PNG bytes: a gentle vertical gradient, the pictogram centred, anti-aliased.
pub fn draw(category: Category, variant: u8) -> Vec<u8> {
    let base = colour(category);
    let tint = base.map(|x| (x as f32 + (255.0 - x as f32) * 0.85) as u8);
    let (ground, ink) = if variant == 0 { (base, [255u8; 3]) } else { (tint, base) };
    let (w, h) = (WIDTH as usize, HEIGHT as usize);
    let r = HEIGHT as f32 * 0.36;
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let mut rgb = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        let shade = 1.0 - 0.18 * y as f32 / h as f32;
        for x in 0..w {
            // 3×3 samples per pixel for smooth edges.
            let mut hits = 0;
            for sy in 0..3 {
                for sx in 0..3 {
                    let u = (x as f32 + (sx as f32 + 0.5) / 3.0 - cx) / r;
                    let v = (y as f32 + (sy as f32 + 0.5) / 3.0 - cy) / r;
                    hits += pictogram(category, u, v) as u32;
                }
            }
            let a = hits as f32 / 9.0;
            for k in 0..3 {
                let g = ground[k] as f32 * shade;
                rgb.push((g + (ink[k] as f32 - g) * a).round() as u8);
            }
        }
    }
    png(WIDTH, HEIGHT, &rgb)
}

/// A truecolour (RGB, 8-bit) PNG of `rgb` (rows top to bottom): signature, IHDR, one zlib
/// IDAT, IEND, each chunk with its CRC.
pub fn png(width: u32, height: u32, rgb: &[u8]) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let mut crc = Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let row = width as usize * 3;
    let mut raw = Vec::with_capacity((row + 1) * height as usize);
    for line in rgb.chunks(row).take(height as usize) {
        raw.push(0); // filter: none
        raw.extend_from_slice(line);
    }
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    z.write_all(&raw).expect("writing to memory");
    let idat = z.finish().expect("writing to memory");
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit, RGB, deflate, no filter method, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_photo_is_a_small_png_of_its_size() {
        let bytes = draw(Category::Medical, 0);
        assert_eq!(baoan_contract::api::FileKind::sniff(&bytes), Some(baoan_contract::api::FileKind::Png));
        assert_eq!(super::super::photos::image_size(baoan_contract::api::FileKind::Png, &bytes), Some((WIDTH, HEIGHT)));
        assert!(bytes.len() < 40_000, "{} bytes", bytes.len());
    }

    #[test]
    fn every_pictogram_inks_its_centre_area_and_not_the_corners() {
        for c in Category::ALL {
            let inked = (-10..=10)
                .flat_map(|i| (-10..=10).map(move |j| (i as f32 / 10.0, j as f32 / 10.0)))
                .filter(|&(u, v)| pictogram(*c, u, v))
                .count();
            assert!(inked > 60, "{c:?} draws something ({inked})");
            assert!(!pictogram(*c, -1.0, -1.0) && !pictogram(*c, 1.0, 1.0), "{c:?} leaves the corners");
        }
    }
}
