//! `GET /admin/audit`: the audit log, newest first, filtered by action,
//! person and dates (UAE days).

use std::collections::HashMap;

use actix_web::web::{self, Html};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::db::models::audit::{self, Filter};
use crate::db::models::user::User;
use crate::domain::time;
use crate::error::AppError;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

const PAGE_SIZE: i64 = 100;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub action: String,
    /// A user id.
    pub actor: String,
    /// `YYYY-MM-DD`, inclusive, UAE time.
    pub from: String,
    pub to: String,
    pub page: u32,
}

pub struct EntryRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub action_label: String,
    pub subject: String,
    pub details: String,
    pub client_ip: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: PageCtx,
    pub query: AuditQuery,
    pub actions: Vec<(String, String)>,
    pub rows: Vec<EntryRow>,
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

pub async fn list(
    ctx: PageCtx,
    _admin: Admin,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<Html, AppError> {
    let query = query.into_inner();
    let filter = Filter {
        action: Some(query.action.trim().to_owned()).filter(|action| !action.is_empty()),
        actor_id: query.actor.trim().parse().ok(),
        from: parse_day(&query.from).and_then(uae_midnight),
        until: parse_day(&query.to)
            .and_then(|day| day.succ_opt())
            .and_then(uae_midnight),
    };
    let offset = i64::from(query.page) * PAGE_SIZE;
    let (entries, actions, people) = state
        .db
        .read(move |conn| {
            let entries = audit::list(conn, &filter, PAGE_SIZE + 1, offset)?;
            let actions = audit::actions(conn)?;
            let actor_ids: Vec<i32> = entries.iter().filter_map(|entry| entry.actor_id).collect();
            let people: HashMap<i32, (String, String)> = User::by_ids(conn, &actor_ids)?
                .into_iter()
                .map(|user| (user.id, (user.full_name_ar, user.full_name_en)))
                .collect();
            Ok::<_, AppError>((entries, actions, people))
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
                .map(|(ar, en)| lang.pick(ar, en).to_owned())
                .unwrap_or_else(|| "—".to_owned()),
            action_label: lang.t(&crate::domain::audit::catalogue_key(&entry.action)),
            action: entry.action,
            subject: entry.subject,
            details: entry.details,
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
            has_next,
            next_page,
        }
        .render()?,
    ))
}
