//! Changes to one person's account: deactivate, reactivate, a new
//! one-time password, another role. An admin's own account is refused;
//! deactivating and another role are confirmed first.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{Credential, ListQuery, RoleForm, render};
use crate::auth::extractors::Admin;
use crate::auth::flash;
use crate::auth::password::one_time_password;
use crate::db::models::user::User;
use crate::domain::person::Role;
use crate::error::AppError;
use crate::ops::people::staff::{self, AccountRefused};
use crate::web::confirm::{ConfirmForm, ConfirmPage, confirmed};
use crate::web::forms::FormState;
use crate::web::page::PageCtx;
use crate::web::{AppState, audit_actor, urls};

/// Back to the list with `key`'s message.
fn back(state: &AppState, key: &'static str) -> HttpResponse {
    flash::redirect(&state.settings, urls::ADMIN_USERS, key)
}

/// The page a refusal ends on.
fn refusal(state: &AppState, refused: AccountRefused) -> Result<HttpResponse, AppError> {
    match refused {
        AccountRefused::Missing => Err(AppError::NotFound),
        AccountRefused::OwnAccount => Ok(back(state, "flash-not-on-self")),
        AccountRefused::Unchanged => Ok(back(state, "flash-role-unchanged")),
    }
}

async fn set_active(
    req: HttpRequest,
    admin: Admin,
    state: web::Data<AppState>,
    id: i32,
    active: bool,
) -> Result<HttpResponse, AppError> {
    let actor = audit_actor(&req, admin.id);
    if let Err(refused) =
        staff::set_active(&state.db, &actor, id, active, state.clock().now()).await?
    {
        return refusal(&state, refused);
    }
    let key = if active {
        "flash-user-reactivated"
    } else {
        "flash-user-deactivated"
    };
    Ok(back(&state, key))
}

/// Deactivating signs the person out everywhere, so it is confirmed first.
pub async fn deactivate(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<ConfirmForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    if !input.confirmed() {
        let user = find(&state, id).await?;
        // Refusals need no confirmation: the operation says why.
        if user.id != admin.id {
            let name = user.name(ctx.lang).to_owned();
            return ConfirmPage {
                title: ctx.t("confirm-deactivate-title"),
                consequences: vec![
                    ctx.ts("confirm-deactivate-signs-out", "name", &name),
                    ctx.t("confirm-deactivate-kept"),
                ],
                action: urls::with_id(urls::ADMIN_USER_DEACTIVATE, id),
                fields: Vec::new(),
                yes: ctx.t("confirm-deactivate-yes"),
                back: urls::ADMIN_USERS.to_owned(),
                ctx,
            }
            .respond();
        }
    }
    set_active(req, admin, state, id, false).await
}

/// The account, or 404.
async fn find(state: &AppState, id: i32) -> Result<User, AppError> {
    state
        .db
        .read(move |conn| Ok::<_, AppError>(User::find(conn, id)?))
        .await?
        .ok_or(AppError::NotFound)
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
    let password = one_time_password();
    let hash = state
        .hasher
        .hash(password.clone())
        .await
        .map_err(anyhow::Error::from)?;
    let actor = audit_actor(&req, admin.id);
    let now = state.clock().now();
    let user = match staff::reset_password(&state.db, &actor, id.into_inner(), hash, now).await? {
        Ok(user) => user,
        Err(refused) => return refusal(&state, refused),
    };
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

/// Another role changes what the person may see and do from their next
/// page on, so it is confirmed first.
pub async fn change_role(
    req: HttpRequest,
    ctx: PageCtx,
    admin: Admin,
    state: web::Data<AppState>,
    id: web::Path<i32>,
    input: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let Ok(role) = Role::parse(&input.role) else {
        // A missing or own account is refused before a bad role is.
        let user = find(&state, id).await?;
        let key = if user.id == admin.id {
            "flash-not-on-self"
        } else {
            "flash-role-invalid"
        };
        return Ok(back(&state, key));
    };
    if !confirmed(&input.confirm) {
        let user = find(&state, id).await?;
        if user.id != admin.id && user.role != role {
            let name = user.name(ctx.lang).to_owned();
            let from = ctx.t_code("role", user.role.as_str());
            let to = ctx.t_code("role", role.as_str());
            let lead = ctx.lang.t_args(
                "confirm-role-change",
                &[
                    ("name", name.into()),
                    ("from", from.into()),
                    ("to", to.into()),
                ],
            );
            return ConfirmPage {
                title: ctx.t("confirm-role-title"),
                consequences: vec![lead],
                action: urls::with_id(urls::ADMIN_USER_ROLE, id),
                fields: vec![("role", role.as_str().to_owned())],
                yes: ctx.t("confirm-role-yes"),
                back: urls::ADMIN_USERS.to_owned(),
                ctx,
            }
            .respond();
        }
    }
    let actor = audit_actor(&req, admin.id);
    match staff::change_role(&state.db, &actor, id, role, state.clock().now()).await? {
        Ok(()) => Ok(back(&state, "flash-role-changed")),
        Err(refused) => refusal(&state, refused),
    }
}
