//! Trainees create their own account: the account, its first session and
//! the `user.register` audit entry, in one transaction.

use std::sync::Arc;

use actix_web::cookie::Cookie;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::auth::session;
use crate::config::Settings;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::user::{NewUser, User};
use crate::db::{Db, DbConnection, DbError, db_now};
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
    let actor = actor.clone();
    let settings = Arc::clone(settings);
    db.write(move |conn| {
        let joined = Joined::Themselves(&actor);
        let id = match add_trainee(conn, &registration, &password_hash, joined, db_now(now))? {
            Ok(id) => id,
            Err(refusal) => return Ok(Err(refusal)),
        };
        Ok(Ok(session::start(conn, &settings, id, now)?))
    })
    .await
}

/// How a trainee's account came to be, for its audit entry.
pub enum Joined<'a> {
    /// Registered on the site: `user.register`, with the new account as the
    /// actor and the request's address.
    Themselves(&'a Actor),
    /// One of `serve --demo`'s people: `user.create` by the system.
    Demo,
}

/// [`register`]'s account and audit entry inside a caller's transaction
/// (the demo adds its trainees this way). Both uniqueness checks run in
/// the transaction.
pub fn add_trainee(
    conn: &mut DbConnection,
    valid: &Registration,
    password_hash: &str,
    joined: Joined<'_>,
    at: NaiveDateTime,
) -> Result<Result<i32, Refusal>, DbError> {
    if User::emirates_id_taken(conn, valid.emirates_id.as_str())? {
        return Ok(Err(Refusal::EmiratesIdTaken));
    }
    if let Some(email) = &valid.email
        && User::email_taken(conn, email.as_str())?
    {
        return Ok(Err(Refusal::EmailTaken));
    }
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
            password_hash,
            must_change_password: false,
            active: true,
            created_at: at,
            updated_at: at,
        },
    )?;
    let subject = format!("user:{id}");
    let event = match joined {
        Joined::Themselves(actor) => {
            let details = serde_json::json!({
                "role": "trainee",
                "town": valid.town_id,
                "channel": valid.channel.as_str(),
            });
            let mut event = actor.event(Action::UserRegister, subject, details);
            event.actor_id = Some(id);
            event
        }
        Joined::Demo => {
            let details = serde_json::json!({ "role": "trainee", "source": "demo" });
            Actor::system().event(Action::UserCreate, subject, details)
        }
    };
    audit::append(conn, &event, at)?;
    Ok(Ok(id))
}
