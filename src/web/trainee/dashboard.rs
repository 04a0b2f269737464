//! `GET /me`: the trainee's own page: their profile as registered, and
//! (as the programme's features land) their class, attendance, exam and
//! certificates.

use actix_web::web::{self, Html};
use askama::Template;

use crate::auth::extractors::Trainee;
use crate::db::models::region::Town;
use crate::db::models::user::User;
use crate::domain::emirates_id::EmiratesId;
use crate::domain::mobile::Mobile;
use crate::error::AppError;
use crate::web::AppState;
use crate::web::page::PageCtx;

/// One line of the profile summary.
pub struct ProfileLine {
    pub label: String,
    pub value: String,
    /// Latin text or numbers inside an Arabic page are isolated.
    pub isolate: bool,
}

#[derive(Template)]
#[template(path = "trainee/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageCtx,
    pub name: String,
    pub profile: Vec<ProfileLine>,
}

pub async fn show(
    ctx: PageCtx,
    trainee: Trainee,
    state: web::Data<AppState>,
) -> Result<Html, AppError> {
    let id = trainee.id;
    let (user, towns) = state
        .db
        .read(move |conn| Ok::<_, AppError>((User::find(conn, id)?, Town::all(conn)?)))
        .await?;
    let user = user.ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let line = |key: &str, value: String, isolate: bool| ProfileLine {
        label: ctx.t(key),
        value,
        isolate,
    };
    let mut profile = vec![
        line("profile-name-ar", user.full_name_ar.clone(), false),
        line("profile-name-en", user.full_name_en.clone(), true),
    ];
    if let Some(id) = user
        .emirates_id
        .as_deref()
        .and_then(|id| EmiratesId::parse(id).ok())
    {
        profile.push(line("profile-emirates-id", id.as_str().to_owned(), true));
    }
    if let Some(mobile) = user
        .mobile
        .as_deref()
        .and_then(|mobile| Mobile::parse(mobile).ok())
    {
        profile.push(line("profile-mobile", mobile.local(), true));
    }
    if let Some(email) = &user.email {
        profile.push(line("profile-email", email.clone(), true));
    }
    if let Some(town) = user
        .town_id
        .and_then(|id| towns.iter().find(|town| town.id == id))
    {
        profile.push(line("profile-town", town.name(lang).to_owned(), false));
    }
    if let Some(group) = &user.target_group {
        profile.push(line(
            "profile-target-group",
            ctx.t(&format!("target-group-{group}")),
            false,
        ));
    }
    let page = DashboardPage {
        name: user.name(lang).to_owned(),
        profile,
        ctx,
    };
    Ok(Html::new(page.render()?))
}
