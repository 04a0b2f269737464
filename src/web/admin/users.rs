//! `/admin/users`: find people, create staff accounts, deactivate and
//! reactivate, reset passwords and change roles. Every change is audited;
//! an admin cannot lock themselves out by changing their own account here.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::auth::password::one_time_password;
use crate::db::DbError;
use crate::db::models::audit;
use crate::db::models::session::SessionRow;
use crate::db::models::user::{NewUser, User};
use crate::domain::email::Email;
use crate::domain::mobile::Mobile;
use crate::domain::person::{self, ArabicName, EnglishName, Role};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::account_event;
use crate::web::account::register::Choice;
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, urls};

/// People per page of the list.
const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub role: String,
    pub page: u32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CreateForm {
    pub role: String,
    pub full_name_ar: String,
    pub full_name_en: String,
    pub email: String,
    pub mobile: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleForm {
    pub role: String,
}

/// A person in the list.
pub struct UserRow {
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub role: String,
    pub role_label: String,
    /// E-mail or Emirates ID: what they sign in with.
    pub login: String,
    pub active: bool,
    pub is_self: bool,
}

impl UserRow {
    pub fn action(&self, pattern: &str) -> String {
        urls::with_id(pattern, self.id)
    }
}

/// A one-time password, shown once and never stored in clear.
pub struct Credential {
    pub name: String,
    pub login: String,
    pub password: String,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub ctx: PageCtx,
    pub rows: Vec<UserRow>,
    pub query: ListQuery,
    pub roles: Vec<Choice>,
    pub staff_roles: Vec<Choice>,
    pub form: FormState,
    pub credential: Option<Credential>,
    pub has_next: bool,
    pub next_page: String,
    pub prev_page: Option<String>,
}

fn role_choices(roles: &[Role], lang: Lang) -> Vec<Choice> {
    roles
        .iter()
        .map(|role| Choice {
            code: role.as_str().to_owned(),
            label: lang.t(&format!("role-{}", role.as_str())),
        })
        .collect()
}

fn page_link(query: &ListQuery, page: u32) -> String {
    let params = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("q", &query.q)
        .append_pair("role", &query.role)
        .append_pair("page", &page.to_string())
        .finish();
    format!("{}?{params}", urls::ADMIN_USERS)
}

async fn render(
    ctx: PageCtx,
    state: &AppState,
    admin_id: i32,
    query: ListQuery,
    form: FormState,
    credential: Option<Credential>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let role = Role::parse(&query.role).ok();
    let (search, page) = (query.q.clone(), i64::from(query.page));
    let users = state
        .db
        .read(move |conn| {
            Ok::<_, AppError>(User::search(
                conn,
                &search,
                role,
                PAGE_SIZE + 1,
                page * PAGE_SIZE,
            )?)
        })
        .await?;
    let has_next = users.len() > PAGE_SIZE as usize;
    let rows = users
        .iter()
        .take(PAGE_SIZE as usize)
        .map(|user| UserRow {
            id: user.id,
            name_ar: user.full_name_ar.clone(),
            name_en: user.full_name_en.clone(),
            role: user.role.clone(),
            role_label: lang.t(&format!("role-{}", user.role)),
            login: user
                .email
                .clone()
                .or_else(|| user.emirates_id.clone())
                .unwrap_or_default(),
            active: user.active,
            is_self: user.id == admin_id,
        })
        .collect();
    let page = UsersPage {
        rows,
        roles: role_choices(Role::ALL, lang),
        staff_roles: role_choices(&[Role::Trainer, Role::Registrar, Role::Admin], lang),
        form,
        credential,
        has_next,
        next_page: page_link(&query, query.page + 1),
        prev_page: query
            .page
            .checked_sub(1)
            .map(|prev| page_link(&query, prev)),
        query,
        ctx,
    };
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        // A one-time password must not linger in a cache.
        .insert_header(("cache-control", "no-store"))
        .body(page.render()?))
}

pub async fn list(
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    render(
        ctx,
        &state,
        admin.id,
        query.into_inner(),
        FormState::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// A new staff account with a one-time password, shown once.
pub async fn create(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    input: web::Form<CreateForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = FormState::default();
    let role = form
        .check("role", &input.role, Role::parse, person::FieldError::key)
        .filter(|role| *role != Role::Trainee);
    if role.is_none() && form.error("role").is_none() {
        form.fail("role", "choice-invalid");
    }
    let name_ar = form.check(
        "full_name_ar",
        &input.full_name_ar,
        ArabicName::parse,
        person::FieldError::key,
    );
    let name_en = form.check(
        "full_name_en",
        &input.full_name_en,
        EnglishName::parse,
        person::FieldError::key,
    );
    let email = form.check("email", &input.email, Email::parse, |err| err.key());
    let mobile = if input.mobile.trim().is_empty() {
        None
    } else {
        form.check("mobile", &input.mobile, Mobile::parse, |err| err.key())
    };
    let (Some(role), Some(name_ar), Some(name_en), Some(email)) = (role, name_ar, name_en, email)
    else {
        return render(
            ctx,
            &state,
            admin.id,
            ListQuery::default(),
            form,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if form.has_errors() {
        return render(
            ctx,
            &state,
            admin.id,
            ListQuery::default(),
            form,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let password = one_time_password();
    let hash = state
        .hasher
        .hash(password.clone())
        .await
        .map_err(anyhow::Error::from)?;
    let now = crate::db::db_now(state.clock().now());
    let login = email.as_str().to_owned();
    let mut event = account_event(
        &req,
        Some(admin.id),
        "user.create",
        None,
        serde_json::json!({ "role": role.as_str() }),
    );
    let created = state
        .db
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
                    mobile: mobile.as_ref().map(Mobile::as_str),
                    target_group: None,
                    town_id: None,
                    channel: None,
                    password_hash: &hash,
                    must_change_password: true,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            event.subject = format!("user:{id}");
            audit::append(conn, &event, now)?;
            Ok(Some(name_en.as_str().to_owned()))
        })
        .await?;
    let Some(name) = created else {
        form.fail("email", "email-taken");
        return render(
            ctx,
            &state,
            admin.id,
            ListQuery::default(),
            form,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let credential = Credential {
        name,
        login,
        password,
    };
    render(
        ctx,
        &state,
        admin.id,
        ListQuery::default(),
        FormState::default(),
        Some(credential),
        StatusCode::OK,
    )
    .await
}

/// Loads the person an action is about; an admin's own account is refused.
async fn other_user(
    state: &AppState,
    admin: &Admin,
    id: i32,
) -> Result<Result<User, &'static str>, AppError> {
    let user = state
        .db
        .read(move |conn| Ok::<_, AppError>(User::find(conn, id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(if user.id == admin.id {
        Err("flash-not-on-self")
    } else {
        Ok(user)
    })
}

async fn set_active(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: i32,
    active: bool,
) -> Result<HttpResponse, AppError> {
    let user = match other_user(&state, &admin, id).await? {
        Ok(user) => user,
        Err(key) => return Ok(flash::redirect(&state.settings, urls::ADMIN_USERS, key)),
    };
    let now = crate::db::db_now(state.clock().now());
    let action = if active {
        "user.reactivate"
    } else {
        "user.deactivate"
    };
    let mut event = account_event(
        &req,
        Some(admin.id),
        action,
        Some(user.id),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            User::set_active(conn, user.id, active, now)?;
            let ended = if active {
                0
            } else {
                SessionRow::delete_for_user(conn, user.id)?
            };
            event.details = serde_json::json!({ "sessions_ended": ended });
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    let key = if active {
        "flash-user-reactivated"
    } else {
        "flash-user-deactivated"
    };
    Ok(flash::redirect(&state.settings, urls::ADMIN_USERS, key))
}

pub async fn deactivate(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_active(req, admin, state, id.into_inner(), false).await
}

pub async fn reactivate(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    set_active(req, admin, state, id.into_inner(), true).await
}

/// A new one-time password, shown once; the person must change it at their
/// next sign-in, and every session of theirs ends now.
pub async fn reset_password(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    let user = match other_user(&state, &admin, id.into_inner()).await? {
        Ok(user) => user,
        Err(key) => return Ok(flash::redirect(&state.settings, urls::ADMIN_USERS, key)),
    };
    let password = one_time_password();
    let hash = state
        .hasher
        .hash(password.clone())
        .await
        .map_err(anyhow::Error::from)?;
    let now = crate::db::db_now(state.clock().now());
    let user_id = user.id;
    let mut event = account_event(
        &req,
        Some(admin.id),
        "user.password_reset",
        Some(user_id),
        serde_json::json!({}),
    );
    state
        .db
        .write(move |conn| {
            User::set_password(conn, user_id, &hash, true, now)?;
            let ended = SessionRow::delete_for_user(conn, user_id)?;
            event.details = serde_json::json!({ "sessions_ended": ended });
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    let credential = Credential {
        name: user.name(ctx.lang).to_owned(),
        login: user
            .email
            .clone()
            .or(user.emirates_id.clone())
            .unwrap_or_default(),
        password,
    };
    render(
        ctx,
        &state,
        admin.id,
        ListQuery::default(),
        FormState::default(),
        Some(credential),
        StatusCode::OK,
    )
    .await
}

pub async fn change_role(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let user = match other_user(&state, &admin, id.into_inner()).await? {
        Ok(user) => user,
        Err(key) => return Ok(flash::redirect(&state.settings, urls::ADMIN_USERS, key)),
    };
    let Ok(role) = Role::parse(&input.role) else {
        return Ok(flash::redirect(
            &state.settings,
            urls::ADMIN_USERS,
            "flash-role-invalid",
        ));
    };
    if role == user.role() {
        return Ok(flash::redirect(
            &state.settings,
            urls::ADMIN_USERS,
            "flash-role-unchanged",
        ));
    }
    let now = crate::db::db_now(state.clock().now());
    let event = account_event(
        &req,
        Some(admin.id),
        "user.role_change",
        Some(user.id),
        serde_json::json!({ "from": user.role, "to": role.as_str() }),
    );
    let user_id = user.id;
    state
        .db
        .write(move |conn| {
            User::set_role(conn, user_id, role, now)?;
            audit::append(conn, &event, now)?;
            Ok::<_, DbError>(())
        })
        .await?;
    Ok(flash::redirect(
        &state.settings,
        urls::ADMIN_USERS,
        "flash-role-changed",
    ))
}
