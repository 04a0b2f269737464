//! `/admin/users`: find people, create staff accounts ([`create`]),
//! deactivate and reactivate, reset passwords and change roles
//! ([`account`]). Every change is audited (in `ops::people::staff`); an
//! admin cannot lock themselves out by changing their own account here.

mod account;
mod create;

pub use account::{change_role, deactivate, reactivate, reset_password};
pub use create::create;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::Admin;
use crate::db::models::user::User;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::account::register::Choice;
use crate::web::forms::FormState;
use crate::web::page::{self, PageCtx};
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

impl ListQuery {
    /// Whether the list is filtered by the role select's option `code`.
    pub fn filters_role(&self, code: &str) -> bool {
        Role::parse(code).is_ok_and(|role| Role::parse(&self.role) == Ok(role))
    }
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
    /// `yes` once the change is confirmed.
    pub confirm: String,
}

/// A person in the list.
pub struct UserRow {
    pub id: i32,
    pub name_ar: String,
    pub name_en: String,
    pub role: Role,
    pub role_label: String,
    /// E-mail or Emirates ID: what they sign in with.
    pub login: String,
    pub active: bool,
    pub is_self: bool,
}

impl UserRow {
    /// Whether the role select's option `code` is this person's role.
    pub fn has_role(&self, code: &str) -> bool {
        Role::parse(code) == Ok(self.role)
    }

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
            role: user.role,
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
    let mut response = page::render(status, &page)?;
    // A one-time password must not linger in a cache.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
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
