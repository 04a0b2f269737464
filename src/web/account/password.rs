//! `GET/POST /account/password`: change one's own password. Required before
//! anything else for accounts created or reset by an admin.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::extractors::SignedIn;
use crate::db::models::user::User;
use crate::domain::password::{self, PasswordError};
use crate::error::AppError;
use crate::ops::people::sign_in;
use crate::web::forms::FormState;
use crate::web::page::{PageCtx, render};
use crate::web::{AppState, audit_actor, urls};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub current_password: String,
    pub new_password: String,
    pub new_password_confirm: String,
}

#[derive(Template)]
#[template(path = "account/password.html")]
pub struct PasswordPage {
    pub ctx: PageCtx,
    pub form: FormState,
    /// The person signed in with a one-time password.
    pub forced: bool,
}

fn page(
    ctx: PageCtx,
    form: FormState,
    forced: bool,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut response = render(status, &PasswordPage { ctx, form, forced })?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

pub async fn form(ctx: PageCtx, user: SignedIn) -> Result<HttpResponse, AppError> {
    page(
        ctx,
        FormState::default(),
        user.must_change_password,
        StatusCode::OK,
    )
}

pub async fn submit(
    req: HttpRequest,
    ctx: PageCtx,
    user: SignedIn,
    state: web::Data<AppState>,
    input: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let input = input.into_inner();
    let id = user.id;
    let account = state
        .db
        .read(move |conn| Ok::<_, AppError>(User::find(conn, id)?))
        .await?
        .ok_or(AppError::Forbidden)?;
    let mut form = FormState::default();
    let current_ok = state
        .hasher
        .verify(
            Some(account.password_hash.clone()),
            input.current_password.clone(),
        )
        .await
        .map_err(anyhow::Error::from)?;
    if !current_ok {
        form.fail(
            "current_password",
            if input.current_password.is_empty() {
                "field-required"
            } else {
                "password-current-wrong"
            },
        );
    }
    let personal = [
        account.full_name_ar.as_str(),
        account.full_name_en.as_str(),
        account.email.as_deref().unwrap_or(""),
        account.emirates_id.as_deref().unwrap_or(""),
    ];
    if let Err(err) = password::check(&input.new_password, &personal) {
        form.fail("new_password", err.key());
    } else if input.new_password == input.current_password {
        form.fail("new_password", "password-same");
    } else if input.new_password != input.new_password_confirm {
        form.fail("new_password_confirm", PasswordError::Mismatch.key());
    }
    if form.has_errors() {
        return page(
            ctx,
            form,
            user.must_change_password,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }

    let hash = state
        .hasher
        .hash(input.new_password)
        .await
        .map_err(anyhow::Error::from)?;
    let now = state.clock().now();
    let actor = audit_actor(&req, id);
    let cookie =
        sign_in::change_password(&state.db, &state.settings, &actor, id, hash, now).await?;
    let mut response = crate::auth::flash::redirect(
        &state.settings,
        urls::home_for(user.role),
        "flash-password-changed",
    );
    response.add_cookie(&cookie).map_err(anyhow::Error::from)?;
    Ok(response)
}
