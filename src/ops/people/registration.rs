//! Trainees create their own account: the account, its first session and
//! the `user.register` audit entry, in one transaction.

use std::sync::Arc;

use actix_web::cookie::Cookie;
use chrono::{DateTime, NaiveDate, Utc};

use crate::auth::session;
use crate::config::Settings;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::user::{NewUser, User};
use crate::db::{Db, DbError, db_now};
use crate::domain::email::Email;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::mobile::Mobile;
use crate::domain::person::{ArabicName, Channel, EnglishName, Gender, Role, TargetGroup};
use crate::ops::Actor;

/// A registration whose every field has been parsed.
#[derive(Clone, Debug)]
pub struct Registration {
    pub name_ar: ArabicName,
    pub name_en: EnglishName,
    pub emirates_id: EmiratesId,
    pub date_of_birth: NaiveDate,
    pub gender: Gender,
    pub mobile: Mobile,
    pub email: Option<Email>,
    pub target_group: TargetGroup,
    pub town_id: i32,
    pub channel: Channel,
}

/// Why no account was created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    EmiratesIdTaken,
    EmailTaken,
}

/// Creates a trainee's account with `password_hash`, audits it as
/// `user.register` (the new account as its actor) and signs them in,
/// returning the session's cookie. Refuses an Emirates ID or e-mail that
/// another account has; both are checked inside the write transaction, so
/// two people cannot register the same one at the same moment.
pub async fn register(
    db: &Db,
    settings: &Arc<Settings>,
    actor: &Actor,
    registration: Registration,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<Result<Cookie<'static>, Refusal>, DbError> {
    let mut event = actor.event(
        Action::UserRegister,
        "user:unknown".to_owned(),
        serde_json::json!({
            "role": "trainee",
            "town": registration.town_id,
            "channel": registration.channel.as_str(),
        }),
    );
    let settings = Arc::clone(settings);
    db.write(move |conn| {
        let valid = &registration;
        if User::emirates_id_taken(conn, valid.emirates_id.as_str())? {
            return Ok(Err(Refusal::EmiratesIdTaken));
        }
        if let Some(email) = &valid.email
            && User::email_taken(conn, email.as_str())?
        {
            return Ok(Err(Refusal::EmailTaken));
        }
        let at = db_now(now);
        let id = User::insert(
            conn,
            &NewUser {
                role: Role::Trainee,
                full_name_ar: valid.name_ar.as_str(),
                full_name_en: valid.name_en.as_str(),
                email: valid.email.as_ref().map(Email::as_str),
                emirates_id: Some(valid.emirates_id.as_str()),
                date_of_birth: Some(valid.date_of_birth),
                gender: Some(valid.gender.as_str()),
                mobile: Some(valid.mobile.as_str()),
                target_group: Some(valid.target_group.as_str()),
                town_id: Some(valid.town_id),
                channel: Some(valid.channel.as_str()),
                password_hash: &password_hash,
                must_change_password: false,
                active: true,
                created_at: at,
                updated_at: at,
            },
        )?;
        event.actor_id = Some(id);
        event.subject = format!("user:{id}");
        audit::append(conn, &event, at)?;
        Ok(Ok(session::start(conn, &settings, id, now)?))
    })
    .await
}
