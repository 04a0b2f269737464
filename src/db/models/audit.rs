//! The append-only audit log. Each entry's hash is
//! `SHA-256(previous hash ‖ canonical entry)`, so changing, removing or
//! reordering an entry breaks the chain from there on.

use chrono::{NaiveDateTime, SubsecRound};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::DbConnection;
use crate::db::schema::audit_log;
pub use crate::domain::audit::Action;

/// The "previous hash" of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_id: Option<i32>,
    /// What happened, e.g. `login.failure`; also the catalogue key suffix.
    pub action: String,
    /// What it happened to, e.g. `user:12`.
    pub subject: String,
    /// A JSON object with the particulars (never secrets).
    pub details: String,
    pub client_ip: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// An event to append.
#[derive(Clone, Debug)]
pub struct Event {
    pub actor_id: Option<i32>,
    pub action: Action,
    pub subject: String,
    pub details: serde_json::Value,
    pub client_ip: Option<String>,
}

/// Who causes a change, as the audit log records them: a person (or the
/// system, with no id) and the address the request came from.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub id: Option<i32>,
    pub client_ip: Option<String>,
}

impl Actor {
    /// The system itself (the sweeper, a class ending).
    pub fn system() -> Self {
        Self::default()
    }

    pub fn event(&self, action: Action, subject: String, details: serde_json::Value) -> Event {
        Event {
            actor_id: self.id,
            action,
            subject,
            details,
            client_ip: self.client_ip.clone(),
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewEntry<'a> {
    id: i64,
    at: NaiveDateTime,
    actor_id: Option<i32>,
    action: &'a str,
    subject: &'a str,
    details: &'a str,
    client_ip: Option<&'a str>,
    prev_hash: &'a str,
    hash: &'a str,
}

/// The bytes an entry's hash covers, besides the previous hash.
fn canonical(
    id: i64,
    at: NaiveDateTime,
    actor_id: Option<i32>,
    action: &str,
    subject: &str,
    details: &str,
    client_ip: Option<&str>,
) -> String {
    serde_json::json!([
        id,
        at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
        actor_id,
        action,
        subject,
        details,
        client_ip
    ])
    .to_string()
}

fn chain_hash(prev_hash: &str, canonical: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(canonical.as_bytes());
    hex::encode(hasher.finalize())
}

/// The newest entry's id, `None` for an empty log: a version of the
/// database's state, since every change appends an entry and entries are
/// numbered in commit order.
pub fn last_id(conn: &mut DbConnection) -> QueryResult<Option<i64>> {
    crate::db::on_backend!(conn, |c| audit_log::table
        .select(diesel::dsl::max(audit_log::id))
        .first(c))
}

/// Appends an event. Must run inside the caller's write transaction, so the
/// entry stands or falls with the change it records.
pub fn append(conn: &mut DbConnection, event: &Event, now: NaiveDateTime) -> QueryResult<i64> {
    #[cfg(feature = "postgres")]
    if let DbConnection::Postgres(_) = conn {
        // Concurrent transactions would otherwise read the same last entry
        // and fork the chain; SQLite has a single writer already.
        diesel::sql_query("LOCK TABLE audit_log IN EXCLUSIVE MODE").execute(conn)?;
    }
    let last: Option<(i64, String)> = audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash))
        .first(conn)
        .optional()?;
    let (id, prev_hash) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    // Both databases keep microseconds; the hash must cover what is stored.
    let at = now.trunc_subsecs(6);
    let details = event.details.to_string();
    let body = canonical(
        id,
        at,
        event.actor_id,
        event.action.as_str(),
        &event.subject,
        &details,
        event.client_ip.as_deref(),
    );
    let hash = chain_hash(&prev_hash, &body);
    diesel::insert_into(audit_log::table)
        .values(NewEntry {
            id,
            at,
            actor_id: event.actor_id,
            action: event.action.as_str(),
            subject: &event.subject,
            details: &details,
            client_ip: event.client_ip.as_deref(),
            prev_hash: &prev_hash,
            hash: &hash,
        })
        .execute(conn)?;
    Ok(id)
}

/// The outcome of checking the chain.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every entry checks out.
    Intact { entries: u64 },
    /// The first entry that does not.
    Broken { id: i64, reason: &'static str },
}

/// Walks the whole chain in id order.
pub fn verify(conn: &mut DbConnection) -> QueryResult<Verdict> {
    const PAGE: i64 = 1000;
    let mut expected_prev = GENESIS.to_owned();
    let mut expected_id = 1;
    let mut entries = 0u64;
    loop {
        let page: Vec<AuditEntry> = audit_log::table
            .filter(audit_log::id.ge(expected_id))
            .order(audit_log::id)
            .limit(PAGE)
            .select(AuditEntry::as_select())
            .load(conn)?;
        if page.is_empty() {
            return Ok(Verdict::Intact { entries });
        }
        for entry in page {
            if entry.id != expected_id {
                return Ok(Verdict::Broken {
                    id: expected_id,
                    reason: "missing",
                });
            }
            if entry.prev_hash != expected_prev {
                return Ok(Verdict::Broken {
                    id: entry.id,
                    reason: "previous hash does not match",
                });
            }
            let body = canonical(
                entry.id,
                entry.at,
                entry.actor_id,
                &entry.action,
                &entry.subject,
                &entry.details,
                entry.client_ip.as_deref(),
            );
            if chain_hash(&entry.prev_hash, &body) != entry.hash {
                return Ok(Verdict::Broken {
                    id: entry.id,
                    reason: "content does not match its hash",
                });
            }
            expected_prev = entry.hash;
            expected_id += 1;
            entries += 1;
        }
    }
}

/// Filters for the audit page.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub action: Option<String>,
    /// Entries by any of these people (none matched: no entries).
    pub actor_ids: Option<Vec<i32>>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
}

/// Entries matching `filter`, newest first.
pub fn list(
    conn: &mut DbConnection,
    filter: &Filter,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<AuditEntry>> {
    let mut query = audit_log::table
        .select(AuditEntry::as_select())
        .into_boxed();
    if let Some(action) = &filter.action {
        query = query.filter(audit_log::action.eq(action.clone()));
    }
    if let Some(actors) = &filter.actor_ids {
        query = query.filter(audit_log::actor_id.eq_any(actors.clone()));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::at.lt(until));
    }
    query
        .order(audit_log::id.desc())
        .limit(limit)
        .offset(offset)
        .load(conn)
}

/// The distinct actions recorded so far, for the filter's choices.
pub fn actions(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action)
        .load(conn)
}
