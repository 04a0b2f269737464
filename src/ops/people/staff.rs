//! Staff accounts: created from the command line (and by an admin).

use anyhow::{Context, bail};

use crate::auth::password::{hash_blocking, one_time_password};
use crate::config::Settings;
use crate::db::db_now;
use crate::db::models::audit::{self, Event};
use crate::db::models::user::{NewUser, User};
use crate::db::{Db, DbError};
use crate::domain::email::Email;
use crate::domain::password;
use crate::domain::person::{ArabicName, EnglishName, Role};

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
    let now = db_now(settings.clock.now());
    let login = email.as_str().to_owned();
    let created = db
        .write(move |conn| {
            if User::email_taken(conn, email.as_str())? {
                return Ok::<_, DbError>(None);
            }
            let id = User::insert(
                conn,
                &NewUser {
                    role: role.as_str(),
                    full_name_ar: name_ar.as_str(),
                    full_name_en: name_en.as_str(),
                    email: Some(email.as_str()),
                    emirates_id: None,
                    date_of_birth: None,
                    gender: None,
                    mobile: None,
                    target_group: None,
                    town_id: None,
                    channel: None,
                    password_hash: &hash,
                    must_change_password: generated,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            audit::append(
                conn,
                &Event {
                    actor_id: None,
                    action: "user.create",
                    subject: format!("user:{id}"),
                    details: serde_json::json!({ "role": role.as_str(), "source": "command line" }),
                    client_ip: None,
                },
                now,
            )?;
            Ok(Some(id))
        })
        .await?;
    let Some(id) = created else {
        bail!("an account with the e-mail {login} already exists")
    };
    let mut facts = vec![format!("created {} account {id}: {login}", role.as_str())];
    if generated {
        facts.push(format!(
            "one-time password (change at first sign-in): {password}"
        ));
    }
    Ok(facts)
}
