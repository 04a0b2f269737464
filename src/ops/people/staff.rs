//! Staff accounts: created by an admin or from the command line (both
//! through [`create`]), deactivated and reactivated, given a new one-time
//! password, and moved to another role.

use anyhow::{Context, bail};
use chrono::{DateTime, NaiveDateTime, Utc};

use crate::auth::password::{hash_blocking, one_time_password};
use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::audit;
use crate::db::models::audit::Action;
use crate::db::models::session::SessionRow;
use crate::db::models::user::{NewUser, User};
use crate::db::{Db, DbConnection, DbError};
use crate::domain::email::Email;
use crate::domain::mobile::Mobile;
use crate::domain::password;
use crate::domain::person::{ArabicName, EnglishName, Role};
use crate::ops::Actor;

/// Where a staff account is created from; the audit entry says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// An admin's form.
    Admin,
    /// `ecitizen user add`.
    CommandLine,
    /// `serve --demo`'s people.
    Demo,
}

/// A staff account to create, its fields already parsed.
pub struct NewStaff {
    pub role: Role,
    pub name_ar: ArabicName,
    pub name_en: EnglishName,
    pub email: Email,
    pub mobile: Option<Mobile>,
    /// The hash of the password the caller chose or generated.
    pub password_hash: String,
    /// The password is one-time: it must be changed at first sign-in.
    pub must_change_password: bool,
    pub source: Source,
}

/// Why a staff account was not created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreateRefused {
    /// Trainees register themselves; this is for staff only.
    NotStaff,
    EmailTaken,
}

/// Creates a staff account and audits `user.create`. Refuses a trainee
/// role and an e-mail address another account already has.
pub async fn create(
    db: &Db,
    actor: &Actor,
    staff: NewStaff,
    now: DateTime<Utc>,
) -> Result<Result<i32, CreateRefused>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| add(conn, &actor, &staff, now)).await
}

/// [`create`]'s step inside a caller's transaction (the demo's seeding).
pub fn add(
    conn: &mut DbConnection,
    actor: &Actor,
    staff: &NewStaff,
    at: NaiveDateTime,
) -> Result<Result<i32, CreateRefused>, DbError> {
    if staff.role == Role::Trainee {
        return Ok(Err(CreateRefused::NotStaff));
    }
    if User::email_taken(conn, staff.email.as_str())? {
        return Ok(Err(CreateRefused::EmailTaken));
    }
    let id = User::insert(
        conn,
        &NewUser {
            role: staff.role,
            full_name_ar: staff.name_ar.as_str(),
            full_name_en: staff.name_en.as_str(),
            email: Some(staff.email.as_str()),
            emirates_id: None,
            date_of_birth: None,
            gender: None,
            mobile: staff.mobile.as_ref().map(Mobile::as_str),
            target_group: None,
            town_id: None,
            channel: None,
            password_hash: &staff.password_hash,
            must_change_password: staff.must_change_password,
            active: true,
            created_at: at,
            updated_at: at,
        },
    )?;
    let role = staff.role.as_str();
    let details = match staff.source {
        Source::Admin => serde_json::json!({ "role": role }),
        Source::CommandLine => serde_json::json!({ "role": role, "source": "command line" }),
        Source::Demo => serde_json::json!({ "role": role, "source": "demo" }),
    };
    audit::append(
        conn,
        &actor.event(Action::UserCreate, format!("user:{id}"), details),
        at,
    )?;
    Ok(Ok(id))
}

/// Why an admin's change to an account was not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountRefused {
    /// No such account.
    Missing,
    /// An admin may not lock themselves out by changing their own account.
    OwnAccount,
    /// The account already has the role asked for.
    Unchanged,
}

/// The account `user_id`, unless it is missing or the actor's own.
fn other_account(
    conn: &mut DbConnection,
    actor: &Actor,
    user_id: i32,
) -> Result<Result<User, AccountRefused>, DbError> {
    let Some(user) = User::find(conn, user_id)? else {
        return Ok(Err(AccountRefused::Missing));
    };
    Ok(if actor.id == Some(user.id) {
        Err(AccountRefused::OwnAccount)
    } else {
        Ok(user)
    })
}

/// Deactivates an account (every session of theirs ends at once) or
/// reactivates it, auditing `user.deactivate` / `user.reactivate`. Refuses
/// a missing account and the actor's own.
pub async fn set_active(
    db: &Db,
    actor: &Actor,
    user_id: i32,
    active: bool,
    now: DateTime<Utc>,
) -> Result<Result<(), AccountRefused>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let user = match other_account(conn, &actor, user_id)? {
            Ok(user) => user,
            Err(refused) => return Ok(Err(refused)),
        };
        User::set_active(conn, user.id, active, now)?;
        let ended = if active {
            0
        } else {
            SessionRow::delete_for_user(conn, user.id)?
        };
        let action = if active {
            Action::UserReactivate
        } else {
            Action::UserDeactivate
        };
        let details = serde_json::json!({ "sessions_ended": ended });
        audit::append(
            conn,
            &actor.event(action, format!("user:{}", user.id), details),
            now,
        )?;
        Ok(Ok(()))
    })
    .await
}

/// Gives an account a new one-time password (its hash given), to be
/// changed at the next sign-in; every session of theirs ends now. Audits
/// `user.password_reset` and returns the account, for showing the password
/// once. Refuses a missing account and the actor's own.
pub async fn reset_password(
    db: &Db,
    actor: &Actor,
    user_id: i32,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<Result<User, AccountRefused>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let user = match other_account(conn, &actor, user_id)? {
            Ok(user) => user,
            Err(refused) => return Ok(Err(refused)),
        };
        User::set_password(conn, user.id, &password_hash, true, now)?;
        let ended = SessionRow::delete_for_user(conn, user.id)?;
        let details = serde_json::json!({ "sessions_ended": ended });
        audit::append(
            conn,
            &actor.event(
                Action::UserPasswordReset,
                format!("user:{}", user.id),
                details,
            ),
            now,
        )?;
        Ok(Ok(user))
    })
    .await
}

/// Moves an account to another role, auditing `user.role_change` with
/// both roles. Refuses a missing account, the actor's own, and the role it
/// already has.
pub async fn change_role(
    db: &Db,
    actor: &Actor,
    user_id: i32,
    role: Role,
    now: DateTime<Utc>,
) -> Result<Result<(), AccountRefused>, DbError> {
    let actor = actor.clone();
    let now = db_now(now);
    db.write(move |conn| {
        let user = match other_account(conn, &actor, user_id)? {
            Ok(user) => user,
            Err(refused) => return Ok(Err(refused)),
        };
        if role == user.role {
            return Ok(Err(AccountRefused::Unchanged));
        }
        User::set_role(conn, user.id, role, now)?;
        let details = serde_json::json!({ "from": user.role.as_str(), "to": role.as_str() });
        audit::append(
            conn,
            &actor.event(Action::UserRoleChange, format!("user:{}", user.id), details),
            now,
        )?;
        Ok(Ok(()))
    })
    .await
}

/// Creates a staff account from the command line. With `password` given it
/// must meet the password rule; without, a one-time password is generated
/// and returned for printing (once), to be changed at first sign-in.
pub async fn add_staff(
    db: &Db,
    settings: &Settings,
    role: &str,
    email: &str,
    name_en: &str,
    name_ar: &str,
    password: Option<String>,
) -> anyhow::Result<Vec<String>> {
    let role = Role::parse(role).ok().filter(|role| *role != Role::Trainee);
    let Some(role) = role else {
        bail!("--role must be trainer, registrar or admin")
    };
    let email = Email::parse(email)
        .ok()
        .context("--email is not an e-mail address")?;
    let name_en = EnglishName::parse(name_en)
        .ok()
        .context("--name-en must be a name in English letters")?;
    let name_ar = ArabicName::parse(name_ar)
        .ok()
        .context("--name-ar must be a name in Arabic letters")?;
    let (password, generated) = match password {
        Some(password) => {
            if let Err(err) = password::check(
                &password,
                &[name_en.as_str(), name_ar.as_str(), email.as_str()],
            ) {
                bail!("the password was refused: {err}");
            }
            (password, false)
        }
        None => (one_time_password(), true),
    };
    let to_hash = password.clone();
    let hash = actix_web::web::block(move || hash_blocking(&to_hash)).await??;
    let login = email.as_str().to_owned();
    let staff = NewStaff {
        role,
        name_ar,
        name_en,
        email,
        mobile: None,
        password_hash: hash,
        must_change_password: generated,
        source: Source::CommandLine,
    };
    let id = match create(db, &Actor::system(), staff, settings.clock.now()).await? {
        Ok(id) => id,
        Err(CreateRefused::EmailTaken) => {
            bail!("an account with the e-mail {login} already exists")
        }
        Err(CreateRefused::NotStaff) => bail!("--role must be trainer, registrar or admin"),
    };
    let mut facts = vec![format!("created {} account {id}: {login}", role.as_str())];
    if generated {
        facts.push(format!(
            "one-time password (change at first sign-in): {password}"
        ));
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::models::audit::{Filter, list};

    fn parsed(email: &str) -> NewStaff {
        NewStaff {
            role: Role::Registrar,
            name_ar: ArabicName::parse("سارة أحمد").expect("an Arabic name"),
            name_en: EnglishName::parse("Sara Ahmed").expect("an English name"),
            email: Email::parse(email).expect("an address"),
            mobile: None,
            password_hash: "not a real hash".to_owned(),
            must_change_password: true,
            source: Source::Admin,
        }
    }

    #[actix_web::test]
    async fn the_command_line_and_an_admin_create_the_same_account() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let settings = Settings::new(dir.path().to_path_buf(), None).expect("settings");
        let db = Db::open(&settings).await.expect("database");
        db.migrate().await.expect("migrations");
        let admin = Actor {
            id: None,
            client_ip: Some("127.0.0.1".to_owned()),
        };
        let now = settings.clock.now();

        let by_admin = create(&db, &admin, parsed("sara@example.ae"), now)
            .await
            .expect("stored")
            .expect("created");
        add_staff(
            &db,
            &settings,
            "registrar",
            "sara2@example.ae",
            "Sara Ahmed",
            "سارة أحمد",
            None,
        )
        .await
        .expect("created from the command line");
        let again = create(&db, &admin, parsed("sara@example.ae"), now).await;

        let (users, entries) = db
            .read(|conn| {
                let users = User::search(conn, "sara", None, 10, 0)?;
                let entries = list(conn, &Filter::default(), 10, 0)?;
                Ok::<_, DbError>((users, entries))
            })
            .await
            .expect("read back");
        assert_eq!(again.ok(), Some(Err(CreateRefused::EmailTaken)));
        assert_eq!(users.len(), 2);
        let fields = |user: &User| {
            (
                user.role,
                user.full_name_ar.clone(),
                user.full_name_en.clone(),
                user.must_change_password,
                user.active,
            )
        };
        assert_eq!(fields(&users[0]), fields(&users[1]));
        assert!(users.iter().any(|user| user.id == by_admin));
        let details: Vec<serde_json::Value> = entries
            .iter()
            .map(|entry| serde_json::from_str(&entry.details).expect("JSON details"))
            .collect();
        assert_eq!(
            details,
            [
                serde_json::json!({ "role": "registrar", "source": "command line" }),
                serde_json::json!({ "role": "registrar" }),
            ]
        );
    }
}
