//! The slot list of one cemetery and day, kept in memory: at opening time thousands of phones
//! reload it every few seconds, and each read would otherwise be a database query. Booking and
//! cancelling drop the day's entry, so the next read is fresh; a short lifetime bounds how stale
//! a list can be if another process (staff tools) changes slots directly.
//!
//! Keyed by database URL too, so several servers in one process (the tests) never share entries.

use baoan_contract::memorial::SlotList;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

const LIFETIME: Duration = Duration::from_secs(5);

type Key = (String, String, String);
/// Each day's slot list with the moment it was read.
type Cache = Mutex<HashMap<Key, (Instant, Arc<SlotList>)>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

fn key(db: &str, cemetery: &str, date: &str) -> Key {
    (db.to_string(), cemetery.to_string(), date.to_string())
}

pub fn get(db: &str, cemetery: &str, date: &str) -> Option<Arc<SlotList>> {
    let map = cache().lock().unwrap_or_else(|e| e.into_inner());
    map.get(&key(db, cemetery, date)).filter(|(at, _)| at.elapsed() < LIFETIME).map(|(_, list)| list.clone())
}

pub fn put(db: &str, list: SlotList) -> Arc<SlotList> {
    let list = Arc::new(list);
    let mut map = cache().lock().unwrap_or_else(|e| e.into_inner());
    if map.len() > 10_000 {
        map.clear(); // bounded: never grows without limit
    }
    map.insert(key(db, &list.cemetery_id, &list.date.to_iso()), (Instant::now(), list.clone()));
    list
}

/// Drops a day's list after its places changed.
pub fn invalidate(db: &str, cemetery: &str, date: &str) {
    let mut map = cache().lock().unwrap_or_else(|e| e.into_inner());
    map.remove(&key(db, cemetery, date));
}

/// Drops every list of one database, after an import changed its slots.
pub fn forget_database(db: &str) {
    let mut map = cache().lock().unwrap_or_else(|e| e.into_inner());
    map.retain(|(key_db, _, _), _| key_db != db);
}
