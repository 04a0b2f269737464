//! `GET /admin/audit`: the audit log, newest first, filtered by action,
//! person (by name, e-mail, Emirates ID or mobile, or from a row's link)
//! and dates (UAE days). Who acted and whom an entry is about are shown by
//! name; the particulars as a short list of fields.

use std::collections::HashMap;

use actix_web::web::{self, Html};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::db::models::audit::{self, Filter};
use crate::db::models::user::User;
use crate::domain::person::Role;
use crate::domain::time;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

const PAGE_SIZE: i64 = 100;

/// At most this many people match a typed person.
const PEOPLE_LIMIT: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub action: String,
    /// An account id (a row's "by" link).
    pub actor: String,
    /// A name, e-mail address, Emirates ID or mobile number, as typed.
    pub person: String,
    /// `YYYY-MM-DD`, inclusive, UAE time.
    pub from: String,
    pub to: String,
    pub page: u32,
}

/// Whom or what an entry is about: a label, and a page to open if any.
pub struct Subject {
    pub label: String,
    pub link: Option<String>,
    /// As stored (`user:14`), for the title.
    pub raw: String,
}

pub struct EntryRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    /// Entries by the same person.
    pub actor_link: Option<String>,
    pub action: String,
    pub action_label: String,
    pub subject: Subject,
    /// The particulars, field by field (names as recorded).
    pub details: Vec<(String, String)>,
    pub client_ip: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: PageCtx,
    pub query: AuditQuery,
    pub actions: Vec<(String, String)>,
    pub rows: Vec<EntryRow>,
    /// A typed person matched nobody.
    pub nobody: bool,
    pub has_next: bool,
    pub next_page: String,
}

/// Midnight at the start of a UAE day, in UTC.
fn uae_midnight(date: NaiveDate) -> Option<chrono::NaiveDateTime> {
    Some(time::local_to_utc(date, chrono::NaiveTime::MIN))
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    time::parse_day(text).ok()
}

/// `kind:id` as stored.
fn split_subject(subject: &str) -> Option<(&str, i32)> {
    let (kind, id) = subject.split_once(':')?;
    Some((kind, id.parse().ok()?))
}

/// The subject as a person reads it: a name for an account, the kind and
/// number for anything else, linked to its page where there is one.
fn subject(raw: String, people: &HashMap<i32, User>, lang: Lang) -> Subject {
    let (label, link) = match split_subject(&raw) {
        Some(("user", id)) => match people.get(&id) {
            Some(user) => (
                user.name(lang).to_owned(),
                Some(urls::with_id(urls::REGISTRAR_TRAINEE, id))
                    .filter(|_| user.role == Role::Trainee),
            ),
            None => (
                lang.t_args("audit-subject-user", &[("id", id.into())]),
                None,
            ),
        },
        Some((kind, id)) => {
            let link = match kind {
                "cohort" => Some(urls::with_id(urls::ADMIN_COHORT, id)),
                "certificate" => Some(urls::with_id(urls::REGISTRAR_CERTIFICATE, id)),
                "venue" => Some(urls::with_id(urls::ADMIN_VENUE, id)),
                _ => None,
            };
            let key = match kind {
                "attempt" => Some("audit-subject-attempt"),
                "certificate" => Some("audit-subject-certificate"),
                "cohort" => Some("audit-subject-cohort"),
                "enrollment" => Some("audit-subject-enrollment"),
                "holiday" => Some("audit-subject-holiday"),
                "question" => Some("audit-subject-question"),
                "session" => Some("audit-subject-session"),
                "sitting" => Some("audit-subject-sitting"),
                "venue" => Some("audit-subject-venue"),
                _ => None,
            };
            let label =
                key.map_or_else(|| raw.clone(), |key| lang.t_args(key, &[("id", id.into())]));
            (label, link)
        }
        None if raw == "settings" => (lang.t("audit-subject-settings"), None),
        None => (raw.clone(), None),
    };
    Subject { label, link, raw }
}

/// The recorded particulars as (field, value) pairs; text that is not a
/// JSON object is one unnamed line.
fn details(text: &str) -> Vec<(String, String)> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(fields)) => fields
            .into_iter()
            .map(|(name, value)| {
                let value = match value {
                    serde_json::Value::String(text) => text,
                    other => other.to_string(),
                };
                (name, value)
            })
            .collect(),
        _ if text.trim().is_empty() || text.trim() == "{}" => Vec::new(),
        _ => vec![(String::new(), text.to_owned())],
    }
}

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<Html, AppError> {
    let query = query.into_inner();
    let (person, actor) = (
        query.person.trim().to_owned(),
        query.actor.trim().parse().ok(),
    );
    let mut filter = Filter {
        action: Some(query.action.trim().to_owned()).filter(|action| !action.is_empty()),
        actor_ids: actor.map(|id: i32| vec![id]),
        from: parse_day(&query.from).and_then(uae_midnight),
        until: parse_day(&query.to)
            .and_then(|day| day.succ_opt())
            .and_then(uae_midnight),
    };
    let offset = i64::from(query.page) * PAGE_SIZE;
    let (entries, actions, people, nobody) =
        state
            .db
            .read(move |conn| {
                if !person.is_empty() {
                    let found: Vec<i32> = User::search(conn, &person, None, PEOPLE_LIMIT, 0)?
                        .into_iter()
                        .map(|user| user.id)
                        .collect();
                    if found.is_empty() {
                        return Ok::<_, AppError>((
                            Vec::new(),
                            audit::actions(conn)?,
                            HashMap::new(),
                            true,
                        ));
                    }
                    filter.actor_ids = Some(match filter.actor_ids.take() {
                        Some(ids) => ids.into_iter().filter(|id| found.contains(id)).collect(),
                        None => found,
                    });
                }
                let entries = audit::list(conn, &filter, PAGE_SIZE + 1, offset)?;
                let actions = audit::actions(conn)?;
                let mut ids: Vec<i32> = entries.iter().filter_map(|entry| entry.actor_id).collect();
                ids.extend(entries.iter().filter_map(|entry| {
                    match split_subject(&entry.subject) {
                        Some(("user", id)) => Some(id),
                        _ => None,
                    }
                }));
                ids.sort_unstable();
                ids.dedup();
                let people: HashMap<i32, User> = User::by_ids(conn, &ids)?
                    .into_iter()
                    .map(|user| (user.id, user))
                    .collect();
                Ok((entries, actions, people, false))
            })
            .await?;
    let lang = ctx.lang;
    let has_next = entries.len() > PAGE_SIZE as usize;
    let rows = entries
        .into_iter()
        .take(PAGE_SIZE as usize)
        .map(|entry| EntryRow {
            id: entry.id,
            at: crate::domain::time::uae_minutes(entry.at),
            actor: entry
                .actor_id
                .and_then(|id| people.get(&id))
                .map(|user| user.name(lang).to_owned())
                .unwrap_or_else(|| "—".to_owned()),
            actor_link: entry
                .actor_id
                .map(|id| format!("{}?actor={id}", urls::ADMIN_AUDIT)),
            action_label: lang.t(&crate::domain::audit::catalogue_key(&entry.action)),
            action: entry.action,
            subject: subject(entry.subject, &people, lang),
            details: details(&entry.details),
            client_ip: entry.client_ip.unwrap_or_default(),
        })
        .collect();
    let actions = actions
        .into_iter()
        .map(|action| {
            (
                lang.t(&crate::domain::audit::catalogue_key(&action)),
                action,
            )
        })
        .collect();
    let next_page = {
        let params = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("action", &query.action)
            .append_pair("actor", &query.actor)
            .append_pair("person", &query.person)
            .append_pair("from", &query.from)
            .append_pair("to", &query.to)
            .append_pair("page", &(query.page + 1).to_string())
            .finish();
        format!("{}?{params}", urls::ADMIN_AUDIT)
    };
    Ok(Html::new(
        AuditPage {
            ctx,
            query,
            actions,
            rows,
            nobody,
            has_next,
            next_page,
        }
        .render()?,
    ))
}
